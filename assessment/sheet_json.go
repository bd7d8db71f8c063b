package assessment

import (
	"encoding/json"
	"io"

	"github.com/qingdan/qingdan/internal/jsonx"
	"github.com/shopspring/decimal"
)

// The JSON forms of a sheet, its facts and its results: each type's
// fields, with its decimals in jsonx's form, so that what is written and
// read depends on none of decimal's package settings. Each is registered,
// so that jsonx.Decode checks it, inside whatever holds it, in its first
// pass.
type (
	sheetFields  Sheet
	baseFields   Base
	itemFields   Item
	bandFields   Band
	vetoFields   Veto
	factsFields  Facts
	resultFields Result
	reasonFields Reason

	sheetJSON struct {
		*sheetFields
		MaxBonus     *jsonx.Decimal `json:"maxBonus,omitempty"`
		MaxDeduction *jsonx.Decimal `json:"maxDeduction,omitempty"`
	}
	baseJSON struct {
		*baseFields
		Points *jsonx.Decimal `json:"points,omitempty"`
	}
	itemJSON struct {
		*itemFields
		Each *jsonx.Decimal `json:"each,omitempty"`
		Cap  *jsonx.Decimal `json:"cap,omitempty"`
	}
	bandJSON struct {
		*bandFields
		From   *jsonx.Decimal `json:"from,omitempty"`
		Below  *jsonx.Decimal `json:"below,omitempty"`
		Points jsonx.Decimal  `json:"points"`
	}
	vetoJSON struct {
		*vetoFields
		Points *jsonx.Decimal `json:"points,omitempty"`
		Below  *jsonx.Decimal `json:"below,omitempty"`
	}
	factsJSON struct {
		*factsFields
		Base  *jsonx.Decimal           `json:"base,omitempty"`
		Rates map[string]jsonx.Decimal `json:"rates,omitempty"`
	}
	resultJSON struct {
		*resultFields
		Base      jsonx.Decimal `json:"base"`
		Bonus     jsonx.Decimal `json:"bonus"`
		Deduction jsonx.Decimal `json:"deduction"`
		Points    jsonx.Decimal `json:"points"`
	}
	reasonJSON struct {
		*reasonFields
		Rate   *jsonx.Decimal `json:"rate,omitempty"`
		Each   *jsonx.Decimal `json:"each,omitempty"`
		Points jsonx.Decimal  `json:"points"`
	}
)

var (
	_ = jsonx.Wire[Sheet, sheetJSON]()
	_ = jsonx.Wire[Base, baseJSON]()
	_ = jsonx.Wire[Item, itemJSON]()
	_ = jsonx.Wire[Band, bandJSON]()
	_ = jsonx.Wire[Veto, vetoJSON]()
	_ = jsonx.Wire[Facts, factsJSON]()
	_ = jsonx.Wire[Result, resultJSON]()
	_ = jsonx.Wire[Reason, reasonJSON]()
)

func dec(d *jsonx.Decimal) *decimal.Decimal { return (*decimal.Decimal)(d) }

// MarshalJSON writes the sheet with its numbers as JSON strings in their
// shortest exact form, whatever decimal's package settings are.
func (s Sheet) MarshalJSON() ([]byte, error) {
	return json.Marshal(sheetJSON{(*sheetFields)(&s), jsonx.Ptr(s.MaxBonus), jsonx.Ptr(s.MaxDeduction)})
}

// UnmarshalJSON reads a sheet strictly, as [LoadSheet] does, and validates
// it: a sheet that does not pass [Sheet.Validate] is an error (s then
// holds the sheet as read, for inspection). Every error wraps [ErrSheet].
func (s *Sheet) UnmarshalJSON(b []byte) error {
	var f sheetFields
	w := sheetJSON{sheetFields: &f}
	if err := jsonx.WrapPart(jsonx.Decode(b, &w), ErrSheet, "sheet"); err != nil {
		*s = Sheet{}
		return err
	}
	f.MaxBonus, f.MaxDeduction = dec(w.MaxBonus), dec(w.MaxDeduction)
	*s = Sheet(f)
	return s.Validate()
}

// maxSheetBytes bounds what LoadSheet reads: a sheet is a few kilobytes.
const maxSheetBytes = 16 << 20

// LoadSheet reads one sheet as JSON from r and validates it. Every error
// wraps [ErrSheet]: a read error, input longer than 16 MiB, JSON that is
// malformed, has unknown fields, a field spelt in another case, a key
// given twice in one object, text that is not valid UTF-8, a decimal not
// in plain form or longer than 64 characters, a string longer than 4 MiB,
// or trailing data — each found in one pass over the input before
// anything is decoded, and named by its path (such as items[3].each) —
// and every problem [Sheet.Validate] finds.
func LoadSheet(r io.Reader) (*Sheet, error) {
	if r == nil {
		panic("assessment: LoadSheet: nil io.Reader")
	}
	s := new(Sheet)
	if err := jsonx.WrapPart(jsonx.Read(r, maxSheetBytes, s), ErrSheet, "sheet"); err != nil {
		return nil, err
	}
	return s, nil
}

// MarshalJSON writes Points as a JSON string in its shortest exact form.
func (b Base) MarshalJSON() ([]byte, error) {
	return json.Marshal(baseJSON{(*baseFields)(&b), jsonx.Ptr(b.Points)})
}

// UnmarshalJSON reads a base strictly; errors wrap [ErrSheet]. Null
// leaves b alone.
func (b *Base) UnmarshalJSON(data []byte) error {
	var f baseFields
	w := baseJSON{baseFields: &f}
	return jsonx.UnmarshalVia(data, &w, ErrSheet, "base", func() { f.Points = dec(w.Points); *b = Base(f) })
}

// MarshalJSON writes the item's numbers as JSON strings in their shortest
// exact form.
func (it Item) MarshalJSON() ([]byte, error) {
	return json.Marshal(itemJSON{(*itemFields)(&it), jsonx.Ptr(it.Each), jsonx.Ptr(it.Cap)})
}

// UnmarshalJSON reads an item strictly: a misspelt key must not silently
// become "no cap". Errors wrap [ErrSheet]. Null leaves it alone.
func (it *Item) UnmarshalJSON(b []byte) error {
	var f itemFields
	w := itemJSON{itemFields: &f}
	return jsonx.UnmarshalVia(b, &w, ErrSheet, "item", func() { f.Each, f.Cap = dec(w.Each), dec(w.Cap); *it = Item(f) })
}

// MarshalJSON writes the band's numbers as JSON strings in their shortest
// exact form.
func (b Band) MarshalJSON() ([]byte, error) {
	return json.Marshal(bandJSON{(*bandFields)(&b), jsonx.Ptr(b.From), jsonx.Ptr(b.Below), jsonx.Decimal(b.Points)})
}

// UnmarshalJSON reads a band strictly; errors wrap [ErrSheet]. Null
// leaves b alone.
func (b *Band) UnmarshalJSON(data []byte) error {
	var f bandFields
	w := bandJSON{bandFields: &f}
	return jsonx.UnmarshalVia(data, &w, ErrSheet, "band", func() {
		f.From, f.Below, f.Points = dec(w.From), dec(w.Below), decimal.Decimal(w.Points)
		*b = Band(f)
	})
}

// MarshalJSON writes the veto's numbers as JSON strings in their shortest
// exact form.
func (v Veto) MarshalJSON() ([]byte, error) {
	return json.Marshal(vetoJSON{(*vetoFields)(&v), jsonx.Ptr(v.Points), jsonx.Ptr(v.Below)})
}

// UnmarshalJSON reads a veto strictly; errors wrap [ErrSheet]. Null
// leaves v alone.
func (v *Veto) UnmarshalJSON(b []byte) error {
	var f vetoFields
	w := vetoJSON{vetoFields: &f}
	return jsonx.UnmarshalVia(b, &w, ErrSheet, "veto", func() { f.Points, f.Below = dec(w.Points), dec(w.Below); *v = Veto(f) })
}

// MarshalJSON writes the base and the rates as JSON strings in their
// shortest exact form.
func (f Facts) MarshalJSON() ([]byte, error) {
	return json.Marshal(factsJSON{(*factsFields)(&f), jsonx.Ptr(f.Base), jsonx.Map(f.Rates)})
}

// UnmarshalJSON reads a unit's facts strictly: a misspelt key, a key given
// twice, a count that is not an integer, a rate not in plain decimal form
// or longer than 64 characters are errors wrapping [ErrFacts]. It does not
// check the facts against a sheet; [Sheet.Apply] does. Null leaves f
// alone.
func (f *Facts) UnmarshalJSON(b []byte) error {
	var x factsFields
	w := factsJSON{factsFields: &x}
	return jsonx.UnmarshalVia(b, &w, ErrFacts, "facts", func() { x.Base, x.Rates = dec(w.Base), jsonx.FromMap(w.Rates); *f = Facts(x) })
}

// MarshalJSON writes the result's numbers as JSON strings in their
// shortest exact form.
func (r Result) MarshalJSON() ([]byte, error) {
	return json.Marshal(resultJSON{(*resultFields)(&r), jsonx.Decimal(r.Base), jsonx.Decimal(r.Bonus),
		jsonx.Decimal(r.Deduction), jsonx.Decimal(r.Points)})
}

// UnmarshalJSON reads what MarshalJSON writes, strictly; errors wrap
// [ErrSheet]. Null leaves r alone.
func (r *Result) UnmarshalJSON(b []byte) error {
	var f resultFields
	w := resultJSON{resultFields: &f}
	return jsonx.UnmarshalVia(b, &w, ErrSheet, "result", func() {
		f.Base, f.Bonus, f.Deduction, f.Points = decimal.Decimal(w.Base), decimal.Decimal(w.Bonus), decimal.Decimal(w.Deduction), decimal.Decimal(w.Points)
		*r = Result(f)
	})
}

// MarshalJSON writes the reason's numbers as JSON strings in their
// shortest exact form.
func (r Reason) MarshalJSON() ([]byte, error) {
	return json.Marshal(reasonJSON{(*reasonFields)(&r), jsonx.Ptr(r.Rate), jsonx.Ptr(r.Each), jsonx.Decimal(r.Points)})
}

// UnmarshalJSON reads what MarshalJSON writes, strictly; errors wrap
// [ErrSheet]. Null leaves r alone.
func (r *Reason) UnmarshalJSON(b []byte) error {
	var f reasonFields
	w := reasonJSON{reasonFields: &f}
	return jsonx.UnmarshalVia(b, &w, ErrSheet, "reason", func() {
		f.Rate, f.Each, f.Points = dec(w.Rate), dec(w.Each), decimal.Decimal(w.Points)
		*r = Reason(f)
	})
}
