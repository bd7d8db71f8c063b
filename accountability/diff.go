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
// (`powers[CF-001]`; an entry with no key by its position, counting from
// 0, in the new revision, or in the old for one removed: `powers[#3]`),
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
// So order is part of an entry but not of the register: entries of a
// list in another order are no change, being matched by key, while a
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
	out = diffList(out, "units", old.Units, new.Units, func(u Unit) string { return u.ID }, nil)
	out = diffList(out, "powers", old.Powers, new.Powers, func(p Power) string { return p.Code }, nil)
	out = diffList(out, "responsibilities", old.Responsibilities, new.Responsibilities, func(x Responsibility) string { return x.Code }, nil)
	out = diffList(out, "flows", old.Flows, new.Flows, func(f Flow) string { return f.ID }, flowFields)
	out = diffList(out, "risks", old.Risks, new.Risks, func(k Risk) string { return k.ID }, nil)
	out = diffList(out, "separations", old.Separations, new.Separations, Separation.key,
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
func DiffEntries[T any](list string, old, new []T, keyOf func(T) string) Changes {
	if keyOf == nil {
		panic("accountability: DiffEntries: nil keyOf function")
	}
	return diffList(nil, list, old, new, keyOf, nil)
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

func diffList[T any](out Changes, list string, old, new []T, keyOf func(T) string, fields func(a, b T) []string) Changes {
	if fields == nil {
		fields = func(a, b T) []string { return changedFields(a, b) }
	}
	oldKeys := occurrences(old, keyOf)
	newKeys := occurrences(new, keyOf)
	at := make(map[string]int, len(old))
	for i, k := range oldKeys {
		at[k] = i
	}
	matched := make([]bool, len(old))
	for i, x := range new {
		k := keyOf(x)
		if j, ok := at[newKeys[i]]; ok && reflect.DeepEqual(old[j], x) {
			matched[j] = true // the common case: unchanged
			continue
		}
		path := key(list, k, i)
		j, ok := at[newKeys[i]]
		if !ok {
			out = append(out, Change{Kind: Added, List: list, Key: k, Path: path})
			continue
		}
		matched[j] = true
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
		for _, c := range diffList(nil, "steps", a.Steps, b.Steps, keyOf, nil) {
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
