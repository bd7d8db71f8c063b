package staff_test

import (
	"encoding/json"
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/qingdan/qingdan/staff"
)

// TestAbsentReadsZero: as Candidate's and the decoders' docs say, a
// competition score left out of the JSON or given as null, and a null year
// or indicator score, read 0 — a score like any other, not a missing one —
// so that a candidate absent from the competition is ranked on the years
// and can be selected, and a null indicator is blended as 0 rather than
// refused as missing.
func TestAbsentReadsZero(t *testing.T) {
	var cands []staff.Candidate
	for _, in := range []string{
		`{"id":"A","post":"P","years":["100","100","100"]}`,                     // 0.7×0 + 0.1×300 = 30
		`{"id":"B","post":"P","competition":"40","years":["0",null,"0"]}`,       // 28 + 0 = 28
		`{"id":"C","post":"P","competition":null,"years":["100","100","99.9"]}`, // 0 + 29.99 = 29.99
	} {
		var c staff.Candidate
		if err := json.Unmarshal([]byte(in), &c); err != nil {
			t.Fatalf("%s: %v", in, err)
		}
		cands = append(cands, c)
	}
	got, err := staff.Select(cands, competitionWeights(), map[string]int{"P": 1})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"P A 30 1 true", "P C 29.99 2 false", "P B 28 3 false"}, placed(got)); diff != "" {
		t.Errorf("Select mismatch (-want +got):\n%s", diff)
	}

	var s staff.Score
	if err := json.Unmarshal([]byte(`{"person":"甲","category":"clerk","scores":{"service":null,"accuracy":"90"}}`), &s); err != nil {
		t.Fatal(err)
	}
	appraised, err := appraisal().Appraise([]staff.Score{s})
	if err != nil {
		t.Fatalf("Appraise of a null score: %v; want it blended as 0", err)
	}
	var lines []string
	for _, a := range appraised {
		lines = append(lines, fmt.Sprintf("%s %s %s", a.Person, a.Total, a.Grade)) // 0.7×0 + 0.3×90 = 27
	}
	if diff := cmp.Diff([]string{"甲 27 不称职"}, lines); diff != "" {
		t.Errorf("Appraise mismatch (-want +got):\n%s", diff)
	}
}
