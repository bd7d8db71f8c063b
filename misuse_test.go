package qingdan_test

import (
	"regexp"
	"testing"
	"time"

	"github.com/qingdan/qingdan/accountability"
	"github.com/qingdan/qingdan/assessment"
	"github.com/qingdan/qingdan/assessment/assessmenttest"
	"github.com/qingdan/qingdan/grading"
	"github.com/qingdan/qingdan/indicators"
	"github.com/qingdan/qingdan/internal/hardening"
	"github.com/qingdan/qingdan/journal"
	"github.com/qingdan/qingdan/matters"
	"github.com/qingdan/qingdan/matters/workday"
	"github.com/qingdan/qingdan/scoring"
	"github.com/qingdan/qingdan/scoring/scoringtest"
	"github.com/qingdan/qingdan/staff"
	"github.com/qingdan/qingdan/whatif"
	"github.com/shopspring/decimal"
)

// misuseMessage is the one form of a misuse panic in every package: the
// package, then the method called on a nil receiver ("matters: Deadlines
// of a nil *Matter"), or the function or method (Type.Method where the
// package has two of that name) given a nil argument it requires
// ("matters: Catalog.Apply: nil *Matter").
var misuseMessage = regexp.MustCompile(`^[a-z]+: (?:[A-Z]\w* of a nil \*[A-Z]\w*|(?:[A-Z]\w*\.)?[A-Z]\w*: nil [\w.* ]+)$`)

// TestMisusePanics calls every method of the library's packages on a nil
// receiver, and every function and method with a nil argument it requires
// (a calendar, a matter, an evaluator, a function, a reader), and wants a
// panic in the one form that names the package, the method and what was
// nil — never a bare nil dereference, nor a message naming another method.
func TestMisusePanics(t *testing.T) {
	cal := workday.China()
	at := time.Date(2026, 3, 4, 10, 0, 0, 0, workday.CST())
	m := &matters.Matter{ID: "M-1"}
	c := &matters.Catalog{}
	route := func(*matters.Matter) (matters.Route, error) { return matters.Route{}, nil }
	var (
		nilCatalog *matters.Catalog
		nilMatter  *matters.Matter
		nilFlow    *accountability.Flow
		nilReg     *accountability.Register
		nilSheet   *assessment.Sheet
		nilTable   *scoring.Table
		nilAppr    *staff.Appraisal
	)
	tests := []struct {
		name string
		call func()
		want string
	}{
		// accountability
		{"Flow.Order", func() { _, _ = nilFlow.Order() }, "accountability: Order of a nil *Flow"},
		{"Register.Validate", func() { _ = nilReg.Validate() }, "accountability: Validate of a nil *Register"},
		{"Register.Run", func() { _ = nilReg.Run() }, "accountability: Run of a nil *Register"},

		// assessment, assessmenttest
		{"Sheet.Apply", func() { _, _ = nilSheet.Apply(assessment.Facts{}) }, "assessment: Apply of a nil *Sheet"},
		{"Sheet.Validate", func() { _ = nilSheet.Validate() }, "assessment: Validate of a nil *Sheet"},
		{"assessmenttest.Run", func() { assessmenttest.Run(t, nil, nil) }, "assessmenttest: Run: nil *assessment.Sheet"},
		{"assessmenttest.Cover", func() { assessmenttest.Cover(nil, nil) }, "assessmenttest: Cover: nil *assessment.Sheet"},
		{"assessmenttest.RequireCoverage", func() { assessmenttest.RequireCoverage(t, nil, nil) }, "assessmenttest: RequireCoverage: nil *assessment.Sheet"},

		// grading
		{"Grader.Grade calendar", func() {
			_, _ = grading.New(grading.Config{Catalog: c, Evaluator: scoring.First()}).Grade(nil, m, 0)
		}, "grading: Grade: nil *workday.Calendar"},
		{"Grader.Grade matter", func() {
			_, _ = grading.New(grading.Config{Catalog: c, Evaluator: scoring.First()}).Grade(cal, nil, 0)
		}, "grading: Grade: nil *matters.Matter"},

		// indicators
		{"Parts calendar", func() { _, _ = indicators.Parts(nil, nil, route, nil) }, "indicators: Parts: nil *workday.Calendar"},
		{"Parts route", func() { _, _ = indicators.Parts(cal, nil, nil, nil) }, "indicators: Parts: nil route function"},
		{"Tally", func() { _ = indicators.Tally(nil, nil, decimal.Zero) }, "indicators: Tally: nil group function"},

		// journal
		{"journal.Verify", func() { _, _ = journal.Verify(nil, nil) }, "journal: Verify: nil io.Reader"},
		{"journal.NewWriter", func() { _ = journal.NewWriter(nil, nil) }, "journal: NewWriter: nil io.Writer"},
		{"journal.OpenCheckpoint", func() { _, _ = journal.OpenCheckpoint(nil, nil) }, "journal: OpenCheckpoint: nil note.Verifier"},

		// matters
		{"Matter.Deadlines", func() { _, _ = nilMatter.Deadlines(cal, matters.Route{}) }, "matters: Deadlines of a nil *Matter"},
		{"Matter.Deadlines calendar", func() { _, _ = m.Deadlines(nil, matters.Route{}) }, "matters: Matter.Deadlines: nil *workday.Calendar"},
		{"Matter.Running calendar", func() { _, _ = m.Running(nil, at, at) }, "matters: Matter.Running: nil *workday.Calendar"},
		{"Catalog.Apply", func() { _ = nilCatalog.Apply(cal, m, matters.Event{}) }, "matters: Apply of a nil *Catalog"},
		{"Catalog.Apply matter", func() { _ = c.Apply(cal, nil, matters.Event{}) }, "matters: Catalog.Apply: nil *Matter"},
		{"Catalog.Apply calendar", func() { _ = c.Apply(nil, m, matters.Event{}) }, "matters: Catalog.Apply: nil *workday.Calendar"},
		{"Catalog.Due calendar", func() { _, _ = c.Due(nil, at, nil) }, "matters: Catalog.Due: nil *workday.Calendar"},
		{"Catalog.FeedbackLate matter", func() { _, _ = c.FeedbackLate(cal, nil, at) }, "matters: Catalog.FeedbackLate: nil *Matter"},
		{"Catalog.RouteOf matter", func() { _, _ = c.RouteOf(nil) }, "matters: Catalog.RouteOf: nil *Matter"},
		{"Catalog.SendBack matter", func() { _, _ = c.SendBack(nil, "", at) }, "matters: Catalog.SendBack: nil *Matter"},
		{"Directory.Dispatch matter", func() { _, _ = (&matters.Directory{}).Dispatch(nil, at) }, "matters: Directory.Dispatch: nil *Matter"},

		// scoring, scoringtest
		{"Table.Evaluate", func() { _, _ = nilTable.Evaluate(scoring.Facts{}) }, "scoring: Evaluate of a nil *Table"},
		{"Table.Compile", func() { _, _ = nilTable.Compile() }, "scoring: Compile of a nil *Table"},
		{"EvaluateInto", func() { _ = scoring.EvaluateInto(nil, &scoring.Result{}, scoring.Facts{}) }, "scoring: EvaluateInto: nil Evaluator"},
		{"EvaluateInto result", func() { _ = scoring.EvaluateInto(scoring.First(), nil, scoring.Facts{}) }, "scoring: EvaluateInto: nil *Result"},
		{"FactsFor calendar", func() { _, _ = scoring.FactsFor(nil, m, "", matters.Route{}) }, "scoring: FactsFor: nil *workday.Calendar"},
		{"scoringtest.Run", func() { scoringtest.Run(t, nil, nil) }, "scoringtest: Run: nil scoring.Evaluator"},
		{"scoringtest.TestEvaluator", func() { _ = scoringtest.TestEvaluator(nil, scoring.Scale{}) }, "scoringtest: TestEvaluator: nil scoring.Evaluator"},
		{"scoringtest.Cover", func() { _ = scoringtest.Cover(nil, nil) }, "scoringtest: Cover: nil *scoring.Table"},
		{"scoringtest.RequireCoverage", func() { scoringtest.RequireCoverage(t, nil, nil) }, "scoringtest: RequireCoverage: nil *scoring.Table"},

		// staff
		{"Appraisal.Appraise", func() { _, _ = nilAppr.Appraise(nil) }, "staff: Appraise of a nil *Appraisal"},

		// whatif
		{"Regrade", func() { _, _ = whatif.Regrade(nil, nil, scoring.First(), scoring.Year(2026)) }, "whatif: Regrade: nil *scoring.Book"},
		{"FactsFor calendar", func() { _ = whatif.FactsFor(nil, route) }, "whatif: FactsFor: nil *workday.Calendar"},
		{"FactsFor route", func() { _ = whatif.FactsFor(cal, nil) }, "whatif: FactsFor: nil route function"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := hardening.PanicOf(tt.call)
			if got != tt.want {
				t.Errorf("panic = %v, want %q", got, tt.want)
			}
			if !misuseMessage.MatchString(tt.want) {
				t.Errorf("message %q is not of the form %v", tt.want, misuseMessage)
			}
		})
	}
}
