package qingdan_test

// The contract: the exported names host code builds on.
// The assignments below fail to compile if a name disappears or its
// signature changes; TestContractCodes checks every enum's codes and
// Chinese labels as the packages document them, in both directions.

import (
	"errors"
	"fmt"
	"io"
	"iter"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/qingdan/qingdan/scoring/reason"
	"github.com/shopspring/decimal"

	"github.com/qingdan/qingdan/accountability"
	"github.com/qingdan/qingdan/assessment"
	"github.com/qingdan/qingdan/grading"
	"github.com/qingdan/qingdan/indicators"
	"github.com/qingdan/qingdan/journal"
	"github.com/qingdan/qingdan/locality/wuhu"
	"github.com/qingdan/qingdan/matters"
	"github.com/qingdan/qingdan/matters/workday"
	"github.com/qingdan/qingdan/scoring"
	"github.com/qingdan/qingdan/staff"
	"github.com/qingdan/qingdan/whatif"
)

var (
	// accountability
	_ func(string) (accountability.Category, error)                                        = accountability.ParseCategory
	_ func(accountability.Category) string                                                 = accountability.Category.String
	_ func(accountability.Category) string                                                 = accountability.Category.Label
	_                                                                                      = accountability.Unit{ID: "", Name: "", Kind: accountability.Subdistrict, Parent: "", SelfSet: false}
	_                                                                                      = accountability.Basis{Law: "", Article: "", Text: ""}
	_                                                                                      = accountability.Duty{Stage: accountability.Acceptance, Text: ""}
	_                                                                                      = accountability.Grant{From: "", Since: time.Time{}, Partial: false, Scope: ""}
	_                                                                                      = accountability.Power{Code: "", Name: "", Category: accountability.Licensing, Subject: "", Basis: []accountability.Basis{}, Duties: []accountability.Duty{}, Liabilities: []string{}, StatutoryDays: 0, PromisedDays: 0, Flow: "", Grant: &accountability.Grant{}}
	_                                                                                      = accountability.Boundary{With: "", Ours: "", Theirs: "", Basis: ""}
	_                                                                                      = accountability.Responsibility{Code: "", Duty: "", Category: "", Tasks: []string{}, Unit: "", Powers: []string{}, Boundaries: []accountability.Boundary{}, Extra: map[string]string{}}
	_                                                                                      = accountability.Step{ID: "", Name: "", Kind: accountability.Start, Stage: accountability.Decision, Post: "", Days: 0}
	_                                                                                      = accountability.Edge{From: "", To: "", Label: ""}
	_                                                                                      = accountability.Flow{ID: "", Name: "", Steps: []accountability.Step{}, Edges: []accountability.Edge{}}
	_ func(*accountability.Flow) ([]string, error)                                         = (*accountability.Flow).Order
	_ func(*accountability.Flow) ([]string, int, error)                                    = (*accountability.Flow).CriticalPath
	_ func(*accountability.Flow, ...accountability.Risk) string                            = (*accountability.Flow).DOT
	_ func(*accountability.Flow, ...accountability.Risk) string                            = (*accountability.Flow).Mermaid
	_ error                                                                                = &accountability.CycleError{Flow: "", Cycle: []string{}}
	_                                                                                      = accountability.Control{Text: "", Post: ""}
	_                                                                                      = accountability.Risk{ID: "", Flow: "", Step: "", Text: "", Likelihood: 0, Impact: 0, Level: accountability.Low, Controls: []accountability.Control{}, Owner: ""}
	_                                                                                      = accountability.Matrix{High: 0, Medium: 0}
	_ func(accountability.Matrix, int, int) (accountability.Level, error)                  = accountability.Matrix.Level
	_                                                                                      = accountability.Separation{Flow: "", Steps: [2]string{}, Reason: ""}
	_                                                                                      = accountability.Template{Name: "", Offices: []string{}, Centers: []string{}, MaxSelfSet: 0}
	_ func(accountability.Template, []accountability.Unit, string) accountability.Findings = accountability.Template.Check
	_                                                                                      = accountability.Register{Org: "", Version: "", Units: nil, Powers: nil, Responsibilities: nil, Flows: nil, Risks: nil, Separations: nil}
	_                                                                                      = accountability.Finding{Rule: "", Severity: accountability.Warning, Path: "", Message: ""}
	_ func(accountability.Findings) error                                                  = accountability.Findings.Err
	_                                                                                      = accountability.Rule{Name: "", Doc: "", Check: func(*accountability.Register, func(accountability.Finding)) {}}
	_ func() []accountability.Rule                                                         = accountability.Rules
	_ func(*accountability.Register, ...accountability.Rule) accountability.Findings       = (*accountability.Register).Validate
	_ func(old, new *accountability.Register) accountability.Changes                       = accountability.Diff
	_ func(string) error                                                                   = accountability.CheckCreditCode
	_ func(io.Reader) ([]accountability.Power, error)                                      = accountability.ReadPowersCSV
	_ func([][]string) ([]accountability.Power, error)                                     = accountability.ReadPowerRows
	_ func(io.Reader) (*accountability.Register, error)                                    = accountability.LoadRegister
	_ func(io.Reader) ([]accountability.Responsibility, error)                             = accountability.ReadResponsibilitiesCSV
	_ func([][]string) ([]accountability.Responsibility, error)                            = accountability.ReadResponsibilityRows
	_ func(io.Writer, []accountability.Responsibility) error                               = accountability.WriteResponsibilitiesCSV

	// matters
	_                                                            = matters.Item{Code: "", Name: "", List: matters.Duties, Unit: ""}
	_                                                            = matters.Exclusion{Name: "", Reason: ""}
	_                                                            = matters.Admission{Items: nil, Excluded: nil}
	_                                                            = matters.Approval{By: "", Ref: "", At: time.Time{}}
	_                                                            = matters.Request{Title: "", From: "", Item: "", Approval: &matters.Approval{}}
	_                                                            = matters.Decision{Admitted: false, Item: &matters.Item{}, Reason: ""}
	_ func(*matters.Admission, matters.Request) matters.Decision = (*matters.Admission).Admit
	_                                                            = matters.Route{Type: "", Lead: "", Support: nil, Respond: time.Duration(0), ResolveDays: 0}
	_                                                            = matters.Directory{Routes: nil}
	_ func(*matters.Directory, string) (matters.Route, error)    = (*matters.Directory).Route
	_                                                            = matters.Event{Matter: "", Seq: 0, At: time.Time{}, Kind: matters.Report, Actor: "", Type: "", Units: nil, Note: "", Satisfied: new(bool)}
	_                                                            = matters.Matter{ID: "", Type: "", Owner: "", State: matters.Reported, Lead: "", Support: nil, Coordinated: false, Suspended: false, Stage: 0, Events: nil}
	_ func(*matters.Matter, matters.Event) error                 = (*matters.Matter).Apply
	_ func([]matters.Event) (*matters.Matter, error)             = matters.Replay
	_                                                            = matters.Summary{Received: 0, Resolved: 0, ResolutionRate: decimal.Decimal{}, Surveyed: 0, Satisfied: 0, SatisfactionRate: decimal.Decimal{}}
	_ func([]*matters.Matter) matters.Summary                    = matters.Summarize

	// matters: the calendar comes first, as a context does
	_ func(*matters.Matter, *workday.Calendar, time.Time) (time.Duration, error)                 = (*matters.Matter).Elapsed
	_ func(*matters.Matter, *workday.Calendar, matters.Route) (matters.Deadlines, error)         = (*matters.Matter).Deadlines
	_ func(*matters.Matter, *workday.Calendar, time.Time, matters.Route) (matters.Status, error) = (*matters.Matter).Status

	// matters: the catalog of a jurisdiction's lists
	_                                                                = matters.Catalog{Register: nil, Directory: nil, Admission: nil, KeyTasks: nil, History: matters.History{}}
	_ func(*matters.Catalog) accountability.Findings                 = (*matters.Catalog).Validate
	_ func(*matters.Catalog, *matters.Matter) (matters.Route, error) = (*matters.Catalog).RouteOf
	_ func(io.Reader) (*matters.Catalog, error)                      = matters.LoadCatalog

	// matters: requests, approvals and supervision
	_                                                                                                  = matters.Supervision{Supervisor: "", EscalateDays: 0, FeedbackDays: 0, Reopens: 0, SuspendDays: 0}
	_                                                                                                  = matters.Pending{Seq: 0, Kind: matters.Suspend, Actor: "", Days: 0}
	_                                                                                                  = matters.Event{Override: "", Days: 0, Ref: 0, Supervisor: ""}
	_                                                                                                  = matters.Matter{Platform: "", Supervisor: "", Pending: matters.Pending{}}
	_ func(*matters.Catalog, *workday.Calendar, *matters.Matter, matters.Event) error                  = (*matters.Catalog).Apply
	_ func(*matters.Catalog, *workday.Calendar, time.Time, []*matters.Matter) ([]matters.Event, error) = (*matters.Catalog).Due
	_ func(*matters.Catalog, *matters.Matter, string, time.Time) (matters.Event, error)                = (*matters.Catalog).SendBack
	_ func(*matters.Catalog, *workday.Calendar, *matters.Matter, time.Time) (bool, error)              = (*matters.Catalog).FeedbackLate
	_ func(*matters.Matter, *workday.Calendar, time.Time, time.Time) (time.Duration, error)            = (*matters.Matter).Running
	_ func(*matters.Matter) int                                                                        = (*matters.Matter).ExtendedDays

	// matters/workday
	_                                                                      = workday.Config{Schedules: nil, Hours: nil, NoChina: false}
	_ func(workday.Config) (*workday.Calendar, error)                      = workday.New
	_ func() *workday.Calendar                                             = workday.China
	_ func(*workday.Calendar, time.Time) (bool, error)                     = (*workday.Calendar).IsWorkday
	_ func(*workday.Calendar, time.Time, time.Time) (time.Duration, error) = (*workday.Calendar).Between
	_ func(*workday.Calendar, time.Time, int) (time.Time, error)           = (*workday.Calendar).AddDays
	_ func(*workday.Calendar) time.Duration                                = (*workday.Calendar).Day

	// scoring
	_                                                                                        = scoring.Grade{Code: "", Label: "", Points: decimal.Decimal{}}
	_ scoring.Scale                                                                          = []scoring.Grade{}
	_ func(scoring.Scale, string) (scoring.Grade, bool)                                      = scoring.Scale.Grade
	_                                                                                        = scoring.Facts{Matter: "", Subject: "", Evaluator: "", Type: "", Stage: 0, Final: false, Response: 0, ResponseLimit: 0, Resolution: 0, ResolutionLimit: 0, Responded: false, Resolved: false, Returned: false, Quality: 0, Satisfied: nil, Attrs: nil}
	_ func(*workday.Calendar, *matters.Matter, string, matters.Route) (scoring.Facts, error) = scoring.FactsFor
	_                                                                                        = scoring.Result{Grade: "", Points: decimal.Decimal{}, Policy: "", Reasons: []reason.Reason{}}
	_ scoring.Evaluator                                                                      = scoring.EvaluatorFunc(nil)
	_ scoring.Evaluator                                                                      = (*scoring.Table)(nil)
	_ func(...scoring.Evaluator) scoring.Evaluator                                           = scoring.First
	_                                                                                        = scoring.Part{Name: "", Weight: decimal.Decimal{}, Evaluator: nil}
	_ func(string, scoring.Scale, []scoring.Part) (scoring.Evaluator, error)                 = scoring.Weighted
	_                                                                                        = scoring.Table{Version: "", Lang: reason.Chinese, Scale: nil, Rules: []scoring.TableRule{}}
	_                                                                                        = scoring.Evaluation{Matter: "", Subject: "", Evaluator: "", Stage: 0, At: time.Time{}, Result: scoring.Result{}, Facts: &scoring.Facts{}}
	_                                                                                        = reason.Reason{Rule: 0, Name: "", Lang: reason.English, Checks: []reason.Check{{Of: reason.Response, Op: reason.AtMost, Threshold: decimal.Decimal{}}}, Figures: []reason.Figure{{Of: reason.Quality, Done: false, Actual: 0, Limit: 0, Places: 0, Value: 0}}, Type: "", Text: ""}
	_ func(reason.Reason, reason.Lang) string                                                = reason.Reason.In
	_ func(...string) []reason.Reason                                                        = reason.Texts
	_ func(*scoring.BookOptions) *scoring.Book                                               = scoring.NewBook
	_                                                                                        = scoring.BookOptions{Scale: nil, Bands: false, AmendWithin: 0, Now: nil, Matter: nil}
	_                                                                                        = scoring.Facts{Urged: 0, Supervised: 0, Replied: false}
	_                                                                                        = scoring.TableRule{Urged: nil, Supervised: nil}
	_ func(*scoring.Book, scoring.Evaluation) error                                          = (*scoring.Book).Record
	_ func(*scoring.Book, *scoring.Book) error                                               = (*scoring.Book).Merge
	_ func(*scoring.Book, scoring.Period) []scoring.Score                                    = (*scoring.Book).Scores
	_                                                                                        = scoring.Score{Subject: "", Matters: 0, Evaluations: 0, Composite: decimal.Decimal{}, Grades: map[string]int{}, Rank: 0}
	_                                                                                        = scoring.Period{From: time.Time{}, To: time.Time{}}
	_ func(int) scoring.Period                                                               = scoring.Year
	_ func(int, time.Month) scoring.Period                                                   = scoring.Month
	_ func(time.Time) scoring.Period                                                         = scoring.Week
	_ func(time.Time) scoring.Period                                                         = scoring.Day

	// grading
	_ func(grading.Config) grading.Grader = grading.New
	_ grading.Grader                      = grading.Func(nil)
	_                                     = grading.Grade{Seq: 0, Facts: scoring.Facts{}, Evaluation: scoring.Evaluation{}, Amendment: nil}

	// assessment
	_ assessment.Weights                                                                                            = map[string]decimal.Decimal{}
	_ func(assessment.Weights, map[string]decimal.Decimal) (decimal.Decimal, error)                                 = assessment.Blend
	_                                                                                                               = assessment.Annual{Subject: "", Parts: nil, Weights: nil, Total: decimal.Decimal{}, Rank: 0}
	_ func([]scoring.Score, assessment.Weights, map[string]map[string]decimal.Decimal) ([]assessment.Annual, error) = assessment.Assess
	_ func(io.Reader) (*assessment.Sheet, error)                                                                    = assessment.LoadSheet
	_ func(*assessment.Sheet) error                                                                                 = (*assessment.Sheet).Validate
	_ func(*assessment.Sheet, assessment.Facts) (assessment.Result, error)                                          = (*assessment.Sheet).Apply
	_                                                                                                               = assessment.Facts{Unit: "", Base: nil, Counts: map[string]int{}, Rates: map[string]decimal.Decimal{}}

	// indicators
	_ func([]indicators.Part, func(indicators.Part) string, decimal.Decimal) []indicators.Rates                                    = indicators.Tally
	_ func(indicators.Rates, assessment.Weights) (decimal.Decimal, error)                                                          = indicators.Rates.Index
	_ func(map[string]decimal.Decimal, indicators.Classes, indicators.Lists, []indicators.Standing) ([]indicators.Standing, error) = indicators.Rank

	// whatif
	_ func(*scoring.Book, []scoring.Facts, scoring.Evaluator, scoring.Period) (whatif.Report, error)             = whatif.Regrade
	_ func(io.Reader, *journal.Options, whatif.Source, scoring.Evaluator, scoring.Period) (whatif.Report, error) = whatif.RegradeJournal
	_ func(*workday.Calendar, func(*matters.Matter) (matters.Route, error)) whatif.Source                        = whatif.FactsFor
	_ whatif.Source                                                                                              = whatif.Recorded
	_                                                                                                            = whatif.Report{Book: nil, Changes: []whatif.Change{{Matter: "", Subject: "", Evaluator: "", Stage: 0, Old: scoring.Result{}, New: scoring.Result{}}}, Subjects: []whatif.SubjectChange{{Subject: "", Old: scoring.Score{}, New: scoring.Score{}}}}
	_ func(*scoring.Book) iter.Seq[scoring.Evaluation]                                                           = (*scoring.Book).All

	// staff
	_                                                                                        = staff.PostCategory{Code: "", Name: "", Weights: nil}
	_                                                                                        = staff.Score{Person: "", Category: "", Scores: nil}
	_                                                                                        = staff.Appraisal{Categories: nil, Scale: nil}
	_ func(*staff.Appraisal, []staff.Score) ([]staff.Appraised, error)                       = (*staff.Appraisal).Appraise
	_                                                                                        = staff.Candidate{ID: "", Name: "", Post: "", Competition: decimal.Decimal{}, Years: nil}
	_ func([]staff.Candidate, assessment.Weights, map[string]int) ([]staff.Placement, error) = staff.Select

	// locality/wuhu: the scheme the examples are built on
	_ func() scoring.Scale      = wuhu.Scale
	_ func() *scoring.Table     = wuhu.Table
	_ func() assessment.Weights = wuhu.Weights

	// sentinels
	_ = []error{matters.ErrNoRoute, matters.ErrOffRoute, matters.ErrOrder, matters.ErrTransition, matters.ErrActor, matters.ErrNotDispatched, scoring.ErrDuplicate, assessment.ErrWeights, assessment.ErrSheet, assessment.ErrFacts, staff.ErrInvalid, workday.ErrOutOfRange}
)

// coded is an enum as the contract describes it: a code from String, a
// Chinese name from Label, and text marshalling.
type coded interface {
	fmt.Stringer
	Label() string
}

// contractEnum is an enum as TestContractCodes checks it: its values in
// order, the codes and (when not nil) the labels they have, and its parser.
type contractEnum struct {
	name   string
	values []coded
	codes  []string
	labels []string
	parse  func(string) (coded, error)
}

// enumOf describes the enum E by its name, its parser, its codes and its
// labels (space-separated; "" when the labels are not checked) and its
// values in order.
func enumOf[E coded](name string, parse func(string) (E, error), codes, labels string, values ...E) contractEnum {
	e := contractEnum{name: name, codes: strings.Fields(codes), parse: func(s string) (coded, error) { return parse(s) }}
	if labels != "" {
		e.labels = strings.Fields(labels)
	}
	for _, v := range values {
		e.values = append(e.values, v)
	}
	return e
}

func TestContractCodes(t *testing.T) {
	enums := []contractEnum{
		enumOf("accountability.Category", accountability.ParseCategory,
			"licensing penalty coercion levy payment inspection confirmation reward adjudication other",
			"行政许可 行政处罚 行政强制 行政征收 行政给付 行政检查 行政确认 行政奖励 行政裁决 其他行政权力",
			accountability.Licensing, accountability.Penalty, accountability.Coercion, accountability.Levy, accountability.Payment,
			accountability.Inspection, accountability.Confirmation, accountability.Reward, accountability.Adjudication, accountability.OtherPower),
		enumOf("accountability.Stage", accountability.ParseStage,
			"acceptance filing investigation review notice decision delivery enforcement supervision other", "",
			accountability.Acceptance, accountability.Filing, accountability.Investigation, accountability.Review, accountability.Notice,
			accountability.Decision, accountability.Delivery, accountability.Enforcement, accountability.Supervision, accountability.OtherStage),
		enumOf("accountability.UnitKind", accountability.ParseUnitKind, "subdistrict office center agency department", "",
			accountability.Subdistrict, accountability.Office, accountability.Center, accountability.Agency, accountability.Department),
		enumOf("accountability.StepKind", accountability.ParseStepKind, "start task gateway end", "",
			accountability.Start, accountability.Task, accountability.Gateway, accountability.End),
		enumOf("accountability.Level", accountability.ParseLevel, "low medium high", "三级 二级 一级",
			accountability.Low, accountability.Medium, accountability.High),
		enumOf("accountability.Severity", accountability.ParseSeverity, "warning error", "",
			accountability.Warning, accountability.Error),
		enumOf("matters.List", matters.ParseList, "duties services other", "权责清单 公共服务清单 其他工作事项清单",
			matters.Duties, matters.Services, matters.OtherWork),
		enumOf("matters.Kind", matters.ParseKind,
			"report whistle dispatch accept return suspend resume progress resolve reopen close feedback approve deny extend urge supervise reply", "",
			matters.Report, matters.Whistle, matters.Dispatch, matters.Accept, matters.Return, matters.Suspend,
			matters.Resume, matters.Progress, matters.Resolve, matters.Reopen, matters.Close, matters.Feedback,
			matters.Approve, matters.Deny, matters.Extend, matters.Urge, matters.Supervise, matters.Reply),
		enumOf("matters.State", matters.ParseState, "reported whistled dispatched accepted resolved closed", "",
			matters.Reported, matters.Whistled, matters.Dispatched, matters.Accepted, matters.Resolved, matters.Closed),
		enumOf("assessment.BaseKind", assessment.ParseBaseKind, "fixed composite index", "固定分 一事一评综合得分 三率指数",
			assessment.FixedBase, assessment.CompositeBase, assessment.IndexBase),
	}
	for _, e := range enums {
		t.Run(e.name, func(t *testing.T) {
			var codes, labels []string
			for i, v := range e.values {
				codes = append(codes, v.String())
				labels = append(labels, v.Label())
				if v.Label() == "" {
					t.Errorf("value %d (%s) has no Chinese label", i+1, v)
				}
				// Code and label both parse back to the value.
				for _, s := range []string{v.String(), v.Label()} {
					got, err := e.parse(s)
					if err != nil || got != v {
						t.Errorf("parse(%q) = %v, %v; want %v", s, got, err, v)
					}
				}
				// Text marshalling writes the code.
				if m, ok := v.(interface{ MarshalText() ([]byte, error) }); !ok {
					t.Errorf("%s does not marshal as text", v)
				} else if b, err := m.MarshalText(); err != nil || string(b) != v.String() {
					t.Errorf("MarshalText(%s) = %q, %v; want the code", v, b, err)
				}
			}
			if diff := cmp.Diff(e.codes, codes); diff != "" {
				t.Errorf("codes mismatch (-want +got):\n%s", diff)
			}
			if e.labels != nil {
				if diff := cmp.Diff(e.labels, labels); diff != "" {
					t.Errorf("labels mismatch (-want +got):\n%s", diff)
				}
			}
			// Anything else is refused with an error that names it.
			for _, bad := range []string{"", "unknown-code", "行政"} {
				if _, err := e.parse(bad); err == nil {
					t.Errorf("parse(%q) accepted", bad)
				} else if bad != "" && !strings.Contains(err.Error(), bad) {
					t.Errorf("parse(%q) error %q does not name the input", bad, err)
				}
			}
		})
	}
}

// TestContractSentinels checks that the contract's sentinel errors are
// distinct and that errors.Is finds them through the library's wrapping.
func TestContractSentinels(t *testing.T) {
	dir := &matters.Directory{}
	_, err := dir.Route("井盖缺失")
	if !errors.Is(err, matters.ErrNoRoute) || !strings.Contains(err.Error(), "井盖缺失") {
		t.Errorf("Route of an unknown type = %v; want ErrNoRoute naming the type", err)
	}
	_, err = workday.China().IsWorkday(time.Date(2000, 1, 3, 9, 0, 0, 0, workday.CST()))
	if !errors.Is(err, workday.ErrOutOfRange) {
		t.Errorf("IsWorkday(2000-01-03) = %v; want ErrOutOfRange", err)
	}
	m := &matters.Matter{}
	at := time.Date(2020, 6, 1, 9, 0, 0, 0, workday.CST())
	if err := m.Apply(matters.Event{Matter: "M", Seq: 2, At: at, Kind: matters.Report, Actor: "S", Type: "T"}); !errors.Is(err, matters.ErrOrder) {
		t.Errorf("Apply(seq 2 first) = %v; want ErrOrder", err)
	}
	if err := m.Apply(matters.Event{Matter: "M", Seq: 1, At: at, Kind: matters.Whistle, Actor: "S"}); !errors.Is(err, matters.ErrTransition) {
		t.Errorf("Apply(whistle first) = %v; want ErrTransition", err)
	}
	b := scoring.NewBook(nil)
	e := scoring.Evaluation{Matter: "M", Subject: "D", Evaluator: "S", At: at, Result: scoring.Result{Grade: "good", Points: decimal.New(85, 0), Reasons: reason.Texts("r")}}
	if err := b.Record(e); err != nil {
		t.Fatal(err)
	}
	if err := b.Record(e); !errors.Is(err, scoring.ErrDuplicate) {
		t.Errorf("second Record = %v; want ErrDuplicate", err)
	}
}
