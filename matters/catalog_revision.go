package matters

// The catalog.revision rule: every revision of a list names its approver and its
// dates, and has a version of its own.

import (
	"fmt"
	"strconv"
	"time"

	"github.com/qingdan/qingdan/accountability"
)

func (v *catalogIndex) checkRevisions() {
	c := v.c
	first := make(map[[2]string]string) // list and version → the path of its first revision
	check := func(path, list, version string, a accountability.Adoption) {
		name := fmt.Sprintf("%s %q", list, version)
		add := func(en, zh string) {
			v.report("catalog.revision", accountability.Error, path, name+" "+en, listZh(list)+" "+strconv.Quote(version)+" "+zh)
		}
		if version != "" {
			if prev, dup := first[[2]string{list, version}]; dup {
				add("has the version of "+prev+": a dispatch that records it cannot tell the two apart", "与 "+prev+" 版本号相同，派单所记的版本无法区分二者")
			} else {
				first[[2]string{list, version}] = path
			}
		}
		if a.Status >= accountability.Approved {
			if a.ApprovedBy == "" {
				add("is "+a.Status.String()+" but names no approver", a.Status.Label()+"，但未写明审定机关")
			}
			if a.ApprovedAt.IsZero() {
				add("is "+a.Status.String()+" but has no approval time", a.Status.Label()+"，但未写明审定日期")
			} else if !a.Effective.IsZero() && a.ApprovedAt.After(a.Effective) {
				add(fmt.Sprintf("was approved on %s, after it took effect on %s", a.ApprovedAt.Format(time.DateOnly), a.Effective.Format(time.DateOnly)),
					fmt.Sprintf("于 %s 审定，晚于施行日期 %s", a.ApprovedAt.Format(time.DateOnly), a.Effective.Format(time.DateOnly)))
			}
		}
		if a.Status == accountability.Published && a.Effective.IsZero() {
			add("is published but has no effective date", "已公布，但未写明施行日期")
		}
	}
	if c.Register != nil {
		check("register", "register", c.Register.Version, c.Register.Adoption)
	}
	if c.Directory != nil {
		check("directory", "directory", c.Directory.Version, c.Directory.Adoption)
	}
	if c.Admission != nil {
		check("admission", "admission", c.Admission.Version, c.Admission.Adoption)
	}
	for i, r := range c.History.Registers {
		if r != nil {
			check("history.registers["+strconv.Itoa(i)+"]", "register", r.Version, r.Adoption)
		}
	}
	for i, d := range c.History.Directories {
		if d != nil {
			check("history.directories["+strconv.Itoa(i)+"]", "directory", d.Version, d.Adoption)
		}
	}
	for i, a := range c.History.Admissions {
		if a != nil {
			check("history.admissions["+strconv.Itoa(i)+"]", "admission", a.Version, a.Adoption)
		}
	}
}

// listZh names a list in Chinese.
func listZh(list string) string {
	switch list {
	case "register":
		return "两单一图一点"
	case "directory":
		return "基层治理事项清单"
	}
	return "事项准入清单"
}
