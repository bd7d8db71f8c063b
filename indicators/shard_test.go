package indicators_test

import (
	"math/rand/v2"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/qingdan/qingdan/indicators"
	"github.com/qingdan/qingdan/matters"
	"github.com/qingdan/qingdan/matters/workday"
	"github.com/qingdan/qingdan/scoring"
	"github.com/shopspring/decimal"
)

// walk returns a valid history of matter id drawn at random from rng: at
// each step it tries a few events, keeping the first the matter accepts,
// so that matters are dispatched to one unit or several, accepted late or
// never, returned and dispatched again, reopened, answered (solved or
// not) and corrected, from March into April.
func walk(rng *rand.Rand, id string) *matters.Matter {
	units := []string{"s1", "s2", "a", "b", "c"}
	pick := func() string { return units[rng.IntN(len(units))] }
	kinds := []matters.Kind{matters.Whistle, matters.Dispatch, matters.Dispatch, matters.Dispatch, matters.Accept, matters.Accept,
		matters.Accept, matters.Resolve, matters.Resolve, matters.Close, matters.Feedback, matters.Feedback, matters.Reopen,
		matters.Reopen, matters.Return, matters.Return, matters.Approve, matters.Approve, matters.Deny, matters.Progress, matters.Urge}
	when := at(time.March, 20+rng.IntN(10), 9, 0)
	m := &matters.Matter{}
	owner := []string{"s1", "s2"}[rng.IntN(2)]
	if err := m.Apply(matters.Event{Matter: id, Seq: 1, At: when, Kind: matters.Report, Actor: owner, Type: []string{"噪音", "道路"}[rng.IntN(2)]}); err != nil {
		panic(err)
	}
	for range 6 + rng.IntN(14) {
		when = when.Add(time.Duration(rng.IntN(20)) * time.Hour)
		for range 20 {
			e := matters.Event{Matter: id, Seq: len(m.Events) + 1, At: when, Kind: kinds[rng.IntN(len(kinds))], Actor: pick()}
			e.Note = "n" + strconv.Itoa(e.Seq)
			switch e.Kind {
			case matters.Dispatch:
				for range 1 + rng.IntN(3) {
					if u := pick(); u != owner && !slices.Contains(e.Units, u) {
						e.Units = append(e.Units, u)
					}
				}
			case matters.Approve, matters.Deny:
				e.Ref = m.Pending.Seq
			case matters.Feedback:
				e.Satisfied = ptr(rng.IntN(2) == 0)
				if rng.IntN(3) > 0 {
					e.Solved = ptr(rng.IntN(2) == 0)
				}
				// A correction of the latest answer, or a first answer since
				// a Reopen: whichever the matter refuses, another try gives.
				for _, x := range m.Events {
					if x.Kind == matters.Feedback && rng.IntN(2) == 0 {
						e.Ref = x.Seq
					}
				}
			}
			if m.Apply(e) == nil {
				break
			}
		}
	}
	return m
}

// TestTallyShuffledAndSharded: over random histories, the figures of every
// grouping are the same whatever the order of the matters and of the
// grades, and whether Parts reads the matters all at once or in shards
// whose parts are put together: no figure depends on the order in which a
// host loads its matters.
func TestTallyShuffledAndSharded(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	var ms []*matters.Matter
	var grades []scoring.Evaluation
	for i := range 60 {
		m := walk(rng, "m"+strconv.Itoa(i))
		ms = append(ms, m)
		for _, u := range []string{"a", "b", "c"} {
			for range rng.IntN(3) {
				grades = append(grades, scoring.Evaluation{Matter: m.ID, Subject: u, Evaluator: []string{m.Owner, "s1", "s2"}[rng.IntN(3)],
					Stage: rng.IntN(2), At: at(time.April, 1+rng.IntN(3), 9, 0),
					Result: scoring.Result{Grade: "g", Points: decimal.NewFromInt(int64(40 + 15*rng.IntN(5)))}})
			}
		}
	}
	groups := map[string]func(indicators.Part) string{"unit": indicators.ByUnit, "lead": indicators.ByLead,
		"sub-district": indicators.BySubDistrict, "type": indicators.ByType, "month": indicators.ByMonth}
	streetMin := decimal.NewFromInt(85)
	all, err := indicators.Parts(workday.China(), ms, routes, grades)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][]indicators.Rates{}
	for name, group := range groups {
		want[name] = indicators.Tally(all, group, streetMin)
	}
	for round := range 20 {
		rng.Shuffle(len(ms), func(i, j int) { ms[i], ms[j] = ms[j], ms[i] })
		rng.Shuffle(len(grades), func(i, j int) { grades[i], grades[j] = grades[j], grades[i] })
		var ps []indicators.Part
		for lo := 0; lo < len(ms); {
			hi := min(len(ms), lo+1+rng.IntN(20))
			shard, err := indicators.Parts(workday.China(), ms[lo:hi], routes, grades)
			if err != nil {
				t.Fatal(err)
			}
			ps = append(ps, shard...)
			lo = hi
		}
		for name, group := range groups {
			if diff := cmp.Diff(want[name], indicators.Tally(ps, group, streetMin)); diff != "" {
				t.Fatalf("round %d, by %s: mismatch (-want +got):\n%s", round, name, diff)
			}
		}
	}
}
