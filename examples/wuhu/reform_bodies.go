package main

// 坚持依责对应 推动机构设置调整: the 11 public service centres made
// sub-districts, and each sub-district's "六办两中心" with its self-set
// offices, checked against wuhu.Template().

import (
	"fmt"
	"strconv"

	"github.com/qingdan/qingdan/accountability"
	"github.com/qingdan/qingdan/locality/wuhu"
)

// bodiesView is the section on bodies: the centres made sub-districts,
// each sub-district's layout, the self-set offices by kind, and the
// findings.
type bodiesView struct {
	Template  string                  `json:"template"` // wuhu.Template().Name
	Converted []conversion            `json:"converted"`
	Streets   []layoutRow             `json:"streets"`
	SelfSet   []selfSetUse            `json:"selfSet"`
	Findings  accountability.Findings `json:"findings,omitempty"`
}

// conversion is a public service centre made a sub-district.
type conversion struct {
	Center   string `json:"center"`
	Street   string `json:"street"`
	District string `json:"district"`
}

// layoutRow is one sub-district's layout: how many offices and centres of
// the template it has, and its self-set offices.
type layoutRow struct {
	ID       string   `json:"id"`
	Name     string   `json:"name"`
	District string   `json:"district"`
	Formerly string   `json:"formerly,omitempty"`
	Offices  int      `json:"offices"`
	Centers  int      `json:"centers"`
	SelfSet  []string `json:"selfSet,omitempty"`
}

// selfSetUse is a kind of self-set office, why the source sets it up and
// the sub-districts that did.
type selfSetUse struct {
	Name    string   `json:"name"`
	Why     string   `json:"why"`
	Streets []string `json:"streets"`
}

// units returns the sub-district's bodies as units of a register: the
// sub-district, its offices and centres, and its self-set offices, marked
// SelfSet. IDs are the sub-district's ID and a number.
func (s *reformStreet) units() []accountability.Unit {
	us := []accountability.Unit{{ID: s.ID, Name: s.Name, Kind: accountability.Subdistrict}}
	add := func(name string, k accountability.UnitKind, self bool) {
		us = append(us, accountability.Unit{ID: s.ID + "-" + strconv.Itoa(len(us)), Name: name, Kind: k, Parent: s.ID, SelfSet: self})
	}
	for _, n := range s.Offices {
		add(n, accountability.Office, false)
	}
	for _, n := range s.Centers {
		add(n, accountability.Center, false)
	}
	for _, n := range s.SelfSet {
		add(n, accountability.Office, true)
	}
	return us
}

// bodies builds the section and runs its checks:
//
//	wuhu.reform.streets    the sub-districts are not the 27 published
//	wuhu.reform.city       a sub-district of city.json missing, or in another district
//	wuhu.reform.centers    the centres made sub-districts are not the 11 published, or one is named twice
//	template.*             a layout that breaks wuhu.Template() (accountability.Template.Check)
//	unit.*                 two bodies with one ID, a body of no kind (the register's rules)
//	wuhu.reform.selfset    a self-set office the source gives no need for, or one
//	                       whose need (老城改造任务重, 环保工作强度大) the sub-district lacks
func bodies(w *world, rd *reformData) bodiesView {
	t := wuhu.Template()
	v := bodiesView{Template: t.Name}
	var fs findings
	fs.count("wuhu.reform.streets", "streets", "sub-districts", "街道", len(rd.Streets), rd.Published.Streets)
	byID := map[string]*reformStreet{}
	for i := range rd.Streets {
		byID[rd.Streets[i].ID] = &rd.Streets[i]
	}
	for _, u := range w.city.Subdistricts {
		switch s := byID[u.ID]; {
		case s == nil:
			fs.add("wuhu.reform.city", "streets["+u.ID+"]",
				fmt.Sprintf("sub-district %s of city.json is not among the reform's", u.Name),
				fmt.Sprintf("city.json 的%s不在改革后的街道之列", u.Name))
		case s.Name != u.Name || s.District != u.District:
			fs.add("wuhu.reform.city", "streets["+u.ID+"]",
				fmt.Sprintf("sub-district %s is %s of %s in city.json", s.Name, u.Name, u.District),
				fmt.Sprintf("%s在 city.json 中为%s%s", s.Name, u.District, u.Name))
		}
	}
	kinds := map[string]int{}
	for _, k := range rd.SelfSet {
		kinds[k.Name] = len(v.SelfSet)
		v.SelfSet = append(v.SelfSet, selfSetUse{Name: k.Name, Why: k.Why})
	}
	centers := map[string]bool{}
	var reg accountability.Register
	for i := range rd.Streets {
		s := &rd.Streets[i]
		path := "streets[" + s.ID + "]"
		if s.Formerly != "" {
			if centers[s.Formerly] {
				fs.add("wuhu.reform.centers", path,
					fmt.Sprintf("%s: centre %s was made a sub-district already", s.Name, s.Formerly),
					fmt.Sprintf("%s：%s已改设为另一个街道", s.Name, s.Formerly))
			}
			centers[s.Formerly] = true
			v.Converted = append(v.Converted, conversion{s.Formerly, s.Name, s.District})
		}
		units := s.units()
		reg.Units = append(reg.Units, units...)
		fs = append(fs, t.Check(units, s.ID)...)
		v.Streets = append(v.Streets, layoutRow{s.ID, s.Name, s.District, s.Formerly, len(s.Offices), len(s.Centers), s.SelfSet})
		for _, n := range s.SelfSet {
			j, ok := kinds[n]
			if !ok {
				fs.add("wuhu.reform.selfset", path,
					fmt.Sprintf("%s: self-set office %s has no need the source gives", s.Name, n),
					fmt.Sprintf("%s：自设机构%s没有文件所述的设置理由", s.Name, n))
				continue
			}
			v.SelfSet[j].Streets = append(v.SelfSet[j].Streets, s.Name)
			if k := rd.SelfSet[j]; !s.has(k.Need) {
				fs.add("wuhu.reform.selfset", path,
					fmt.Sprintf("%s: self-set office %s, set up where %s, but its task is not", s.Name, n, k.Why),
					fmt.Sprintf("%s：增设%s，但该街道并非%s", s.Name, n, k.Why))
			}
		}
	}
	fs.count("wuhu.reform.centers", "streets", "public service centres made sub-districts", "改设街道的公共服务中心", len(centers), rd.Published.Centers)
	fs = append(fs, reg.Run(rulesNamed("unit.required", "unit.duplicate", "unit.parent")...)...)
	v.Findings = accountability.Findings(fs)
	return v
}

// has reports whether the sub-district has the need a self-set office is
// set up for: "oldTown" or "environment".
func (s *reformStreet) has(need string) bool {
	switch need {
	case "oldTown":
		return s.OldTown
	case "environment":
		return s.Environment
	}
	return false
}
