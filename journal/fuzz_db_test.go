package journal_test

import (
	"bytes"
	"testing"

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
		if snap, err := back.Snapshot(); err != nil || !bytes.Equal(snap, again) {
			t.Fatalf("resumed again, the snapshot is %s, %v; want %s", snap, err, again)
		}
	})
}
