package scoring

import (
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"
)

// CompetitionPart names the competition score (笔试、面试) in the weights of
// an open competition (竞争性选拔).
const CompetitionPart = "competition"

// YearPart names the annual appraisal result n years back in the weights
// of an open competition: YearPart(1) is "year1", last year's result.
func YearPart(n int) string { return "year" + strconv.Itoa(n) }

// Candidate is one applicant for a post in an open competition: the
// competition score and the annual appraisal results of the last years,
// last year first (Years[0] is [YearPart](1)).
type Candidate struct {
	ID          string            `json:"id"`
	Name        string            `json:"name,omitempty"`
	Post        string            `json:"post"`
	Competition decimal.Decimal   `json:"competition"`
	Years       []decimal.Decimal `json:"years"`
}

type candidateJSON struct {
	ID          string        `json:"id"`
	Name        string        `json:"name,omitempty"`
	Post        string        `json:"post"`
	Competition jsonDecimal   `json:"competition"`
	Years       []jsonDecimal `json:"years"`
}

// MarshalJSON writes decimals as JSON strings in their shortest exact form.
func (c Candidate) MarshalJSON() ([]byte, error) {
	w := candidateJSON{ID: c.ID, Name: c.Name, Post: c.Post, Competition: jsonDecimal(c.Competition)}
	if c.Years != nil {
		w.Years = make([]jsonDecimal, len(c.Years))
		for i, y := range c.Years {
			w.Years[i] = jsonDecimal(y)
		}
	}
	return json.Marshal(w)
}

// Placement is a candidate's place on a post: the exact Total, the Rank
// by Total among the post's candidates (equal totals share a rank) and
// whether the candidate is Selected within the post's quota.
type Placement struct {
	Candidate Candidate       `json:"candidate"`
	Total     decimal.Decimal `json:"total"`
	Rank      int             `json:"rank"`
	Selected  bool            `json:"selected,omitempty"`
}

type placementJSON struct {
	Candidate Candidate   `json:"candidate"`
	Total     jsonDecimal `json:"total"`
	Rank      int         `json:"rank"`
	Selected  bool        `json:"selected,omitempty"`
}

// MarshalJSON writes Total as a JSON string in its shortest exact form.
func (p Placement) MarshalJSON() ([]byte, error) {
	return json.Marshal(placementJSON{p.Candidate, jsonDecimal(p.Total), p.Rank, p.Selected})
}

// Select ranks the candidates of an open competition (竞争性选拔) post by
// post and selects each post's quota. A candidate's Total blends the
// competition score ([CompetitionPart]) with the appraisal results of the
// last years ([YearPart](1), (2), …) by w.
//
// Within a post, candidates are ordered by Total; a tie is broken by the
// competition score, then by last year's result, then the year before, and
// so on; a tie that survives all of these is broken by ID, ascending — so
// the outcome never depends on input order, and a host that wants another
// last resort (a further test) checks the Placements at the quota line
// whose totals are equal. Rank counts by Total alone (1, 2, 2, 4);
// Selected marks the first quota candidates of the order. Posts come in
// the order of their names.
//
// Every problem is reported, joined: bad weights or a candidate whose years
// do not match them ([ErrWeights], naming the candidate), a candidate
// without ID or post, an ID used twice, a post without a quota or a
// negative quota ([ErrInvalid]).
func Select(cands []Candidate, w Weights, quotas map[string]int) ([]Placement, error) {
	if err := w.Validate(); err != nil {
		return nil, err
	}
	var errs []error
	for _, post := range sortedKeys(quotas) {
		if quotas[post] < 0 {
			errs = append(errs, fmt.Errorf("%w: post %q has the negative quota %d", ErrInvalid, post, quotas[post]))
		}
	}
	byPost := map[string][]Placement{}
	ids := map[string]bool{}
	for i, c := range cands {
		switch {
		case c.ID == "":
			errs = append(errs, fmt.Errorf("%w: candidates[%d] has no ID", ErrInvalid, i))
			continue
		case ids[c.ID]:
			errs = append(errs, fmt.Errorf("%w: candidate %q appears twice", ErrDuplicate, c.ID))
			continue
		}
		ids[c.ID] = true
		if _, ok := quotas[c.Post]; !ok {
			errs = append(errs, fmt.Errorf("%w: candidate %q applies for post %q, which has no quota", ErrInvalid, c.ID, c.Post))
			continue
		}
		parts := map[string]decimal.Decimal{CompetitionPart: c.Competition}
		for y, v := range c.Years {
			parts[YearPart(y+1)] = v
		}
		total, err := Blend(w, parts)
		if err != nil {
			errs = append(errs, fmt.Errorf("candidate %q: %w", c.ID, err))
			continue
		}
		byPost[c.Post] = append(byPost[c.Post], Placement{Candidate: c, Total: total})
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	var out []Placement
	for _, post := range sortedKeys(byPost) {
		ps := byPost[post]
		slices.SortFunc(ps, placementCmp)
		rank := 0
		for i := range ps {
			if i == 0 || !ps[i].Total.Equal(ps[i-1].Total) {
				rank = i + 1
			}
			ps[i].Rank = rank
			ps[i].Selected = i < quotas[post]
		}
		out = append(out, ps...)
	}
	return out, nil
}

// placementCmp orders placements best first: total, competition score,
// each year from the latest, then ID.
func placementCmp(a, b Placement) int {
	if c := b.Total.Cmp(a.Total); c != 0 {
		return c
	}
	if c := b.Candidate.Competition.Cmp(a.Candidate.Competition); c != 0 {
		return c
	}
	for y := 0; y < len(a.Candidate.Years) && y < len(b.Candidate.Years); y++ {
		if c := b.Candidate.Years[y].Cmp(a.Candidate.Years[y]); c != 0 {
			return c
		}
	}
	return strings.Compare(a.Candidate.ID, b.Candidate.ID)
}
