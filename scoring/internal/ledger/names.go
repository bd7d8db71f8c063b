package ledger

import "strings"

// A ledger has few names of each sort but matters — subjects, evaluators,
// pairs of grade and policy, and the classes they make — so it
// interns each into dense ids, found in a small direct-mapped cache before
// a map. (Matters have an index of their own: see strtab.)

// class is the subject, evaluator and kind that records share.
type class struct{ subject, evaluator, kind int32 }

// classCache is the number of entries in classes.cache.
const classCache = 4096

// classes interns classes into dense ids: most are found in a small
// direct-mapped cache, the rest in a map.
type classes struct {
	list  []class
	ids   map[class]int32
	cache [classCache]int32 // 1 + an id, by the class's hash; 0 for none
}

func (c class) hash() int {
	x := uint64(uint32(c.subject)) | uint64(uint32(c.evaluator))<<32
	x ^= uint64(uint32(c.kind)) * 0xBF58476D1CE4E5B9
	return int(x * 0x9E3779B97F4A7C15 >> 52) // the top 12 bits
}

func (cs *classes) lookup(c class) (int32, bool) {
	e := &cs.cache[c.hash()]
	if *e != 0 && cs.list[*e-1] == c {
		return *e - 1, true
	}
	id, ok := cs.ids[c]
	if ok {
		*e = id + 1
	}
	return id, ok
}

func (cs *classes) id(c class) int32 {
	if id, ok := cs.lookup(c); ok {
		return id
	}
	id := int32(len(cs.list))
	cs.list = append(cs.list, c)
	if cs.ids == nil {
		cs.ids = make(map[class]int32)
	}
	cs.ids[c] = id
	cs.cache[c.hash()] = id + 1
	return id
}

// kind is a pair of grade and policy that records share.
type kind struct {
	grade, policy string
	reasons       uint32 // the reasons last stored for the kind, see putReasons
}

// kindCache is the number of entries in Ledger.kindCache.
const kindCache = 256

// kindHash picks the kindCache entry of a pair of grade and policy from
// their lengths and a few of their bytes.
func kindHash(grade, policy string) int {
	x := uint64(len(grade)) | uint64(len(policy))<<8
	if len(grade) > 0 {
		x |= uint64(grade[0])<<16 | uint64(grade[len(grade)/2])<<24 | uint64(grade[len(grade)-1])<<32
	}
	if len(policy) > 0 {
		x |= uint64(policy[len(policy)/2])<<40 | uint64(policy[len(policy)-1])<<48
	}
	return int(x * 0x9E3779B97F4A7C15 >> 56) // Fibonacci hashing: the top 8 bits
}

type kindKey struct{ grade, policy string }

// kindOf returns the id of the pair, adding it when new. A ledger holds
// few pairs (a scale's grades times the policies in force): they are found
// in a small cache, or else in a map.
func (l *Ledger) kindOf(grade, policy string) int32 {
	if id, ok := l.kindLookup(grade, policy); ok {
		return id
	}
	return l.addKind(grade, policy)
}

// kindLookup returns the id of the pair, if the ledger has it.
func (l *Ledger) kindLookup(grade, policy string) (int32, bool) {
	c := &l.kindCache[kindHash(grade, policy)]
	if *c != 0 {
		if k := &l.kinds[*c-1]; k.grade == grade && k.policy == policy {
			return *c - 1, true
		}
	}
	id, ok := l.kindIDs[kindKey{grade, policy}]
	if ok {
		*c = id + 1
	}
	return id, ok
}

// addKind adds a pair the ledger does not have yet.
func (l *Ledger) addKind(grade, policy string) int32 {
	id := int32(len(l.kinds))
	l.kindCache[kindHash(grade, policy)] = id + 1
	k := kind{grade: strings.Clone(grade), policy: strings.Clone(policy)}
	l.kinds = append(l.kinds, k)
	if l.kindIDs == nil {
		l.kindIDs = make(map[kindKey]int32)
	}
	l.kindIDs[kindKey{k.grade, k.policy}] = id
	return id
}

// intern maps strings to dense ids. It keeps copies of the strings, not
// the caller's. A ledger has few names of each sort (subjects and
// evaluators), so most are found in a small direct-mapped cache before the
// map, and the last one found before that.
type intern struct {
	ids    map[string]int32
	names  []string
	last   string
	lastID int32
	ok     bool
	cache  [internCache]int32 // 1 + an id, by quickHash; 0 for none
}

// internCache is the number of entries in intern.cache.
const internCache = 256

// quickHash picks a cache entry for s from its length and a few of its
// bytes: cheap, and enough to tell apart the few names of a sort.
func quickHash(s string) int {
	x := uint64(len(s))
	if n := len(s); n > 0 {
		x |= uint64(s[0])<<8 | uint64(s[n/2])<<16 | uint64(s[n-1])<<24 | uint64(s[n/3])<<32 | uint64(s[(n*2)/3])<<40
	}
	return int(x * 0x9E3779B97F4A7C15 >> 56) // Fibonacci hashing: the top 8 bits
}

func (in *intern) lookup(s string) (int32, bool) {
	if in.ok && s == in.last {
		return in.lastID, true
	}
	c := &in.cache[quickHash(s)]
	if *c != 0 && in.names[*c-1] == s {
		in.last, in.lastID = in.names[*c-1], *c-1
		return *c - 1, true
	}
	id, ok := in.ids[s]
	if ok {
		in.last, in.lastID, in.ok = in.names[id], id, true
		*c = id + 1
	}
	return id, ok
}

func (in *intern) id(s string) int32 {
	if id, ok := in.lookup(s); ok {
		return id
	}
	return in.insert(s)
}

// insert adds s, which must not be there yet.
func (in *intern) insert(s string) int32 {
	if in.ids == nil {
		in.ids = make(map[string]int32)
	}
	s = strings.Clone(s)
	id := int32(len(in.names))
	in.ids[s] = id
	in.names = append(in.names, s)
	in.last, in.lastID, in.ok = s, id, true
	in.cache[quickHash(s)] = id + 1
	return id
}
