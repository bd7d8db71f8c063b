package main

// The reform itself (-reform): what the city did to its sub-districts
// before any whistle was blown — the bodies, the resources sent down, the
// lists and the powers granted — as data, each checked against the figures
// the source publishes. The year of whistles is the annual report's.

import (
	"errors"
	"fmt"
	"slices"

	"github.com/shopspring/decimal"

	"github.com/qingdan/qingdan/accountability"
	"github.com/qingdan/qingdan/examples/internal/cli"
)

// reformData is data/reform.json: the city's sub-districts after the
// reform, with the figures the source publishes.
type reformData struct {
	Note      string          `json:"note"`
	Published reformPublished `json:"published"`
	SelfSet   []selfSetKind   `json:"selfSet"`
	Streets   []reformStreet  `json:"streets"`
	Venture   []ventureItem   `json:"venture"`
}

// reformPublished holds the source's figures: 11 public service centres
// (公共服务中心) all made sub-districts; 27 sub-districts; 34
// administrative posts added (核增行政编制) in 镜湖区 and 弋江区; 3 or
// more full-time party workers (专职党务工作人员) in every sub-district's
// 党群工作办; 14 sub-districts with a 党工委 member for party building
// beside the full-time deputy secretary; the communities' party service
// fund (社区党组织服务群众专项经费) raised from at least 16 to at least 20
// (万元 a community); and 400 (万元) of 公益创投 projects in 2019.
type reformPublished struct {
	Centers             int             `json:"centers"`
	Streets             int             `json:"streets"`
	AddedPosts          int             `json:"addedPosts"`
	AddedPostsDistricts []string        `json:"addedPostsDistricts"`
	PartyStaffMin       int             `json:"partyStaffMin"`
	PartyMembers        int             `json:"partyMembers"`
	FundBefore          decimal.Decimal `json:"fundBefore"`
	FundMin             decimal.Decimal `json:"fundMin"`
	Venture             decimal.Decimal `json:"venture"`
	VentureYear         int             `json:"ventureYear"`
}

// selfSetKind is an office a sub-district may set up on its own and the
// need the source gives for it: 城市更新办 where old-town renovation is
// heavy (Need "oldTown"), 生态环境办 where environmental work is heavy
// ("environment").
type selfSetKind struct {
	Name string `json:"name"`
	Why  string `json:"why"`
	Need string `json:"need"`
}

// reformStreet is one sub-district: its former public service centre, if
// it was one; its offices, centres and self-set offices; whether its
// old-town renovation or environmental work is heavy; the posts added and
// the district cadres sent down to it; its full-time party workers, its
// full-time deputy secretary and the 党工委 members for party building;
// and its communities with the fund each gets (万元).
type reformStreet struct {
	ID              string          `json:"id"`
	Name            string          `json:"name"`
	District        string          `json:"district"`
	Formerly        string          `json:"formerly,omitempty"`
	Offices         []string        `json:"offices"`
	Centers         []string        `json:"centers"`
	SelfSet         []string        `json:"selfSet,omitempty"`
	OldTown         bool            `json:"oldTown,omitempty"`
	Environment     bool            `json:"environment,omitempty"`
	AddedPosts      int             `json:"addedPosts,omitempty"`
	SentDown        int             `json:"sentDown,omitempty"`
	PartyStaff      int             `json:"partyStaff"`
	DeputySecretary bool            `json:"deputySecretary"`
	PartyMember     int             `json:"partyMember,omitempty"`
	Communities     int             `json:"communities"`
	Fund            decimal.Decimal `json:"fund"`
}

// ventureItem is one group of 公益创投 projects and its funds (万元).
type ventureItem struct {
	Name   string          `json:"name"`
	Amount decimal.Decimal `json:"amount"`
}

// powersData is data/powers.json: the clean-up of the sub-districts' work
// (专项整治), their assessment's indicators before and after, the five
// powers (五权) and the grants of them with their progress.
type powersData struct {
	Note       string        `json:"note"`
	Cleanup    []cleanupItem `json:"cleanup"`
	Assessment struct {
		Before []string `json:"before"`
		After  []string `json:"after"`
		Focus  []string `json:"focus"` // where the source turns the sub-districts' economic work
	} `json:"assessment"`
	Powers   []fivePower `json:"powers"`
	Tracking tracking    `json:"tracking"`
	Grants   []grantItem `json:"grants"`
}

// cleanupItem is work a sub-district did before the clean-up, the body
// that had handed it down and, if any, the list item it falls under;
// Cleared says the clean-up took it away.
type cleanupItem struct {
	Title   string `json:"title"`
	Item    string `json:"item,omitempty"`
	From    string `json:"from"`
	Cleared bool   `json:"cleared,omitempty"`
}

// fivePower is one of the five powers; Source says the source names it
// (only 规划参与权), the others being national policy's usual wording.
type fivePower struct {
	Name   string `json:"name"`
	Source bool   `json:"source"`
}

// tracking is the span of the follow-up, months From to To (YYYY-MM):
// the 党建工作领导小组 each month, the city's leaders at the end of each
// quarter. Grantee names the sub-districts as the holder of the grants.
type tracking struct {
	From    string `json:"from"`
	To      string `json:"to"`
	Grantee string `json:"grantee"`
}

// grantItem is one part of a power a department grants the sub-districts:
// Partial with Scope where only a part is granted, Surveyed where the
// survey found the part useful and within their means (管用且能承接), and
// the month it was due and the month it was done (empty while open).
type grantItem struct {
	ID       string `json:"id"`
	Power    string `json:"power"`
	Part     string `json:"part"`
	From     string `json:"from"`
	Partial  bool   `json:"partial,omitempty"`
	Scope    string `json:"scope,omitempty"`
	Surveyed bool   `json:"surveyed,omitempty"`
	Due      string `json:"due"`
	Done     string `json:"done,omitempty"`
}

// reformView is the report of -reform, as JSON or text: four sections and
// the findings of each section's checks.
type reformView struct {
	City      string        `json:"city"`
	Notes     []string      `json:"notes"`
	Bodies    bodiesView    `json:"bodies"`
	Resources resourcesView `json:"resources"`
	Lists     listsView     `json:"lists"`
	Grants    grantsView    `json:"grants"`

	name func(id string) string // a unit's name, for the text
}

// loadReform decodes data/reform.json and data/powers.json.
func loadReform() (*reformData, *powersData, error) {
	var (
		rd reformData
		pd powersData
	)
	if err := errors.Join(
		cli.Decode(data, "data/reform.json", &rd),
		cli.Decode(data, "data/powers.json", &pd),
	); err != nil {
		return nil, nil, err
	}
	return &rd, &pd, nil
}

// reformReport builds the report of -reform from the world and the
// reform's data.
func reformReport(w *world, rd *reformData, pd *powersData) *reformView {
	v := &reformView{City: w.city.City, Notes: []string{rd.Note, pd.Note}, name: w.name}
	v.Bodies = bodies(w, rd)
	v.Resources = resources(rd)
	v.Lists = lists(w, pd)
	v.Grants = grants(w, pd)
	return v
}

// findings collects the findings of a section's checks; each is an Error
// of the rule named, at a path, in English and Chinese.
type findings accountability.Findings

func (fs *findings) add(rule, path, en, zh string) {
	*fs = append(*fs, accountability.Finding{Rule: rule, Severity: accountability.Error, Path: path, Message: en, Chinese: zh})
}

// count compares a figure of the data with the published one.
func (fs *findings) count(rule, path, what, zh string, got, want int) {
	if got != want {
		fs.add(rule, path,
			fmt.Sprintf("%d %s; the source publishes %d", got, what, want),
			fmt.Sprintf("%s %d，与公布的 %d 不符", zh, got, want))
	}
}

// rulesNamed returns the built-in rules of package accountability with
// the given names, in the order given.
func rulesNamed(names ...string) []accountability.Rule {
	all := accountability.Rules()
	out := make([]accountability.Rule, 0, len(names))
	for _, n := range names {
		i := slices.IndexFunc(all, func(r accountability.Rule) bool { return r.Name == n })
		if i < 0 {
			panic("wuhu: no built-in rule " + n)
		}
		out = append(out, all[i])
	}
	return out
}
