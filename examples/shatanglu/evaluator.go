package main

import (
	"errors"
	"fmt"
	"maps"
	"slices"
	"time"

	"github.com/qingdan/qingdan/locality/wuhu"
	"github.com/qingdan/qingdan/scoring"
	"github.com/qingdan/qingdan/scoring/reason"
	"github.com/shopspring/decimal"
)

// PostEvaluator grades one task done by a member of a dispatched agency's
// staff (派驻机构人员) by the indicators of his or her post category: the
// record of daily performance (日常表现) on which 沙塘路街道 appraises the
// agencies and reports on their cadres. The source appraises the
// sub-district's own hires by post category (分类量化考核, the program's
// section 七); grading the dispatched staff's tasks by post is this
// example's reading, its weights illustrative. It is the template for
// writing a scoring.Evaluator of your own; copy it and change the weights,
// the indicators or the thresholds.
//
// The post category is read from Facts.Attrs[PostAttr]. Each category in
// Posts weighs four indicators, each scored 0–100:
//
//   - 响应 (response): responded within ResponseLimit 100, within 1.5 times
//     it 70, within twice it 40, later 0; not responded 0. With no limit
//     (ResponseLimit 0) responding at all scores 100.
//   - 办结 (resolution): the same against ResolutionLimit, for Resolved.
//   - 质量 (quality): the sub-district's judgement, Quality × 20 (1–5); not
//     given (0) scores 60.
//   - 满意 (satisfaction): satisfied 100, dissatisfied 0, not surveyed 80.
//
// The weighted sum, exact, is the task's quantitative score; 90 or more is
// graded excellent (好), 80 or more good (较好), 60 or more fair (一般),
// anything less poor (差). Points are exactly that grade's points on
// Scale, so the composite of a scoring.Book stays on the same footing as
// the one-matter-one-evaluation grades. Reasons give every indicator's
// figures and the quantitative score.
//
// A returned task (Returned) is graded poor whatever its figures: the staff
// member refused work the sub-district dispatched.
//
// Evaluate refuses — the zero Result and an error wrapping
// ErrCannotGrade — when the post category is missing or not in Posts,
// and when a figure is out of range (a negative duration or limit, a
// Quality outside 0–5); that includes the zero Facts. It never panics.
//
// A PostEvaluator is read-only once built, so Evaluate is safe for
// concurrent use; it does not keep Facts or its Attrs. The zero
// PostEvaluator knows no post and refuses everything.
type PostEvaluator struct {
	Policy string                 // name and version, copied into every Result
	Scale  scoring.Scale          // with the grades excellent, good, fair and poor
	Posts  map[string]PostWeights // by post category, e.g. "执法岗"
}

// PostWeights are the weights of one post category's four indicators; they
// must sum to exactly 1.
type PostWeights struct {
	Response, Resolution, Quality, Satisfaction decimal.Decimal
}

// PostAttr is the key of Facts.Attrs that holds the post category.
const PostAttr = "post"

// ErrCannotGrade reports facts that a PostEvaluator cannot grade: an
// unknown post category or a figure out of range.
var ErrCannotGrade = errors.New("post evaluator: cannot grade")

// shatangluPolicy returns the example's weights for 2020, illustrative (the
// source gives none): enforcement posts answer for finishing cases on
// time, police posts for turning up fast, legal-service posts for the
// people they serve.
func shatangluPolicy() *PostEvaluator {
	w := func(resp, res, q, sat string) PostWeights {
		return PostWeights{
			decimal.RequireFromString(resp), decimal.RequireFromString(res),
			decimal.RequireFromString(q), decimal.RequireFromString(sat),
		}
	}
	return &PostEvaluator{
		Policy: "沙塘路派驻人员任务评价/2020",
		Scale:  wuhu.Scale(), // 好 100, 较好 85, 一般 70, 差 40: Wuhu's illustrative grades
		Posts: map[string]PostWeights{
			"执法岗":   w("0.2", "0.4", "0.3", "0.1"),
			"监管岗":   w("0.2", "0.3", "0.3", "0.2"),
			"法律服务岗": w("0.1", "0.3", "0.2", "0.4"),
			"警务岗":   w("0.5", "0.2", "0.1", "0.2"),
		},
	}
}

// Validate reports every problem of the evaluator's policy, post by post in
// the order of their names: weights that do not sum to exactly 1 or are
// negative, and a scale without the four grades it uses.
func (e *PostEvaluator) Validate() error {
	var errs []error
	for _, post := range slices.Sorted(maps.Keys(e.Posts)) {
		w := e.Posts[post]
		parts := []decimal.Decimal{w.Response, w.Resolution, w.Quality, w.Satisfaction}
		sum := decimal.Zero
		for _, p := range parts {
			if p.IsNegative() {
				errs = append(errs, fmt.Errorf("post %s: negative weight %s", post, p))
			}
			sum = sum.Add(p)
		}
		if !sum.Equal(decimal.NewFromInt(1)) {
			errs = append(errs, fmt.Errorf("post %s: weights sum to %s, not 1", post, sum))
		}
	}
	for _, code := range []string{"excellent", "good", "fair", "poor"} {
		if _, ok := e.Scale.Grade(code); !ok {
			errs = append(errs, fmt.Errorf("scale has no grade %q", code))
		}
	}
	return errors.Join(errs...)
}

// taskCutoffs returns the quantitative score at which each grade of a
// task is reached, graded by scoring.Scale.Floor: excellent at 90, good at
// 80, fair at 60, poor below. Its points are cut-offs, not the grades'
// points on a PostEvaluator's Scale, and it has no labels: the printer
// takes them from the Scale.
func taskCutoffs() scoring.Scale {
	return scoring.Scale{
		{Code: "excellent", Points: decimal.NewFromInt(90)},
		{Code: "good", Points: decimal.NewFromInt(80)},
		{Code: "fair", Points: decimal.NewFromInt(60)},
		{Code: "poor", Points: decimal.Zero},
	}
}

var (
	hundred = decimal.NewFromInt(100)
	eighty  = decimal.NewFromInt(80)
	sixty   = decimal.NewFromInt(60)
	seventy = decimal.NewFromInt(70)
	forty   = decimal.NewFromInt(40)
)

// Evaluate grades one task; see PostEvaluator.
func (e *PostEvaluator) Evaluate(f scoring.Facts) (scoring.Result, error) {
	post := f.Attrs[PostAttr]
	w, ok := e.Posts[post]
	if !ok {
		return scoring.Result{}, fmt.Errorf("%w: matter %q, subject %q: unknown post category %q", ErrCannotGrade, f.Matter, f.Subject, post)
	}
	if f.Response < 0 || f.ResponseLimit < 0 || f.Resolution < 0 || f.ResolutionLimit < 0 || f.Quality < 0 || f.Quality > 5 {
		return scoring.Result{}, fmt.Errorf("%w: matter %q, subject %q: figure out of range", ErrCannotGrade, f.Matter, f.Subject)
	}
	grade := func(code string, reasons []string) (scoring.Result, error) {
		g, ok := e.Scale.Grade(code)
		if !ok {
			return scoring.Result{}, fmt.Errorf("%w: scale has no grade %q", ErrCannotGrade, code)
		}
		return scoring.Result{Grade: g.Code, Points: g.Points, Policy: e.Policy, Reasons: reason.Texts(reasons...)}, nil
	}
	if f.Returned {
		return grade("poor", []string{"岗位类别 " + post, "退回派单，直接评为差"})
	}

	resp, respWhy := timeliness("响应", f.Responded, f.Response, f.ResponseLimit)
	res, resWhy := timeliness("办结", f.Resolved, f.Resolution, f.ResolutionLimit)
	q, qWhy := sixty, "质量 60（未评定）"
	if f.Quality > 0 {
		q = decimal.NewFromInt(int64(f.Quality) * 20)
		qWhy = fmt.Sprintf("质量 %s（%d 级）", q, f.Quality)
	}
	sat, satWhy := eighty, "满意 80（未回访）"
	if f.Satisfied != nil {
		if *f.Satisfied {
			sat, satWhy = hundred, "满意 100（满意）"
		} else {
			sat, satWhy = decimal.Zero, "满意 0（不满意）"
		}
	}
	score := w.Response.Mul(resp).Add(w.Resolution.Mul(res)).Add(w.Quality.Mul(q)).Add(w.Satisfaction.Mul(sat))
	cut, _ := taskCutoffs().Floor(score)
	return grade(cut.Code, []string{
		"岗位类别 " + post, respWhy, resWhy, qWhy, satWhy,
		fmt.Sprintf("量化得分 %s（权重 %s/%s/%s/%s）", score.StringFixed(1),
			w.Response, w.Resolution, w.Quality, w.Satisfaction),
	})
}

// timeliness scores doing something within a limit: within it 100, within
// 1.5 times it 70, within twice it 40, later or not at all 0. It compares
// durations as integers, so it is exact.
func timeliness(name string, done bool, took, limit time.Duration) (decimal.Decimal, string) {
	switch {
	case !done:
		return decimal.Zero, name + " 0（未完成）"
	case limit == 0:
		return hundred, fmt.Sprintf("%s 100（用时 %s，无时限）", name, hm(took))
	case took <= limit:
		return hundred, fmt.Sprintf("%s 100（用时 %s，时限 %s）", name, hm(took), hm(limit))
	}
	// took > limit ≥ 0, so over does not overflow; for integers,
	// 2·over ≤ limit exactly when over ≤ ⌊limit/2⌋.
	switch over := took - limit; {
	case over <= limit/2:
		return seventy, fmt.Sprintf("%s 70（用时 %s，时限 %s，超时不到一半）", name, hm(took), hm(limit))
	case over <= limit:
		return forty, fmt.Sprintf("%s 40（用时 %s，时限 %s，超时不到一倍）", name, hm(took), hm(limit))
	}
	return decimal.Zero, fmt.Sprintf("%s 0（用时 %s，时限 %s，超时一倍以上）", name, hm(took), hm(limit))
}

// hm formats a duration in hours and minutes, as a review sheet writes it:
// "2小时15分", "45分".
func hm(d time.Duration) string {
	m := int64(d / time.Minute)
	switch h := m / 60; {
	case h == 0:
		return fmt.Sprintf("%d分", m)
	case m%60 == 0:
		return fmt.Sprintf("%d小时", h)
	default:
		return fmt.Sprintf("%d小时%d分", h, m%60)
	}
}
