//go:build linux || darwin || freebsd || netbsd || openbsd || dragonfly || illumos

package journal_test

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/qingdan/qingdan/internal/hardening"
	"github.com/qingdan/qingdan/journal"
	"github.com/qingdan/qingdan/matters"
	"github.com/qingdan/qingdan/scoring"
)

// crashEvent is the n-th event a crash test appends.
func crashEvent(n int) matters.Event {
	return matters.Event{Matter: "WH-CRASH", Seq: n, At: time.Date(2020, 6, 1, 9, 0, 0, n, time.UTC), Kind: matters.Progress, Actor: "城管局", Note: "第几次进展"}
}

func TestOpenFile(t *testing.T) {
	name := filepath.Join(t.TempDir(), "2020.jsonl")
	f, err := journal.OpenFile(name, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := f.Last(); ok || f.Tree().Size() != 0 || f.Name() != name {
		t.Errorf("a new journal has a last entry or a tree of %d", f.Tree().Size())
	}
	for i := 1; i <= 3; i++ {
		if _, err := f.Writer().AppendEvent(crashEvent(i)); err != nil {
			t.Fatal(err)
		}
	}
	// One writer per file: a second File is refused while the first is
	// open, in this process as in another.
	if g, err := journal.OpenFile(name, nil); !errors.Is(err, journal.ErrLocked) {
		t.Errorf("a second OpenFile = %v; want ErrLocked", err)
		if g != nil {
			g.Close()
		}
	}
	head, cp := f.Writer().Head(), f.Tree().Checkpoint("o")
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := f.Writer().AppendEvent(crashEvent(4)); err == nil {
		t.Error("an append after Close succeeded")
	}
	// Reopened, it continues where it was.
	f, err = journal.OpenFile(name, nil, cp)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	last, ok := f.Last()
	if !ok || last.Seq != 3 || last.Hash != head.Hash || !last.Records(crashEvent(3)) || last.Records(crashEvent(2)) {
		t.Errorf("Last = %v, %v; want entry 3, which records the third event", last.Seq, ok)
	}
	if f.Tree().Checkpoint("o") != cp || f.Writer().Head() != head {
		t.Errorf("reopened at %v with %v; want %v with %v", f.Writer().Head(), f.Tree().Checkpoint("o"), head, cp)
	}
	if _, err := f.Writer().AppendEvent(crashEvent(4)); err != nil {
		t.Fatal(err)
	}
	j, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	if h, err := journal.Verify(bytes.NewReader(j), nil, cp); err != nil || h.Seq != 4 {
		t.Errorf("Verify = %v, %v; want 4 sound entries", h, err)
	}
	if _, err := journal.OpenFile(name, &journal.Options{Sync: func() error { return nil }}); !errors.Is(err, journal.ErrInvalid) {
		t.Errorf("OpenFile with a Sync of its own = %v; want ErrInvalid", err)
	}
}

func TestOpenFileRecovers(t *testing.T) {
	dir := t.TempDir()
	j := eventJournal(t, 5)
	tests := []struct {
		name    string
		content []byte
		want    error // nil: opened, truncated to the 4 sound entries
		keep    bool  // the file must be left as it was
	}{
		{"torn", j[:len(j)-7], nil, false},
		{"sound", j, nil, false},
		{"tampered", bytes.Replace(j, []byte("第2次"), []byte("第9次"), 1), journal.ErrTampered, true},
		{"an edited last line", bytes.Replace(j, []byte("第5次"), []byte("第9次"), 1), journal.ErrTampered, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			name := filepath.Join(dir, tt.name+".jsonl")
			if err := os.WriteFile(name, tt.content, 0o644); err != nil {
				t.Fatal(err)
			}
			f, err := journal.OpenFile(name, nil)
			if !errors.Is(err, tt.want) || (err == nil) != (tt.want == nil) {
				t.Fatalf("OpenFile = %v; want %v", err, tt.want)
			}
			after, _ := os.ReadFile(name)
			if tt.keep {
				if !bytes.Equal(after, tt.content) {
					t.Error("OpenFile changed a journal that is not sound: it is evidence")
				}
				return
			}
			defer f.Close()
			if h, err := journal.Verify(bytes.NewReader(after), nil); err != nil || h != f.Writer().Head() {
				t.Errorf("after OpenFile, Verify = %v, %v; want %v", h, err, f.Writer().Head())
			}
		})
	}
	// A journal that stops short of a published checkpoint is not opened.
	name := filepath.Join(dir, "cut.jsonl")
	if err := os.WriteFile(name, join(lines(j)[:3]), 0o644); err != nil {
		t.Fatal(err)
	}
	tree, _ := treeOf(t, j)
	if _, err := journal.OpenFile(name, nil, tree.Checkpoint("o")); !errors.Is(err, journal.ErrHeadMismatch) {
		t.Errorf("OpenFile of a journal cut short of its checkpoint = %v; want ErrHeadMismatch", err)
	}
}

// TestFailedAppendRetried follows the documented procedure after an
// append fails once its line reached the file: reopen, and append again
// only what the last entry does not record. The journal then holds the
// entry once; a host that appended again blindly would have journaled it
// twice, which Verify accepts and Rebuild stops at.
func TestFailedAppendRetried(t *testing.T) {
	name := filepath.Join(t.TempDir(), "2020.jsonl")
	s := smallHistory()
	eval := *s[6].evaluation
	f, err := journal.OpenFile(name, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	raw, err := os.OpenFile(name, os.O_WRONLY|os.O_APPEND, 0)
	if err != nil {
		t.Fatal(err)
	}
	w := journal.NewWriter(raw, &journal.Options{Sync: func() error { return errors.New("sync: input/output error") }})
	if _, err := w.AppendEvaluation(eval); err == nil {
		t.Fatal("the append succeeded; the test wants it to fail after its write")
	}
	if _, err := w.AppendEvaluation(eval); err == nil {
		t.Error("an append after a failed one succeeded: the Writer must refuse until reopened")
	}
	raw.Close()

	f, err = journal.OpenFile(name, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if last, ok := f.Last(); !ok || !last.Records(eval) {
		if _, err := f.Writer().AppendEvaluation(eval); err != nil {
			t.Fatal(err)
		}
	}
	j, _ := os.ReadFile(name)
	got, err := journal.Rebuild(bytes.NewReader(j), nil)
	if err != nil || got.Book.Len() != 1 || got.Head.Seq != 1 {
		t.Errorf("Rebuild = %v entries, %d evaluations, %v; want the evaluation once", got.Head.Seq, got.Book.Len(), err)
	}
	// The blind retry, for contrast.
	if _, err := f.Writer().AppendEvaluation(eval); err != nil {
		t.Fatal(err)
	}
	j, _ = os.ReadFile(name)
	if _, err := journal.Verify(bytes.NewReader(j), nil); err != nil {
		t.Fatal(err)
	}
	if _, err := journal.Rebuild(bytes.NewReader(j), nil); !errors.Is(err, scoring.ErrDuplicate) {
		t.Errorf("Rebuild after a blind retry = %v; want scoring.ErrDuplicate", err)
	}
}

// TestFileConcurrentUse appends to one File from several goroutines while
// they read its tree, its last entry as opened and its name; go test -race
// checks what they share. The file then verifies with every entry, ending
// where the Writer and the tree end.
func TestFileConcurrentUse(t *testing.T) {
	name := filepath.Join(t.TempDir(), "j.jsonl")
	f, err := journal.OpenFile(name, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.Writer().AppendEvent(crashEvent(1)); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	if f, err = journal.OpenFile(name, nil); err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	last, _ := f.Last()
	hardening.Concurrently(t, "one File", func(g, i int) {
		if _, err := f.Writer().AppendEvent(matters.Event{Matter: fmt.Sprintf("WH-%d", g), Seq: i + 1, At: time.Date(2020, 6, 1, 9, i, 0, 0, time.UTC),
			Kind: matters.Progress, Actor: "城管局"}); err != nil {
			t.Error(err)
		}
		if cp := f.Tree().Checkpoint("o"); cp.Size < 2 {
			t.Errorf("a checkpoint of %d entries after an append", cp.Size)
		}
		if got, ok := f.Last(); !ok || !cmp.Equal(last, got) || f.Name() != name {
			t.Errorf("Last() = %v, %v and Name() = %q while appending; want the entry as opened, %v, and %q", got, ok, f.Name(), last, name)
		}
	})
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	h, err := journal.Verify(bytes.NewReader(data), nil)
	if want := int64(1 + hardening.Goroutines*hardening.Each); err != nil || h.Seq != want || h != f.Writer().Head() || h != f.Tree().Head() {
		t.Errorf("Verify = %v, %v; want %d entries ending at the writer's head %v and the tree's %v", h, err, want, f.Writer().Head(), f.Tree().Head())
	}
}
