package main

// 坚持权责一致 (明责): the three lists of the sub-districts' admission, the
// clean-up of work outside them (专项整治), and 招商引资 and 协税护税 moved
// out of the sub-districts' duties and no longer assessed.

import (
	"fmt"
	"slices"
	"strings"

	"github.com/qingdan/qingdan/accountability"
	"github.com/qingdan/qingdan/matters"
)

// listsView is the section on the lists: how many items each of the
// three lists holds, the exclusions, each piece of work of the clean-up
// with the admission decision on it, the assessment's indicators before
// and after, and the findings.
type listsView struct {
	Lists    []listCount             `json:"lists"`
	Excluded []matters.Exclusion     `json:"excluded"`
	Cleanup  []cleanupRow            `json:"cleanup"`
	Before   []string                `json:"before"`  // the sub-districts' assessment indicators before
	After    []string                `json:"after"`   // and after
	Dropped  []string                `json:"dropped"` // in Before, not in After
	Focus    []string                `json:"focus"`   // the source's: 企业服务, 营商环境, 项目落地
	Findings accountability.Findings `json:"findings,omitempty"`
}

// listCount is how many items of admission.json one list holds.
type listCount struct {
	List  matters.List `json:"list"`
	Items int          `json:"items"`
}

// cleanupRow is a piece of work of the clean-up: whether the admission
// lists admit it and why, and whether the clean-up cleared it.
type cleanupRow struct {
	Title    string `json:"title"`
	From     string `json:"from"` // the body that handed it down, by name
	Admitted bool   `json:"admitted"`
	Reason   string `json:"reason"` // the admission decision's
	Basis    string `json:"basis"`  // in short, in Chinese: the list and item, the exclusion, or 3 个清单以外
	Cleared  bool   `json:"cleared"`
}

// lists builds the section and runs its checks:
//
//	wuhu.reform.cleanup     work outside the three lists still kept, or work
//	                        on them cleared ([matters.Admission.Admit] decides)
//	wuhu.reform.assessment  an indicator of the sub-districts' assessment after
//	                        the reform that falls under an exclusion (招商引资, 协税护税)
//	wuhu.reform.focus       a focus of the economic work the source names
//	                        (企业服务, 营商环境, 项目落地) that no indicator after
//	                        the reform assesses
//	wuhu.reform.routes      a matter type of the governance matter list
//	                        (routes.json) that falls under an exclusion
func lists(w *world, pd *powersData) listsView {
	a := w.adm
	v := listsView{Excluded: a.Excluded, Before: pd.Assessment.Before, After: pd.Assessment.After, Focus: pd.Assessment.Focus}
	var fs findings
	for _, l := range []matters.List{matters.Duties, matters.Services, matters.OtherWork} {
		n := 0
		for _, it := range a.Items {
			if it.List == l {
				n++
			}
		}
		v.Lists = append(v.Lists, listCount{l, n})
	}
	for _, c := range pd.Cleanup {
		d := a.Admit(matters.Request{Title: c.Title, From: c.From, Item: c.Item})
		v.Cleanup = append(v.Cleanup, cleanupRow{c.Title, w.name(c.From), d.Admitted, d.Reason, basis(a, c.Title, d), c.Cleared})
		path := "cleanup[" + c.Title + "]"
		switch {
		case !d.Admitted && !c.Cleared:
			fs.add("wuhu.reform.cleanup", path,
				fmt.Sprintf("%s is kept, but the lists do not admit it (%s)", c.Title, d.Reason),
				fmt.Sprintf("%s不在 3 个清单内（或已移出街道职责），未清理", c.Title))
		case d.Admitted && c.Cleared:
			fs.add("wuhu.reform.cleanup", path,
				fmt.Sprintf("%s is cleared, but the lists admit it (%s)", c.Title, d.Reason),
				fmt.Sprintf("%s在清单内，却被清理", c.Title))
		}
	}
	for _, x := range v.Before {
		if !slices.Contains(v.After, x) {
			v.Dropped = append(v.Dropped, x)
		}
	}
	excluded := func(rule, path, what, zh, text string) {
		for _, x := range a.Excluded {
			if x.Matches(text) {
				fs.add(rule, path,
					fmt.Sprintf("%s %s falls under the exclusion %s", what, text, x.Name),
					fmt.Sprintf("%s“%s”属已移出街道职责的%s", zh, text, x.Name))
			}
		}
	}
	for _, x := range v.After {
		excluded("wuhu.reform.assessment", "assessment.after["+x+"]", "the sub-districts' assessment indicator", "街道考核指标", x)
	}
	for _, f := range v.Focus {
		if !slices.ContainsFunc(v.After, func(x string) bool { return strings.Contains(x, f) }) {
			fs.add("wuhu.reform.focus", "assessment.focus["+f+"]",
				"no indicator of the sub-districts' assessment after the reform assesses "+f,
				"整治后的街道考核指标未体现“"+f+"”")
		}
	}
	for _, r := range w.dir.Routes {
		excluded("wuhu.reform.routes", "routes["+r.Type+"]", "the matter type", "基层治理事项", r.Type)
	}
	v.Findings = accountability.Findings(fs)
	return v
}

// basis says in short, in Chinese, why the admission lists decided d on
// the work titled title: the list and item that admit it, the exclusion
// that keeps it out, or that no list holds it.
func basis(a *matters.Admission, title string, d matters.Decision) string {
	if d.Item != nil {
		return d.Item.List.Label() + " " + d.Item.Code
	}
	for _, x := range a.Excluded {
		if x.Matches(title) {
			return "已移出街道职责（" + x.Name + "）"
		}
	}
	return "3 个清单以外"
}
