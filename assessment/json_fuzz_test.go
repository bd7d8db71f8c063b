package assessment_test

import (
	"encoding/json"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/qingdan/qingdan/assessment"
	"github.com/qingdan/qingdan/internal/hardening"
)

// FuzzJSON decodes arbitrary input as each of the package's types but the
// sheet (FuzzLoadSheet's): no panic, time linear in the input, and either
// an error wrapping the type's sentinel or a value that writes and reads
// back equal.
func FuzzJSON(f *testing.F) {
	hardening.AddJSONSeeds(f)
	f.Add([]byte(`{"subdistrict":"0.3","department":0.7}`))
	f.Add([]byte(`{"subject":"城管局","parts":{"subdistrict":"91.25","department":"88"},"weights":{"subdistrict":"0.3","department":"0.7"},"total":"88.975","rank":1}`))
	f.Add([]byte(`{"unit":"城管局","base":"88.5","counts":{"督办":2},"rates":{"响应率":"0.92"}}`))
	f.Add([]byte(`{"sheet":"v","unit":"u","base":"90","bonus":"2","deduction":"-3","points":"89","grade":"good","reasons":[{"item":1,"name":"督办","fact":"督办","count":3,"each":"-1","points":"-3"}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzJSON[assessment.Weights](t, data, assessment.ErrWeights)
		fuzzJSON[assessment.Annual](t, data, assessment.ErrWeights)
		fuzzJSON[assessment.Facts](t, data, assessment.ErrFacts)
		fuzzJSON[assessment.Result](t, data, assessment.ErrSheet)
		fuzzJSON[assessment.Reason](t, data, assessment.ErrSheet)
	})
}

// fuzzJSON checks that data either fails to decode into a T, with an
// error wrapping sentinel, or decodes to a value that round-trips (an
// empty map or list as none, which omitempty writes).
func fuzzJSON[T any, P interface {
	*T
	json.Unmarshaler
}](t *testing.T, data []byte, sentinel error) {
	var v T
	if !hardening.Accepts(t, data, sentinel, func() error { return P(&v).UnmarshalJSON(data) }) {
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
	if diff := cmp.Diff(v, back, cmpopts.EquateEmpty()); diff != "" { // omitempty leaves out an empty map
		t.Fatalf("round trip of %s mismatch (-want +got):\n%s", b, diff)
	}
}
