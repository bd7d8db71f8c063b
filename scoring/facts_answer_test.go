package scoring_test

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/qingdan/qingdan/matters"
	"github.com/qingdan/qingdan/scoring"
)

// TestFactsForEventsAtOneInstant: a unit's response clock stops at its
// Accept, or at its approved Return, by the order of the history, not by
// the instant: events a host records at the same instant after it — the
// owner's approval of a return and a new dispatch to other units — belong
// to after the answer and leave it as it was, as they do a minute later.
// Before, FactsFor measured from the latest Dispatch at or before the
// instant of the answer, so a re-dispatch stamped with that instant made a
// unit's long wait a response of 0.
func TestFactsForEventsAtOneInstant(t *testing.T) {
	r := matters.Route{Type: "违法建设", Lead: "D1", Respond: 4 * time.Hour, ResolveDays: 3}
	answer := june(2, 9, 0) // a working day after the dispatch
	// history is the matter dispatched to units, with the answers at the
	// answer's instant, then, gap later, the approval of the lead's
	// return and a new dispatch to again.
	history := func(units []string, answers []matters.Event, gap time.Duration, again string) []matters.Event {
		evs := dispatched(june(1, 9, 0))
		evs[2].Units = units
		for _, e := range answers {
			e.At = answer
			evs = append(evs, e)
		}
		return append(evs,
			matters.Event{At: answer, Kind: matters.Return, Actor: "D1", Note: "不属本部门"},
			matters.Event{At: answer.Add(gap), Kind: matters.Approve, Actor: "S1", Ref: len(evs) + 1, Note: "同意"},
			matters.Event{At: answer.Add(gap), Kind: matters.Dispatch, Actor: "S1", Units: []string{again}, Note: "改派"})
	}
	for _, tc := range []struct {
		name    string
		unit    string
		units   []string
		answers []matters.Event
		again   string
	}{
		{"the lead returned, approved and dispatched to another unit", "D1", []string{"D1"}, nil, "D2"},
		{"a support unit accepted, the lead's return approved and the matter dispatched to another unit", "D2", []string{"D1", "D2"},
			[]matters.Event{{Kind: matters.Accept, Actor: "D2"}}, "D3"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			facts := func(gap time.Duration) scoring.Facts {
				return factsOf(t, tc.unit, r, history(tc.units, tc.answers, gap, tc.again)...)
			}
			later, same := facts(time.Minute), facts(0)
			if later.Response != 24*time.Hour {
				t.Fatalf("a minute apart: response %v, want a working day (24h0m0s on the China calendar)", later.Response)
			}
			if diff := cmp.Diff(later.Response, same.Response); diff != "" {
				t.Errorf("response at one instant: mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// TestFactsForAnswerToTheLatestDispatch: a Dispatch that names a unit
// again awaits its answer, whether or not it answered an earlier one: a
// support unit made lead, or a lead dispatched again after its return,
// that then sits three working days before it accepts is graded on that
// wait, as matters' Status and Catalog.Due judge the lead's response from
// the latest dispatch. Before, FactsFor measured the unit's first Accept,
// under the earlier dispatch, an hour, and graded it excellent.
func TestFactsForAnswerToTheLatestDispatch(t *testing.T) {
	type got struct {
		Response  time.Duration
		Responded bool
		Grade     string
	}
	for _, tc := range []struct {
		name  string
		first matters.Event // the unit's answer to the first dispatch
		unit  string
	}{
		{"a support unit made lead", matters.Event{Kind: matters.Accept, Actor: "D2"}, "D2"},
		{"a lead dispatched again after its return", matters.Event{Kind: matters.Accept, Actor: "D1"}, "D1"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			first := tc.first
			first.At = june(1, 10, 0)
			events := []matters.Event{
				{At: june(1, 8, 58), Kind: matters.Report, Actor: "S1", Type: "违法建设"},
				{At: june(1, 8, 59), Kind: matters.Whistle, Actor: "S1"},
				{At: june(1, 9, 0), Kind: matters.Dispatch, Actor: "S1", Units: []string{"D1", "D2"}},
				first,
				{At: june(1, 11, 0), Kind: matters.Return, Actor: "D1", Note: "不属本部门"},
				{At: june(1, 11, 30), Kind: matters.Approve, Actor: "S1", Ref: 5, Note: "同意"},
				{At: june(1, 12, 0), Kind: matters.Dispatch, Actor: "S1", Units: []string{tc.unit}, Override: "改派"},
				{At: june(4, 12, 0), Kind: matters.Accept, Actor: tc.unit},
			}
			f, res := gradeLead(t, abuseRoute, events...)
			if diff := cmp.Diff(got{72 * time.Hour, true, "poor"}, got{f.Response, f.Responded, res.Grade}); diff != "" {
				t.Errorf("mismatch (-want +got):\n%s", diff)
			}
		})
	}
}
