package matters_test

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/qingdan/qingdan/matters"
	"github.com/qingdan/qingdan/matters/workday"
)

// TestCountsInMessages: an error that counts one of a thing says it in the
// singular — "1 working day", "1 time", "1 matter" — not "1 working days".
func TestCountsInMessages(t *testing.T) {
	cal := workday.China()
	// The last day the calendar covers: a count of one working day from it
	// runs past the data.
	last := func(hh, mm int) time.Time { return time.Date(2027, 12, 31, hh, mm, 0, 0, workday.CST()) }
	accepted := slices.Concat(dispatchedAt(last(9, 0)), []matters.Event{tev(last(9, 30), matters.Accept, lead)})
	resolved := slices.Concat(accepted, []matters.Event{tev(last(10, 0), matters.Resolve, lead)})
	// Dispatched the day before on a route of one working day and
	// suspended on the last day before its deadline, so that the route's
	// clocks are read and the lead not overdue.
	dispatched := last(11, 0).AddDate(0, 0, -1)
	suspended := slices.Concat(dispatchedAt(dispatched), []matters.Event{tev(dispatched.Add(30*time.Minute), matters.Accept, lead)},
		tapproved(last(10, 0), matters.Suspend, lead))

	c := supervisedCatalog()
	c.Supervision.FeedbackDays, c.Supervision.SuspendDays = 1, 1
	c.Directory.Routes[0].ResolveDays = 1
	var got []string // the last line of each error
	_, err := c.FeedbackLate(cal, timed(t, slices.Clone(resolved)...), last(10, 30))
	got = append(got, lastLine(err))
	ms := make([]*matters.Matter, 101) // one matter more than Due names
	for i := range ms {
		ms[i] = timed(t, slices.Clone(suspended)...)
	}
	_, err = c.Due(cal, last(10, 30), ms[:1])
	got = append(got, lastLine(err))
	_, err = c.Due(cal, last(10, 30), ms)
	got = append(got, lastLine(err))
	m, e := after(t, slices.Concat(hWhistled, []matters.Event{ev(matters.Dispatch, owner, lead), ev(matters.Accept, lead), ev(matters.Resolve, lead),
		ev(matters.Reopen, owner), ev(matters.Resolve, lead)}), ev(matters.Reopen, owner))
	got = append(got, lastLine(c.Apply(cal, m, e)))
	const past = "workday: date out of range: 1 working day after 2027-12-31 (CST) runs past the end of 2027, the edge of the data"
	want := []string{
		`matters: matter "M-1": return visit due 1 working day after seq 5: ` + past,
		`matters: due: matter "M-1": suspension limit 1 working day after 2027-12-31T10:00:00+08:00: ` + past,
		"matters: due: and 1 matter more",
		`matters: matter "M-1" seq 8 reopen by "赭山街道": reopened 1 time, the catalog's limit: the matter goes to supervision: transition not allowed`,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("messages mismatch (-want +got):\n%s", diff)
	}
}

// lastLine is the last line of err's message, "" for none.
func lastLine(err error) string {
	if err == nil {
		return ""
	}
	s := err.Error()
	return s[strings.LastIndex(s, "\n")+1:]
}
