package main

import (
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"
	"time"

	"github.com/qingdan/qingdan/accountability"
	"github.com/qingdan/qingdan/internal/errtext"
	"github.com/qingdan/qingdan/matters"
)

// The register: knowing who posts is worth nothing if the catalog cannot
// tell what the caller is. The checks of matters.Catalog.Apply that keep
// a graded unit out of its grader's seat — a department may own no
// matter, report for a sub-district (and so grade it) nor be a matter's
// supervisor — read the kind of unit the register in force lists; a
// catalog with no register passes anyone.

// errNoRegister is a catalog that lists no unit in any revision of its
// register in force at some instant, which a service that knows its
// callers refuses.
var errNoRegister = errors.New("the catalog has no register of units in force (a draft, or a revision with no date it takes effect, is in force at no instant): without one, Catalog.Apply cannot tell a department from a sub-district, and lets a department report for a sub-district, and so grade it, or be a matter's first supervisor")

// checkRegister returns an error wrapping errNoRegister if no revision
// of the catalog's register that is in force at some instant (registers)
// lists a unit, unless the service is open (a local trial, where anyone
// posts as anyone).
func checkRegister(c *matters.Catalog, open bool) error {
	if open {
		return nil
	}
	for _, r := range registers(c) {
		if len(r.Units) > 0 {
			return nil
		}
	}
	return errNoRegister
}

// registers returns the revisions of the catalog's register, its own and
// those of History, that are in force at some instant as Catalog.At
// reads them: each in force at the instant it takes effect (its
// Effective; the catalog's own with no adoption and no History is in
// force at every instant). A draft, a revision not published or with no
// date, one that another takes effect with on the same instant, is in
// force at none: the catalog's checks never read it.
func registers(c *matters.Catalog) []*accountability.Register {
	var out []*accountability.Register
	for _, r := range slices.Concat([]*accountability.Register{c.Register}, c.History.Registers) {
		if r != nil && c.At(r.Adoption.Effective).Register == r {
			out = append(out, r)
		}
	}
	return out
}

// errUnknownCaller is a caller (Config.Callers) whose ID the catalog does
// not know: no revision of its register in force at some instant
// (registers) lists it, it is not the
// catalog's supervisor, and the host does not name it a body off the
// register (Config.OffRegister). The catalog takes an ID it does not
// list for a body off the register, a hotline, which may report for a
// sub-district and so grade it: a department's token given a misspelt
// ID would post as one.
var errUnknownCaller = errors.New("unknown to the catalog: no revision of its register in force lists the ID, nor is it the catalog's supervisor, nor a body named off the register (-off-register, Config.OffRegister: a hotline, a district's supervisor)")

// errOnRegister is an ID named a body off the register
// (Config.OffRegister) that is not one: empty, with spaces around it, or
// listed by a revision of the register.
var errOnRegister = errors.New("a body named off the register is not one")

// checkCallersKnown returns an error wrapping errUnknownCaller that
// names each caller whose ID is neither listed by a revision of the
// catalog's register in force at some instant (registers), nor the catalog's supervisor, nor one of off — its
// entry (its key, the hash of its token) and its ID; and one
// wrapping errOnRegister for an ID of off that is empty, has spaces
// around it, or is listed by the register. A register's unit counts in
// every revision: a caller may post for the revision to come, or for the
// one a matter it was dispatched was under.
func checkCallersKnown(c *matters.Catalog, callers map[string]string, off []string) error {
	listed := map[string]accountability.UnitKind{}
	for _, r := range registers(c) {
		for _, u := range r.Units {
			listed[u.ID] = u.Kind
		}
	}
	var errs []error
	for _, id := range off {
		if k, ok := listed[id]; ok {
			errs = append(errs, fmt.Errorf("%s: %w: the register lists it as %s (%s)", errtext.Quote(id), errOnRegister, k.Label(), k))
		} else if id == "" || strings.TrimSpace(id) != id {
			errs = append(errs, fmt.Errorf("%s: %w: an ID is not empty, nor has spaces around it", errtext.Quote(id), errOnRegister))
		}
	}
	known := offRegister(c, off)
	var unknown []string
	for _, h := range slices.Sorted(maps.Keys(callers)) {
		if id := callers[h]; !known[id] {
			if _, ok := listed[id]; !ok {
				unknown = append(unknown, fmt.Sprintf("caller %s, %s", h, errtext.Quote(id)))
			}
		}
	}
	if unknown != nil {
		errs = append(errs, fmt.Errorf("%s: %w", strings.Join(unknown, "; "), errUnknownCaller))
	}
	return errors.Join(errs...)
}

// offRegister returns the bodies off the register that the service
// knows: off (Config.OffRegister) and the catalog's supervisor.
func offRegister(c *matters.Catalog, off []string) map[string]bool {
	known := map[string]bool{}
	for _, id := range append([]string{c.Supervision.Supervisor}, off...) {
		known[id] = id != ""
	}
	return known
}

// errNotInForce is an event whose actor the register in force at its
// time does not list, and that is no body off the register the service
// knows.
var errNotInForce = errors.New("its actor is neither a unit of the register in force nor a body off the register (-off-register, Config.OffRegister, the catalog's supervisor)")

// checkInForce returns an error wrapping errRefused and errNotInForce,
// naming the event, its actor and the register in force, if the
// register in force at the event's time (Catalog.At) does not list its
// actor and the actor is not one of off (offRegister's). The catalog
// takes an actor it does not list for a body off the register, a
// hotline, which may report for a sub-district and so grade it: a
// department a later revision dropped, still holding its token, or any
// unit before a register is in force, would do so.
func checkInForce(c *matters.Catalog, off map[string]bool, e matters.Event) error {
	if off[e.Actor] {
		return nil
	}
	reg := c.At(e.At).Register
	if reg != nil && slices.ContainsFunc(reg.Units, func(u accountability.Unit) bool { return u.ID == e.Actor }) {
		return nil
	}
	why := "no register is in force"
	if reg != nil {
		why = "the " + errtext.Named("register", reg.Version) + " in force does not list it"
	}
	return fmt.Errorf("%w: event %s#%d by %s at %s: %s: %w", errRefused, e.Matter, e.Seq, errtext.Quote(e.Actor), e.At.Format(time.RFC3339), why, errNotInForce)
}
