package assessment_test

import (
	"testing"

	"github.com/qingdan/qingdan/assessment"
	"github.com/qingdan/qingdan/internal/hardening"
)

// FuzzJSON decodes arbitrary input as each of the package's types but the
// sheet (FuzzLoadSheet's), the parts of a sheet included: no panic, time linear in the input, and either
// an error wrapping the type's sentinel or a value that writes and reads
// back equal.
func FuzzJSON(f *testing.F) {
	hardening.AddJSONSeeds(f)
	f.Add([]byte(`{"subdistrict":"0.3","department":0.7}`))
	f.Add([]byte(`{"subject":"城管局","parts":{"subdistrict":"91.25","department":"88"},"weights":{"subdistrict":"0.3","department":"0.7"},"total":"88.975","rank":1}`))
	f.Add([]byte(`{"unit":"城管局","base":"88.5","counts":{"督办":2},"rates":{"响应率":"0.92"}}`))
	f.Add([]byte(`{"sheet":"v","unit":"u","base":"90","bonus":"2","deduction":"-3","points":"89","grade":"good","reasons":[{"item":1,"name":"督办","fact":"督办","count":3,"each":"-1","points":"-3"}]}`))
	f.Add([]byte(`{"from":"fixed","points":"100"}`))
	f.Add([]byte(`{"name":"响应率","fact":"响应率","bands":[{"from":"0.9","points":"2"}],"cap":"5"}`))
	f.Add([]byte(`{"from":"0.95","below":"0.9","points":"-1"}`))
	f.Add([]byte(`{"below":"0.6","points":"59","grade":"fail"}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		hardening.RoundTrips[assessment.Weights](t, data, assessment.ErrWeights)
		hardening.RoundTrips[assessment.Annual](t, data, assessment.ErrWeights)
		hardening.RoundTrips[assessment.Facts](t, data, assessment.ErrFacts)
		hardening.RoundTrips[assessment.Result](t, data, assessment.ErrSheet)
		hardening.RoundTrips[assessment.Reason](t, data, assessment.ErrSheet)
		hardening.RoundTrips[assessment.Base](t, data, assessment.ErrSheet)
		hardening.RoundTrips[assessment.Item](t, data, assessment.ErrSheet)
		hardening.RoundTrips[assessment.Band](t, data, assessment.ErrSheet)
		hardening.RoundTrips[assessment.Veto](t, data, assessment.ErrSheet)
	})
}
