package assessment

import (
	"fmt"
	"maps"
	"slices"

	"github.com/shopspring/decimal"

	"github.com/qingdan/qingdan/internal/errlist"
	"github.com/qingdan/qingdan/internal/errtext"
	"github.com/qingdan/qingdan/internal/jsonx"
)

// Apply applies the sheet to one unit's facts and returns the exact
// result, never rounded. For each item in order it finds the points the
// item moves — a count times Each, or the points of the band the rate
// falls in — and bounds them by the item's Cap; it sums the additions and
// the deductions apart and bounds each sum by the sheet's MaxBonus and
// MaxDeduction; it adds both to the base. Then each veto that fires lowers
// the points to its Points, or the grade to its Grade, if they are
// higher.
//
// Apply refuses facts it cannot apply the sheet to, naming the unit and
// the fact, with an error wrapping [ErrFacts]: a count or rate the sheet
// does not declare, a negative count, a rate outside 0–1, a base missing
// when the sheet's base comes from the unit or given when it is fixed, a
// decimal of more than 64 characters, and facts whose result (its points,
// or an item's) would be longer than that, which its JSON could not read
// back. It refuses, wrapping [ErrSheet], a
// sheet whose items it cannot compute (an unknown fact, a grade not on
// the scale, a cap that is not a positive number of points, an each, a
// band's number or a cap longer than 64 characters), whatever the unit's
// facts: such a sheet grades no unit. A sheet that passes
// [Sheet.Validate] has none of these. Every
// problem is reported, joined. Apply panics if s is nil.
//
// Apply keeps nothing: it reads the sheet as it is, in time linear in the
// sheet and the facts.
func (s *Sheet) Apply(f Facts) (Result, error) {
	if s == nil {
		panic("assessment: Apply of a nil *Sheet")
	}
	a := applier{s: s, f: &f}
	if len(s.Counts)+len(s.Rates) > 16 {
		a.kinds = make(map[string]kind, len(s.Counts)+len(s.Rates))
		for _, n := range s.Rates {
			a.kinds[n] = rateFact
		}
		for _, n := range s.Counts {
			a.kinds[n] = countFact
		}
	}
	a.checkFacts()
	base := a.base()
	r := Result{Sheet: s.policy(), Unit: f.Unit, Base: base}
	for i := range s.Items {
		if reason, ok := a.item(i); ok {
			r.Reasons = append(r.Reasons, reason)
			if reason.Points.Sign() > 0 {
				r.Bonus = r.Bonus.Add(reason.Points)
			} else {
				r.Deduction = r.Deduction.Add(reason.Points)
			}
		}
	}
	for _, m := range []struct {
		name string
		cap  *decimal.Decimal
	}{{"maxBonus", s.MaxBonus}, {"maxDeduction", s.MaxDeduction}} {
		if m.cap != nil && a.fits(-1, m.name, *m.cap) && m.cap.Sign() <= 0 {
			a.errs.Addf("%w: sheet %s: %s is %s: a cap is a positive number of points", ErrSheet, errtext.Quote(s.Version), m.name, jsonx.FormatDecimal(*m.cap))
		}
	}
	for _, g := range s.Scale {
		if !jsonx.DecimalFits(g.Points) {
			a.fits(-1, "the points of grade "+errtext.Quote(g.Code), g.Points)
		}
	}
	if err := a.errs.Err(ErrFacts); err != nil {
		return Result{}, err
	}
	if m := s.MaxBonus; m != nil && r.Bonus.GreaterThan(*m) {
		r.Bonus, r.BonusCapped = *m, true
	}
	if m := s.MaxDeduction; m != nil && r.Deduction.Neg().GreaterThan(*m) {
		r.Deduction, r.DeductionCapped = m.Neg(), true
	}
	r.Points = base.Add(r.Bonus).Add(r.Deduction)
	r = a.veto(r)
	if !resultFits(&r) {
		return Result{}, fmt.Errorf("%w: unit %s: the result's points are longer than %d characters", ErrFacts, a.unit(), jsonx.MaxDecimalLen)
	}
	return r, nil
}

// resultFits reports whether r's numbers are ones its JSON reads back.
func resultFits(r *Result) bool {
	for _, d := range []decimal.Decimal{r.Bonus, r.Deduction, r.Points} {
		if !jsonx.DecimalFits(d) {
			return false
		}
	}
	for i := range r.Reasons {
		if !jsonx.DecimalFits(r.Reasons[i].Points) {
			return false
		}
	}
	return true
}

// applier is one call of Apply: the sheet, the facts and the problems.
type applier struct {
	s     *Sheet
	f     *Facts
	kinds map[string]kind // for a sheet of many facts; else factKind
	errs  errlist.List
}

// unit names the unit for a message.
func (a *applier) unit() string { return errtext.Quote(a.f.Unit) }

func (a *applier) kind(name string) kind {
	if a.kinds != nil {
		return a.kinds[name]
	}
	return a.s.factKind(name)
}

// checkFacts reports each fact that the sheet cannot read, in the order of
// the names.
func (a *applier) checkFacts() {
	bad := false
	for name, n := range a.f.Counts {
		bad = bad || n < 0 || a.kind(name) != countFact
	}
	for name, r := range a.f.Rates {
		bad = bad || a.kind(name) != rateFact || !rateFits(r)
	}
	if !bad {
		return
	}
	for _, name := range slices.Sorted(maps.Keys(a.f.Counts)) {
		if n := a.f.Counts[name]; !a.misread(name, countFact) && n < 0 {
			a.errs.Addf("%w: unit %s: count %s is negative (%d)", ErrFacts, a.unit(), errtext.Quote(name), n)
		}
	}
	for _, name := range slices.Sorted(maps.Keys(a.f.Rates)) {
		if r := a.f.Rates[name]; !a.misread(name, rateFact) && !rateFits(r) {
			a.errs.Addf("%w: unit %s: rate %s is %s, not a decimal from 0 to 1 of at most %d characters", ErrFacts, a.unit(),
				errtext.Quote(name), errtext.Cut(formatFit(r)), jsonx.MaxDecimalLen)
		}
	}
}

// kindNames names the kinds of fact in a message.
var kindNames = [...]string{countFact: "count", rateFact: "rate"}

// misread reports the fact name, given as a fact of kind given, when the
// sheet reads it as the other kind or not at all, and says whether it did.
func (a *applier) misread(name string, given kind) bool {
	switch k := a.kind(name); k {
	case given:
		return false
	case unknownFact:
		a.errs.Addf("%w: unit %s: %s %s is not a fact of sheet %s", ErrFacts, a.unit(), kindNames[given], errtext.Quote(name), errtext.Quote(a.s.Version))
	default:
		a.errs.Addf("%w: unit %s: %s is a %s of sheet %s, given as a %s", ErrFacts, a.unit(), errtext.Quote(name), kindNames[k], errtext.Quote(a.s.Version), kindNames[given])
	}
	return true
}

var one = decimal.NewFromInt(1)

// rateFits reports whether r is a rate Apply reads: 0 to 1 and short.
func rateFits(r decimal.Decimal) bool {
	return r.Sign() >= 0 && r.Cmp(one) <= 0 && jsonx.DecimalFits(r)
}

// formatFit writes d for a message, or says that it is too long to.
func formatFit(d decimal.Decimal) string {
	if !jsonx.DecimalFits(d) {
		return "a decimal too long to write"
	}
	return jsonx.FormatDecimal(d)
}

// fits reports whether the sheet's number d is one Apply computes with,
// and records a problem naming it — what of item i, or of the sheet when i
// is negative — when it is not.
func (a *applier) fits(i int, what string, d decimal.Decimal) bool {
	if jsonx.DecimalFits(d) {
		return true
	}
	at := "sheet " + errtext.Quote(a.s.Version)
	if i >= 0 {
		at = a.at(i)
	}
	a.errs.Addf("%w: %s: %s is longer than %d characters", ErrSheet, at, what, jsonx.MaxDecimalLen)
	return false
}

// at names item i for a message.
func (a *applier) at(i int) string {
	return fmt.Sprintf("sheet %s items[%d] %s", errtext.Quote(a.s.Version), i, errtext.Quote(a.s.Items[i].Name))
}

// base returns the result's base, recording a problem when there is none.
func (a *applier) base() decimal.Decimal {
	s, f := a.s, a.f
	switch s.Base.From {
	case FixedBase:
		if f.Base != nil {
			a.errs.Addf("%w: unit %s: a base is given, but sheet %s has the fixed base", ErrFacts, a.unit(), errtext.Quote(s.Version))
		}
		if s.Base.Points == nil {
			a.errs.Addf("%w: sheet %s: the fixed base has no points", ErrSheet, errtext.Quote(s.Version))
			return decimal.Zero
		}
		if !a.fits(-1, "the base", *s.Base.Points) {
			return decimal.Zero
		}
		return *s.Base.Points
	case CompositeBase, IndexBase:
		switch {
		case f.Base == nil:
			a.errs.Addf("%w: unit %s: no base (the %s sheet %s starts from)", ErrFacts, a.unit(), s.Base.From.Label(), errtext.Quote(s.Version))
		case !jsonx.DecimalFits(*f.Base):
			a.errs.Addf("%w: unit %s: the base is longer than %d characters", ErrFacts, a.unit(), jsonx.MaxDecimalLen)
		default:
			return *f.Base
		}
		return decimal.Zero
	}
	a.errs.Addf("%w: sheet %s: base %s is not fixed, composite or index", ErrSheet, errtext.Quote(s.Version), s.Base.From)
	return decimal.Zero
}

// item returns the reason of item i, and whether it moved the result or
// fired; a problem with the item is recorded.
func (a *applier) item(i int) (Reason, bool) {
	it := &a.s.Items[i]
	k := a.kind(it.Fact)
	r := Reason{Item: i + 1, Name: it.Name, Fact: it.Fact}
	if k == unknownFact {
		a.errs.Addf("%w: %s reads the unknown fact %s", ErrSheet, a.at(i), errtext.Quote(it.Fact))
		return r, false
	}
	count, rate, given := 0, decimal.Zero, false
	if k == countFact {
		count = a.f.Counts[it.Fact]
		given = count > 0
		r.Count = count
	} else if rate, given = a.f.Rates[it.Fact]; given {
		r.Rate = &rate
	}
	if it.Veto != nil {
		return a.vetoItem(i, k, r, rate, given)
	}
	c := it.Cap
	if c != nil && !a.fits(i, "cap", *c) {
		c = nil
	} else if c != nil && c.Sign() <= 0 {
		a.errs.Addf("%w: %s has the cap %s: a cap is a positive number of points", ErrSheet, a.at(i), jsonx.FormatDecimal(*c))
		c = nil
	}
	switch {
	case it.Each != nil && len(it.Bands) == 0 && k == countFact:
		// Each is checked whatever the facts, as the cap is: a sheet
		// that cannot compute an item is refused for every unit.
		if !a.fits(i, "each", *it.Each) || !given {
			return r, false
		}
		r.Each = it.Each
		r.Points = decimal.NewFromInt(int64(count)).Mul(*it.Each)
	case len(it.Bands) > 0 && it.Each == nil && k == rateFact:
		// Every band's numbers are checked, whatever the facts and
		// wherever the rate falls, each problem reported.
		fit := true
		for j := range it.Bands {
			b := &it.Bands[j]
			fit = a.fits(i, "a band's points", b.Points) && fit
			fit = (b.From == nil || a.fits(i, "a band's from", *b.From)) && fit
			fit = (b.Below == nil || a.fits(i, "a band's below", *b.Below)) && fit
		}
		if !fit || !given {
			return r, false
		}
		for j := range it.Bands {
			b := &it.Bands[j]
			if b.contains(rate) {
				r.Band, r.Points = b, b.Points
				break
			}
		}
	default:
		a.errs.Addf("%w: %s neither counts occurrences of a count (each) nor bands a rate (bands), nor vetoes", ErrSheet, a.at(i))
		return r, false
	}
	if r.Points.IsZero() {
		return r, false
	}
	if c != nil && r.Points.Abs().GreaterThan(*c) {
		r.Capped = true
		if r.Points.Sign() > 0 {
			r.Points = *c
		} else {
			r.Points = c.Neg()
		}
	}
	return r, true
}

// vetoItem returns the reason of a veto item, and whether it fired.
func (a *applier) vetoItem(i int, k kind, r Reason, rate decimal.Decimal, given bool) (Reason, bool) {
	v := a.s.Items[i].Veto
	switch {
	case (v.Points == nil) == (v.Grade == ""):
		a.errs.Addf("%w: %s: a veto sets either points or a grade", ErrSheet, a.at(i))
		return r, false
	case v.Points != nil && !a.fits(i, "the veto's points", *v.Points):
		return r, false
	case v.Grade != "":
		g, ok := a.s.Scale.Grade(v.Grade)
		if !ok {
			a.errs.Addf("%w: %s: the veto's grade %s is not on the sheet's scale", ErrSheet, a.at(i), errtext.Quote(v.Grade))
			return r, false
		}
		r.Label = g.Label
		if r.Label == "" {
			r.Label = g.Code
		}
	}
	r.Veto = v
	if k == countFact {
		return r, given
	}
	if v.Below == nil {
		a.errs.Addf("%w: %s: a veto on a rate needs below", ErrSheet, a.at(i))
		return r, false
	}
	if !a.fits(i, "the veto's below", *v.Below) {
		return r, false
	}
	return r, given && rate.LessThan(*v.Below)
}

// veto applies the vetoes that fired to r, and grades it.
func (a *applier) veto(r Result) Result {
	scale := a.s.Scale
	var worst *decimal.Decimal // the lowest points of a grade a veto sets
	for _, why := range r.Reasons {
		switch v := why.Veto; {
		case v == nil:
		case v.Points != nil:
			if r.Points.GreaterThan(*v.Points) {
				r.Points = *v.Points
			}
		default:
			g, _ := scale.Grade(v.Grade) // vetoItem checked it
			if worst == nil || g.Points.LessThan(*worst) {
				worst = &g.Points
			}
		}
	}
	if len(scale) == 0 {
		return r
	}
	g, _ := scale.Floor(r.Points)
	if worst != nil && worst.LessThan(g.Points) {
		g, _ = scale.Floor(*worst)
	}
	r.Grade = g.Code
	return r
}
