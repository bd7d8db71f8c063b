package matters

import "github.com/qingdan/qingdan/accountability"

// DiffDirectory compares two revisions of the governance matter list route
// by route, as [accountability.Diff] compares registers: routes are
// matched by Type, and each change is listed under "routes" with the JSON
// names of the changed fields (`routes[占道经营]`, fields lead, resolveDays,
// …). Version and the adoption are not compared. A nil directory is an
// empty one.
func DiffDirectory(old, new *Directory) accountability.Changes {
	if old == nil {
		old = &Directory{}
	}
	if new == nil {
		new = &Directory{}
	}
	return accountability.DiffEntries("routes", old.Routes, new.Routes, func(r Route) string { return r.Type })
}

// DiffAdmission compares two revisions of the admission lists item by item
// and exclusion by exclusion, as [DiffDirectory] compares routes: items are
// matched by Code and listed under "items", exclusions by Name under
// "excluded". Version and the adoption are not compared. A nil admission is
// an empty one.
func DiffAdmission(old, new *Admission) accountability.Changes {
	if old == nil {
		old = &Admission{}
	}
	if new == nil {
		new = &Admission{}
	}
	out := accountability.DiffEntries("items", old.Items, new.Items, func(it Item) string { return it.Code })
	return append(out, accountability.DiffEntries("excluded", old.Excluded, new.Excluded, func(x Exclusion) string { return x.Name })...)
}
