package scoring_test

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/qingdan/qingdan/matters"
)

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
