package main

import (
	"strings"

	"github.com/qingdan/qingdan/accountability"
)

// listLabel names a register list the way a published revision notice does.
var listLabel = map[string]string{
	"units":            "机构",
	"powers":           "权力清单",
	"responsibilities": "责任清单",
	"flows":            "流程图",
	"risks":            "廉政风险点",
	"separations":      "不相容岗位",
}

// diff prints what changed from the old revision to the register, the way a
// revision notice lists it.
func (r *report) diff(old *accountability.Register) {
	cs := accountability.Diff(old, r.reg)
	count := map[accountability.ChangeKind]int{}
	for _, c := range cs {
		count[c.Kind]++
	}
	r.printf("七、版本对比：%s 版 → %s 版，%s %d 处，%s %d 处，%s %d 处\n", old.Version, r.reg.Version,
		accountability.Added.Label(), count[accountability.Added],
		accountability.Removed.Label(), count[accountability.Removed],
		accountability.Changed.Label(), count[accountability.Changed])
	t := newTable("变化", "清单", "编号", "名称", "变更字段")
	for _, c := range cs {
		name := entryName(r.reg, c)
		if name == "" {
			name = entryName(old, c)
		}
		label := listLabel[c.List]
		if label == "" {
			label = c.List
		}
		t.add(c.Kind.Label(), label, c.Key, name, strings.Join(c.Fields, " "))
	}
	r.table(t)
	r.printf("\n")
}

// entryName returns the name of the entry a change is about in reg, or ""
// if reg has no such entry.
func entryName(reg *accountability.Register, c accountability.Change) string {
	switch c.List {
	case "units":
		for _, u := range reg.Units {
			if u.ID == c.Key {
				return u.Name
			}
		}
	case "powers":
		for _, p := range reg.Powers {
			if p.Code == c.Key {
				return p.Name
			}
		}
	case "responsibilities":
		for _, x := range reg.Responsibilities {
			if x.Code == c.Key {
				return x.Duty
			}
		}
	case "flows":
		for _, f := range reg.Flows {
			if f.ID == c.Key {
				return f.Name
			}
		}
	case "risks":
		for _, x := range reg.Risks {
			if x.ID == c.Key {
				return x.Text
			}
		}
	case "separations":
		for _, s := range reg.Separations {
			if s.Flow+":"+s.Steps[0]+","+s.Steps[1] == c.Key {
				return s.Reason
			}
		}
	}
	return ""
}
