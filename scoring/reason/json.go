package reason

import (
	"encoding/json"
	"fmt"
	"time"

	"github.com/qingdan/qingdan/internal/jsonx"
	"github.com/qingdan/qingdan/scoring/internal/ratio"
	"github.com/shopspring/decimal"
)

// The JSON forms: a threshold is a decimal string in its shortest exact
// form ("0.5"), times are Go duration strings ("4h0m0s"), codes are
// strings ("response", "atMost", "zh"). Every decoder is strict and
// bounded (see UnmarshalJSON).
var (
	_ = jsonx.Wire[Reason, reasonFields]()
	_ = jsonx.Wire[Check, checkJSON]()
	_ = jsonx.Wire[Figure, figureJSON]()
)

// MaxList is the most checks, and the most figures, one reason holds.
const MaxList = 64

// MaxPlaces is the most places a Figure shows its ratio with: enough for
// a ratio of two durations never to read as on or across a threshold of
// JSON's 64 characters that it is not on.
const MaxPlaces = ratio.MaxPlaces

type (
	reasonFields Reason
	checkFields  Check
	figureFields Figure
)

// checkJSON is the JSON form of a Check: the threshold in jsonx's form.
type checkJSON struct {
	*checkFields
	Threshold jsonx.Decimal `json:"threshold"`
}

// figureJSON is the JSON form of a Figure: times as duration strings.
type figureJSON struct {
	*figureFields
	Actual jsonx.Duration `json:"actual,omitempty"`
	Limit  jsonx.Duration `json:"limit,omitempty"`
}

// MarshalJSON writes the threshold as a JSON string in its shortest exact
// form, whatever decimal's package settings are.
func (c Check) MarshalJSON() ([]byte, error) {
	f := checkFields(c)
	return json.Marshal(checkJSON{checkFields: &f, Threshold: jsonx.Decimal(c.Threshold)})
}

// UnmarshalJSON reads what MarshalJSON writes, strictly: a field Check
// does not have, a key given twice or in another case, text that is not
// UTF-8, a threshold not in plain form or longer than 64 characters, an
// unknown figure or comparison are errors wrapping [ErrInvalid].
func (c *Check) UnmarshalJSON(b []byte) error {
	var f checkFields
	w := checkJSON{checkFields: &f}
	if err := jsonx.Decode(b, &w); err != nil {
		return jsonx.WrapPart(err, ErrInvalid, "check")
	}
	f.Threshold = decimal.Decimal(w.Threshold)
	switch {
	case f.Of == 0:
		return fmt.Errorf("%w: check: no figure (of)", ErrInvalid)
	case f.Op == 0:
		return fmt.Errorf("%w: check: no comparison (op)", ErrInvalid)
	}
	*c = Check(f)
	return nil
}

// MarshalJSON writes the times as Go duration strings, the members in the
// order of the fields.
func (f Figure) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		Of     Of             `json:"of"`
		Done   bool           `json:"done,omitempty"`
		Actual jsonx.Duration `json:"actual,omitempty"`
		Limit  jsonx.Duration `json:"limit,omitempty"`
		Places int            `json:"places,omitempty"`
		Value  int            `json:"value,omitempty"`
	}{f.Of, f.Done, jsonx.Duration(f.Actual), jsonx.Duration(f.Limit), f.Places, f.Value})
}

// UnmarshalJSON reads what MarshalJSON writes, strictly, as
// [Check.UnmarshalJSON] does; Places must be 0 to 82.
func (f *Figure) UnmarshalJSON(b []byte) error {
	var g figureFields
	w := figureJSON{figureFields: &g}
	if err := jsonx.Decode(b, &w); err != nil {
		return jsonx.WrapPart(err, ErrInvalid, "figure")
	}
	g.Actual, g.Limit = time.Duration(w.Actual), time.Duration(w.Limit)
	if g.Of == 0 {
		return fmt.Errorf("%w: figure: no figure named", ErrInvalid)
	}
	if g.Places < 0 || g.Places > ratio.MaxPlaces {
		return fmt.Errorf("%w: figure %s: places %d, not 0 to %d", ErrInvalid, g.Of, g.Places, ratio.MaxPlaces)
	}
	*f = Figure(g)
	return nil
}

// MarshalJSON writes a reason that is only text (in English) as a JSON
// string, and any other as an object.
func (r Reason) MarshalJSON() ([]byte, error) {
	if r.onlyText() {
		return json.Marshal(r.Text)
	}
	return json.Marshal(reasonFields(r))
}

// onlyText reports whether r holds nothing but Text.
func (r *Reason) onlyText() bool {
	return r.Rule == 0 && r.Name == "" && r.Lang == English && len(r.Checks) == 0 && len(r.Figures) == 0 && r.Type == ""
}

// UnmarshalJSON reads a reason strictly, as [Check.UnmarshalJSON] does: a
// JSON string is a reason of text, an object a reason field by field;
// more than [MaxList] checks or figures, or a negative rule, are errors
// wrapping [ErrInvalid]. Null leaves r alone.
func (r *Reason) UnmarshalJSON(b []byte) error {
	if string(b) == "null" {
		return nil
	}
	if len(b) > 0 && b[0] == '"' {
		var s string
		if err := jsonx.Decode(b, &s); err != nil {
			return jsonx.WrapPart(err, ErrInvalid, "reason")
		}
		*r = Reason{Text: s}
		return nil
	}
	var f reasonFields
	if err := jsonx.Decode(b, &f); err != nil {
		return jsonx.WrapPart(err, ErrInvalid, "reason")
	}
	switch {
	case f.Rule < 0:
		return fmt.Errorf("%w: reason: rule %d", ErrInvalid, f.Rule)
	case len(f.Checks) > MaxList:
		return fmt.Errorf("%w: reason: %d checks, more than %d", ErrInvalid, len(f.Checks), MaxList)
	case len(f.Figures) > MaxList:
		return fmt.Errorf("%w: reason: %d figures, more than %d", ErrInvalid, len(f.Figures), MaxList)
	}
	*r = Reason(f)
	return nil
}
