package staff_test

// Hardening: every exported function and method of package staff, called
// with zero values, nil slices and maps, hostile decimals and huge inputs,
// returns an error or a sound result and never panics. TestHardening also
// keeps the rows complete: a new exported function without a row here fails
// it.

import (
	"fmt"
	"math"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/qingdan/qingdan/assessment"
	"github.com/qingdan/qingdan/internal/hardening"
	"github.com/qingdan/qingdan/scoring"
	"github.com/qingdan/qingdan/staff"
)

// TestHardening checks that every exported function of the package, and
// every exported method of an exported type, has a row, and runs the rows:
// each makes its calls, failing on a panic or an unsound result.
func TestHardening(t *testing.T) {
	hardening.Test(t, []hardening.Row{
		hardening.UnmarshalRow[staff.Score]("staff.Score"),
		hardening.UnmarshalRow[staff.Appraised]("staff.Appraised"),
		hardening.UnmarshalRow[staff.Candidate]("staff.Candidate"),
		hardening.UnmarshalRow[staff.Placement]("staff.Placement"),
		hardening.UnmarshalRow[staff.Appraisal]("staff.Appraisal"),
		hardening.UnmarshalRow[staff.PostCategory]("staff.PostCategory"),
		hardening.MarshalRow("staff.Score", staff.Score{}, staff.Score{Scores: map[string]decimal.Decimal{"": hardening.Decimals[2], hardening.BadUTF8: hardening.Decimals[3]}}),
		hardening.MarshalRow("staff.Appraised", staff.Appraised{}, staff.Appraised{Person: hardening.BadUTF8, Scores: map[string]decimal.Decimal{"": hardening.Decimals[4]}, Total: hardening.Decimals[3]}),
		hardening.MarshalRow("staff.Candidate", staff.Candidate{}, staff.Candidate{Years: hardening.Decimals}),
		hardening.MarshalRow("staff.Placement", staff.Placement{}, staff.Placement{Candidate: staff.Candidate{Years: hardening.Decimals}, Total: hardening.Decimals[4]}),
		{Name: "staff.Appraisal.Appraise", Run: func(c *hardening.Caller) {
			scores := []staff.Score{{}, {Person: "p", Category: "c", Scores: map[string]decimal.Decimal{"x": hardening.Decimals[2]}}}
			for i, a := range []*staff.Appraisal{{}, {Categories: []staff.PostCategory{{}, {Code: "c", Weights: assessment.Weights{"x": decimal.New(1, 0)}}}, Scale: scoring.Scale{{}}}} {
				c.Call(fmt.Sprintf("appraisal %d .Appraise(nil)", i), func() { c.WantErr("Appraise(nil)", func() error { _, err := a.Appraise(nil); return err }()) })
				c.Call(fmt.Sprintf("appraisal %d .Appraise(scores)", i), func() { _, _ = a.Appraise(scores) })
			}
		}},
		{Name: "staff.YearPart", Run: func(c *hardening.Caller) {
			for _, n := range hardening.Ints {
				c.Call(fmt.Sprintf("YearPart(%d)", n), func() { _ = staff.YearPart(n) })
			}
		}},
		{Name: "staff.Select", Run: func(c *hardening.Caller) {
			cands := []staff.Candidate{{}, {ID: "a", Post: "p", Competition: hardening.Decimals[2], Years: hardening.Decimals}, {ID: "a", Post: "p"}, {ID: hardening.Huge, Post: hardening.BadUTF8}}
			for i, w := range []assessment.Weights{nil, {"competition": decimal.New(1, 0)}} {
				for j, q := range []map[string]int{nil, {"p": -1}, {"p": math.MaxInt}} {
					c.Call(fmt.Sprintf("Select(nil, weights %d, quotas %d)", i, j), func() { _, _ = staff.Select(nil, w, q) })
					c.Call(fmt.Sprintf("Select(candidates, weights %d, quotas %d)", i, j), func() { _, _ = staff.Select(cands, w, q) })
				}
			}
		}},
	})
}

// TestNilReceiverPanics: a nil appraisal is a programmer's error, which
// panics with a message that names the method, not a bare nil dereference.
func TestNilReceiverPanics(t *testing.T) {
	for _, tt := range []struct {
		name string
		f    func()
		want string
	}{
		{"Appraise", func() { _, _ = (*staff.Appraisal)(nil).Appraise(nil) }, "staff: Appraise of a nil *Appraisal"},
	} {
		if r := hardening.PanicOf(tt.f); fmt.Sprint(r) != tt.want {
			t.Errorf("%s: recovered %v, want %q", tt.name, r, tt.want)
		}
	}
}
