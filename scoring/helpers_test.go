package scoring_test

import (
	"testing"

	"github.com/qingdan/qingdan/matters"
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
