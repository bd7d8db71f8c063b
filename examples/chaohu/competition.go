package main

import (
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/qingdan/qingdan/assessment"
	"github.com/qingdan/qingdan/examples/internal/texttable"
	"github.com/qingdan/qingdan/staff"
	"github.com/shopspring/decimal"
)

// competition is an open competition for posts (公开竞选) as the data file
// holds it: each candidate's competition score and the grades of the last
// three annual appraisals (年度考核) by year, the points each grade is worth,
// the weights, and the kinds of post with how many posts of each kind are
// offered (the source: each sub-district offered nearly 20 posts, 近20个岗位).
// The source says only that the posts went by the competition's results and
// the last three annual appraisals (综合竞选成绩及近三年年度考核结果); the
// weights, the points and the bar are illustrative, and Note says so in the
// report.
type competition struct {
	Title           string                     `json:"title"`
	Note            string                     `json:"note,omitempty"`
	Year            int                        `json:"year"`    // the year of the competition; appraisals are of the three years before
	Weights         assessment.Weights         `json:"weights"` // "competition", "year1" (last year), "year2", "year3"
	AppraisalPoints map[string]decimal.Decimal `json:"appraisalPoints"`
	Ineligible      string                     `json:"ineligible,omitempty"` // a grade that bars a candidate, e.g. 不称职
	Posts           []post                     `json:"posts"`
	Candidates      []applicant                `json:"candidates"`
}

// post is a kind of post, and Quota how many posts of that kind are offered.
type post struct {
	Code  string `json:"code"`
	Unit  string `json:"unit"`
	Name  string `json:"name"`
	Quota int    `json:"quota"`
}

type applicant struct {
	ID         string            `json:"id"`
	Name       string            `json:"name"`
	Post       string            `json:"post"`
	Score      decimal.Decimal   `json:"score"`
	Appraisals map[string]string `json:"appraisals"` // year → grade
}

// appraisalYears is how many years of annual appraisal count.
const appraisalYears = 3

// barred says why a candidate may not compete, or "" if they may.
type barred struct {
	applicant
	why string
}

// candidates turns the applicants into staff candidates, their appraisal
// grades into points, last year first. Applicants with the ineligible grade
// in any year are set apart with the reason. Every problem of the data is
// reported, joined: a post offered twice, a grade with no points, a year
// missing, an applicant for a post not offered or under an ID used before
// (barred or not, so that every one counted is in the tables, each row
// with their own figures).
func (c *competition) candidates() ([]staff.Candidate, []barred, error) {
	var out []staff.Candidate
	var bar []barred
	var errs []error
	offered := map[string]bool{}
	for _, p := range c.Posts {
		if offered[p.Code] {
			errs = append(errs, fmt.Errorf("post %q is offered twice", p.Code))
		}
		offered[p.Code] = true
	}
	ids := map[string]bool{}
	for _, a := range c.Candidates {
		if ids[a.ID] {
			errs = append(errs, fmt.Errorf("applicant ID %s is used twice", a.ID))
			continue
		}
		ids[a.ID] = true
		if !offered[a.Post] {
			errs = append(errs, fmt.Errorf("candidate %s %s: post %q is not offered", a.ID, a.Name, a.Post))
			continue
		}
		sc := staff.Candidate{ID: a.ID, Name: a.Name, Post: a.Post, Competition: a.Score}
		var why []string
		for n := 1; n <= appraisalYears; n++ {
			year := strconv.Itoa(c.Year - n)
			grade, ok := a.Appraisals[year]
			if !ok {
				errs = append(errs, fmt.Errorf("candidate %s %s: no appraisal for %s", a.ID, a.Name, year))
				continue
			}
			p, ok := c.AppraisalPoints[grade]
			if !ok {
				errs = append(errs, fmt.Errorf("candidate %s %s: appraisal %q of %s is worth no points", a.ID, a.Name, grade, year))
				continue
			}
			if c.Ineligible != "" && grade == c.Ineligible {
				why = append(why, year+" 年度考核"+grade)
			}
			sc.Years = append(sc.Years, p)
		}
		if len(why) > 0 {
			bar = append(bar, barred{a, strings.Join(why, "，")})
			continue
		}
		out = append(out, sc)
	}
	return out, bar, errors.Join(errs...)
}

func (r *report) competition(c *competition) error {
	cands, bar, err := c.candidates()
	if err != nil {
		return err
	}
	quotas := map[string]int{}
	seats := 0
	for _, p := range c.Posts {
		quotas[p.Code] = p.Quota
		seats += p.Quota
	}
	placed, err := staff.Select(cands, c.Weights, quotas)
	if err != nil {
		return err
	}
	selected := 0
	for _, p := range placed {
		if p.Selected {
			selected++
		}
	}
	r.printf("八、公开竞选：%s\n", c.Title)
	r.printf("  拿出 %d 个岗位公开竞选（分 %d 类）；报名 %d 人，资格不符 %d 人，拟聘 %d 人\n",
		seats, len(c.Posts), len(c.Candidates), len(bar), selected)
	var points []string
	for _, g := range sortedGrades(c.AppraisalPoints) {
		points = append(points, g+" "+c.AppraisalPoints[g].String())
	}
	years := make([]string, appraisalYears)
	shares := make([]string, appraisalYears)
	for n := 1; n <= appraisalYears; n++ {
		years[n-1] = strconv.Itoa(c.Year - n)
		shares[n-1] = percent(c.Weights[staff.YearPart(n)])
	}
	bars := ""
	if c.Ineligible != "" {
		bars = "；任一年度“" + c.Ineligible + "”的不得参加"
	}
	r.printf("  综合成绩 = 竞选成绩×%s + %s 年度考核折算分×%s（%s）%s\n",
		percent(c.Weights[staff.CompetitionPart]), strings.Join(years, "、"), strings.Join(shares, "、"),
		strings.Join(points, "、"), bars)
	if c.Note != "" {
		r.printf("  （%s）\n", c.Note)
	}
	for _, p := range c.Posts {
		r.printf("  %s %s %s（%d 个岗位）\n", p.Code, p.Unit, p.Name, p.Quota)
		heads := []string{">排名", "姓名", ">竞选成绩"}
		for n := 1; n <= appraisalYears; n++ {
			heads = append(heads, strconv.Itoa(c.Year-n))
		}
		heads = append(heads, ">综合成绩", "结果")
		t := texttable.New(heads...)
		for _, pl := range placed {
			if pl.Candidate.Post != p.Code {
				continue
			}
			a := c.applicant(pl.Candidate.ID)
			row := []string{strconv.Itoa(pl.Rank), a.Name, texttable.Exact(a.Score, 2)}
			for n := 1; n <= appraisalYears; n++ {
				row = append(row, a.Appraisals[strconv.Itoa(c.Year-n)])
			}
			result := ""
			if pl.Selected {
				result = "拟聘"
			}
			row = append(row, texttable.Exact(pl.Total, 3), result)
			t.Add(row...)
		}
		for _, b := range bar {
			if b.Post != p.Code {
				continue
			}
			row := []string{"—", b.Name, texttable.Exact(b.Score, 2)}
			for n := 1; n <= appraisalYears; n++ {
				row = append(row, b.Appraisals[strconv.Itoa(c.Year-n)])
			}
			row = append(row, "—", "资格不符（"+b.why+"）")
			t.Add(row...)
		}
		t.Write(r.w, "    ")
	}
	r.printf("\n")
	return nil
}

func (c *competition) applicant(id string) applicant {
	for _, a := range c.Candidates {
		if a.ID == id {
			return a
		}
	}
	return applicant{ID: id, Name: id}
}

// sortedGrades returns the grades best first, by points.
func sortedGrades(points map[string]decimal.Decimal) []string {
	gs := make([]string, 0, len(points))
	for g := range points {
		gs = append(gs, g)
	}
	sort.Slice(gs, func(i, j int) bool {
		if c := points[gs[i]].Cmp(points[gs[j]]); c != 0 {
			return c > 0
		}
		return gs[i] < gs[j]
	})
	return gs
}

// percent writes a weight as a percentage: 0.7 → "70%".
func percent(w decimal.Decimal) string {
	return w.Shift(2).String() + "%"
}
