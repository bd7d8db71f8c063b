package journal_test

import (
	"bytes"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/qingdan/qingdan/journal"
)

// FuzzResume feeds Resume snapshots and tails: a snapshot it accepts
// with the tail of its own entry gives back the state it was made of, and
// whatever it refuses, it never panics.
func FuzzResume(f *testing.F) {
	j := write(f, smallHistory()[:3])
	ls := lines(j)
	s, err := journal.Rebuild(bytes.NewReader(join(ls[:2])), nil)
	if err != nil {
		f.Fatal(err)
	}
	snap, err := s.Snapshot()
	if err != nil {
		f.Fatal(err)
	}
	f.Add(snap, join(ls[1:]))
	f.Add(snap, join(ls))
	f.Add([]byte(`{"head":{"seq":0,"hash":"`+journal.Hash{}.String()+`"},"tree":[],"matters":{},"book":{"evaluations":[]},"amendments":[],"evaluations":[],"sum":"00"}`), j)
	f.Fuzz(func(t *testing.T, snap, tail []byte) {
		got, err := journal.Resume(snap, rows(lines(tail)), &journal.Options{MaxLine: 4096})
		if err != nil {
			return
		}
		// The state resumed makes a snapshot that resumes to itself.
		again, err := got.Snapshot()
		if err != nil {
			t.Fatalf("Snapshot of a resumed state: %v", err)
		}
		var own [][]byte
		if got.Head.Seq > 0 {
			own = lines(tail)[len(lines(tail))-1:]
		}
		back, err := journal.Resume(again, rows(own), nil)
		if err != nil {
			t.Fatalf("Resume of its own snapshot: %v", err)
		}
		if back.Head != got.Head || back.Checkpoint("o") != got.Checkpoint("o") {
			t.Fatalf("resumed again at %v, want %v", back.Head, got.Head)
		}
		if diff := cmp.Diff(got.Matters, back.Matters, cmpopts.EquateEmpty()); diff != "" {
			t.Fatalf("resumed again, matters mismatch (-want +got):\n%s", diff)
		}
		if diff := cmp.Diff(got.Book.Evaluations(), back.Book.Evaluations(), cmpopts.EquateEmpty()); diff != "" {
			t.Fatalf("resumed again, evaluations mismatch (-want +got):\n%s", diff)
		}
		if diff := cmp.Diff(got.Amendments, back.Amendments, cmpopts.EquateEmpty()); diff != "" {
			t.Fatalf("resumed again, amendments mismatch (-want +got):\n%s", diff)
		}
		last, err := back.Snapshot()
		if err != nil {
			t.Fatalf("Snapshot of the state resumed again: %v", err)
		}
		if diff := snapshotDiff(again, last); diff != "" {
			t.Fatalf("resumed again, snapshot mismatch (-want +got):\n%s", diff)
		}
	})
}

// FuzzApply feeds the state of the first lines of a journal (as many as
// the fuzzer says) further lines, which a database host checks and applies
// one by one: Check says what applying them says, the error of the first
// line Apply refuses included (Check may add which line it is), and
// changes nothing; a refused line leaves
// the state as it was; and the state the accepted lines make is the one
// Rebuild makes of the journal they extend. No line panics either.
func FuzzApply(f *testing.F) {
	steps := history(5, 2, 2021)
	for _, s := range slices.Backward(steps) {
		if s.evaluation != nil {
			a := amended(*s.evaluation, "fair", "70", s.evaluation.At.Add(time.Hour), "街道党工委")
			steps = append(steps, step{amendment: &a})
			break
		}
	}
	ls := lines(write(f, steps))
	if len(ls) < 8 || steps[len(steps)-1].amendment == nil {
		f.Fatalf("a history of %d lines, the last no amendment", len(ls))
	}
	f.Add(uint8(0), join(ls))
	f.Add(uint8(3), join(ls[3:]))
	f.Add(uint8(6), join(ls[6:]))
	f.Add(uint8(6), join(ls[5:]))                             // a line again
	f.Add(uint8(2), join(append([][]byte{ls[3]}, ls[2:]...))) // one out of order
	f.Add(uint8(5), bytes.Replace(join(ls[5:]), []byte(`"seq":6`), []byte(`"seq":7`), 1))
	f.Add(uint8(1), []byte("{}\n\n"+string(ls[1])))
	f.Fuzz(func(t *testing.T, k uint8, tail []byte) {
		opts := &journal.Options{MaxLine: 4096}
		prefix := join(ls[:int(k)%(len(ls)+1)])
		state, err := journal.Rebuild(bytes.NewReader(prefix), opts)
		if err != nil {
			t.Fatal(err)
		}
		var more [][]byte
		for _, l := range lines(tail) {
			if len(more) == 16 {
				break
			}
			more = append(more, bytes.TrimSuffix(l, []byte("\n")))
		}
		snapshot := func() []byte {
			t.Helper()
			b, err := state.Snapshot()
			if err != nil {
				t.Fatalf("Snapshot: %v", err)
			}
			return b
		}
		before := snapshot()
		checked := state.Check(more...)
		if after := snapshot(); !bytes.Equal(after, before) {
			t.Fatalf("Check(%q) = %v changed the state; its snapshot mismatch (-before +after):\n%s", more, checked, snapshotDiff(before, after))
		}
		var applied error
		journaled := bytes.Clone(prefix)
		for _, l := range more {
			before := snapshot()
			if applied = state.Apply(l); applied != nil {
				if after := snapshot(); !bytes.Equal(after, before) {
					t.Fatalf("Apply(%q) = %v changed the state; its snapshot mismatch (-before +after):\n%s", l, applied, snapshotDiff(before, after))
				}
				break
			}
			journaled = append(append(journaled, l...), '\n')
		}
		// Check names the line at fault where Apply, given one, need not.
		if (checked == nil) != (applied == nil) || checked != nil && !strings.HasSuffix(checked.Error(), applied.Error()) {
			t.Fatalf("Check(%q) = %v; applying the lines one by one: %v", more, checked, applied)
		}
		rebuilt, err := journal.Rebuild(bytes.NewReader(journaled), opts)
		if err != nil {
			t.Fatalf("Rebuild of the lines Apply took: %v\n%s", err, journaled)
		}
		again, err := rebuilt.Snapshot()
		if err != nil {
			t.Fatal(err)
		}
		if diff := snapshotDiff(again, snapshot()); diff != "" {
			t.Fatalf("the state the lines were applied to, against the one Rebuild makes of them: snapshot mismatch (-want +got):\n%s", diff)
		}
	})
}
