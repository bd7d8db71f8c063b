package matters

import (
	"math"
	"time"
)

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
		case Accept:
			s.accepted = s.accepted || e.Actor == m.Lead
		case Approve:
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

// suspendedUntil returns the instant at which the suspensions of m since
// its latest dispatch, the current one (approved at h.pausedAt) with those
// resumed before it, have lasted days working days of the scan's calendar:
// what is left of them after the others, from the approval (the approval
// itself where nothing is left), so that a suspension resumed and approved
// again, in short pieces, is held to one limit. The whole working days
// left run as a deadline in days does ([workday.Calendar.AddDays]: to the
// approval's clock time), the rest of a day to the earliest instant it has
// run: where the others lasted no working time, or whole working days, the
// limit falls where a lone suspension's would, outside the working hours
// too.
func (s *dueScan) suspendedUntil(m *Matter, h *since, days int) (time.Time, error) {
	day := s.cal.Day()
	if h.pauses < 2 || day <= 0 || int64(days) > math.MaxInt64/4/int64(day) {
		// Nothing resumed before, or no duration measures the limit: the
		// current suspension's alone.
		return s.cal.AddDays(h.pausedAt, days)
	}
	left := time.Duration(days) * day
	spans := running(m.Events, h.d)
	for i := 0; i+1 < len(spans) && left > 0; i++ {
		w, err := s.cal.Between(spans[i].end, spans[i+1].start)
		if err != nil {
			return time.Time{}, err
		}
		left -= w
	}
	if left <= 0 {
		return h.pausedAt, nil
	}
	until, err := s.cal.AddDays(h.pausedAt, int(left/day))
	if err != nil {
		return time.Time{}, err
	}
	return addWorking(s.cal, until, left%day)
}
