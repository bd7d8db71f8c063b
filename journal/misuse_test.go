package journal_test

import (
	"testing"

	"github.com/qingdan/qingdan/internal/hardening"
	"github.com/qingdan/qingdan/journal"
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
