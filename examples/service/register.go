package main

import (
	"errors"
	"slices"

	"github.com/qingdan/qingdan/accountability"
	"github.com/qingdan/qingdan/matters"
)

// The register: knowing who posts is worth nothing if the catalog cannot
// tell what the caller is. The checks of matters.Catalog.Apply that keep
// a graded unit out of its grader's seat — a department may own no
// matter, report for a sub-district (and so grade it) nor be a matter's
// supervisor — read the kind of unit the register in force lists; a
// catalog with no register passes anyone.

// errNoRegister is a catalog that lists no unit in any revision of its
// register, which a service that knows its callers refuses.
var errNoRegister = errors.New("the catalog has no register of units: without one, Catalog.Apply cannot tell a department from a sub-district, and lets a department report for a sub-district, and so grade it, or be a matter's first supervisor")

// checkRegister returns an error wrapping errNoRegister if neither the
// catalog's register nor a revision of it in History lists a unit, unless
// the service is open (a local trial, where anyone posts as anyone).
func checkRegister(c *matters.Catalog, open bool) error {
	if open {
		return nil
	}
	for _, r := range slices.Concat([]*accountability.Register{c.Register}, c.History.Registers) {
		if r != nil && len(r.Units) > 0 {
			return nil
		}
	}
	return errNoRegister
}
