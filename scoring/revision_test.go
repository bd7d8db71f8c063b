package scoring_test

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/qingdan/qingdan/accountability"
	"github.com/qingdan/qingdan/matters"
	"github.com/qingdan/qingdan/matters/workday"
	"github.com/qingdan/qingdan/scoring"
)

// TestGradedByTheRevisionDispatchedUnder: a matter dispatched under one
// revision of the governance matter list, and graded — and regraded —
// after the list changed, is graded by the route of the revision it was
// dispatched under, which its Dispatch recorded, not by today's.
func TestGradedByTheRevisionDispatchedUnder(t *testing.T) {
	cal := workday.China()
	at := func(m time.Month, d, h int) time.Time { return time.Date(2024, m, d, h, 0, 0, 0, workday.CST()) }
	adopted := func(eff time.Time) accountability.Adoption {
		return accountability.Adoption{Effective: eff, Status: accountability.Published, ApprovedBy: "区委编办", ApprovedAt: eff.AddDate(0, 0, -7)}
	}
	route := func(days int) []matters.Route {
		return []matters.Route{{Type: "占道经营", Lead: "D1", Respond: 4 * time.Hour, ResolveDays: days}}
	}
	v1 := &matters.Directory{Version: "2024-1", Adoption: adopted(at(1, 1, 0)), Routes: route(3)}
	c := &matters.Catalog{Directory: v1}

	// Dispatched in March under 2024-1 (3 working days); resolved after
	// 5 working days: late under the route it was dispatched under.
	m := &matters.Matter{}
	apply := func(e matters.Event) {
		t.Helper()
		e.Matter, e.Seq = "M-1", len(m.Events)+1
		if err := m.Apply(e); err != nil {
			t.Fatal(err)
		}
	}
	apply(matters.Event{At: at(3, 4, 9), Kind: matters.Report, Actor: "S1", Type: "占道经营"})
	apply(matters.Event{At: at(3, 4, 9), Kind: matters.Whistle, Actor: "S1"})
	e, err := c.At(at(3, 4, 10)).Directory.Dispatch(m, at(3, 4, 10))
	if err != nil {
		t.Fatal(err)
	}
	apply(e)
	apply(matters.Event{At: at(3, 4, 11), Kind: matters.Accept, Actor: "D1"})
	apply(matters.Event{At: at(3, 11, 10), Kind: matters.Resolve, Actor: "D1"})

	grade := func() scoring.Facts {
		t.Helper()
		r, err := c.RouteOf(m)
		if err != nil {
			t.Fatal(err)
		}
		f, err := scoring.FactsFor(cal, m, "D1", r)
		if err != nil {
			t.Fatal(err)
		}
		return f
	}
	first := grade()

	// The list changes: 2024-2 gives 10 working days from April, and a
	// later 2024-3 gives 1. The matter is regraded under each.
	for _, next := range []*matters.Directory{
		{Version: "2024-2", Adoption: adopted(at(4, 1, 0)), Routes: route(10)},
		{Version: "2024-3", Adoption: adopted(at(6, 1, 0)), Routes: route(1)},
	} {
		c.History.Directories = append(c.History.Directories, c.Directory)
		c.Directory = next
		again := grade()
		if diff := cmp.Diff(first, again); diff != "" {
			t.Errorf("regraded after %s took effect: facts mismatch (-first +again):\n%s", next.Version, diff)
		}
		today, err := scoring.FactsFor(cal, m, "D1", next.Routes[0])
		if err != nil {
			t.Fatal(err)
		}
		if today.ResolutionLimit == first.ResolutionLimit {
			t.Errorf("today's route %s gives the same limit; the test proves nothing", next.Version)
		}
	}
	if want := 3 * cal.Day(); first.ResolutionLimit != want || first.Resolution <= first.ResolutionLimit {
		t.Errorf("facts %+v: want the 3-day limit of 2024-1, exceeded", first)
	}
}
