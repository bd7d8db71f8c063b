package matters

// The catalog.revision rule: every revision of a list names its approver and its
// dates, has a version of its own and an effective instant of its own, and
// the catalog's own revision, where History holds others, records its
// adoption.

import (
	"fmt"
	"slices"
	"strconv"
	"time"

	"github.com/qingdan/qingdan/accountability"
	"github.com/qingdan/qingdan/matters/workday"
)

func (v *catalogIndex) checkRevisions() {
	c := v.c
	first := make(map[[2]string]string) // list and version → the path of its first revision
	type instant struct {
		list string
		at   time.Time // in UTC
	}
	takesEffect := make(map[instant]string) // list and effective instant → the path of its first published revision
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
				approved, effective := instants(a.ApprovedAt, a.Effective)
				add(fmt.Sprintf("was approved on %s, after it took effect on %s", approved, effective),
					fmt.Sprintf("于 %s 审定，晚于施行日期 %s", approved, effective))
			}
		}
		if a.Status == accountability.Published && a.Effective.IsZero() {
			add("is published but has no effective date", "已公布，但未写明施行日期")
		}
		if a.Status == accountability.Published && !a.Effective.IsZero() {
			k := instant{list, a.Effective.UTC()}
			if prev, dup := takesEffect[k]; dup {
				at := a.Effective.In(workday.CST()).Format(timeLayout)
				add(fmt.Sprintf("takes effect at %s, as %s does: which of the two is in force from then cannot be told", at, prev),
					fmt.Sprintf("与 %s 的施行时间（%s）相同，无法确定此后施行哪一个", prev, at))
			} else {
				takesEffect[k] = path
			}
		}
	}
	// The catalog's own revision of a list, recording no adoption, is in
	// force at every instant only while History holds no other revision.
	unadopted := func(path, list, version string, a accountability.Adoption, others bool) {
		if others && a == (accountability.Adoption{}) {
			v.report("catalog.revision", accountability.Error, path,
				fmt.Sprintf("%s %q records no adoption, but History holds other revisions of the list: it is in force at no instant", list, version),
				fmt.Sprintf("%s %s 未写明施行日期和公布状态，而另有历史版本，故在任何时候都不施行", listZh(list), strconv.Quote(version)))
		}
	}
	if c.Register != nil {
		check("register", "register", c.Register.Version, c.Register.Adoption)
		unadopted("register", "register", c.Register.Version, c.Register.Adoption, slices.ContainsFunc(c.History.Registers, notNil))
	}
	if c.Directory != nil {
		check("directory", "directory", c.Directory.Version, c.Directory.Adoption)
		unadopted("directory", "directory", c.Directory.Version, c.Directory.Adoption, slices.ContainsFunc(c.History.Directories, notNil))
	}
	if c.Admission != nil {
		check("admission", "admission", c.Admission.Version, c.Admission.Adoption)
		unadopted("admission", "admission", c.Admission.Version, c.Admission.Adoption, slices.ContainsFunc(c.History.Admissions, notNil))
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

// instants formats the approval and effective instants of a revision in
// their own zones: as dates, or as instants where the dates are one.
func instants(approved, effective time.Time) (string, string) {
	layout := time.DateOnly
	if approved.Format(layout) == effective.Format(layout) {
		layout = timeLayout
	}
	return approved.Format(layout), effective.Format(layout)
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
