package matters_test

import (
	"slices"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/qingdan/qingdan/matters"
	"github.com/qingdan/qingdan/matters/workday"
)

// TestDueSuspendedTooLong: an approved suspension stops the clocks until
// a Resume, and Catalog.Due called for nothing while it lasted — without
// bound. On a hotline's matter, an owner that approved its own lead's
// suspension (which stops no clock of the owner's) so switched off every
// urging and supervision of a matter whose owner's clock ran on. With
// Supervision.SuspendDays, a suspension that has lasted longer than that
// many working days from its approval is supervised, once; the zero
// setting keeps the old behaviour.
func TestDueSuspendedTooLong(t *testing.T) {
	cal := workday.China()
	report := tev(at(3, 4, 9, 0), matters.Report, hotline, owner)
	hotlineMatter := []matters.Event{report, tev(at(3, 4, 9, 30), matters.Whistle, owner), tev(at(3, 4, 10, 0), matters.Dispatch, owner, lead),
		tev(at(3, 4, 11, 0), matters.Accept, lead), tev(at(3, 5, 9, 0), matters.Suspend, lead), tev(at(3, 5, 10, 0), matters.Approve, owner)}
	ownMatter := slices.Concat(dispatchedAt(at(3, 4, 9, 0)), []matters.Event{tev(at(3, 4, 10, 0), matters.Accept, lead)},
		tapproved(at(3, 5, 9, 0), matters.Suspend, lead))
	// 10 working days from Tuesday 5 March 10:00 is Tuesday 19 March 10:00.
	type got struct {
		Kind  matters.Kind
		Actor string
		Note  string
	}
	long := []got{{matters.Supervise, supervisor, "挂起超期督办：挂起已逾 10 个工作日"}}
	for _, tt := range []struct {
		name   string
		days   int
		events []matters.Event
		now    time.Time
		want   []got
	}{
		{"a hotline's matter, its lead's suspension approved by the owner, six weeks on", 10, hotlineMatter, at(4, 15, 9, 0), long},
		{"a sub-district's matter, its lead's suspension approved by the owner, six weeks on", 10, ownMatter, at(4, 15, 9, 0), long},
		{"within the limit", 10, hotlineMatter, at(3, 19, 9, 0), nil},
		{"no limit set: nothing, as before", 0, hotlineMatter, at(4, 15, 9, 0), nil},
		{"resumed in time", 10, append(slices.Clone(ownMatter), tev(at(3, 8, 9, 0), matters.Resume, owner)), at(3, 8, 10, 0), nil},
		{"supervised since the approval already", 10, append(slices.Clone(ownMatter), tev(at(3, 20, 9, 0), matters.Supervise, supervisor)), at(4, 15, 9, 0), nil},
	} {
		t.Run(tt.name, func(t *testing.T) {
			c := supervisedCatalog()
			c.Supervision.SuspendDays = tt.days
			m := timed(t, slices.Clone(tt.events)...)
			due, err := c.Due(cal, tt.now, []*matters.Matter{m})
			if err != nil {
				t.Fatal(err)
			}
			var out []got
			for _, e := range due {
				out = append(out, got{e.Kind, e.Actor, e.Note})
				if err := c.Apply(cal, m, e); err != nil {
					t.Fatalf("applying the scan's %s: %v", e.Kind, err)
				}
			}
			if diff := cmp.Diff(tt.want, out); diff != "" {
				t.Errorf("due events mismatch (-want +got):\n%s", diff)
			}
			if again, err := c.Due(cal, tt.now, []*matters.Matter{m}); err != nil || len(again) > 0 {
				t.Errorf("a second scan returned %v, %v; want nothing", dueKinds(again), err)
			}
		})
	}
}
