package staff_test

import (
	"encoding/json"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/qingdan/qingdan/internal/hardening"
	"github.com/qingdan/qingdan/staff"
)

// FuzzJSON decodes arbitrary input as each of the package's types: no
// panic, time linear in the input, and either an error wrapping
// ErrInvalid or a value that writes and reads back equal.
func FuzzJSON(f *testing.F) {
	hardening.AddJSONSeeds(f)
	f.Add([]byte(`{"person":"张三","category":"grid","scores":{"patrol":"95","cases":90}}`))
	f.Add([]byte(`{"person":"张三","category":"grid","scores":{"patrol":"95"},"total":"90.5","grade":"优秀","rank":1}`))
	f.Add([]byte(`{"id":"C1","name":"甲","post":"城管","competition":"85","years":["70","80.5",90]}`))
	f.Add([]byte(`{"candidate":{"id":"C1","post":"城管","competition":"85","years":null},"total":"83.5","rank":1,"selected":true}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzJSON[staff.Score](t, data)
		fuzzJSON[staff.Appraised](t, data)
		fuzzJSON[staff.Candidate](t, data)
		fuzzJSON[staff.Placement](t, data)
	})
}

// fuzzJSON checks that data either fails to decode into a T, with an
// error wrapping ErrInvalid, or decodes to a value that round-trips.
func fuzzJSON[T any, P interface {
	*T
	json.Unmarshaler
}](t *testing.T, data []byte) {
	var v T
	if !hardening.Accepts(t, data, staff.ErrInvalid, func() error { return P(&v).UnmarshalJSON(data) }) {
		return
	}
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatalf("Marshal(%+v), decoded from %s: %v", v, hardening.Clip(string(data)), err)
	}
	var back T
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatalf("Unmarshal(%s), its own JSON: %v", b, err)
	}
	if diff := cmp.Diff(v, back); diff != "" {
		t.Fatalf("round trip of %s mismatch (-want +got):\n%s", b, diff)
	}
}
