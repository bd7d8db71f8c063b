package main

import (
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"

	"github.com/qingdan/qingdan/accountability"
	"github.com/qingdan/qingdan/examples/internal/clitest"
)

// ruleAt is a finding reduced to what a test compares: its rule and path.
type ruleAt struct{ Rule, Path string }

func rulesAt(fs accountability.Findings) []ruleAt { return clitest.RulesAt[ruleAt](fs) }

// reformWorld loads a fresh copy of the world and the reform's data.
func reformWorld(t *testing.T) (*world, *reformData, *powersData) {
	t.Helper()
	w, err := loadWorld()
	if err != nil {
		t.Fatal(err)
	}
	rd, pd, err := loadReform()
	if err != nil {
		t.Fatal(err)
	}
	return w, rd, pd
}

// reformCase is a way of breaking the reform's data and the findings it
// should bring.
type reformCase struct {
	name   string
	mutate func(w *world, rd *reformData, pd *powersData)
	want   []ruleAt
}

// runReformCases runs each case on a fresh copy of the data and compares
// the rules and paths of what check finds with the case's.
func runReformCases(t *testing.T, tests []reformCase, check func(w *world, rd *reformData, pd *powersData) accountability.Findings) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w, rd, pd := reformWorld(t)
			tt.mutate(w, rd, pd)
			if diff := cmp.Diff(tt.want, rulesAt(check(w, rd, pd))); diff != "" {
				t.Errorf("findings mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// street returns the sub-district with the ID.
func street(t *testing.T, rd *reformData, id string) *reformStreet {
	t.Helper()
	i := slices.IndexFunc(rd.Streets, func(s reformStreet) bool { return s.ID == id })
	if i < 0 {
		t.Fatalf("no sub-district %s", id)
	}
	return &rd.Streets[i]
}

// TestReformBodies: the embedded bodies keep the source's figures and
// wuhu.Template(), and each way of breaking them is caught by its rule.
func TestReformBodies(t *testing.T) {
	tests := []reformCase{
		{"as embedded", func(*world, *reformData, *powersData) {}, nil},
		{"a centre not made a sub-district", func(_ *world, rd *reformData, _ *powersData) { street(t, rd, "longhu").Formerly = "" },
			[]ruleAt{{"wuhu.reform.centers", "streets"}}},
		{"a centre made two sub-districts", func(_ *world, rd *reformData, _ *powersData) {
			street(t, rd, "gaoan").Formerly = "龙湖公共服务中心"
		},
			[]ruleAt{{"wuhu.reform.centers", "streets[gaoan]"}}},
		{"a sub-district left out", func(_ *world, rd *reformData, _ *powersData) {
			rd.Streets = slices.DeleteFunc(rd.Streets, func(s reformStreet) bool { return s.ID == "zheshan" })
		}, []ruleAt{{"wuhu.reform.streets", "streets"}, {"wuhu.reform.city", "streets[zheshan]"}}},
		{"a sub-district in another district than city.json's", func(_ *world, rd *reformData, _ *powersData) { street(t, rd, "wanli").District = "三山区" },
			[]ruleAt{{"wuhu.reform.city", "streets[wanli]"}}},
		{"an office missing", func(_ *world, rd *reformData, _ *powersData) {
			s := street(t, rd, "tingtang")
			s.Offices = slices.DeleteFunc(slices.Clone(s.Offices), func(n string) bool { return n == "党群工作办" })
		}, []ruleAt{{"template.missing", "units[tingtang]"}}},
		{"an office not in the template and not self-set", func(_ *world, rd *reformData, _ *powersData) {
			s := street(t, rd, "tingtang")
			s.Offices = append(slices.Clone(s.Offices), "招商办")
		}, []ruleAt{{"template.extra", "units[tingtang-7]"}}},
		{"a centre set up as an office", func(_ *world, rd *reformData, _ *powersData) {
			s := street(t, rd, "matang")
			s.Offices = append(slices.Clone(s.Offices), "为民服务中心")
			s.Centers = []string{"网格化服务管理中心"}
		}, []ruleAt{{"template.kind", "units[matang-7]"}}},
		{"three self-set offices", func(_ *world, rd *reformData, _ *powersData) {
			s := street(t, rd, "yijishan")
			s.SelfSet = append(slices.Clone(s.SelfSet), "城市更新办")
		}, []ruleAt{{"template.selfset", "units[yijishan-11]"}}},
		{"a self-set office with no need the source gives", func(_ *world, rd *reformData, _ *powersData) {
			street(t, rd, "daqiao").SelfSet = []string{"文旅发展办"}
		},
			[]ruleAt{{"wuhu.reform.selfset", "streets[daqiao]"}}},
		{"城市更新办 where old-town renovation is light", func(_ *world, rd *reformData, _ *powersData) { street(t, rd, "zheshan").OldTown = false },
			[]ruleAt{{"wuhu.reform.selfset", "streets[zheshan]"}}},
		{"生态环境办 where environmental work is light", func(_ *world, rd *reformData, _ *powersData) { street(t, rd, "eqiao").Environment = false },
			[]ruleAt{{"wuhu.reform.selfset", "streets[eqiao]"}}},
		{"two sub-districts with one ID", func(_ *world, rd *reformData, _ *powersData) { street(t, rd, "gaoan").ID = "baoding" },
			[]ruleAt{{"unit.duplicate", "units[baoding]"}, {"unit.duplicate", "units[baoding-1]"}, {"unit.duplicate", "units[baoding-2]"},
				{"unit.duplicate", "units[baoding-3]"}, {"unit.duplicate", "units[baoding-4]"}, {"unit.duplicate", "units[baoding-5]"},
				{"unit.duplicate", "units[baoding-6]"}, {"unit.duplicate", "units[baoding-7]"}, {"unit.duplicate", "units[baoding-8]"}}},
	}
	runReformCases(t, tests, func(w *world, rd *reformData, pd *powersData) accountability.Findings { return bodies(w, rd).Findings })
	w, rd, _ := reformWorld(t)
	v := bodies(w, rd)
	var uses []int
	for _, k := range v.SelfSet {
		uses = append(uses, len(k.Streets))
	}
	if len(v.Converted) != 11 || len(v.Streets) != 27 || !slices.Equal(uses, []int{5, 6}) {
		t.Errorf("%d centres converted, %d sub-districts, self-set offices used %v; want 11, 27, [5 6]", len(v.Converted), len(v.Streets), uses)
	}
}

// TestReformResources: the embedded resources add up to the source's
// figures, and each way of breaking them is caught by its rule.
func TestReformResources(t *testing.T) {
	tests := []reformCase{
		{"as embedded", func(*world, *reformData, *powersData) {}, nil},
		{"one post too many", func(_ *world, rd *reformData, _ *powersData) { street(t, rd, "fanluoshan").AddedPosts++ },
			[]ruleAt{{"wuhu.reform.posts", "streets"}}},
		{"posts moved to a district the source does not name", func(_ *world, rd *reformData, _ *powersData) {
			street(t, rd, "matang").AddedPosts--
			s := street(t, rd, "wanli")
			s.AddedPosts, s.SentDown = 1, 1
		}, []ruleAt{{"wuhu.reform.posts", "streets[wanli]"}}},
		{"a post without a cadre (编随人走)", func(_ *world, rd *reformData, _ *powersData) { street(t, rd, "tingtang").SentDown = 1 },
			[]ruleAt{{"wuhu.reform.posts.people", "streets[tingtang]"}}},
		{"two party workers", func(_ *world, rd *reformData, _ *powersData) { street(t, rd, "gaoan").PartyStaff = 2 },
			[]ruleAt{{"wuhu.reform.party.staff", "streets[gaoan]"}}},
		{"a fifteenth party-building member", func(_ *world, rd *reformData, _ *powersData) { street(t, rd, "gaoan").PartyMember = 1 },
			[]ruleAt{{"wuhu.reform.party.member", "streets"}}},
		{"two members in one sub-district", func(_ *world, rd *reformData, _ *powersData) { street(t, rd, "zheshan").PartyMember = 2 },
			[]ruleAt{{"wuhu.reform.party.member", "streets[zheshan]"}}},
		{"a member without a full-time deputy secretary", func(_ *world, rd *reformData, _ *powersData) { street(t, rd, "matang").DeputySecretary = false },
			[]ruleAt{{"wuhu.reform.party.member", "streets[matang]"}}},
		{"a community fund at the old minimum", func(_ *world, rd *reformData, _ *powersData) { street(t, rd, "baoding").Fund = decimal.NewFromInt(16) },
			[]ruleAt{{"wuhu.reform.fund", "streets[baoding]"}}},
		{"just below the minimum", func(_ *world, rd *reformData, _ *powersData) {
			street(t, rd, "baoding").Fund = decimal.RequireFromString("19.99")
		},
			[]ruleAt{{"wuhu.reform.fund", "streets[baoding]"}}},
		{"公益创投 short of 400", func(_ *world, rd *reformData, _ *powersData) { rd.Venture = rd.Venture[1:] },
			[]ruleAt{{"wuhu.reform.venture", "venture"}}},
	}
	runReformCases(t, tests, func(w *world, rd *reformData, pd *powersData) accountability.Findings { return resources(rd).Findings })
	_, rd, _ := reformWorld(t)
	v := resources(rd)
	got := []string{v.FundTotal.String(), v.FundBefore.String(), v.VentureSum.String()}
	// 157 communities: 141 at 20 and 16 at 22 (中南, 官陡); 157 × 16 at the old minimum.
	if diff := cmp.Diff([]string{"3172", "2512", "400"}, got); diff != "" {
		t.Errorf("fund total, fund at the old minimum, 公益创投 mismatch (-want +got):\n%s", diff)
	}
	if v.Total.AddedPosts != 34 || v.Members != 14 || v.Total.Communities != 157 {
		t.Errorf("posts %d, members %d, communities %d; want 34, 14, 157", v.Total.AddedPosts, v.Members, v.Total.Communities)
	}
}

// TestReformLists: the clean-up leaves nothing outside the three lists,
// the assessment no longer holds 招商引资 and 协税护税, and each way of
// breaking them is caught by its rule.
func TestReformLists(t *testing.T) {
	tests := []reformCase{
		{"as embedded", func(*world, *reformData, *powersData) {}, nil},
		{"work outside the lists kept", func(_ *world, _ *reformData, pd *powersData) { pd.Cleanup[6].Cleared = false },
			[]ruleAt{{"wuhu.reform.cleanup", "cleanup[各类创建达标评比台账]"}}},
		{"excluded work kept", func(_ *world, _ *reformData, pd *powersData) { pd.Cleanup[4].Cleared = false },
			[]ruleAt{{"wuhu.reform.cleanup", "cleanup[招商引资任务分解]"}}},
		{"listed work cleared", func(_ *world, _ *reformData, pd *powersData) { pd.Cleanup[0].Cleared = true },
			[]ruleAt{{"wuhu.reform.cleanup", "cleanup[违法建设]"}}},
		{"招商引资 still assessed", func(_ *world, _ *reformData, pd *powersData) {
			pd.Assessment.After = append(pd.Assessment.After, "招商引资任务完成率")
		}, []ruleAt{{"wuhu.reform.assessment", "assessment.after[招商引资任务完成率]"}}},
		{"营商环境 no longer assessed", func(_ *world, _ *reformData, pd *powersData) {
			pd.Assessment.After = slices.DeleteFunc(pd.Assessment.After, func(x string) bool { return x == "营商环境" })
		}, []ruleAt{{"wuhu.reform.focus", "assessment.focus[营商环境]"}}},
		{"协税护税 whistled as a matter type", func(w *world, _ *reformData, _ *powersData) { w.dir.Routes[0].Type = "协税护税" },
			[]ruleAt{{"wuhu.reform.routes", "routes[协税护税]"}}},
	}
	runReformCases(t, tests, func(w *world, rd *reformData, pd *powersData) accountability.Findings { return lists(w, pd).Findings })
	w, _, pd := reformWorld(t)
	v := lists(w, pd)
	if diff := cmp.Diff([]string{"招商引资", "协税护税"}, v.Dropped); diff != "" {
		t.Errorf("indicators no longer assessed mismatch (-want +got):\n%s", diff)
	}
	var counts []int
	for _, l := range v.Lists {
		counts = append(counts, l.Items)
	}
	if diff := cmp.Diff([]int{9, 4, 1}, counts); diff != "" {
		t.Errorf("items per list mismatch (-want +got):\n%s", diff)
	}
}
