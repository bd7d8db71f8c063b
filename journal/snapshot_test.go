package journal_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"iter"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/qingdan/qingdan/journal"
	"github.com/qingdan/qingdan/scoring"
)

// rows yields lines without their line feeds, as a table's rows.
func rows(ls [][]byte) iter.Seq2[[]byte, error] {
	return func(yield func([]byte, error) bool) {
		for _, l := range ls {
			if !yield(bytes.TrimSuffix(l, []byte("\n")), nil) {
				return
			}
		}
	}
}

// reamended is a history with amendments, one evaluation amended twice
// (the second dated before the first, so the book's latest is not the
// journal's last), and the year it is in.
func reamended(t *testing.T) ([]step, int) {
	t.Helper()
	steps := history(5, 30, 2021)
	var eval *scoring.Evaluation
	for _, s := range steps {
		if s.evaluation != nil {
			eval = s.evaluation
		}
	}
	if eval == nil {
		t.Fatal("the history has no evaluation")
	}
	first := amended(*eval, "fair", "70", eval.At.Add(72*time.Hour), "街道党工委")
	second := amended(*eval, "poor", "40", eval.At.Add(time.Hour), "某人")
	return append(steps, step{amendment: &first}, step{amendment: &second}), 2021
}

// snapshotDiff is cmp.Diff of two snapshots, each indented: a line for
// each value, so that the diff shows the values that differ.
func snapshotDiff(want, got []byte) string {
	indent := func(b []byte) string {
		var buf bytes.Buffer
		if err := json.Indent(&buf, b, "", " "); err != nil {
			return string(b) // not JSON: as it is
		}
		return buf.String()
	}
	return cmp.Diff(indent(want), indent(got))
}

// sameState compares two rebuilt states.
func sameState(t *testing.T, want, got *journal.Rebuilt, year int) {
	t.Helper()
	if want.Head != got.Head {
		t.Errorf("head %v, want %v", got.Head, want.Head)
	}
	if diff := cmp.Diff(want.Matters, got.Matters); diff != "" {
		t.Errorf("matters mismatch (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(want.Amendments, got.Amendments, cmp.Comparer(sameAmendment)); diff != "" {
		t.Errorf("amendments mismatch (-want +got):\n%s", diff)
	}
	if w, g := want.Checkpoint("o"), got.Checkpoint("o"); w != g {
		t.Errorf("checkpoint %v, want %v", g, w)
	}
	compareBooks(t, want.Book, got.Book, year)
}

func TestSealWritesWhatAWriterWrites(t *testing.T) {
	steps, _ := reamended(t)
	ls := lines(write(t, steps))
	var head journal.Head
	tree := journal.NewTree()
	for i, s := range steps {
		var v any
		switch {
		case s.event != nil:
			v = *s.event
		case s.evaluation != nil:
			v = *s.evaluation
		default:
			v = *s.amendment
		}
		line, next, err := journal.Seal(head, v, nil)
		if err != nil {
			t.Fatalf("step %d: %v", i, err)
		}
		if want := bytes.TrimSuffix(ls[i], []byte("\n")); !bytes.Equal(line, want) {
			t.Fatalf("step %d: Seal wrote\n%s\nwant\n%s", i, line, want)
		}
		if again, _, _ := journal.Seal(head, v, nil); !bytes.Equal(again, line) {
			t.Fatalf("step %d: sealing again gave another line", i)
		}
		got, err := tree.Append(line)
		if err != nil || got != next {
			t.Fatalf("step %d: Tree.Append = %v, %v; want %v", i, got, err, next)
		}
		head = next
	}
	want := journal.NewTree()
	if _, err := journal.Verify(bytes.NewReader(join(ls)), &journal.Options{Tree: want}); err != nil {
		t.Fatal(err)
	}
	if tree.Checkpoint("o") != want.Checkpoint("o") {
		t.Errorf("the tree Append built has checkpoint %v, want %v", tree.Checkpoint("o"), want.Checkpoint("o"))
	}
}

func TestSealRefuses(t *testing.T) {
	steps := history(1, 2, 2020)
	ev := *steps[0].event
	line, head, err := journal.Seal(journal.Head{}, ev, nil)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		head journal.Head
		v    any
		opts *journal.Options
		want error
	}{
		{"a head that names no entry", journal.Head{Seq: -1}, ev, nil, journal.ErrInvalid},
		{"not a payload", head, "text", nil, journal.ErrInvalid},
		{"an amendment without author", head, scoring.Amendment{Evaluation: scoring.Evaluation{Matter: "M"}, Reason: "r"}, nil, journal.ErrInvalid},
		{"too long", head, ev, &journal.Options{MaxLine: 100}, journal.ErrLineTooLong},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, next, err := journal.Seal(tt.head, tt.v, tt.opts)
			if !errors.Is(err, tt.want) || got != nil || next != tt.head {
				t.Errorf("Seal = %q, %v, %v; want nothing, the head and %v", got, next, err, tt.want)
			}
		})
	}
	tree := journal.NewTree()
	if _, err := tree.Append(line); err != nil {
		t.Fatal(err)
	}
	for name, l := range map[string][]byte{
		"the same entry again": line,
		"not an entry":         []byte("{}"),
		"altered":              bytes.Replace(line, []byte(`"seq":1,"at"`), []byte(`"seq":2,"at"`), 1),
	} {
		if got, err := tree.Append(l); err == nil || got != head {
			t.Errorf("%s: Tree.Append = %v, %v; want an error and the head %v", name, got, err, head)
		}
	}
}

func TestLinesReadAsTheFile(t *testing.T) {
	steps, _ := reamended(t)
	j := write(t, steps)
	ls := lines(j)
	for _, workers := range []int{1, 4} {
		opts := &journal.Options{Workers: workers}
		r := journal.Lines(rows(ls))
		got, err := journal.Verify(r, opts)
		r.Close()
		if want := mustVerify(t, j); err != nil || got != want {
			t.Errorf("%d workers: Verify(Lines) = %v, %v; want %v", workers, got, err, want)
		}
	}
	altered := bytes.Clone(ls[7])
	altered[len(altered)-10] ^= 1
	bad := append(append(append([][]byte{}, ls[:7]...), altered), ls[8:]...)
	_, fileErr := journal.Verify(bytes.NewReader(join(bad)), nil)
	r := journal.Lines(rows(bad))
	_, err := journal.Verify(r, nil)
	r.Close()
	if err == nil || err.Error() != fileErr.Error() {
		t.Errorf("a tampered row: Verify(Lines) = %v; want what the file gives, %v", err, fileErr)
	}
	boom := errors.New("connection lost")
	broken := func(yield func([]byte, error) bool) {
		for i, l := range ls {
			if i == 5 {
				yield(nil, boom)
				return
			}
			if !yield(bytes.TrimSuffix(l, []byte("\n")), nil) {
				return
			}
		}
	}
	r = journal.Lines(broken)
	head, err := journal.Verify(r, &journal.Options{Workers: 1})
	r.Close()
	if !errors.Is(err, boom) || head.Seq != 5 {
		t.Errorf("a failed read: Verify = %v, %v; want 5 entries and the read's error", head, err)
	}
	twoInOne := append(append(append([][]byte{}, ls[:3]...), join(ls[3:5])), ls[5:]...)
	r = journal.Lines(rows(twoInOne))
	head, err = journal.Verify(r, nil)
	r.Close()
	if !errors.Is(err, journal.ErrTampered) || head.Seq != 3 {
		t.Errorf("a row of two lines: Verify = %v, %v; want ErrTampered after 3 entries", head, err)
	}
	stopped := false
	r = journal.Lines(func(yield func([]byte, error) bool) {
		defer func() { stopped = true }()
		for _, l := range ls {
			if !yield(bytes.TrimSuffix(l, []byte("\n")), nil) {
				return
			}
		}
	})
	if _, err := r.Read(make([]byte, 10)); err != nil {
		t.Fatal(err)
	}
	r.Close()
	if n, err := r.Read(make([]byte, 10)); !stopped || n != 0 || err == nil {
		t.Errorf("after Close: stopped %v, Read = %d, %v; want the sequence stopped and nothing read", stopped, n, err)
	}
}

// rebuiltReamended returns the lines of the journal of reamended, the
// state Rebuild makes of it and its year.
func rebuiltReamended(t *testing.T) ([][]byte, *journal.Rebuilt, int) {
	t.Helper()
	steps, year := reamended(t)
	ls := lines(write(t, steps))
	want, err := journal.Rebuild(bytes.NewReader(join(ls)), nil)
	if err != nil {
		t.Fatal(err)
	}
	return ls, want, year
}

func TestApplyFollowsTheJournal(t *testing.T) {
	ls, want, year := rebuiltReamended(t)
	empty, err := journal.Rebuild(bytes.NewReader(nil), nil)
	if err != nil {
		t.Fatal(err)
	}
	var got *journal.Rebuilt
	for _, start := range []*journal.Rebuilt{empty, {}} { // the zero Rebuilt is an empty journal's state
		for i, l := range ls {
			if err := start.Apply(bytes.TrimSuffix(l, []byte("\n"))); err != nil {
				t.Fatalf("line %d: %v", i+1, err)
			}
		}
		sameState(t, want, start, year)
		got = start
	}
	before := got.Head
	if err := got.Apply(bytes.TrimSuffix(ls[3], []byte("\n"))); !errors.Is(err, journal.ErrInvalid) || got.Head != before {
		t.Errorf("an entry applied again: %v, head %v; want ErrInvalid and the head %v", err, got.Head, before)
	}
}

func TestResumeGivesWhatRebuildGives(t *testing.T) {
	ls, want, year := rebuiltReamended(t)
	cp := want.Checkpoint("o")
	for _, k := range []int{0, 1, 2, 7, len(ls) / 2, len(ls) - 2, len(ls) - 1, len(ls)} {
		t.Run(fmt.Sprint("snapshot after ", k), func(t *testing.T) {
			_, snap := snapshotAfter(t, ls, k)
			tail := ls[max(k-1, 0):]
			got, err := journal.Resume(snap, rows(tail), nil, cp)
			if err != nil {
				t.Fatal(err)
			}
			sameState(t, want, got, year)
			again, err := got.Snapshot()
			if err != nil {
				t.Fatal(err)
			}
			full, err := want.Snapshot()
			if err != nil {
				t.Fatal(err)
			}
			if diff := snapshotDiff(full, again); diff != "" {
				t.Errorf("the resumed state's snapshot, against the rebuilt one's: mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestResumeChecksTheSnapshot(t *testing.T) {
	ls, all, _ := rebuiltReamended(t)
	k := 10
	at, snap := snapshotAfter(t, ls, k)
	early := at.Checkpoint("o")
	early.Size, early.Root = 3, journal.Hash{}
	wrong := all.Checkpoint("o")
	wrong.Root[0] ^= 1
	altered := bytes.Clone(ls[12])
	altered[len(altered)-10] ^= 1
	tests := []struct {
		name string
		snap []byte
		tail [][]byte
		cps  []journal.Checkpoint
		want error
	}{
		{"a byte of the snapshot changed", bytes.Replace(snap, []byte(`"seq":10`), []byte(`"seq":11`), 1), ls[k-1:], nil, journal.ErrInvalid},
		{"not a snapshot", []byte(`{"head":{}}`), ls, nil, journal.ErrInvalid},
		{"a tail that starts after the head", snap, ls[k:], nil, journal.ErrHeadMismatch},
		{"a tail that starts before the head", snap, ls[k-2:], nil, journal.ErrHeadMismatch},
		{"an empty tail", snap, nil, nil, journal.ErrHeadMismatch},
		{"a tail with a line altered", snap, append(append(append([][]byte{}, ls[k-1:12]...), altered), ls[13:]...), nil, journal.ErrTampered},
		{"a checkpoint before the snapshot", snap, ls[k-1:], []journal.Checkpoint{early}, journal.ErrInvalid},
		{"a checkpoint of another journal", snap, ls[k-1:], []journal.Checkpoint{wrong}, journal.ErrHeadMismatch},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := journal.Resume(tt.snap, rows(tt.tail), nil, tt.cps...); !errors.Is(err, tt.want) {
				t.Errorf("Resume: %v; want %v", err, tt.want)
			}
		})
	}
}

// snapshotAfter rebuilds the first k lines of ls and returns the state
// and its snapshot.
func snapshotAfter(tb testing.TB, ls [][]byte, k int) (*journal.Rebuilt, []byte) {
	tb.Helper()
	at, err := journal.Rebuild(bytes.NewReader(join(ls[:k])), nil)
	if err != nil {
		tb.Fatal(err)
	}
	snap, err := at.Snapshot()
	if err != nil {
		tb.Fatal(err)
	}
	return at, snap
}

// TestResumeOffsetInTail holds Resume's doc: a VerifyError of the tail
// counts its Offset in bytes of the tail, from the snapshot's entry, and
// its Line in the journal's entries.
func TestResumeOffsetInTail(t *testing.T) {
	ls, _, _ := rebuiltReamended(t)
	const k = 10
	_, snap := snapshotAfter(t, ls, k)
	altered := bytes.Clone(ls[12])
	altered[len(altered)-10] ^= 1
	tail := append(append(append([][]byte{}, ls[k-1:12]...), altered), ls[13:]...)
	_, err := journal.Resume(snap, rows(tail), nil)
	var ve *journal.VerifyError
	if !errors.As(err, &ve) {
		t.Fatalf("Resume of a tail with line 13 altered: %v; want a *VerifyError", err)
	}
	got := [2]int64{int64(ve.Line), ve.Offset}
	want := [2]int64{13, int64(len(join(ls[k-1 : 12])))}
	if got != want {
		t.Errorf("Resume's VerifyError at line %d, byte %d of the tail; want line %d, byte %d", got[0], got[1], want[0], want[1])
	}
}
