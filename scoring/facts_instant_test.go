package scoring_test

import (
	"slices"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/qingdan/qingdan/matters"
	"github.com/qingdan/qingdan/matters/workday"
	"github.com/qingdan/qingdan/scoring"
)

// TestFactsForEventsAtOneInstant: a unit's response clock stops at its
// Accept, or at its approved Return, by the order of the history, not by
// the instant: events a host records at the same instant after it — the
// owner's approval of a return and a new dispatch to other units — belong
// to after the answer and leave it as it was, as they do a minute later. Before, FactsFor measured from the latest
// Dispatch at or before the instant of the answer, so a re-dispatch
// stamped with that instant made a unit's long wait a response of 0.
func TestFactsForEventsAtOneInstant(t *testing.T) {
	cal := workday.China()
	r := matters.Route{Type: "违法建设", Lead: "D1", Respond: 4 * time.Hour, ResolveDays: 3}
	answer := june(2, 9, 0)
	after := func(gap time.Duration, units ...string) []matters.Event {
		return []matters.Event{
			{At: answer.Add(gap), Kind: matters.Approve, Actor: "S1", Ref: 4, Note: "同意"},
			{At: answer.Add(gap), Kind: matters.Dispatch, Actor: "S1", Units: units, Note: "改派"},
		}
	}
	returned := append(dispatched(june(1, 9, 0)), matters.Event{At: answer, Kind: matters.Return, Actor: "D1", Note: "不属本部门"})
	supported := slices.Clone(returned)
	supported[2].Units = []string{"D1", "D2"}
	supported = slices.Insert(supported, 3, matters.Event{At: answer, Kind: matters.Accept, Actor: "D2"})
	for _, tc := range []struct {
		name   string
		unit   string
		events func(gap time.Duration) []matters.Event
	}{
		{"the lead returned, approved and dispatched to another unit", "D1", func(gap time.Duration) []matters.Event {
			return append(slices.Clone(returned), after(gap, "D2")...)
		}},
		{"a support unit accepted, the lead's return approved and the matter dispatched to another unit", "D2", func(gap time.Duration) []matters.Event {
			evs := append(slices.Clone(supported), after(gap, "D3")...)
			evs[len(evs)-2].Ref = 5
			return evs
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			facts := func(gap time.Duration) scoring.Facts {
				m := replay(t, "2020-0010", tc.events(gap)...)
				f, err := scoring.FactsFor(cal, m, tc.unit, r)
				if err != nil {
					t.Fatal(err)
				}
				return f
			}
			later, same := facts(time.Minute), facts(0)
			if later.Response != cal.Day() {
				t.Fatalf("a minute apart: response %v, want a working day, %v", later.Response, cal.Day())
			}
			if diff := cmp.Diff(later.Response, same.Response); diff != "" {
				t.Errorf("response at one instant: mismatch (-want +got):\n%s", diff)
			}
		})
	}
}
