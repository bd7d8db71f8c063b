package scoring

import (
	"fmt"
	"math/big"
	"slices"
	"strings"
	"time"

	"github.com/qingdan/qingdan/internal/errtext"
	"github.com/shopspring/decimal"
)

// This file finds a table's gaps and dead rules over a finite grid of
// representative facts; see Table.Validate.

// ratioPoints returns representative (actual, limit) pairs for one ratio
// figure: 0, each threshold, a point between neighbours and one beyond the
// last, all over one common limit. ok is false when the thresholds are too
// fine for int64 durations.
func ratioPoints(thresholds []decimal.Decimal) (pts [][2]time.Duration, ok bool) {
	rats := []*big.Rat{new(big.Rat), big.NewRat(1, 1)} // 0, and 1 for the on-time flags
	exp := int32(0)
	for _, x := range thresholds {
		if x.Sign() < 0 {
			continue
		}
		rats = append(rats, x.Rat())
		exp = min(exp, x.Exponent())
	}
	if exp < -17 {
		return nil, false
	}
	slices.SortFunc(rats, func(a, b *big.Rat) int { return a.Cmp(b) })
	rats = slices.CompactFunc(rats, func(a, b *big.Rat) bool { return a.Cmp(b) == 0 })
	// Every threshold is a multiple of 10^exp, so every midpoint is a
	// multiple of 10^exp / 2: that is the common limit.
	limit := new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(-exp)), nil)
	limit.Lsh(limit, 1)
	lim := new(big.Rat).SetInt(limit)
	add := func(r *big.Rat) bool {
		a := new(big.Rat).Mul(r, lim)
		if !a.IsInt() || !a.Num().IsInt64() || !limit.IsInt64() {
			return false
		}
		pts = append(pts, [2]time.Duration{time.Duration(a.Num().Int64()), time.Duration(limit.Int64())})
		return true
	}
	for i, r := range rats {
		if !add(r) {
			return nil, false
		}
		var next *big.Rat
		if i+1 < len(rats) {
			next = new(big.Rat).Add(r, rats[i+1])
			next.Quo(next, big.NewRat(2, 1))
		} else {
			next = new(big.Rat).Add(r, big.NewRat(1, 1))
		}
		if !add(next) {
			return nil, false
		}
	}
	return pts, true
}

// qualities is the count of the regions' qualities: 0 (not given) and 1
// to 5, every quality Evaluate grades. It refuses any other
// (checkFigures), so a rule that matched only such a quality would never
// fire, and facts of such a quality that no rule matched are no gap.
const qualities = 6

// checkRegions reports gaps and rules that can never fire.
func (t *Table) checkRegions() []error {
	var resp, res []decimal.Decimal
	types := []string{}
	for i := range t.Rules {
		r := &t.Rules[i]
		for _, x := range []*decimal.Decimal{r.ResponseAtMost, r.ResponseOver} {
			if x != nil {
				resp = append(resp, *x)
			}
		}
		for _, x := range []*decimal.Decimal{r.ResolutionAtMost, r.ResolutionOver} {
			if x != nil {
				res = append(res, *x)
			}
		}
		types = append(types, r.Types...)
	}
	slices.Sort(types)
	types = slices.Compact(types)
	other := "\x00other"
	for slices.Contains(types, other) {
		other += "\x00"
	}
	types = append(types, other)
	respPts, ok1 := ratioPoints(resp)
	resPts, ok2 := ratioPoints(res)
	last := &t.Rules[len(t.Rules)-1]
	// The flags: responded, resolved, returned and final, and urged and
	// supervised where some rule looks at them.
	flagSets := 16
	for i := range t.Rules {
		if t.Rules[i].Urged != nil || t.Rules[i].Supervised != nil {
			flagSets = 64
		}
	}
	// The count of regions stops at maxGrid+1: a product of the counts
	// could overflow and wrap to a count small enough to walk.
	size := 1
	for _, k := range [...]int{len(types), flagSets, len(respPts), len(resPts), qualities * 3} {
		if k > 0 && size > maxGrid/k {
			size = maxGrid + 1
			break
		}
		size *= k
	}
	if !ok1 || !ok2 || size > maxGrid || size*len(t.Rules) > 16*maxGrid {
		if !last.unconditional() {
			count := fmt.Sprint(size)
			if size > maxGrid {
				count = fmt.Sprint("more than ", maxGrid)
			}
			return []error{fmt.Errorf("%w: table %s is too fine or too large to check for gaps region by region (%s regions); end it with an unconditional rule",
				ErrInvalid, errtext.Quote(t.Version), count)}
		}
		return nil
	}
	n := len(t.Rules)
	// The rules that list each type, so that a region's type costs a rule
	// one look-up however long its list (a rule may list thousands, or
	// one type many times).
	typeIndex := make(map[string]int, len(types))
	for i, typ := range types {
		typeIndex[typ] = i
	}
	rulesOf := make([][]int, len(types))
	for i := range t.Rules {
		for _, typ := range t.Rules[i].Types {
			if k := typeIndex[typ]; len(rulesOf[k]) == 0 || rulesOf[k][len(rulesOf[k])-1] != i {
				rulesOf[k] = append(rulesOf[k], i)
			}
		}
	}
	typeOK := make([]bool, n) // whether each rule takes the type of the region
	fired := make([]bool, n)
	matched := make([]bool, n)
	shadowers := make([][]bool, n)
	gaps := 0
	var examples []string
	yes, no := true, false
	answers := []*bool{nil, &yes, &no}
	var f Facts
	for k, typ := range types {
		f.Type = typ
		for i := range t.Rules {
			typeOK[i] = len(t.Rules[i].Types) == 0
		}
		for _, i := range rulesOf[k] {
			typeOK[i] = true
		}
		for flags := range flagSets {
			f.Responded, f.Resolved, f.Returned, f.Final = flags&1 != 0, flags&2 != 0, flags&4 != 0, flags&8 != 0
			f.Urged, f.Supervised = flags>>4&1, flags>>5&1
			for _, rp := range respPts {
				f.Response, f.ResponseLimit = rp[0], rp[1]
				for _, sp := range resPts {
					f.Resolution, f.ResolutionLimit = sp[0], sp[1]
					for q := range qualities {
						f.Quality = q
						for _, a := range answers {
							f.Satisfied = a
							first := -1
							for i := range t.Rules {
								if !typeOK[i] || !t.Rules[i].matchesFigures(&f) {
									continue
								}
								matched[i] = true
								if first < 0 {
									first = i
									fired[i] = true
									continue
								}
								if shadowers[i] == nil {
									shadowers[i] = make([]bool, n)
								}
								shadowers[i][first] = true
							}
							if first < 0 {
								gaps++
								if len(examples) < 3 {
									examples = append(examples, example(&f, other))
								}
							}
						}
					}
				}
			}
		}
	}
	var errs []error
	for i := range t.Rules {
		r := &t.Rules[i]
		switch {
		case !matched[i]:
			errs = append(errs, fmt.Errorf("%w: table %s rules[%d] %s can never fire: its conditions contradict each other",
				ErrInvalid, errtext.Quote(t.Version), i, errtext.Quote(r.Name)))
		case !fired[i]:
			var by []string
			for j, s := range shadowers[i] {
				if s {
					by = append(by, fmt.Sprintf("rules[%d] %s", j, errtext.Quote(t.Rules[j].Name)))
				}
			}
			errs = append(errs, fmt.Errorf("%w: table %s rules[%d] %s can never fire: every case it matches is taken by %s",
				ErrInvalid, errtext.Quote(t.Version), i, errtext.Quote(r.Name), strings.Join(by, ", ")))
		}
	}
	if gaps > 0 {
		errs = append(errs, fmt.Errorf("%w: table %s has gaps: %d of %d regions match no rule (an unconditional last rule closes them), e.g. %s",
			ErrInvalid, errtext.Quote(t.Version), gaps, size, strings.Join(examples, "; ")))
	}
	return errs
}

// example describes a representative of a region for a gap report.
func example(f *Facts, other string) string {
	g := *f
	if g.Type == other {
		g.Type = ""
	}
	var flags []string
	for _, fl := range []struct {
		on   bool
		name string
	}{{f.Final, "final"}} {
		if fl.on {
			flags = append(flags, fl.name)
		} else {
			flags = append(flags, "not "+fl.name)
		}
	}
	s := "[" + describe(&g) + ", " + strings.Join(flags, ", ")
	if f.Type == other {
		s += ", any other type"
	}
	return s + "]"
}
