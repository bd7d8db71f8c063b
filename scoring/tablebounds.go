package scoring

import (
	"fmt"
	"math/big"
	"strings"

	"github.com/qingdan/qingdan/internal/errlist"
	"github.com/qingdan/qingdan/internal/errtext"
	"github.com/qingdan/qingdan/internal/jsonx"
	"github.com/shopspring/decimal"
)

// maxTableText is the longest text of a [Table] but a rule's Doc: its
// Version, a rule's Name, Grade and Types, a grade's Code and Label, in
// bytes. These are names, and they are compared and repeated in every
// Result; [Table.Validate] refuses a longer one before it checks anything
// else (its documentation gives the figure).
const maxTableText = 256

// checkTexts reports each text of t longer than maxTableText, the first
// errlist.Max of them.
func (t *Table) checkTexts() error {
	var l errlist.List
	long := func(what, s string) {
		if len(s) > maxTableText {
			l.Addf("%w: table %s: %s %s is longer than %d bytes, the longest text of a table", ErrInvalid, errtext.Quote(t.Version), what, errtext.Quote(s), maxTableText)
		}
	}
	long("version", t.Version)
	for i, g := range t.Scale {
		long(fmt.Sprintf("scale[%d] code", i), g.Code)
		long(fmt.Sprintf("scale[%d] label", i), g.Label)
	}
	for i := range t.Rules {
		r := &t.Rules[i]
		long(fmt.Sprintf("rules[%d] name", i), r.Name)
		long(fmt.Sprintf("rules[%d] grade", i), r.Grade)
		for j, typ := range r.Types {
			if len(typ) > maxTableText {
				long(fmt.Sprintf("rules[%d] types[%d]", i, j), typ)
			}
		}
	}
	return l.Err(ErrInvalid)
}

// joinCapped joins errs, the first errlist.Max of them and the number of
// the others.
func joinCapped(errs []error) error {
	var l errlist.List
	for _, err := range errs {
		l.Add(err)
	}
	return l.Err(ErrInvalid)
}

// checkFigures refuses facts that no rule can read as they mean: a Quality
// outside 0–5 (a rule "quality at most 2" would match −3) or a negative
// count of urgings or supervisions. It names the table, the matter and
// the subject, as ErrNoRule's error does.
func checkFigures(version string, f *Facts) error {
	if f.Quality >= 0 && f.Quality <= 5 && f.Urged >= 0 && f.Supervised >= 0 {
		return nil
	}
	var bad []string
	if f.Quality < 0 || f.Quality > 5 {
		bad = append(bad, fmt.Sprintf("quality %d, not 0–5", f.Quality))
	}
	if f.Urged < 0 {
		bad = append(bad, fmt.Sprintf("urged %d times", f.Urged))
	}
	if f.Supervised < 0 {
		bad = append(bad, fmt.Sprintf("supervised %d times", f.Supervised))
	}
	return fmt.Errorf("%w: table %s, matter %s, subject %s: %s", ErrInvalid,
		errtext.Quote(version), errtext.Quote(f.Matter), errtext.Quote(f.Subject), strings.Join(bad, "; "))
}

// namedRatio is one ratio condition of a rule, with its name in JSON.
type namedRatio struct {
	name string
	x    *decimal.Decimal
}

// ratioConds returns the ratio conditions of r, set or not, in the order
// of TableRule's fields.
func (r *TableRule) ratioConds() [4]namedRatio {
	return [4]namedRatio{{"responseAtMost", r.ResponseAtMost}, {"responseOver", r.ResponseOver},
		{"resolutionAtMost", r.ResolutionAtMost}, {"resolutionOver", r.ResolutionOver}}
}

// maxThresholdBits bounds the coefficient of a threshold Table.Evaluate
// compares with a ratio, as jsonx.DecimalFits bounds the decimals it
// looks at further.
const maxThresholdBits = 4096

// wideCoefficient is 2^maxThresholdBits with exponent 0, the least
// coefficient too wide; smallAt[k] is 10^18 with exponent -k, the least
// coefficient cmpRatio does not take as an int64 at that exponent. Never
// written.
var (
	wideCoefficient = decimal.NewFromBigInt(new(big.Int).Lsh(big.NewInt(1), maxThresholdBits), 0)
	smallAt         = func() (a [19]decimal.Decimal) {
		for k := range a {
			a[k] = decimal.New(1_000_000_000_000_000_000, int32(-k))
		}
		return a
	}()
)

// wideError is the error of Evaluate that met, in rule i, the ratio
// condition cond of a threshold whose coefficient has more than
// maxThresholdBits bits.
func (t *Table) wideError(i int, cond string) error {
	return fmt.Errorf("%w: table %s rules[%d] %s: %s has a coefficient of more than %d bits, which no ratio is compared with exactly at a bounded cost (LoadTable reads no more than %d characters)",
		ErrInvalid, errtext.Quote(t.Version), i, errtext.Quote(t.Rules[i].Name), cond, maxThresholdBits, jsonx.MaxDecimalLen)
}
