package assessment

import (
	"github.com/qingdan/qingdan/internal/jsonx"
	"github.com/shopspring/decimal"
)

// The JSON forms of the types that decode themselves, registered so that
// jsonx.Decode checks them, inside whatever holds them, in its first pass.
var (
	_ = jsonx.Wire[Weights, weightsJSON]()
	_ = jsonx.Wire[Annual, annualJSON]()
)

// weightsJSON is the JSON form of Weights: each weight in jsonx's form.
type weightsJSON map[string]jsonx.Decimal

// UnmarshalJSON reads what MarshalJSON writes, strictly: a key given twice
// or text that is not UTF-8 is an error, and so is a weight that is not a
// plain decimal of at most 64 characters ("0.3"), whatever decimal's
// package settings are. Null leaves w alone. Errors wrap [ErrWeights]. It
// does not validate the weights; [Weights.Validate] does.
func (w *Weights) UnmarshalJSON(b []byte) error {
	var j weightsJSON
	return jsonx.UnmarshalVia(b, &j, ErrWeights, "weights", func() {
		*w = Weights(jsonx.FromMap(map[string]jsonx.Decimal(j)))
	})
}

// annualJSON is the JSON form of an Annual: the decimals in jsonx's form.
type annualJSON struct {
	*annualFields
	Parts map[string]jsonx.Decimal `json:"parts"`
	Total jsonx.Decimal            `json:"total"`
}

// UnmarshalJSON reads what MarshalJSON writes, strictly, as
// [Weights.UnmarshalJSON] does; a field Annual does not have is an error
// too. Null leaves a alone. Errors wrap [ErrWeights].
func (a *Annual) UnmarshalJSON(b []byte) error {
	var f annualFields
	j := annualJSON{annualFields: &f}
	return jsonx.UnmarshalVia(b, &j, ErrWeights, "annual assessment", func() {
		f.Parts, f.Total = jsonx.FromMap(j.Parts), decimal.Decimal(j.Total)
		*a = Annual(f)
	})
}
