package grading_test

import (
	"encoding/json"
	"errors"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"

	"github.com/qingdan/qingdan/grading"
	"github.com/qingdan/qingdan/locality/wuhu"
	"github.com/qingdan/qingdan/matters"
	"github.com/qingdan/qingdan/scoring"
)

// These tests prove the levers docs/policy.md says a host has: each does
// what a section's "A host can" line says, through the public API, and
// checks the outcome the note promises.

// gradeWith grades all of m with g.
func gradeWith(t *testing.T, g grading.Grader, m *matters.Matter) []grading.Grade {
	t.Helper()
	gs, err := g.Grade(cal, m, 0)
	if err != nil {
		t.Fatal(err)
	}
	return gs
}

// wuhuGrader is New's grader over c with evaluator e (Wuhu's table when
// nil) and judge j.
func wuhuGrader(c *matters.Catalog, e scoring.Evaluator, j func(*matters.Matter, *scoring.Facts) error) grading.Grader {
	if e == nil {
		e = wuhu.Table()
	}
	return grading.New(grading.Config{Catalog: c, Evaluator: e, Judge: j})
}

// TestLeverSpareSupportClosedOut proves docs/policy.md, "A Close ends
// every clock, a support unit's too": a host's evaluator that returns the
// zero Result for Final facts, not Responded, Response within
// ResponseLimit leaves D2 ungraded; a table row before "never responded"
// (responded: false, final: true, responseAtMost: 1), in Wuhu's table so
// changed, validates and grades D2 by that row. The lead's grade is
// Wuhu's either way.
func TestLeverSpareSupportClosedOut(t *testing.T) {
	c, m := closedBeforeSupport(t)
	table := wuhu.Table()
	spare := scoring.EvaluatorFunc(func(f scoring.Facts) (scoring.Result, error) {
		if f.Final && !f.Responded && f.Response <= f.ResponseLimit {
			return scoring.Result{}, nil
		}
		return table.Evaluate(f)
	})
	var rule scoring.TableRule
	if err := json.Unmarshal([]byte(`{"name": "closed before its answer was due", "grade": "fair",
		"responded": false, "final": true, "responseAtMost": "1"}`), &rule); err != nil {
		t.Fatal(err)
	}
	changed := wuhu.Table()
	changed.Version = "wuhu-2020.2-host"
	changed.Rules = slices.Insert(changed.Rules, 0, rule)
	if err := changed.Validate(); err != nil {
		t.Fatalf("Wuhu's table with the row first: %v", err)
	}
	for _, tc := range []struct {
		name string
		e    scoring.Evaluator
		want []row
	}{
		{"Wuhu's table", table, []row{{6, "D1", "S1", 0, false, "good"}, {6, "D2", "S1", 0, false, "poor"}}},
		{"an evaluator with nothing to say of a unit closed out", spare, []row{{6, "D1", "S1", 0, false, "good"}}},
		{"a row before never responded", changed, []row{{6, "D1", "S1", 0, false, "good"}, {6, "D2", "S1", 0, false, "fair"}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			gs := gradeWith(t, wuhuGrader(c, tc.e, nil), m)
			if diff := cmp.Diff(tc.want, rows(gs)); diff != "" {
				t.Errorf("grades mismatch (-want +got):\n%s", diff)
			}
			if tc.e != changed {
				return
			}
			if got := gs[1].Evaluation.Result.Reasons[0].Name; got != rule.Name {
				t.Errorf("D2 graded by rule %q, want %q", got, rule.Name)
			}
		})
	}
}

// refuseCloseWhileSupportWaits is a host's own check before it applies a
// Close at its time: it refuses the Close while a dispatched unit has not
// accepted and its response limit still runs (Matter.Status's Waiting,
// Matter.Deadlines' Respond).
func refuseCloseWhileSupportWaits(c *matters.Catalog, m *matters.Matter, e matters.Event) (bool, error) {
	if e.Kind != matters.Close || m.Lead == "" {
		return false, nil
	}
	r, err := c.RouteOf(m)
	if err != nil {
		return false, err
	}
	s, err := m.Status(cal, e.At, r)
	if err != nil {
		return false, err
	}
	d, err := m.Deadlines(cal, r)
	if err != nil {
		return false, err
	}
	return len(s.Waiting) > 0 && e.At.Before(d.Respond), nil
}

// TestLeverRefuseCloseWhileSupportWaits proves docs/policy.md, "A Close
// ends every clock, a support unit's too": a host may refuse, in its own
// code, the Close of a matter whose support unit's response limit still
// runs, which Catalog.Apply accepts. The owner closes once D2 has
// answered (here at 1h, on time, graded 较好) or its 4 hours have run.
func TestLeverRefuseCloseWhileSupportWaits(t *testing.T) {
	c, closed := closedBeforeSupport(t)
	m, err := matters.Replay(closed.Events[:len(closed.Events)-1]) // before the Close
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		at     time.Time
		refuse bool
	}{{mins(10), true}, {at(4), false}} {
		e := matters.Event{Matter: "M", Seq: len(m.Events) + 1, At: tc.at, Kind: matters.Close, Actor: "S1"}
		refuse, err := refuseCloseWhileSupportWaits(c, m, e)
		if err != nil {
			t.Fatal(err)
		}
		if refuse != tc.refuse {
			t.Errorf("the host refuses the Close at %v: %t, want %t", tc.at, refuse, tc.refuse)
		}
		if err := c.Apply(cal, m.Clone(), e); err != nil {
			t.Errorf("Catalog.Apply of the Close at %v: %v, want it accepted (the refusal is the host's)", tc.at, err)
		}
	}
	m = applied(t, c, nil, append(slices.Clone(m.Events), matters.Event{At: at(1), Kind: matters.Accept, Actor: "D2"})...)
	e := matters.Event{Matter: "M", Seq: len(m.Events) + 1, At: at(1), Kind: matters.Close, Actor: "S1"}
	if refuse, err := refuseCloseWhileSupportWaits(c, m, e); err != nil || refuse {
		t.Errorf("the host refuses the Close once D2 answered: %t, %v", refuse, err)
	}
	if err := c.Apply(cal, m, e); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]row{{7, "D1", "S1", 0, false, "good"}, {7, "D2", "S1", 0, false, "good"}}, rows(gradeWith(t, wuhuGrader(c, nil, nil), m))); diff != "" {
		t.Errorf("grades mismatch (-want +got):\n%s", diff)
	}
}

// TestLeverDecideRequestsAtOnce proves docs/policy.md, "One request
// waits at a time": a host that decides each request at once leaves no
// request waiting to hold off another. S1 denies D2's return at 70h, the
// minute it is asked; D1's extension at 71h is then taken and approved,
// and the scan at 73h finds nothing due: neither unit is supervised.
// The rule is Matter.Apply's: Matter.Apply itself refuses the extension
// while the return waits.
func TestLeverDecideRequestsAtOnce(t *testing.T) {
	c := supervised()
	m := returnAsked(t, c)
	extend := matters.Event{Matter: "M", Seq: len(m.Events) + 1, At: at(71), Kind: matters.Extend, Actor: "D1", Days: 5}
	if err := m.Clone().Apply(extend); !errors.Is(err, matters.ErrTransition) {
		t.Errorf("Matter.Apply of the extension while the return waits: %v, want ErrTransition", err)
	}
	m = applied(t, c, []time.Time{at(73)}, append(slices.Clone(m.Events),
		matters.Event{At: at(70), Kind: matters.Deny, Actor: "S1", Ref: 6, Note: "属配合职责"},
		matters.Event{At: at(71), Kind: matters.Extend, Actor: "D1", Days: 5},
		matters.Event{At: at(71), Kind: matters.Approve, Actor: "S1", Ref: 8, Note: "需协调多部门"},
		matters.Event{At: at(90), Kind: matters.Resolve, Actor: "D1"},
		matters.Event{At: at(91), Kind: matters.Close, Actor: "S1"})...)
	if got := pressedBy(m); got != nil {
		t.Errorf("pressed by %v, want nothing", got)
	}
	gs := graded(t, c, m)
	for _, u := range []string{"D1", "D2"} {
		if f := gs[u]; f.Resolution != 90*time.Hour || f.ResolutionLimit != 8*24*time.Hour || f.Supervised != 0 {
			t.Errorf("%s: facts %+v: want 90h of 8 days, never supervised", u, f)
		}
	}
}

// TestLeverJudgeMarksTheWait proves docs/policy.md, "One request waits at
// a time": a Judge may mark the wait in Attrs for a Go evaluator. On the
// note's matter the Judge counts the supervisions that pressed the unit
// while a request waited (here the one at 73h, while D2's return waited)
// and gives quality 5; the host's evaluator grades as Wuhu's table with
// those supervisions left out, so that D1, held off by D2's request, is
// graded 好 where Wuhu's table, seeing it supervised, gives 较好. D2,
// which asked to return, is 较好 either way.
func TestLeverJudgeMarksTheWait(t *testing.T) {
	c := supervised()
	m := oneRequestAtATime(t, c)
	judge := func(m *matters.Matter, f *scoring.Facts) error {
		n, waiting := 0, false
		for _, e := range m.Events {
			switch e.Kind {
			case matters.Return, matters.Suspend, matters.Extend:
				waiting = true
			case matters.Approve, matters.Deny:
				waiting = false
			case matters.Supervise:
				if waiting && e.Presses(f.Subject) {
					n++
				}
			}
		}
		f.Quality = 5
		f.Attrs = map[string]string{"supervisedWhileWaiting": strconv.Itoa(n)}
		return nil
	}
	table := wuhu.Table()
	lenient := scoring.EvaluatorFunc(func(f scoring.Facts) (scoring.Result, error) {
		n, err := strconv.Atoi(f.Attrs["supervisedWhileWaiting"])
		if err != nil {
			return scoring.Result{}, err
		}
		f.Supervised -= n
		return table.Evaluate(f)
	})
	for _, tc := range []struct {
		name string
		e    scoring.Evaluator
		want []row
	}{
		{"Wuhu's table", table, []row{{13, "D1", "S1", 0, false, "good"}, {13, "D2", "S1", 0, false, "good"}}},
		{"the host's evaluator", lenient, []row{{13, "D1", "S1", 0, false, "excellent"}, {13, "D2", "S1", 0, false, "good"}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			gs := gradeWith(t, wuhuGrader(c, tc.e, judge), m)
			if diff := cmp.Diff(tc.want, rows(gs)); diff != "" {
				t.Errorf("grades mismatch (-want +got):\n%s", diff)
			}
			for _, g := range gs {
				if g.Facts.Supervised != 1 || g.Facts.Attrs["supervisedWhileWaiting"] != "1" {
					t.Errorf("%s: supervised %d, %s while a request waited; want 1 of 1", g.Facts.Subject, g.Facts.Supervised, g.Facts.Attrs["supervisedWhileWaiting"])
				}
			}
		})
	}
}

// redispatchesReturned is a host's own check before it applies a
// Dispatch: it refuses one naming a unit whose return (退单) was approved
// since the dispatch before.
func redispatchesReturned(m *matters.Matter, e matters.Event) bool {
	if e.Kind != matters.Dispatch {
		return false
	}
	for i := len(m.Events) - 1; i >= 0 && m.Events[i].Kind != matters.Dispatch; i-- {
		if r, ok := approvedReturn(m, m.Events[i]); ok && slices.Contains(e.Units, r.Actor) {
			return true
		}
	}
	return false
}

// TestLeverRefuseRedispatchOfReturned proves docs/policy.md, "An approved
// return and a new dispatch restart the lead's clocks": a host may
// refuse, in its own code, the dispatch to the unit whose return was just
// approved, which Catalog.Apply accepts; the owner may dispatch to
// another unit, with its reason for leaving the route.
func TestLeverRefuseRedispatchOfReturned(t *testing.T) {
	c := supervised()
	m := applied(t, c, nil,
		opened(at(0), "H", []string{"D1"},
			matters.Event{At: at(1), Kind: matters.Accept, Actor: "D1"},
			matters.Event{At: at(71), Kind: matters.Return, Actor: "D1", Note: "需重新派单"},
			matters.Event{At: at(72), Kind: matters.Approve, Actor: "S1", Ref: 5, Note: "同意"})...)
	again := matters.Event{Matter: "M", Seq: len(m.Events) + 1, At: at(72), Kind: matters.Dispatch, Actor: "S1", Units: []string{"D1"}}
	if !redispatchesReturned(m, again) {
		t.Error("the host lets the dispatch to D1 again through")
	}
	if err := c.Apply(cal, m.Clone(), again); err != nil {
		t.Errorf("Catalog.Apply of the dispatch to D1 again: %v, want it accepted (the refusal is the host's)", err)
	}
	other := again
	other.Units, other.Override = []string{"D2"}, "原主办单位退单，改派配合单位主办"
	if redispatchesReturned(m, other) {
		t.Error("the host refuses the dispatch to D2")
	}
	if err := c.Apply(cal, m, other); err != nil {
		t.Errorf("Catalog.Apply of the dispatch to D2: %v", err)
	}
}

// TestLeverJudgeTimesFromTheFirstDispatch proves docs/policy.md, "An
// approved return and a new dispatch restart the lead's clocks": a Judge
// can put the time since the first dispatch in Attrs for a Go evaluator;
// a table sees Returned only. On the note's matter Wuhu's table grades D1
// on 28 hours of 72, 较好; the host's evaluator, on the Judge's 100 hours
// from the first dispatch to the Resolve, grades it late, 一般.
func TestLeverJudgeTimesFromTheFirstDispatch(t *testing.T) {
	c := supervised()
	m := dispatchedAgain(t, c)
	judge := func(m *matters.Matter, f *scoring.Facts) error {
		var first, resolved time.Time
		for _, e := range m.Events {
			switch {
			case e.Kind == matters.Dispatch && first.IsZero() && slices.Contains(e.Units, f.Subject):
				first = e.At
			case e.Kind == matters.Resolve:
				resolved = e.At
			}
		}
		if first.IsZero() || resolved.IsZero() {
			return nil
		}
		d, err := m.RunningFor(cal, f.Subject, first, resolved)
		if err != nil {
			return err
		}
		f.Attrs = map[string]string{"sinceFirstDispatch": d.String()}
		return nil
	}
	table := wuhu.Table()
	fromFirst := scoring.EvaluatorFunc(func(f scoring.Facts) (scoring.Result, error) {
		if s, ok := f.Attrs["sinceFirstDispatch"]; ok {
			d, err := time.ParseDuration(s)
			if err != nil {
				return scoring.Result{}, err
			}
			f.Resolution = d
		}
		return table.Evaluate(f)
	})
	for _, tc := range []struct {
		name string
		e    scoring.Evaluator
		want []row
	}{
		{"Wuhu's table", table, []row{{12, "D1", "S1", 0, false, "good"}, {12, "S1", "H", 0, false, "fair"}}},
		{"the host's evaluator", fromFirst, []row{{12, "D1", "S1", 0, false, "fair"}, {12, "S1", "H", 0, false, "fair"}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			gs := gradeWith(t, wuhuGrader(c, tc.e, judge), m)
			if diff := cmp.Diff(tc.want, rows(gs)); diff != "" {
				t.Errorf("grades mismatch (-want +got):\n%s", diff)
			}
			if f := gs[0].Facts; f.Resolution != 28*time.Hour || !f.Returned || f.Attrs["sinceFirstDispatch"] != "100h0m0s" {
				t.Errorf("D1: facts %+v: want 28h, returned, 100h since the first dispatch", f)
			}
		})
	}
}

// refuseLateExtension is a host's own check before it applies an
// Approve: it refuses the approval of an extension (延期) after the
// resolution due time Matter.Deadlines gives.
func refuseLateExtension(c *matters.Catalog, m *matters.Matter, e matters.Event) (bool, error) {
	if e.Kind != matters.Approve || m.Events[e.Ref-1].Kind != matters.Extend {
		return false, nil
	}
	r, err := c.RouteOf(m)
	if err != nil {
		return false, err
	}
	d, err := m.Deadlines(cal, r)
	if err != nil {
		return false, err
	}
	return e.At.After(d.Resolve), nil
}

// TestLeverRefuseLateExtension proves docs/policy.md, "An extension
// approved after the due time counts in full": a host may refuse, in its
// own code, an approval after the due time Matter.Deadlines gives, which
// Catalog.Apply accepts. D1, due at 72h, asks for 5 days at 71h: the
// approval at 71h30 passes, the one at 81h is refused; S1 denies instead,
// and D1, resolving at 90h of 72, is graded late (一般) where the late
// approval would have left it on time (较好).
func TestLeverRefuseLateExtension(t *testing.T) {
	c := catalog()
	m := applied(t, c, nil,
		opened(at(0), "S1", []string{"D1"},
			matters.Event{At: at(1), Kind: matters.Accept, Actor: "D1"},
			matters.Event{At: at(71), Kind: matters.Extend, Actor: "D1", Days: 5})...)
	r, err := c.RouteOf(m)
	if err != nil {
		t.Fatal(err)
	}
	if d, err := m.Deadlines(cal, r); err != nil || !d.Resolve.Equal(at(72)) {
		t.Fatalf("Deadlines = %+v, %v; want the resolution due at 72h", d, err)
	}
	approve := func(h float64) matters.Event {
		return matters.Event{Matter: "M", Seq: len(m.Events) + 1, At: at(h), Kind: matters.Approve, Actor: "S1", Ref: 5, Note: "同意"}
	}
	grades := map[float64]string{}
	for _, tc := range []struct {
		h      float64
		refuse bool
	}{{71.5, false}, {81, true}} {
		e := approve(tc.h)
		refuse, err := refuseLateExtension(c, m, e)
		if err != nil {
			t.Fatal(err)
		}
		if refuse != tc.refuse {
			t.Errorf("the host refuses the approval at %gh: %t, want %t", tc.h, refuse, tc.refuse)
		}
		x := applied(t, c, nil, append(slices.Clone(m.Events), e,
			matters.Event{At: at(90), Kind: matters.Resolve, Actor: "D1"},
			matters.Event{At: at(91), Kind: matters.Close, Actor: "S1"})...)
		grades[tc.h] = rows(gradeWith(t, wuhuGrader(c, nil, nil), x))[0].Grade
	}
	denied := approve(81)
	denied.Kind, denied.Note = matters.Deny, "已超过办结时限"
	x := applied(t, c, nil, append(slices.Clone(m.Events), denied,
		matters.Event{At: at(90), Kind: matters.Resolve, Actor: "D1"},
		matters.Event{At: at(91), Kind: matters.Close, Actor: "S1"})...)
	grades[0] = rows(gradeWith(t, wuhuGrader(c, nil, nil), x))[0].Grade
	if diff := cmp.Diff(map[float64]string{71.5: "good", 81: "good", 0: "fair"}, grades); diff != "" {
		t.Errorf("D1's grade, by when the extension was approved (0: denied), mismatch (-want +got):\n%s", diff)
	}
}

// TestLeverJudge proves the Judge's row of docs/policy.md's "What a host
// can change": a Judge reads the matter as far as the event — a stage's
// and the Close's — and sets Quality and Attrs, which a Go evaluator
// reads; one that changes any other fact makes Grade fail with
// scoring.ErrInvalid.
func TestLeverJudge(t *testing.T) {
	c := catalog()
	m := staged(t, c)
	read := func(m *matters.Matter, f *scoring.Facts) error {
		f.Quality = 4
		f.Attrs = map[string]string{"last": m.Events[len(m.Events)-1].Kind.String()}
		return nil
	}
	echo := scoring.EvaluatorFunc(func(f scoring.Facts) (scoring.Result, error) {
		return scoring.Result{Grade: f.Attrs["last"], Points: decimal.NewFromInt(int64(f.Quality)), Policy: "echo"}, nil
	})
	var got []string
	for _, g := range gradeWith(t, wuhuGrader(c, echo, read), m) {
		got = append(got, g.Evaluation.Result.Grade+" "+g.Evaluation.Result.Points.String())
	}
	stage, closed := matters.Progress.String()+" 4", matters.Close.String()+" 4"
	if diff := cmp.Diff([]string{stage, stage, closed}, got); diff != "" {
		t.Errorf("what the evaluator read mismatch (-want +got):\n%s", diff)
	}
	for name, change := range map[string]func(f *scoring.Facts){
		"resolution": func(f *scoring.Facts) { f.Resolution = 0 },
		"returned":   func(f *scoring.Facts) { f.Returned = true },
		"supervised": func(f *scoring.Facts) { f.Supervised = 0; f.Urged = 1 },
		"stage":      func(f *scoring.Facts) { f.Stage++ },
	} {
		judge := func(m *matters.Matter, f *scoring.Facts) error { change(f); return nil }
		if _, err := wuhuGrader(c, nil, judge).Grade(cal, m, 0); !errors.Is(err, scoring.ErrInvalid) {
			t.Errorf("a Judge that changes the %s: %v, want ErrInvalid", name, err)
		}
	}
}
