package scoring

import (
	"encoding/json"
	"math/big"

	"github.com/qingdan/qingdan/internal/rank"
	"github.com/shopspring/decimal"
)

// Score is one subject's score over a period.
//
// Matters counts the matters with at least one evaluation of the subject
// in the period, Evaluations those evaluations (stages and evaluators
// alike). Composite is the mean over those matters of each matter's mean
// over its evaluations in the period — the stages of a long matter count
// as one matter — computed exactly and rounded half away from zero to 2
// places once, at the end. Grades counts the evaluations by grade code,
// amendments applied. Rank is the subject's place by Composite among the
// subjects scored together; equal composites share a rank (1, 2, 2, 4).
type Score struct {
	Subject     string          `json:"subject"`
	Matters     int             `json:"matters"`
	Evaluations int             `json:"evaluations"`
	Composite   decimal.Decimal `json:"composite"`
	Grades      map[string]int  `json:"grades,omitempty"`
	Rank        int             `json:"rank"`
}

type scoreJSON struct {
	Subject     string         `json:"subject"`
	Matters     int            `json:"matters"`
	Evaluations int            `json:"evaluations"`
	Composite   jsonDecimal    `json:"composite"`
	Grades      map[string]int `json:"grades,omitempty"`
	Rank        int            `json:"rank"`
}

// MarshalJSON writes Composite as a JSON string in its shortest exact form
// ("91.5"), whatever decimal's package settings are.
func (s Score) MarshalJSON() ([]byte, error) {
	return json.Marshal(scoreJSON{s.Subject, s.Matters, s.Evaluations, jsonDecimal(s.Composite), s.Grades, s.Rank})
}

// subjectAcc accumulates one subject's matters.
type subjectAcc struct {
	matters, evals int
	one            int128           // the points of matters with one evaluation, for byN[1]
	byN            []int128         // byN[n]: sum of the point sums of matters with n evaluations
	wide           map[int]*big.Rat // the same, for matters with points that did not fit
}

// local is one subject's evaluations of the matter being summed. It holds
// no pointer, so that filling it needs no write barrier.
type local struct {
	sum     int128
	n       int
	subject int32
	wide    int32 // 1 + the index of its sum of wide points in wides, 0 for none
}

// Scores returns the score of every subject with an evaluation in the
// period, ordered by rank, then subject. An evaluation falls in the period
// by its At, when it was made (an amendment corrects its grade but does
// not move it to another period). The result is the same whatever the
// order in which evaluations were recorded, amended and merged.
//
// Scores reads every record once: its time grows with the book, not with
// the period.
func (b *Book) Scores(p Period) []Score {
	if b == nil {
		return []Score{}
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	if !p.From.Before(p.To) {
		return []Score{}
	}
	from, to := boundNanos(p.From), boundNanos(p.To)
	accs := make([]subjectAcc, len(b.subjects.names))
	ng := len(b.grades.names)
	grades := make([]int, len(b.subjects.names)*ng)
	gradeOf := make([]int32, len(b.classes.list)) // by class
	for c, cl := range b.classes.list {
		gradeOf[c] = b.kinds[cl.kind].gradeID
	}
	var locs []local
	var wides []*big.Rat
	in := func(r *record) bool {
		if tagged(r.at) {
			at := b.atOf(r)
			return !at.Before(p.From) && at.Before(p.To)
		}
		return r.at >= from && r.at < to
	}
	for m := range int32(b.matters.len()) {
		head := b.matters.loc(m).head
		if head == 0 {
			continue // every matter has a record; this is for safety's sake
		}
		if r := b.recs.at(head - 1); r.prev == 0 {
			// The common case, a matter with one evaluation, on its own.
			if c := b.counting(head-1, r); !c.isWide() {
				if in(r) {
					subject := b.subjectOf(r)
					a := &accs[subject]
					a.matters++
					a.evals++
					a.one.add(c.points)
					grades[int(subject)*ng+int(gradeOf[c.class])]++
				}
				continue
			}
		}
		locs, wides = locs[:0], wides[:0]
		for i := head; i != 0; {
			r := b.recs.at(i - 1)
			c := b.counting(i-1, r)
			i = r.prev
			if !in(r) {
				continue
			}
			subject := b.subjectOf(r)
			k := -1
			for j := range locs {
				if locs[j].subject == subject {
					k = j
					break
				}
			}
			if k < 0 {
				locs = append(locs, local{subject: subject})
				k = len(locs) - 1
			}
			l := &locs[k]
			l.n++
			if c.isWide() {
				if l.wide == 0 {
					wides = append(wides, new(big.Rat))
					l.wide = int32(len(wides))
				}
				w := wides[l.wide-1]
				w.Add(w, b.wide[untag(c.points)].Rat())
			} else {
				l.sum.add(c.points)
			}
			grades[int(subject)*ng+int(gradeOf[c.class])]++
		}
		for j := range locs {
			l := &locs[j]
			a := &accs[l.subject]
			a.matters++
			a.evals += l.n
			if l.wide != 0 {
				// Fold the fixed-point part in and keep the matter exact.
				w := new(big.Rat).SetFrac(l.sum.big(), big.NewInt(1_000_000))
				w.Add(w, wides[l.wide-1])
				if a.wide == nil {
					a.wide = make(map[int]*big.Rat)
				}
				if a.wide[l.n] == nil {
					a.wide[l.n] = new(big.Rat)
				}
				a.wide[l.n].Add(a.wide[l.n], w)
				continue
			}
			for len(a.byN) <= l.n {
				a.byN = append(a.byN, int128{})
			}
			a.byN[l.n].addWide(l.sum)
		}
	}
	out := make([]Score, 0, len(accs))
	million := big.NewInt(1_000_000)
	for s := range accs {
		a := &accs[s]
		if a.matters == 0 {
			continue
		}
		if !a.one.isZero() {
			for len(a.byN) <= 1 {
				a.byN = append(a.byN, int128{})
			}
			a.byN[1].addWide(a.one)
		}
		// Σ over n of (sum of matters with n evaluations) / n, over matters.
		total := new(big.Rat)
		for n, sum := range a.byN {
			if sum.isZero() {
				continue
			}
			total.Add(total, new(big.Rat).SetFrac(sum.big(), new(big.Int).Mul(big.NewInt(int64(n)), million)))
		}
		for n, sum := range a.wide {
			total.Add(total, new(big.Rat).Quo(sum, new(big.Rat).SetInt64(int64(n))))
		}
		total.Quo(total, new(big.Rat).SetInt64(int64(a.matters)))
		sc := Score{Subject: b.subjects.names[s], Matters: a.matters, Evaluations: a.evals,
			Composite: roundRat(total, 2), Grades: map[string]int{}}
		for g := range ng {
			if c := grades[s*ng+g]; c > 0 {
				sc.Grades[b.grades.names[g]] = c
			}
		}
		out = append(out, sc)
	}
	rank.By(out, func(s Score) decimal.Decimal { return s.Composite }, func(s Score) string { return s.Subject },
		func(s *Score, r int) { s.Rank = r })
	return out
}
