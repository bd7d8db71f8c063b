package matters_test

import (
	"slices"
	"testing"
	"time"

	"github.com/qingdan/qingdan/matters"
	"github.com/qingdan/qingdan/matters/workday"
)

// TestDueExtendedTooLong: an approved extension (延期) moves the lead's
// resolution clock, and so every urging and supervision it calls for;
// nothing bounded it — Extend asks for up to 365 working days at a time,
// and may ask again. An owner that approved its lead a year's extension
// right after the dispatch (on a matter of its own, or on a hotline's,
// where its approvals never move its own clock) had its lead graded on
// time and switched off the lead's supervision: the supervisor saw
// nothing, in Due's notes or anywhere else. With Supervision.ExtendDays,
// the approval that takes a dispatch's extensions beyond that many
// working days is supervised, once an approval, as a suspension beyond
// SuspendDays is; the zero setting keeps the old behaviour.
func TestDueExtendedTooLong(t *testing.T) {
	extend := func(when time.Time, days int) []matters.Event {
		e := tev(when, matters.Extend, lead)
		e.Days = days
		return []matters.Event{e, tev(when, matters.Approve, owner)}
	}
	accepted := slices.Concat(dispatchedAt(at(3, 4, 9, 0)), []matters.Event{tev(at(3, 4, 9, 30), matters.Accept, lead)})
	year := slices.Concat(accepted, extend(at(3, 4, 10, 0), 365))
	long := []got{{matters.Supervise, supervisor, "延期超限督办：批准延期累计逾 10 个工作日"}}
	report := tev(at(3, 4, 9, 0), matters.Report, hotline, owner)
	hotlines := slices.Concat([]matters.Event{report, tev(at(3, 4, 9, 0), matters.Whistle, owner), tev(at(3, 4, 9, 0), matters.Dispatch, owner, lead),
		tev(at(3, 4, 9, 30), matters.Accept, lead)}, extend(at(3, 4, 10, 0), 365))
	for _, tt := range []struct {
		name   string
		days   int // Supervision.ExtendDays
		events []matters.Event
		now    time.Time
		want   []got
	}{
		{"a year's extension, no limit set", 0, year, at(3, 5, 9, 0), nil},
		{"a year's extension", 10, year, at(3, 5, 9, 0), long},
		{"ten days, the limit", 10, slices.Concat(accepted, extend(at(3, 4, 10, 0), 10)), at(3, 5, 9, 0), nil},
		{"six days, then six more", 10, slices.Concat(accepted, extend(at(3, 4, 10, 0), 6), extend(at(3, 4, 11, 0), 6)), at(3, 5, 9, 0), long},
		{"supervised since the approval", 10, slices.Concat(year, []matters.Event{tev(at(3, 4, 11, 0), matters.Supervise, supervisor)}), at(3, 5, 9, 0), nil},
		{"supervised before the approval", 10, slices.Concat(accepted, []matters.Event{tev(at(3, 4, 9, 45), matters.Supervise, supervisor)}, extend(at(3, 4, 10, 0), 365)),
			at(3, 5, 9, 0), long},
		{"supervised for the limit, then extended again", 10, slices.Concat(year, []matters.Event{tev(at(3, 4, 11, 0), matters.Supervise, supervisor)},
			extend(at(3, 4, 12, 0), 5)), at(3, 5, 9, 0), long},
		{"a year's extension the owner of a hotline's matter approved its lead", 10, hotlines, at(3, 5, 9, 0), long},
		// The lead never accepted and is overdue: the clock's supervision
		// serves for the extension's.
		{"the lead's clock calls for a supervision too", 10, slices.Concat(dispatchedAt(at(3, 4, 9, 0)), extend(at(3, 4, 10, 0), 365)), at(3, 5, 9, 0),
			[]got{{matters.Urge, owner, "临期催办：应哨时限已用 75%"}, {matters.Supervise, supervisor, "超期督办：应哨超过时限"}}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			c := supervisedCatalog()
			c.Supervision.ExtendDays = tt.days
			scanOnce(t, c, timed(t, slices.Clone(tt.events)...), tt.now, tt.want)
		})
	}
}

// TestDueExtendedAfterTheDueTime pins a policy choice documented in
// docs/policy.md ("An extension approved after the due time counts in
// full"): an extension (延期) approved once the lead is overdue and
// supervised moves its resolution clock all the same, and so the
// escalation that clock calls for; the supervision made before it stays.
// Dispatched Monday 09:00 on 3 working days (72h), accepted at 1h:
// supervised at 73h; 5 more days approved at 81h. A scan at 120h returns
// nothing; without the extension, the escalation, due a working day past
// 72h. The extended clock, due at 192h, calls for its escalation after
// 216h: its overdue supervision is the one made at 73h.
func TestDueExtendedAfterTheDueTime(t *testing.T) {
	extension := extension(at(3, 7, 18, 0), 5)
	supervised := []got{{matters.Urge, owner, "临期催办：办结时限已用 75%"}, {matters.Supervise, supervisor, "超期督办：办结超过时限"}}
	escalated := []got{{matters.Supervise, supervisor, "升级督办：超期后又逾 1 个工作日"}}
	type scan struct {
		before []matters.Event // applied before the scan
		now    time.Time
		want   []got
	}
	for _, tt := range []struct {
		name  string
		scans []scan
	}{
		{"5 days approved at 81h", []scan{{nil, at(3, 7, 10, 0), supervised}, {extension, at(3, 11, 9, 0), nil},
			{nil, at(3, 14, 9, 1), nil}, {nil, at(3, 15, 9, 1), escalated}}},
		{"no extension", []scan{{nil, at(3, 7, 10, 0), supervised}, {nil, at(3, 11, 9, 0), escalated}}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			c, m := dueOnThursday(t)
			for _, s := range tt.scans {
				applyAt(t, c, m, s.before...)
				t.Run(s.now.Format("01-02 15:04"), func(t *testing.T) { scanOnce(t, c, m, s.now, s.want) })
			}
		})
	}
}

// dueOnThursday returns the supervised catalog with its route's
// resolution limit cut to 3 working days, and a matter dispatched on it at
// 09:00 on Monday 4 March and accepted at 10:00: its lead is due on
// Thursday 7 March at 09:00.
func dueOnThursday(t *testing.T) (*matters.Catalog, *matters.Matter) {
	t.Helper()
	c := supervisedCatalog()
	c.Directory.Routes[0].ResolveDays = 3
	return c, timed(t, slices.Concat(dispatchedAt(at(3, 4, 9, 0)), []matters.Event{tev(at(3, 4, 10, 0), matters.Accept, lead)})...)
}

// extension is the lead's request for days more (延期) and the owner's
// approval of it, both at when.
func extension(when time.Time, days int) []matters.Event {
	return []matters.Event{withDays(tev(when, matters.Extend, lead), days), tev(when, matters.Approve, owner)}
}

// applyAt applies events to m through c, each numbered next on m at its
// own time.
func applyAt(t *testing.T, c *matters.Catalog, m *matters.Matter, events ...matters.Event) {
	t.Helper()
	for _, e := range events {
		at := e.At
		e = next(m, e)
		e.At = at
		if err := c.Apply(workday.China(), m, e); err != nil {
			t.Fatalf("applying the %s: %v", e.Kind, err)
		}
	}
}
