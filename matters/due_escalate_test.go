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
	for _, tt := range []struct {
		name   string
		events []matters.Event
		now    time.Time
		want   []got
	}{
		{"response: at a working day past its due time", respond, at(3, 5, 13, 0), nil},
		{"response: a minute past that", respond, at(3, 5, 13, 1), escalated},
		{"response: a week on", respond, at(3, 11, 9, 0), escalated},
		{"resolution: at a working day past its due time", resolve, at(3, 12, 9, 0), nil},
		{"resolution: a minute past that", resolve, at(3, 12, 9, 1), escalated},
	} {
		t.Run(tt.name, func(t *testing.T) {
			scanOnce(t, supervisedCatalog(), timed(t, slices.Clone(tt.events)...), tt.now, tt.want)
		})
	}
}
