package matters

import "fmt"

// This file holds what the citizen's answer on a resolved or closed
// matter calls for at a scan of [Catalog.Due]: the supervision of a
// matter whose citizen is still dissatisfied and that no one may reopen.

// answered returns the index among the scan's notes of the note of the
// Supervise that the citizen's latest answer on m, resolved or closed,
// calls for, -1 for none: a no on a matter reopened to the catalog's
// limit and not supervised since (its lead pressed), or on a platform's
// matter its owner closed (closed) whose owner was not supervised since —
// nothing reopens a closed matter, and the platform's recourse is gone.
func (s *dueScan) answered(m *Matter, h *since, closed bool) int {
	if h.answer == nil || *h.answer {
		return -1
	}
	// Reopens count over the whole history, as Catalog.Apply counts them
	// when it refuses one more: a re-dispatch does not reset them.
	if lim := s.c.Supervision.Reopens; lim > 0 && !h.supervisedAfter {
		if n := count(m.Events, Reopen); n >= lim {
			return s.note(fmt.Sprintf(noteReopens, n))
		}
	}
	if closed && !h.ownerSupervised {
		return s.note(noteClosedNo)
	}
	return -1
}
