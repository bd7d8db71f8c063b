package scoring

import (
	"fmt"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestBookAll checks that All gives the evaluations of Evaluations in the
// order the book took them, a merged book's after the book's own, and
// stops when the loop does.
func TestBookAll(t *testing.T) {
	b, o := NewBook(nil), NewBook(nil)
	mine := []Evaluation{eval("M-9", "D1", 0, june, "good", "85"), eval("M-1", "D1", 1, june, "fair", "70"),
		eval("M-5", "D2", 0, june, "excellent", "100"), eval("M-1", "D2", 0, june, "poor", "40")}
	theirs := []Evaluation{eval("M-7", "D1", 0, june, "good", "85"), eval("M-1", "D3", 0, june, "fair", "70")}
	recordAll(t, b, mine...)
	recordAll(t, o, theirs...)
	if err := b.Merge(o); err != nil {
		t.Fatal(err)
	}
	got := slices.Collect(b.All())
	if diff := cmp.Diff(slices.Concat(mine, theirs), got); diff != "" {
		t.Errorf("All mismatch with the order recorded and merged (-want +got):\n%s", diff)
	}
	slices.SortFunc(got, func(x, y Evaluation) int { return keyCmp(&x, &y) })
	if diff := cmp.Diff(b.Evaluations(), got); diff != "" {
		t.Errorf("All, sorted, mismatch with Evaluations (-want +got):\n%s", diff)
	}
	n := 0
	for range b.All() {
		if n++; n == 2 {
			break
		}
	}
	if n != 2 {
		t.Errorf("a loop broken after 2 evaluations ran %d times", n)
	}
	// The loop may use the book: it sees what the book held when it
	// started; a book replaced meanwhile ends it.
	seen := 0
	for e := range b.All() {
		seen++
		e.Matter += "-again"
		if err := b.Record(e); err != nil {
			t.Fatal(err)
		}
	}
	if seen != 6 || b.Len() != 12 {
		t.Errorf("recording in the loop: %d seen, %d held; want 6 and 12", seen, b.Len())
	}
	for i := range allPiece {
		recordAll(t, b, eval(fmt.Sprint("N-", i), "D1", 0, june, "good", "85"))
	}
	seen = 0
	for range b.All() {
		if seen++; seen == 1 {
			if err := b.UnmarshalJSON([]byte(`{"evaluations":[]}`)); err != nil {
				t.Fatal(err)
			}
		}
	}
	if seen != allPiece {
		t.Errorf("a book replaced in the loop: %d seen, want the %d read before", seen, allPiece)
	}
}
