package scoring_test

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/qingdan/qingdan/locality/wuhu"
	"github.com/qingdan/qingdan/scoring"
	"github.com/qingdan/qingdan/scoring/reason"
	"github.com/shopspring/decimal"
)

// propThresholds are the ratios random tables take their thresholds from:
// zero written two ways, whole hundredths, finer ones, one of a positive
// exponent (10, as decimal.New(1, 1)), and one too fine for 18 places.
var propThresholds = []string{"0", "0.00", "0.5", "1", "1.25", "0.9995", "1.005", "2", "0.000001", "10", "0.333333333333333333333"}

func propThreshold(rng *rand.Rand) *decimal.Decimal {
	s := propThresholds[rng.IntN(len(propThresholds))]
	x := decimal.RequireFromString(s)
	if s == "10" {
		x = decimal.New(1, 1)
	}
	return &x
}

// randomRule is a rule of one to four random conditions.
func randomRule(rng *rand.Rand, i int) scoring.TableRule {
	return randomRuleOf(rng, i, 1+rng.IntN(4), propThreshold, matterTypes[:3])
}

// randomRuleOf is a rule of n random conditions, its thresholds drawn by
// threshold and its types from types.
func randomRuleOf(rng *rand.Rand, i, n int, threshold func(*rand.Rand) *decimal.Decimal, types []string) scoring.TableRule {
	grades := []string{"excellent", "good", "fair", "poor"}
	r := scoring.TableRule{Name: fmt.Sprint("r", i), Grade: grades[rng.IntN(len(grades))]}
	flags := [...]**bool{&r.Responded, &r.Resolved, &r.Returned, &r.Final, &r.Urged, &r.Supervised,
		&r.ResponseOnTime, &r.ResolutionOnTime, &r.QualityGiven}
	ratios := [...]**decimal.Decimal{&r.ResponseAtMost, &r.ResponseOver, &r.ResolutionAtMost, &r.ResolutionOver}
	for range n {
		switch k := rng.IntN(len(flags) + len(ratios) + 4); {
		case k < len(flags):
			v := rng.IntN(2) == 0
			*flags[k] = &v
		case k < len(flags)+len(ratios):
			*ratios[k-len(flags)] = threshold(rng)
		case k == len(flags)+len(ratios):
			r.Types = append(r.Types, types[rng.IntN(len(types))])
		case k == len(flags)+len(ratios)+1:
			r.QualityMin = 1 + rng.IntN(5)
		case k == len(flags)+len(ratios)+2:
			r.QualityMax = 1 + rng.IntN(5)
		default:
			r.Satisfaction = scoring.Satisfaction(1 + rng.IntN(4))
		}
	}
	return r
}

// randomFacts are facts whose times fall on, near and between the
// thresholds of propThresholds, or anywhere.
func randomFacts(rng *rand.Rand) scoring.Facts {
	yes, no := true, false
	answers := []*bool{nil, &yes, &no}
	limit := 400 * time.Hour // every threshold but the finest, times it, is whole nanoseconds
	at := func() (time.Duration, time.Duration) {
		switch rng.IntN(6) {
		case 0:
			return 0, 0
		case 1:
			return time.Duration(rng.Int64N(int64(3 * limit))), -time.Duration(rng.IntN(2))
		case 2:
			return time.Duration(rng.Int64N(int64(3 * limit))), limit
		}
		x := *propThreshold(rng)
		a := x.Mul(decimal.NewFromInt(int64(limit))).Truncate(0).IntPart()
		return time.Duration(a + rng.Int64N(3) - 1), limit
	}
	f := scoring.Facts{Matter: "M", Subject: "D", Type: matterTypes[rng.IntN(4)],
		Responded: rng.IntN(2) == 0, Resolved: rng.IntN(2) == 0, Returned: rng.IntN(4) == 0, Final: rng.IntN(2) == 0,
		Urged: rng.IntN(3), Supervised: rng.IntN(3), Quality: rng.IntN(6), Satisfied: answers[rng.IntN(3)], Stage: rng.IntN(3)}
	f.Response, f.ResponseLimit = at()
	f.Resolution, f.ResolutionLimit = at()
	if rng.IntN(4) == 0 {
		f.Type = "其他"
	}
	return f
}

// TestRandomTablesCompileGradesAsEvaluate is the property of a table over
// random tables that Validate accepts, of every condition, and random
// facts: the compiled evaluator, returning its Result or writing it into
// one (EvaluateInto), grades as Table.Evaluate does, reasons included;
// and none of the facts finds a gap, as Validate found none.
func TestRandomTablesCompileGradesAsEvaluate(t *testing.T) {
	rng := rand.New(rand.NewPCG(2026, 7))
	valid := 0
	n := 0
	for ; valid < 200 && n < 100000; n++ {
		tbl := &scoring.Table{Version: fmt.Sprint("rand-", n), Lang: reason.Lang(rng.IntN(2)), Scale: wuhu.Scale()}
		for i := range 1 + rng.IntN(6) {
			tbl.Rules = append(tbl.Rules, randomRule(rng, i))
		}
		if rng.IntN(2) == 0 {
			tbl.Rules = append(tbl.Rules, scoring.TableRule{Name: "rest", Grade: "poor"})
		}
		compiled, err := tbl.Compile()
		if err != nil {
			continue
		}
		valid++
		var into scoring.Result
		for range 300 {
			f := randomFacts(rng)
			want, werr := tbl.Evaluate(f)
			if errors.Is(werr, scoring.ErrNoRule) {
				t.Fatalf("%s: Validate found no gap, yet no rule grades %+v:\n%+v", tbl.Version, f, tbl.Rules)
			}
			gradesAsEvaluate(t, tbl, compiled, &into, f, want, werr)
		}
	}
	t.Logf("%d of %d tables valid", valid, n)
	if valid < 200 {
		t.Fatalf("only %d random tables were valid", valid)
	}
}

// sameResult compares results field by field, reasons by reason.Compare
// (thresholds by value): cmp.Equal, for a hundred thousand results, takes
// seconds.
func sameResult(a, b scoring.Result) bool {
	if a.Grade != b.Grade || !a.Points.Equal(b.Points) || a.Policy != b.Policy || len(a.Reasons) != len(b.Reasons) {
		return false
	}
	for i := range a.Reasons {
		if reason.Compare(a.Reasons[i], b.Reasons[i]) != 0 || (a.Reasons[i].Checks == nil) != (b.Reasons[i].Checks == nil) {
			return false
		}
	}
	return true
}

// gradesAsEvaluate fails t unless compiled, tbl compiled, grades f as
// tbl.Evaluate did (want, werr), returning its Result and writing it into
// *into (EvaluateInto): the same Result, reasons, checks, figures and
// places included, and the same error.
func gradesAsEvaluate(t *testing.T, tbl *scoring.Table, compiled scoring.Evaluator, into *scoring.Result, f scoring.Facts, want scoring.Result, werr error) {
	t.Helper()
	got, gerr := compiled.Evaluate(f)
	ierr := scoring.EvaluateInto(compiled, into, f)
	for _, c := range []struct {
		how string
		got scoring.Result
		err error
	}{{"compiled", got, gerr}, {"EvaluateInto", *into, ierr}} {
		if !sameResult(want, c.got) || fmt.Sprint(werr) != fmt.Sprint(c.err) {
			t.Fatalf("%s, facts %+v: errors %v, %v; mismatch (-Evaluate +%s):\n%s", tbl.Version, f, werr, c.err, c.how, cmp.Diff(want, c.got, decimalEqual))
		}
	}
}
