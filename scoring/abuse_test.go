package scoring_test

import (
	"slices"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/qingdan/qingdan/locality/wuhu"
	"github.com/qingdan/qingdan/matters"
	"github.com/qingdan/qingdan/matters/workday"
	"github.com/qingdan/qingdan/scoring"
)

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
