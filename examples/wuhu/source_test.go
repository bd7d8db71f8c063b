package main

import (
	"strings"
	"testing"

	"github.com/shopspring/decimal"
)

// TestFigures checks the figures of the JSON report against the seed's
// ("今年以来,全市数字化城管平台收到街道'吹哨'事项746件,已办结619件,街道
// 满意率达90%以上"): 746 received, every one a sub-district's whistle,
// 619 resolved (0.8298), and a 街道满意率 — the sub-districts' grades of
// the departments of data/indicators.json's grade or better — of at
// least 90%, the sum of the departments' own; the hotline's stream apart;
// and that each department's annual total is exactly 30% of its composite
// plus 70% of its other assessment, ranked.
func TestFigures(t *testing.T) {
	t.Parallel()
	rep, out := runReport(t, "-json")
	s := rep.Summary
	if s == nil || rep.Figures == nil || rep.Rates == nil || rep.Hotline == nil {
		t.Fatalf("no summary, figures, rates or hotline summary in %s", out)
	}
	if s.Received != 746 || s.Resolved != 619 || !s.ResolutionRate.Equal(decimal.RequireFromString("0.8298")) {
		t.Errorf("received %d, resolved %d, rate %s; want 746, 619, 0.8298", s.Received, s.Resolved, s.ResolutionRate)
	}
	if s.Assigned != 0 {
		t.Errorf("%d received matters dispatched without a sub-district's whistle; want every one whistled", s.Assigned)
	}
	street := rep.Rates.Street
	if street.Den == 0 || street.Value.LessThan(decimal.RequireFromString("0.9")) || rep.Rates.Matters != s.Received {
		t.Errorf("街道满意率 %d of %d = %s over %d matters; want at least 0.9 over the %d received", street.Num, street.Den, street.Value, rep.Rates.Matters, s.Received)
	}
	num, den := 0, 0
	for _, d := range rep.Departments {
		if d.Rates != nil {
			num, den = num+d.Rates.Street.Num, den+d.Rates.Street.Den
		}
	}
	if num != street.Num || den != street.Den {
		t.Errorf("the departments' 街道满意率 add up to %d of %d; the year's is %d of %d", num, den, street.Num, street.Den)
	}
	if s.Surveyed == 0 || s.Satisfied > s.Surveyed {
		t.Errorf("return visits: %d satisfied of %d; want some, the satisfied among them", s.Satisfied, s.Surveyed)
	}
	f := rep.Figures
	for name, n := range map[string]int{
		"unwhistled": f.Unwhistled, "hotline": f.Hotline, "coordinated": f.Coordinated, "returned": f.Returned,
		"suspended": f.Suspended, "staged": f.Staged, "reopened": f.Reopened, "overdue": f.Overdue, "openOverdue": f.OpenOverdue,
		"assigned": f.Assigned, "sentBack": f.SentBack, "extended": f.Extended, "denied": f.Denied, "suspendDenied": f.SuspendDenied,
		"extendDenied": f.ExtendDenied, "urged": f.Urged, "supervised": f.Supervised, "escalated": f.Escalated,
		"replied": f.Replied, "lateVisits": f.LateVisits, "streetGrades": f.StreetGrades,
	} {
		if n == 0 {
			t.Errorf("figures.%s = 0; the year should have some", name)
		}
	}
	if f.Open != s.Received-s.Resolved {
		t.Errorf("open %d; want received − resolved = %d", f.Open, s.Received-s.Resolved)
	}
	if f.Denied != f.SuspendDenied+f.ExtendDenied+f.Returned || f.Escalated > f.Supervised || f.Supervised != s.Supervised+rep.Hotline.Supervised || f.Urged != s.Urged+rep.Hotline.Urged {
		t.Errorf("figures %+v disagree with each other or with the summaries %+v and %+v (the hotline's)", f, s, rep.Hotline)
	}
	if h := rep.Hotline; h.Received != f.Hotline || h.Assigned != f.Assigned+f.SentBack {
		t.Errorf("the hotline's summary counts %d matters, %d dispatched without a whistle; the figures say %d, the hotline assigned %d and re-dispatched %d",
			h.Received, h.Assigned, f.Hotline, f.Assigned, f.SentBack)
	}
	streetEvaluations := 0
	for i, d := range rep.Streets {
		streetEvaluations += d.Evaluations
		if i > 0 && (rep.Streets[i-1].Composite.LessThan(d.Composite) || rep.Streets[i-1].Rank > d.Rank) {
			t.Errorf("street %s (%s) ranked %d after %s (%s) ranked %d", d.Name, d.Composite, d.Rank, rep.Streets[i-1].Name, rep.Streets[i-1].Composite, rep.Streets[i-1].Rank)
		}
	}
	if len(rep.Streets) == 0 || rep.Streets[0].Rank != 1 || streetEvaluations != f.StreetGrades {
		t.Errorf("streets %+v hold %d evaluations; want them ranked from 1, holding the %d the hotline made", rep.Streets, streetEvaluations, f.StreetGrades)
	}
	if f.StageEvaluations < 2*f.Staged {
		t.Errorf("%d stage evaluations for %d staged matters; want at least two each", f.StageEvaluations, f.Staged)
	}
	w, err := loadWorld()
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Departments) != len(w.city.Departments) {
		t.Errorf("%d departments ranked; want %d", len(rep.Departments), len(w.city.Departments))
	}
	evaluations := 0
	for i, d := range rep.Departments {
		evaluations += d.Evaluations
		want := decimal.RequireFromString("0.3").Mul(d.Composite).Add(decimal.RequireFromString("0.7").Mul(d.Other))
		if !d.Total.Equal(want) {
			t.Errorf("%s: total %s; want 0.3 × %s + 0.7 × %s = %s", d.Name, d.Total, d.Composite, d.Other, want)
		}
		if i > 0 {
			prev := rep.Departments[i-1]
			if prev.Total.LessThan(d.Total) || prev.Rank > d.Rank || (prev.Total.Equal(d.Total) != (prev.Rank == d.Rank)) {
				t.Errorf("rank %d (%s) after rank %d (%s)", d.Rank, d.Total, prev.Rank, prev.Total)
			}
		}
	}
	if evaluations != f.Evaluations {
		t.Errorf("departments hold %d evaluations; figures say %d", evaluations, f.Evaluations)
	}
}

// TestIllustrativeLabelled checks that the text reports label as
// illustrative the rules the source does not give: the weights of the
// three-rate index (the source publishes none) and the classes and red
// and black lists of the monthly ranking (the source names neither).
func TestIllustrativeLabelled(t *testing.T) {
	for _, tc := range []struct {
		args []string
		line string // a line holding this
		want string // must also hold this
	}{
		{nil, "指数 = ", "权重为示例"},
		{[]string{"-month", "2020-06"}, "指数 = ", "权重为示例"},
		{[]string{"-month", "2020-06"}, "分类排名", "示例"},
	} {
		r := runWith(tc.args...)
		if r.code != 0 {
			t.Fatalf("run(%q) = %d, stderr %q", tc.args, r.code, r.stderr)
		}
		found := false
		for line := range strings.Lines(r.stdout) {
			if strings.Contains(line, tc.line) {
				found = true
				if !strings.Contains(line, tc.want) {
					t.Errorf("run(%q): %q does not say %q", tc.args, strings.TrimSpace(line), tc.want)
				}
			}
		}
		if !found {
			t.Errorf("run(%q): no line with %q", tc.args, tc.line)
		}
	}
}
