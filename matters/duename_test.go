package matters_test

import (
	"slices"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/qingdan/qingdan/matters"
	"github.com/qingdan/qingdan/matters/workday"
)

// TestDueNamesMatterOnce: an error of Due from a matter's clocks names the
// matter once, whichever clock failed.
func TestDueNamesMatterOnce(t *testing.T) {
	cal := workday.China()
	at := func(mo time.Month, d, hh int) time.Time { return time.Date(2027, mo, d, hh, 0, 0, 0, workday.CST()) }
	// Dispatched in late December on a route of 10 working days,
	// suspended and resumed: the paused clock's due time runs past 2027.
	paused := slices.Concat(dispatchedAt(at(12, 27, 9)), []matters.Event{tev(at(12, 27, 10), matters.Accept, lead)},
		tapproved(at(12, 28, 9), matters.Suspend, lead), []matters.Event{tev(at(12, 28, 10), matters.Resume, lead)})
	fresh := slices.Concat(dispatchedAt(at(12, 27, 9)), []matters.Event{tev(at(12, 27, 10), matters.Accept, lead)})
	c := supervisedCatalog()
	c.Directory.Routes[0].ResolveDays = 10
	report := tev(at(12, 30, 9), matters.Report, hotline, owner)
	report.Supervisor = supervisor
	var got []string
	for _, evs := range [][]matters.Event{paused, fresh, {report}} {
		now := at(12, 29, 10)
		if evs[0].Kind == matters.Report {
			now = time.Date(2028, 1, 3, 9, 0, 0, 0, workday.CST()) // past the calendar's data
		}
		_, err := c.Due(cal, now, []*matters.Matter{timed(t, slices.Clone(evs)...)})
		got = append(got, lastLine(err))
	}
	const past = "workday: date out of range: 10 working days after 2027-12-27 (CST) runs past the end of 2027, the edge of the data"
	want := []string{
		`matters: due: matters: matter "M-1": due time after the dispatch at 2027-12-27T09:00:00+08:00: ` + past,
		`matters: due: matters: matter "M-1": due time after the dispatch at 2027-12-27T09:00:00+08:00: ` + past,
		`matters: due: owner "赭山街道": matters: matter "M-1": working time from 2027-12-30T09:00:00+08:00 to 2028-01-03T09:00:00+08:00: ` +
			"workday: date out of range: 2028-01-03 (CST): the calendar covers 2019–2027",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("messages mismatch (-want +got):\n%s", diff)
	}
}
