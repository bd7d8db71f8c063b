package matters_test

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/qingdan/qingdan/matters"
	"github.com/qingdan/qingdan/matters/workday"
)

// TestRunningForNoUnitsOwnApprovals: a suspension or an extension that a
// unit approved itself stops or moves no clock of that unit. The owner of
// a hotline's matter approves its lead's requests: they stop the lead's
// clock (and Running's), not the owner's; the hotline's approvals stop
// both.
func TestRunningForNoUnitsOwnApprovals(t *testing.T) {
	cal := workday.China()
	type got struct {
		Running  map[string]time.Duration // by unit; "" is Running
		Extended map[string]int           // by unit; "" is ExtendedDays
	}
	for _, tt := range []struct {
		approver string
		want     got
	}{
		// Events a minute apart from t0; the suspension is approved at
		// minute 6 and resumed at minute 7: one minute of 20 stopped.
		{owner, got{
			Running:  map[string]time.Duration{"": 19 * time.Minute, owner: 20 * time.Minute, lead: 19 * time.Minute, hotline: 19 * time.Minute},
			Extended: map[string]int{"": 3, owner: 0, lead: 3, hotline: 3},
		}},
		{hotline, got{
			Running:  map[string]time.Duration{"": 19 * time.Minute, owner: 19 * time.Minute, lead: 19 * time.Minute, hotline: 20 * time.Minute},
			Extended: map[string]int{"": 3, owner: 3, lead: 3, hotline: 0},
		}},
	} {
		extend := ev(matters.Extend, lead)
		extend.Days = 3
		m := build(t,
			ev(matters.Report, hotline, owner), ev(matters.Whistle, owner), ev(matters.Dispatch, owner, lead), ev(matters.Accept, lead),
			ev(matters.Suspend, lead), ev(matters.Approve, tt.approver), ev(matters.Resume, lead),
			extend, ev(matters.Approve, tt.approver))
		g := got{Running: map[string]time.Duration{}, Extended: map[string]int{}}
		for _, unit := range []string{"", owner, lead, hotline} {
			d, err := m.RunningFor(cal, unit, t0, t0.Add(20*time.Minute))
			if err != nil {
				t.Fatal(err)
			}
			g.Running[unit], g.Extended[unit] = d, m.ExtendedDaysFor(unit)
		}
		if d, err := m.Running(cal, t0, t0.Add(20*time.Minute)); err != nil || d != g.Running[""] {
			t.Errorf("approved by %s: Running = %v, %v; want RunningFor with no unit, %v", tt.approver, d, err, g.Running[""])
		}
		if m.ExtendedDays() != g.Extended[""] {
			t.Errorf("approved by %s: ExtendedDays = %d; want ExtendedDaysFor with no unit, %d", tt.approver, m.ExtendedDays(), g.Extended[""])
		}
		if diff := cmp.Diff(tt.want, g); diff != "" {
			t.Errorf("approved by %s: mismatch (-want +got):\n%s", tt.approver, diff)
		}
	}
}
