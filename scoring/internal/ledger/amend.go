package ledger

// Amendments: corrections of an entry, of which the latest counts.

import (
	"cmp"
	"slices"
	"strings"

	"github.com/qingdan/qingdan/scoring/reason"
)

// Amendment corrects the entry with its key: its Entry holds the
// corrected figures and the time of the correction. Among the amendments
// of one entry, the latest counts: the one with the latest At, and among
// those made at the same instant the one that sorts last by grade,
// points (by value), policy, reasons, author and reason.
type Amendment struct {
	Entry
	Author, Reason string
}

// amendment is an Amendment as a ledger keeps it.
type amendment struct {
	record
	author, reason string
	target         int32 // the amended record
	matter         int32 // the target's matter
}

// Amend adds an amendment of the entry with a's key. It returns NotFound
// when the ledger holds no such entry, Duplicate when it holds an
// amendment equal to a already, Full, or Added. Unlike Add it does not
// check a's text: the caller has, to name what is wrong.
func (l *Ledger) Amend(a *Amendment) Outcome {
	i := l.find(&a.Key)
	if i < 0 {
		return NotFound
	}
	for _, j := range l.amendsOf[int32(i)] {
		if amendmentCmp(l.amendmentAt(j), *a) == 0 {
			return Duplicate
		}
	}
	if !l.room(1) {
		return Full
	}
	l.addAmendment(int32(i), a)
	return Added
}

// addAmendment appends a checked amendment of record i and updates which
// amendment counts.
func (l *Ledger) addAmendment(i int32, a *Amendment) {
	m, _ := l.matters.lookup(a.Matter)
	am := amendment{author: strings.Clone(a.Author), reason: strings.Clone(a.Reason), target: i, matter: m}
	l.fill(&am.record, &a.Entry)
	l.amends = append(l.amends, am)
	j := int32(len(l.amends) - 1)
	if l.amendsOf == nil {
		l.amendsOf, l.counts = make(map[int32][]int32), make(map[int32]int32)
	}
	l.amendsOf[i] = append(l.amendsOf[i], j)
	r := l.recs.at(i)
	if r.reasons&flagAmended == 0 || amendmentCmp(l.amendmentAt(l.counts[i]), *a) < 0 {
		r.reasons |= flagAmended
		l.counts[i] = j
	}
}

// counting returns the figures that count for record i: its own, or
// those of the amendment that counts.
func (l *Ledger) counting(i int32, r *record) *record {
	if r.reasons&flagAmended == 0 {
		return r
	}
	return &l.amends[l.counts[i]].record
}

// amendmentCmp orders amendments of one entry: by At, then by grade,
// points (by value), policy, reasons, author and reason, so that "the
// latest" does not depend on arrival order. Amendments it finds equal are
// the same amendment, as the ledger keeps it.
func amendmentCmp(x, y Amendment) int {
	return cmp.Or(
		x.At.Compare(y.At),
		strings.Compare(x.Grade, y.Grade),
		x.Points.Cmp(y.Points),
		strings.Compare(x.Policy, y.Policy),
		slices.CompareFunc(x.Reasons, y.Reasons, reason.Compare),
		strings.Compare(x.Author, y.Author),
		strings.Compare(x.Reason, y.Reason),
	)
}

func (l *Ledger) amendmentAt(j int32) Amendment {
	am := &l.amends[j]
	e := l.entryAt(&am.record, am.matter)
	e.Stage = l.recs.at(am.target).stage
	return Amendment{Entry: e, Author: am.author, Reason: am.reason}
}

// Amendments returns every amendment, ordered by key, then from the
// earliest to the latest (the last of each key is the one that counts).
// Times are in the Local location, as time.Unix gives them.
func (l *Ledger) Amendments() []Amendment {
	out := make([]Amendment, len(l.amends))
	for j := range l.amends {
		out[j] = l.amendmentAt(int32(j))
	}
	slices.SortFunc(out, func(x, y Amendment) int {
		if c := keyCmp(&x.Key, &y.Key); c != 0 {
			return c
		}
		return amendmentCmp(x, y)
	})
	return out
}
