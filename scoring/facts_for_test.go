package scoring_test

import (
	"errors"
	"math"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/qingdan/qingdan/internal/hardening"
	"github.com/qingdan/qingdan/locality/wuhu"
	"github.com/qingdan/qingdan/matters"
	"github.com/qingdan/qingdan/matters/workday"
	"github.com/qingdan/qingdan/scoring"
	"github.com/qingdan/qingdan/scoring/reason"
)

// history is a matter of 2020 (1 June is a Monday): dispatched to D1 (lead)
// and D2, accepted by D1 after 2 hours, returned by D2 after 3 (approved),
// suspended for a day (asked and approved by the owner), urged, graded in
// a stage, replied to, resolved, and asked at the return visit, the answer
// corrected openly.
func history(year int) []matters.Event {
	at := func(day, hour int) time.Time { return time.Date(year, 6, day, hour, 0, 0, 0, workday.CST()) }
	no, yes := false, true
	evs := []matters.Event{
		{Kind: matters.Report, Actor: "S1", Type: "占道经营", At: at(1, 9)},
		{Kind: matters.Whistle, Actor: "S1", At: at(1, 9)},
		{Kind: matters.Dispatch, Actor: "S1", Units: []string{"D1", "D2"}, At: at(1, 10)},
		{Kind: matters.Accept, Actor: "D1", At: at(1, 12)},
		{Kind: matters.Return, Actor: "D2", At: at(1, 13)},
		{Kind: matters.Approve, Actor: "S1", Ref: 5, Note: "同意", At: at(1, 13)},
		{Kind: matters.Suspend, Actor: "S1", At: at(2, 10)},
		{Kind: matters.Approve, Actor: "S1", Ref: 7, Note: "待业主大会表决", At: at(2, 10)},
		{Kind: matters.Resume, Actor: "S1", At: at(3, 10)},
		{Kind: matters.Urge, Actor: "S1", At: at(3, 11)},
		{Kind: matters.Progress, Actor: "D1", At: at(4, 10)},
		{Kind: matters.Reply, Actor: "D1", Note: "已告知处置进展", At: at(4, 11)},
		{Kind: matters.Resolve, Actor: "D1", At: at(5, 10)},
		{Kind: matters.Feedback, Actor: "S1", Satisfied: &no, At: at(6, 10)},
		{Kind: matters.Feedback, Actor: "S1", Satisfied: &yes, Ref: 14, Note: "市民来电更正", At: at(6, 11)},
	}
	for i := range evs {
		evs[i].Matter, evs[i].Seq = "2020-0001", i+1
	}
	return evs
}

func TestFactsFor(t *testing.T) {
	m, err := matters.Replay(history(2020))
	if err != nil {
		t.Fatal(err)
	}
	cal := workday.China()
	yes := true
	route := matters.Route{Type: "占道经营", Lead: "D1", Support: []string{"D2"}, Respond: 4 * time.Hour, ResolveDays: 3}
	base := scoring.Facts{Matter: "2020-0001", Evaluator: "S1", Type: "占道经营", Stage: 1, Final: true,
		ResponseLimit: 4 * time.Hour, ResolutionLimit: 3 * cal.Day(), Resolved: true, Satisfied: &yes,
		Resolution: 72 * time.Hour} // 4 working days less the day suspended
	lead, support := base, base
	lead.Subject, lead.Responded, lead.Response, lead.Urged, lead.Replied = "D1", true, 2*time.Hour, 1, true
	support.Subject, support.Returned, support.Response = "D2", true, 3*time.Hour // so far, to its return; off the matter when urged
	for _, want := range []scoring.Facts{lead, support} {
		got, err := scoring.FactsFor(cal, m, want.Subject, route)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("FactsFor(%s) mismatch (-want +got):\n%s", want.Subject, diff)
		}
	}

	// Before the Resolve: not resolved, the time so far.
	early, err := matters.Replay(history(2020)[:11])
	if err != nil {
		t.Fatal(err)
	}
	got, err := scoring.FactsFor(cal, early, "D1", route)
	if err != nil {
		t.Fatal(err)
	}
	if got.Resolved || got.Final || got.Resolution != 48*time.Hour || got.Stage != 1 || got.Satisfied != nil {
		t.Errorf("FactsFor before the Resolve = %+v, want unresolved, 48h so far, stage 1", got)
	}

	errs := []struct {
		name string
		unit string
		r    matters.Route
		want []error
	}{
		{"no unit", "", route, []error{scoring.ErrInvalid}},
		{"not dispatched", "D3", route, []error{matters.ErrNotDispatched}},
		{"other route", "D1", matters.Route{Type: "油烟扰民"}, []error{scoring.ErrInvalid, matters.ErrNoRoute}},
		{"negative limit", "D1", matters.Route{Respond: -1}, []error{scoring.ErrInvalid}},
		{"overflowing limit", "D1", matters.Route{ResolveDays: min(math.MaxInt, 1<<40)}, []error{scoring.ErrInvalid}},
	}
	for _, tt := range errs {
		t.Run(tt.name, func(t *testing.T) {
			_, err := scoring.FactsFor(cal, m, tt.unit, tt.r)
			for _, want := range tt.want {
				if !errors.Is(err, want) {
					t.Errorf("FactsFor: %v, want %v", err, want)
				}
			}
		})
	}
	old, err := matters.Replay(history(1990))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := scoring.FactsFor(cal, old, "D1", matters.Route{}); !errors.Is(err, workday.ErrOutOfRange) {
		t.Errorf("FactsFor in 1990: %v, want workday.ErrOutOfRange", err)
	}
}

// TestFactsForMisuse checks that a nil matter or calendar, a programmer's
// error, panics with a message that names it.
func TestFactsForMisuse(t *testing.T) {
	m, err := matters.Replay(history(2020))
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name string
		cal  *workday.Calendar
		m    *matters.Matter
		want string
	}{
		{"nil calendar", nil, m, "scoring: FactsFor: nil *workday.Calendar"},
		{"nil matter", workday.China(), nil, "scoring: FactsFor: nil *matters.Matter"},
	} {
		if got := hardening.PanicOf(func() { _, _ = scoring.FactsFor(tt.cal, tt.m, "D1", matters.Route{}) }); got != tt.want {
			t.Errorf("%s: panic %v, want %q", tt.name, got, tt.want)
		}
	}
}

// TestStagedMatterRecordsOnce grades a long matter at each of its stages
// and at the end, keyed by Facts.Evaluation: no evaluation collides, and
// the matter counts once, as the mean of its stages.
func TestStagedMatterRecordsOnce(t *testing.T) {
	at := time.Date(2020, 6, 1, 9, 0, 0, 0, workday.CST())
	points := map[string]scoring.Result{}
	for _, g := range wuhu.Scale() {
		points[g.Code] = scoring.Result{Grade: g.Code, Points: g.Points, Policy: "p/1", Reasons: reason.Texts("r")}
	}
	base := scoring.Facts{Matter: "M1", Subject: "城管局", Evaluator: "赭山街道"}
	var got []scoring.Evaluation
	book := scoring.NewBook(nil)
	for i, step := range []struct {
		stage int
		final bool
		grade string
	}{{1, false, "excellent"}, {2, false, "good"}, {2, true, "fair"}} {
		f := base
		f.Stage, f.Final = step.stage, step.final
		e := f.Evaluation(at.Add(time.Duration(i)*time.Hour), points[step.grade])
		if err := book.Record(e); err != nil {
			t.Fatalf("Record(stage %d, final %v): %v", step.stage, step.final, err)
		}
		got = append(got, e)
	}
	stages := []int{got[0].Stage, got[1].Stage, got[2].Stage}
	if diff := cmp.Diff([]int{1, 2, 3}, stages); diff != "" {
		t.Errorf("stages mismatch (-want +got):\n%s", diff)
	}
	s := book.Scores(scoring.Year(2020))
	if len(s) != 1 || s[0].Matters != 1 || s[0].Evaluations != 3 || s[0].Composite.String() != "85" {
		t.Errorf("Scores = %+v, want one matter of 3 evaluations with composite (100+85+70)/3 = 85", s)
	}
}

// The abuses of the supervision issue that grading answers: a graded unit
// that tries to stop its own clock is graded as if it had not, and a
// matter that needed supervision is not excellent.

// june returns an instant of June 2020 (1 June is a Monday) in CST.
func june(day, hour, minute int) time.Time {
	return time.Date(2020, 6, day, hour, minute, 0, 0, workday.CST())
}

// gradeLead replays events (numbered here), reads the lead's facts on the
// route and grades them with Wuhu's table, quality 5.
func gradeLead(t *testing.T, r matters.Route, events ...matters.Event) (scoring.Facts, scoring.Result) {
	t.Helper()
	m := replay(t, "M-abuse", events...)
	f, err := scoring.FactsFor(workday.China(), m, m.Lead, r)
	if err != nil {
		t.Fatal(err)
	}
	f.Quality = 5
	res, err := wuhu.Table().Evaluate(f)
	if err != nil {
		t.Fatal(err)
	}
	return f, res
}

func dispatched(at time.Time) []matters.Event {
	return []matters.Event{
		{At: at.Add(-2 * time.Minute), Kind: matters.Report, Actor: "S1", Type: "违法建设"},
		{At: at.Add(-time.Minute), Kind: matters.Whistle, Actor: "S1"},
		{At: at, Kind: matters.Dispatch, Actor: "S1", Units: []string{"D1"}},
	}
}

var abuseRoute = matters.Route{Type: "违法建设", Lead: "D1", Respond: 24 * time.Hour, ResolveDays: 20}

// TestSelfSuspensionCounts: a department that suspends its own matter for
// 19 working days on its own word is late, and not excellent; the same
// suspension approved by the owner is excluded, and the matter on time.
func TestSelfSuspensionCounts(t *testing.T) {
	cal := workday.China()
	resume, err := cal.AddDays(june(2, 10, 0), 19)
	if err != nil {
		t.Fatal(err)
	}
	base := append(dispatched(june(1, 9, 0)),
		matters.Event{At: june(1, 10, 0), Kind: matters.Accept, Actor: "D1"},
		matters.Event{At: june(2, 10, 0), Kind: matters.Suspend, Actor: "D1", Note: "待当事人配合"})
	done := matters.Event{At: resume.Add(2 * 24 * time.Hour), Kind: matters.Resolve, Actor: "D1"}

	f, res := gradeLead(t, abuseRoute, append(slices.Clone(base), done)...)
	if f.Resolution <= f.ResolutionLimit || res.Grade == "excellent" {
		t.Errorf("unapproved: resolution %v of %v graded %s, want late and not excellent", f.Resolution, f.ResolutionLimit, res.Grade)
	}
	approved := append(slices.Clone(base),
		matters.Event{At: june(2, 10, 30), Kind: matters.Approve, Actor: "S1", Ref: 5, Note: "待当事人配合属实"},
		matters.Event{At: resume, Kind: matters.Resume, Actor: "D1"}, done)
	f, res = gradeLead(t, abuseRoute, approved...)
	if f.Resolution > f.ResolutionLimit || res.Grade != "excellent" {
		t.Errorf("approved: resolution %v of %v graded %s, want on time and excellent", f.Resolution, f.ResolutionLimit, res.Grade)
	}
}

// TestSuspendRightAfterDispatch: a lead that suspends right after the
// dispatch and resumes 9 days later, unapproved, has waited 215 hours,
// not 2 minutes, and is graded poor, as without the suspension.
func TestSuspendRightAfterDispatch(t *testing.T) {
	r := matters.Route{Type: "违法建设", Lead: "D1", Respond: 4 * time.Hour, ResolveDays: 20}
	events := append(dispatched(june(1, 9, 0)),
		matters.Event{At: june(1, 9, 1), Kind: matters.Suspend, Actor: "D1", Note: "人员不足"},
		matters.Event{At: june(12, 8, 0), Kind: matters.Accept, Actor: "D1"})
	f, res := gradeLead(t, r, events...)
	without := append(dispatched(june(1, 9, 0)), matters.Event{At: june(12, 8, 0), Kind: matters.Accept, Actor: "D1"})
	g, plain := gradeLead(t, r, without...)
	if f.Response != g.Response || f.Response < 200*time.Hour || res.Grade != "poor" || plain.Grade != "poor" {
		t.Errorf("with the unapproved suspension: response %v, %s; without: %v, %s; want the same long wait, poor", f.Response, res.Grade, g.Response, plain.Grade)
	}
}

// TestDeniedRequests: a denied extension leaves the limit; a granted one
// moves it; a return asked and denied still counts as a return.
func TestDeniedRequests(t *testing.T) {
	r := matters.Route{Type: "违法建设", Lead: "D1", Respond: 4 * time.Hour, ResolveDays: 3}
	base := append(dispatched(june(1, 9, 0)),
		matters.Event{At: june(1, 10, 0), Kind: matters.Accept, Actor: "D1"},
		matters.Event{At: june(2, 10, 0), Kind: matters.Extend, Actor: "D1", Days: 2, Note: "需协调供电部门"})
	done := matters.Event{At: june(5, 10, 0), Kind: matters.Resolve, Actor: "D1"} // 4 days and 1 hour
	denied := append(slices.Clone(base), matters.Event{At: june(2, 11, 0), Kind: matters.Deny, Actor: "S1", Ref: 5, Note: "时限内可以完成"}, done)
	f, res := gradeLead(t, r, denied...)
	if f.ResolutionLimit != 72*time.Hour || res.Grade != "fair" {
		t.Errorf("denied: limit %v, %s; want 72h and late (fair)", f.ResolutionLimit, res.Grade)
	}
	granted := append(slices.Clone(base), matters.Event{At: june(2, 11, 0), Kind: matters.Approve, Actor: "S1", Ref: 5, Note: "确需协调"}, done)
	f, res = gradeLead(t, r, granted...)
	if f.ResolutionLimit != 120*time.Hour || res.Grade != "excellent" {
		t.Errorf("granted: limit %v, %s; want 120h and excellent", f.ResolutionLimit, res.Grade)
	}
	waiting := append(slices.Clone(base), done)
	if f, _ = gradeLead(t, r, waiting...); f.ResolutionLimit != 72*time.Hour {
		t.Errorf("waiting: limit %v, want 72h", f.ResolutionLimit)
	}
	returned := append(dispatched(june(1, 9, 0)),
		matters.Event{At: june(1, 9, 30), Kind: matters.Return, Actor: "D1", Note: "不属本单位"},
		matters.Event{At: june(1, 10, 0), Kind: matters.Deny, Actor: "S1", Ref: 4, Note: "清单明确由该单位牵头"},
		matters.Event{At: june(1, 11, 0), Kind: matters.Accept, Actor: "D1"},
		matters.Event{At: june(2, 11, 0), Kind: matters.Resolve, Actor: "D1"})
	if f, res = gradeLead(t, r, returned...); !f.Returned || res.Grade != "good" {
		t.Errorf("a denied return: returned %v, %s; want returned and good", f.Returned, res.Grade)
	}
}

// TestSupervisedIsNotExcellent: a matter on time but urged stays
// excellent; one that needed supervision (督办) is not.
func TestSupervisedIsNotExcellent(t *testing.T) {
	r := matters.Route{Type: "违法建设", Lead: "D1", Respond: 4 * time.Hour, ResolveDays: 3}
	base := append(dispatched(june(1, 9, 0)), matters.Event{At: june(1, 10, 0), Kind: matters.Accept, Actor: "D1"},
		matters.Event{At: june(2, 10, 0), Kind: matters.Urge, Actor: "S1", Note: "催办"})
	done := matters.Event{At: june(3, 10, 0), Kind: matters.Resolve, Actor: "D1"}
	f, res := gradeLead(t, r, append(slices.Clone(base), done)...)
	if f.Urged != 1 || res.Grade != "excellent" {
		t.Errorf("urged: %d, %s; want 1, excellent", f.Urged, res.Grade)
	}
	f, res = gradeLead(t, r, append(slices.Clone(base), matters.Event{At: june(2, 11, 0), Kind: matters.Supervise, Actor: "区委督查室", Note: "督办"}, done)...)
	if f.Supervised != 1 || res.Grade != "good" {
		t.Errorf("supervised: %d, %s; want 1, good", f.Supervised, res.Grade)
	}
}

// TestOwnerOfAPlatformMatterIsGraded: a sub-district that owns a matter
// the 12345 hotline reported is a graded subject, the hotline its
// evaluator, its clocks from the hotline's report.
func TestOwnerOfAPlatformMatterIsGraded(t *testing.T) {
	yes := true
	events := []matters.Event{
		{At: june(1, 9, 0), Kind: matters.Report, Actor: "12345", Type: "违法建设", Units: []string{"S1"}},
		{At: june(1, 11, 0), Kind: matters.Whistle, Actor: "S1"},
		{At: june(1, 11, 5), Kind: matters.Dispatch, Actor: "S1", Units: []string{"D1"}},
		{At: june(1, 12, 0), Kind: matters.Accept, Actor: "D1"},
		{At: june(1, 13, 0), Kind: matters.Urge, Actor: "12345", Note: "热线催办"},
		{At: june(2, 12, 0), Kind: matters.Resolve, Actor: "D1"},
		{At: june(2, 13, 0), Kind: matters.Reply, Actor: "S1", Note: "已答复市民"},
		{At: june(3, 9, 0), Kind: matters.Feedback, Actor: "12345", Satisfied: &yes},
		{At: june(3, 10, 0), Kind: matters.Close, Actor: "S1"},
	}
	m := replay(t, "12345-1", events...)
	cal := workday.China()
	r := matters.Route{Type: "违法建设", Lead: "D1", Respond: 4 * time.Hour, ResolveDays: 3}
	got, err := scoring.FactsFor(cal, m, "S1", r)
	if err != nil {
		t.Fatal(err)
	}
	want := scoring.Facts{Matter: "12345-1", Subject: "S1", Evaluator: "12345", Type: "违法建设", Final: true,
		Response: 2 * time.Hour, ResponseLimit: 4 * time.Hour, Resolution: 27 * time.Hour, ResolutionLimit: 72 * time.Hour,
		Responded: true, Resolved: true, Urged: 1, Replied: true, Satisfied: &yes}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("owner's facts mismatch (-want +got):\n%s", diff)
	}
	lead, err := scoring.FactsFor(cal, m, "D1", r)
	if err != nil || lead.Evaluator != "S1" || lead.Urged != 1 {
		t.Errorf("the lead's facts: evaluator %s, urged %d, %v; want the owner's grading, urged while on the matter", lead.Evaluator, lead.Urged, err)
	}
}

// TestFactsForWithoutEvents gives FactsFor matters without a history, as
// a host that builds a Matter by hand may: input, which never panics, but
// an error naming the matter. The owner of a platform's matter is graded
// from the matter's first event, its Report, which such a matter lacks.
func TestFactsForWithoutEvents(t *testing.T) {
	for _, tt := range []struct {
		name string
		m    *matters.Matter
		unit string
		want error
	}{
		{"no events", &matters.Matter{ID: "M1", Owner: "S1"}, "D1", matters.ErrNotDispatched},
		{"owner of a platform's matter", &matters.Matter{ID: "M1", Owner: "S1", Platform: "12345"}, "S1", scoring.ErrInvalid},
	} {
		t.Run(tt.name, func(t *testing.T) {
			defer func() {
				if p := recover(); p != nil {
					t.Fatalf("FactsFor panics: %v", p)
				}
			}()
			_, err := scoring.FactsFor(workday.China(), tt.m, tt.unit, matters.Route{})
			if !errors.Is(err, tt.want) || !strings.Contains(err.Error(), `"M1"`) {
				t.Errorf("FactsFor = %v, want an error wrapping %v that names the matter", err, tt.want)
			}
		})
	}
}

// TestOwnerCannotStopItsOwnClock: the owner of a platform's matter,
// graded by the platform, approves its lead's requests; a suspension or an
// extension it approved stops or moves the lead's clock, never its own.
// Only the platform's approvals stop or move the owner's.
func TestOwnerCannotStopItsOwnClock(t *testing.T) {
	cal := workday.China()
	r := matters.Route{Type: "违法建设", Lead: "D1", Respond: 4 * time.Hour, ResolveDays: 3}
	start := []matters.Event{
		{At: june(1, 9, 0), Kind: matters.Report, Actor: "12345", Type: "违法建设", Units: []string{"S1"}},
		{At: june(1, 10, 0), Kind: matters.Whistle, Actor: "S1"},
		{At: june(1, 10, 0), Kind: matters.Dispatch, Actor: "S1", Units: []string{"D1"}},
		{At: june(1, 11, 0), Kind: matters.Accept, Actor: "D1"},
	}
	// A suspension asked at seq 5 on 2 June, approved at seq 6 by approver,
	// resumed on 4 June at 09:00 (2 working days, 48 hours of working
	// time, later), and an extension of 30 days asked at seq 8, approved
	// by approver.
	history := func(approver string) []matters.Event {
		return append(slices.Clone(start),
			matters.Event{At: june(2, 9, 0), Kind: matters.Suspend, Actor: "D1", Note: "待当事人配合"},
			matters.Event{At: june(2, 9, 0), Kind: matters.Approve, Actor: approver, Ref: 5, Note: "属实"},
			matters.Event{At: june(4, 9, 0), Kind: matters.Resume, Actor: "D1"},
			matters.Event{At: june(4, 10, 0), Kind: matters.Extend, Actor: "D1", Days: 30, Note: "工程量大"},
			matters.Event{At: june(4, 10, 0), Kind: matters.Approve, Actor: approver, Ref: 8, Note: "同意"},
			matters.Event{At: june(5, 9, 0), Kind: matters.Resolve, Actor: "D1"},
		)
	}
	type clock struct {
		Resolution, Limit time.Duration
	}
	for _, tt := range []struct {
		approver    string
		owner, lead clock
	}{
		// 1 June 09:00 to 5 June 09:00 (Monday to Friday) is 96 hours of
		// working time; the lead's clock runs from the dispatch at 10:00
		// and stops for the suspension either way: 95 - 48. The owner's
		// clock stops, and its limit of 3 days moves by 30, only when the
		// platform approved.
		{"S1", clock{96 * time.Hour, 3 * 24 * time.Hour}, clock{47 * time.Hour, 33 * 24 * time.Hour}},
		{"12345", clock{48 * time.Hour, 33 * 24 * time.Hour}, clock{47 * time.Hour, 33 * 24 * time.Hour}},
	} {
		m := replay(t, "12345-2", history(tt.approver)...)
		owner, err := scoring.FactsFor(cal, m, "S1", r)
		if err != nil {
			t.Fatal(err)
		}
		lead, err := scoring.FactsFor(cal, m, "D1", r)
		if err != nil {
			t.Fatal(err)
		}
		got := []clock{{owner.Resolution, owner.ResolutionLimit}, {lead.Resolution, lead.ResolutionLimit}}
		if diff := cmp.Diff([]clock{tt.owner, tt.lead}, got); diff != "" {
			t.Errorf("approved by %s: the owner's and the lead's clocks mismatch (-want +got):\n%s", tt.approver, diff)
		}
	}
}

// TestDeniedReturnStopsNoClock: a unit that asks to return a matter
// (退单) instead of accepting it is answered by the decision. Approved,
// the Return was its answer to the whistle and its response clock stops
// there; denied, or still waiting, the request stops nothing, and the
// clock runs on to its Accept or, without one, to the matter's last event
// — a request the unit was refused no longer stops its own clock.
func TestDeniedReturnStopsNoClock(t *testing.T) {
	cal := workday.China()
	r := matters.Route{Type: "违法建设", Lead: "D1", Respond: 4 * time.Hour, ResolveDays: 3}
	asked := append(dispatched(june(1, 9, 0)), matters.Event{At: june(1, 9, 30), Kind: matters.Return, Actor: "D1", Note: "不属本单位"})
	stage := matters.Event{At: june(8, 9, 0), Kind: matters.Progress, Actor: "S1", Note: "第一阶段评价"}
	for _, tc := range []struct {
		name   string
		events []matters.Event
		want   time.Duration
	}{
		{"denied, never accepted: to the owner's stage five working days on", append(slices.Clone(asked),
			matters.Event{At: june(1, 10, 0), Kind: matters.Deny, Actor: "S1", Ref: 4, Note: "清单明确由该单位牵头"}, stage), 120 * time.Hour},
		{"waiting, never accepted: to the owner's stage", append(slices.Clone(asked), stage), 120 * time.Hour},
		{"approved: to the Return", append(slices.Clone(asked),
			matters.Event{At: june(1, 10, 0), Kind: matters.Approve, Actor: "S1", Ref: 4, Note: "同意"}), 30 * time.Minute},
		{"approved, then dispatched to it again: the new dispatch's clock, to the owner's stage", append(slices.Clone(asked),
			matters.Event{At: june(1, 10, 0), Kind: matters.Approve, Actor: "S1", Ref: 4, Note: "同意"},
			matters.Event{At: june(1, 11, 0), Kind: matters.Dispatch, Actor: "S1", Units: []string{"D1"}, Note: "复核后仍由该单位牵头"}, stage), 118 * time.Hour},
	} {
		t.Run(tc.name, func(t *testing.T) {
			for i := range tc.events {
				tc.events[i].Matter, tc.events[i].Seq = "2020-0009", i+1
			}
			m, err := matters.Replay(tc.events)
			if err != nil {
				t.Fatal(err)
			}
			f, err := scoring.FactsFor(cal, m, "D1", r)
			if err != nil {
				t.Fatal(err)
			}
			if f.Response != tc.want || f.Responded || !f.Returned {
				t.Errorf("response %v, responded %v, returned %v; want %v, not responded, returned", f.Response, f.Responded, f.Returned, tc.want)
			}
		})
	}
}

// TestOwnerExtensionOutlivesADispatch: the owner of a platform's matter
// is held to a resolution limit from the Report, which the extensions the
// platform approved move. A re-dispatch after its lead's return restarts
// the lead's clock, not the owner's: the days the platform granted before
// it still count.
func TestOwnerExtensionOutlivesADispatch(t *testing.T) {
	cal := workday.China()
	r := matters.Route{Type: "违法建设", Lead: "D1", Respond: 4 * time.Hour, ResolveDays: 3}
	m := replay(t, "12345-3",
		matters.Event{At: june(1, 9, 0), Kind: matters.Report, Actor: "12345", Type: "违法建设", Units: []string{"S1"}},
		matters.Event{At: june(1, 9, 30), Kind: matters.Whistle, Actor: "S1"},
		matters.Event{At: june(1, 10, 0), Kind: matters.Dispatch, Actor: "S1", Units: []string{"D1"}},
		matters.Event{At: june(1, 11, 0), Kind: matters.Extend, Actor: "S1", Days: 5, Note: "涉及多个部门"},
		matters.Event{At: june(1, 12, 0), Kind: matters.Approve, Actor: "12345", Ref: 4, Note: "同意"},
		matters.Event{At: june(2, 9, 0), Kind: matters.Return, Actor: "D1", Note: "不属本部门"},
		matters.Event{At: june(2, 10, 0), Kind: matters.Approve, Actor: "S1", Ref: 6, Note: "同意"},
		matters.Event{At: june(2, 11, 0), Kind: matters.Dispatch, Actor: "S1", Units: []string{"D2"}, Note: "改派"},
	)
	f, err := scoring.FactsFor(cal, m, "S1", r)
	if err != nil {
		t.Fatal(err)
	}
	if want := 8 * cal.Day(); f.ResolutionLimit != want {
		t.Errorf("the owner's resolution limit is %v after the re-dispatch, want %v: the route's 3 days and the platform's 5", f.ResolutionLimit, want)
	}
}

// TestFactsForExtendedLimitOverflows: a route's resolution days plus the
// days of approved extensions that overflow are an overflowing limit,
// refused, as days that overflow a duration are. They wrapped round: a
// route of 2^63−1 days extended by 2 gave a limit of 24h, and one of
// 2^63−2 days no limit at all, graded as such.
func TestFactsForExtendedLimitOverflows(t *testing.T) {
	m := replay(t, "M-extended", append(dispatched(june(1, 9, 0)),
		matters.Event{At: june(1, 10, 0), Kind: matters.Accept, Actor: "D1"},
		matters.Event{At: june(2, 10, 0), Kind: matters.Extend, Actor: "D1", Days: 2, Note: "需协调供电部门"},
		matters.Event{At: june(2, 11, 0), Kind: matters.Approve, Actor: "S1", Ref: 5, Note: "确需协调"})...)
	for _, days := range []int{math.MaxInt, math.MaxInt - 1} {
		f, err := scoring.FactsFor(workday.China(), m, "D1", matters.Route{Type: "违法建设", Respond: time.Hour, ResolveDays: days})
		if !errors.Is(err, scoring.ErrInvalid) || !strings.Contains(err.Error(), `"M-extended"`) || !strings.Contains(err.Error(), `"违法建设"`) {
			t.Errorf("FactsFor of a route of %d days extended by 2: limit %v, error %v; want ErrInvalid naming the matter and the route", days, f.ResolutionLimit, err)
		}
	}
}
