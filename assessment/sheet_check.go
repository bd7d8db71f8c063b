package assessment

import (
	"fmt"
	"slices"

	"github.com/qingdan/qingdan/internal/errlist"
	"github.com/qingdan/qingdan/internal/errtext"
	"github.com/qingdan/qingdan/internal/jsonx"
	"github.com/shopspring/decimal"
)

// maxSheetText bounds a sheet's names: its version, a fact's name, an
// item's name and fact, a veto's grade.
const maxSheetText = 256

// Validate checks a sheet and reports every problem (the first 100, and
// how many more), joined, each wrapping [ErrSheet] and naming the sheet's
// version and the item as items[i] (0-based) with its name:
//
//   - no version, no items; a name longer than 256 bytes, a number longer
//     than 64 characters;
//   - a base that is not fixed, composite or index, a fixed base without
//     points, points on a base that comes from the unit;
//   - a fact declared twice, or as both a count and a rate, or unnamed;
//     a scale that fails [scoring.Scale.Validate];
//   - an item without a name or with the name of another; one that reads
//     an unknown fact, or a fact of the wrong kind (each on a rate, bands
//     on a count); one that does none, or more than one, of each, bands
//     and veto;
//   - an item that can never fire: each of 0 points; a band of 0 points,
//     a band outside 0–1 or empty (from ≥ below); a veto below a rate of
//     0 or less;
//   - bands that overlap, naming both, so that a rate would have two
//     meanings;
//   - a cap that is not positive, a cap on a veto, and a cap that can
//     never bind: an item's cap at or above the points of its every band,
//     and a maxBonus or maxDeduction at or above the most that the items
//     can add or deduct together (each item at its cap; an item counting
//     occurrences without a cap can move any number of points);
//   - a veto that sets neither or both of points and grade, a grade not
//     on the scale, a veto on a count with below, on a rate without it,
//     and a veto below a rate above 1, which fires for every rate.
//
// Validate panics if s is nil, as Apply does.
func (s *Sheet) Validate() error {
	if s == nil {
		panic("assessment: Validate of a nil *Sheet")
	}
	c := checker{s: s}
	c.sheet()
	return c.errs.Err(ErrSheet)
}

// checker is one call of Validate.
type checker struct {
	s     *Sheet
	kinds map[string]kind // the declared facts, the first declaration of each
	errs  errlist.List
}

// addf records a problem, formatting it only while the list has room.
func (c *checker) addf(format string, args ...any) {
	if c.errs.Full() {
		c.errs.Add(ErrSheet) // counted, not kept
		return
	}
	c.errs.Add(fmt.Errorf("%w: sheet %s"+format, append([]any{ErrSheet, errtext.Quote(c.s.Version)}, args...)...))
}

// fits reports whether d is short enough to compute with, and records a
// problem naming it, as what, when it is not.
func (c *checker) fits(what string, d *decimal.Decimal) bool {
	if d == nil || jsonx.DecimalFits(*d) {
		return true
	}
	c.addf("%s is longer than %d characters", what, jsonx.MaxDecimalLen)
	return false
}

func (c *checker) long(what, text string) {
	if len(text) > maxSheetText {
		c.addf(": %s %s is longer than %d bytes", what, errtext.Quote(text), maxSheetText)
	}
}

func (c *checker) sheet() {
	s := c.s
	c.long("the version", s.Version)
	if s.Version == "" {
		c.addf(" has no version")
	}
	switch s.Base.From {
	case FixedBase:
		if s.Base.Points == nil {
			c.addf(": the fixed base has no points")
		}
		c.fits(": the base's points", s.Base.Points)
	case CompositeBase, IndexBase:
		if s.Base.Points != nil {
			c.addf(": the base is the unit's %s, given with its facts; it has no points", s.Base.From.Label())
		}
	default:
		c.addf(": base %s is not fixed, composite or index", s.Base.From)
	}
	seen := map[string]string{}
	c.kinds = make(map[string]kind, len(s.Counts)+len(s.Rates))
	for _, l := range []struct {
		what  string
		kind  kind
		names []string
	}{{"counts", countFact, s.Counts}, {"rates", rateFact, s.Rates}} {
		for i, n := range l.names {
			c.long(fmt.Sprintf("%s[%d]", l.what, i), n)
			switch prev, dup := seen[n]; {
			case n == "":
				c.addf(" %s[%d] has no name", l.what, i)
			case dup:
				c.addf(": fact %s is declared twice, in %s and %s", errtext.Quote(n), prev, l.what)
			default:
				seen[n] = l.what
				c.kinds[n] = l.kind
			}
		}
	}
	if len(s.Scale) > 0 {
		if err := s.Scale.Validate(); err != nil {
			c.addf(": scale: %w", err)
		}
		for _, g := range s.Scale {
			c.fits(": the points of grade "+errtext.Quote(g.Code), &g.Points)
		}
	}
	if len(s.Items) == 0 {
		c.addf(" has no items")
	}
	names := make(map[string]int, len(s.Items))
	for i := range s.Items {
		it := &s.Items[i]
		at := fmt.Sprintf(" items[%d] %s", i, errtext.Quote(it.Name))
		c.long(fmt.Sprintf("items[%d] name", i), it.Name)
		c.long(fmt.Sprintf("items[%d] fact", i), it.Fact)
		if j, dup := names[it.Name]; dup && it.Name != "" {
			c.addf("%s has the name of items[%d]", at, j)
		} else if it.Name == "" {
			c.addf("%s has no name", at)
		}
		names[it.Name] = i
		c.item(at, it)
	}
	for _, bonus := range []bool{true, false} {
		c.total(bonus)
	}
}

// item checks one item; at names it.
func (c *checker) item(at string, it *Item) {
	k := c.kinds[it.Fact]
	switch {
	case it.Fact == "":
		c.addf("%s reads no fact", at)
	case k == unknownFact:
		c.addf("%s reads the unknown fact %s (not among the sheet's counts and rates)", at, errtext.Quote(it.Fact))
	}
	modes := 0
	for _, on := range []bool{it.Each != nil, len(it.Bands) > 0, it.Veto != nil} {
		if on {
			modes++
		}
	}
	switch {
	case modes == 0:
		c.addf("%s does nothing: give each, bands or veto", at)
	case modes > 1:
		c.addf("%s gives more than one of each, bands and veto", at)
	}
	capOK := c.fits(at+" cap", it.Cap)
	if it.Cap != nil && capOK && it.Cap.Sign() <= 0 {
		c.addf("%s has the cap %s: a cap is a positive number of points", at, jsonx.FormatDecimal(*it.Cap))
		capOK = false
	}
	if it.Each != nil {
		if k == rateFact {
			c.addf("%s counts occurrences (each) of %s, which is a rate", at, errtext.Quote(it.Fact))
		}
		if c.fits(at+" each", it.Each) && it.Each.IsZero() {
			c.addf("%s can never fire: each occurrence moves 0 points", at)
		}
	}
	if len(it.Bands) > 0 {
		if k == countFact {
			c.addf("%s bands %s, which is a count", at, errtext.Quote(it.Fact))
		}
		c.bands(at, it, capOK)
	}
	if it.Veto != nil {
		c.veto(at, it, k)
	}
}

// bounds returns the band's range with nil for 0 and no bound.
func bounds(b *Band) (from decimal.Decimal, below *decimal.Decimal) {
	if b.From != nil {
		from = *b.From
	}
	return from, b.Below
}

// bands checks the bands of an item: each can fire, none overlaps another,
// and the cap can bind.
func (c *checker) bands(at string, it *Item, capOK bool) {
	var good []int // the bands that can fire, to check for overlaps
	most := decimal.Zero
	for j := range it.Bands {
		b := &it.Bands[j]
		bat := fmt.Sprintf("%s bands[%d]", at, j)
		if !c.fits(bat+" points", &b.Points) || !c.fits(bat+" from", b.From) || !c.fits(bat+" below", b.Below) {
			continue
		}
		from, below := bounds(b)
		switch {
		case b.Points.IsZero():
			c.addf("%s can never fire: it moves 0 points", bat)
		case from.Sign() < 0:
			c.addf("%s starts below 0 (from %s): a rate is 0 to 1", bat, jsonx.FormatDecimal(from))
		case from.GreaterThan(one):
			c.addf("%s can never fire: it starts above 1 (from %s), and a rate is 0 to 1", bat, jsonx.FormatDecimal(from))
		case below != nil && below.Sign() <= 0:
			c.addf("%s can never fire: it ends at or below 0 (below %s), and a rate is 0 to 1", bat, jsonx.FormatDecimal(*below))
		case below != nil && !from.LessThan(*below):
			c.addf("%s can never fire: it is empty (from %s, below %s)", bat, jsonx.FormatDecimal(from), jsonx.FormatDecimal(*below))
		default:
			good = append(good, j)
			most = decimal.Max(most, b.Points.Abs())
		}
	}
	slices.SortStableFunc(good, func(x, y int) int {
		fx, _ := bounds(&it.Bands[x])
		fy, _ := bounds(&it.Bands[y])
		return fx.Cmp(fy)
	})
	reach := -1 // the band reaching highest of those before
	for _, j := range good {
		from, below := bounds(&it.Bands[j])
		if reach >= 0 {
			_, top := bounds(&it.Bands[reach])
			if top == nil || from.LessThan(*top) {
				c.addf("%s bands[%d] and bands[%d] overlap: a rate of %s falls in both", at, reach, j, jsonx.FormatDecimal(from))
			}
			if top == nil || below != nil && !below.GreaterThan(*top) {
				continue // reach still reaches highest
			}
		}
		reach = j
	}
	if it.Cap != nil && capOK && len(good) > 0 && !it.Cap.LessThan(most) {
		c.addf("%s has the cap %s, which can never bind: no band moves more than %s points", at,
			jsonx.FormatDecimal(*it.Cap), jsonx.FormatDecimal(most))
	}
}

// veto checks a veto item.
func (c *checker) veto(at string, it *Item, k kind) {
	v := it.Veto
	c.long(at+" veto grade", v.Grade)
	if it.Cap != nil {
		c.addf("%s has a cap, but a veto moves no points", at)
	}
	switch {
	case (v.Points == nil) == (v.Grade == ""):
		c.addf("%s: a veto sets either points or a grade, not %s", at, map[bool]string{true: "neither", false: "both"}[v.Points == nil])
	case v.Grade != "" && len(c.s.Scale) == 0:
		c.addf("%s: the veto sets grade %s, but the sheet has no scale", at, errtext.Quote(v.Grade))
	case v.Grade != "":
		if _, ok := c.s.Scale.Grade(v.Grade); !ok {
			c.addf("%s: the veto's grade %s is not on the sheet's scale", at, errtext.Quote(v.Grade))
		}
	}
	c.fits(at+" veto points", v.Points)
	switch {
	case k == countFact && v.Below != nil:
		c.addf("%s: a veto on a count fires at one occurrence; below is for a rate", at)
	case k == rateFact && v.Below == nil:
		c.addf("%s: a veto on a rate needs below, the rate under which it fires", at)
	case !c.fits(at+" veto below", v.Below):
	case k == rateFact && v.Below.Sign() <= 0:
		c.addf("%s can never fire: no rate is below %s", at, jsonx.FormatDecimal(*v.Below))
	case k == rateFact && v.Below.GreaterThan(one):
		c.addf("%s fires for every rate: every rate is below %s", at, jsonx.FormatDecimal(*v.Below))
	}
}

// total checks the sheet's cap on the additions (bonus) or on the
// deductions: it must be positive, and must be able to bind.
func (c *checker) total(bonus bool) {
	what, m := "maxDeduction", c.s.MaxDeduction
	if bonus {
		what, m = "maxBonus", c.s.MaxBonus
	}
	if m == nil || !c.fits(": "+what, m) {
		return
	}
	if m.Sign() <= 0 {
		c.addf(": %s is %s: a cap is a positive number of points", what, jsonx.FormatDecimal(*m))
		return
	}
	most := decimal.Zero
	for i := range c.s.Items {
		v, bounded := c.most(&c.s.Items[i], bonus)
		if !bounded {
			return
		}
		most = most.Add(v)
	}
	if !m.LessThan(most) {
		c.addf(": %s %s can never bind: the items together move at most %s points that way", what, jsonx.FormatDecimal(*m), jsonx.FormatDecimal(most))
	}
}

// most returns the most points an item can add (bonus) or deduct, as a
// positive number, and whether that is bounded.
func (c *checker) most(it *Item, bonus bool) (decimal.Decimal, bool) {
	sign := 1
	if !bonus {
		sign = -1
	}
	most := decimal.Zero
	switch {
	case it.Veto != nil:
		return most, true
	case it.Each != nil:
		if !jsonx.DecimalFits(*it.Each) {
			return most, false // reported; the total is not known
		}
		if it.Each.Sign() != sign {
			return most, true
		}
		if it.Cap == nil || !jsonx.DecimalFits(*it.Cap) || it.Cap.Sign() <= 0 {
			return most, false
		}
		return *it.Cap, true
	}
	for j := range it.Bands {
		p := it.Bands[j].Points
		if !jsonx.DecimalFits(p) {
			return most, false
		}
		if p.Sign() == sign {
			most = decimal.Max(most, p.Abs())
		}
	}
	if it.Cap != nil && jsonx.DecimalFits(*it.Cap) && it.Cap.Sign() > 0 {
		most = decimal.Min(most, *it.Cap)
	}
	return most, true
}
