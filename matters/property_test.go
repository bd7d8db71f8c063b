package matters_test

import (
	"errors"
	"math/rand"
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/qingdan/qingdan/matters"
)

// actors are the units that random events are drawn from.
var actors = []string{owner, lead, sup1, sup2, outside, hotline}

// randomEvent returns an event for m with a random kind, actor and units,
// the next Seq and a time a little after the last event; legal or not.
func randomEvent(r *rand.Rand, m *matters.Matter, last time.Time) matters.Event {
	e := matters.Event{
		Matter: "M-1",
		Seq:    len(m.Events) + 1,
		At:     last.Add(time.Duration(r.Intn(48*60)) * time.Minute),
		Kind:   matters.Kind(1 + r.Intn(12)),
		Actor:  actors[r.Intn(len(actors))],
		Type:   "违法建设",
	}
	switch e.Kind {
	case matters.Report:
		if r.Intn(2) == 0 {
			e.Units = []string{actors[r.Intn(2)]}
		}
	case matters.Dispatch:
		units := slices.Clone(actors[1:4])
		r.Shuffle(len(units), func(i, j int) { units[i], units[j] = units[j], units[i] })
		e.Units = units[:1+r.Intn(len(units))]
	case matters.Feedback:
		b := r.Intn(4) != 0
		e.Satisfied = &b
	}
	return e
}

// legalHistory grows a legal history of up to n events with a seeded
// generator: it proposes random events and keeps those Apply accepts,
// checking on the way that a refused event changes nothing.
func legalHistory(t testing.TB, seed int64, n int) *matters.Matter {
	r := rand.New(rand.NewSource(seed))
	m := &matters.Matter{}
	last := t0
	for tries := 0; len(m.Events) < n && tries < 20*n; tries++ {
		e := randomEvent(r, m, last)
		if len(m.Events) == 0 {
			e.Kind = matters.Report
		}
		before := fieldsOf(m)
		n := len(m.Events)
		if err := m.Apply(e); err != nil {
			if !reflect.DeepEqual(before, fieldsOf(m)) || n != len(m.Events) { // FuzzApply checks the history deeply
				t.Fatalf("seed %d: refused event %s by %s changed the matter: %v", seed, e.Kind, e.Actor, err)
			}
			continue
		}
		last = e.At
		checkInvariants(t, m)
	}
	return m
}

// checkInvariants fails if the matter's fields contradict each other.
func checkInvariants(t testing.TB, m *matters.Matter) {
	t.Helper()
	dispatched := m.State >= matters.Dispatched && m.State <= matters.Resolved
	switch {
	case m.State < matters.Reported || m.State > matters.Closed:
		t.Fatalf("matter %s: state %d", m.ID, m.State)
	case dispatched && m.Lead == "":
		t.Fatalf("matter %s: %s with no lead", m.ID, m.State)
	case (m.State == matters.Reported || m.State == matters.Whistled) && (m.Lead != "" || m.Support != nil || m.Coordinated):
		t.Fatalf("matter %s: %s with units %q %q", m.ID, m.State, m.Lead, m.Support)
	case m.Suspended && m.State != matters.Dispatched && m.State != matters.Accepted:
		t.Fatalf("matter %s: suspended while %s", m.ID, m.State)
	case slices.Contains(m.Support, m.Lead):
		t.Fatalf("matter %s: lead %s also supports", m.ID, m.Lead)
	case m.Owner == "":
		t.Fatalf("matter %s: no owner", m.ID)
	}
	stages := 0
	for i, e := range m.Events {
		if e.Seq != i+1 || (i > 0 && e.At.Before(m.Events[i-1].At)) {
			t.Fatalf("matter %s: event %d out of order", m.ID, i)
		}
		if e.Kind == matters.Progress {
			stages++
		}
	}
	if stages != m.Stage {
		t.Fatalf("matter %s: stage %d after %d progress events", m.ID, m.Stage, stages)
	}
}

// TestReplayProperty: replaying any legal history gives the matter that was
// built event by event, and replaying it twice gives equal matters.
func TestReplayProperty(t *testing.T) {
	kinds := make(map[matters.Kind]int)
	for seed := int64(1); seed <= 300; seed++ {
		m := legalHistory(t, seed, 40)
		for _, e := range m.Events {
			kinds[e.Kind]++
		}
		a, err := matters.Replay(m.Events)
		if err != nil {
			t.Fatalf("seed %d: Replay: %v", seed, err)
		}
		b, err := matters.Replay(m.Events)
		if err != nil {
			t.Fatalf("seed %d: Replay: %v", seed, err)
		}
		sameMatter(t, "replay of a legal history", m, a)
		sameMatter(t, "second replay", a, b)
	}
	// The generator must reach every kind of event, or the property says little.
	for k := matters.Report; k <= matters.Feedback; k++ {
		if kinds[k] == 0 {
			t.Errorf("no legal %s event generated", k)
		}
	}
}

// FuzzApply applies a random sequence of events, legal or not, described by
// the fuzzer's bytes: no panic, a refused event changes nothing, an
// accepted one keeps the matter consistent and replayable.
func FuzzApply(f *testing.F) {
	f.Add([]byte{0, 0, 0, 0, 1, 0, 0, 0, 2, 0, 0, 7})
	f.Add([]byte{0, 5, 0, 1, 1, 0, 0, 0, 2, 0, 0, 7, 3, 1, 0, 0, 5, 1, 0, 0, 8, 1, 0, 0})
	f.Add([]byte{0, 0, 2, 3, 11, 0, 1, 1, 0, 255, 255, 255})
	f.Fuzz(func(t *testing.T, data []byte) {
		m := &matters.Matter{}
		last := t0
		for len(data) >= 4 && len(m.Events) < 64 {
			b := data[:4]
			data = data[4:]
			e := matters.Event{
				Matter: "M-1",
				Seq:    len(m.Events) + 1,
				At:     last.Add(time.Duration(b[2]>>2) * time.Hour),
				Kind:   matters.Kind(b[0] % 14),
				Actor:  append([]string{""}, actors...)[int(b[1])%(len(actors)+1)],
				Type:   "违法建设",
			}
			switch b[2] & 3 { // now and then, break the order
			case 1:
				e.Seq += int(b[3]%3) - 1
			case 2:
				e.At = last.Add(-time.Duration(b[3]) * time.Minute)
			case 3:
				if b[3] == 0 {
					e.At = time.Time{}
				}
			}
			if b[3]&8 != 0 {
				units := append([]string{""}, actors...)
				for i := 0; i < int(b[3]>>4)%4+1; i++ {
					e.Units = append(e.Units, units[(int(b[3])+i*int(b[1]))%len(units)])
				}
			}
			if b[3]&4 != 0 {
				s := b[3]&2 != 0
				e.Satisfied = &s
			}
			if b[1] == 255 {
				e.Matter = "M-2"
			}
			before := snapshot(m)
			err := m.Apply(e)
			if err != nil {
				if !reflect.DeepEqual(before, m) {
					t.Fatalf("refused event %+v changed the matter: %v", e, err)
				}
				var ee *matters.EventError
				if !errors.As(err, &ee) {
					t.Fatalf("error %v is not an *EventError", err)
				}
				continue
			}
			last = e.At
			checkInvariants(t, m)
		}
		if len(m.Events) > 0 {
			r, err := matters.Replay(m.Events)
			if err != nil {
				t.Fatalf("Replay of an accepted history: %v", err)
			}
			sameMatter(t, "replay", m, r)
		}
	})
}
