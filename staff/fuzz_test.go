package staff_test

import (
	"encoding/json"
	"errors"
	"testing"

	"github.com/qingdan/qingdan/assessment"
	"github.com/qingdan/qingdan/internal/hardening"
	"github.com/qingdan/qingdan/staff"
	"github.com/shopspring/decimal"
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
	f.Add([]byte(`{"categories":[{"code":"grid","weights":{"patrol":"0.6","cases":0.4}}],"scale":[{"code":"优秀","points":"90"}]}`))
	f.Add([]byte(`{"code":"grid","name":"网格员","weights":{"patrol":"1"}}`))
	// Scores on no 0–100 scale read back as they are: no range is enforced.
	f.Add([]byte(`{"person":"张三","category":"grid","scores":{"patrol":"105","cases":-5}}`))
	f.Add([]byte(`{"id":"C1","post":"城管","competition":"132","years":["-10","100"]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		hardening.RoundTrips[staff.Score](t, data, staff.ErrInvalid)
		hardening.RoundTrips[staff.Appraised](t, data, staff.ErrInvalid)
		hardening.RoundTrips[staff.Candidate](t, data, staff.ErrInvalid)
		hardening.RoundTrips[staff.Placement](t, data, staff.ErrInvalid)
		hardening.RoundTrips[staff.Appraisal](t, data, staff.ErrInvalid)
		hardening.RoundTrips[staff.PostCategory](t, data, staff.ErrInvalid)
	})
}

// FuzzSelectWeights selects under arbitrary weights: no panic, time
// linear in the input, and either the weights' own error, wrapping
// assessment.ErrWeights and the same with a candidate as with none, or
// weights that a candidate with a year for each part but the competition
// meets.
func FuzzSelectWeights(f *testing.F) {
	f.Add([]byte(`{"competition":"0.7","year1":"0.1","year2":"0.1","year3":"0.1"}`))
	f.Add([]byte(`{"competition":"1"}`))
	f.Add([]byte(`{"year1":"0.5","year2":"0.5"}`))
	f.Add([]byte(`{"competition":"0.5","year1":"0.2","year3":"0.3"}`))
	f.Add([]byte(`{"competition":"0.5","year01":"0.2","year999999999999999999999":"0.3"}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		var w assessment.Weights
		if json.Unmarshal(data, &w) != nil {
			return
		}
		hardening.Linear(t, len(data), func() {
			_, err := staff.Select(nil, w, nil)
			c := staff.Candidate{ID: "c", Post: "p", Years: make([]decimal.Decimal, max(len(w)-1, 0))}
			placed, cerr := staff.Select([]staff.Candidate{c}, w, map[string]int{"p": 1})
			if err != nil {
				if !errors.Is(err, assessment.ErrWeights) || errors.Is(err, staff.ErrInvalid) {
					t.Fatalf("Select error %v; want the weights' problems alone, wrapping assessment.ErrWeights", err)
				}
				if cerr == nil || cerr.Error() != err.Error() {
					t.Fatalf("Select with a candidate: %v; want the weights' error with none:\n%v", cerr, err)
				}
				return
			}
			if cerr != nil || len(placed) != 1 {
				t.Fatalf("Select of a candidate with %d years under good weights %v = %v, %v; want it placed", len(c.Years), w, placed, cerr)
			}
		})
	})
}
