package ledger

import (
	"math/big"
	"time"
)

// Total is one subject's entries over a period, as [Ledger.Tally] sums
// them.
type Total struct {
	Subject string
	Matters int            // the matters with at least one of the subject's entries in the period
	Entries int            // those entries, stages and evaluators alike
	Mean    big.Rat        // the mean over those matters of each matter's mean points, exact
	Grades  map[string]int // the entries by grade, amendments applied
}

// subjectAcc accumulates one subject's matters.
type subjectAcc struct {
	matters, entries int
	one              int128           // the points of matters with one entry, for byN[1]
	byN              []int128         // byN[n]: sum of the point sums of matters with n entries
	wide             map[int]*big.Rat // the same, for matters with points that did not fit
}

// local is one subject's entries of the matter being summed. It holds no
// pointer, so that filling it needs no write barrier.
type local struct {
	sum     int128
	n       int
	subject int32
	wide    int32 // 1 + the index of its sum of wide points in wides, 0 for none
}

// Tally returns the total of every subject with an entry made in the
// period [from, to), in no particular order: the points that count are an
// entry's own or, when it is amended, those of the amendment that counts,
// but an entry falls in the period by its own At. It reads every record
// once: its time grows with the ledger, not with the period.
func (l *Ledger) Tally(from, to time.Time) []Total {
	if !from.Before(to) {
		return nil
	}
	fromNs, toNs := boundNanos(from), boundNanos(to)
	accs := make([]subjectAcc, len(l.subjects.names))
	// The entries by class, not by subject and grade: there are no more
	// classes than records, where subjects × grades may be many more.
	byClass := make([]int, len(l.classes.list))
	// The matter's entry in locs of each subject: 1 + its index, 0 for
	// none, reset after each matter.
	locOf := make([]int32, len(l.subjects.names))
	var locs []local
	var wides []*big.Rat
	in := func(r *record) bool {
		if tagged(r.at) {
			at := l.atOf(r)
			return !at.Before(from) && at.Before(to)
		}
		return r.at >= fromNs && r.at < toNs
	}
	for m := range int32(l.matters.len()) {
		head := l.matters.loc(m).head
		if head == 0 {
			continue // every matter has a record; this is for safety's sake
		}
		if r := l.recs.at(head - 1); r.prev == 0 {
			// The common case, a matter with one entry, on its own.
			if c := l.counting(head-1, r); !c.isWide() {
				if in(r) {
					subject := l.subjectOf(r)
					a := &accs[subject]
					a.matters++
					a.entries++
					a.one.add(c.points)
					byClass[c.class]++
				}
				continue
			}
		}
		locs, wides = locs[:0], wides[:0]
		for i := head; i != 0; {
			r := l.recs.at(i - 1)
			c := l.counting(i-1, r)
			i = r.prev
			if !in(r) {
				continue
			}
			subject := l.subjectOf(r)
			if locOf[subject] == 0 {
				locs = append(locs, local{subject: subject})
				locOf[subject] = int32(len(locs))
			}
			lc := &locs[locOf[subject]-1]
			lc.n++
			if c.isWide() {
				if lc.wide == 0 {
					wides = append(wides, new(big.Rat))
					lc.wide = int32(len(wides))
				}
				w := wides[lc.wide-1]
				w.Add(w, l.wide[untag(c.points)].Rat())
			} else {
				lc.sum.add(c.points)
			}
			byClass[c.class]++
		}
		for j := range locs {
			lc := &locs[j]
			locOf[lc.subject] = 0
			a := &accs[lc.subject]
			a.matters++
			a.entries += lc.n
			if lc.wide != 0 {
				// Fold the fixed-point part in and keep the matter exact.
				w := new(big.Rat).SetFrac(lc.sum.big(), big.NewInt(1_000_000))
				w.Add(w, wides[lc.wide-1])
				if a.wide == nil {
					a.wide = make(map[int]*big.Rat)
				}
				if a.wide[lc.n] == nil {
					a.wide[lc.n] = new(big.Rat)
				}
				a.wide[lc.n].Add(a.wide[lc.n], w)
				continue
			}
			for len(a.byN) <= lc.n {
				a.byN = append(a.byN, int128{})
			}
			a.byN[lc.n].addWide(lc.sum)
		}
	}
	out := make([]Total, 0, len(accs))
	outOf := locOf // now all 0: 1 + each subject's index in out
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
		out = append(out, Total{Subject: l.subjects.names[s], Matters: a.matters, Entries: a.entries, Grades: map[string]int{}})
		outOf[s] = int32(len(out))
		t := &out[len(out)-1]
		// Σ over n of (sum of matters with n entries) / n, over matters.
		mean := &t.Mean
		for n, sum := range a.byN {
			if sum.isZero() {
				continue
			}
			mean.Add(mean, new(big.Rat).SetFrac(sum.big(), new(big.Int).Mul(big.NewInt(int64(n)), million)))
		}
		for n, sum := range a.wide {
			mean.Add(mean, new(big.Rat).Quo(sum, new(big.Rat).SetInt64(int64(n))))
		}
		mean.Quo(mean, new(big.Rat).SetInt64(int64(a.matters)))
	}
	for c, n := range byClass {
		if n > 0 {
			cl := &l.classes.list[c]
			out[outOf[cl.subject]-1].Grades[l.kinds[cl.kind].grade] += n
		}
	}
	return out
}
