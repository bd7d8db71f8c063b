package matters

import "time"

// This file holds what [Catalog.Due] reads of a matter's history: the
// events since its latest dispatch.

// since is what Due reads of a matter's history after its latest dispatch.
// The Urges and Supervises it counts are those that pressed the lead
// ([Event.Presses]): one that named the owner alone did not.
type since struct {
	d                 int // index of the latest Dispatch
	urged, supervised int
	accepted          bool      // the lead accepted
	paused            bool      // some suspension was approved
	answer            *bool     // the latest answer
	supervisedAfter   bool      // a Supervise after the latest answer
	ownerSupervised   bool      // a Supervise that pressed the owner after the latest answer
	pausedAt          time.Time // the latest approval of a suspension
	pauses            int       // the approved suspensions
	supervisedPaused  bool      // a Supervise after it
	extendedBy        bool      // some extension was approved
	supervisedExtend  bool      // a Supervise after the latest approval of an extension
}

// read scans m's events back to the latest dispatch; d is -1 if none.
func read(m *Matter) since {
	s := since{d: -1}
	answered := false
	for i := len(m.Events) - 1; i >= 0; i-- {
		e := &m.Events[i]
		switch e.Kind {
		case Dispatch:
			s.d = i
			return s
		case Urge:
			if e.Presses(m.Lead) {
				s.urged++
			}
		case Supervise:
			if !answered && e.Presses(m.Owner) {
				s.ownerSupervised = true
			}
			if !e.Presses(m.Lead) {
				continue
			}
			s.supervised++
			if !answered {
				s.supervisedAfter = true
			}
			if !s.paused {
				s.supervisedPaused = true
			}
			if !s.extendedBy {
				s.supervisedExtend = true
			}
		case Accept:
			s.accepted = s.accepted || e.Actor == m.Lead
		case Approve:
			s.extendedBy = s.extendedBy || decided(m.Events, e) == Extend
			if decided(m.Events, e) == Suspend {
				if !s.paused {
					s.pausedAt = e.At
				}
				s.paused = true
				s.pauses++
			}
		case Feedback:
			if !answered && e.Satisfied != nil {
				s.answer, answered = e.Satisfied, true
			}
		}
	}
	return s
}
