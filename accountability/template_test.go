package accountability

import (
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// layout builds a sub-district S with the template's bodies, then extra.
func layout(t Template, extra ...Unit) []Unit {
	units := []Unit{{ID: "S", Name: "街道", Kind: Subdistrict}}
	for i, n := range t.Offices {
		units = append(units, Unit{ID: "O" + string(rune('a'+i)), Name: n, Kind: Office, Parent: "S"})
	}
	for i, n := range t.Centers {
		units = append(units, Unit{ID: "C" + string(rune('a'+i)), Name: n, Kind: Center, Parent: "S"})
	}
	// Bodies that are no part of the layout.
	units = append(units,
		Unit{ID: "P", Name: "派出所", Kind: Agency, Parent: "S"},
		Unit{ID: "D", Name: "市城市管理局", Kind: Department},
		Unit{ID: "N", Name: "某科", Kind: Office, Parent: "Oa"},
	)
	return append(units, extra...)
}

// sixTwo is a layout of six offices and two centres, at most two self-set:
// Wuhu's, as package locality/wuhu holds it, copied here as test data.
func sixTwo() Template {
	return Template{
		Name:       "芜湖市街道“六办两中心”",
		Offices:    []string{"综合保障办", "党群工作办", "城市管理办", "经济发展办", "社会事务办", "平安建设办"},
		Centers:    []string{"为民服务中心", "网格化服务管理中心"},
		MaxSelfSet: 2,
	}
}

func TestTemplateCheckOwnLayout(t *testing.T) {
	for _, tmpl := range []Template{sixTwo(), {Name: "empty"}, {Name: "one", Offices: []string{" 党政办 "}}} {
		if got := tmpl.Check(layout(tmpl), "S"); len(got) != 0 {
			t.Errorf("%s: Check(its own layout) = %v, want no findings", tmpl.Name, got)
		}
	}
}

func TestTemplateCheck(t *testing.T) {
	wuhu := sixTwo()
	selfSet := func(id, name string) Unit { return Unit{ID: id, Name: name, Kind: Office, Parent: "S", SelfSet: true} }
	tests := []struct {
		name  string
		units []Unit
		sd    string
		want  Findings
	}{
		{"two self-set offices", layout(wuhu, selfSet("X1", "城市更新办"), selfSet("X2", "生态环境办")), "S", nil},
		{"a third self-set office", layout(wuhu, selfSet("X1", "城市更新办"), selfSet("X2", "生态环境办"), selfSet("X3", "文旅办")), "S",
			Findings{e("template.selfset", "units[X3]", `unit "X3" (文旅办) is self-set body number 3 of sub-district "S"; 芜湖市街道“六办两中心” allows at most 2`,
				`单位文旅办（X3）是街道 "S" 的第 3 个自设机构，芜湖市街道“六办两中心”至多允许 2 个`)}},
		{"an office not marked self-set", layout(wuhu, Unit{ID: "X1", Name: "城市更新办", Kind: Office, Parent: "S"}), "S",
			Findings{e("template.extra", "units[X1]", `unit "X1" (城市更新办) of sub-district "S" is not in 芜湖市街道“六办两中心” and is not marked self-set`,
				`街道 "S" 的单位城市更新办（X1）不在芜湖市街道“六办两中心”之列，也未标明为自设机构`)}},
		{"an office twice", layout(wuhu, Unit{ID: "X1", Name: "平安建设办", Kind: Office, Parent: "S"}), "S",
			Findings{e("template.extra", "units[X1]", `unit "X1" (平安建设办) of sub-district "S" repeats a body of 芜湖市街道“六办两中心”`,
				`街道 "S" 的单位平安建设办（X1）与芜湖市街道“六办两中心”所列机构重复`)}},
		{"a missing centre", layout(wuhu)[:8], "S",
			Findings{e("template.missing", "units[S]", `sub-district "S" has no center (事业机构) "网格化服务管理中心", which 芜湖市街道“六办两中心” prescribes`,
				`街道 "S" 缺少芜湖市街道“六办两中心”规定的事业机构 "网格化服务管理中心"`)}},
		{"a centre set up as an office", func() []Unit { u := layout(wuhu); u[7].Kind = Office; return u }(), "S",
			Findings{e("template.kind", "units[Ca]", `unit "Ca" (为民服务中心) of sub-district "S" is of kind office (内设机构); 芜湖市街道“六办两中心” prescribes kind center (事业机构)`,
				`街道 "S" 的单位为民服务中心（Ca）类别为内设机构，芜湖市街道“六办两中心”规定为事业机构`)}},
		{"no such sub-district", layout(wuhu), "Z",
			Findings{e("template.subdistrict", "units[Z]", `sub-district "Z" is no unit`,
				`街道 "Z" 不是登记的单位`)}},
		{"not a sub-district", layout(wuhu), "Oa",
			Findings{e("template.subdistrict", "units[Oa]", `unit "Oa" (综合保障办) is of kind office (内设机构), not a sub-district`,
				`单位综合保障办（Oa）的类别为内设机构，不是街道`),
				e("template.extra", "units[N]", `unit "N" (某科) of sub-district "Oa" is not in 芜湖市街道“六办两中心” and is not marked self-set`,
					`街道 "Oa" 的单位某科（N）不在芜湖市街道“六办两中心”之列，也未标明为自设机构`)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := wuhu.Check(tt.units, tt.sd)
			if tt.name == "not a sub-district" {
				got = got[:2] // the missing bodies of Oa are beside the point
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Check() mismatch (-want +got):\n%s", diff)
			}
			for _, f := range got {
				checkChinese(t, f, figures(tt.units, tt.sd, wuhu))
			}
		})
	}
	if got := (Template{}).Check(nil, ""); len(got) != 1 || got[0].Rule != "template.subdistrict" {
		t.Errorf("zero Template, no units: %v", got)
	}
}

// TestTemplateCheckRepeat: a name a template lists more than once in one
// list, compared after trimming spaces, is a fault of the template,
// reported once, at its first repeat, as template.conflict reports a name
// in both lists; the layout that holds the name once is sound.
func TestTemplateCheckRepeat(t *testing.T) {
	tmpl := Template{Name: "模板", Offices: []string{" 综合办", "服务办", "综合办 "}, Centers: []string{"服务中心", "服务办", " 服务中心", "服务办 ", "服务中心"}}
	repeat := func(list, n, zh string) Finding {
		return e("template.duplicate", "template."+list+"["+n+"]", `模板 lists "`+n+`" more than once among its `+list,
			`模板重复将 "`+n+`" 列为`+zh)
	}
	want := Findings{
		repeat("offices", "综合办", "内设机构"),
		repeat("centers", "服务中心", "事业机构"),
		repeat("centers", "服务办", "事业机构"),
		e("template.conflict", "template.centers[服务办]", `模板 lists "服务办" both as an office and as a center`,
			`模板同时将 "服务办" 列为内设机构和事业机构`),
	}
	units := layout(Template{Offices: []string{"综合办", "服务办"}, Centers: []string{"服务中心"}})
	got := tmpl.Check(units, "S")
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Check() mismatch (-want +got):\n%s", diff)
	}
	for _, f := range got {
		checkChinese(t, f, figures(units, "S", tmpl))
	}
}

// TestTemplateCheckConflict: a name a template lists both as an office and
// as a centre is a fault of the template, reported once as such; a unit of
// either kind then holds the name, and its absence is not called the
// absence of a centre.
func TestTemplateCheckConflict(t *testing.T) {
	tmpl := Template{Name: "模板", Offices: []string{"综合办", "服务办", "综合办"}, Centers: []string{" 服务办 ", "服务中心"}}
	conflict := e("template.conflict", "template.centers[服务办]", `模板 lists "服务办" both as an office and as a center`,
		`模板同时将 "服务办" 列为内设机构和事业机构`)
	repeat := e("template.duplicate", "template.offices[综合办]", `模板 lists "综合办" more than once among its offices`,
		`模板重复将 "综合办" 列为内设机构`)
	units := layout(Template{Offices: []string{"综合办"}, Centers: []string{"服务中心"}})
	tests := []struct {
		name  string
		units []Unit
		want  Findings
	}{
		{"missing", units, Findings{repeat, conflict,
			e("template.missing", "units[S]", `sub-district "S" has no office (内设机构) or center (事业机构) "服务办", which 模板 prescribes`,
				`街道 "S" 缺少模板规定的内设机构或事业机构 "服务办"`)}},
		{"an office", append(slices.Clone(units), Unit{ID: "X", Name: "服务办", Kind: Office, Parent: "S"}), Findings{repeat, conflict}},
		{"a centre", append(slices.Clone(units), Unit{ID: "X", Name: "服务办", Kind: Center, Parent: "S"}), Findings{repeat, conflict}},
		{"no such sub-district", units[1:], Findings{repeat, conflict,
			e("template.subdistrict", "units[S]", `sub-district "S" is no unit`, `街道 "S" 不是登记的单位`)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := tmpl.Check(tt.units, "S")
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Check() mismatch (-want +got):\n%s", diff)
			}
			for _, f := range got {
				checkChinese(t, f, figures(tt.units, "S", tmpl))
			}
		})
	}
}
