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

// FuzzRebuiltJSON: a state that decodes encodes back to JSON that decodes
// to it (the same matters, amendments and head, and the same JSON again);
// any other input is an error wrapping ErrInvalid, in time linear in its
// length. An amendment where the journal holds it, likewise.
func FuzzRebuiltJSON(f *testing.F) {
	amended := smallHistory() // with an amendment: its matter replays when the hotline does its return visit
	amended[5].event.Actor = "91580"
	for _, j := range [][]byte{nil, write(f, history(5, 2, 2021)), write(f, amended)} {
		s, err := journal.Rebuild(bytes.NewReader(j), nil)
		if err != nil {
			f.Fatal(err)
		}
		b, err := json.Marshal(s)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
		for _, a := range s.Amendments {
			if b, err := json.Marshal(a); err == nil {
				f.Add(b)
			}
		}
	}
	hardening.AddJSONSeeds(f)
	f.Fuzz(func(t *testing.T, b []byte) {
		hardening.RoundTrips[journal.Amended](t, b, journal.ErrInvalid)
		var s journal.Rebuilt
		if !hardening.Accepts(t, b, journal.ErrInvalid, func() error { return s.UnmarshalJSON(b) }) {
			return
		}
		out := hardening.MustJSON(t, &s)
		var back journal.Rebuilt
		if err := json.Unmarshal(out, &back); err != nil {
			t.Fatalf("Unmarshal(%s), its own JSON: %v", hardening.Clip(string(out)), err)
		}
		if diff := cmp.Diff(s.Matters, back.Matters); diff != "" || s.Head != back.Head {
			t.Fatalf("round trip of %s: head %v, want %v; matters mismatch (-want +got):\n%s", hardening.Clip(string(out)), back.Head, s.Head, diff)
		}
		if diff := cmp.Diff(s.Amendments, back.Amendments); diff != "" {
			t.Fatalf("round trip of %s: amendments mismatch (-want +got):\n%s", hardening.Clip(string(out)), diff)
		}
		if again := hardening.MustJSON(t, &back); !bytes.Equal(again, out) {
			t.Fatalf("round trip of %s gives %s", hardening.Clip(string(out)), hardening.Clip(string(again)))
		}
	})
}
