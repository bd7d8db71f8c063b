package journal_test

import (
	"testing"

	"github.com/qingdan/qingdan/internal/hardening"
	"github.com/qingdan/qingdan/journal"
)

// TestMisusePanics checks that a nil io.Writer or io.Reader, a programmer's
// mistake, panics at once with a message that names it, rather than
// failing later as an error.
func TestMisusePanics(t *testing.T) {
	tests := []struct {
		name string
		call func()
		want string
	}{
		{"NewWriter", func() { journal.NewWriter(nil, nil) }, "journal: nil io.Writer"},
		{"NewWriterAt", func() { journal.NewWriterAt(nil, journal.Head{}, nil) }, "journal: nil io.Writer"},
		{"NewReader", func() { journal.NewReader(nil, nil) }, "journal: nil io.Reader"},
		{"Verify", func() { _, _ = journal.Verify(nil, nil) }, "journal: nil io.Reader"},
		{"VerifyHead", func() { _ = journal.VerifyHead(nil, journal.Head{}, nil) }, "journal: nil io.Reader"},
		{"Recover", func() { _, _, _ = journal.Recover(nil, nil) }, "journal: nil io.Reader"},
		{"Rebuild", func() { _, _ = journal.Rebuild(nil, nil) }, "journal: nil io.Reader"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := hardening.PanicOf(tt.call); got != tt.want {
				t.Errorf("%s(nil) panicked with %v, want %q", tt.name, got, tt.want)
			}
		})
	}
}
