package matters_test

import (
	"errors"
	"fmt"
	"slices"
	"testing"

	"github.com/qingdan/qingdan/matters"
)

// The roles of the walk: each actor's part in a matter the hotline
// reported for the owner, with a supervisor on record.
const supervisor = "区委督查室"

var roles = []struct{ code, unit string }{
	{"O", owner}, {"P", hotline}, {"S", supervisor}, {"L", lead}, {"U", sup1}, {"X", outside},
}

// walkFixtures are the states of the walk, as histories of a platform's
// matter dispatched to lead and sup1.
func walkFixtures() map[string][]matters.Event {
	report := ev(matters.Report, hotline, owner)
	report.Supervisor = supervisor
	reported := []matters.Event{report}
	whistled := append(slices.Clone(reported), ev(matters.Whistle, owner))
	dispatched := append(slices.Clone(whistled), ev(matters.Dispatch, owner, lead, sup1))
	accepted := append(slices.Clone(dispatched), ev(matters.Accept, lead))
	resolved := append(slices.Clone(accepted), ev(matters.Resolve, lead))
	return map[string][]matters.Event{
		"new":        nil,
		"reported":   reported,
		"whistled":   whistled,
		"dispatched": dispatched,
		"accepted":   accepted,
		"suspended":  slices.Concat(accepted, approved(matters.Suspend, lead)),
		"waiting":    append(slices.Clone(accepted), ev(matters.Suspend, lead)),
		"resolved":   resolved,
		"closed":     append(slices.Clone(resolved), ev(matters.Close, owner)),
	}
}

// transitionTable is the table of the package documentation, row by row:
// for each kind, the states (fixtures of walkFixtures) from which each
// role may do it. Footnotes of the table are spelt out: the lead in
// "accepted", "suspended" and "waiting" has accepted already; a lead's
// return is refused while suspended; no request while one waits.
var transitionTable = []struct {
	kind matters.Kind
	by   map[string][]string // role → fixtures
}{
	{matters.Report, map[string][]string{"O": {"new"}, "P": {"new"}, "S": {"new"}, "L": {"new"}, "U": {"new"}, "X": {"new"}}},
	{matters.Whistle, map[string][]string{"O": {"reported"}}},
	{matters.Dispatch, map[string][]string{"O": {"reported", "whistled"}}},
	{matters.Accept, map[string][]string{"L": {"dispatched"}, "U": {"dispatched", "accepted", "suspended", "waiting", "resolved"}}},
	{matters.Return, map[string][]string{"L": {"dispatched", "accepted"}, "U": {"dispatched", "accepted", "suspended"}, "O": {"reported", "whistled"}}},
	{matters.Suspend, map[string][]string{"L": {"dispatched", "accepted"}, "O": {"dispatched", "accepted"}, "P": {"dispatched", "accepted"}}},
	{matters.Extend, map[string][]string{"L": {"dispatched", "accepted", "suspended"}, "O": {"dispatched", "accepted", "suspended"}, "P": {"dispatched", "accepted", "suspended"}}},
	{matters.Approve, map[string][]string{"O": {"waiting"}, "P": {"waiting"}}},
	{matters.Deny, map[string][]string{"O": {"waiting"}, "P": {"waiting"}}},
	{matters.Resume, map[string][]string{"L": {"suspended"}, "O": {"suspended"}, "P": {"suspended"}}},
	{matters.Progress, map[string][]string{"L": {"accepted", "waiting"}, "U": {"accepted", "waiting"}, "O": {"dispatched", "accepted", "suspended", "waiting"}, "P": {"reported", "whistled", "dispatched", "accepted", "suspended", "waiting", "resolved"}}},
	{matters.Resolve, map[string][]string{"L": {"accepted", "waiting"}}},
	{matters.Reopen, map[string][]string{"O": {"resolved"}, "P": {"resolved"}}},
	{matters.Close, map[string][]string{"O": {"reported", "resolved"}}},
	{matters.Feedback, map[string][]string{"P": {"resolved", "closed"}}},
	{matters.Urge, map[string][]string{"O": {"dispatched", "accepted", "suspended", "waiting"}, "P": {"reported", "whistled", "dispatched", "accepted", "suspended", "waiting"}}},
	{matters.Supervise, map[string][]string{"S": {"reported", "whistled", "dispatched", "accepted", "suspended", "waiting", "resolved", "closed"}}},
	{matters.Reply, map[string][]string{"L": {"dispatched", "accepted", "suspended", "waiting", "resolved", "closed"}, "O": {"dispatched", "accepted", "suspended", "waiting", "resolved", "closed"}}},
}

// TestTransitionTable walks every row of the transition table: every kind,
// from every state, by every role, with a payload the kind accepts. An
// event the row allows is accepted; every other is refused with an
// *EventError wrapping ErrTransition or ErrActor, and changes nothing.
func TestTransitionTable(t *testing.T) {
	fixtures := walkFixtures()
	names := []string{"new", "reported", "whistled", "dispatched", "accepted", "suspended", "waiting", "resolved", "closed"}
	if len(names) != len(fixtures) {
		t.Fatalf("%d fixture names for %d fixtures", len(names), len(fixtures))
	}
	covered := map[matters.Kind]bool{}
	for _, row := range transitionTable {
		covered[row.kind] = true
		for _, state := range names {
			for _, r := range roles {
				allowed := slices.Contains(row.by[r.code], state)
				t.Run(fmt.Sprintf("%s/%s/%s", row.kind, state, r.code), func(t *testing.T) {
					m := &matters.Matter{}
					if h := fixtures[state]; len(h) > 0 {
						m = build(t, h...)
					}
					e := next(m, walkEvent(row.kind, r.unit))
					before := snapshot(m)
					err := m.Apply(e)
					switch {
					case allowed && err != nil:
						t.Fatalf("%s by %s (%s) from %s refused: %v", row.kind, r.code, r.unit, state, err)
					case !allowed && err == nil:
						t.Fatalf("%s by %s (%s) from %s accepted; the table does not allow it", row.kind, r.code, r.unit, state)
					case !allowed:
						var ee *matters.EventError
						if !errors.As(err, &ee) || !errors.Is(err, matters.ErrTransition) && !errors.Is(err, matters.ErrActor) {
							t.Errorf("refusal %v is not an *EventError for a transition or an actor", err)
						}
						sameMatter(t, "matter after a refused event", before, m)
					}
				})
			}
		}
	}
	for k := matters.Report; k <= matters.Reply; k++ {
		if !covered[k] {
			t.Errorf("the table has no row for %s", k)
		}
	}
}

// walkEvent is an event of kind by actor with the payload its kind needs;
// next fills in the Ref of a decision.
func walkEvent(kind matters.Kind, actor string) matters.Event {
	e := ev(kind, actor)
	switch kind {
	case matters.Dispatch:
		e.Units = []string{lead, sup1}
	case matters.Extend:
		e.Days = 2
	}
	return e
}
