package accountability

import "strings"

// Template is a layout of a sub-district's bodies that a reform prescribes:
// the internal offices (内设机构: 办 or 部) and centres (事业机构) every
// sub-district must have, by name, and how many more offices it may set up
// on its own (自设机构). The zero Template prescribes nothing and allows no
// self-set office.
//
// The reform's layouts are [WuhuTemplate], [ChaohuTemplate] and
// [ShatangluTemplate].
type Template struct {
	Name       string   `json:"name"`
	Offices    []string `json:"offices,omitempty"`
	Centers    []string `json:"centers,omitempty"`
	MaxSelfSet int      `json:"maxSelfSet,omitempty"`
}

// WuhuTemplate returns Wuhu's "六办两中心": six offices — 综合保障办,
// 党群工作办, 城市管理办, 经济发展办, 社会事务办, 平安建设办 — and two centres,
// 为民服务中心 and 网格化服务管理中心, with at most 2 offices of the
// sub-district's own (e.g. 城市更新办, 生态环境办). The names take the short
// suffix 办, as the source's 城市更新办 does; [Template.Check] compares names
// exactly. Each call returns a fresh value.
func WuhuTemplate() Template {
	return Template{
		Name:       "芜湖市街道“六办两中心”",
		Offices:    []string{"综合保障办", "党群工作办", "城市管理办", "经济发展办", "社会事务办", "平安建设办"},
		Centers:    []string{"为民服务中心", "网格化服务管理中心"},
		MaxSelfSet: 2,
	}
}

// ChaohuTemplate returns Chaohu's "一办五部两中心" plus the 生态环境部 every
// sub-district added for the lake's environment, with one reserved slot for
// a department of the sub-district's own (e.g. 中庙街道's 文旅发展部): the
// office 党政办公室; the departments 党群工作部, 经济发展部, 城市管理部,
// 社会事务部, 平安建设部 and 生态环境部; the centres 党群服务中心 and
// 网格化服务管理中心. The source names the layout, 党群工作部, 生态环境部 and the
// two centres; the names of the office and the other four departments are
// this package's reading of the layout, data that a host whose bodies are
// named otherwise replaces. Each call returns a fresh value.
func ChaohuTemplate() Template {
	return Template{
		Name:       "巢湖市街道“一办五部两中心”+生态环境部+1个预留",
		Offices:    []string{"党政办公室", "党群工作部", "经济发展部", "城市管理部", "社会事务部", "平安建设部", "生态环境部"},
		Centers:    []string{"党群服务中心", "网格化服务管理中心"},
		MaxSelfSet: 1,
	}
}

// ShatangluTemplate returns Ma'anshan's "5+3+1" for 沙塘路街道: five offices
// (党政综合办公室, 党建工作办公室, 公共管理办公室, 公共服务办公室, 公共安全办公室),
// three centres (党群服务中心, 社会管理中心, 综合服务中心) and one self-set body.
// Check treats the one as a maximum. Each call returns a fresh value.
func ShatangluTemplate() Template {
	return Template{
		Name:       "沙塘路街道“5+3+1”",
		Offices:    []string{"党政综合办公室", "党建工作办公室", "公共管理办公室", "公共服务办公室", "公共安全办公室"},
		Centers:    []string{"党群服务中心", "社会管理中心", "综合服务中心"},
		MaxSelfSet: 1,
	}
}

// Check checks the layout of the sub-district whose unit ID is subdistrict
// against the template and returns every finding, each an [Error] with path
// `units[ID]`:
//
//	template.subdistrict  subdistrict names no unit of kind Subdistrict
//	template.missing      a prescribed office or centre is not among its units
//	template.extra        an office or centre neither prescribed nor marked SelfSet,
//	                      or a prescribed one that appears twice
//	template.selfset      more self-set bodies than MaxSelfSet
//	template.kind         a prescribed name held by a unit of the wrong kind
//
// Only the sub-district's direct children (Parent == subdistrict) of kind
// [Office] or [Center] make up its layout; dispatched agencies and nested
// units are left out. Names are compared after trimming spaces.
func (t Template) Check(units []Unit, subdistrict string) Findings {
	var out Findings
	report := func(rule, path, format string, args ...any) {
		rep := reporter{rule: rule, sev: Error, report: func(f Finding) { out = append(out, f) }}
		rep.at(path, format, args...)
	}
	found := false
	for i, u := range units {
		if u.ID == subdistrict && u.ID != "" {
			found = true
			if u.Kind != Subdistrict {
				report("template.subdistrict", key("units", u.ID, i), "unit %s is of kind %s, not a sub-district", named(u.ID, u.Name), kindName(u.Kind))
			}
			break
		}
	}
	if !found {
		report("template.subdistrict", "units["+subdistrict+"]", "sub-district %q is no unit", subdistrict)
		return out
	}
	want := make(map[string]UnitKind, len(t.Offices)+len(t.Centers))
	for _, n := range t.Offices {
		want[strings.TrimSpace(n)] = Office
	}
	for _, n := range t.Centers {
		want[strings.TrimSpace(n)] = Center
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
				report("template.selfset", path, "unit %s is self-set body number %d of sub-district %q; %s allows at most %d", named(u.ID, u.Name), selfSet, subdistrict, t.Name, t.MaxSelfSet)
			}
			continue
		}
		kind, ok := want[name]
		switch {
		case !ok:
			report("template.extra", path, "unit %s of sub-district %q is not in %s and is not marked self-set", named(u.ID, u.Name), subdistrict, t.Name)
		case have[name]:
			report("template.extra", path, "unit %s of sub-district %q repeats a body of %s", named(u.ID, u.Name), subdistrict, t.Name)
		case kind != u.Kind:
			have[name] = true
			report("template.kind", path, "unit %s of sub-district %q is of kind %s; %s makes it a %s", named(u.ID, u.Name), subdistrict, kindName(u.Kind), t.Name, kindName(kind))
		default:
			have[name] = true
		}
	}
	sdPath := "units[" + subdistrict + "]"
	for _, list := range [][]string{t.Offices, t.Centers} {
		for _, n := range list {
			if n = strings.TrimSpace(n); !have[n] {
				have[n] = true // report a name listed twice once
				report("template.missing", sdPath, "sub-district %q has no %s %q, which %s prescribes", subdistrict, kindName(want[n]), n, t.Name)
			}
		}
	}
	return out
}

func kindName(k UnitKind) string {
	if k == 0 {
		return "unit of no kind"
	}
	return k.String() + " (" + k.Label() + ")"
}
