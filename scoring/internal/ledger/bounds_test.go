package ledger

import (
	"fmt"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"github.com/qingdan/qingdan/internal/hardening"
)

// These tests keep the ledger's work and memory linear in what it holds,
// whatever the shape of its entries: many grades and subjects, many
// entries of one matter.

// manyEntries returns n entries made by at(i), each with one point.
func manyEntries(n int, at func(i int) Entry) []Entry {
	es := make([]Entry, n)
	june := time.Date(2020, 6, 15, 10, 0, 0, 0, time.UTC)
	for i := range es {
		es[i] = at(i)
		es[i].At, es[i].Policy, es[i].Points = june, "p", decimal.New(1, 0)
	}
	return es
}

// TestTallyBounded tallies ledgers whose subjects and grades are many,
// each of a matter or all of one: Tally's memory must grow with the
// entries, not with subjects × grades, and its time with the entries,
// not with the square of one matter's subjects.
func TestTallyBounded(t *testing.T) {
	june := time.Date(2020, 6, 1, 0, 0, 0, 0, time.UTC)
	for _, c := range []struct {
		name string
		n    int
		at   func(i int) Entry
	}{
		{"a subject and a grade per matter", 20_000, func(i int) Entry {
			return Entry{Key: Key{Matter: fmt.Sprint("M", i), Subject: fmt.Sprint("D", i), Evaluator: "S"}, Grade: fmt.Sprint("g", i)}
		}},
		{"every subject on one matter", 200_000, func(i int) Entry {
			return Entry{Key: Key{Matter: "M", Subject: fmt.Sprint("D", i), Evaluator: "S"}, Grade: fmt.Sprint("g", i%2)}
		}},
	} {
		t.Run(c.name, func(t *testing.T) {
			var l Ledger
			n := c.n
			es := manyEntries(n, c.at)
			fill(t, &l, es, nil)
			var totals []Total
			var took time.Duration
			alloc := hardening.Allocated(func() { took = hardening.Took(func() { totals = l.Tally(june, june.AddDate(0, 1, 0)) }) })
			if len(totals) != n {
				t.Fatalf("Tally gave %d totals, want %d", len(totals), n)
			}
			// Each total takes under a kilobyte; counters for 20,000
			// subjects × 20,000 grades would take 3.2 GB.
			if got := alloc; got > uint64(n)<<11 {
				t.Errorf("Tally allocated %d MiB for %d entries, want at most 2 KiB an entry", got>>20, n)
			}
			if took > hardening.Budget(2*time.Second) { // tens of milliseconds; the square of 200,000 subjects takes ten seconds
				t.Errorf("Tally took %v for %d entries", took, n)
			}
		})
	}
}

// TestOneMatterBounded adds 100,000 entries of one matter, stages of one
// subject, and merges another 100,000 of it: finding whether a key is
// taken must not walk every entry of the matter, which would make adding
// and merging a matter's entries take the square of their number.
func TestOneMatterBounded(t *testing.T) {
	const n = 100_000
	stage := func(from int) func(i int) Entry {
		return func(i int) Entry {
			return Entry{Key: Key{Matter: "M", Subject: "D", Evaluator: "S", Stage: int32(from + i)}, Grade: "good"}
		}
	}
	var l, o Ledger
	es, more := manyEntries(n, stage(0)), manyEntries(n, stage(n))
	if took := hardening.Took(func() { fill(t, &l, es, nil) }); took > hardening.Budget(2*time.Second) { // tens of milliseconds
		t.Errorf("adding %d entries of one matter took %v", n, took)
	}
	fill(t, &o, more, nil)
	var out Outcome
	if took := hardening.Took(func() { out, _ = l.Merge(o.View(), 10) }); took > hardening.Budget(2*time.Second) {
		t.Errorf("merging %d entries of a matter into %d of it took %v", n, n, took)
	}
	if out != Added {
		t.Fatalf("Merge = %v, want Added", out)
	}
	if out, _ := l.Merge(o.View(), 10); out != Duplicate {
		t.Errorf("Merge again = %v, want Duplicate", out)
	}
	for _, e := range []Entry{es[0], es[n/2], more[0], more[n-1]} {
		if out := l.Add(&e); out != Duplicate {
			t.Errorf("Add of %v again = %v, want Duplicate", e.Key, out)
		}
	}
}
