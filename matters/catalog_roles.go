package matters

import (
	"time"

	"github.com/qingdan/qingdan/accountability"
	"github.com/qingdan/qingdan/internal/errtext"
)

// This file holds the register's say in who may grade and supervise: the
// checks Catalog.Apply runs on the owner, the platform and the supervisor
// an event makes.

// checkReporter checks who a Report makes the matter's grader, against
// the register in force: the owner — a sub-district on the register, or a
// platform off it (a hotline that assigns its own matters) — grades the
// units it dispatches to, and a platform that reports for a sub-district
// grades that sub-district. A unit the register lists as anything but a
// sub-district (a department, an agency, an office, a centre) is graded
// within the jurisdiction, or is part of a sub-district, and may own no
// matter; no unit on the register may report for another and so become
// its grader.
func (c *Catalog) checkReporter(e *Event) error {
	owner := e.Actor
	if len(e.Units) == 1 {
		owner = e.Units[0]
	}
	if k, ok := c.unitKind(owner, e.At); ok && k != accountability.Subdistrict {
		return refusal(e, ErrActor, "the register in force lists %s as %s (%s), which may own no matter: a matter is owned by a sub-district or a platform", errtext.Quote(owner), k.Label(), k)
	}
	if owner != e.Actor {
		if k, ok := c.unitKind(e.Actor, e.At); ok {
			return refusal(e, ErrActor, "the register in force lists %s as %s (%s), which may not report for %s and so become its grader: only a platform off the register (a hotline) may", errtext.Quote(e.Actor), k.Label(), k, errtext.Quote(owner))
		}
	}
	return nil
}

// checkSupervisor checks that unit, about to become a matter's supervisor
// (named by its Report, or the first to supervise it), is the catalog's
// supervisor or not on the register in force: a supervision counts
// against the units on a matter, and a department or a sub-district
// graded beside them must not be able to count it.
func (c *Catalog) checkSupervisor(e *Event, unit string) error {
	if unit == c.Supervision.Supervisor {
		return nil
	}
	if k, ok := c.unitKind(unit, e.At); ok {
		return refusal(e, ErrActor, "the register in force lists %s as %s (%s), which may not supervise a matter: a supervisor (督办) is the catalog's, or a body above the units off the register", errtext.Quote(unit), k.Label(), k)
	}
	return nil
}

// unitKind returns the kind of unit in the register in force at t, and
// whether the register lists it.
func (c *Catalog) unitKind(unit string, t time.Time) (accountability.UnitKind, bool) {
	reg := current(c.Register, c.History.Registers, func(r *accountability.Register) accountability.Adoption { return r.Adoption }, t)
	if reg == nil {
		return 0, false
	}
	for i := range reg.Units {
		if reg.Units[i].ID == unit {
			return reg.Units[i].Kind, true
		}
	}
	return 0, false
}
