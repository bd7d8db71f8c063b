package qingdan_test

import (
	"regexp"
	"testing"
	"time"

	"github.com/qingdan/qingdan/accountability"
	"github.com/qingdan/qingdan/accountability/accountabilitytest"
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
var misuseMessage = regexp.MustCompile(`^[a-z]+: (?:[A-Z]\w* of a nil \*?[A-Z]\w*|(?:[A-Z]\w*\.)?[A-Z]\w*: nil [\w.* ]+)$`)

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
		nilCal     *workday.Calendar
	)
	noGrades := func(*workday.Calendar, *matters.Matter, int) ([]grading.Grade, error) { return nil, nil }
	tests := []struct {
		name string
		call func()
		want string
	}{
		// accountability
		{"Flow.Order", func() { _, _ = nilFlow.Order() }, "accountability: Order of a nil *Flow"},
		{"Power.Limit", func() { _ = (*accountability.Power)(nil).Limit() }, "accountability: Limit of a nil *Power"},
		{"Power.MissingStages", func() { _ = (*accountability.Power)(nil).MissingStages() }, "accountability: MissingStages of a nil *Power"},
		{"DiffEntries", func() { _ = accountability.DiffEntries[int]("list", []int{1}, []int{2}, nil) }, "accountability: DiffEntries: nil keyOf function"},
		{"LoadRegister", func() { _, _ = accountability.LoadRegister(nil) }, "accountability: LoadRegister: nil io.Reader"},
		{"ReadPowersCSV", func() { _, _ = accountability.ReadPowersCSV(nil) }, "accountability: ReadPowersCSV: nil io.Reader"},
		{"PowerReader.ReadCSV", func() { _, _ = (&accountability.PowerReader{}).ReadCSV(nil) }, "accountability: PowerReader.ReadCSV: nil io.Reader"},
		{"ReadResponsibilitiesCSV", func() { _, _ = accountability.ReadResponsibilitiesCSV(nil) }, "accountability: ReadResponsibilitiesCSV: nil io.Reader"},
		{"WritePowersCSV", func() { _ = accountability.WritePowersCSV(nil, []accountability.Power{{}}) }, "accountability: WritePowersCSV: nil io.Writer"},
		{"WriteResponsibilitiesCSV", func() { _ = accountability.WriteResponsibilitiesCSV(nil, nil) }, "accountability: WriteResponsibilitiesCSV: nil io.Writer"},
		{"accountabilitytest.ReadCases", func() { _, _ = accountabilitytest.ReadCases(nil) }, "accountabilitytest: ReadCases: nil io.Reader"},
		{"Register.Validate", func() { _ = nilReg.Validate() }, "accountability: Validate of a nil *Register"},
		{"Register.Run", func() { _ = nilReg.Run() }, "accountability: Run of a nil *Register"},

		// assessment, assessmenttest
		{"Sheet.Apply", func() { _, _ = nilSheet.Apply(assessment.Facts{}) }, "assessment: Apply of a nil *Sheet"},
		{"Sheet.Validate", func() { _ = nilSheet.Validate() }, "assessment: Validate of a nil *Sheet"},
		{"LoadSheet", func() { _, _ = assessment.LoadSheet(nil) }, "assessment: LoadSheet: nil io.Reader"},
		{"assessmenttest.RunFile", func() { assessmenttest.RunFile(t, nil, "testdata/none.json") }, "assessmenttest: RunFile: nil *assessment.Sheet"},
		{"assessmenttest.ReadCases", func() { _, _ = assessmenttest.ReadCases(nil) }, "assessmenttest: ReadCases: nil io.Reader"},
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

		{"Func.Grade", func() { _, _ = grading.Func(nil).Grade(cal, m, 0) }, "grading: Grade of a nil Func"},
		{"Func.Grade calendar", func() { _, _ = grading.Func(noGrades).Grade(nil, m, 0) }, "grading: Func.Grade: nil *workday.Calendar"},
		{"Func.Grade matter", func() { _, _ = grading.Func(noGrades).Grade(cal, nil, 0) }, "grading: Func.Grade: nil *matters.Matter"},

		// indicators
		{"Parts calendar", func() { _, _ = indicators.Parts(nil, nil, route, nil) }, "indicators: Parts: nil *workday.Calendar"},
		{"Parts route", func() { _, _ = indicators.Parts(cal, nil, nil, nil) }, "indicators: Parts: nil route function"},
		{"Tally", func() { _ = indicators.Tally(nil, nil, decimal.Zero) }, "indicators: Tally: nil group function"},

		// journal
		{"journal.Verify", func() { _, _ = journal.Verify(nil, nil) }, "journal: Verify: nil io.Reader"},
		{"journal.NewWriter", func() { _ = journal.NewWriter(nil, nil) }, "journal: NewWriter: nil io.Writer"},
		{"File.Close", func() { _ = (*journal.File)(nil).Close() }, "journal: Close of a nil *File"},
		{"File.Last", func() { _, _ = (*journal.File)(nil).Last() }, "journal: Last of a nil *File"},
		{"Reader.Next", func() { _, _ = (*journal.Reader)(nil).Next() }, "journal: Next of a nil *Reader"},
		{"Reader.All", func() { _ = (*journal.Reader)(nil).All() }, "journal: All of a nil *Reader"},
		{"Rebuilt.Apply", func() { _ = (*journal.Rebuilt)(nil).Apply(nil) }, "journal: Apply of a nil *Rebuilt"},
		{"Rebuilt.Snapshot", func() { _, _ = (*journal.Rebuilt)(nil).Snapshot() }, "journal: Snapshot of a nil *Rebuilt"},
		{"Receipt.Verify", func() { _, _, _ = (*journal.Receipt)(nil).Verify(nil) }, "journal: Verify of a nil *Receipt"},
		{"Tree.Root", func() { _, _ = (*journal.Tree)(nil).Root(0) }, "journal: Root of a nil *Tree"},
		{"Tree.Receipt", func() { _, _ = (*journal.Tree)(nil).Receipt(journal.Entry{}, nil) }, "journal: Receipt of a nil *Tree"},
		{"Tree.Append", func() { _, _ = (*journal.Tree)(nil).Append(nil) }, "journal: Append of a nil *Tree"},
		{"Writer.AppendEvent", func() { _, _ = (*journal.Writer)(nil).AppendEvent(matters.Event{}) }, "journal: AppendEvent of a nil *Writer"},
		{"Writer.Head", func() { _ = (*journal.Writer)(nil).Head() }, "journal: Head of a nil *Writer"},
		{"journal.OpenCheckpoint", func() { _, _ = journal.OpenCheckpoint(nil, nil) }, "journal: OpenCheckpoint: nil note.Verifier"},

		// matters, workday
		{"Calendar.AddDays", func() { _, _ = nilCal.AddDays(at, 1) }, "workday: AddDays of a nil *Calendar"},
		{"Calendar.Between", func() { _, _ = nilCal.Between(at, at) }, "workday: Between of a nil *Calendar"},
		{"Calendar.IsWorkday", func() { _, _ = nilCal.IsWorkday(at) }, "workday: IsWorkday of a nil *Calendar"},
		{"Calendar.Day", func() { _ = nilCal.Day() }, "workday: Day of a nil *Calendar"},
		{"Calendar.Years", func() { _, _ = nilCal.Years() }, "workday: Years of a nil *Calendar"},
		{"Calendar.Hours", func() { _ = nilCal.Hours() }, "workday: Hours of a nil *Calendar"},
		{"Calendar.Schedules", func() { _ = nilCal.Schedules() }, "workday: Schedules of a nil *Calendar"},
		{"Event.Presses", func() { _ = (*matters.Event)(nil).Presses("") }, "matters: Presses of a nil *Event"},
		{"LoadCatalog", func() { _, _ = matters.LoadCatalog(nil) }, "matters: LoadCatalog: nil io.Reader"},
		{"LoadDirectory", func() { _, _ = matters.LoadDirectory(nil) }, "matters: LoadDirectory: nil io.Reader"},
		{"LoadAdmission", func() { _, _ = matters.LoadAdmission(nil) }, "matters: LoadAdmission: nil io.Reader"},
		{"LoadEvent", func() { _, _ = matters.LoadEvent(nil) }, "matters: LoadEvent: nil io.Reader"},
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
		{"LoadTable", func() { _, _ = scoring.LoadTable(nil) }, "scoring: LoadTable: nil io.Reader"},
		{"scoringtest.RunFile", func() { scoringtest.RunFile(t, nil, "testdata/none.json") }, "scoringtest: RunFile: nil scoring.Evaluator"},
		{"scoringtest.ReadCases", func() { _, _ = scoringtest.ReadCases(nil) }, "scoringtest: ReadCases: nil io.Reader"},
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
		{"FactsFor's Source", func() { _, _ = whatif.FactsFor(cal, route)(nil, scoring.Evaluation{Matter: "M-1"}) }, "whatif: FactsFor: nil *matters.Matter"},
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
