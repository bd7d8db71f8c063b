package indicators_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/qingdan/qingdan/indicators"
	"github.com/qingdan/qingdan/matters"
	"github.com/qingdan/qingdan/scoring"
	"github.com/shopspring/decimal"
)

// benchParts are the parts of n matters of 50 sub-districts and 200
// units; every fifth matter goes to three units. The parts are built
// directly, as a host holding its facts would, so that the benchmark
// measures Tally, not FactsFor.
func benchParts(n int) []indicators.Part {
	yes, no := true, false
	ps := make([]indicators.Part, 0, n*7/5)
	for i := range n {
		units := 1
		if i%5 == 0 {
			units = 3
		}
		m := &matters.Matter{ID: fmt.Sprint("m", i), Owner: fmt.Sprint("s", i%50), Type: fmt.Sprint("t", i%20)}
		dispatch := matters.Event{Kind: matters.Dispatch}
		for u := range units {
			dispatch.Units = append(dispatch.Units, fmt.Sprint("u", (i+u*7)%200))
		}
		m.Events = []matters.Event{{Kind: matters.Report, At: time.Date(2026, time.Month(1+i%12), 2, 9, 0, 0, 0, time.UTC)}, dispatch}
		answer := &yes
		if i%4 == 0 {
			answer = &no
		}
		for u, unit := range dispatch.Units {
			p := indicators.Part{Matter: m, Unit: unit, Lead: u == 0, Solved: answer,
				Facts:  scoring.Facts{Responded: i%7 != 0, Response: time.Duration(i%5) * time.Hour, ResponseLimit: 2 * time.Hour, Satisfied: answer},
				Street: &scoring.Result{Grade: "g", Points: decimal.NewFromInt(int64(40 + i%4*20))}}
			ps = append(ps, p)
		}
	}
	return ps
}

// BenchmarkTally groups the parts of 1,000,000 matters by each grouping.
func BenchmarkTally(b *testing.B) {
	ps := benchParts(1_000_000)
	min := decimal.NewFromInt(85)
	for _, g := range []struct {
		name  string
		group func(indicators.Part) string
	}{{"unit", indicators.ByUnit}, {"lead", indicators.ByLead}, {"sub-district", indicators.BySubDistrict}, {"month", indicators.ByMonth}} {
		b.Run(g.name+"/1e6-matters", func(b *testing.B) {
			b.ReportAllocs()
			b.ResetTimer()
			for range b.N {
				if rs := indicators.Tally(ps, g.group, min); len(rs) == 0 {
					b.Fatal("no groups")
				}
			}
		})
	}
}
