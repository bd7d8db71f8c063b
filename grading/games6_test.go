package grading_test

import (
	"errors"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/qingdan/qingdan/internal/hardening/samples"
	"github.com/qingdan/qingdan/matters"
	"github.com/qingdan/qingdan/matters/workday"
)

// These tests hold moves of the sixth round of the review, each made by
// one party through Catalog.Apply, with Catalog.Due's scans applied and
// the grader's facts read, that the library already answers.

// supervised is catalog() with a supervisor for Due's supervisions and a
// support unit D2 on the route.
func supervised() *matters.Catalog {
	c := catalog()
	c.Supervision.Supervisor = "SUP"
	c.Directory.Routes[0].Support = []string{"D2"}
	return c
}

// pressedBy returns the kinds of the urgings and supervisions on m, in order.
func pressedBy(m *matters.Matter) []matters.Kind {
	var out []matters.Kind
	for _, e := range m.Events {
		if e.Kind == matters.Urge || e.Kind == matters.Supervise {
			out = append(out, e.Kind)
		}
	}
	return out
}

// opened returns the events that open matter M at when: its Report by
// reporter (S1, or a hotline for S1), S1's whistle and its dispatch to
// units, then more.
func opened(when time.Time, reporter string, units []string, more ...matters.Event) []matters.Event {
	report := matters.Event{At: when, Kind: matters.Report, Actor: reporter, Type: "占道经营"}
	if reporter != "S1" {
		report.Units = []string{"S1"}
	}
	return append([]matters.Event{report,
		{At: when, Kind: matters.Whistle, Actor: "S1"},
		{At: when, Kind: matters.Dispatch, Actor: "S1", Units: units}}, more...)
}

// at is the instant h hours after the first of hour's: 08:00 on Monday
// 1 June 2020, on a calendar of whole working days.
func at(h float64) time.Time { return hour(0).Add(time.Duration(h * float64(time.Hour))) }

// TestWaitingRequestSilencesNothing: a lead that asks for an extension
// (延期) an hour before its resolution limit runs out, and whose owner
// leaves the request waiting past it, is supervised when the limit runs
// out all the same — a request stops no clock and switches off no
// supervision — and, the request denied, is graded on its limit alone.
// Its own suspension it may not approve, nor deny its own request to
// withdraw it: only the owner or the platform decides.
func TestWaitingRequestSilencesNothing(t *testing.T) {
	c := supervised()
	m := applied(t, c, nil,
		opened(at(0), "S1", []string{"D1"},
			matters.Event{At: at(1), Kind: matters.Accept, Actor: "D1"},
			matters.Event{At: at(71), Kind: matters.Extend, Actor: "D1", Days: 5})...)
	for _, k := range []matters.Kind{matters.Approve, matters.Deny} {
		withdraw := matters.Event{Matter: "M", Seq: len(m.Events) + 1, At: at(74), Kind: k, Actor: "D1", Ref: 5, Note: "撤回"}
		if err := c.Apply(cal, m.Clone(), withdraw); !errors.Is(err, matters.ErrActor) {
			t.Errorf("the lead's %s of its own extension: %v, want ErrActor", k, err)
		}
	}
	m = applied(t, c, []time.Time{at(73)}, append(m.Events,
		matters.Event{At: at(74), Kind: matters.Deny, Actor: "S1", Ref: 5, Note: "理由不充分"},
		matters.Event{At: at(96), Kind: matters.Resolve, Actor: "D1"},
		matters.Event{At: at(97), Kind: matters.Close, Actor: "S1"})...)
	if diff := cmp.Diff([]matters.Kind{matters.Urge, matters.Supervise}, pressedBy(m)); diff != "" {
		t.Errorf("what pressed the lead mismatch (-want +got):\n%s", diff)
	}
	f := graded(t, c, m)["D1"]
	if f.Resolution != 96*time.Hour || f.ResolutionLimit != 72*time.Hour || f.Supervised != 1 || f.Returned {
		t.Errorf("facts %+v: want resolved in 96h of an unextended 72h, supervised once", f)
	}
}

// TestSuspensionsOnlyByOthers: a lead's suspensions (挂起) stop its clock
// only as approved, from the approval, and only while they last. On an
// office-hours calendar, a lead whose first suspension was denied, and
// that asked for another a minute before the lunch break, approved as the
// afternoon's hours began and resumed at once, stopped no working time:
// neither the minute before the break, which ran while the request
// waited, nor the break, which is no working time.
func TestSuspensionsOnlyByOthers(t *testing.T) {
	office := samples.OfficeHours()
	c := supervised()
	day := func(h, m int) time.Time { return time.Date(2020, 6, 1, h, m, 0, 0, workday.CST()) }
	m := appliedOn(t, office, c, nil,
		matters.Event{At: day(8, 30), Kind: matters.Report, Actor: "S1", Type: "占道经营"},
		matters.Event{At: day(8, 30), Kind: matters.Whistle, Actor: "S1"},
		matters.Event{At: day(8, 30), Kind: matters.Dispatch, Actor: "S1", Units: []string{"D1"}},
		matters.Event{At: day(9, 0), Kind: matters.Suspend, Actor: "D1"},
		matters.Event{At: day(9, 30), Kind: matters.Deny, Actor: "S1", Ref: 4, Note: "不符合挂起条件"},
		matters.Event{At: day(11, 59), Kind: matters.Suspend, Actor: "D1"},
		matters.Event{At: day(14, 30), Kind: matters.Approve, Actor: "S1", Ref: 6, Note: "等待产权查询"},
		matters.Event{At: day(14, 30), Kind: matters.Resume, Actor: "D1"},
		matters.Event{At: day(15, 0), Kind: matters.Accept, Actor: "D1"})
	f := gradedOn(t, office, c, appliedOn(t, office, c, nil, append(m.Events, matters.Event{At: day(15, 0), Kind: matters.Progress, Actor: "S1"})...))["D1"]
	// 08:30–12:00 and 14:30–15:00: the whole limit, nothing stopped.
	if f.Response != 4*time.Hour || !f.Responded || f.ResponseLimit != 4*time.Hour {
		t.Errorf("facts %+v: want responded in the whole 4h", f)
	}
}

// closedBeforeSupport is TestCloseBeforeSupportAnswers's matter: D1
// accepts at 1 min and resolves at 5; S1 closes at 10; D2 never answers.
func closedBeforeSupport(t *testing.T) (*matters.Catalog, *matters.Matter) {
	t.Helper()
	c := supervised()
	return c, applied(t, c, nil,
		opened(mins(0), "S1", []string{"D1", "D2"},
			matters.Event{At: mins(1), Kind: matters.Accept, Actor: "D1"},
			matters.Event{At: mins(5), Kind: matters.Resolve, Actor: "D1"},
			matters.Event{At: mins(10), Kind: matters.Close, Actor: "S1"})...)
}

// mins is the instant n minutes after hour(0).
func mins(n int) time.Time { return hour(0).Add(time.Duration(n) * time.Minute) }

// TestCloseBeforeSupportAnswers (a policy question, not changed): a
// support unit may answer the whistle of a resolved matter until the
// owner closes it, so a lead that resolves in five minutes and an owner
// that closes in ten leave it graded as never having answered, its own
// four hours hardly begun. The Close ends every clock; the grade is the
// evaluator's (Wuhu's table: poor).
func TestCloseBeforeSupportAnswers(t *testing.T) {
	c, m := closedBeforeSupport(t)
	late := matters.Event{Matter: "M", Seq: len(m.Events) + 1, At: mins(60), Kind: matters.Accept, Actor: "D2"}
	if err := c.Apply(cal, m.Clone(), late); !errors.Is(err, matters.ErrTransition) {
		t.Errorf("the support unit's answer after the Close: %v, want ErrTransition", err)
	}
	f := graded(t, c, m)["D2"]
	if f.Responded || f.Response != 10*time.Minute || f.ResponseLimit != 4*time.Hour {
		t.Errorf("facts %+v: want not responded, 10m of 4h", f)
	}
}

// returnAsked is S1's matter dispatched to D1 and D2 at 0h, applied
// through c: both accept at 1h, and D2 asks to return at 70h.
func returnAsked(t *testing.T, c *matters.Catalog) *matters.Matter {
	t.Helper()
	return applied(t, c, nil,
		opened(at(0), "S1", []string{"D1", "D2"},
			matters.Event{At: at(1), Kind: matters.Accept, Actor: "D1"},
			matters.Event{At: at(1), Kind: matters.Accept, Actor: "D2"},
			matters.Event{At: at(70), Kind: matters.Return, Actor: "D2", Note: "非本单位职责"})...)
}

// oneRequestAtATime is returnAsked's matter as TestOneRequestAtATime
// goes on, the Today of docs/policy.md's "One request waits at a time":
// S1 denies D2's return at 80h; D1's extension, refused at 71h, is asked
// at 81h and approved at 82h; the scan at 73h supervises; D1 resolves at
// 90h, and S1 closes at 91h.
func oneRequestAtATime(t *testing.T, c *matters.Catalog) *matters.Matter {
	t.Helper()
	m := returnAsked(t, c)
	return applied(t, c, []time.Time{at(73)}, append(m.Events,
		matters.Event{At: at(80), Kind: matters.Deny, Actor: "S1", Ref: 6, Note: "属配合职责"},
		matters.Event{At: at(81), Kind: matters.Extend, Actor: "D1", Days: 5},
		matters.Event{At: at(82), Kind: matters.Approve, Actor: "S1", Ref: 10, Note: "需协调多部门"},
		matters.Event{At: at(90), Kind: matters.Resolve, Actor: "D1"},
		matters.Event{At: at(91), Kind: matters.Close, Actor: "S1"})...)
}

// TestOneRequestAtATime (a policy question, not changed): a support unit
// that asks to return the matter (退单) before its lead's limit runs out
// holds off the lead's request for an extension until the owner decides
// its own: one request waits at a time. The extension approved late
// still moves the lead's limit, but the supervision due meanwhile stays
// on record against the lead and the support unit alike.
func TestOneRequestAtATime(t *testing.T) {
	c := supervised()
	m := returnAsked(t, c)
	extend := matters.Event{Matter: "M", Seq: len(m.Events) + 1, At: at(71), Kind: matters.Extend, Actor: "D1", Days: 5}
	if err := c.Apply(cal, m.Clone(), extend); !errors.Is(err, matters.ErrTransition) {
		t.Errorf("the lead's extension while the support unit's return waits: %v, want ErrTransition", err)
	}
	m = oneRequestAtATime(t, c)
	gs := graded(t, c, m)
	for _, u := range []string{"D1", "D2"} {
		if f := gs[u]; f.Resolution != 90*time.Hour || f.ResolutionLimit != 8*24*time.Hour || f.Supervised != 1 {
			t.Errorf("%s: facts %+v: want 90h of 8 days, supervised once", u, f)
		}
	}
	if !gs["D2"].Returned || gs["D1"].Returned {
		t.Errorf("returned: D1 %t, D2 %t; want D2 alone", gs["D1"].Returned, gs["D2"].Returned)
	}
}

// dispatchedAgain is the matter of TestReturnRestartsTheLeadsClock,
// applied through c: on H's matter for S1, D1 accepts at 1h, is urged at
// the scan at 60h, asks to return at 71h; S1 approves at 72h and
// dispatches to D1 again, which accepts at 73h and resolves at 100h; S1
// closes at 101h.
func dispatchedAgain(t *testing.T, c *matters.Catalog) *matters.Matter {
	t.Helper()
	m := applied(t, c, []time.Time{at(60)},
		opened(at(0), "H", []string{"D1"},
			matters.Event{At: at(1), Kind: matters.Accept, Actor: "D1"},
			matters.Event{At: at(71), Kind: matters.Return, Actor: "D1", Note: "需重新派单"})...)
	return applied(t, c, nil, append(m.Events,
		matters.Event{At: at(72), Kind: matters.Approve, Actor: "S1", Ref: len(m.Events), Note: "同意"},
		matters.Event{At: at(72), Kind: matters.Dispatch, Actor: "S1", Units: []string{"D1"}},
		matters.Event{At: at(73), Kind: matters.Accept, Actor: "D1"},
		matters.Event{At: at(100), Kind: matters.Resolve, Actor: "D1"},
		matters.Event{At: at(101), Kind: matters.Close, Actor: "S1"})...)
}

// TestReturnRestartsTheLeadsClock (a policy question, not changed): a lead
// that asks to return the matter an hour before its resolution limit runs
// out, and whose owner approves, is dispatched again by the route — to
// itself — and answers to a new clock from that dispatch: resolved 28h
// after it, on time, where it was 100h after the first. Only its Return
// shows. The owner of a hotline's matter has no such restart: its clock
// runs from the Report.
func TestReturnRestartsTheLeadsClock(t *testing.T) {
	c := supervised()
	gs := graded(t, c, dispatchedAgain(t, c))
	if f := gs["D1"]; f.Response != time.Hour || f.Resolution != 28*time.Hour || !f.Returned || f.Urged != 1 {
		t.Errorf("lead: facts %+v: want 1h to respond, 28h to resolve from the new dispatch, returned, urged once before its return", f)
	}
	if f := gs["S1"]; f.Resolution != 100*time.Hour || f.ResolutionLimit != 72*time.Hour || f.Urged != 1 {
		t.Errorf("owner: facts %+v: want 100h of 72h, from the Report, urged once by the platform", f)
	}
}

// TestAnswerBeforeReopenStands (a policy question, not changed): the
// citizen's latest answer counts, even one given before a Reopen about a
// resolution since undone: a platform that records a yes, reopens, and
// asks no one after the lead's second, late resolution leaves the Close
// grading the lead and the owner on that yes; one that recorded a no
// leaves them graded on it, and the closed matter supervised for it.
func TestAnswerBeforeReopenStands(t *testing.T) {
	for _, yes := range []bool{true, false} {
		c := supervised()
		// at(100) is Friday 5 June 12:00, 100h of working time on.
		m := applied(t, c, []time.Time{at(110)},
			opened(at(0), "H", []string{"D1"},
				matters.Event{At: at(1), Kind: matters.Accept, Actor: "D1"},
				matters.Event{At: at(2), Kind: matters.Resolve, Actor: "D1"},
				matters.Event{At: at(3), Kind: matters.Feedback, Actor: "H", Satisfied: &yes},
				matters.Event{At: at(4), Kind: matters.Reopen, Actor: "H"},
				matters.Event{At: at(100), Kind: matters.Resolve, Actor: "D1"},
				matters.Event{At: at(101), Kind: matters.Close, Actor: "S1"},
				matters.Event{At: at(111), Kind: matters.Reply, Actor: "S1", Note: "已办结"})...)
		gs := graded(t, c, m)
		for _, u := range []string{"D1", "S1"} {
			if f := gs[u]; f.Satisfied == nil || *f.Satisfied != yes || f.Resolution != 100*time.Hour {
				t.Errorf("answer %t: %s: facts %+v: want the answer before the Reopen, 100h", yes, u, f)
			}
		}
		var want []matters.Kind
		if !yes {
			want = []matters.Kind{matters.Supervise} // the closed matter's no
		}
		if diff := cmp.Diff(want, pressedBy(m)); diff != "" {
			t.Errorf("answer %t: what pressed mismatch (-want +got):\n%s", yes, diff)
		}
	}
}

// TestHolidayAndMakeUpDay: the clocks run on working days alone, make-up
// working days (调休) included: a lead dispatched at 20:00 on the eve of
// the 2020 National Day holiday uses its 4h limit at midnight and is not
// overdue through the eight days off — it may accept on any of them, on
// time — but is supervised from the first minute of Friday 9 October;
// one dispatched at 20:00 on Saturday 26 September, the eve of a make-up
// working Sunday, is overdue at 04:01 that Sunday.
func TestHolidayAndMakeUpDay(t *testing.T) {
	cst := workday.CST()
	for _, tc := range []struct {
		name                    string
		dispatched, quiet, late time.Time // the lead accepts at quiet, or late
	}{
		{"the National Day holiday", time.Date(2020, 9, 30, 20, 0, 0, 0, cst), time.Date(2020, 10, 8, 23, 59, 0, 0, cst), time.Date(2020, 10, 9, 0, 1, 0, 0, cst)},
		{"the make-up Sunday", time.Date(2020, 9, 26, 20, 0, 0, 0, cst), time.Date(2020, 9, 27, 4, 0, 0, 0, cst), time.Date(2020, 9, 27, 4, 1, 0, 0, cst)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := supervised()
			for _, step := range []struct {
				accepted time.Time
				pressed  []matters.Kind
				response time.Duration
			}{
				{tc.quiet, []matters.Kind{matters.Urge}, 4 * time.Hour},
				{tc.late, []matters.Kind{matters.Urge, matters.Supervise}, 4*time.Hour + time.Minute},
			} {
				// Due scans half a minute before the lead accepts, and the
				// owner grades a stage at once.
				m := applied(t, c, []time.Time{step.accepted.Add(-30 * time.Second)},
					opened(tc.dispatched, "S1", []string{"D1"},
						matters.Event{At: step.accepted, Kind: matters.Accept, Actor: "D1"},
						matters.Event{At: step.accepted, Kind: matters.Progress, Actor: "S1"})...)
				if diff := cmp.Diff(step.pressed, pressedBy(m)); diff != "" {
					t.Errorf("accepted at %s: what pressed the lead mismatch (-want +got):\n%s", step.accepted, diff)
				}
				f := graded(t, c, m)["D1"]
				if f.Response != step.response || f.Urged != 1 || f.Supervised != len(step.pressed)-1 {
					t.Errorf("accepted at %s: facts %+v: want %v, urged once, supervised %d", step.accepted, f, step.response, len(step.pressed)-1)
				}
			}
		})
	}
}

// TestEventsOutOfOrder: an event dated before the one before it, or the
// same event again, is refused; events at one instant are taken in the
// order applied, the clocks reading each up to its own place; and a
// matter with an event dated after a scan is named by Due, not left
// unsupervised in silence.
func TestEventsOutOfOrder(t *testing.T) {
	c := supervised()
	m := applied(t, c, nil,
		opened(at(0), "S1", []string{"D1"},
			matters.Event{At: at(5), Kind: matters.Accept, Actor: "D1"})...)
	back := matters.Event{Matter: "M", Seq: 5, At: at(4), Kind: matters.Reply, Actor: "D1", Note: "已处理"}
	if err := c.Apply(cal, m.Clone(), back); !errors.Is(err, matters.ErrOrder) {
		t.Errorf("an event dated back: %v, want ErrOrder", err)
	}
	again := m.Events[3]
	if err := c.Apply(cal, m.Clone(), again); !errors.Is(err, matters.ErrOrder) {
		t.Errorf("the Accept again: %v, want ErrOrder", err)
	}
	ahead := m.Clone()
	if err := c.Apply(cal, ahead, matters.Event{Matter: "M", Seq: 5, At: at(500), Kind: matters.Reply, Actor: "D1", Note: "已处理"}); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Due(cal, at(200), []*matters.Matter{ahead}); !errors.Is(err, matters.ErrOrder) {
		t.Errorf("Due of a matter with an event dated ahead: %v, want ErrOrder", err)
	}
	if f := graded(t, c, applied(t, c, nil, append(m.Events, matters.Event{At: at(5), Kind: matters.Progress, Actor: "S1"})...))["D1"]; f.Response != 5*time.Hour {
		t.Errorf("facts %+v: want the 5h to the Accept", f)
	}
}

// TestOffRouteDispatchOfARival (a policy question, not changed): an owner
// may dispatch a matter to a department its route does not name only
// with its reason on record (override); the department so named answers
// to the whistle as any other, and its return, which the owner may deny,
// marks it returned whatever the decision.
func TestOffRouteDispatchOfARival(t *testing.T) {
	c := supervised()
	m := applied(t, c, nil,
		matters.Event{At: at(0), Kind: matters.Report, Actor: "S1", Type: "占道经营"},
		matters.Event{At: at(0), Kind: matters.Whistle, Actor: "S1"})
	rival := matters.Event{Matter: "M", Seq: 3, At: at(0), Kind: matters.Dispatch, Actor: "S1", Units: []string{"D1", "D3"}}
	if err := c.Apply(cal, m.Clone(), rival); !errors.Is(err, matters.ErrOffRoute) {
		t.Errorf("a rival as support without a reason: %v, want ErrOffRoute", err)
	}
	rival.Override = "涉及多部门"
	m = applied(t, c, nil, append(m.Events, rival,
		matters.Event{At: at(1), Kind: matters.Return, Actor: "D3", Note: "非本单位职责"},
		matters.Event{At: at(2), Kind: matters.Deny, Actor: "S1", Ref: 4, Note: "需配合"},
		matters.Event{At: at(2), Kind: matters.Progress, Actor: "S1"})...)
	if f := graded(t, c, m)["D3"]; !f.Returned || f.Responded || f.Response != 2*time.Hour {
		t.Errorf("facts %+v: want returned, not responded, 2h", f)
	}
}
