package main

import (
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/qingdan/qingdan/assessment"
	"github.com/qingdan/qingdan/examples/internal/cli"
	"github.com/qingdan/qingdan/scoring"
	"github.com/qingdan/qingdan/staff"
	"github.com/shopspring/decimal"
)

func loadAnnual(t *testing.T) (*annual, []member) {
	t.Helper()
	var a annual
	var roster []member
	if err := cli.Decode(dataFS, "data/annual.json", &a); err != nil {
		t.Fatal(err)
	}
	if err := cli.Decode(dataFS, "data/staff.json", &roster); err != nil {
		t.Fatal(err)
	}
	return &a, roster
}

// jointRound returns the year's scores of the roster's tasks and the
// joint annual round that takes them.
func jointRound(t *testing.T, a *annual, roster []member) ([]scoring.Score, []staff.Appraised) {
	t.Helper()
	year, err := yearScores(shatangluPolicy(), roster, a.Year)
	if err != nil {
		t.Fatal(err)
	}
	scores, err := a.jointScores(roster, year)
	if err != nil {
		t.Fatal(err)
	}
	joint, err := a.Appraisal.Appraise(scores)
	if err != nil {
		t.Fatal(err)
	}
	return year, joint
}

// TestAnnualJoint: the enforcement staff are assessed in the cadres'
// round — one appraisal, one scale — on the year's composite of their
// tasks, and the sub-district recommends 2 of 城管中队 (the source's
// figure) for its internal units' heads.
func TestAnnualJoint(t *testing.T) {
	a, roster := loadAnnual(t)
	year, joint := jointRound(t, a, roster)
	composite := map[string]decimal.Decimal{}
	for _, s := range year {
		composite[s.Subject] = s.Composite
	}
	byCategory := map[string][]string{}
	for _, x := range joint {
		byCategory[x.Category] = append(byCategory[x.Category], x.Person)
		if x.Category == categoryEnforce && !x.Scores[indicatorWork].Equal(composite[x.Person].Round(2)) {
			t.Errorf("%s: 实绩 %s, want the year's composite %s rounded", x.Person, x.Scores[indicatorWork], composite[x.Person])
		}
	}
	if len(byCategory[categoryCadres]) != 4 || len(byCategory[categoryEnforce]) != 7 {
		t.Errorf("joint round holds %d cadres and %d enforcement staff, want 4 and 7 (执法岗 and 监管岗): %v",
			len(byCategory[categoryCadres]), len(byCategory[categoryEnforce]), byCategory)
	}
	places, err := a.promote(joint)
	if err != nil {
		t.Fatal(err)
	}
	unit := map[string]string{}
	for _, m := range roster {
		unit[m.ID] = m.Unit
	}
	var selected []string
	for _, p := range places {
		if p.Selected {
			selected = append(selected, p.Candidate.ID)
			if unit[p.Candidate.ID] != "STL-CGZD" {
				t.Errorf("recommended %s of %s, want 城管中队's staff", p.Candidate.ID, unit[p.Candidate.ID])
			}
		}
	}
	if diff := cmp.Diff([]string{"CG01", "CG03"}, selected); diff != "" {
		t.Errorf("recommended mismatch (-want +got):\n%s", diff)
	}
}

// TestPromoteOnPublishedTotal: the recommendation weighs the annual total
// as the joint round publishes it, to 2 places, so that an official gets
// each printed score from the printed figures (周建军: 90×0.4 + 87.94×0.6
// = 88.764, 88.76; the exact 87.944 gave 88.77).
func TestPromoteOnPublishedTotal(t *testing.T) {
	a, roster := loadAnnual(t)
	_, joint := jointRound(t, a, roster)
	published := map[string]string{}
	for _, x := range joint {
		published[x.Person] = x.Total.StringFixed(2)
	}
	places, err := a.promote(joint)
	if err != nil {
		t.Fatal(err)
	}
	w := a.Promotion.Weights
	for _, p := range places {
		id := p.Candidate.ID
		if got := p.Candidate.Years[0]; !got.Equal(decimal.RequireFromString(published[id])) {
			t.Errorf("%s: promoted on annual total %s, want the published %s", id, got, published[id])
		}
		printed := p.Candidate.Competition.Mul(w[staff.CompetitionPart]).
			Add(decimal.RequireFromString(published[id]).Mul(w[staff.YearPart(1)]))
		if got, want := p.Total.StringFixed(2), printed.StringFixed(2); got != want {
			t.Errorf("%s: score %s, want %s from the printed figures", id, got, want)
		}
	}
}

func TestAnnualErrors(t *testing.T) {
	tests := []struct {
		name   string
		change func(a *annual, roster []member) []member
		want   string
	}{
		{"an enforcer without review", func(a *annual, r []member) []member { delete(a.Reviews, "SJ02"); return r },
			"enforcement staff SJ02 葛荣华 has no year composite or no review"},
		{"a review of a police officer", func(a *annual, r []member) []member {
			a.Reviews["PC01"] = decimal.NewFromInt(90)
			return r
		}, "review of PC01, who is not enforcement staff"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, roster := loadAnnual(t)
			roster = tt.change(a, roster)
			year, err := yearScores(shatangluPolicy(), roster, a.Year)
			if err != nil {
				t.Fatal(err)
			}
			_, err = a.jointScores(roster, year)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("jointScores error %v, want %q", err, tt.want)
			}
		})
	}
	a, _ := loadAnnual(t)
	a.Promotion.Candidates["GB09"] = decimal.NewFromInt(80)
	if _, err := a.promote(nil); err == nil || !strings.Contains(err.Error(), "candidate GB09 has no annual assessment") {
		t.Errorf("promote error %v, want GB09 named", err)
	}
}

// TestAnnualErrorsInOrder: the errors of promote and jointScores, which
// range over maps, come in the order of the IDs, the same on every run.
func TestAnnualErrorsInOrder(t *testing.T) {
	a, roster := loadAnnual(t)
	for _, id := range []string{"PC03", "PC01", "PC02"} {
		a.Reviews[id] = decimal.NewFromInt(90)
	}
	year, err := yearScores(shatangluPolicy(), roster, a.Year)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"annual 2019: review of PC01, who is not enforcement staff\n" +
			"annual 2019: review of PC02, who is not enforcement staff\n" +
			"annual 2019: review of PC03, who is not enforcement staff",
		"annual 2019: candidate CG01 has no annual assessment\n" +
			"annual 2019: candidate CG02 has no annual assessment\n" +
			"annual 2019: candidate CG03 has no annual assessment\n" +
			"annual 2019: candidate CG04 has no annual assessment",
	}
	for range 20 {
		_, jointErr := a.jointScores(roster, year)
		_, promoteErr := a.promote(nil)
		got := []string{fmt.Sprint(jointErr), fmt.Sprint(promoteErr)}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Fatalf("errors mismatch (-want +got):\n%s", diff)
		}
	}
}

// TestAnnualStatesWeights: the joint round's heading says how the total is
// blended, one formula when the categories weigh alike and one for each
// category when they do not, so every total follows from its row.
func TestAnnualStatesWeights(t *testing.T) {
	tests := []struct {
		name           string
		cadres, staffs [2]string // weights of 实绩 and 民主测评
		want           string
	}{
		{"alike", [2]string{"0.6", "0.4"}, [2]string{"0.6", "0.4"}, "总分 = 实绩×0.6 + 民主测评×0.4；"},
		{"review heavier", [2]string{"0.3", "0.7"}, [2]string{"0.3", "0.7"}, "总分 = 民主测评×0.7 + 实绩×0.3；"},
		{"by category", [2]string{"0.7", "0.3"}, [2]string{"0.6", "0.4"},
			"街道干部总分 = 实绩×0.7 + 民主测评×0.3，执法人员总分 = 实绩×0.6 + 民主测评×0.4；"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, roster := loadAnnual(t)
			for i, w := range [][2]string{tt.cadres, tt.staffs} {
				a.Appraisal.Categories[i].Weights = assessment.Weights{
					indicatorWork:   decimal.RequireFromString(w[0]),
					indicatorReview: decimal.RequireFromString(w[1]),
				}
			}
			var out strings.Builder
			p := &printer{w: &out, staff: roster}
			if err := p.annual(a, shatangluPolicy()); err != nil {
				t.Fatal(err)
			}
			head, _, _ := strings.Cut(out.String(), "\n")
			if !strings.Contains(head, tt.want) {
				t.Errorf("heading %q, want it to state %q", head, tt.want)
			}
		})
	}
}

// TestAnnualPrintsExactParts: a review and a recommendation score of 3
// places are printed as they are, so that each total follows by hand from
// the printed parts. Before, 孙海波's review 90.005 printed as 90.01 beside
// the total 88.03 (0.6×86.72 + 0.4×90.005 = 52.032 + 36.002 = 88.034),
// which 0.6×86.72 + 0.4×90.01 = 88.036 does not give; and his
// recommendation 88.005 as 88.01 beside 88.02 (0.4×88.005 + 0.6×88.03 =
// 35.202 + 52.818 = 88.020), where 0.4×88.01 + 52.818 = 88.022.
func TestAnnualPrintsExactParts(t *testing.T) {
	a, roster := loadAnnual(t)
	a.Reviews["CG03"] = decimal.RequireFromString("90.005")
	a.Promotion.Candidates["CG03"] = decimal.RequireFromString("88.005")
	var out strings.Builder
	p := &printer{w: &out, staff: roster}
	if err := p.annual(a, shatangluPolicy()); err != nil {
		t.Fatal(err)
	}
	var rows []string
	for _, l := range strings.Split(out.String(), "\n") {
		if strings.Contains(l, "孙海波") {
			rows = append(rows, strings.Join(strings.Fields(l), " "))
		}
	}
	want := []string{"执法人员 2 孙海波 STL-CGZD 86.72 90.005 88.03 称职", "2 孙海波 88.005 88.03 88.02 推荐提任"}
	if diff := cmp.Diff(want, rows); diff != "" {
		t.Errorf("孙海波's rows mismatch (-want +got):\n%s", diff)
	}
}
