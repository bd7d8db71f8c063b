package accountability

import "strings"

// Unit is a body: the sub-district itself, one of its internal offices (办,
// 部) or centres (中心), an agency dispatched to it (派驻机构) or a city or
// district department. Parent is the ID of the unit it belongs to (an
// office's sub-district); empty for a top-level unit. SelfSet marks a body
// the sub-district set up on its own (自设机构), which a [Template] counts
// against its MaxSelfSet. CreditCode is its unified social credit code
// (统一社会信用代码, checked by [CheckCreditCode]) and Division the
// administrative division it serves (行政区划代码, 6 or 12 digits, checked by
// [CheckDivisionCode]); both are optional.
//
// The zero Unit has no ID and no Kind; validation reports both.
type Unit struct {
	ID      string   `json:"id"`
	Name    string   `json:"name,omitempty"`
	Kind    UnitKind `json:"kind,omitempty"`
	Parent  string   `json:"parent,omitempty"`
	SelfSet bool     `json:"selfSet,omitempty"`

	CreditCode string `json:"creditCode,omitempty"`
	Division   string `json:"division,omitempty"`
}

// unitParent reports, in the order of the register, each Parent that
// names no unit and each cycle of Parents once, at the Parent of the
// cycle's unit that comes first in the register, listing its units from
// that one. A Parent names the first unit with that ID, so a unit
// repeating an ID is in no cycle.
func unitParent(ix *index, rep reporter) {
	units := ix.r.Units
	parent := func(i int) int {
		if j, ok := ix.units[units[i].Parent]; ok && units[i].Parent != "" {
			return j
		}
		return -1
	}
	// Each unit has at most one parent, so one walk up from each unit not
	// yet walked finds every cycle: walk[i] is 1 + the unit a walk set out
	// from when it passed unit i, 0 while no walk has. The cycles are
	// found in the order of the walks, and reported, below, at their first
	// units in the order of the register: cycles[i] lists the units of the
	// cycle unit i comes first in ("" for a unit its own parent).
	var cycles map[int]string
	walk := take(&ix.sc.ints, len(units))
	for s := range units {
		i := s
		for i >= 0 && walk[i] == 0 {
			walk[i] = int32(s) + 1
			i = parent(i)
		}
		if i < 0 || walk[i] != int32(s)+1 {
			continue // the walk ended at the top or at an earlier walk
		}
		first := i // i is on a cycle this walk closed
		for j := parent(i); j != i; j = parent(j) {
			first = min(first, j)
		}
		if cycles == nil {
			cycles = make(map[int]string)
		}
		if parent(first) == first {
			cycles[first] = ""
			continue
		}
		ids := []string{units[first].ID}
		for j := parent(first); j != first; j = parent(j) {
			ids = append(ids, units[j].ID)
		}
		cycles[first] = strings.Join(ids, " → ") + " → " + units[first].ID
	}
	for i, u := range units {
		unitEntry.unit(ix, rep, i, u.ID, u.Name, "parent", "上级单位", u.Parent, "", "") // a unit may have no parent
		switch cycle, ok := cycles[i]; {
		case !ok:
		case cycle == "":
			unitEntry.at(rep, i, u.ID, u.Name, "parent", "names itself as its parent", "以自身为上级单位")
		default:
			unitEntry.at(rep, i, u.ID, u.Name, "parent", "is in a cycle of parents: %s", "的上级单位形成循环：%s", cycle)
		}
	}
}
