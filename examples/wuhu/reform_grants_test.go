package main

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/qingdan/qingdan/accountability"
)

// TestReformGrants: the grants keep the source's planning-participation
// grant in part and are all done when the follow-up ends, and each way of
// breaking them is caught by its rule.
func TestReformGrants(t *testing.T) {
	tests := []reformCase{
		{"as embedded", func(*world, *reformData, *powersData) {}, nil},
		{"a sixth power", func(_ *world, _ *reformData, pd *powersData) {
			pd.Powers = append(pd.Powers, fivePower{Name: "执法协调权"})
		},
			[]ruleAt{{"wuhu.reform.five", "powers"}}},
		{"a power named twice", func(_ *world, _ *reformData, pd *powersData) { pd.Powers[4].Name = "规划参与权" },
			[]ruleAt{{"wuhu.reform.five", "powers[规划参与权]"}, {"wuhu.reform.grant", "grants[FQ-06]"}}},
		{"a grant from no department", func(_ *world, _ *reformData, pd *powersData) { pd.Grants[1].From = "qzf" },
			[]ruleAt{{"wuhu.reform.grant", "grants[FQ-02]"}}},
		{"a grant from nobody", func(_ *world, _ *reformData, pd *powersData) { pd.Grants[1].From = "" },
			[]ruleAt{{"wuhu.reform.grant", "grants[FQ-02]"}, {"power.grant", "powers[FQ-02].grant"}}},
		{"a partial grant that does not say which part", func(_ *world, _ *reformData, pd *powersData) { pd.Grants[0].Scope = "" },
			[]ruleAt{{"power.grant", "powers[FQ-01].grant"}}},
		{"a partial grant not backed by the survey", func(_ *world, _ *reformData, pd *powersData) { pd.Grants[0].Surveyed = false },
			[]ruleAt{{"wuhu.reform.survey", "grants[FQ-01]"}}},
		{"a grant still open at the end", func(_ *world, _ *reformData, pd *powersData) { pd.Grants[6].Done = "" },
			[]ruleAt{{"wuhu.reform.open", "grants[FQ-07]"}}},
		{"a month outside the follow-up", func(_ *world, _ *reformData, pd *powersData) { pd.Grants[2].Done = "2020-07" },
			[]ruleAt{{"wuhu.reform.grant.month", "grants[FQ-03].done"}}},
		{"no month at all", func(_ *world, _ *reformData, pd *powersData) { pd.Grants[2].Due = "September" },
			[]ruleAt{{"wuhu.reform.grant.month", "grants[FQ-03].due"}}},
		{"a follow-up backwards", func(_ *world, _ *reformData, pd *powersData) { pd.Tracking.From, pd.Tracking.To = "2020-06", "2019-07" }, []ruleAt{
			{"wuhu.reform.grant.month", "tracking"},
			{"wuhu.reform.grant.month", "grants[FQ-01].due"}, {"wuhu.reform.grant.month", "grants[FQ-01].done"},
			{"wuhu.reform.grant.month", "grants[FQ-02].due"}, {"wuhu.reform.grant.month", "grants[FQ-02].done"},
			{"wuhu.reform.grant.month", "grants[FQ-03].due"}, {"wuhu.reform.grant.month", "grants[FQ-03].done"},
			{"wuhu.reform.grant.month", "grants[FQ-04].due"}, {"wuhu.reform.grant.month", "grants[FQ-04].done"},
			{"wuhu.reform.grant.month", "grants[FQ-05].due"}, {"wuhu.reform.grant.month", "grants[FQ-05].done"},
			{"wuhu.reform.grant.month", "grants[FQ-06].due"}, {"wuhu.reform.grant.month", "grants[FQ-06].done"},
			{"wuhu.reform.grant.month", "grants[FQ-07].due"}, {"wuhu.reform.grant.month", "grants[FQ-07].done"},
		}},
		{"two grants with one code", func(_ *world, _ *reformData, pd *powersData) { pd.Grants[3].ID = "FQ-02" },
			[]ruleAt{{"power.duplicate", "powers[FQ-02]"}}},
	}
	runReformCases(t, tests, func(w *world, rd *reformData, pd *powersData) accountability.Findings { return grants(w, pd).Findings })
}

// TestReformLedger: the follow-up names the departments that lag at each
// month and quarter, and a grant done early counts as done before it is due.
func TestReformLedger(t *testing.T) {
	w, _, pd := reformWorld(t)
	v := grants(w, pd)
	police, housing, env := lagged{"FQ-03", "公安局"}, lagged{"FQ-05", "住建局"}, lagged{"FQ-07", "生态环境局"}
	want := []ledgerMonth{
		{"2019-07", false, 0, 0, nil},
		{"2019-08", false, 0, 1, nil}, // the planning-participation grant, done before it was due
		{"2019-09", true, 3, 2, []lagged{police}},
		{"2019-10", false, 3, 2, []lagged{police}},
		{"2019-11", false, 3, 2, []lagged{police}},
		{"2019-12", true, 5, 3, []lagged{police, housing}},
		{"2020-01", false, 5, 4, []lagged{housing}},
		{"2020-02", false, 5, 4, []lagged{housing}},
		{"2020-03", true, 7, 5, []lagged{housing, env}},
		{"2020-04", false, 7, 6, []lagged{env}},
		{"2020-05", false, 7, 6, []lagged{env}},
		{"2020-06", true, 7, 7, nil},
	}
	if diff := cmp.Diff(want, v.Ledger); diff != "" {
		t.Errorf("ledger mismatch (-want +got):\n%s", diff)
	}
	p := v.Powers[0]
	if p.Grant == nil || !p.Grant.Partial || p.Grant.Scope != "编制城市总规、控规过程中的参与权" || p.Grant.From != "zrzy" {
		t.Errorf("the planning-participation grant = %+v; want a partial grant from zrzy of 编制城市总规、控规过程中的参与权", p.Grant)
	}
	sources := 0
	for _, f := range v.Five {
		if f.Source && f.Name != "规划参与权" {
			t.Errorf("%s marked as the source's; the source names only 规划参与权", f.Name)
		}
		if f.Source {
			sources++
		}
	}
	if sources != 1 {
		t.Errorf("%d powers marked as the source's; want 1, 规划参与权", sources)
	}
}
