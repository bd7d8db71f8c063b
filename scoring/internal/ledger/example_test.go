package ledger_test

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"github.com/qingdan/qingdan/scoring/internal/ledger"
)

var cst = time.FixedZone("CST", 8*3600)

// entry is an evaluation of a matter's department by a sub-district, at
// stage 0 (the final one).
func entry(matter, subject, grade, points string, day int) *ledger.Entry {
	return &ledger.Entry{
		Key:    ledger.Key{Matter: matter, Subject: subject, Evaluator: "马塘街道"},
		At:     time.Date(2020, 6, day, 17, 0, 0, 0, cst),
		Grade:  grade,
		Policy: "wuhu-2020.1",
		Points: decimal.RequireFromString(points),
	}
}

// printTally prints each subject's total, by subject: Tally gives them in
// no particular order.
func printTally(l *ledger.Ledger, from, to time.Time) {
	totals := l.Tally(from, to)
	slices.SortFunc(totals, func(a, b ledger.Total) int { return strings.Compare(a.Subject, b.Subject) })
	for _, t := range totals {
		fmt.Printf("%s: %d matters, %d entries, mean %s, grades %v\n",
			t.Subject, t.Matters, t.Entries, t.Mean.FloatString(4), t.Grades)
	}
}

// A ledger keeps one entry a key, and Book turns its outcomes into
// errors. An amendment corrects an entry's figures; Tally sums the
// figures that count, each subject's mean of its matters' means, exactly.
func Example() {
	var l ledger.Ledger
	for _, e := range []*ledger.Entry{
		entry("WH2020-0001", "城管局", "good", "100", 1),
		entry("WH2020-0002", "城管局", "fair", "70", 2),
		entry("WH2020-0003", "住建局", "better", "85", 3),
		entry("WH2020-0001", "城管局", "poor", "0", 4), // the same key again
	} {
		fmt.Println(e.Matter, e.Subject, l.Add(e) == ledger.Added)
	}
	fmt.Println(l.Len(), "entries")

	// The sub-district corrects 0002 on review: fair becomes better.
	fix := &ledger.Amendment{Entry: *entry("WH2020-0002", "城管局", "better", "85", 20), Author: "复核组", Reason: "回访满意"}
	fmt.Println("amend:", l.Amend(fix) == ledger.Added, "again:", l.Amend(fix) == ledger.Duplicate)
	none := &ledger.Amendment{Entry: *entry("WH2020-0009", "城管局", "better", "85", 20)}
	fmt.Println("amend a key without an entry:", l.Amend(none) == ledger.NotFound)

	printTally(&l, time.Date(2020, 6, 1, 0, 0, 0, 0, cst), time.Date(2020, 7, 1, 0, 0, 0, 0, cst))
	// Output:
	// WH2020-0001 城管局 true
	// WH2020-0002 城管局 true
	// WH2020-0003 住建局 true
	// WH2020-0001 城管局 false
	// 3 entries
	// amend: true again: true
	// amend a key without an entry: true
	// 住建局: 1 matters, 1 entries, mean 85.0000, grades map[better:1]
	// 城管局: 2 matters, 2 entries, mean 92.5000, grades map[better:1 good:1]
}

// A matter evaluated in stages has an entry a stage; its mean counts once
// in the subject's mean, which is exact: (250/3 + 100) / 2 = 275/3.
func ExampleLedger_Tally() {
	var l ledger.Ledger
	for i, s := range []struct{ grade, points string }{{"good", "100"}, {"better", "85"}, {"fair", "65"}} {
		e := entry("WH2020-0050", "城管局", s.grade, s.points, 5+i)
		e.Stage = int32(i + 1)
		l.Add(e)
	}
	l.Add(entry("WH2020-0051", "城管局", "good", "100", 10))
	totals := l.Tally(time.Date(2020, 6, 1, 0, 0, 0, 0, cst), time.Date(2020, 7, 1, 0, 0, 0, 0, cst))
	for _, t := range totals {
		fmt.Println(t.Subject, t.Matters, "matters,", t.Entries, "entries, mean", t.Mean.RatString(), t.Grades)
	}
	// Output:
	// 城管局 2 matters, 4 entries, mean 275/3 map[better:1 fair:1 good:2]
}

// Ledgers filled apart — one per shard of a year's data — come together
// by Merge, from a snapshot (a copy, which later additions do not touch)
// or a view (for a caller that holds the other ledger still). A ledger
// that holds a key of the ledger's is refused whole, its keys named;
// otherwise Merge takes in everything, amendments included.
func ExampleLedger_Merge() {
	var a, b ledger.Ledger
	a.Add(entry("WH2020-0001", "城管局", "good", "100", 1))
	b.Add(entry("WH2020-0002", "住建局", "fair", "70", 2))
	b.Amend(&ledger.Amendment{Entry: *entry("WH2020-0002", "住建局", "better", "85", 9), Author: "复核组"})

	s := b.Snapshot()
	b.Add(entry("WH2020-0003", "水务局", "good", "100", 3)) // after the snapshot: not in it
	out, keys := a.Merge(s, 10)
	fmt.Println("merge:", out == ledger.Added, keys)
	for _, e := range a.Entries() {
		fmt.Println(e.Matter, e.Subject, e.Grade, e.Points, e.At.In(cst).Format(time.DateTime))
	}
	for _, am := range a.Amendments() {
		fmt.Println("amended:", am.Matter, am.Grade, am.Points, am.Author)
	}
	out, keys = a.Merge(b.View(), 10) // WH2020-0002 again, and WH2020-0003
	fmt.Println("merge again:", out == ledger.Duplicate, keys, a.Len())
	// Output:
	// merge: true []
	// WH2020-0001 城管局 good 100 2020-06-01 17:00:00
	// WH2020-0002 住建局 fair 70 2020-06-02 17:00:00
	// amended: WH2020-0002 better 85 复核组
	// merge again: true [{WH2020-0002 住建局 马塘街道 0}] 2
}
