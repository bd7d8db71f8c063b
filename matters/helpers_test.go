package matters_test

import (
	"errors"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/qingdan/qingdan/matters"
	"github.com/qingdan/qingdan/matters/workday"
)

// The units of the test histories.
const (
	owner   = "赭山街道"   // the owning sub-district (O)
	lead    = "区城管局"   // the lead (L)
	sup1    = "区市场监管局" // support units
	sup2    = "区生态环境分局"
	outside = "区教育局" // a unit with no part in the matter
	hotline = "91580"
)

// t0 is a Monday morning.
var t0 = time.Date(2024, 3, 4, 9, 0, 0, 0, workday.CST())

func yes() *bool { b := true; return &b }
func no() *bool  { b := false; return &b }

// ev returns an event of kind by actor, with optional units and what its
// kind needs: a type, an answer, a reason, an answer to the citizen, a day
// of extension. A decision's Ref is filled in by number, next and timed.
func ev(kind matters.Kind, actor string, units ...string) matters.Event {
	e := matters.Event{Kind: kind, Actor: actor, Units: units}
	switch kind {
	case matters.Report:
		e.Type = "违法建设"
	case matters.Feedback:
		e.Satisfied = yes()
	case matters.Approve:
		e.Note = "同意"
	case matters.Deny:
		e.Note = "不同意"
	case matters.Reply:
		e.Note = "已电话答复"
	case matters.Extend:
		e.Days = 1
	}
	return e
}

// isRequest reports whether k is a request that waits for a decision.
func isRequest(k matters.Kind) bool {
	return k == matters.Suspend || k == matters.Extend || k == matters.Return
}

// fillRefs gives each Approve or Deny of events (numbered) with no Ref the
// Seq of the latest request before it.
func fillRefs(events []matters.Event) {
	last := 0
	for i := range events {
		switch e := &events[i]; {
		case isRequest(e.Kind):
			last = e.Seq
		case (e.Kind == matters.Approve || e.Kind == matters.Deny) && e.Ref == 0:
			e.Ref = last
		}
	}
}

// number gives events their matter, Seq (from 1) and times (one minute apart
// from t0), and decisions their Ref, in a new slice.
func number(events ...matters.Event) []matters.Event {
	out := make([]matters.Event, len(events))
	for i, e := range events {
		e.Matter = "M-1"
		e.Seq = i + 1
		e.At = t0.Add(time.Duration(i+1) * time.Minute)
		e.Units = slices.Clone(e.Units)
		if e.Satisfied != nil {
			b := *e.Satisfied
			e.Satisfied = &b
		}
		out[i] = e
	}
	fillRefs(out)
	return out
}

// next gives e the next Seq and time of m, and a decision with no Ref the
// Seq of m's waiting request.
func next(m *matters.Matter, e matters.Event) matters.Event {
	e.Matter = "M-1"
	e.Seq = len(m.Events) + 1
	e.At = t0.Add(time.Duration(e.Seq) * time.Minute)
	if (e.Kind == matters.Approve || e.Kind == matters.Deny) && e.Ref == 0 {
		e.Ref = m.Pending.Seq
	}
	return e
}

// approved returns a request of kind by actor followed by the owner's
// approval of it.
func approved(kind matters.Kind, actor string) []matters.Event {
	return []matters.Event{ev(kind, actor), ev(matters.Approve, owner)}
}

// build replays events numbered by number and fails the test on error.
func build(t testing.TB, events ...matters.Event) *matters.Matter {
	t.Helper()
	m, err := matters.Replay(number(events...))
	if err != nil {
		t.Fatalf("build: %v", err)
	}
	return m
}

// after returns the matter built of prior, a zero one when there is none,
// and e numbered as its next event.
func after(t testing.TB, prior []matters.Event, e matters.Event) (*matters.Matter, matters.Event) {
	t.Helper()
	m := &matters.Matter{}
	if len(prior) > 0 {
		m = build(t, prior...)
	}
	return m, next(m, e)
}

// snapshot deep-copies a matter without using the package's Clone, keeping
// nil and empty slices apart.
func snapshot(m *matters.Matter) *matters.Matter {
	c := *m
	if m.Support != nil {
		c.Support = append([]string{}, m.Support...)
	}
	if m.Events != nil {
		c.Events = make([]matters.Event, len(m.Events))
		for i, e := range m.Events {
			if e.Units != nil {
				e.Units = append([]string{}, e.Units...)
			}
			if e.Satisfied != nil {
				b := *e.Satisfied
				e.Satisfied = &b
			}
			c.Events[i] = e
		}
	}
	return &c
}

// sameMatter fails unless want and got are deeply equal, nil and empty
// slices apart.
func sameMatter(t testing.TB, what string, want, got *matters.Matter) {
	t.Helper()
	if !reflect.DeepEqual(want, got) {
		t.Errorf("%s mismatch (-want +got):\n%s", what, cmp.Diff(want, got))
		if cmp.Equal(want, got) {
			t.Errorf("%s: the matters differ only in nil versus empty slices or times' representation", what)
		}
	}
}

// Histories in which each prefix is legal.
var (
	hReported   = []matters.Event{ev(matters.Report, owner)}
	hWhistled   = append(slices.Clone(hReported), ev(matters.Whistle, owner))
	hDispatched = append(slices.Clone(hWhistled), ev(matters.Dispatch, owner, lead, sup1, sup2))
	hAccepted   = append(slices.Clone(hDispatched), ev(matters.Accept, lead))
	hSuspended  = append(slices.Clone(hAccepted), approved(matters.Suspend, lead)...)
	hResolved   = append(slices.Clone(hAccepted), ev(matters.Resolve, lead))
	hClosed     = append(slices.Clone(hResolved), ev(matters.Close, owner))
	hReturned   = append(slices.Clone(hAccepted), approved(matters.Return, lead)...)
)

// wantProblems checks that err, returned by a Validate method, wraps
// ErrInvalid and joins exactly the problems want, each written without the
// sentinel's text at its end.
func wantProblems(t *testing.T, err error, want []string) {
	t.Helper()
	if !errors.Is(err, matters.ErrInvalid) {
		t.Fatalf("Validate = %v, want ErrInvalid", err)
	}
	var got []string
	for _, l := range strings.Split(err.Error(), "\n") {
		got = append(got, strings.TrimSuffix(l, ": matters: invalid"))
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Validate problems mismatch (-want +got):\n%s", diff)
	}
}
