package ledger

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/qingdan/qingdan/scoring/reason"
	"github.com/shopspring/decimal"
)

// TestInOrder checks that InOrder gives exactly the entries of Entries,
// in the order they were added, in one piece or in several, and that
// Unsorted does too.
func TestInOrder(t *testing.T) {
	june := time.Date(2020, 6, 15, 10, 0, 0, 0, time.UTC)
	var l Ledger
	if got := l.InOrder(nil, l.Owners(), 0, l.Len()); len(got) != 0 {
		t.Errorf("an empty ledger: InOrder = %v", got)
	}
	added := []Entry{entry("M-9", "D1", 0, june, "85"), entry("M-1", "D1", 1, june, "70"),
		entry("M-5", "D2", 0, june, "40"), entry("M-1", "D2", 0, june, "100")}
	for _, e := range added {
		if out := l.Add(&e); out != Added {
			t.Fatalf("Add(%v) = %v", e.Key, out)
		}
	}
	owners := l.Owners()
	got := l.InOrder(nil, owners, 0, l.Len())
	if diff := cmp.Diff(added, got); diff != "" {
		t.Errorf("InOrder mismatch with the order added (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(added, l.Unsorted()); diff != "" {
		t.Errorf("Unsorted mismatch with the order added (-want +got):\n%s", diff)
	}
	pieces := l.InOrder(l.InOrder(l.InOrder(nil, owners, 0, 1), owners, 1, 3), owners, 3, 4)
	if diff := cmp.Diff(added, pieces); diff != "" {
		t.Errorf("InOrder in three pieces mismatch (-want +got):\n%s", diff)
	}
	slices.SortFunc(got, func(x, y Entry) int { return keyCmp(&x.Key, &y.Key) })
	if diff := cmp.Diff(l.Entries(), got); diff != "" {
		t.Errorf("InOrder, sorted, mismatch with Entries (-want +got):\n%s", diff)
	}
}

// TestInOrderShares checks that InOrder reads each stored form of reasons
// once: entries that stored the same reasons, under one id (a run of one
// grade and policy) or several (another grade between them), share them,
// and each entry's reasons are capped at their length, so that appending
// to one entry's never writes into another's.
func TestInOrderShares(t *testing.T) {
	june := time.Date(2020, 6, 15, 10, 0, 0, 0, time.UTC)
	table := []reason.Reason{{Rule: 1, Name: "on time", Checks: []reason.Check{{Of: reason.ResponseOnTime, Op: reason.Is, Threshold: decimal.New(1, 0)}},
		Figures: []reason.Figure{{Of: reason.Response, Done: true, Actual: time.Hour, Limit: 4 * time.Hour, Places: 2}}}}
	other := reason.Texts("late", "urged")
	var l Ledger
	var added []Entry
	for i, rs := range [][]reason.Reason{table, table, other, table, nil, other} {
		e := entry(fmt.Sprint("M-", i), "D1", 0, june, "85")
		e.Grade, e.Reasons = []string{"good", "good", "fair", "fair", "good", "good"}[i], rs
		if out := l.Add(&e); out != Added {
			t.Fatalf("Add(%v) = %v", e.Key, out)
		}
		added = append(added, e)
	}
	got := l.InOrder(nil, l.Owners(), 0, l.Len())
	if diff := cmp.Diff(added, got); diff != "" {
		t.Fatalf("InOrder mismatch with the order added (-want +got):\n%s", diff)
	}
	// Entries in a row with the same reasons always share them; apart,
	// they share them unless the two forms took the same slot of the memo
	// (1 in 64, by a hash seeded afresh for each read), so some of 20 reads
	// must share them.
	if &got[0].Reasons[0] != &got[1].Reasons[0] {
		t.Error("entries 0 and 1, in a row, stored the same reasons but do not share them")
	}
	for _, p := range [][2]int{{0, 3}, {2, 5}} {
		shared := false
		for range 20 {
			again := l.InOrder(nil, l.Owners(), 0, l.Len())
			shared = shared || &again[p[0]].Reasons[0] == &again[p[1]].Reasons[0]
		}
		if !shared {
			t.Errorf("entries %d and %d stored the same reasons but share them in none of 20 reads", p[0], p[1])
		}
	}
	if &got[0].Reasons[0] == &got[2].Reasons[0] {
		t.Error("entries 0 and 2 share reasons they did not store")
	}
	for i := range got {
		if cap(got[i].Reasons) != len(got[i].Reasons) {
			t.Errorf("entry %d: reasons of length %d, capacity %d", i, len(got[i].Reasons), cap(got[i].Reasons))
		}
	}
}
