package scoring

import (
	"fmt"
	"reflect"
	"slices"
	"time"

	"github.com/qingdan/qingdan/internal/errtext"
	"github.com/qingdan/qingdan/internal/jsonx"
	"github.com/qingdan/qingdan/scoring/internal/ratio"
	"github.com/qingdan/qingdan/scoring/reason"
	"github.com/shopspring/decimal"
)

// Table is a decision table, the package's built-in [Evaluator]: the first
// rule whose conditions all hold grades the facts. A table is policy kept
// as data: it loads from and saves to JSON ([LoadTable]; encoding/json writes the form it reads), is
// checked when loaded ([Table.Validate]), and names its Version in the
// Policy of every Result it makes.
//
// A table carries its own Scale: the grades its rules give, with their
// points. The package holds no locality's policy; locality/wuhu's Table is
// the Wuhu scheme's. The zero Table has no rules and grades nothing
// (Evaluate returns [ErrNoRule]).
//
// A *Table is safe for concurrent use by Evaluate as long as nobody
// changes it; Evaluate reads the table as it is at each call, so a changed
// table takes effect at the next call. [Table.Compile] gives an evaluator
// of the table as it is then, with what does not change from call to call
// worked out once.
type Table struct {
	Version string `json:"version"`
	// Lang is the language of the table's reasons: English (the zero
	// value, "en" or omitted in JSON) or Chinese ("zh"). A table declares
	// it; it is not guessed from the labels, which may be Chinese in a
	// table whose reasons an English host shows.
	Lang  reason.Lang `json:"lang,omitempty"`
	Scale Scale       `json:"scale"`
	Rules []TableRule `json:"rules"`
}

// TableRule is one row of a [Table]: conditions, all of which must hold,
// and the grade they give. A condition left at its zero value (nil, 0, empty)
// is not checked, so a rule with no conditions matches every Facts.
//
// Ratios are working time over its limit (actual ÷ limit), compared
// exactly: "ratio ≤ x" is tested as actual × den ≤ num × limit for
// x = num/den. A limit of 0 or less means "no limit" and the ratio counts
// as 0; a negative actual time counts as 0 too.
type TableRule struct {
	Name  string `json:"name,omitempty"` // short; quoted in Reasons
	Doc   string `json:"doc,omitempty"`  // why the row exists
	Grade string `json:"grade"`          // a code of the table's scale

	// Types restricts the rule to these matter types.
	Types []string `json:"types,omitempty"`

	Responded *bool `json:"responded,omitempty"`
	Resolved  *bool `json:"resolved,omitempty"`
	Returned  *bool `json:"returned,omitempty"`
	Final     *bool `json:"final,omitempty"`

	// Urged and Supervised hold when the matter was urged (催办) or
	// supervised (督办) at least once while the unit was on it (Facts.Urged,
	// Facts.Supervised); false asks for never.
	Urged      *bool `json:"urged,omitempty"`
	Supervised *bool `json:"supervised,omitempty"`

	// ResponseOnTime holds when the unit responded within its limit
	// (responded, and ratio ≤ 1); false asks for the opposite.
	ResponseOnTime *bool `json:"responseOnTime,omitempty"`
	// ResolutionOnTime holds when the matter was resolved within its limit.
	ResolutionOnTime *bool `json:"resolutionOnTime,omitempty"`

	// QualityGiven asks whether the sub-district judged quality (Quality ≠ 0).
	QualityGiven *bool `json:"qualityGiven,omitempty"`
	// QualityMin and QualityMax (1–5) bound a quality that was given; a rule
	// with either never matches facts whose Quality is 0 (not given).
	QualityMin int `json:"qualityMin,omitempty"`
	QualityMax int `json:"qualityMax,omitempty"`

	Satisfaction Satisfaction `json:"satisfaction,omitempty"`

	ResponseAtMost   *decimal.Decimal `json:"responseAtMost,omitempty"`   // response ratio ≤ x
	ResponseOver     *decimal.Decimal `json:"responseOver,omitempty"`     // response ratio > x
	ResolutionAtMost *decimal.Decimal `json:"resolutionAtMost,omitempty"` // resolution ratio ≤ x
	ResolutionOver   *decimal.Decimal `json:"resolutionOver,omitempty"`   // resolution ratio > x
}

// unconditional reports whether the rule matches every Facts: it sets no
// condition, whatever conditions TableRule has.
func (r *TableRule) unconditional() bool {
	c := *r
	c.Name, c.Doc, c.Grade = "", "", ""
	if len(c.Types) == 0 {
		c.Types = nil
	}
	return reflect.ValueOf(c).IsZero()
}

// cmpRatio compares actual/limit with x (-1, 0, +1); see TableRule for
// zero limits and negative times. A threshold of up to 18 digits and 18
// places, as every table's is, becomes its fraction without the checks
// fractionOf makes for every other decimal. ok is false, and x compared
// with nothing, for a positive x whose coefficient is too wide to compare
// at a bounded cost (see Table.Evaluate).
func cmpRatio(actual, limit time.Duration, x *decimal.Decimal) (c int, ok bool) {
	if limit <= 0 || actual <= 0 {
		return -x.Sign(), true // the ratio is 0
	}
	e := x.Exponent()
	if e <= 0 && e >= -18 && x.Sign() > 0 && x.Cmp(smallAt[-e]) < 0 { // a coefficient below 10^18
		f := fraction{n: uint64(x.CoefficientInt64()), d: uint64(ratio.Pow10[-e]), small: true}
		return f.cmpRatio(int64(actual), int64(limit)), true
	}
	if x.Sign() > 0 && x.Cmp(wideCoefficient.Shift(e)) >= 0 {
		return 0, false
	}
	return fractionOf(*x).cmpRatio(int64(actual), int64(limit)), true
}

// ratioHolds reports whether a ratio condition of threshold x holds for
// actual/limit: the ratio at most x, or over x. ok is false, and holds
// false, for a threshold too wide to compare (cmpRatio).
func ratioHolds(actual, limit time.Duration, x *decimal.Decimal, atMost bool) (holds, ok bool) {
	c, ok := cmpRatio(actual, limit, x)
	return ok && (c <= 0) == atMost, ok
}

func onTime(done bool, actual, limit time.Duration) bool {
	return done && (limit <= 0 || actual <= limit)
}

func boolIs(cond *bool, v bool) bool { return cond == nil || *cond == v }

// matches reports whether every condition of r holds for f; wide names
// the ratio condition it could not compare, a threshold too wide
// (cmpRatio), and it is false then.
func (r *TableRule) matches(f *Facts) (matched bool, wide string) {
	if len(r.Types) > 0 && !slices.Contains(r.Types, f.Type) {
		return false, ""
	}
	return r.matchesFigures(f)
}

// matchesFigures reports whether every condition of r but its Types holds
// for f, as matches does.
func (r *TableRule) matchesFigures(f *Facts) (matched bool, wide string) {
	if !boolIs(r.Responded, f.Responded) || !boolIs(r.Resolved, f.Resolved) ||
		!boolIs(r.Returned, f.Returned) || !boolIs(r.Final, f.Final) ||
		!boolIs(r.Urged, f.Urged > 0) || !boolIs(r.Supervised, f.Supervised > 0) {
		return false, ""
	}
	if !boolIs(r.QualityGiven, f.Quality != 0) ||
		r.QualityMin != 0 && (f.Quality == 0 || f.Quality < r.QualityMin) ||
		r.QualityMax != 0 && (f.Quality == 0 || f.Quality > r.QualityMax) {
		return false, ""
	}
	if !r.Satisfaction.matches(f.Satisfied) {
		return false, ""
	}
	if r.ResponseOnTime != nil && *r.ResponseOnTime != onTime(f.Responded, f.Response, f.ResponseLimit) ||
		r.ResolutionOnTime != nil && *r.ResolutionOnTime != onTime(f.Resolved, f.Resolution, f.ResolutionLimit) {
		return false, ""
	}
	// Unrolled, not over ratioConds: Evaluate reads these for every rule.
	if r.ResponseAtMost != nil {
		if holds, ok := ratioHolds(f.Response, f.ResponseLimit, r.ResponseAtMost, true); !holds {
			return false, wideIf(!ok, "responseAtMost")
		}
	}
	if r.ResponseOver != nil {
		if holds, ok := ratioHolds(f.Response, f.ResponseLimit, r.ResponseOver, false); !holds {
			return false, wideIf(!ok, "responseOver")
		}
	}
	if r.ResolutionAtMost != nil {
		if holds, ok := ratioHolds(f.Resolution, f.ResolutionLimit, r.ResolutionAtMost, true); !holds {
			return false, wideIf(!ok, "resolutionAtMost")
		}
	}
	if r.ResolutionOver != nil {
		if holds, ok := ratioHolds(f.Resolution, f.ResolutionLimit, r.ResolutionOver, false); !holds {
			return false, wideIf(!ok, "resolutionOver")
		}
	}
	return true, ""
}

// wideIf returns cond's name if wide, else "".
func wideIf(wide bool, cond string) string {
	if wide {
		return cond
	}
	return ""
}

// policy is what a Result's Policy says.
func (t *Table) policy() string {
	if t.Version == "" {
		return "table (unversioned)"
	}
	return t.Version
}

// Evaluate grades f by the first rule that matches. The Result's Policy is
// the table's Version; its one Reason names the rule (Rule, 1-based, and
// Name), the rule's conditions as Checks (the figure, the comparison, the
// threshold), the figures it saw (Figures: times with their limits, so
// that each ratio is exact; counts, quality, the answer) and the matter
// Type, in the table's language (Lang). Its text, written only when asked
// for, reads
//
//	rule 6 "on time, quality ≥ 4": response 0.50 of limit, resolution 0.80 of limit, quality 5, no feedback
//
// or, for a table whose lang is "zh",
//
//	规则 6「按时，质量≥4」：响应用时为时限的 0.50 倍，办结用时为时限的 0.80 倍，质量 5，未回访
//
// A ratio is given with 2 places, or with as many more as it takes never
// to read as on or across a threshold it is not on — the limit itself (1)
// or a ratio of one of the table's rules for that figure: a response of
// 4h0m10s against a 4-hour limit reads "1.001 of limit", never "1.00".
//
// When no rule matches, or the rule's grade is not on the scale (neither
// happens to a validated table), Evaluate refuses with an error wrapping
// [ErrNoRule] or [ErrInvalid]. It refuses facts no rule can read as they
// mean — a Quality outside 0–5 (a rule "quality at most 2" would match
// −3), a negative Urged or Supervised — with an error wrapping
// [ErrInvalid] that names the matter, the subject and the figures.
//
// A table that is not validated may hold a threshold LoadTable would not
// read. One far below or above every ratio, such as 10^-10000000, is
// compared exactly, as 10^-100 or 10^100 are; but one whose coefficient
// has more than 4096 bits (1,233 digits) and a moderate value, such as
// 0.5000…0001 with a million places, cannot be compared exactly with a
// ratio without working through all its digits at each comparison:
// Evaluate refuses a positive threshold of such a coefficient when it
// comes to compare it, with an error wrapping [ErrInvalid] that names the
// rule and the condition, without reading its digits (Validate refuses it
// in any rule).
//
// Evaluate prepares nothing ahead and keeps nothing: it reads the rules as
// they are, and allocates once, a block with the reason, its checks and
// its figures — once more for a rule of more than two conditions, and
// once more for facts of more than six figures. It writes
// no text. A host that grades in bulk grades with [Table.Compile]'s
// evaluator, which gives the same Results about 1.3–1.7× as fast.
// Evaluate panics on a nil table, a programmer's error.
func (t *Table) Evaluate(f Facts) (Result, error) {
	if t == nil {
		panic("scoring: Evaluate of a nil *Table")
	}
	if err := checkFigures(t.Version, &f); err != nil {
		return Result{}, err
	}
	for i := range t.Rules {
		r := &t.Rules[i]
		if matched, wide := r.matches(&f); wide != "" {
			return Result{}, t.wideError(i, wide)
		} else if !matched {
			continue
		}
		g, ok := t.Scale.Grade(r.Grade)
		if !ok {
			return Result{}, fmt.Errorf("%w: table %s rule %d %s gives grade %s, which is not on the scale", ErrInvalid,
				errtext.Quote(t.Version), i+1, errtext.Quote(r.Name), errtext.Quote(r.Grade))
		}
		return Result{Grade: g.Code, Points: g.Points, Policy: t.policy(), Reasons: t.reason(i, r, &f)}, nil
	}
	return Result{}, fmt.Errorf("%w: table %s, matter %s, subject %s: %s", ErrNoRule,
		errtext.Quote(t.Version), errtext.Quote(f.Matter), errtext.Quote(f.Subject), describe(&f))
}

// maxGrid bounds the regions that Validate checks one by one, a class of
// alike types counted once.
const maxGrid = 1 << 20

// Validate checks a table and reports every problem, joined (the first
// hundred, and the number of the others), each wrapping [ErrInvalid] and
// naming its row as rules[i] (0-based) with its name:
//
//   - a text but a rule's Doc longer than 256 bytes (reported alone: nothing else is
//     checked then);
//   - no Version, no rules, no scale, a scale that fails [Scale.Validate];
//   - a rule whose grade is not on the scale; a negative ratio, or one
//     of more than 64 characters, which LoadTable would not read back; a quality
//     bound outside 1–5; an unknown satisfaction;
//   - a rule that can never fire: its conditions contradict each other, or
//     every case it matches is taken by earlier rules (the message names
//     them);
//   - gaps: facts that no rule matches, with an example.
//
// Gaps and dead rules are found exactly. Each condition splits its figure
// at a few points (a ratio at its thresholds, quality at its bounds), so
// the figures fall into finitely many regions in which every rule either
// matches everywhere or nowhere; Validate takes one representative of
// every region (each threshold, a point between neighbours, a point beyond
// the last; quality 0 to 5, those Evaluate grades; each listed type and
// one other; each combination of the flags and of the answer) and asks
// which rules match it. Types that exactly the same rules list are alike
// to every rule, so Validate asks about the first of them, by bytes, for
// all: a table of dozens of types in a few lists costs about what a table
// of a few types does. A gap report counts the regions of every type, and
// its examples are the first gaps type by type, in byte order. A table too
// large or too fine to check this way — more than about a million regions
// with each class of alike types counted once (or sixteen million such
// regions × rules), or thresholds that do not all stand as durations over
// one limit, such as one of more than 17 places (trailing zeros aside:
// "0.50" is "0.5") or one too long to write in 64 characters — is checked
// for neither gaps nor rules that never fire: it must then end with an
// unconditional rule, which closes every gap. Validate panics on a nil
// table, a programmer's error.
func (t *Table) Validate() error {
	if t == nil {
		panic("scoring: Validate of a nil *Table")
	}
	if err := t.checkTexts(); err != nil {
		return err
	}
	var errs []error
	version := errtext.Quote(t.Version)
	if t.Version == "" {
		errs = append(errs, fmt.Errorf("%w: table has no version", ErrInvalid))
	}
	if len(t.Scale) == 0 {
		errs = append(errs, fmt.Errorf("%w: table %s has no scale: a table carries the grades its rules give, with their points", ErrInvalid, version))
	} else if err := t.Scale.Validate(); err != nil {
		errs = append(errs, err)
	}
	if len(t.Rules) == 0 {
		errs = append(errs, fmt.Errorf("%w: table %s has no rules", ErrInvalid, version))
	}
	if _, err := t.Lang.MarshalText(); err != nil {
		errs = append(errs, fmt.Errorf("%w: table %s has a language that is neither English nor Chinese: %w", ErrInvalid, version, err))
	}
	grades := t.Scale.byCode()
	for i := range t.Rules {
		r := &t.Rules[i]
		at := fmt.Sprintf("table %s rules[%d] %s", version, i, errtext.Quote(r.Name))
		if r.Grade == "" {
			errs = append(errs, fmt.Errorf("%w: %s has no grade", ErrInvalid, at))
		} else if _, ok := grades[r.Grade]; !ok && len(t.Scale) > 0 {
			errs = append(errs, fmt.Errorf("%w: %s gives grade %s, which is not on the scale", ErrInvalid, at, errtext.Quote(r.Grade)))
		}
		for _, c := range r.ratioConds() {
			if c.x != nil && c.x.Sign() < 0 {
				errs = append(errs, fmt.Errorf("%w: %s has the negative ratio %s %s", ErrInvalid, at, c.name, jsonx.FormatDecimal(*c.x)))
			} else if c.x != nil && !jsonx.DecimalFits(*c.x) {
				errs = append(errs, fmt.Errorf("%w: %s has %s of more than %d characters (JSON could not read it back)", ErrInvalid, at, c.name, jsonx.MaxDecimalLen))
			}
		}
		if r.QualityMin < 0 || r.QualityMin > 5 {
			errs = append(errs, fmt.Errorf("%w: %s has qualityMin %d, not 1–5", ErrInvalid, at, r.QualityMin))
		}
		if r.QualityMax < 0 || r.QualityMax > 5 {
			errs = append(errs, fmt.Errorf("%w: %s has qualityMax %d, not 1–5", ErrInvalid, at, r.QualityMax))
		}
		if !satisfactions.Named(r.Satisfaction) {
			errs = append(errs, fmt.Errorf("%w: %s has an unknown satisfaction %d", ErrInvalid, at, int(r.Satisfaction)))
		}
	}
	if len(t.Rules) > 0 {
		errs = append(errs, t.checkRegions(false)...)
	}
	return joinCapped(errs)
}
