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
	points pointsMemo // whether a regraded evaluation's points change
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
// stage; nil for none. It sorts references, each holding its change's
// matter, the first and mostly the only part of the key compared.
func (l *changeList) sorted() []Change {
	if l.n == 0 {
		return nil
	}
	type ref struct {
		matter string
		i      int32
	}
	order := make([]ref, l.n)
	for i := range order {
		order[i] = ref{l.at(int32(i)).Matter, int32(i)}
	}
	slices.SortFunc(order, func(x, y ref) int {
		if c := strings.Compare(x.matter, y.matter); c != 0 {
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

// compare orders changes by matter, subject, evaluator and stage.
func compare(a, b *Change) int {
	return cmp.Or(strings.Compare(a.Matter, b.Matter), strings.Compare(a.Subject, b.Subject),
		strings.Compare(a.Evaluator, b.Evaluator), cmp.Compare(a.Stage, b.Stage))
}
