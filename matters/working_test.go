package matters_test

import (
	"errors"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/qingdan/qingdan/internal/hardening/samples"
	"github.com/qingdan/qingdan/matters"
	"github.com/qingdan/qingdan/matters/workday"
)

// TestDueTimeOnTheLastDayOfTheData: a response due time that falls on the
// last day the calendar covers is known, though a working day after the
// dispatch is not: dispatched at 09:00 on 31 December 2027 with 4 hours to
// respond, the units are due at 13:00 (15:30 in office hours), and a limit
// that ends at the midnight closing the data is due then. Deadlines and
// Status failed with workday.ErrOutOfRange, looking a working day ahead
// for an instant a few hours on. A due time past the data is still
// ErrOutOfRange: the calendar never guesses.
func TestDueTimeOnTheLastDayOfTheData(t *testing.T) {
	last := func(hh, mm int) time.Time { return time.Date(2027, 12, 31, hh, mm, 0, 0, workday.CST()) }
	m := timed(t, dispatchedAt(last(9, 0))...)
	for _, tt := range []struct {
		name    string
		cal     *workday.Calendar
		respond time.Duration
		want    time.Time
	}{
		{"4 hours, the whole day working", workday.China(), 4 * time.Hour, last(13, 0)},
		{"4 hours in office hours", samples.OfficeHours(), 4 * time.Hour, last(15, 30)},
		{"to the midnight that ends the data", workday.China(), 15 * time.Hour, last(0, 0).AddDate(0, 0, 1)},
		{"past the data", workday.China(), 16 * time.Hour, time.Time{}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			r := matters.Route{Respond: tt.respond}
			dl, err := m.Deadlines(tt.cal, r)
			st, serr := m.Status(tt.cal, last(10, 0), r)
			if tt.want.IsZero() {
				if !errors.Is(err, workday.ErrOutOfRange) || !errors.Is(serr, workday.ErrOutOfRange) {
					t.Errorf("Deadlines, Status = %v, %v; want workday.ErrOutOfRange", err, serr)
				}
				return
			}
			if err != nil || serr != nil {
				t.Fatalf("Deadlines, Status = %v, %v; want no error", err, serr)
			}
			if diff := cmp.Diff(tt.want, dl.Respond); diff != "" {
				t.Errorf("Deadlines.Respond mismatch (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.want, st.Respond.Due); diff != "" {
				t.Errorf("Status.Respond.Due mismatch (-want +got):\n%s", diff)
			}
		})
	}
}
