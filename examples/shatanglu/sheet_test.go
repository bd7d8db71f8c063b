package main

import (
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/qingdan/qingdan/assessment"
	"github.com/qingdan/qingdan/assessment/assessmenttest"
	"github.com/qingdan/qingdan/examples/internal/cli"
	"github.com/qingdan/qingdan/matters/workday"
	"github.com/shopspring/decimal"
)

// TestSheetCases runs the sheet's policy cases and wants every item of
// the sheet reached by one of them.
func TestSheetCases(t *testing.T) {
	s, err := loadSheet()
	if err != nil {
		t.Fatal(err)
	}
	cases, err := cli.ReadFile("testdata/sheet-cases.json", assessmenttest.ReadCases)
	if err != nil {
		t.Fatal(err)
	}
	assessmenttest.Run(t, s, cases)
	assessmenttest.RequireCoverage(t, s, cases)
}

// TestSheetFigures recounts the facts of 司法所 for June 2020 from the
// tasks and checks the figures the program prints for it, by hand:
// deductions 3 (超时办结 24 × 0.5 = 12, capped at 3) + 3 (退回 3 × 1) +
// 3 (不满意 3 × 1) + 2 (满意率 below 0.9) = 11, capped at 10; 79.00 − 10
// = 69.00; the 责任事故 of data/events.json vetoes the grade to 不合格.
func TestSheetFigures(t *testing.T) {
	var staff []member
	var events []event
	if err := cli.Decode(dataFS, "data/staff.json", &staff); err != nil {
		t.Fatal(err)
	}
	if err := cli.Decode(dataFS, "data/events.json", &events); err != nil {
		t.Fatal(err)
	}
	days, err := workdays(workday.China(), 2020, time.June)
	if err != nil {
		t.Fatal(err)
	}
	tasks := simulate(days, staff)
	eval := shatangluPolicy()
	facts, err := unitFacts(eval, tasks, staff, events, days[0])
	if err != nil {
		t.Fatal(err)
	}
	// The recount.
	sum, n, late, returned, asked, unhappy := decimal.Zero, 0, 0, 0, 0, 0
	for _, tk := range tasks {
		if tk.facts.Subject != "SF01" && tk.facts.Subject != "SF02" {
			continue
		}
		r, err := eval.Evaluate(tk.facts)
		if err != nil {
			t.Fatal(err)
		}
		sum, n = sum.Add(r.Points), n+1
		f := tk.facts
		if !f.Resolved || f.Resolution > f.ResolutionLimit {
			late++
		}
		if f.Returned {
			returned++
		}
		if f.Satisfied != nil {
			asked++
			if !*f.Satisfied {
				unhappy++
			}
		}
	}
	base := sum.DivRound(decimal.NewFromInt(int64(n)), 2)
	rate := decimal.NewFromInt(int64(asked-unhappy)).DivRound(decimal.NewFromInt(int64(asked)), 4)
	want := assessment.Facts{Unit: "STL-SFS", Base: &base,
		Counts: map[string]int{"超时办结": late, "退回": returned, "不满意": unhappy, "责任事故": 1},
		Rates:  map[string]decimal.Decimal{"满意率": rate}}
	if diff := cmp.Diff(want, facts["STL-SFS"]); diff != "" {
		t.Errorf("司法所's facts mismatch (-want +got):\n%s", diff)
	}
	if late != 24 || returned != 3 || unhappy != 3 || !base.Equal(decimal.RequireFromString("79")) || !rate.Equal(decimal.RequireFromString("0.8929")) {
		t.Errorf("司法所: late %d, returned %d, unhappy %d, base %s, 满意率 %s; the hand calculation assumed 24, 3, 3, 79, 0.8929",
			late, returned, unhappy, base, rate)
	}
	s, err := loadSheet()
	if err != nil {
		t.Fatal(err)
	}
	r, err := s.Apply(facts["STL-SFS"])
	if err != nil {
		t.Fatal(err)
	}
	if !r.Points.Equal(decimal.RequireFromString("69")) || !r.Deduction.Equal(decimal.NewFromInt(-10)) || !r.DeductionCapped || r.Grade != "fail" {
		t.Errorf("司法所 = %s points (deduction %s, capped %t), grade %s; want 69, -10, capped, fail", r.Points, r.Deduction, r.DeductionCapped, r.Grade)
	}
}

// TestCommendationsAreCityLevel: the sheet counts the fact 表扬 under
// 市级以上表扬 (city level or above), so every commendation of
// data/events.json must be by a body of the city, the province or the
// state (获市…, 获省…, 获国…), not of the district.
func TestCommendationsAreCityLevel(t *testing.T) {
	var events []event
	if err := cli.Decode(dataFS, "data/events.json", &events); err != nil {
		t.Fatal(err)
	}
	for _, ev := range events {
		if ev.Fact != "表扬" {
			continue
		}
		if !strings.Contains(ev.Note, "获市") && !strings.Contains(ev.Note, "获省") && !strings.Contains(ev.Note, "获国") {
			t.Errorf("event %s %s: %q is no commendation at city level or above, yet the sheet counts it as 市级以上表扬", ev.Month, ev.Unit, ev.Note)
		}
	}
}
