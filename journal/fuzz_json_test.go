package journal_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/qingdan/qingdan/internal/hardening"
	"github.com/qingdan/qingdan/journal"
)

// FuzzEntryJSON: an entry that decodes is the entry ParseLine reads from
// its line, and encodes back to JSON that decodes to it; any other input
// is an error wrapping ErrInvalid or ErrTampered, in time linear in its
// length.
func FuzzEntryJSON(f *testing.F) {
	for _, l := range lines(write(f, smallHistory())) {
		e, err := journal.ParseLine(bytes.TrimSuffix(l, []byte("\n")))
		if err != nil {
			f.Fatal(err)
		}
		b, err := json.Marshal(e)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	hardening.AddJSONSeeds(f)
	f.Fuzz(func(t *testing.T, b []byte) {
		var e journal.Entry
		var err error
		hardening.Linear(t, len(b), func() { err = e.UnmarshalJSON(b) })
		if err != nil {
			if !errors.Is(err, journal.ErrInvalid) && !errors.Is(err, journal.ErrTampered) {
				t.Fatalf("UnmarshalJSON(%q) = %v, wrapping neither ErrInvalid nor ErrTampered", b, err)
			}
			return
		}
		if again, err := journal.ParseLine(e.Line()); err != nil || !cmp.Equal(again, e) {
			t.Fatalf("UnmarshalJSON(%q) = %+v, whose line ParseLine reads as %+v, %v", b, e, again, err)
		}
		hardening.JSONRoundTrip(t, e)
	})
}
