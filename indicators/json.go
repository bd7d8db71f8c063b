package indicators

import (
	"encoding/json"
	"errors"
	"fmt"

	"github.com/qingdan/qingdan/internal/errtext"
	"github.com/qingdan/qingdan/internal/jsonx"
	"github.com/shopspring/decimal"
)

// ErrInvalid reports JSON that does not decode to a sound value: an
// unknown field, trailing data, or figures that contradict each other;
// and lists that [Rank] refuses.
var ErrInvalid = errors.New("indicators: invalid")

// The JSON forms: each type's fields, with its decimals as strings.
type (
	ratioFields    Ratio
	ratesFields    Rates
	standingFields Standing
	listsFields    Lists
	ratioJSON      struct {
		ratioFields
		Value jsonx.Decimal `json:"value"`
	}
	standingJSON struct {
		standingFields
		Value jsonx.Decimal `json:"value"`
	}
	listsJSON struct {
		listsFields
		RedAtLeast *jsonx.Decimal `json:"redAtLeast,omitempty"`
		BlackBelow *jsonx.Decimal `json:"blackBelow,omitempty"`
	}
)

// The JSON forms registered, so that jsonx.Decode checks them, inside
// whatever holds them, in its first pass over the input.
var (
	_ = jsonx.Wire[Ratio, ratioJSON]()
	_ = jsonx.Wire[Standing, standingJSON]()
	_ = jsonx.Wire[Lists, listsJSON]()
	_ = jsonx.Wire[Rates, ratesFields]()
)

// decode decodes b strictly into j and checks it with ok, wrapping every
// error in ErrInvalid and naming what.
func decode[J any](what string, b []byte, j *J, ok func() error) error {
	if err := jsonx.Decode(b, j); err != nil {
		return fmt.Errorf("%w: %s: %w", ErrInvalid, what, err)
	}
	if err := ok(); err != nil {
		return fmt.Errorf("%w: %s: %w", ErrInvalid, what, err)
	}
	return nil
}

// MarshalJSON writes Value as a decimal string in its shortest exact form.
func (r Ratio) MarshalJSON() ([]byte, error) {
	return json.Marshal(ratioJSON{ratioFields(r), jsonx.Decimal(r.Value)})
}

// UnmarshalJSON reads what MarshalJSON writes, strictly: 0 ≤ num ≤ den,
// and value must be exactly num ÷ den rounded half-up to 4 places.
func (r *Ratio) UnmarshalJSON(b []byte) error {
	var j ratioJSON
	return decode("ratio", b, &j, func() error {
		got := Ratio(j.ratioFields)
		got.Value = decimal.Decimal(j.Value)
		switch want := ratio(got.Num, got.Den); {
		case got.Num < 0 || got.Num > got.Den:
			return fmt.Errorf("%d of %d", got.Num, got.Den)
		case !want.Value.Equal(got.Value):
			return fmt.Errorf("%d of %d is %s, not %s", got.Num, got.Den, jsonx.FormatDecimal(want.Value), jsonx.FormatDecimal(got.Value))
		}
		*r = got
		return nil
	})
}

// MarshalJSON writes Value as a decimal string in its shortest exact form.
func (s Standing) MarshalJSON() ([]byte, error) {
	return json.Marshal(standingJSON{standingFields(s), jsonx.Decimal(s.Value)})
}

// UnmarshalJSON reads what MarshalJSON writes, strictly: a subject, a
// rank from 1 to of, a previous rank not negative, and not on both lists.
func (s *Standing) UnmarshalJSON(b []byte) error {
	var j standingJSON
	return decode("standing", b, &j, func() error {
		got := Standing(j.standingFields)
		got.Value = decimal.Decimal(j.Value)
		switch {
		case got.Subject == "":
			return errors.New("no subject")
		case got.Rank < 1 || got.Rank > got.Of:
			return fmt.Errorf("subject %s ranked %d of %d", errtext.Quote(got.Subject), got.Rank, got.Of)
		case got.Prev < 0:
			return fmt.Errorf("subject %s: previous rank %d", errtext.Quote(got.Subject), got.Prev)
		case got.Red && got.Black:
			return fmt.Errorf("subject %s on both the red and the black list", errtext.Quote(got.Subject))
		}
		*s = got
		return nil
	})
}

// MarshalJSON writes the thresholds as decimal strings.
func (l Lists) MarshalJSON() ([]byte, error) {
	return json.Marshal(listsJSON{listsFields(l), jsonx.Ptr(l.RedAtLeast), jsonx.Ptr(l.BlackBelow)})
}

// UnmarshalJSON reads lists kept as data, strictly: positions are not
// negative; thresholds are decimal strings or numbers.
func (l *Lists) UnmarshalJSON(b []byte) error {
	var j listsJSON
	return decode("lists", b, &j, func() error {
		got := Lists(j.listsFields)
		got.RedAtLeast, got.BlackBelow = (*decimal.Decimal)(j.RedAtLeast), (*decimal.Decimal)(j.BlackBelow)
		if err := got.check(); err != nil {
			return err
		}
		*l = got
		return nil
	})
}

// UnmarshalJSON reads Rates as encoding/json writes them, strictly: each
// ratio as [Ratio.UnmarshalJSON] reads it, and figures that agree — the
// response rate counts every part, the citizen's answers at most the
// matters, the sub-district's grades at most the parts, and no more
// matters than parts, nor parts of no matter.
func (r *Rates) UnmarshalJSON(b []byte) error {
	var j ratesFields
	return decode("rates", b, &j, func() error {
		got := Rates(j)
		switch {
		case got.Parts < 0 || got.Matters < 0 || got.Matters > got.Parts || got.Parts > 0 && got.Matters == 0:
			return fmt.Errorf("group %s: %d matters in %d parts", errtext.Quote(got.Group), got.Matters, got.Parts)
		case got.Response.Den != got.Parts:
			return fmt.Errorf("group %s: response counted over %d of %d parts", errtext.Quote(got.Group), got.Response.Den, got.Parts)
		case got.Resolution.Den > got.Matters || got.Satisfaction.Den > got.Matters:
			return fmt.Errorf("group %s: more answers than its %d matters", errtext.Quote(got.Group), got.Matters)
		case got.Street.Den > got.Parts:
			return fmt.Errorf("group %s: more grades than its %d parts", errtext.Quote(got.Group), got.Parts)
		}
		*r = got
		return nil
	})
}
