package matters

import (
	"fmt"

	"github.com/qingdan/qingdan/internal/errtext"
)

// This file holds what the clocks that [Catalog.Due] reads call for: the
// lead's from its dispatch, and, on a platform's matter, the owner's from
// the Report, whether or not a unit is on the matter, with one event for
// both where one serves both and it presses both.

// pressure is what one clock calls for at a scan, and what already
// pressed the unit it runs for.
type pressure struct {
	level             int  // 0 under 75%, 1 at 75%, 2 overdue, 3 escalated (see dueScan.level)
	urge, overdue     int  // the indexes in dueScan.notes of its urging's and its first supervision's notes
	urged, supervised int  // the Urges and Supervises that pressed the unit already
	platform          bool // its Urge is the platform's, pressing the owner
	names             bool // its events name the owner in Units: the owner's clock beside its lead's
}

// supervises returns how many Supervises the clock calls for beyond those
// made: one when overdue, a second when escalated.
func (p *pressure) supervises() int {
	want := 0
	if p.level >= 2 {
		want = 1
	}
	if p.level >= 3 {
		want = 2
	}
	return max(0, want-p.supervised)
}

// leadClock returns what the clock of the lead of m calls for, on the
// route its latest dispatch (h.d) followed, with the urgings and
// supervisions that pressed it since.
func (s *dueScan) leadClock(m *Matter, h *since) (pressure, error) {
	r, err := s.route(m, &m.Events[h.d])
	if err != nil {
		return pressure{}, fmt.Errorf("matters: due: %w", err)
	}
	level, resolve, err := s.level(m, h, r)
	if err != nil {
		return pressure{}, fmt.Errorf("matters: due: %w", err) // err names the matter
	}
	clock := 0 // the notes of the response clock, +1 for the resolution clock's
	if resolve {
		clock = 1
	}
	return pressure{level: level, urge: clock, overdue: 2 + clock, urged: h.urged, supervised: h.supervised}, nil
}

// ownerClock returns what the clock of the owner of m, a platform's
// matter, calls for: on the route in force at the Report (package grading
// holds the owner to it, not to the one its own dispatch chose), with the
// urgings by the platform and the supervisions since the matter came back
// to the owner.
func (s *dueScan) ownerClock(m *Matter) (pressure, error) {
	report := m.Events[0]
	report.Routes = ""
	r, err := s.route(m, &report)
	if err != nil {
		return pressure{}, fmt.Errorf("matters: due: %w", err)
	}
	level, resolve, err := s.ownerLevel(m, r)
	if err != nil {
		return pressure{}, fmt.Errorf("matters: due: owner %s: %w", errtext.Quote(m.Owner), err) // err names the matter
	}
	p := pressure{level: level, platform: true}
	if level == 0 {
		return p, nil
	}
	clock := 0
	if resolve {
		clock = 1
	}
	p.urge, p.overdue = 5+clock, 7+clock // the notes of the owner's response clock, +1 for its resolution clock's
	p.urged, p.supervised = pressedOwner(m)
	return p, nil
}

// pressedOwner returns the Urges by the platform and the Supervises of m
// that pressed its owner ([Event.Presses]) since it came back to the
// owner — the approval of its lead's latest return (退单), else the
// Report — and, before that, those that named the owner: they pressed it
// on its own clock, not its lead. Before that return the others pressed
// the lead, and the owner's own urging of its lead, and an urging or a
// supervision that names other units alone, press those units (package
// scoring's FactsFor counts them so).
func pressedOwner(m *Matter) (urged, supervised int) {
	back := false // before the approval of the lead's latest return
	for i := len(m.Events) - 1; i >= 0; i-- {
		e := &m.Events[i]
		switch {
		case e.Kind == Approve && !back:
			back = decided(m.Events, e) == Return && m.Events[e.Ref-1].Actor == leadAt(m.Events, e.Ref-1)
		case !e.Presses(m.Owner) || back && len(e.Units) == 0:
		case e.Kind == Urge && e.Actor == m.Platform:
			urged++
		case e.Kind == Supervise:
			supervised++
		}
	}
	return urged, supervised
}

// leadAt returns the lead that the latest Dispatch before events[i] named,
// or "".
func leadAt(events []Event, i int) string {
	for ; i >= 0; i-- {
		if e := &events[i]; e.Kind == Dispatch && len(e.Units) > 0 {
			return e.Units[0]
		}
	}
	return ""
}

// press appends the Urges and the Supervises that the clocks call for.
// Each clock that calls for an Urge has its own, by its own actor — the
// owner urging its lead for the lead's clock, the platform urging the
// owner for the owner's — which presses whom it is for: the owner's
// urging presses the units on the matter (Units empty, as the lead's
// clock alone has always called for it), the platform's beside it the
// owner alone (Units naming the owner). A Supervise, the supervisor's
// whichever clock calls for it, serves every clock that calls for one at
// this scan: with empty Units, pressing every unit on the matter, where
// the lead's clock calls, its note naming what each clock called for;
// naming the owner alone where only the owner's clock beside its lead's
// calls, so that the departments on the matter, on time on their own
// clocks, are not pressed for the owner's delay. It returns false, having
// appended the Urges alone, if a Supervise is due and there is no
// supervisor to make it.
func (s *dueScan) press(clocks []pressure, add func(kind Kind, note int, platform, names bool), supervisor string) bool {
	n := 0
	for i := range clocks {
		c := &clocks[i]
		if c.level >= 1 && c.urged == 0 {
			add(Urge, c.urge, c.platform, c.names)
		}
		n = max(n, c.supervises())
	}
	if n > 0 && supervisor == "" {
		return false
	}
	for j := range n {
		var notes [2]int
		k, names := 0, true
		for i := range clocks {
			c := &clocks[i]
			if j >= c.supervises() {
				continue
			}
			note := c.overdue
			if c.supervised+j > 0 {
				note = s.escalation()
			}
			if k == 0 || notes[0] != note {
				notes[k], k = note, k+1
			}
			names = names && c.names
		}
		add(Supervise, s.joined(notes[:k]), false, names)
	}
	return true
}

// owners returns the Units of the events due that name the owner, in
// their order, in one array for all: a scan finds some a million.
func (s *dueScan) owners(ms []*Matter) []string {
	n := 0
	for i := range s.due {
		if s.due[i].owner {
			n++
		}
	}
	owners := make([]string, 0, n)
	for i := range s.due {
		if d := &s.due[i]; d.owner {
			owners = append(owners, ms[d.matter].Owner)
		}
	}
	return owners
}

// escalation returns the index of the escalation's note.
func (s *dueScan) escalation() int {
	if s.notes[4] == "" {
		s.notes[4] = fmt.Sprintf(noteEscalate, s.c.Supervision.EscalateDays)
	}
	return 4
}

// joined returns the index of the note of an event that the clocks with
// the notes at these indexes call for: the one note, else theirs joined,
// built once per scan.
func (s *dueScan) joined(notes []int) int {
	if len(notes) == 1 {
		return notes[0]
	}
	key := [2]int{notes[0], notes[1]}
	if i, ok := s.joints[key]; ok {
		return i
	}
	if s.joints == nil {
		s.joints = map[[2]int]int{}
	}
	i := s.note(s.notes[key[0]] + joint + s.notes[key[1]])
	s.joints[key] = i
	return i
}

// joint is what joins the notes of the clocks an event serves.
const joint = "；"
