package assessmenttest

import (
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/qingdan/qingdan/assessment"
	"github.com/qingdan/qingdan/internal/hardening"
	"github.com/qingdan/qingdan/internal/tablecase"
	"github.com/shopspring/decimal"
)

// testSheet is the sheet of package assessment's tests: items 被督办,
// 超时办结, 响应率, 市级表扬, 重大责任事故 and 响应率过低.
func testSheet(t testing.TB) *assessment.Sheet {
	t.Helper()
	b, err := os.ReadFile("../testdata/sheet.json")
	if err == nil {
		var s assessment.Sheet
		if err = json.Unmarshal(b, &s); err == nil {
			return &s
		}
	}
	t.Fatal(err)
	return nil
}

func d(s string) *decimal.Decimal { v := decimal.RequireFromString(s); return &v }

func TestRun(t *testing.T) {
	s := testSheet(t)
	cityBase := assessment.Facts{Unit: "城管局", Base: d("88.5"), Counts: map[string]int{"督办": 2}}
	for _, tt := range []struct {
		name  string
		cases []Case
		want  []string // each report begins so
	}{
		{"all pass", []Case{
			{Name: "86.5", Facts: cityBase, Want: assessment.Result{Points: *d("86.50"), Grade: "good"}},
			{Name: "whole", Facts: cityBase, Want: assessment.Result{Sheet: "测试考核细则/2026", Unit: "城管局", Base: *d("88.5"), Deduction: *d("-2"),
				Points: *d("86.5"), Grade: "good", Reasons: []assessment.Reason{{Item: 1, Name: "被督办", Fact: "督办", Count: 2, Each: d("-1"), Points: *d("-2")}}}},
			{Name: "refused", Facts: assessment.Facts{Unit: "x"}, Err: "no base"},
		}, nil},
		{"every failure", []Case{
			{Name: "points", Facts: cityBase, Want: assessment.Result{Points: *d("86"), Grade: "good"}},
			{Name: "no reasons wanted", Facts: cityBase, Want: assessment.Result{Points: *d("86.5"), Grade: "good", Reasons: []assessment.Reason{}}},
			{Facts: cityBase, Err: "no base"},
			{Name: "other error", Facts: assessment.Facts{Unit: "x"}, Err: "negative"},
			{Name: "refused", Facts: assessment.Facts{Unit: "x"}, Want: assessment.Result{Points: *d("1")}},
		}, []string{
			`case "points": result mismatch (-want +got):`,
			`case "no reasons wanted": result mismatch (-want +got):`,
			`case "#2": Apply = 86.5 points, want an error containing "no base"`,
			`case "other error": Apply error "assessment: bad facts: unit \"x\": no base`,
			`case "refused": Apply refused: assessment: bad facts: unit "x": no base`,
		}},
		{"no cases", nil, []string{"assessmenttest: Run: no cases "}},
		{"empty cases", []Case{}, []string{"assessmenttest: Run: no cases "}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var rec tablecase.Recorder
			Run(&rec, s, tt.cases)
			rec.Check(t, "Run", tt.want)
		})
	}
}

// TestReportPanicked: a panic in the call is caught and reported as one.
// No input panics Apply, so the report is driven directly, as Run drives
// it with what tablecase.Call caught.
func TestReportPanicked(t *testing.T) {
	var rec tablecase.Recorder
	tablecase.Report(&rec, `case "p"`, "", tablecase.Outcome{Call: "Apply", Panicked: "boom"})
	rec.Check(t, "Report", []string{`case "p": Apply panicked: boom`})
	_, p, err := tablecase.Call(func() (int, error) { panic("boom") })
	if p != "boom" || err != nil {
		t.Errorf("Call = %v, %v", p, err)
	}
}

func TestRunFile(t *testing.T) {
	s := testSheet(t)
	var rec tablecase.HelperRecorder
	RunFile(&rec, s, "testdata/cases.json")
	rec.Check(t, "RunFile", nil)
	// Every function between the test and t.Errorf marks itself, so that a
	// failure is reported at the test's line.
	wantCallers := []string{"assessmenttest.RunFile", "tablecase.Load", "assessmenttest.run"}
	for range 5 { // the report of each case
		wantCallers = append(wantCallers, "tablecase.Report")
	}
	if diff := cmp.Diff(wantCallers, rec.Callers); diff != "" {
		t.Errorf("callers of Helper mismatch (-want +got):\n%s", diff)
	}
	for _, tt := range []struct{ path, want string }{
		{"testdata/none.json", "assessmenttest: open testdata/none.json"},
		{"../testdata/sheet.json", "assessmenttest: ../testdata/sheet.json: reading cases: assessment: bad facts: json: an object where an array is wanted"},
	} {
		var rec tablecase.Recorder
		RunFile(&rec, s, tt.path)
		rec.Check(t, "RunFile("+tt.path+")", []string{tt.want})
	}
}

func TestRunNilSheetPanics(t *testing.T) {
	for name, f := range map[string]func(){
		"Run":             func() { Run(&tablecase.Recorder{}, nil, nil) },
		"Cover":           func() { Cover(nil, nil) },
		"RequireCoverage": func() { RequireCoverage(&tablecase.Recorder{}, nil, nil) },
	} {
		if r, want := hardening.PanicOf(f), "assessmenttest: "+name+": nil *assessment.Sheet"; r != want {
			t.Errorf("%s: recovered %v, want a panic %q naming it and the nil sheet", name, r, want)
		}
	}
}

// TestRunWritesPointsExactly: a result's points are written in their
// shortest exact form whatever decimal's package settings say (88.50 −
// 2 = 86.50, written 86.5). Not parallel: it changes globals.
func TestRunWritesPointsExactly(t *testing.T) {
	s := testSheet(t)
	cases := []Case{{Name: "late", Facts: assessment.Facts{Unit: "城管局", Base: d("88.50"), Counts: map[string]int{"督办": 2}}, Err: "no base"}}
	want := []string{`case "late": Apply = 86.5 points, want an error containing "no base"`}
	hardening.WhateverDecimals(t, func() string {
		var rec tablecase.Recorder
		Run(&rec, s, cases)
		rec.Check(t, "Run", want)
		return strings.Join(rec.Reports, "\n")
	})
}
