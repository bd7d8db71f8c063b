package journal_test

import (
	"crypto/sha256"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"testing"

	"github.com/qingdan/qingdan/journal"
)

// resum returns snap with its members changed by edit and its sum made
// again: a snapshot whose sum shows no damage, so that Resume's other
// checks are what refuse it.
func resum(t *testing.T, snap []byte, edit func(map[string]json.RawMessage)) []byte {
	t.Helper()
	var m map[string]json.RawMessage
	if err := json.Unmarshal(snap, &m); err != nil {
		t.Fatal(err)
	}
	delete(m, "sum")
	edit(m)
	body, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(body)
	return fmt.Appendf(body[:len(body)-1], `,"sum":"%x"}`, sum)
}

// TestResumeChecksTheSnapshotsContent gives Resume snapshots whose sum is
// sound but whose content does not hold together, or does not fit its
// head: each is refused, with ErrInvalid, and no state.
func TestResumeChecksTheSnapshotsContent(t *testing.T) {
	steps, _ := reamended(t)
	ls := lines(write(t, steps))
	k := len(ls) - 1 // after the first amendment: every kind of entry
	at, snap := snapshotAfter(t, ls, k)
	if len(at.Amendments) == 0 || at.Book.Len() < 2 {
		t.Fatalf("the snapshot holds %d amendments and %d evaluations; the test needs 1 and 2", len(at.Amendments), at.Book.Len())
	}
	if _, err := journal.Resume(resum(t, snap, func(map[string]json.RawMessage) {}), rows(ls[k-1:]), nil); err != nil {
		t.Fatalf("the snapshot summed again, unchanged: %v", err)
	}
	edit := func(member string, f func(v any) any) func(map[string]json.RawMessage) {
		return func(m map[string]json.RawMessage) {
			var v any
			if err := json.Unmarshal(m[member], &v); err != nil {
				t.Fatal(err)
			}
			b, err := json.Marshal(f(v))
			if err != nil {
				t.Fatal(err)
			}
			m[member] = b
		}
	}
	tests := []struct {
		name string
		edit func(map[string]json.RawMessage)
	}{
		{"a tree of another size", edit("tree", func(v any) any { return append(v.([]any), v.([]any)[0]) })},
		{"an evaluation placed under another key", edit("evaluations", func(v any) any {
			l := v.([]any)
			for _, e := range l { // one that no amendment amends
				if e := e.(map[string]any); !slices.ContainsFunc(at.Amendments, func(a journal.Amended) bool { return float64(a.Amends) == e["seq"] }) {
					e["subject"] = "nobody"
					return l
				}
			}
			t.Fatal("every evaluation is amended")
			return nil
		})},
		{"an evaluation placed twice", edit("evaluations", func(v any) any {
			l := v.([]any)
			l[1] = l[0]
			return l
		})},
		{"two evaluations placed at one entry", edit("evaluations", func(v any) any {
			l := v.([]any)
			l[1].(map[string]any)["seq"] = l[0].(map[string]any)["seq"]
			return l
		})},
		{"a matter without its last event", edit("matters", func(v any) any {
			for id, events := range v.(map[string]any) {
				if es := events.([]any); len(es) > 1 {
					v.(map[string]any)[id] = es[:len(es)-1]
					break
				}
			}
			return v
		})},
		{"a matter left out", edit("matters", func(v any) any {
			for id := range v.(map[string]any) {
				delete(v.(map[string]any), id)
				break
			}
			return v
		})},
		{"an amendment left out", edit("amendments", func(v any) any { return []any{} })},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := journal.Resume(resum(t, snap, tt.edit), rows(ls[k-1:]), nil)
			if !errors.Is(err, journal.ErrInvalid) || s != nil {
				t.Errorf("Resume: %v, a state: %v; want ErrInvalid and no state", err, s != nil)
			}
		})
	}
}
