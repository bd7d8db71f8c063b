package staff

import (
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/qingdan/qingdan/assessment"
	"github.com/qingdan/qingdan/internal/errlist"
	"github.com/qingdan/qingdan/internal/errtext"
	"github.com/qingdan/qingdan/internal/jsonx"
	"github.com/qingdan/qingdan/internal/names"
	"github.com/qingdan/qingdan/internal/rank"
	"github.com/shopspring/decimal"
)

// CompetitionPart names the competition score (笔试、面试) in the weights of
// an open competition (公开竞选).
const CompetitionPart = "competition"

// YearPart names the annual appraisal result n years back in the weights
// of an open competition: YearPart(1) is "year1", last year's result.
func YearPart(n int) string { return "year" + strconv.Itoa(n) }

// Candidate is one applicant for a post in an open competition: the
// competition score and the annual appraisal results of the last years,
// last year first (Years[0] is [YearPart](1)).
//
// Select knows no absence: Competition is a score like any other, and its
// zero value is a score of 0. JSON that leaves "competition" out or gives
// it as null reads 0, and a null year reads 0 too. A candidate absent from
// the competition (缺考) is therefore blended and ranked with 0, and can be
// Selected on the years' results alone: with weights of 0.7 and 0.1 for
// each of three years, 0 and three years of 100 give 30, ahead of 40 and
// three years of 0 (28). A host whose rules bar absent candidates leaves
// them out of Select, as it leaves out barred ones.
type Candidate struct {
	ID          string            `json:"id"`
	Name        string            `json:"name,omitempty"`
	Post        string            `json:"post"`
	Competition decimal.Decimal   `json:"competition"`
	Years       []decimal.Decimal `json:"years"`
}

// candidateFields has the fields of a Candidate and none of its methods.
type candidateFields Candidate

// MarshalJSON writes decimals as JSON strings in their shortest exact form.
func (c Candidate) MarshalJSON() ([]byte, error) {
	var years []jsonx.Decimal
	if c.Years != nil {
		years = make([]jsonx.Decimal, len(c.Years))
		for i, y := range c.Years {
			years[i] = jsonx.Decimal(y)
		}
	}
	return json.Marshal(candidateJSON{(*candidateFields)(&c), jsonx.Decimal(c.Competition), years})
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

// placementFields has the fields of a Placement and none of its methods.
type placementFields Placement

// MarshalJSON writes Total as a JSON string in its shortest exact form.
func (p Placement) MarshalJSON() ([]byte, error) {
	return json.Marshal(placementJSON{(*placementFields)(&p), jsonx.Decimal(p.Total)})
}

// Select ranks the candidates of an open competition (公开竞选) post by
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
// Bad weights are reported alone, as [assessment.Weights.Validate]
// reports them, each problem once, wrapping [assessment.ErrWeights]:
// nothing blends by them. Weights are bad too when their parts are not
// those of a candidate: without [CompetitionPart], with a part that is
// neither it nor a [YearPart], or with years that skip one (year1 and
// year3, or year2 without year1). Otherwise every problem is
// reported, joined: a candidate whose years do not match the weights, or
// whose total is too long for JSON to read back ([assessment.Blend]) —
// [assessment.ErrWeights], naming the candidate — a candidate without ID
// or post, an ID used twice, a post without a quota or a negative quota,
// and an ID or a post of quotas not written one way, with white space at
// an end or a control or invisible character ("C1\u200b" would be a
// second application of C1, taking a second place of the quota)
// ([ErrInvalid]). Each Placement's Candidate holds a
// copy of the candidate's Years: the results are the caller's.
//
// No range is enforced on the competition score or a year's result, as
// [assessment.Blend] enforces none: the reform sets them no scale
// (综合竞选成绩及近三年年度考核结果) — a written test may be out of 150,
// and a year's result is the points the host gives its grade (优秀,
// 称职 …) — and Select only compares candidates with one another. Nor
// does Select know a candidate absent from the competition: a zero
// Competition is a score of 0 (see [Candidate]).
func Select(cands []Candidate, w assessment.Weights, quotas map[string]int) ([]Placement, error) {
	if err := errors.Join(w.Validate(), checkParts(w)); err != nil {
		return nil, err
	}
	var errs []error
	for _, post := range slices.Sorted(maps.Keys(quotas)) {
		if quotas[post] < 0 {
			errs = append(errs, fmt.Errorf("%w: post %s has the negative quota %d", ErrInvalid, errtext.Quote(post), quotas[post]))
		}
		if !names.Clean(post) {
			errs = append(errs, fmt.Errorf("%w: post %s %s", ErrInvalid, errtext.Quote(post), names.Unclean))
		}
	}
	byPost := map[string][]Placement{}
	ids := map[string]bool{}
	for i, c := range cands {
		id := errtext.Quote(c.ID)
		switch {
		case c.ID == "":
			errs = append(errs, fmt.Errorf("%w: candidates[%d] has no ID", ErrInvalid, i))
			continue
		case ids[c.ID]:
			errs = append(errs, fmt.Errorf("%w: candidate %s appears twice", ErrInvalid, id))
			continue
		case !names.Clean(c.ID):
			errs = append(errs, fmt.Errorf("%w: candidate %s %s", ErrInvalid, id, names.Unclean))
			continue
		}
		ids[c.ID] = true
		if c.Post == "" {
			errs = append(errs, fmt.Errorf("%w: candidate %s has no post", ErrInvalid, id))
			continue
		}
		if _, ok := quotas[c.Post]; !ok {
			errs = append(errs, fmt.Errorf("%w: candidate %s applies for post %s, which has no quota", ErrInvalid, id, errtext.Quote(c.Post)))
			continue
		}
		parts := map[string]decimal.Decimal{CompetitionPart: c.Competition}
		for y, v := range c.Years {
			parts[YearPart(y+1)] = v
		}
		total, err := assessment.Blend(w, parts)
		if err != nil {
			errs = append(errs, fmt.Errorf("candidate %s: %w", id, err))
			continue
		}
		c.Years = slices.Clone(c.Years)
		byPost[c.Post] = append(byPost[c.Post], Placement{Candidate: c, Total: total})
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	var out []Placement
	for _, post := range slices.Sorted(maps.Keys(byPost)) {
		ps := byPost[post]
		slices.SortFunc(ps, placementCmp)
		rank.Shared(ps, func(p Placement) decimal.Decimal { return p.Total }, func(p *Placement, r int) { p.Rank = r })
		for i := range ps {
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

// checkParts reports weights whose parts are not those of a candidate:
// no [CompetitionPart], a part that is neither it nor a [YearPart], and
// years that do not run from last year back without a gap (the first year
// skipped named). Each problem is one error, wrapping
// [assessment.ErrWeights], however many candidates would meet it.
func checkParts(w assessment.Weights) error {
	var errs []error
	if _, ok := w[CompetitionPart]; !ok {
		errs = append(errs, fmt.Errorf("%w: competition weights have no part %q", assessment.ErrWeights, CompetitionPart))
	}
	var others []string
	last := 0 // the furthest year back
	for _, name := range slices.Sorted(maps.Keys(w)) {
		if name == CompetitionPart {
			continue
		}
		n, err := strconv.Atoi(strings.TrimPrefix(name, "year"))
		if err != nil || n < 1 || YearPart(n) != name {
			others = append(others, name)
			continue
		}
		last = max(last, n)
	}
	// The years present number fewer than the parts: the first skipped is
	// found within them.
	for n := 1; n < last; n++ {
		if _, ok := w[YearPart(n)]; !ok {
			errs = append(errs, fmt.Errorf("%w: competition weights skip %q but have %q", assessment.ErrWeights, YearPart(n), YearPart(last)))
			break
		}
	}
	if others != nil {
		errs = append(errs, fmt.Errorf("%w: competition weights have the parts %q, neither %q nor a year (%q, %q, …)",
			assessment.ErrWeights, errlist.Cut([]any{others})[0], CompetitionPart, YearPart(1), YearPart(2)))
	}
	return errors.Join(errs...)
}
