package accountability

import (
	"fmt"
	"strings"
)

// Template is a layout of a sub-district's bodies that a reform prescribes:
// the internal offices (内设机构: 办 or 部) and centres (事业机构) every
// sub-district must have, by name, and how many more offices it may set up
// on its own (自设机构). The zero Template prescribes nothing and allows no
// self-set office.
//
// A template is one locality's data: the packages under
// github.com/qingdan/qingdan/locality hold the layouts of the localities
// this library was built with (wuhu.Template, chaohu.Template,
// shatanglu.Template); a host whose bodies are named otherwise writes its
// own, in Go or in JSON.
type Template struct {
	Name       string   `json:"name"`
	Offices    []string `json:"offices,omitempty"`
	Centers    []string `json:"centers,omitempty"`
	MaxSelfSet int      `json:"maxSelfSet,omitempty"`
}

// Check checks the layout of the sub-district whose unit ID is subdistrict
// against the template and returns every finding, each an [Error]. First
// the faults of the template itself, each once for a name, with path
// `template.offices[name]` or `template.centers[name]` as the name comes
// again among Offices or among Centers:
//
//	template.duplicate    a name listed more than once among Offices, or among Centers
//	template.conflict     a name listed both among Offices and among Centers
//
// then those of the layout, each with path `units[ID]`:
//
//	template.subdistrict  subdistrict names no unit of kind Subdistrict
//	template.missing      a prescribed office or centre is not among its units
//	template.extra        an office or centre neither prescribed nor marked SelfSet,
//	                      or a prescribed one that appears twice
//	template.selfset      more self-set bodies than MaxSelfSet
//	template.kind         a prescribed name held by a unit of the wrong kind
//
// A name in conflict may be held by a unit of either kind, and is reported
// missing as an "office or centre", not as one of the two.
//
// Only the sub-district's direct children (Parent == subdistrict) of kind
// [Office] or [Center] make up its layout; dispatched agencies and nested
// units are left out. Names are compared after trimming spaces.
func (t Template) Check(units []Unit, subdistrict string) Findings {
	var out Findings
	report := func(rule, path, en, zh string) {
		rep := reporter{rule: rule, sev: Error, report: func(f Finding) { out = append(out, f) }}
		rep.at(path, en, zh)
	}
	t.repeated(t.Offices, "offices", Office, report)
	t.repeated(t.Centers, "centers", Center, report)
	want := make(map[string]UnitKind, len(t.Offices)+len(t.Centers))
	for _, n := range t.Offices {
		want[strings.TrimSpace(n)] = Office
	}
	either := map[string]bool{} // the names in conflict
	for _, n := range t.Centers {
		switch n = strings.TrimSpace(n); {
		case either[n]:
		case want[n] == Office:
			either[n] = true
			report("template.conflict", "template.centers["+n+"]",
				fmt.Sprintf("%s lists %q both as an %s and as a %s", t.Name, n, Office, Center),
				fmt.Sprintf("%s同时将 %q 列为%s和%s", t.Name, n, Office.Label(), Center.Label()))
		default:
			want[n] = Center
		}
	}
	found := false
	for i, u := range units {
		if u.ID == subdistrict && u.ID != "" {
			found = true
			if u.Kind != Subdistrict {
				report("template.subdistrict", key("units", u.ID, i),
					fmt.Sprintf("unit %s is of kind %s, not a sub-district", named(u.ID, u.Name, i), kindName(u.Kind)),
					fmt.Sprintf("单位%s的类别为%s，不是街道", namedZh(u.ID, u.Name, i), kindNameZh(u.Kind)))
			}
			break
		}
	}
	if !found {
		report("template.subdistrict", "units["+subdistrict+"]",
			fmt.Sprintf("sub-district %q is no unit", subdistrict),
			fmt.Sprintf("街道 %q 不是登记的单位", subdistrict))
		return out
	}
	have := make(map[string]bool)
	selfSet := 0
	for i, u := range units {
		if u.Parent != subdistrict || (u.Kind != Office && u.Kind != Center) {
			continue
		}
		name := strings.TrimSpace(u.Name)
		path := key("units", u.ID, i)
		if u.SelfSet {
			selfSet++
			if selfSet > t.MaxSelfSet {
				report("template.selfset", path,
					fmt.Sprintf("unit %s is self-set body number %d of sub-district %q; %s allows at most %d", named(u.ID, u.Name, i), selfSet, subdistrict, t.Name, t.MaxSelfSet),
					fmt.Sprintf("单位%s是街道 %q 的第 %d 个自设机构，%s至多允许 %d 个", namedZh(u.ID, u.Name, i), subdistrict, selfSet, t.Name, t.MaxSelfSet))
			}
			continue
		}
		kind, ok := want[name]
		switch {
		case !ok:
			report("template.extra", path,
				fmt.Sprintf("unit %s of sub-district %q is not in %s and is not marked self-set", named(u.ID, u.Name, i), subdistrict, t.Name),
				fmt.Sprintf("街道 %q 的单位%s不在%s之列，也未标明为自设机构", subdistrict, namedZh(u.ID, u.Name, i), t.Name))
		case have[name]:
			report("template.extra", path,
				fmt.Sprintf("unit %s of sub-district %q repeats a body of %s", named(u.ID, u.Name, i), subdistrict, t.Name),
				fmt.Sprintf("街道 %q 的单位%s与%s所列机构重复", subdistrict, namedZh(u.ID, u.Name, i), t.Name))
		case kind != u.Kind && !either[name]:
			have[name] = true
			report("template.kind", path,
				fmt.Sprintf("unit %s of sub-district %q is of kind %s; %s prescribes kind %s", named(u.ID, u.Name, i), subdistrict, kindName(u.Kind), t.Name, kindName(kind)),
				fmt.Sprintf("街道 %q 的单位%s类别为%s，%s规定为%s", subdistrict, namedZh(u.ID, u.Name, i), kindNameZh(u.Kind), t.Name, kindNameZh(kind)))
		default:
			have[name] = true
		}
	}
	sdPath := "units[" + subdistrict + "]"
	for _, list := range [][]string{t.Offices, t.Centers} {
		for _, n := range list {
			if n = strings.TrimSpace(n); !have[n] {
				have[n] = true // report a name listed twice once
				kind, kindZh := kindName(want[n]), kindNameZh(want[n])
				if either[n] {
					kind, kindZh = kindName(Office)+" or "+kindName(Center), kindNameZh(Office)+"或"+kindNameZh(Center)
				}
				report("template.missing", sdPath,
					fmt.Sprintf("sub-district %q has no %s %q, which %s prescribes", subdistrict, kind, n, t.Name),
					fmt.Sprintf("街道 %q 缺少%s规定的%s %q", subdistrict, t.Name, kindZh, n))
			}
		}
	}
	return out
}

// repeated reports each name (trimmed) that names, one of the template's
// lists (Offices or Centers, whose bodies are of kind k), holds more than
// once: once for the name, at its first repeat.
func (t Template) repeated(names []string, list string, k UnitKind, report func(rule, path, en, zh string)) {
	seen := make(map[string]int, len(names))
	for _, n := range names {
		n = strings.TrimSpace(n)
		if seen[n]++; seen[n] == 2 {
			report("template.duplicate", "template."+list+"["+n+"]",
				fmt.Sprintf("%s lists %q more than once among its %s", t.Name, n, list),
				fmt.Sprintf("%s重复将 %q 列为%s", t.Name, n, k.Label()))
		}
	}
}

func kindName(k UnitKind) string {
	if k == 0 {
		return "unit of no kind"
	}
	return k.String() + " (" + k.Label() + ")"
}

// kindNameZh is kindName in Chinese: the kind's label.
func kindNameZh(k UnitKind) string {
	if k == 0 {
		return "未填写类别的单位"
	}
	return k.Label()
}
