package matters

import "time"

// This file holds what [Catalog.Due] reads of a matter's history: the
// events since its latest dispatch.

// since is what Due reads of a matter's history after its latest dispatch.
type since struct {
	d                 int // index of the latest Dispatch
	urged, supervised int
	// The Urges by the platform and the Supervises since the matter came
	// back to its owner (the approval of its lead's return; else the
	// latest dispatch): those that pressed the owner, not the lead.
	ownerUrged, ownerSupervised int
	accepted                    bool      // the lead accepted
	paused                      bool      // some suspension was approved
	answer                      *bool     // the latest answer
	supervisedAfter             bool      // a Supervise after the latest answer
	pausedAt                    time.Time // the latest approval of a suspension
	supervisedPaused            bool      // a Supervise after it
}

// read scans m's events back to the latest dispatch; d is -1 if none.
func read(m *Matter) since {
	s := since{d: -1}
	answered, handedBack := false, false
	for i := len(m.Events) - 1; i >= 0; i-- {
		e := &m.Events[i]
		switch e.Kind {
		case Dispatch:
			s.d = i
			return s
		case Urge:
			s.urged++
			if m.Platform != "" && e.Actor == m.Platform && !handedBack {
				s.ownerUrged++
			}
		case Supervise:
			s.supervised++
			if !handedBack {
				s.ownerSupervised++
			}
			if !answered {
				s.supervisedAfter = true
			}
			if !s.paused {
				s.supervisedPaused = true
			}
		case Accept:
			s.accepted = s.accepted || e.Actor == m.Lead
		case Approve:
			switch decided(m.Events, e) {
			case Suspend:
				if !s.paused {
					s.pausedAt = e.At
				}
				s.paused = true
			case Return:
				handedBack = true // before it, the urgings and supervisions pressed the lead
			}
		case Feedback:
			if !answered && e.Satisfied != nil {
				s.answer, answered = e.Satisfied, true
			}
		}
	}
	return s
}
