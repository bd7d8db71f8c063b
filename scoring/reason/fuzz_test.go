package reason_test

import (
	"encoding/json"
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/qingdan/qingdan/internal/hardening"
	"github.com/qingdan/qingdan/scoring/reason"
)

// FuzzUnmarshalJSON: any input is refused or read into a reason that
// writes and reads back the same, is valid, and renders in both languages
// without panicking; time stays linear in the input. The same input read
// as a Check or a Figure alone is refused or writes and reads back equal.
func FuzzUnmarshalJSON(f *testing.F) {
	hardening.AddJSONSeeds(f)
	for _, r := range []reason.Reason{sixth(reason.Chinese), reason.Text("x")} {
		b, _ := json.Marshal(r)
		f.Add(b)
	}
	f.Add([]byte(`{"of":"response","op":"atMost","threshold":"0.5"}`))
	f.Add([]byte(`{"of":"response","done":true,"actual":"4h0m0s","limit":"2h0m0s"}`))
	f.Fuzz(func(t *testing.T, in []byte) {
		hardening.RoundTrips[reason.Check](t, in, reason.ErrInvalid)
		hardening.RoundTrips[reason.Figure](t, in, reason.ErrInvalid)
		var r reason.Reason
		if err := r.UnmarshalJSON(in); err != nil {
			if !errors.Is(err, reason.ErrInvalid) {
				t.Fatalf("UnmarshalJSON(%q) = %v, not wrapping ErrInvalid", in, err)
			}
			return
		}
		_, _ = r.In(reason.English), r.In(reason.Chinese)
		if err := r.Validate(); err != nil {
			t.Fatalf("%s reads as an invalid reason: %v", in, err)
		}
		b, err := json.Marshal(r)
		if err != nil {
			t.Fatalf("%s reads as %+v, which does not write: %v", in, r, err)
		}
		var back reason.Reason
		if err := back.UnmarshalJSON(b); err != nil {
			t.Fatalf("%s does not read back: %v", b, err)
		}
		if reason.Compare(r, back) != 0 {
			t.Fatalf("round trip mismatch (-want +got):\n%s", cmp.Diff(r, back))
		}
	})
}
