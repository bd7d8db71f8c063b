package accountability

import (
	"bytes"
	"encoding/json"
	"reflect"
	"strconv"
	"strings"
)

// Change is one entry added, removed or changed between two revisions:
// List is the register's list ("units", "powers", "responsibilities",
// "flows", "risks", "separations"), Key the entry's key (a separation's is
// "flow:step,step", its steps in byte order, for a separation is the same
// whichever step it names first), Path the two together as in a [Finding]
// (`powers[CF-001]`; an entry with no key, or a key longer than
// [MaxKeyBytes], by its position, counting from 0, in the new revision, or
// in the old for one removed: `powers[#3]`),
// and Fields, for a changed entry, the JSON names of
// the fields that differ, in declaration order. For a flow, a change in its
// steps is spelt out per step: first "steps" if the steps both revisions
// hold come in another order, then "steps[d]" for a step added or removed
// and "steps[d].post" for a field of a step.
type Change struct {
	Kind   ChangeKind `json:"kind"`
	List   string     `json:"list"`
	Key    string     `json:"key"`
	Path   string     `json:"path"`
	Fields []string   `json:"fields,omitempty"`
}

// Changes lists the changes between two revisions, list by list in the
// order of [Register]'s fields; within a list, additions and changes in the
// new revision's order, then removals in the old revision's order.
type Changes []Change

// Diff compares two revisions of a register entry by entry, matching
// entries by key, and returns what was added, removed and changed, with the
// changed fields. Org, Version and the Adoption are not compared. A nil register is an
// empty one. Where a key repeats (which [Register.Validate] reports), the
// n-th entry with the key in old is matched with the n-th in new. Two
// values are the same if their JSON is (an empty list and a nil one are the
// same).
//
// An entry with no key (a power of a county list, which publishes no
// code) is matched with an entry with no key of the other revision by its
// name: a power by its Name and Sub, a responsibility by its Duty, a unit
// or a flow by its Name, a risk by its Flow, Step and Text; the n-th entry
// with a name in old with the n-th in new. So a power inserted at the top
// of a list with no codes is one addition, not a change of every power
// after it. An entry with no key whose name no entry with no key of the
// other revision holds was renamed if it kept its place: such entries of
// the two revisions that follow the same matched entry (or, both, no
// matched entry) are matched, the n-th there in old with the n-th in new,
// and changed in what names them (a power's "name" or "sub", a
// responsibility's "duty", …) and in any other field that differs. Any
// other entry with no key left over is added or removed. An entry with a
// key never matches one without.
//
// So order is part of an entry but not of the register: entries of a
// list in another order are no change, being matched by key or name, while a
// power's bases, a flow's edges or a flow's steps in another order are (a
// flow's step order numbers its Mermaid nodes and breaks [Flow.Order]'s
// ties). A separation's two steps have no order: named the other way
// round, they are the same separation.
func Diff(old, new *Register) Changes {
	if old == nil {
		old = &Register{}
	}
	if new == nil {
		new = &Register{}
	}
	var out Changes
	out = diffList(out, "units", old.Units, new.Units, func(u Unit) string { return u.ID },
		func(u Unit) entryName { return entryName{u.Name} }, nil)
	out = diffList(out, "powers", old.Powers, new.Powers, func(p Power) string { return p.Code },
		func(p Power) entryName { return entryName{p.Name, p.Sub} }, nil)
	out = diffList(out, "responsibilities", old.Responsibilities, new.Responsibilities, func(x Responsibility) string { return x.Code },
		func(x Responsibility) entryName { return entryName{x.Duty} }, nil)
	out = diffList(out, "flows", old.Flows, new.Flows, func(f Flow) string { return f.ID },
		func(f Flow) entryName { return entryName{f.Name} }, flowFields)
	out = diffList(out, "risks", old.Risks, new.Risks, func(k Risk) string { return k.ID },
		func(k Risk) entryName { return entryName{k.Flow, k.Step, k.Text} }, nil)
	// A separation's key is never empty.
	out = diffList(out, "separations", old.Separations, new.Separations, Separation.key, nil,
		func(a, b Separation) []string { return changedFields(a.sorted(), b.sorted()) })
	return out
}

// key is the separation's key, "flow:step,step" with its steps in byte
// order, by which Diff matches separations and findings locate them.
func (s Separation) key() string {
	s = s.sorted()
	return s.Flow + ":" + s.Steps[0] + "," + s.Steps[1]
}

// sorted returns s with its steps in byte order: incompatibility is
// symmetric, so which step a separation names first makes no difference.
func (s Separation) sorted() Separation {
	if s.Steps[1] < s.Steps[0] {
		s.Steps[0], s.Steps[1] = s.Steps[1], s.Steps[0]
	}
	return s
}

// DiffEntries compares two revisions of one list entry by entry, as [Diff]
// compares each list of a register: entries are matched by the key keyOf
// gives them (the n-th entry with a key in old with the n-th in new), and
// a changed entry's Fields are the JSON names of its fields whose JSON
// differs. list names the list in each [Change]'s List and Path. Package
// matters diffs its governance matter list and admission lists with it.
// T must be a struct type; keyOf must not be nil.
//
// DiffEntries knows entries by their keys alone: unlike [Diff], which
// matches an entry with no key by its name, it matches the entries to
// which keyOf gives no key ("") by their order among such entries, the
// n-th in old with the n-th in new.
func DiffEntries[T any](list string, old, new []T, keyOf func(T) string) Changes {
	if keyOf == nil {
		panic("accountability: DiffEntries: nil keyOf function")
	}
	return diffList(nil, list, old, new, keyOf, nil, nil)
}

// occurrences keys each entry by its key and its occurrence of that key.
func occurrences[T any](xs []T, keyOf func(T) string) []string {
	n := make(map[string]int, len(xs))
	keys := make([]string, len(xs))
	for i, x := range xs {
		k := keyOf(x)
		keys[i] = k + "\x00" + strconv.Itoa(n[k])
		n[k]++
	}
	return keys
}

// entryName is what names an entry with no key in its list, by which
// [Diff] matches it: a power's name and sub-item, a unit's name, ….
type entryName [3]string

// entryID is what matches an entry of one revision with an entry of the
// other: its key and its occurrence of the key, or, for an entry with no
// key (keyless), its name (entryName.text) and its occurrence of the name
// among the entries with no key; so an entry with a key matches none
// without. It is kept small, for a list's entries are hashed twice each.
type entryID struct {
	s       string // the key, or for an entry with no key its name
	n       int
	keyless bool
}

// text writes the name as one string, each part after its length, so that
// two names of different parts never give one text.
func (e entryName) text() string {
	var b strings.Builder
	for _, p := range e {
		b.WriteString(strconv.Itoa(len(p)))
		b.WriteByte(':')
		b.WriteString(p)
	}
	return b.String()
}

// entryIDs returns the entryID of each of xs; nameOf nil names every entry
// alike, so that those with no key are told apart by their order alone.
func entryIDs[T any](xs []T, keyOf func(T) string, nameOf func(T) entryName) []entryID {
	n := make(map[entryID]int, len(xs))
	ids := make([]entryID, len(xs))
	for i, x := range xs {
		id := entryID{s: keyOf(x)}
		if id.keyless = id.s == ""; id.keyless && nameOf != nil {
			id.s = nameOf(x).text()
		}
		k := id // its occurrence 0 counts the entries with its key and name
		id.n = n[k]
		n[k]++
		ids[i] = id
	}
	return ids
}

// matchEntries matches the entries of old and new as [Diff] documents,
// from their entryIDs: newAt[i] is the index in old of new's i-th entry,
// or -1 if none matches, and matched[j] says whether old's j-th is
// matched.
func matchEntries(oldIDs, newIDs []entryID) (newAt []int, matched []bool) {
	at := make(map[entryID]int, len(oldIDs))
	for j, id := range oldIDs {
		at[id] = j
	}
	newAt = make([]int, len(newIDs))
	matched = make([]bool, len(oldIDs))
	left := false // an entry with no key left over
	for i, id := range newIDs {
		j, ok := at[id]
		if !ok {
			j = -1
			left = left || id.keyless
		} else {
			matched[j] = true
		}
		newAt[i] = j
	}
	if left {
		pairRenamed(oldIDs, newIDs, newAt, matched)
	}
	return newAt, matched
}

// pairRenamed matches the entries with no key left over whose names the
// other revision's entries with no key do not hold, where they kept their
// place: the n-th such entry of old after a matched entry (or before any)
// with the n-th of new after the same matched entry (or before any).
func pairRenamed(oldIDs, newIDs []entryID, newAt []int, matched []bool) {
	names := func(ids []entryID) map[string]bool {
		m := make(map[string]bool)
		for _, id := range ids {
			if id.keyless {
				m[id.s] = true
			}
		}
		return m
	}
	oldNames, newNames := names(oldIDs), names(newIDs)
	// The entries of old left over after each matched entry of old, by its
	// index; after -1, those before any.
	after := make(map[int][]int)
	prev := -1
	for j, id := range oldIDs {
		switch {
		case matched[j]:
			prev = j
		case id.keyless && !newNames[id.s]:
			after[prev] = append(after[prev], j)
		}
	}
	prev = -1
	for i, id := range newIDs {
		switch {
		case newAt[i] >= 0:
			prev = newAt[i]
		case id.keyless && !oldNames[id.s] && len(after[prev]) > 0:
			j := after[prev][0]
			after[prev] = after[prev][1:]
			newAt[i], matched[j] = j, true
		}
	}
}

func diffList[T any](out Changes, list string, old, new []T, keyOf func(T) string, nameOf func(T) entryName, fields func(a, b T) []string) Changes {
	if fields == nil {
		fields = func(a, b T) []string { return changedFields(a, b) }
	}
	newAt, matched := matchEntries(entryIDs(old, keyOf, nameOf), entryIDs(new, keyOf, nameOf))
	for i, x := range new {
		j := newAt[i]
		if j >= 0 && reflect.DeepEqual(old[j], x) {
			continue // the common case: unchanged
		}
		k := keyOf(x)
		path := key(list, k, i)
		if j < 0 {
			out = append(out, Change{Kind: Added, List: list, Key: k, Path: path})
			continue
		}
		if fs := fields(old[j], x); len(fs) > 0 {
			out = append(out, Change{Kind: Changed, List: list, Key: k, Path: path, Fields: fs})
		}
	}
	for j, x := range old {
		if !matched[j] {
			k := keyOf(x)
			out = append(out, Change{Kind: Removed, List: list, Key: k, Path: key(list, k, j)})
		}
	}
	return out
}

// flowFields spells out a flow's changed steps one by one, after "steps"
// if the steps both flows have are in another order.
func flowFields(a, b Flow) []string {
	var out []string
	for _, f := range changedFields(a, b) {
		if f != "steps" {
			out = append(out, f)
			continue
		}
		keyOf := func(s Step) string { return s.ID }
		if reordered(occurrences(a.Steps, keyOf), occurrences(b.Steps, keyOf)) {
			out = append(out, "steps")
		}
		for _, c := range diffList(nil, "steps", a.Steps, b.Steps, keyOf, nil, nil) {
			if c.Kind != Changed {
				out = append(out, c.Path)
				continue
			}
			for _, sf := range c.Fields {
				out = append(out, c.Path+"."+sf)
			}
		}
	}
	return out
}

// reordered reports whether the keys that a and b both hold come in
// another order in b than in a.
func reordered(a, b []string) bool {
	inA := make(map[string]bool, len(a))
	for _, k := range a {
		inA[k] = true
	}
	i := 0
	for _, k := range b {
		if !inA[k] {
			continue // added
		}
		// Find k in a after the last key found: the keys passed over are
		// removed in b or come later in b, and then are not found.
		for i < len(a) && a[i] != k {
			i++
		}
		if i == len(a) {
			return true // k came before a key b has before it
		}
		i++
	}
	return false
}

// changedFields returns the JSON names of the fields of two structs of one
// type whose JSON differs.
func changedFields(a, b any) []string {
	va, vb := reflect.ValueOf(a), reflect.ValueOf(b)
	t := va.Type()
	var out []string
	for i := 0; i < t.NumField(); i++ {
		sf := t.Field(i)
		if !sf.IsExported() {
			continue
		}
		if !sameJSON(va.Field(i).Interface(), vb.Field(i).Interface()) {
			out = append(out, jsonName(sf))
		}
	}
	return out
}

func jsonName(sf reflect.StructField) string {
	name, _, _ := strings.Cut(sf.Tag.Get("json"), ",")
	if name == "" || name == "-" {
		return sf.Name
	}
	return name
}

func sameJSON(a, b any) bool {
	if reflect.DeepEqual(a, b) || emptyMap(a) && emptyMap(b) {
		return true
	}
	ja, errA := json.Marshal(a)
	jb, errB := json.Marshal(b)
	if errA != nil || errB != nil {
		return reflect.DeepEqual(a, b)
	}
	return bytes.Equal(emptyAsNull(ja), emptyAsNull(jb))
}

// emptyMap reports whether v is a map with no entries, nil or not: a
// field of a list's entry that, like Power.Extra, is omitted from the JSON
// when empty.
func emptyMap(v any) bool {
	rv := reflect.ValueOf(v)
	return rv.Kind() == reflect.Map && rv.Len() == 0
}

func emptyAsNull(j []byte) []byte {
	if string(j) == "[]" {
		return []byte("null")
	}
	return j
}
