package reason

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/qingdan/qingdan/internal/deccmp"
	"github.com/qingdan/qingdan/internal/jsonx"
	"github.com/qingdan/qingdan/scoring/internal/ratio"

	"github.com/shopspring/decimal"
)

// Reason says why an evaluator gave a grade. A decision table's reason
// names its rule (Rule, Name), the rule's comparisons (Checks) and the
// figures it saw (Figures); a host's own evaluator may give any of these,
// or only Text. The zero Reason says nothing.
//
// A Reason is a value: it holds no reference to the table or facts it was
// made from. Its slices belong to whoever holds the Result it came in.
type Reason struct {
	// Rule is the number (1-based) of the table rule that fired; 0 for a
	// reason not made by a table rule.
	Rule int `json:"rule,omitempty"`
	// Name is the rule's name.
	Name string `json:"name,omitempty"`
	// Lang is the language String writes.
	Lang Lang `json:"lang,omitempty"`
	// Checks are the comparisons the rule made, each of which held, in
	// the order of the rule's conditions.
	Checks []Check `json:"checks,omitempty"`
	// Figures are the figures seen, in the order the text gives them.
	Figures []Figure `json:"figures,omitempty"`
	// Type is the matter type seen, given after the figures.
	Type string `json:"type,omitempty"`
	// Text is free text, written after the figures as it is.
	Text string `json:"text,omitempty"`
}

// Check is one comparison of a rule: the figure Of, compared by Op with
// Threshold — a ratio for Response and Resolution, a count or a quality,
// 1 (yes) or 0 (no) for a flag such as Returned or ResponseOnTime, the
// answer for Satisfaction (1 satisfied, -1 dissatisfied, 0 no answer: a
// rule that asks for "not dissatisfied" checks Satisfaction AtLeast 0).
// A condition on the matter type is Of Type, Op In, with no threshold. The
// figure's own value is the Figure of the same Of, or for a flag, the
// facts graded.
type Check struct {
	Of        Of              `json:"of"`
	Op        Op              `json:"op"`
	Threshold decimal.Decimal `json:"threshold"`
}

// Figure is one figure seen, exactly:
//
//   - Response and Resolution: Done (responded, resolved), the working
//     time Actual against Limit (0: no limit) — the ratio Actual/Limit,
//     exact —, and Places, the decimals the text shows of the ratio;
//   - Returned (Value 1), Urged and Supervised (how many times), Quality
//     (1–5; 0 not given), Satisfaction (1 satisfied, -1 dissatisfied, 0
//     no answer), Stage: Value.
//
// (The matter type, a text, is the reason's Type: a Figure holds numbers
// only, so that a table's figures cost the collector nothing to scan.)
type Figure struct {
	Of     Of            `json:"of"`
	Done   bool          `json:"done,omitempty"`
	Actual time.Duration `json:"actual,omitempty"`
	Limit  time.Duration `json:"limit,omitempty"`
	Places int           `json:"places,omitempty"`
	Value  int           `json:"value,omitempty"`
}

// IsZero reports whether r is the zero Reason.
func (r Reason) IsZero() bool {
	return r.Rule == 0 && r.Name == "" && r.Lang == English && len(r.Checks) == 0 && len(r.Figures) == 0 && r.Type == "" && r.Text == ""
}

// Text returns a reason that is only text, in English: the reason a host's
// evaluator gives in its own words.
func Text(s string) Reason { return Reason{Text: s} }

// Validate reports the first problem of r that would keep its JSON from
// being read back, as an error wrapping [ErrInvalid] that names the field
// at fault: a negative Rule, a language, figure or comparison not named,
// more than [MaxList] checks or figures, a threshold not in the JSON form
// of at most 64 characters, Places outside 0–82, a name, type or text
// longer than 4 MiB or not valid UTF-8 (checks[2]: comparison 99 not
// named; text is not valid UTF-8).
func (r Reason) Validate() error {
	switch {
	case r.Rule < 0:
		return fmt.Errorf("%w: rule %d", ErrInvalid, r.Rule)
	case !langs.Named(r.Lang):
		return fmt.Errorf("%w: language %d", ErrInvalid, int(r.Lang))
	case len(r.Checks) > MaxList:
		return fmt.Errorf("%w: %d checks, more than %d", ErrInvalid, len(r.Checks), MaxList)
	case len(r.Figures) > MaxList:
		return fmt.Errorf("%w: %d figures, more than %d", ErrInvalid, len(r.Figures), MaxList)
	}
	if !goodText(r.Name) || !goodText(r.Type) || !goodText(r.Text) {
		for _, t := range [...]struct{ what, s string }{{"name", r.Name}, {"type", r.Type}, {"text", r.Text}} {
			switch {
			case len(t.s) > jsonx.MaxString:
				return fmt.Errorf("%w: %s is %d bytes, longer than %d", ErrInvalid, t.what, len(t.s), jsonx.MaxString)
			case !utf8.ValidString(t.s):
				return fmt.Errorf("%w: %s is not valid UTF-8", ErrInvalid, t.what)
			}
		}
	}
	for i := range r.Checks {
		c := &r.Checks[i]
		switch {
		case !ofs.Named(c.Of) || c.Of == 0:
			return fmt.Errorf("%w: checks[%d]: figure %d not named", ErrInvalid, i, int(c.Of))
		case !ops.Named(c.Op) || c.Op == 0:
			return fmt.Errorf("%w: checks[%d]: comparison %d not named", ErrInvalid, i, int(c.Op))
		case !jsonx.DecimalFits(c.Threshold):
			return fmt.Errorf("%w: checks[%d]: a threshold of more than %d characters", ErrInvalid, i, jsonx.MaxDecimalLen)
		}
	}
	for i := range r.Figures {
		f := &r.Figures[i]
		switch {
		case !ofs.Named(f.Of) || f.Of == 0:
			return fmt.Errorf("%w: figures[%d]: figure %d not named", ErrInvalid, i, int(f.Of))
		case f.Places < 0 || f.Places > ratio.MaxPlaces:
			return fmt.Errorf("%w: figures[%d]: places %d, not 0 to %d", ErrInvalid, i, f.Places, ratio.MaxPlaces)
		}
	}
	return nil
}

func goodText(s string) bool { return len(s) <= jsonx.MaxString && utf8.ValidString(s) }

// Texts returns a reason of text for each of ss, in English: the reasons a
// host's evaluator gives in its own words.
func Texts(ss ...string) []Reason {
	if len(ss) == 0 {
		return nil
	}
	rs := make([]Reason, len(ss))
	for i, s := range ss {
		rs[i].Text = s
	}
	return rs
}

// Compare orders reasons field by field: by Rule, Name, Lang, Text, then
// their checks (by figure, comparison, threshold by value) and
// figures (by figure, done, actual, limit, places, value), then Type; a shorter
// list first where one is the start of the other. It returns -1, 0 or +1.
// Thresholds compare exactly, and two far apart, as 10^-1000000000 and 4
// are, cost no more than two near.
func Compare(a, b Reason) int {
	return cmp.Or(cmp.Compare(a.Rule, b.Rule), strings.Compare(a.Name, b.Name), cmp.Compare(a.Lang, b.Lang),
		strings.Compare(a.Text, b.Text),
		slices.CompareFunc(a.Checks, b.Checks, func(x, y Check) int {
			return cmp.Or(cmp.Compare(x.Of, y.Of), cmp.Compare(x.Op, y.Op), deccmp.Cmp(x.Threshold, y.Threshold))
		}),
		slices.CompareFunc(a.Figures, b.Figures, func(x, y Figure) int {
			return cmp.Or(cmp.Compare(x.Of, y.Of), cmpBool(x.Done, y.Done), cmp.Compare(x.Actual, y.Actual), cmp.Compare(x.Limit, y.Limit),
				cmp.Compare(x.Places, y.Places), cmp.Compare(x.Value, y.Value))
		}), strings.Compare(a.Type, b.Type))
}

func cmpBool(x, y bool) int {
	switch {
	case x == y:
		return 0
	case x:
		return 1
	}
	return -1
}
