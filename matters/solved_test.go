package matters_test

import (
	"encoding/json"
	"testing"

	"github.com/qingdan/qingdan/matters"
)

// TestFeedbackSolved checks the optional Solved answer of a Feedback: kept
// in the history as given, not shared with the caller, and round-tripped
// through JSON.
func TestFeedbackSolved(t *testing.T) {
	m := build(t, hResolved...)
	f := next(m, ev(matters.Feedback, owner))
	solved := true
	f.Solved = &solved
	if err := m.Apply(f); err != nil {
		t.Fatal(err)
	}
	solved = false
	got := m.Events[len(m.Events)-1].Solved
	if got == nil || !*got {
		t.Fatalf("Solved in the history = %v, want true, not shared with the caller", got)
	}
	b, err := json.Marshal(m.Events[len(m.Events)-1])
	if err != nil {
		t.Fatal(err)
	}
	var back matters.Event
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	if back.Solved == nil || !*back.Solved {
		t.Errorf("Solved after a JSON round trip = %v, want true (JSON %s)", back.Solved, b)
	}
	// Without Solved, a Feedback is as before: Satisfied alone.
	m2 := build(t, hResolved...)
	if err := m2.Apply(next(m2, ev(matters.Feedback, owner))); err != nil {
		t.Fatal(err)
	}
	if s := m2.Events[len(m2.Events)-1].Solved; s != nil {
		t.Errorf("Solved = %v with no answer given, want nil", *s)
	}
}
