package matters

import (
	"fmt"
	"math"
	"time"

	"github.com/qingdan/qingdan/internal/errtext"
)

// This file holds what the approved requests of a dispatch call for at a
// scan of [Catalog.Due]: the supervision of suspensions that outlast
// Supervision.SuspendDays and of extensions beyond Supervision.ExtendDays,
// which stop or move the lead's clocks and so their own supervision.

// requests returns the index among the scan's notes of the note of the
// Supervise that the approved requests since m's latest dispatch call for
// (h as read; owner: no unit is on the matter), -1 for none: a suspension
// that has lasted beyond Supervision.SuspendDays, the current one not
// supervised since its approval; extensions beyond Supervision.ExtendDays
// together, not supervised since the latest approval of one; both, their
// notes joined. Its caller asks only where no supervision that presses
// the lead is due at the scan, which serves for these.
func (s *dueScan) requests(m *Matter, h *since, owner bool) (int, error) {
	note := -1
	join := func(n int) {
		if note < 0 {
			note = n
		} else {
			note = s.joined([]int{note, n})
		}
	}
	if days := s.c.Supervision.SuspendDays; days > 0 && m.Suspended && h.paused && !h.supervisedPaused {
		until, err := s.suspendedUntil(m, h, days)
		if err != nil {
			return -1, fmt.Errorf("matters: due: matter %s: suspension limit %s after %s: %w", errtext.Quote(m.ID), errtext.Count(days, "working day"), h.pausedAt.Format(timeLayout), err)
		}
		if s.at.After(until) {
			join(s.note(fmt.Sprintf(noteSuspended, days)))
		}
	}
	if days := s.c.Supervision.ExtendDays; days > 0 && !owner && h.extendedBy && !h.supervisedExtend && extended(m.Events, h.d, "") > days {
		join(s.note(fmt.Sprintf(noteExtended, days)))
	}
	return note, nil
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
