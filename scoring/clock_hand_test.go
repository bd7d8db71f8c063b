package scoring_test

import (
	"errors"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/qingdan/qingdan/internal/hardening/samples"
	"github.com/qingdan/qingdan/matters"
	"github.com/qingdan/qingdan/matters/workday"
	"github.com/qingdan/qingdan/scoring"
)

// This file holds the clocks every grade is computed from, worked out by
// hand: FactsFor's figures, matters' Status at the instant of grading and
// Elapsed, on the State Council's calendar (the whole day a working day's
// hours) and on office hours (08:30–12:00 and 14:30–17:30, 6h30m a day).
// The owner is S, the lead L, a support unit SP, a second lead L2.

// onDate returns y-mm-dd hh:mm in China Standard Time.
func onDate(y, mm, dd, hh, min int) time.Time {
	return time.Date(y, time.Month(mm), dd, hh, min, 0, 0, workday.CST())
}

// d24 returns 2024-mm-dd hh:mm CST. 2024-03-04 is a Monday.
func d24(mm, dd, hh, min int) time.Time { return onDate(2024, mm, dd, hh, min) }

// hev is an event of kind by actor at when, to units.
func hev(when time.Time, kind matters.Kind, actor string, units ...string) matters.Event {
	e := matters.Event{At: when, Kind: kind, Actor: actor, Units: units}
	switch kind {
	case matters.Report:
		e.Type = "违法建设"
	case matters.Approve:
		e.Note = "同意"
	}
	return e
}

// happroved is a request of kind by actor at when (for days, if an Extend)
// and the owner's approval at the same instant, its Ref filled in by
// handMatter.
func happroved(when time.Time, kind matters.Kind, actor string, days int) []matters.Event {
	req := hev(when, kind, actor)
	req.Days = days
	return []matters.Event{req, hev(when, matters.Approve, "S")}
}

// hdispatched is a matter reported and whistled by S and dispatched to
// units at when.
func hdispatched(when time.Time, units ...string) []matters.Event {
	return []matters.Event{hev(when, matters.Report, "S"), hev(when, matters.Whistle, "S"), hev(when, matters.Dispatch, "S", units...)}
}

// handMatter numbers events and points each decision at the request before it.
func handMatter(t *testing.T, events ...[]matters.Event) *matters.Matter {
	t.Helper()
	var all []matters.Event
	for _, es := range events {
		all = append(all, es...)
	}
	request := 0
	for i := range all {
		all[i].Matter, all[i].Seq = "M-hand", i+1
		switch all[i].Kind {
		case matters.Suspend, matters.Extend, matters.Return:
			request = i + 1
		case matters.Approve, matters.Deny:
			all[i].Ref = request
		}
	}
	m, err := matters.Replay(all)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// clockFigures are the figures of Facts that the clocks give.
type clockFigures struct {
	Response, ResponseLimit     time.Duration
	Resolution, ResolutionLimit time.Duration
	Responded, Resolved         bool
	Returned, Final             bool
	Stage                       int
}

func figuresOf(f scoring.Facts) clockFigures {
	return clockFigures{f.Response, f.ResponseLimit, f.Resolution, f.ResolutionLimit, f.Responded, f.Resolved, f.Returned, f.Final, f.Stage}
}

const h, day = time.Hour, 24 * time.Hour

// TestClocksByHand: FactsFor's figures and Status's clocks at the matter's
// last event (the instant FactsFor grades at), each worked out by hand,
// and the two agreeing where they measure the same thing: the lead's
// Response and Resolution are Status's Respond.Used and Resolve.Used,
// and Elapsed at the instant; the limits are the clocks' Limits; a clock
// whose duty is done is Overdue exactly when FactsFor's figure is over
// its limit (onTime in a Table).
func TestClocksByHand(t *testing.T) {
	china, office := workday.China(), samples.OfficeHours()
	route := matters.Route{Type: "违法建设", Lead: "L", Respond: 4 * h, ResolveDays: 5}
	short := matters.Route{Type: "违法建设", Lead: "L", Respond: 2 * h, ResolveDays: 1}
	tests := []struct {
		name    string
		cal     *workday.Calendar
		route   matters.Route
		events  [][]matters.Event
		unit    string
		want    clockFigures
		respond matters.Clock // Status's at the last event, for the matter's lead
		resolve matters.Clock
	}{
		{
			// Friday 8 March 15:00 → 17:00 Accept: 2h. Resolve Monday
			// 10:00: Friday 15:00–24:00 9h + Monday 00:00–10:00 10h = 19h.
			// Limits 4h and 5 × 24h = 120h. Respond due 15:00 + 4h =
			// 19:00; resolve due the 5th working day on at 15:00:
			// Mon 11, Tue 12, Wed 13, Thu 14, Fri 15 March. 2/4 = 50%:
			// Half; 19/120 < 50%: OnTrack.
			name: "Friday afternoon dispatch resolved on Monday", cal: china, route: route, unit: "L",
			events: [][]matters.Event{hdispatched(d24(3, 8, 15, 0), "L"),
				{hev(d24(3, 8, 17, 0), matters.Accept, "L"), hev(d24(3, 11, 10, 0), matters.Resolve, "L")}},
			want:    clockFigures{2 * h, 4 * h, 19 * h, 120 * h, true, true, false, true, 0},
			respond: matters.Clock{Limit: 4 * h, Due: d24(3, 8, 19, 0), Used: 2 * h, Done: d24(3, 8, 17, 0), Alert: matters.Half},
			resolve: matters.Clock{Limit: 120 * h, Due: d24(3, 15, 15, 0), Used: 19 * h, Done: d24(3, 11, 10, 0), Alert: matters.OnTrack},
		},
		{
			// The same in office hours: Accept 15:00–17:00 = 2h; Resolve
			// Friday 15:00–17:30 2h30m + Monday 08:30–10:00 1h30m = 4h.
			// Limits 4h and 5 × 6h30m = 32h30m. Respond due: 2h30m on
			// Friday, 1h30m more from Monday 08:30 = Monday 10:00.
			name: "Friday afternoon dispatch resolved on Monday, office hours", cal: office, route: route, unit: "L",
			events: [][]matters.Event{hdispatched(d24(3, 8, 15, 0), "L"),
				{hev(d24(3, 8, 17, 0), matters.Accept, "L"), hev(d24(3, 11, 10, 0), matters.Resolve, "L")}},
			want:    clockFigures{2 * h, 4 * h, 4 * h, 32*h + 30*time.Minute, true, true, false, true, 0},
			respond: matters.Clock{Limit: 4 * h, Due: d24(3, 11, 10, 0), Used: 2 * h, Done: d24(3, 8, 17, 0), Alert: matters.Half},
			resolve: matters.Clock{Limit: 32*h + 30*time.Minute, Due: d24(3, 15, 15, 0), Used: 4 * h, Done: d24(3, 11, 10, 0), Alert: matters.OnTrack},
		},
		{
			// Dispatched Thursday 3 October 2024, inside the National Day
			// break (1–7 October off): nothing runs until Tuesday 8
			// October 00:00. Accept 03:00: 3h. Resolve Saturday 12
			// October, a make-up working day (调休上班), 12:00: 8, 9, 10,
			// 11 October 4 × 24h = 96h + 12h = 108h. Respond due 8
			// October 04:00; resolve due: counting starts at 8 October
			// 00:00 (顺延), the 5th working day on (9, 10, 11, 12, then
			// Monday 14: Sunday 13 is off) at 00:00. 3/4: ThreeQuarters;
			// 108/120 = 90%: ThreeQuarters.
			name: "dispatched inside a public holiday", cal: china, route: route, unit: "L",
			events: [][]matters.Event{hdispatched(d24(10, 3, 10, 0), "L"),
				{hev(d24(10, 8, 3, 0), matters.Accept, "L"), hev(d24(10, 12, 12, 0), matters.Resolve, "L")}},
			want:    clockFigures{3 * h, 4 * h, 108 * h, 120 * h, true, true, false, true, 0},
			respond: matters.Clock{Limit: 4 * h, Due: d24(10, 8, 4, 0), Used: 3 * h, Done: d24(10, 8, 3, 0), Alert: matters.ThreeQuarters},
			resolve: matters.Clock{Limit: 120 * h, Due: d24(10, 14, 0, 0), Used: 108 * h, Done: d24(10, 12, 12, 0), Alert: matters.ThreeQuarters},
		},
		{
			// Dispatched on Saturday 12 October 2024, a make-up working
			// day, 09:00. Accept 11:00: 2h. Resolve Monday 14 October
			// 09:00: Saturday 09:00–24:00 15h + Sunday off + Monday 9h =
			// 24h. Respond due 13:00; resolve due Friday 18 October
			// 09:00 (Mon 14, Tue 15, Wed 16, Thu 17, Fri 18).
			name: "dispatched on a make-up working Saturday", cal: china, route: route, unit: "L",
			events: [][]matters.Event{hdispatched(d24(10, 12, 9, 0), "L"),
				{hev(d24(10, 12, 11, 0), matters.Accept, "L"), hev(d24(10, 14, 9, 0), matters.Resolve, "L")}},
			want:    clockFigures{2 * h, 4 * h, 24 * h, 120 * h, true, true, false, true, 0},
			respond: matters.Clock{Limit: 4 * h, Due: d24(10, 12, 13, 0), Used: 2 * h, Done: d24(10, 12, 11, 0), Alert: matters.Half},
			resolve: matters.Clock{Limit: 120 * h, Due: d24(10, 18, 9, 0), Used: 24 * h, Done: d24(10, 14, 9, 0), Alert: matters.OnTrack},
		},
		{
			// Office hours, dispatched Monday 4 March 19:00, after hours:
			// nothing runs until Tuesday 08:30. Accept Tuesday 09:00:
			// 30m. Resolve Tuesday 18:30, after hours: 08:30–12:00 3h30m
			// + 14:30–17:30 3h = 6h30m, the whole limit (1 × 6h30m),
			// and before the due time, Tuesday 19:00 (a day on, at the
			// dispatch's clock time). 30m/2h < 50%: OnTrack; 100%:
			// ThreeQuarters, not overdue.
			name: "office hours: dispatched after hours, resolved after hours", cal: office, route: short, unit: "L",
			events: [][]matters.Event{hdispatched(d24(3, 4, 19, 0), "L"),
				{hev(d24(3, 5, 9, 0), matters.Accept, "L"), hev(d24(3, 5, 18, 30), matters.Resolve, "L")}},
			want:    clockFigures{30 * time.Minute, 2 * h, 6*h + 30*time.Minute, 6*h + 30*time.Minute, true, true, false, true, 0},
			respond: matters.Clock{Limit: 2 * h, Due: d24(3, 5, 10, 30), Used: 30 * time.Minute, Done: d24(3, 5, 9, 0), Alert: matters.OnTrack},
			resolve: matters.Clock{Limit: 6*h + 30*time.Minute, Due: d24(3, 5, 19, 0), Used: 6*h + 30*time.Minute, Done: d24(3, 5, 18, 30), Alert: matters.ThreeQuarters},
		},
		{
			// Office hours, dispatched Monday 4 March 10:00 on a 2h
			// limit, accepted at 12:30 in the lunch break: 10:00–12:00 =
			// 2h, the whole limit, no working time past it (the limit
			// runs out at 12:00 and nothing runs until 14:30): on time,
			// and not overdue though after the due time, 12:00. Resolve
			// 17:00: 2h + 14:30–17:00 2h30m = 4h30m of 6h30m (69%: Half).
			name: "office hours: accepted in the lunch break", cal: office, route: short, unit: "L",
			events: [][]matters.Event{hdispatched(d24(3, 4, 10, 0), "L"),
				{hev(d24(3, 4, 12, 30), matters.Accept, "L"), hev(d24(3, 4, 17, 0), matters.Resolve, "L")}},
			want:    clockFigures{2 * h, 2 * h, 4*h + 30*time.Minute, 6*h + 30*time.Minute, true, true, false, true, 0},
			respond: matters.Clock{Limit: 2 * h, Due: d24(3, 4, 12, 0), Used: 2 * h, Done: d24(3, 4, 12, 30), Alert: matters.ThreeQuarters},
			resolve: matters.Clock{Limit: 6*h + 30*time.Minute, Due: d24(3, 5, 10, 0), Used: 4*h + 30*time.Minute, Done: d24(3, 4, 17, 0), Alert: matters.Half},
		},
		{
			// Office hours, dispatched Monday 4 March 19:00 and resolved
			// Wednesday 6 March 08:20, before the office opens: the
			// 6h30m of Tuesday, the whole limit, after the due time
			// (Tuesday 19:00) but with no working time past the limit:
			// on time, not overdue.
			name: "office hours: resolved after the due time, before working time runs again", cal: office, route: short, unit: "L",
			events: [][]matters.Event{hdispatched(d24(3, 4, 19, 0), "L"),
				{hev(d24(3, 5, 9, 0), matters.Accept, "L"), hev(d24(3, 6, 8, 20), matters.Resolve, "L")}},
			want:    clockFigures{30 * time.Minute, 2 * h, 6*h + 30*time.Minute, 6*h + 30*time.Minute, true, true, false, true, 0},
			respond: matters.Clock{Limit: 2 * h, Due: d24(3, 5, 10, 30), Used: 30 * time.Minute, Done: d24(3, 5, 9, 0), Alert: matters.OnTrack},
			resolve: matters.Clock{Limit: 6*h + 30*time.Minute, Due: d24(3, 5, 19, 0), Used: 6*h + 30*time.Minute, Done: d24(3, 6, 8, 20), Alert: matters.ThreeQuarters},
		},
		{
			// Whole days: dispatched Friday 8 March 20:00, accepted
			// Saturday 9 March 10:00: Friday 20:00–24:00 = 4h, the whole
			// limit, run out at midnight (the due time); nothing runs on
			// the weekend: on time. Resolved Monday 11 March 01:00:
			// 4h + 1h = 5h.
			name: "accepted on the Saturday after a due time at Friday midnight", cal: china, route: route, unit: "L",
			events: [][]matters.Event{hdispatched(d24(3, 8, 20, 0), "L"),
				{hev(d24(3, 9, 10, 0), matters.Accept, "L"), hev(d24(3, 11, 1, 0), matters.Resolve, "L")}},
			want:    clockFigures{4 * h, 4 * h, 5 * h, 120 * h, true, true, false, true, 0},
			respond: matters.Clock{Limit: 4 * h, Due: d24(3, 9, 0, 0), Used: 4 * h, Done: d24(3, 9, 10, 0), Alert: matters.ThreeQuarters},
			resolve: matters.Clock{Limit: 120 * h, Due: d24(3, 15, 20, 0), Used: 5 * h, Done: d24(3, 11, 1, 0), Alert: matters.OnTrack},
		},
		{
			// Suspended over a weekend: dispatched Thursday 7 March
			// 10:00, accepted 11:00 (1h), suspension approved Friday
			// 12:00, resumed Monday 11 March 12:00, resolved Tuesday 12
			// March 10:00. Running: Thursday 10:00–24:00 14h + Friday
			// 00:00–12:00 12h + Monday 12:00–24:00 12h + Tuesday 10h =
			// 48h. Resolve due: Thursday 14 March 10:00 moved by the 24
			// working hours suspended (Friday 12h, Monday 12h) = Friday
			// 15 March 10:00. 48/120 = 40%.
			name: "a suspension spanning a weekend, resumed", cal: china, route: route, unit: "L",
			events: [][]matters.Event{hdispatched(d24(3, 7, 10, 0), "L"), {hev(d24(3, 7, 11, 0), matters.Accept, "L")},
				happroved(d24(3, 8, 12, 0), matters.Suspend, "L", 0),
				{hev(d24(3, 11, 12, 0), matters.Resume, "S"), hev(d24(3, 12, 10, 0), matters.Resolve, "L")}},
			want:    clockFigures{1 * h, 4 * h, 48 * h, 120 * h, true, true, false, true, 0},
			respond: matters.Clock{Limit: 4 * h, Due: d24(3, 7, 14, 0), Used: 1 * h, Done: d24(3, 7, 11, 0), Alert: matters.OnTrack},
			resolve: matters.Clock{Limit: 120 * h, Due: d24(3, 15, 10, 0), Used: 48 * h, Done: d24(3, 12, 10, 0), Alert: matters.OnTrack},
		},
		{
			// Two suspensions in office hours: dispatched Monday 4 March
			// 09:00, accepted 09:30 (30m); suspended 10:00–11:00 and
			// 15:00–Tuesday 09:00; resolved Tuesday 10:00. Running:
			// 09:00–10:00 1h + 11:00–12:00 1h + 14:30–15:00 30m +
			// Tuesday 09:00–10:00 1h = 3h30m of 6h30m (54%: Half).
			// Respond due: 1h ran to 10:00, 1h more from 11:00 = 12:00.
			// Resolve due: 2h30m ran before the second suspension, 4h
			// left from Tuesday 09:00: 09:00–12:00 3h, 14:30–15:30 1h =
			// Tuesday 15:30.
			name: "two suspensions, office hours", cal: office, route: short, unit: "L",
			events: [][]matters.Event{hdispatched(d24(3, 4, 9, 0), "L"), {hev(d24(3, 4, 9, 30), matters.Accept, "L")},
				happroved(d24(3, 4, 10, 0), matters.Suspend, "L", 0), {hev(d24(3, 4, 11, 0), matters.Resume, "L")},
				happroved(d24(3, 4, 15, 0), matters.Suspend, "L", 0),
				{hev(d24(3, 5, 9, 0), matters.Resume, "S"), hev(d24(3, 5, 10, 0), matters.Resolve, "L")}},
			want:    clockFigures{30 * time.Minute, 2 * h, 3*h + 30*time.Minute, 6*h + 30*time.Minute, true, true, false, true, 0},
			respond: matters.Clock{Limit: 2 * h, Due: d24(3, 4, 12, 0), Used: 30 * time.Minute, Done: d24(3, 4, 9, 30), Alert: matters.OnTrack},
			resolve: matters.Clock{Limit: 6*h + 30*time.Minute, Due: d24(3, 5, 15, 30), Used: 3*h + 30*time.Minute, Done: d24(3, 5, 10, 0), Alert: matters.Half},
		},
		{
			// A suspension approved Tuesday 5 March 09:00 and not
			// resumed when the owner urges on Thursday 7 March 12:00,
			// the last event: the clock stopped at 24h (Monday 09:00 to
			// Tuesday 09:00); the resolve due time is unknown while it is
			// stopped short of its limit (zero).
			name: "a suspension not resumed at the instant of grading", cal: china, route: route, unit: "L",
			events: [][]matters.Event{hdispatched(d24(3, 4, 9, 0), "L"), {hev(d24(3, 4, 10, 0), matters.Accept, "L")},
				happroved(d24(3, 5, 9, 0), matters.Suspend, "L", 0), {hev(d24(3, 7, 12, 0), matters.Urge, "S")}},
			want:    clockFigures{1 * h, 4 * h, 24 * h, 120 * h, true, false, false, false, 0},
			respond: matters.Clock{Limit: 4 * h, Due: d24(3, 4, 13, 0), Used: 1 * h, Done: d24(3, 4, 10, 0), Alert: matters.OnTrack},
			resolve: matters.Clock{Limit: 120 * h, Used: 24 * h, Alert: matters.OnTrack},
		},
		{
			// 2 working days, extended by 3 approved on Tuesday 5 March,
			// before the due time (Wednesday 6 March 09:00): limit 5 ×
			// 24h = 120h, due Monday 11 March 09:00. Resolved Friday 8
			// March 09:00: 4 days = 96h, 80%.
			name: "an extension approved before the due time", cal: china,
			route: matters.Route{Type: "违法建设", Lead: "L", Respond: 4 * h, ResolveDays: 2}, unit: "L",
			events:  extendedAt(d24(3, 5, 10, 0)),
			want:    clockFigures{1 * h, 4 * h, 96 * h, 120 * h, true, true, false, true, 0},
			respond: matters.Clock{Limit: 4 * h, Due: d24(3, 4, 13, 0), Used: 1 * h, Done: d24(3, 4, 10, 0), Alert: matters.OnTrack},
			resolve: matters.Clock{Limit: 120 * h, Due: d24(3, 11, 9, 0), Used: 96 * h, Done: d24(3, 8, 9, 0), Alert: matters.ThreeQuarters},
		},
		{
			// The same extension approved Thursday 7 March, after the
			// due time: the same figures (the matter was overdue from
			// Wednesday 09:00 until the approval, and is no longer).
			name: "an extension approved after the due time", cal: china,
			route: matters.Route{Type: "违法建设", Lead: "L", Respond: 4 * h, ResolveDays: 2}, unit: "L",
			events:  extendedAt(d24(3, 7, 10, 0)),
			want:    clockFigures{1 * h, 4 * h, 96 * h, 120 * h, true, true, false, true, 0},
			respond: matters.Clock{Limit: 4 * h, Due: d24(3, 4, 13, 0), Used: 1 * h, Done: d24(3, 4, 10, 0), Alert: matters.OnTrack},
			resolve: matters.Clock{Limit: 120 * h, Due: d24(3, 11, 9, 0), Used: 96 * h, Done: d24(3, 8, 9, 0), Alert: matters.ThreeQuarters},
		},
		{
			// Dispatched Monday 4 March 09:00 to L with SP; L accepts at
			// 10:00 and asks at 11:00 to return the matter, approved at
			// once; S dispatches to L2 on Tuesday 5 March 09:00, which
			// accepts at 11:00 and resolves Wednesday 6 March 09:00. L2's
			// clocks start at its dispatch: response 2h, resolution 24h;
			// Status, whose lead is L2, agrees, respond due Tuesday
			// 13:00, resolve due Tuesday 12 March 09:00.
			name: "a return approved, then a re-dispatch to another lead: the second lead", cal: china, route: route, unit: "L2",
			events:  redispatched(),
			want:    clockFigures{2 * h, 4 * h, 24 * h, 120 * h, true, true, false, true, 0},
			respond: matters.Clock{Limit: 4 * h, Due: d24(3, 5, 13, 0), Used: 2 * h, Done: d24(3, 5, 11, 0), Alert: matters.Half},
			resolve: matters.Clock{Limit: 120 * h, Due: d24(3, 12, 9, 0), Used: 24 * h, Done: d24(3, 6, 9, 0), Alert: matters.OnTrack},
		},
		{
			// The first lead of that matter: it accepted after 1h and
			// returned it; its resolution is the matter's, from the
			// re-dispatch (Tuesday 09:00) to the Resolve (documented:
			// a re-dispatch after the lead's return restarts the clock).
			name: "a return approved, then a re-dispatch to another lead: the first lead", cal: china, route: route, unit: "L",
			events:  redispatched(),
			want:    clockFigures{1 * h, 4 * h, 24 * h, 120 * h, true, true, true, true, 0},
			respond: matters.Clock{Limit: 4 * h, Due: d24(3, 5, 13, 0), Used: 2 * h, Done: d24(3, 5, 11, 0), Alert: matters.Half},
			resolve: matters.Clock{Limit: 120 * h, Due: d24(3, 12, 9, 0), Used: 24 * h, Done: d24(3, 6, 9, 0), Alert: matters.OnTrack},
		},
		{
			// The support unit of the first dispatch, which never
			// accepted: the approval of its lead's return took it off
			// the matter on Monday 11:00, 2h after the dispatch naming
			// it; its response so far ends there, not at the last event
			// measured from a dispatch that does not name it (24h).
			name: "a return approved, then a re-dispatch to another lead: the support unit taken off", cal: china, route: route, unit: "SP",
			events:  redispatched(),
			want:    clockFigures{2 * h, 4 * h, 24 * h, 120 * h, false, true, false, true, 0},
			respond: matters.Clock{Limit: 4 * h, Due: d24(3, 5, 13, 0), Used: 2 * h, Done: d24(3, 5, 11, 0), Alert: matters.Half},
			resolve: matters.Clock{Limit: 120 * h, Due: d24(3, 12, 9, 0), Used: 24 * h, Done: d24(3, 6, 9, 0), Alert: matters.OnTrack},
		},
		{
			// A support unit's own response: dispatched Monday 4 March
			// 09:00 to L and SP; L accepts at 10:00 (1h), SP at 12:30
			// (3h30m), L resolves Tuesday 09:00 (24h). SP's Response is
			// its own; Status's respond clock is the lead's.
			name: "a support unit's own response", cal: china, route: route, unit: "SP",
			events: [][]matters.Event{hdispatched(d24(3, 4, 9, 0), "L", "SP"),
				{hev(d24(3, 4, 10, 0), matters.Accept, "L"), hev(d24(3, 4, 12, 30), matters.Accept, "SP"), hev(d24(3, 5, 9, 0), matters.Resolve, "L")}},
			want:    clockFigures{3*h + 30*time.Minute, 4 * h, 24 * h, 120 * h, true, true, false, true, 0},
			respond: matters.Clock{Limit: 4 * h, Due: d24(3, 4, 13, 0), Used: 1 * h, Done: d24(3, 4, 10, 0), Alert: matters.OnTrack},
			resolve: matters.Clock{Limit: 120 * h, Due: d24(3, 11, 9, 0), Used: 24 * h, Done: d24(3, 5, 9, 0), Alert: matters.OnTrack},
		},
		{
			// A stage (分时段) of a matter not resolved: dispatched Monday
			// 4 March 09:00, accepted 10:00, a stage reported Wednesday
			// 6 March 15:00, the last event: resolution so far 54h
			// (Monday 15h + Tuesday 24h + Wednesday 15h), Stage 1, not
			// Final. 54/120 = 45%: OnTrack.
			name: "a stage of a matter not resolved", cal: china, route: route, unit: "L",
			events: [][]matters.Event{hdispatched(d24(3, 4, 9, 0), "L"),
				{hev(d24(3, 4, 10, 0), matters.Accept, "L"), hev(d24(3, 6, 15, 0), matters.Progress, "L")}},
			want:    clockFigures{1 * h, 4 * h, 54 * h, 120 * h, true, false, false, false, 1},
			respond: matters.Clock{Limit: 4 * h, Due: d24(3, 4, 13, 0), Used: 1 * h, Done: d24(3, 4, 10, 0), Alert: matters.OnTrack},
			resolve: matters.Clock{Limit: 120 * h, Due: d24(3, 11, 9, 0), Used: 54 * h, Alert: matters.OnTrack},
		},
		{
			// A route with no limits: the figures are still measured
			// (1h, 24h); the limits are 0, "no limit"; Status's clocks
			// keep only Done.
			name: "limits of zero", cal: china, route: matters.Route{Type: "违法建设", Lead: "L"}, unit: "L",
			events: [][]matters.Event{hdispatched(d24(3, 4, 9, 0), "L"),
				{hev(d24(3, 4, 10, 0), matters.Accept, "L"), hev(d24(3, 5, 9, 0), matters.Resolve, "L")}},
			want:    clockFigures{1 * h, 0, 24 * h, 0, true, true, false, true, 0},
			respond: matters.Clock{Done: d24(3, 4, 10, 0)},
			resolve: matters.Clock{Done: d24(3, 5, 9, 0)},
		},
		{
			// Both duties met at exactly their due instants: accepted at
			// 13:00 (4h after 09:00) and resolved Monday 11 March 09:00
			// (5 × 24h). Used equals the limit: on time, not overdue.
			name: "at exactly the due instants", cal: china, route: route, unit: "L",
			events: [][]matters.Event{hdispatched(d24(3, 4, 9, 0), "L"),
				{hev(d24(3, 4, 13, 0), matters.Accept, "L"), hev(d24(3, 11, 9, 0), matters.Resolve, "L")}},
			want:    clockFigures{4 * h, 4 * h, 120 * h, 120 * h, true, true, false, true, 0},
			respond: matters.Clock{Limit: 4 * h, Due: d24(3, 4, 13, 0), Used: 4 * h, Done: d24(3, 4, 13, 0), Alert: matters.ThreeQuarters},
			resolve: matters.Clock{Limit: 120 * h, Due: d24(3, 11, 9, 0), Used: 120 * h, Done: d24(3, 11, 9, 0), Alert: matters.ThreeQuarters},
		},
		{
			// A nanosecond after each: 4h + 1ns and 120h + 1ns, late and
			// overdue.
			name: "a nanosecond past the due instants", cal: china, route: route, unit: "L",
			events: [][]matters.Event{hdispatched(d24(3, 4, 9, 0), "L"),
				{hev(d24(3, 4, 13, 0).Add(1), matters.Accept, "L"), hev(d24(3, 11, 9, 0).Add(1), matters.Resolve, "L")}},
			want:    clockFigures{4*h + 1, 4 * h, 120*h + 1, 120 * h, true, true, false, true, 0},
			respond: matters.Clock{Limit: 4 * h, Due: d24(3, 4, 13, 0), Used: 4*h + 1, Done: d24(3, 4, 13, 0).Add(1), Alert: matters.Overdue},
			resolve: matters.Clock{Limit: 120 * h, Due: d24(3, 11, 9, 0), Used: 120*h + 1, Done: d24(3, 11, 9, 0).Add(1), Alert: matters.Overdue},
		},
		{
			// Across the year: dispatched Tuesday 31 December 2024
			// 10:00, 1 January 2025 off, resolved Thursday 2 January
			// 10:00: 14h + 10h = 24h. Accepted 31 December 23:00: 13h,
			// late on 4h (due 14:00). Resolve due: 31 December 2024 then
			// 2, 3, 6, 7, 8 January 2025 (4–5 January a weekend), so the
			// 5th working day on is Wednesday 8 January 10:00.
			name: "across the year boundary", cal: china, route: route, unit: "L",
			events: [][]matters.Event{hdispatched(onDate(2024, 12, 31, 10, 0), "L"),
				{hev(onDate(2024, 12, 31, 23, 0), matters.Accept, "L"), hev(onDate(2025, 1, 2, 10, 0), matters.Resolve, "L")}},
			want:    clockFigures{13 * h, 4 * h, 24 * h, 120 * h, true, true, false, true, 0},
			respond: matters.Clock{Limit: 4 * h, Due: onDate(2024, 12, 31, 14, 0), Used: 13 * h, Done: onDate(2024, 12, 31, 23, 0), Alert: matters.Overdue},
			resolve: matters.Clock{Limit: 120 * h, Due: onDate(2025, 1, 8, 10, 0), Used: 24 * h, Done: onDate(2025, 1, 2, 10, 0), Alert: matters.OnTrack},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := handMatter(t, tt.events...)
			f, err := scoring.FactsFor(tt.cal, m, tt.unit, tt.route)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, figuresOf(f)); diff != "" {
				t.Errorf("FactsFor mismatch (-want +got):\n%s", diff)
			}
			last := m.Events[len(m.Events)-1].At
			st, err := m.Status(tt.cal, last, tt.route)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff([]matters.Clock{tt.respond, tt.resolve}, []matters.Clock{st.Respond, st.Resolve}); diff != "" {
				t.Errorf("Status clocks mismatch (-want +got):\n%s", diff)
			}
			if tt.unit != m.Lead {
				return
			}
			// Where they measure the same thing, they agree.
			if st.Respond.Limit != f.ResponseLimit || st.Resolve.Limit != f.ResolutionLimit {
				t.Errorf("limits: Status %v, %v; FactsFor %v, %v", st.Respond.Limit, st.Resolve.Limit, f.ResponseLimit, f.ResolutionLimit)
			}
			if tt.route.Respond > 0 && st.Respond.Used != f.Response || tt.route.ResolveDays > 0 && st.Resolve.Used != f.Resolution {
				t.Errorf("used: Status %v, %v; FactsFor %v, %v", st.Respond.Used, st.Resolve.Used, f.Response, f.Resolution)
			}
			if !f.Resolved {
				if el, err := m.Elapsed(tt.cal, last); err != nil || el != f.Resolution {
					t.Errorf("Elapsed at the last event = %v, %v; FactsFor's Resolution %v", el, err, f.Resolution)
				}
			}
			for _, c := range []struct {
				name        string
				clock       matters.Clock
				done        bool
				actual, lim time.Duration
			}{{"response", st.Respond, f.Responded, f.Response, f.ResponseLimit}, {"resolution", st.Resolve, f.Resolved, f.Resolution, f.ResolutionLimit}} {
				if c.done && c.lim > 0 && (c.clock.Alert == matters.Overdue) != (c.actual > c.lim) {
					t.Errorf("%s: Status says %s, FactsFor %v of %v", c.name, c.clock.Alert, c.actual, c.lim)
				}
			}
		})
	}
}

// extendedAt is a matter dispatched to L on Monday 4 March 09:00,
// accepted at 10:00, extended by 3 working days approved at when and
// resolved Friday 8 March 09:00.
func extendedAt(when time.Time) [][]matters.Event {
	return [][]matters.Event{hdispatched(d24(3, 4, 9, 0), "L"), {hev(d24(3, 4, 10, 0), matters.Accept, "L")},
		happroved(when, matters.Extend, "L", 3), {hev(d24(3, 8, 9, 0), matters.Resolve, "L")}}
}

// redispatched is a matter dispatched to L and SP, returned by L
// (approved) and dispatched to L2, which resolves it.
func redispatched() [][]matters.Event {
	return [][]matters.Event{hdispatched(d24(3, 4, 9, 0), "L", "SP"), {hev(d24(3, 4, 10, 0), matters.Accept, "L")},
		happroved(d24(3, 4, 11, 0), matters.Return, "L", 0),
		{hev(d24(3, 5, 9, 0), matters.Dispatch, "S", "L2"), hev(d24(3, 5, 11, 0), matters.Accept, "L2"), hev(d24(3, 6, 9, 0), matters.Resolve, "L2")}}
}

// TestClocksByHandOutOfRange: a year the calendar has no schedule for is
// an error wrapping workday.ErrOutOfRange, from FactsFor, Elapsed, Status
// and Deadlines alike, not a silent guess: 2028 is past the embedded
// notices (2019–2027), and a matter dispatched on Friday 31 December 2027
// and resolved on Monday 3 January 2028 crosses into it.
func TestClocksByHandOutOfRange(t *testing.T) {
	route := matters.Route{Type: "违法建设", Lead: "L", Respond: 4 * h, ResolveDays: 5}
	for _, tc := range []struct {
		name   string
		events [][]matters.Event
	}{
		{"a year without a schedule", [][]matters.Event{hdispatched(onDate(2028, 1, 3, 9, 0), "L"),
			{hev(onDate(2028, 1, 3, 10, 0), matters.Accept, "L")}}},
		{"into a year without a schedule", [][]matters.Event{hdispatched(onDate(2027, 12, 31, 9, 0), "L"),
			{hev(onDate(2027, 12, 31, 10, 0), matters.Accept, "L"), hev(onDate(2028, 1, 3, 10, 0), matters.Resolve, "L")}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := handMatter(t, tc.events...)
			last := m.Events[len(m.Events)-1].At
			_, factsErr := scoring.FactsFor(workday.China(), m, "L", route)
			_, elapsedErr := m.Elapsed(workday.China(), last)
			_, statusErr := m.Status(workday.China(), last, route)
			_, deadlinesErr := m.Deadlines(workday.China(), route)
			for name, err := range map[string]error{"FactsFor": factsErr, "Elapsed": elapsedErr, "Status": statusErr, "Deadlines": deadlinesErr} {
				if !errors.Is(err, workday.ErrOutOfRange) {
					t.Errorf("%s: error %v, want one wrapping workday.ErrOutOfRange", name, err)
				}
			}
		})
	}
}
