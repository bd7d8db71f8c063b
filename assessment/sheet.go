package assessment

import (
	"cmp"
	"errors"

	"github.com/shopspring/decimal"

	"github.com/qingdan/qingdan/scoring"
)

// ErrSheet reports an assessment sheet that is not sound: JSON that does
// not decode, and every problem [Sheet.Validate] finds. Each error names
// the sheet's version and the item, band or cap at fault.
var ErrSheet = errors.New("assessment: bad sheet")

// ErrFacts reports a unit's facts that a sheet cannot be applied to: a
// fact the sheet does not declare, a negative count, a rate outside 0–1,
// a missing base. Each error names the unit and the fact.
var ErrFacts = errors.New("assessment: bad facts")

// Sheet is an assessment sheet (考核细则): policy kept as data, versioned
// like a decision table. It starts from a [Base], adds and deducts points
// item by item, bounds the additions and the deductions, and lets veto
// items (一票否决) override the result. [LoadSheet] reads one from JSON
// and validates it; [Sheet.Apply] applies it to one unit's [Facts].
//
// A sheet declares the facts its items read: Counts, the names of count
// facts (occurrences: 督办 3 次), and Rates, the names of rate facts
// (exact rates from 0 to 1: 响应率 0.9512). An item naming any other fact
// is an error, and so is a unit's fact the sheet does not declare, so that
// a misspelt name cannot silently count as none.
//
// MaxBonus bounds the sum of the additions and MaxDeduction the sum of
// the deductions (both positive numbers of points; nil: no bound). Scale,
// when given, grades the result ([scoring.Scale.Floor]: the grade with the
// most points not above it, or the lowest grade for a result below every
// grade) and holds the grades a veto may set.
//
// The zero Sheet has no items and is not valid. A *Sheet is safe for
// concurrent use by Apply as long as nobody changes it, nor what the
// reasons of its Results point at ([Reason]).
type Sheet struct {
	Version      string           `json:"version"` // the policy's name and version, quoted in every Result
	Doc          string           `json:"doc,omitempty"`
	Base         Base             `json:"base"`
	Counts       []string         `json:"counts,omitempty"`
	Rates        []string         `json:"rates,omitempty"`
	MaxBonus     *decimal.Decimal `json:"maxBonus,omitempty"`
	MaxDeduction *decimal.Decimal `json:"maxDeduction,omitempty"`
	Scale        scoring.Scale    `json:"scale,omitempty"`
	Items        []Item           `json:"items"`
}

// Base is where a sheet's result starts: the unit's 一事一评 composite or
// its three-rate index, both given with the unit's facts ([Facts].Base),
// or a fixed number of Points, given by the sheet.
type Base struct {
	From   BaseKind         `json:"from"`
	Points *decimal.Decimal `json:"points,omitempty"` // for FixedBase only
}

// Item is one line of a sheet. It reads one fact, named by Fact, and does
// exactly one of three things:
//
//   - Each: add (positive) or deduct (negative) these points per
//     occurrence of a count fact: 督办 3 次 at −1 each is −3;
//   - Bands: add or deduct the points of the band a rate fact falls in
//     (响应率 below 0.95: −2); a rate in no band moves nothing;
//   - Veto: override the result when the fact is present — a count of at
//     least 1, or a rate below Veto.Below.
//
// Cap, when set, bounds the points an Each or Bands item moves: at most
// Cap added or Cap deducted, however many occurrences. An item that moves
// no points (no occurrence, a rate in no band, a fact not given) does not
// appear in a Result's Reasons.
type Item struct {
	Name string           `json:"name"` // unique in the sheet; quoted in Reasons
	Doc  string           `json:"doc,omitempty"`
	Fact string           `json:"fact"`
	Each *decimal.Decimal `json:"each,omitempty"`
	// Bands are disjoint in a valid sheet: a rate falls in at most one
	// (Apply takes the first that holds it).
	Bands []Band           `json:"bands,omitempty"`
	Cap   *decimal.Decimal `json:"cap,omitempty"`
	Veto  *Veto            `json:"veto,omitempty"`
}

// Band is a range of a rate and its points: a rate r falls in the band
// when From ≤ r < Below. A nil From is 0, and a nil Below is no upper
// bound (so that a rate of 1 falls in the band). The comparisons are
// exact.
type Band struct {
	From   *decimal.Decimal `json:"from,omitempty"`
	Below  *decimal.Decimal `json:"below,omitempty"`
	Points decimal.Decimal  `json:"points"`
}

// Veto is what a veto item (一票否决) does when it fires: it sets the
// result's points to Points, or its grade to Grade (a code of the sheet's
// scale), exactly one of the two. A veto never raises a result: a result
// already below Points, or graded below Grade, stays. Below is the rate
// under which a veto on a rate fact fires, and must be nil for a count
// fact, which fires at one occurrence.
type Veto struct {
	Points *decimal.Decimal `json:"points,omitempty"`
	Grade  string           `json:"grade,omitempty"`
	Below  *decimal.Decimal `json:"below,omitempty"`
}

// contains reports whether rate r falls in the band.
func (b *Band) contains(r decimal.Decimal) bool {
	if b.From != nil && r.LessThan(*b.From) {
		return false
	}
	return b.Below == nil || r.LessThan(*b.Below)
}

// kind is the kind of a fact the sheet declares.
type kind uint8

const (
	unknownFact kind = iota
	countFact
	rateFact
)

// factKind returns the kind of the named fact: count, rate, or unknown.
// A name declared as both is a count here; Validate reports it.
func (s *Sheet) factKind(name string) kind {
	for _, c := range s.Counts {
		if c == name {
			return countFact
		}
	}
	for _, r := range s.Rates {
		if r == name {
			return rateFact
		}
	}
	return unknownFact
}

// policy is what a Result's Sheet says.
func (s *Sheet) policy() string { return cmp.Or(s.Version, "sheet (unversioned)") }

// Facts are one unit's figures, what a [Sheet] is applied to: counts of
// occurrences and exact rates (0 to 1) by the names the sheet declares,
// and the Base when the sheet's base comes from the unit (its composite
// or its three-rate index), in the sheet's points: the host scales it (an
// index of rates from 0 to 1 times 100, say) and rounds it as its policy
// says. A count fact not given counts as 0; a rate fact not given (a rate
// with nothing to count) moves nothing and fires no veto.
type Facts struct {
	Unit   string                     `json:"unit"`
	Base   *decimal.Decimal           `json:"base,omitempty"`
	Counts map[string]int             `json:"counts,omitempty"`
	Rates  map[string]decimal.Decimal `json:"rates,omitempty"`
}

// Result is a sheet applied to one unit: the exact Points, and how they
// came about. Points = Base + Bonus + Deduction, unless a veto lowered
// them. Bonus (≥ 0) and Deduction (≤ 0) are the sums of the items'
// points after the sheet's MaxBonus and MaxDeduction; BonusCapped and
// DeductionCapped say that a total cap bound. Grade is the grade on the
// sheet's scale ("" when it has none). Reasons has one entry per item
// that moved the result or fired as a veto, in the sheet's order.
type Result struct {
	Sheet           string          `json:"sheet"` // the sheet's Version
	Unit            string          `json:"unit"`
	Base            decimal.Decimal `json:"base"`
	Bonus           decimal.Decimal `json:"bonus"`
	Deduction       decimal.Decimal `json:"deduction"`
	BonusCapped     bool            `json:"bonusCapped,omitempty"`
	DeductionCapped bool            `json:"deductionCapped,omitempty"`
	Points          decimal.Decimal `json:"points"`
	Grade           string          `json:"grade,omitempty"`
	Reasons         []Reason        `json:"reasons"`
}
