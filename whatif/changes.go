package whatif

import (
	"cmp"
	"encoding/binary"
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
	common int        // the length of the prefix all the changes' matters share
	points pointsMemo // whether a regraded evaluation's points change
}

func (l *changeList) add(c Change) {
	if l.n == 0 {
		l.common = len(c.Matter)
	} else if first := l.chunks[0][0].Matter; !strings.HasPrefix(c.Matter, first[:l.common]) {
		l.common = sharedPrefix(first[:l.common], c.Matter)
	}
	if l.n%changeSize == 0 {
		l.chunks = append(l.chunks, make([]Change, 0, changeSize))
	}
	last := &l.chunks[len(l.chunks)-1]
	*last = append(*last, c)
	l.n++
}

func (l *changeList) at(i int32) *Change { return &l.chunks[i/changeSize][i%changeSize] }

// sorted returns the changes ordered by matter, subject, evaluator and
// stage; nil for none. It sorts references, each holding the first bytes
// of its change's matter after the prefix all share: the first and mostly
// the only part of the key compared. A reference holds no pointer, so the
// collector need not scan them.
func (l *changeList) sorted() []Change {
	if l.n == 0 {
		return nil
	}
	type ref struct {
		head uint64 // the matter's first 8 bytes after the shared prefix, big-endian, padded with 0
		i    int32
	}
	order := make([]ref, l.n)
	for i := range order {
		order[i] = ref{head(l.at(int32(i)).Matter[l.common:]), int32(i)}
	}
	slices.SortFunc(order, func(x, y ref) int {
		// Matters that share a prefix compare as what follows it. Heads
		// that differ order their matters: at the first byte that
		// differs, a padding 0 stands for the end of the shorter matter,
		// below the other's byte, which is not 0.
		if c := cmp.Compare(x.head, y.head); c != 0 {
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

// head returns the first 8 bytes of s as a big-endian number, padded
// with 0: a key compared without reading s's bytes again.
func head(s string) uint64 {
	var b [8]byte
	copy(b[:], s)
	return binary.BigEndian.Uint64(b[:])
}

// sharedPrefix returns the length of the prefix a and b share.
func sharedPrefix(a, b string) int {
	n := min(len(a), len(b))
	for i := range n {
		if a[i] != b[i] {
			return i
		}
	}
	return n
}
