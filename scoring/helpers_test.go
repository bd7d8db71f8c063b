package scoring_test

import (
	"testing"

	"github.com/qingdan/qingdan/matters"
	"github.com/qingdan/qingdan/matters/workday"
	"github.com/qingdan/qingdan/scoring"
)

// replay numbers events as those of matter id, in order, and replays them.
func replay(t testing.TB, id string, events ...matters.Event) *matters.Matter {
	t.Helper()
	for i := range events {
		events[i].Matter, events[i].Seq = id, i+1
	}
	m, err := matters.Replay(events)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// factsOf replays events as those of a matter and reads unit's facts on
// route r and the China calendar.
func factsOf(t testing.TB, unit string, r matters.Route, events ...matters.Event) scoring.Facts {
	t.Helper()
	f, err := scoring.FactsFor(workday.China(), replay(t, "M-facts", events...), unit, r)
	if err != nil {
		t.Fatal(err)
	}
	return f
}
