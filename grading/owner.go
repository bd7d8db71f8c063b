package grading

import (
	"fmt"
	"time"

	"github.com/qingdan/qingdan/internal/errtext"
	"github.com/qingdan/qingdan/matters"
)

// This file holds whom a Close grades, and by which route: the units on
// the matter by the route their dispatch followed, and the owner of a
// platform's matter, however it came to close the matter, by the route in
// force when the platform reported it.

// closeSubjects returns the units the Close of m grades, in order: the
// lead and the support units of the latest dispatch, when one is on the
// matter, then the owner of a matter a platform reported for it — always:
// closing the matter without a dispatch, or after approving its lead's
// return (退单), does not spare the owner its grade.
func closeSubjects(m *matters.Matter) []string {
	var units []string
	if m.Lead != "" {
		units = append(append(units, m.Lead), m.Support...)
	}
	if m.Platform != "" {
		units = append(units, m.Owner)
	}
	return units
}

// routeOf returns the route unit is graded by on m, a matter with events:
// a dispatched unit by the route its dispatch followed
// ([matters.Catalog.RouteOf]); the owner of a platform's matter by the
// route for the matter's type in the governance matter list in force when
// the platform reported it ([matters.Catalog.At]), which nothing the owner
// does — whether and when it dispatches — can choose. Where no list was in
// force then, or it routes no such type, the error wraps
// matters.ErrNoRevision or matters.ErrNoRoute and names the owner.
func routeOf(c *matters.Catalog, m *matters.Matter, unit string) (matters.Route, error) {
	if unit != m.Owner || m.Platform == "" {
		return c.RouteOf(m)
	}
	report := m.Events[0].At
	which := func() string { // only for an error: a grade that succeeds formats nothing
		return fmt.Sprintf("owner %s, graded by the route in force when platform %s reported the matter (%s)",
			errtext.Quote(unit), errtext.Quote(m.Platform), report.Format(time.RFC3339))
	}
	d := c.At(report).Directory
	if d == nil {
		return matters.Route{}, fmt.Errorf("%s: %w: no governance matter list was in force then", which(), matters.ErrNoRevision)
	}
	r, err := d.Route(m.Type)
	if err != nil {
		return matters.Route{}, fmt.Errorf("%s: %s: %w", which(), errtext.Named("governance matter list", d.Version), err)
	}
	return r, nil
}
