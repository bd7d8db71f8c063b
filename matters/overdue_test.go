package matters_test

import (
	"slices"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/qingdan/qingdan/internal/hardening/samples"
	"github.com/qingdan/qingdan/matters"
	"github.com/qingdan/qingdan/matters/workday"
)

// TestOverdueIsWorkingTimePastTheLimit: a clock is overdue once more
// working time than its limit has run (each subtest scans a matter not
// yet urged, so an overdue one is urged as well as supervised), which is what package scoring's
// facts call late (a figure over its limit), and Status and Catalog.Due
// say so at the same instants: not in the non-working time right after
// the due time — the lunch break, the evening, the weekend — where no
// working time has run past the limit, but from the first working instant
// after it. Before, both called a clock overdue from the nanosecond after
// its due time, so a lead that accepted in the lunch break after a due
// time of 12:00, on time by its facts, was supervised (超期督办) and
// graded down for it.
func TestOverdueIsWorkingTimePastTheLimit(t *testing.T) {
	office := samples.OfficeHours()
	c := supervisedCatalog() // 违法建设: 4h to respond, 5 working days to resolve
	urgeRespond := got{matters.Urge, owner, "临期催办：应哨时限已用 75%"}
	urgeResolve := got{matters.Urge, owner, "临期催办：办结时限已用 75%"}
	lateRespond := got{matters.Supervise, supervisor, "超期督办：应哨超过时限"}
	lateResolve := got{matters.Supervise, supervisor, "超期督办：办结超过时限"}
	// Dispatched Monday 4 March 11:00 in office hours: 11:00–12:00 1h and
	// 14:30–17:30 3h use the 4h limit at 17:30; nothing runs until
	// Tuesday 08:30.
	respond := dispatchedAt(at(3, 4, 11, 0))
	// Dispatched Monday 4 March 19:00, accepted Tuesday 09:00: the 5
	// working days, 5 × 6h30m = 32h30m, are used at 17:30 on Monday 11
	// March, due at the dispatch's clock time that day, 19:00 (AddDays);
	// nothing runs until Tuesday 12 March 08:30.
	resolve := append(dispatchedAt(at(3, 4, 19, 0)), tev(at(3, 5, 9, 0), matters.Accept, lead))
	tests := []struct {
		name    string
		events  []matters.Event
		now     time.Time
		used    time.Duration // of the clock that runs out
		alert   matters.Alert
		respond bool // the clock is the response clock
		want    []got
	}{
		{"the response limit used at 17:30", respond, at(3, 4, 17, 30), 4 * time.Hour, matters.ThreeQuarters, true, []got{urgeRespond}},
		{"the evening after", respond, at(3, 4, 20, 0), 4 * time.Hour, matters.ThreeQuarters, true, []got{urgeRespond}},
		{"the next morning as the office opens", respond, at(3, 5, 8, 30), 4 * time.Hour, matters.ThreeQuarters, true, []got{urgeRespond}},
		{"a minute into the next morning", respond, at(3, 5, 8, 31), 4*time.Hour + time.Minute, matters.Overdue, true, []got{urgeRespond, lateRespond}},
		{"the resolution limit used at 17:30", resolve, at(3, 11, 17, 30), 32*time.Hour + 30*time.Minute, matters.ThreeQuarters, false, []got{urgeResolve}},
		{"the resolution due time, 19:00", resolve, at(3, 11, 19, 0), 32*time.Hour + 30*time.Minute, matters.ThreeQuarters, false, []got{urgeResolve}},
		{"the evening after the resolution due time", resolve, at(3, 11, 20, 0), 32*time.Hour + 30*time.Minute, matters.ThreeQuarters, false, []got{urgeResolve}},
		{"a minute into the morning after", resolve, at(3, 12, 8, 31), 32*time.Hour + 31*time.Minute, matters.Overdue, false, []got{urgeResolve, lateResolve}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := timed(t, slices.Clone(tt.events)...)
			st, err := m.Status(office, tt.now, c.Directory.Routes[0])
			if err != nil {
				t.Fatal(err)
			}
			clock := st.Resolve
			if tt.respond {
				clock = st.Respond
			}
			if clock.Used != tt.used || clock.Alert != tt.alert {
				t.Errorf("Status: used %v, %s; want %v, %s", clock.Used, clock.Alert, tt.used, tt.alert)
			}
			if diff := cmp.Diff(tt.want, dueAlone(t, c, office, tt.now, m)); diff != "" {
				t.Errorf("Due mismatch (-want +got):\n%s", diff)
			}
		})
	}
	// On the whole-day calendar, the 4h of a dispatch at 20:00 on Friday
	// 8 March run out at midnight; nothing runs until Monday 00:00: not
	// overdue on the Saturday.
	m := timed(t, dispatchedAt(at(3, 8, 20, 0))...)
	for now, want := range map[time.Time]matters.Alert{at(3, 9, 10, 0): matters.ThreeQuarters, at(3, 11, 0, 1): matters.Overdue} {
		st, err := m.Status(workday.China(), now, c.Directory.Routes[0])
		if err != nil || st.Respond.Alert != want {
			t.Errorf("Status at %s: respond %s, %v; want %s", now, st.Respond.Alert, err, want)
		}
	}
}
