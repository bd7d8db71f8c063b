package ledger

import (
	"slices"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
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
