package indicators_test

// Hardening: every exported function and method of package indicators,
// called with zero values, nil slices, parts without matters, hostile
// decimals and huge inputs, returns an error or a sound result and never
// panics. TestHardening also keeps the rows complete: a new exported
// function without a row here fails it.

import (
	"fmt"
	"math"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"github.com/qingdan/qingdan/assessment"
	"github.com/qingdan/qingdan/indicators"
	"github.com/qingdan/qingdan/internal/hardening"
	"github.com/qingdan/qingdan/matters"
	"github.com/qingdan/qingdan/matters/workday"
	"github.com/qingdan/qingdan/scoring"
)

// hostileParts are parts a host might build by hand: no matter, a matter
// with no events, hostile points, negative durations.
func hostileParts(t testing.TB) []indicators.Part {
	yes := true
	return append(parts(t),
		indicators.Part{},
		indicators.Part{Matter: &matters.Matter{}, Unit: hardening.BadUTF8, Lead: true, Solved: &yes},
		indicators.Part{Matter: &matters.Matter{ID: "x"}, Unit: hardening.Huge, Street: &scoring.Result{Points: hardening.Decimals[2]},
			Facts: scoring.Facts{Responded: true, Response: -time.Hour, ResponseLimit: -time.Hour, Satisfied: &yes}},
	)
}

func TestHardening(t *testing.T) {
	groups := map[string]func(indicators.Part) string{"ByUnit": indicators.ByUnit, "ByLead": indicators.ByLead,
		"BySubDistrict": indicators.BySubDistrict, "ByType": indicators.ByType, "ByMonth": indicators.ByMonth}
	rows := []hardening.Row{
		hardening.MarshalRow("indicators.Ratio", indicators.Ratio{}, indicators.Ratio{Num: -1, Den: -1, Value: hardening.Decimals[3]}),
		{Name: "indicators.Parts", Run: func(c *hardening.Caller) {
			ms, grades := fixture(t)
			mss := [][]*matters.Matter{nil, {nil}, {{}}, {{ID: hardening.Huge}}, ms}
			gradess := [][]scoring.Evaluation{nil, {{}}, grades, {{Matter: "m1", Subject: "a", Evaluator: "s1", Stage: -1}}}
			for i, ms := range mss {
				for j, g := range gradess {
					desc := fmt.Sprintf("Parts(China, matters %d, routes, grades %d)", i, j)
					c.Call(desc, func() { _, _ = indicators.Parts(workday.China(), ms, routes, g) })
				}
			}
		}},
		{Name: "indicators.Tally", Run: func(c *hardening.Caller) {
			for _, min := range []decimal.Decimal{{}, hardening.Decimals[2], hardening.Decimals[3]} {
				for name, g := range groups {
					desc := fmt.Sprintf("Tally(hostile parts, %s, %s)", name, min.String())
					c.Call(desc, func() {
						for _, r := range indicators.Tally(hostileParts(t), g, min) {
							for _, x := range []indicators.Ratio{r.Response, r.Resolution, r.Satisfaction, r.Street} {
								if x.Num < 0 || x.Num > x.Den || x.Value.IsNegative() || x.Value.GreaterThan(decimal.NewFromInt(1)) {
									c.Fail(desc, "group %q: ratio %d/%d = %s", r.Group, x.Num, x.Den, x.Value)
								}
							}
						}
					})
				}
			}
		}},
		{Name: "indicators.Rates.Index", Run: func(c *hardening.Caller) {
			ws := []assessment.Weights{nil, {}, {"response": hardening.Decimals[2]},
				{"response": decimal.NewFromInt(1), "resolution": {}, "satisfaction": {}}}
			rs := append(indicators.Tally(hostileParts(t), indicators.ByUnit, decimal.Zero), indicators.Rates{},
				indicators.Rates{Response: indicators.Ratio{Den: 1, Value: hardening.Decimals[3]}, Resolution: indicators.Ratio{Den: 1}, Satisfaction: indicators.Ratio{Den: 1}})
			for i, r := range rs {
				for j, w := range ws {
					desc := fmt.Sprintf("rates %d .Index(weights %d)", i, j)
					c.Call(desc, func() {
						if _, err := r.Index(w); j < 3 {
							c.WantErr(desc, err)
						}
					})
				}
			}
		}},
	}
	standings := []indicators.Standing{{}, {Subject: hardening.Huge, Class: hardening.BadUTF8, Value: hardening.Decimals[3], Rank: math.MinInt, Of: -1, Prev: math.MaxInt},
		{Rank: 1, Prev: math.MinInt}, {Rank: math.MaxInt, Prev: 1}}
	rows = append(rows,
		hardening.MarshalRow("indicators.Standing", standings...),
		hardening.UnmarshalRow[indicators.Standing]("indicators.Standing"),
		hardening.UnmarshalRow[indicators.Ratio]("indicators.Ratio"),
		hardening.UnmarshalRow[indicators.Rates]("indicators.Rates"),
		hardening.MarshalRow("indicators.Lists", indicators.Lists{}, indicators.Lists{Top: -1, Bottom: math.MaxInt,
			RedAtLeast: &hardening.Decimals[2], BlackBelow: &hardening.Decimals[3]}),
		hardening.UnmarshalRow[indicators.Lists]("indicators.Lists"),
		hardening.Method("indicators.Standing.Move", standings, func(s indicators.Standing) { _ = s.Move() }),
		hardening.Method("indicators.Standing.Movement", standings, func(s indicators.Standing) { _ = s.Movement() }),
		hardening.Row{Name: "indicators.Rank", Run: func(c *hardening.Caller) {
			// Values and thresholds JSON could not read back are refused, as
			// negative positions are.
			hostile := map[string]decimal.Decimal{"": {}, hardening.BadUTF8: hardening.Decimals[2], hardening.Huge: hardening.Decimals[3], "a": hardening.Decimals[3]}
			sound := map[string]decimal.Decimal{"": {}, hardening.BadUTF8: hardening.Decimals[1], hardening.Huge: hardening.Decimals[4], "a": hardening.Decimals[4]}
			for i, l := range []indicators.Lists{{}, {Top: math.MaxInt, Bottom: math.MaxInt}, {Top: math.MinInt, Bottom: -1},
				{RedAtLeast: &hardening.Decimals[2], BlackBelow: &hardening.Decimals[3]}, {RedAtLeast: &hardening.Decimals[4], BlackBelow: &hardening.Decimals[1]}} {
				for j, cl := range []indicators.Classes{nil, {"": hardening.Huge, "a": hardening.BadUTF8}} {
					for k, values := range []map[string]decimal.Decimal{hostile, sound} {
						desc := fmt.Sprintf("Rank(values %d, classes %d, lists %d, standings)", k, j, i)
						c.Call(desc, func() {
							got, err := indicators.Rank(values, cl, l, standings)
							if refuse := l.Top < 0 || l.Bottom < 0 || i == 3 || k == 0; (err != nil) != refuse {
								c.Fail(desc, "error %v; want one: %t", err, refuse)
							}
							if err != nil {
								return
							}
							for _, s := range got {
								if s.Rank < 1 || s.Rank > s.Of {
									c.Fail(desc, "subject %q ranked %d of %d", hardening.Clip(s.Subject), s.Rank, s.Of)
								}
							}
							if len(got) != len(values)-1 { // the value of subject "" is left out
								c.Fail(desc, "%d standings of %d values with a subject", len(got), len(values)-1)
							}
						})
					}
					c.Call("Rank(nil, …)", func() { _, _ = indicators.Rank(nil, cl, l, nil) })
				}
			}
		}},
	)
	for name, g := range groups {
		rows = append(rows, hardening.Row{Name: "indicators." + name, Run: func(c *hardening.Caller) {
			for i, p := range hostileParts(t) {
				c.Call(fmt.Sprintf("%s(part %d)", name, i), func() { _ = g(p) })
			}
		}})
	}
	hardening.Test(t, rows)
}
