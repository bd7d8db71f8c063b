package matters_test

import (
	"slices"
	"testing"
	"time"

	"github.com/qingdan/qingdan/matters"
)

// TestDueEscalatesWhileSuspended: a lead late before its suspension is
// escalated while suspended (Catalog.Due's doc), EscalateDays working days
// past its due time, on the response clock as on the resolution clock.
// The response clock measured the escalation in running time, which the
// suspension stopped: a lead that never answered, supervised, and then
// suspended, was never escalated however long the suspension lasted.
func TestDueEscalatesWhileSuspended(t *testing.T) {
	supervised := tev(at(3, 4, 13, 15), matters.Supervise, supervisor)
	// Dispatched Monday 09:00, 4h to respond: overdue after 13:00 and
	// supervised at 13:15; suspended at 14:00, five hours on its clock.
	respond := slices.Concat(dispatchedAt(at(3, 4, 9, 0)), []matters.Event{tev(at(3, 4, 12, 0), matters.Urge, owner), supervised},
		tapproved(at(3, 4, 14, 0), matters.Suspend, lead))
	// Accepted at 10:00, 5 working days to resolve: overdue after Monday
	// 11 March 09:00 and supervised at 09:15; suspended at 10:00.
	resolve := slices.Concat(dispatchedAt(at(3, 4, 9, 0)), []matters.Event{tev(at(3, 4, 10, 0), matters.Accept, lead),
		tev(at(3, 8, 3, 0), matters.Urge, owner), tev(at(3, 11, 9, 15), matters.Supervise, supervisor)},
		tapproved(at(3, 11, 10, 0), matters.Suspend, lead))
	escalated := []got{{matters.Supervise, supervisor, "升级督办：超期后又逾 1 个工作日"}}
	scans(t, []scan{
		{"response: at a working day past its due time", respond, at(3, 5, 13, 0), nil},
		{"response: a minute past that", respond, at(3, 5, 13, 1), escalated},
		{"response: a week on", respond, at(3, 11, 9, 0), escalated},
		{"resolution: at a working day past its due time", resolve, at(3, 12, 9, 0), nil},
		{"resolution: a minute past that", resolve, at(3, 12, 9, 1), escalated},
	})
}

// scan is a matter's events, an instant to scan it at and what the scan
// calls for there.
type scan struct {
	name   string
	events []matters.Event
	now    time.Time
	want   []got
}

// scans runs each scan on supervisedCatalog (scanOnce).
func scans(t *testing.T, cases []scan) {
	t.Helper()
	for _, tt := range cases {
		t.Run(tt.name, func(t *testing.T) {
			scanOnce(t, supervisedCatalog(), timed(t, slices.Clone(tt.events)...), tt.now, tt.want)
		})
	}
}

// TestDueEscalatesTheOwnerWhileSuspended: the owner of a hotline's matter
// late on its own clock before a suspension the hotline approved is
// escalated while suspended, EscalateDays working days past its due time,
// as its lead is (TestDueEscalatesWhileSuspended). Its clock, measured in
// running time, put the escalation off for as long as the suspension
// lasted.
func TestDueEscalatesTheOwnerWhileSuspended(t *testing.T) {
	// Reported Monday 4 March 09:00, 5 working days to resolve: the
	// owner is overdue after Monday 11 March 09:00 and supervised at
	// 09:15; it asks to suspend at 10:00, and the hotline approves. Its
	// lead, dispatched at 10:00 on the 4th, stops at its limit exactly.
	events := []matters.Event{tev(at(3, 4, 9, 0), matters.Report, hotline, owner), tev(at(3, 4, 9, 30), matters.Whistle, owner),
		tev(at(3, 4, 10, 0), matters.Dispatch, owner, lead), tev(at(3, 4, 11, 0), matters.Accept, lead),
		tev(at(3, 8, 3, 0), matters.Urge, hotline, owner), tev(at(3, 8, 10, 0), matters.Urge, owner),
		tev(at(3, 11, 9, 15), matters.Supervise, supervisor, owner),
		tev(at(3, 11, 10, 0), matters.Suspend, owner), tev(at(3, 11, 10, 0), matters.Approve, hotline)}
	// Suspended a working day before its due time instead, from Tuesday
	// 09:00 to Wednesday 09:00: due a day later, Tuesday 12 March 09:00,
	// and escalated a working day after that (its lead, extended by the
	// owner, is not due).
	before := slices.Concat(events[:4], []matters.Event{withDays(tev(at(3, 4, 12, 0), matters.Extend, lead), 10), tev(at(3, 4, 12, 0), matters.Approve, owner),
		tev(at(3, 5, 9, 0), matters.Suspend, owner), tev(at(3, 5, 9, 0), matters.Approve, hotline),
		tev(at(3, 6, 9, 0), matters.Resume, hotline), tev(at(3, 8, 3, 0), matters.Urge, hotline, owner), tev(at(3, 8, 10, 0), matters.Urge, owner),
		tev(at(3, 12, 9, 15), matters.Supervise, supervisor, owner)})
	escalated := []got{{matters.Supervise, presses(supervisor, owner), "升级督办：超期后又逾 1 个工作日"}}
	scans(t, []scan{
		{"at a working day past its due time", events, at(3, 12, 9, 0), nil},
		{"a minute past that", events, at(3, 12, 9, 1), escalated},
		{"a week on", events, at(3, 18, 9, 0), escalated},
		{"suspended before the due time: at a working day past it", before, at(3, 13, 9, 0), nil},
		{"suspended before the due time: a minute past that", before, at(3, 13, 9, 1), escalated},
	})
}
