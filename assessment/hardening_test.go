package assessment_test

// Hardening: every exported function and method of package assessment,
// called with nil maps, empty names, hostile decimals and huge inputs,
// returns an error or a sound result and never panics. TestHardening also
// keeps the rows complete: a new exported function without a row here fails
// it.

import (
	"fmt"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/qingdan/qingdan/assessment"
	"github.com/qingdan/qingdan/internal/hardening"
	"github.com/qingdan/qingdan/scoring"
)

// TestHardening checks that every exported function of the package, and
// every exported method of an exported type, has a row, and runs the rows:
// each makes its calls, failing on a panic or an unsound result.
func TestHardening(t *testing.T) {
	hardening.Test(t, append(sheetRows(), []hardening.Row{
		hardening.UnmarshalRow[assessment.Weights]("assessment.Weights"),
		hardening.UnmarshalRow[assessment.Annual]("assessment.Annual"),
		hardening.MarshalRow("assessment.Weights", nil, assessment.Weights{"": hardening.Decimals[3], hardening.BadUTF8: hardening.Decimals[2]}),
		hardening.MarshalRow("assessment.Annual", assessment.Annual{}, assessment.Annual{Subject: hardening.BadUTF8,
			Parts: map[string]decimal.Decimal{"": hardening.Decimals[4]}, Weights: assessment.Weights{"": {}}, Total: hardening.Decimals[3], Rank: -1}),
		{Name: "assessment.Weights.Validate", Run: func(c *hardening.Caller) {
			for i, w := range []assessment.Weights{nil, {}, {"": {}}, {"a": hardening.Decimals[2], "b": hardening.Decimals[3]}} {
				desc := fmt.Sprintf("weights %d .Validate()", i)
				c.Call(desc, func() { c.WantErr(desc, w.Validate()) })
			}
		}},
		{Name: "assessment.Blend", Run: func(c *hardening.Caller) {
			ws := []assessment.Weights{nil, annualWeights(), {"a": hardening.Decimals[2]}}
			parts := []map[string]decimal.Decimal{nil, {"subdistrict": hardening.Decimals[2], "department": hardening.Decimals[3]}, {"subdistrict": {}, "department": {}}}
			for i, w := range ws {
				for j, p := range parts {
					desc := fmt.Sprintf("Blend(weights %d, parts %d)", i, j)
					c.Call(desc, func() {
						if _, err := assessment.Blend(w, p); i != 1 || j == 0 {
							c.WantErr(desc, err)
						}
					})
				}
			}
		}},
		{Name: "assessment.Assess", Run: func(c *hardening.Caller) {
			scores := []scoring.Score{{}, {Subject: "s", Composite: hardening.Decimals[2]}, {Subject: "s"}, {Subject: hardening.Huge}}
			c.Call("Assess(nil, nil, nil)", func() {
				c.WantErr("Assess(nil, nil, nil)", func() error { _, err := assessment.Assess(nil, nil, nil); return err }())
			})
			c.Call("Assess(scores, annual weights, nil)", func() { _, _ = assessment.Assess(scores, annualWeights(), nil) })
			c.Call("Assess(scores, annual weights, others)", func() {
				_, _ = assessment.Assess(scores, annualWeights(), map[string]map[string]decimal.Decimal{"s": nil, "": {"": hardening.Decimals[3]}, hardening.BadUTF8: {}})
			})
		}},
	}...))
}
