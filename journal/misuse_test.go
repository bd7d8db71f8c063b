package journal_test

import (
	"crypto/sha256"
	"errors"
	"reflect"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/qingdan/qingdan/internal/hardening"
	"github.com/qingdan/qingdan/journal"
	"golang.org/x/mod/sumdb/tlog"
)

// TestMisusePanics checks that a nil io.Writer, io.Reader, signer or
// verifier, a programmer's mistake, panics at once with a message that
// names the function and what was nil, rather than failing later as an
// error.
func TestMisusePanics(t *testing.T) {
	tests := []struct {
		name string
		call func()
		want string
	}{
		{"NewWriter", func() { journal.NewWriter(nil, nil) }, "journal: NewWriter: nil io.Writer"},
		{"NewWriterAt", func() { journal.NewWriterAt(nil, journal.Head{}, nil) }, "journal: NewWriterAt: nil io.Writer"},
		{"NewReader", func() { journal.NewReader(nil, nil) }, "journal: NewReader: nil io.Reader"},
		{"Verify", func() { _, _ = journal.Verify(nil, nil) }, "journal: Verify: nil io.Reader"},
		{"VerifyHead", func() { _ = journal.VerifyHead(nil, journal.Head{Seq: -1}, nil) }, "journal: VerifyHead: nil io.Reader"},
		{"Recover", func() { _, _, _ = journal.Recover(nil, nil) }, "journal: Recover: nil io.Reader"},
		{"Rebuild", func() { _, _ = journal.Rebuild(nil, nil) }, "journal: Rebuild: nil io.Reader"},
		{"RebuildAt", func() { _, _ = journal.RebuildAt(nil, journal.Checkpoint{}, nil) }, "journal: RebuildAt: nil io.Reader"},
		{"Checkpoint.Sign", func() { _, _ = journal.Checkpoint{}.Sign(nil) }, "journal: Checkpoint.Sign: nil note.Signer"},
		{"OpenCheckpoint", func() { _, _ = journal.OpenCheckpoint(nil, nil) }, "journal: OpenCheckpoint: nil note.Verifier"},
		{"Receipt.Verify", func() { _, _, _ = (&journal.Receipt{}).Verify(nil) }, "journal: Receipt.Verify: nil note.Verifier"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := hardening.PanicOf(tt.call); got != tt.want {
				t.Errorf("%s(nil) panicked with %v, want %q", tt.name, got, tt.want)
			}
		})
	}
}

// TestTreeNilAndZero: every method of a Tree panics on a nil *Tree, as
// every other type of the package does, with a message that names the
// method; on the zero Tree, which is empty and ready to use, each works
// and answers for the empty journal. A method the table misses fails the
// test.
func TestTreeNilAndZero(t *testing.T) {
	first := lines(write(t, history(1, 1, 2021)))[0]
	first = first[:len(first)-1]
	emptyRoot := journal.Hash(sha256.Sum256(nil))
	calls := map[string]func(*journal.Tree) (any, error){
		"Head":             func(tr *journal.Tree) (any, error) { return tr.Head(), nil },
		"Size":             func(tr *journal.Tree) (any, error) { return tr.Size(), nil },
		"Root":             func(tr *journal.Tree) (any, error) { return tr.Root(0) },
		"Checkpoint":       func(tr *journal.Tree) (any, error) { return tr.Checkpoint("o"), nil },
		"ReadHashes":       func(tr *journal.Tree) (any, error) { return tr.ReadHashes(nil) },
		"InclusionProof":   func(tr *journal.Tree) (any, error) { return tr.InclusionProof(0, 0) },
		"ConsistencyProof": func(tr *journal.Tree) (any, error) { return tr.ConsistencyProof(0, 0) },
		"FirstDifference":  func(tr *journal.Tree) (any, error) { return tr.FirstDifference(journal.NewTree(), 0) },
		"Receipt":          func(tr *journal.Tree) (any, error) { return tr.Receipt(journal.Entry{}, nil) },
		"Append":           func(tr *journal.Tree) (any, error) { h, err := tr.Append(first); return h.Seq, err },
	}
	// What the zero Tree answers: a result, or an error wrapping ErrInvalid.
	zero := map[string]any{
		"Head": journal.Head{}, "Size": int64(0), "Root": emptyRoot, "Checkpoint": journal.Checkpoint{Origin: "o", Root: emptyRoot},
		"ReadHashes": []tlog.Hash{}, "InclusionProof": journal.ErrInvalid, "ConsistencyProof": journal.Proof{},
		"FirstDifference": int64(0), "Receipt": journal.ErrInvalid, "Append": int64(1),
	}
	typ := reflect.TypeFor[*journal.Tree]()
	for i := range typ.NumMethod() {
		name := typ.Method(i).Name
		call, ok := calls[name]
		if !ok {
			t.Errorf("(*Tree).%s is not tested on a nil and a zero Tree", name)
			continue
		}
		t.Run(name, func(t *testing.T) {
			want := "journal: " + name + " of a nil *Tree"
			if got := hardening.PanicOf(func() { _, _ = call(nil) }); got != want {
				t.Errorf("on a nil *Tree: panicked with %v, want %q", got, want)
			}
			got, err := call(new(journal.Tree))
			if werr, ok := zero[name].(error); ok {
				if !errors.Is(err, werr) {
					t.Errorf("on the zero Tree: %v, %v; want an error wrapping %v", got, err, werr)
				}
				return
			}
			if err != nil {
				t.Fatalf("on the zero Tree: %v", err)
			}
			if diff := cmp.Diff(zero[name], got); diff != "" {
				t.Errorf("on the zero Tree: mismatch (-want +got):\n%s", diff)
			}
		})
	}
}
