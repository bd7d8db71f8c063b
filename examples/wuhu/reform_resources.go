package main

// 坚持全面倾斜 推动资源力量下沉: posts added with the cadres sent down
// (编随人走), the party workers of every 党群工作办, the 党工委 members for
// party building, the communities' fund and the 公益创投 projects, each
// checked against the published figures.

import (
	"fmt"
	"slices"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/qingdan/qingdan/accountability"
)

// resourcesView is the section on resources: each sub-district's figures,
// their totals, the 公益创投 projects, and the findings.
type resourcesView struct {
	Published  reformPublished         `json:"published"`
	Streets    []resourceRow           `json:"streets"`
	Total      resourceRow             `json:"total"`
	Members    int                     `json:"members"`    // sub-districts with a 党工委 member for party building
	FundTotal  decimal.Decimal         `json:"fundTotal"`  // the communities' fund, 万元
	FundBefore decimal.Decimal         `json:"fundBefore"` // what it came to at the old minimum, 万元
	Venture    []ventureItem           `json:"venture"`    // 公益创投 projects
	VentureSum decimal.Decimal         `json:"ventureSum"` // 万元
	Findings   accountability.Findings `json:"findings,omitempty"`
}

// resourceRow is one sub-district's resources (or their totals, Name 合计).
type resourceRow struct {
	Name            string          `json:"name"`
	District        string          `json:"district,omitempty"`
	AddedPosts      int             `json:"addedPosts"`
	SentDown        int             `json:"sentDown"`
	PartyStaff      int             `json:"partyStaff"`
	DeputySecretary bool            `json:"deputySecretary"`
	PartyMember     int             `json:"partyMember"`
	Communities     int             `json:"communities"`
	Fund            decimal.Decimal `json:"fund"` // a community's, 万元; blank in the totals
}

// resources builds the section and runs its checks:
//
//	wuhu.reform.posts         the added posts are not the 34 published, or a
//	                          sub-district outside 镜湖区 and 弋江区 has some
//	wuhu.reform.posts.people  more posts added than cadres sent down (编随人走)
//	wuhu.reform.party.staff   fewer full-time party workers than the 3 published
//	wuhu.reform.party.member  the sub-districts with a party-building member are
//	                          not the 14 published; a sub-district with more than 1,
//	                          or with one but no full-time deputy secretary
//	wuhu.reform.fund          a community's fund below the 20 (万元) published
//	wuhu.reform.venture       公益创投 projects that do not add up to the 400 published
func resources(rd *reformData) resourcesView {
	p := rd.Published
	v := resourcesView{Published: p, Venture: rd.Venture, Total: resourceRow{Name: "合计"}}
	var fs findings
	for _, s := range rd.Streets {
		path := "streets[" + s.ID + "]"
		r := resourceRow{s.Name, s.District, s.AddedPosts, s.SentDown, s.PartyStaff, s.DeputySecretary, s.PartyMember, s.Communities, s.Fund}
		v.Streets = append(v.Streets, r)
		t := &v.Total
		t.AddedPosts += r.AddedPosts
		t.SentDown += r.SentDown
		t.PartyStaff += r.PartyStaff
		t.PartyMember += r.PartyMember
		t.Communities += r.Communities
		n := decimal.NewFromInt(int64(s.Communities))
		v.FundTotal = v.FundTotal.Add(s.Fund.Mul(n))
		v.FundBefore = v.FundBefore.Add(p.FundBefore.Mul(n))
		if s.AddedPosts > 0 && !slices.Contains(p.AddedPostsDistricts, s.District) {
			fs.add("wuhu.reform.posts", path,
				fmt.Sprintf("%s of %s: %d posts added; the source adds posts in %s only", s.Name, s.District, s.AddedPosts, strings.Join(p.AddedPostsDistricts, ", ")),
				fmt.Sprintf("%s属%s，核增行政编制 %d 个；文件所述核增编制的只有%s", s.Name, s.District, s.AddedPosts, strings.Join(p.AddedPostsDistricts, "、")))
		}
		if s.AddedPosts > s.SentDown {
			fs.add("wuhu.reform.posts.people", path,
				fmt.Sprintf("%s: %d posts added but %d cadres sent down; a post follows a cadre (编随人走)", s.Name, s.AddedPosts, s.SentDown),
				fmt.Sprintf("%s核增行政编制 %d 个，下沉干部仅 %d 名，不合编随人走", s.Name, s.AddedPosts, s.SentDown))
		}
		if s.PartyStaff < p.PartyStaffMin {
			fs.add("wuhu.reform.party.staff", path,
				fmt.Sprintf("%s: %d full-time party workers in its 党群工作办; at least %d", s.Name, s.PartyStaff, p.PartyStaffMin),
				fmt.Sprintf("%s党群工作办专职党务工作人员 %d 名，少于 %d 名", s.Name, s.PartyStaff, p.PartyStaffMin))
		}
		switch {
		case s.PartyMember > 1:
			fs.add("wuhu.reform.party.member", path,
				fmt.Sprintf("%s: %d 党工委 members for party building; the source adds 1", s.Name, s.PartyMember),
				fmt.Sprintf("%s抓党建工作的党工委委员 %d 名，文件为增配 1 名", s.Name, s.PartyMember))
		case s.PartyMember == 1 && !s.DeputySecretary:
			fs.add("wuhu.reform.party.member", path,
				fmt.Sprintf("%s: a 党工委 member for party building but no full-time deputy secretary", s.Name),
				fmt.Sprintf("%s增配抓党建工作的党工委委员，但未配备专职副书记", s.Name))
		}
		if s.PartyMember > 0 {
			v.Members++
		}
		if s.Fund.LessThan(p.FundMin) {
			fs.add("wuhu.reform.fund", path,
				fmt.Sprintf("%s: %s (万元) a community, below the minimum of %s", s.Name, s.Fund, p.FundMin),
				fmt.Sprintf("%s每个社区专项经费 %s 万元，低于最低 %s 万元", s.Name, s.Fund, p.FundMin))
		}
	}
	fs.count("wuhu.reform.posts", "streets", "administrative posts added", "核增行政编制", v.Total.AddedPosts, p.AddedPosts)
	fs.count("wuhu.reform.party.member", "streets", "sub-districts with a 党工委 member for party building", "增配抓党建工作党工委委员的街道", v.Members, p.PartyMembers)
	for _, x := range rd.Venture {
		v.VentureSum = v.VentureSum.Add(x.Amount)
	}
	if !v.VentureSum.Equal(p.Venture) {
		fs.add("wuhu.reform.venture", "venture",
			fmt.Sprintf("公益创投 projects of %d come to %s (万元); the source publishes %s", p.VentureYear, v.VentureSum, p.Venture),
			fmt.Sprintf("%d 年公益创投项目合计 %s 万元，与公布的 %s 万元不符", p.VentureYear, v.VentureSum, p.Venture))
	}
	v.Findings = accountability.Findings(fs)
	return v
}
