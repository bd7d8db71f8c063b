package journal_test

import (
	"bytes"
	"errors"
	"math"
	"testing"

	"github.com/qingdan/qingdan/journal"
)

// TestHeadsAndCheckpointsBeyondAJournal: a head or a checkpoint of more
// entries than a journal can hold (10^18-1, the largest seq a line
// carries; a checkpoint's text and a head's JSON refuse more) names no
// journal, as one of a negative size does: VerifyHead, Verify, Recover,
// RebuildAt and Resume refuse it with ErrInvalid, as they refuse a
// negative one. They said instead, with a *VerifyError wrapping
// ErrHeadMismatch, that the journal had lost the entries after its last,
// accusing a sound journal of entries removed.
func TestHeadsAndCheckpointsBeyondAJournal(t *testing.T) {
	j := write(t, history(1, 6, 2021))
	tree, _ := treeOf(t, j)
	last := tree.Head()
	snap := func() []byte {
		s, err := journal.Rebuild(bytes.NewReader(j), nil)
		if err != nil {
			t.Fatal(err)
		}
		b, err := s.Snapshot()
		if err != nil {
			t.Fatal(err)
		}
		return b
	}()
	tail := func(yield func([]byte, error) bool) {
		l := lines(j)
		yield(bytes.TrimSuffix(l[len(l)-1], []byte("\n")), nil)
	}
	const full = 1e18 - 1
	for _, h := range []journal.Head{{Seq: -1}, {Seq: full + 1, Hash: last.Hash}, {Seq: math.MaxInt64, Hash: last.Hash}} {
		err := journal.VerifyHead(bytes.NewReader(j), h, nil)
		if !errors.Is(err, journal.ErrInvalid) || errors.As(err, new(*journal.VerifyError)) {
			t.Errorf("VerifyHead(%v) = %v; want ErrInvalid, not a *VerifyError", h, err)
		}
	}
	for _, size := range []int64{-1, full + 1, math.MaxInt64} {
		cp := journal.Checkpoint{Origin: "o", Size: size, Root: last.Hash}
		calls := map[string]func() error{
			"Verify":  func() error { _, err := journal.Verify(bytes.NewReader(j), nil, cp); return err },
			"Recover": func() error { _, _, err := journal.Recover(bytes.NewReader(j), nil, cp); return err },
			"Verify with workers": func() error {
				_, err := journal.Verify(bytes.NewReader(j), &journal.Options{Workers: 2}, cp)
				return err
			},
			"RebuildAt": func() error { _, err := journal.RebuildAt(bytes.NewReader(j), cp, nil); return err },
			"Resume":    func() error { _, err := journal.Resume(snap, tail, nil, cp); return err },
		}
		for name, call := range calls {
			if err := call(); !errors.Is(err, journal.ErrInvalid) || errors.As(err, new(*journal.VerifyError)) {
				t.Errorf("%s with a checkpoint of %d entries = %v; want ErrInvalid, not a *VerifyError", name, size, err)
			}
		}
	}
	// 10^18-1 itself is a journal's last entry: this one is short of it.
	if _, err := journal.Verify(bytes.NewReader(j), nil, journal.Checkpoint{Origin: "o", Size: full}); !errors.Is(err, journal.ErrHeadMismatch) {
		t.Errorf("Verify with a checkpoint of 10^18-1 entries = %v; want ErrHeadMismatch", err)
	}
	if err := journal.VerifyHead(bytes.NewReader(j), journal.Head{Seq: full, Hash: last.Hash}, nil); !errors.Is(err, journal.ErrHeadMismatch) {
		t.Errorf("VerifyHead at 10^18-1 = %v; want ErrHeadMismatch", err)
	}
}
