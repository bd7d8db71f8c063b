package matters_test

import (
	"slices"
	"testing"

	"github.com/qingdan/qingdan/matters"
)

// TestDueClosedDissatisfied: on a hotline's matter the owner's Close is
// final — nothing reopens a closed matter — so an owner graded by the
// hotline that closed its lead's Resolve at the same instant, or closed
// the matter at once without a dispatch, took the hotline's one recourse,
// a Reopen, away; its citizen's no at the return visit then reached no
// one: Due supervised a dissatisfied matter only once reopened to the
// catalog's limit, which an instant Close never reaches. A hotline's
// matter closed with its citizen's latest answer no is supervised, once;
// a matter with no platform is not (its owner heard the no and may
// reopen it: its own call), nor one still resolved (the hotline may
// reopen it).
func TestDueClosedDissatisfied(t *testing.T) {
	c := supervisedCatalog()
	report := tev(at(3, 4, 9, 0), matters.Report, hotline, owner)
	answer := func(e matters.Event, ok bool) matters.Event { e.Satisfied = &ok; return e }
	resolved := []matters.Event{report, tev(at(3, 4, 9, 30), matters.Whistle, owner), tev(at(3, 4, 10, 0), matters.Dispatch, owner, lead),
		tev(at(3, 4, 10, 1), matters.Accept, lead), tev(at(3, 4, 10, 2), matters.Resolve, lead)}
	closedAtOnce := slices.Concat(resolved, []matters.Event{tev(at(3, 4, 10, 2), matters.Close, owner)})
	no := answer(tev(at(3, 5, 9, 0), matters.Feedback, hotline), false)
	closedNote := []got{{matters.Supervise, supervisor, "平台转办事项已结案，市民不满意，转入督办"}}
	own := dispatchedAt(at(3, 4, 9, 0))
	own = slices.Concat(own, []matters.Event{tev(at(3, 4, 10, 1), matters.Accept, lead), tev(at(3, 4, 10, 2), matters.Resolve, lead),
		tev(at(3, 4, 10, 2), matters.Close, owner), answer(tev(at(3, 5, 9, 0), matters.Feedback, owner), false)})
	reopened := slices.Concat(resolved, []matters.Event{answer(tev(at(3, 4, 11, 0), matters.Feedback, hotline), false),
		tev(at(3, 4, 12, 0), matters.Reopen, hotline), tev(at(3, 4, 13, 0), matters.Resolve, lead), tev(at(3, 4, 13, 0), matters.Close, owner), no})
	for _, tt := range []struct {
		name   string
		events []matters.Event
		want   []got
	}{
		{"the lead's Resolve closed at the same instant, the citizen says no", append(slices.Clone(closedAtOnce), no), closedNote},
		{"closed at once without a dispatch, the citizen says no",
			[]matters.Event{report, tev(at(3, 4, 9, 1), matters.Close, owner), no}, closedNote},
		{"closed after its lead's return, the citizen says no",
			[]matters.Event{report, tev(at(3, 4, 10, 0), matters.Dispatch, owner, lead), tev(at(3, 4, 10, 1), matters.Return, lead),
				tev(at(3, 4, 10, 1), matters.Approve, owner), tev(at(3, 4, 10, 2), matters.Close, owner), no}, closedNote},
		{"the citizen said no before the Close", slices.Concat(resolved, []matters.Event{answer(tev(at(3, 4, 11, 0), matters.Feedback, hotline), false),
			tev(at(3, 4, 11, 0), matters.Close, owner)}), closedNote},
		{"a no corrected to yes after the Close", append(slices.Clone(closedAtOnce), no,
			func() matters.Event {
				e := answer(tev(at(3, 5, 10, 0), matters.Feedback, hotline), true)
				e.Ref, e.Note = 7, "市民更正"
				return e
			}()), nil},
		{"supervised since the answer", append(slices.Clone(closedAtOnce), no, tev(at(3, 5, 10, 0), matters.Supervise, supervisor)), nil},
		{"the citizen says yes", append(slices.Clone(closedAtOnce), answer(no, true)), nil},
		{"not asked", closedAtOnce, nil},
		{"resolved, not closed: the hotline may reopen it", append(slices.Clone(resolved), no), nil},
		{"no platform: the owner heard the no and closed it", own, nil},
		{"reopened to the limit: the limit's supervision, one", reopened, []got{{matters.Supervise, supervisor, "重办 1 次已达上限，市民仍不满意，转入督办"}}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			m := timed(t, slices.Clone(tt.events)...)
			scanOnce(t, c, m, at(3, 6, 9, 0), tt.want)
		})
	}
}
