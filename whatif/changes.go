package whatif

import (
	"cmp"
	"slices"
	"strings"
)

// changeSize is the number of changes in a chunk of a changeList.
const changeSize = 1024

// changeList collects changes in chunks, so that a million of them are
// never copied as a slice grows, and sorts them once, by index.
type changeList struct {
	chunks [][]Change
	n      int
}

func (l *changeList) add(c Change) {
	if l.n%changeSize == 0 {
		l.chunks = append(l.chunks, make([]Change, 0, changeSize))
	}
	last := &l.chunks[len(l.chunks)-1]
	*last = append(*last, c)
	l.n++
}

func (l *changeList) at(i int32) *Change { return &l.chunks[i/changeSize][i%changeSize] }

// sorted returns the changes ordered by matter, subject, evaluator and
// stage; nil for none. It sorts references, each holding the first 16
// bytes of its change's matter as two numbers — which decide the order of
// most matter IDs without reading the strings — then the matter, then
// the index of the change for the rest of the key.
func (l *changeList) sorted() []Change {
	if l.n == 0 {
		return nil
	}
	type ref struct {
		hi, lo uint64
		matter string
		i      int32
	}
	order := make([]ref, l.n)
	for i := range order {
		m := l.at(int32(i)).Matter
		order[i] = ref{prefix(m, 0), prefix(m, 8), m, int32(i)}
	}
	slices.SortFunc(order, func(x, y ref) int {
		if c := cmp.Compare(x.hi, y.hi); c != 0 {
			return c
		}
		if c := cmp.Compare(x.lo, y.lo); c != 0 {
			return c
		}
		return compare(l.at(x.i), l.at(y.i))
	})
	out := make([]Change, l.n)
	for k, r := range order {
		out[k] = *l.at(r.i)
	}
	return out
}

// prefix returns the 8 bytes of s from from, big-endian, padded with
// zeros: strings whose prefixes differ compare as their prefixes do.
func prefix(s string, from int) uint64 {
	var x uint64
	for i := from; i < from+8; i++ {
		x <<= 8
		if i < len(s) {
			x |= uint64(s[i])
		}
	}
	return x
}

// compare orders changes by matter, subject, evaluator and stage.
func compare(a, b *Change) int {
	return cmp.Or(strings.Compare(a.Matter, b.Matter), strings.Compare(a.Subject, b.Subject),
		strings.Compare(a.Evaluator, b.Evaluator), cmp.Compare(a.Stage, b.Stage))
}
