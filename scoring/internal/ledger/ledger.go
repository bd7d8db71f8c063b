package ledger

import (
	"cmp"
	"slices"
	"strings"
	"time"

	"github.com/qingdan/qingdan/scoring/reason"
	"github.com/shopspring/decimal"
)

// Ledger holds entries, one per key, and their amendments. The zero
// Ledger is empty and ready to use. A Ledger is not safe for concurrent
// use.
type Ledger struct {
	matters    strtab
	subjects   intern
	evaluators intern
	kinds      []kind            // by id: each pair of grade and policy
	kindIDs    map[kindKey]int32 // kinds by their names
	kindCache  [kindCache]int32  // 1 + a kind, by kindHash; 0 for none
	classes    classes
	recs       records
	texts      arena             // every record's reasons, see putReasons
	reasonLocs []uint64          // where each stored reason list is in texts
	wide       []decimal.Decimal // points that do not fit fixed-point
	far        []farTime         // times that do not fit int64 nanoseconds
	amends     []amendment
	amendsOf   map[int32][]int32 // record → its amendments
	counts     map[int32]int32   // amended record → the amendment that counts
	long       map[keyIDs]int32  // the records of matters of more than longList, by key (see findKey)
	scratch    []byte            // the stored form of the reasons being added
}

// keyIDs is a key by the ids of its names.
type keyIDs struct{ matter, subject, evaluator, stage int32 }

// longList is the most records of a matter findKey walks: the records of
// a matter that has more are found in Ledger.long instead, so that adding
// many entries of one matter does not take the square of their number.
const longList = 64

// Key identifies an entry: a ledger holds one entry per key.
type Key struct {
	Matter, Subject, Evaluator string
	Stage                      int32
}

// Entry is one evaluation: the grade, points, policy and reasons an
// evaluator gave a subject on a matter, at a stage and a time.
type Entry struct {
	Key
	At      time.Time
	Grade   string
	Policy  string
	Points  decimal.Decimal
	Reasons []reason.Reason
}

// Outcome says what [Ledger.Add], [Ledger.Amend] and [Ledger.Merge] did.
type Outcome uint8

// The outcomes. Anything but Added leaves the ledger as it was.
const (
	Added     Outcome = iota // the entry, amendment or snapshot was added
	Invalid                  // Add: text that is not valid UTF-8, or reasons that do not fit (see ReasonsFit)
	Duplicate                // Add: the key is taken; Amend: the same amendment is there already
	NotFound                 // Amend: no entry has the amendment's key
	Full                     // the ledger cannot take that many more entries
)

// Len returns the number of entries, amendments not counted.
func (l *Ledger) Len() int { return l.recs.len() }

// Add adds an entry, unless its text is not valid UTF-8 or its reasons do
// not fit (Invalid), its key is taken (Duplicate) or the ledger is full.
// It checks nothing else: Book checks what an evaluation must have.
//
// This is the hot path: every name is looked up once, and only texts the
// ledger does not hold yet are checked for UTF-8 (those it holds were
// checked when they came). The matter's lookup is split in two around all
// the work that does not depend on it, so that its likely cache miss
// overlaps that work.
func (l *Ledger) Add(e *Entry) Outcome {
	w := l.matters.start(e.Matter)
	s, knownS := l.subjects.lookup(e.Subject)
	v, knownV := l.evaluators.lookup(e.Evaluator)
	k, knownK := l.kindLookup(e.Grade, e.Policy)
	sameR, written := false, false
	if knownK {
		sameR, written = l.lastReasonsAre(k, e.Reasons)
	}
	if !sameR && !written {
		l.scratch = appendReasons(l.scratch[:0], e.Reasons)
	}
	var cl int32
	knownC := false
	if knownS && knownV && knownK {
		cl, knownC = l.classes.lookup(class{s, v, k})
	}
	f := figuresOf(e)
	textOK := validText(e.Matter) // most matters are new
	m, knownM := l.matters.finish(e.Matter, &w)
	if !knownM && !textOK || !knownS && !validText(e.Subject) || !knownV && !validText(e.Evaluator) ||
		!knownK && (!validText(e.Grade) || !validText(e.Policy)) || !sameR && (len(l.scratch) > maxReasons || !ValidReasons(e.Reasons)) {
		return Invalid
	}
	if knownM && knownS && knownV && l.findKey(m, s, v, e.Stage) >= 0 {
		return Duplicate
	}
	if !l.room(1) {
		return Full
	}
	if !knownM {
		m = l.matters.add(e.Matter, &w)
	}
	if !knownS {
		s = l.subjects.insert(e.Subject)
	}
	if !knownV {
		v = l.evaluators.insert(e.Evaluator)
	}
	if !knownK {
		k = l.addKind(e.Grade, e.Policy)
	}
	if !knownC {
		cl = l.classes.id(class{s, v, k})
	}
	lc := l.matters.loc(m)
	r := l.recs.next()
	r.class, r.stage, r.prev = cl, e.Stage, lc.head
	lc.head = int32(l.recs.len())
	if sameR {
		r.reasons = l.kinds[k].reasons
	} else {
		r.reasons = l.storeReasons(&l.kinds[k], l.scratch)
	}
	l.setFigures(r, e, f)
	if r.prev != 0 {
		l.indexLong(m, 1)
	}
	return Added
}

// room reports whether the ledger can take n more records.
func (l *Ledger) room(n int) bool {
	return l.recs.len()+len(l.amends)+n <= maxRecords && !l.texts.full() && !l.matters.arena.full()
}

// find returns the index of the record with the key, or -1.
func (l *Ledger) find(k *Key) int {
	m, ok := l.matters.lookup(k.Matter)
	if !ok {
		return -1
	}
	s, ok1 := l.subjects.lookup(k.Subject)
	v, ok2 := l.evaluators.lookup(k.Evaluator)
	if !ok1 || !ok2 {
		return -1
	}
	return l.findKey(m, s, v, k.Stage)
}

// findKey is find by ids. It walks the matter's records, but for a
// matter of more than longList, whose records are all in l.long.
func (l *Ledger) findKey(m, s, v, stage int32) int {
	n := 0
	for i := l.matters.loc(m).head; i != 0; n++ {
		if n == longList {
			if j, ok := l.long[keyIDs{m, s, v, stage}]; ok {
				return int(j)
			}
			return -1
		}
		r := l.recs.at(i - 1)
		if c := &l.classes.list[r.class]; c.subject == s && c.evaluator == v && r.stage == stage {
			return int(i - 1)
		}
		i = r.prev
	}
	return -1
}

// indexLong keeps l.long whole after added records were put at the head
// of matter m's list: when the list now has more than longList records,
// it adds those records to l.long, and the others too when the list had
// no more than longList before (they are not there yet).
func (l *Ledger) indexLong(m int32, added int) {
	head := l.matters.loc(m).head
	n := 0
	for i := head; i != 0 && n <= longList; i = l.recs.at(i - 1).prev {
		n++
	}
	if n <= longList {
		return
	}
	old := head // the first record the list had before
	for range added {
		old = l.recs.at(old - 1).prev
	}
	if old != 0 {
		if j, ok := l.long[l.keyOf(m, old-1)]; !ok || j != old-1 {
			old = 0 // the list was short: index all of it
		}
	}
	if l.long == nil {
		l.long = make(map[keyIDs]int32)
	}
	for i := head; i != old; i = l.recs.at(i - 1).prev {
		l.long[l.keyOf(m, i-1)] = i - 1
	}
}

// keyOf returns the key of record i, of matter m, by ids.
func (l *Ledger) keyOf(m, i int32) keyIDs {
	r := l.recs.at(i)
	c := &l.classes.list[r.class]
	return keyIDs{m, c.subject, c.evaluator, r.stage}
}

// Lookup returns the entry with key k as it was added (its own figures,
// not an amendment's), and whether the ledger holds one.
func (l *Ledger) Lookup(k *Key) (Entry, bool) {
	i := l.find(k)
	if i < 0 {
		return Entry{}, false
	}
	m, _ := l.matters.lookup(k.Matter)
	return l.entryAt(l.recs.at(int32(i)), m), true
}

// subjectOf returns the id of a record's subject.
func (l *Ledger) subjectOf(r *record) int32 { return l.classes.list[r.class].subject }

// fill sets r's class and figures from an entry, interning as needed.
func (l *Ledger) fill(r *record, e *Entry) {
	k := l.kindOf(e.Grade, e.Policy)
	r.class = l.classes.id(class{l.subjects.id(e.Subject), l.evaluators.id(e.Evaluator), k})
	l.scratch = appendReasons(l.scratch[:0], e.Reasons)
	r.reasons = l.putReasons(k, l.scratch)
	l.setFigures(r, e, figuresOf(e))
}

// keyCmp orders entries by their keys: matter, subject, evaluator and
// stage.
func keyCmp(x, y *Key) int {
	return cmp.Or(strings.Compare(x.Matter, y.Matter), strings.Compare(x.Subject, y.Subject),
		strings.Compare(x.Evaluator, y.Evaluator), cmp.Compare(x.Stage, y.Stage))
}

// entryAt rebuilds the entry of a record (its own figures) of matter m.
func (l *Ledger) entryAt(r *record, m int32) Entry {
	t := l.tables()
	e := t.entry(r)
	e.Matter = l.matters.name(m)
	return e
}

// Entries returns every entry as it was added, ordered by key. Times are
// in the Local location, as time.Unix gives them.
func (l *Ledger) Entries() []Entry {
	out := l.Unsorted()
	slices.SortFunc(out, func(x, y Entry) int { return keyCmp(&x.Key, &y.Key) })
	return out
}

// Matter returns the entries of one matter as they count — each with the
// grade, points, policy and reasons of the amendment that counts, if any,
// and its own key and At — ordered by At, then stage, subject and
// evaluator; and the matter's amendments, ordered as [Ledger.Amendments]
// orders them. Times are in the Local location, as time.Unix gives them.
func (l *Ledger) Matter(matter string) ([]Entry, []Amendment) {
	m, ok := l.matters.lookup(matter)
	if !ok {
		return nil, nil
	}
	var es []Entry
	var as []Amendment
	for i := l.matters.loc(m).head; i != 0; {
		r := l.recs.at(i - 1)
		e := l.entryAt(r, m)
		if c := l.counting(i-1, r); c != r {
			a := l.entryAt(c, m)
			e.Grade, e.Points, e.Policy, e.Reasons = a.Grade, a.Points, a.Policy, a.Reasons
		}
		es = append(es, e)
		for _, j := range l.amendsOf[i-1] {
			as = append(as, l.amendmentAt(j))
		}
		i = r.prev
	}
	slices.SortFunc(es, func(x, y Entry) int {
		return cmp.Or(x.At.Compare(y.At), cmp.Compare(x.Stage, y.Stage), strings.Compare(x.Subject, y.Subject), strings.Compare(x.Evaluator, y.Evaluator))
	})
	slices.SortFunc(as, func(x, y Amendment) int { return cmp.Or(keyCmp(&x.Key, &y.Key), amendmentCmp(x, y)) })
	return es, as
}
