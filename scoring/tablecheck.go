package scoring

import (
	"encoding/binary"
	"fmt"
	"math/big"
	"slices"
	"strings"
	"time"

	"github.com/qingdan/qingdan/internal/errtext"
	"github.com/qingdan/qingdan/internal/jsonx"
	"github.com/shopspring/decimal"
)

// This file finds a table's gaps and dead rules over a finite grid of
// representative facts; see Table.Validate.

// ratioPoints returns representative (actual, limit) pairs for one ratio
// figure: 0, each threshold, a point between neighbours and one beyond the
// last, all over one common limit. ok is false when the thresholds are too
// fine for int64 durations, or one is too long to write (Validate reports
// it): its value is never worked out, which for a decimal of millions of
// places would take minutes. A threshold's places are those of its value,
// whatever zeros it is written with ("0.50" is "0.5").
func ratioPoints(thresholds []decimal.Decimal) (pts [][2]time.Duration, ok bool) {
	rats := []*big.Rat{new(big.Rat), big.NewRat(1, 1)} // 0, and 1 for the on-time flags
	exp := int32(0)
	for _, x := range thresholds {
		switch {
		case x.Sign() < 0:
			continue
		case !jsonx.DecimalFits(x):
			return nil, false
		}
		x = x.Normalize()
		if exp = min(exp, x.Exponent()); exp < -17 {
			return nil, false
		}
		rats = append(rats, x.Rat())
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

// typeClasses are the matter types some rule lists, in byte order, and
// one other type that none lists, last, grouped in classes: two types
// that exactly the same rules list are alike to every rule (a rule's
// match on the type is membership of its list, or no list), so the first
// type of a class, by bytes, stands for all of them in every region.
type typeClasses struct {
	types []string
	other string  // the last type, which no rule lists
	of    []int   // the class of each type
	first []int   // each class's first type
	count []int   // the number of each class's types
	rules [][]int // the rules that list each class's types, ascending
}

// typeClasses groups the types t's rules list by the rules that list
// them, each type its own class when eachType is set (a test compares the
// two). A type costs a look-up per rule that lists it, however often.
func (t *Table) typeClasses(eachType bool) *typeClasses {
	c := &typeClasses{types: []string{}}
	for i := range t.Rules {
		c.types = append(c.types, t.Rules[i].Types...)
	}
	slices.Sort(c.types)
	c.types = slices.Compact(c.types)
	c.other = "\x00other"
	for slices.Contains(c.types, c.other) {
		c.other += "\x00"
	}
	c.types = append(c.types, c.other)
	index := make(map[string]int, len(c.types))
	for k, typ := range c.types {
		index[typ] = k
	}
	rulesOf := make([][]int, len(c.types))
	for i := range t.Rules {
		for _, typ := range t.Rules[i].Types {
			if k := index[typ]; len(rulesOf[k]) == 0 || rulesOf[k][len(rulesOf[k])-1] != i {
				rulesOf[k] = append(rulesOf[k], i)
			}
		}
	}
	// A class is named by its rules, as varints; no listed type has an
	// empty list of rules, so the other type's class is its own.
	classOf := make(map[string]int)
	c.of = make([]int, len(c.types))
	var key []byte
	for k, rules := range rulesOf {
		key = key[:0]
		if eachType {
			key = binary.AppendUvarint(key, uint64(k))
		}
		for _, i := range rules {
			key = binary.AppendUvarint(key, uint64(i))
		}
		n, ok := classOf[string(key)]
		if !ok {
			n = len(c.first)
			classOf[string(key)] = n
			c.first, c.count, c.rules = append(c.first, k), append(c.count, 0), append(c.rules, rules)
		}
		c.of[k] = n
		c.count[n]++
	}
	return c
}

// maxExamples is the number of regions a gap report gives as examples.
const maxExamples = 3

// checkRegions reports gaps and rules that can never fire, walking the
// regions by class of types (typeClasses; by type when eachType is set).
func (t *Table) checkRegions(eachType bool) []error {
	var resp, res []decimal.Decimal
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
	}
	classes := t.typeClasses(eachType)
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
	// The count of regions walked, a class of types standing for its
	// types, stops at maxGrid+1: a product of the counts could overflow
	// and wrap to a count small enough to walk.
	size := 1
	for _, k := range [...]int{len(classes.first), flagSets, len(respPts), len(resPts), qualities * 3} {
		if k > 0 && size > maxGrid/k {
			size = maxGrid + 1
			break
		}
		size *= k
	}
	// The regions of every type are counted, a class's as many times as it
	// has types: at most len(types) × maxGrid, in int64 even where int
	// has 32 bits.
	var regions int64
	if size <= maxGrid {
		regions = int64(len(classes.types)) * int64(size/len(classes.first))
	}
	if !ok1 || !ok2 || size > maxGrid || size > 16*maxGrid/len(t.Rules) { // size × rules > 16 maxGrid, without overflowing a 32-bit int
		if !last.unconditional() {
			why := fmt.Sprint(regions, " regions")
			switch {
			case !ok1 || !ok2:
				why = "thresholds of more than 17 places, or too large to stand as durations"
			case size > maxGrid:
				why = fmt.Sprint("more than ", maxGrid, " regions")
			}
			return []error{fmt.Errorf("%w: table %s is too fine or too large to check for gaps region by region (%s); end it with an unconditional rule",
				ErrInvalid, errtext.Quote(t.Version), why)}
		}
		return nil
	}
	n := len(t.Rules)
	typeOK := make([]bool, n) // whether each rule takes the type of the region
	fired := make([]bool, n)
	matched := make([]bool, n)
	shadowers := make([][]bool, n)
	var gaps int64         // regions, as counted above
	var examples [][]Facts // the first gaps of each class, made at the first
	yes, no := true, false
	answers := []*bool{nil, &yes, &no}
	var f Facts
	for c, k := range classes.first {
		f.Type = classes.types[k]
		for i := range t.Rules {
			typeOK[i] = len(t.Rules[i].Types) == 0
		}
		for _, i := range classes.rules[c] {
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
								if !typeOK[i] {
									continue
								}
								if m, _ := t.Rules[i].matchesFigures(&f); !m { // Validate refused wide thresholds first
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
								gaps += int64(classes.count[c])
								if examples == nil {
									examples = make([][]Facts, len(classes.first))
								}
								if len(examples[c]) < maxExamples {
									examples[c] = append(examples[c], f)
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
			ErrInvalid, errtext.Quote(t.Version), gaps, regions,
			strings.Join(classes.examples(examples), "; ")))
	}
	return errs
}

// examples describes the first maxExamples gaps of a walk type by type, in
// byte order, the other type last: each type's first gaps are those of its
// class (of, from checkRegions), of that type.
func (c *typeClasses) examples(of [][]Facts) []string {
	var out []string
	for k, typ := range c.types {
		for _, f := range of[c.of[k]] {
			if len(out) == maxExamples {
				return out
			}
			f.Type = typ
			out = append(out, example(&f, c.other))
		}
	}
	return out
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
