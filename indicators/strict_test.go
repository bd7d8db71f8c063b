package indicators_test

import (
	"encoding/json"
	"testing"

	"github.com/qingdan/qingdan/indicators"
	"github.com/qingdan/qingdan/internal/hardening"
)

// TestStrictJSON: Rates, and the Ratios inside them, refuse a misspelt
// key, a key in another case, a key given twice and text that is not
// UTF-8, at every place; so do Standing and Lists.
func TestStrictJSON(t *testing.T) {
	for _, c := range []struct {
		name  string
		sound string
		into  func() any
		flat  bool
	}{
		{"Rates", `{"group":"城区","parts":1,"matters":1,"response":{"num":1,"den":1,"value":"1"},` +
			`"resolution":{"num":0,"den":0,"value":"0"},"satisfaction":{"num":0,"den":1,"value":"0"},"street":{"num":1,"den":1,"value":"1"}}`,
			func() any { return new(indicators.Rates) }, false},
		{"Standing in a slice", `[{"subject":"甲街道","class":"街镇","rank":1,"of":4,"red":true,"prev":3,"value":"0.91"}]`,
			func() any { return new([]indicators.Standing) }, false},
		{"Lists", `{"top":3,"bottom":1,"redAtLeast":"0.95","blackBelow":"0.8"}`, func() any { return new(indicators.Lists) }, true},
	} {
		t.Run(c.name, func(t *testing.T) {
			hardening.Strict(t, []byte(c.sound), hardening.StrictOptions{Flat: c.flat}, indicators.ErrInvalid,
				func(b []byte) error { return json.Unmarshal(b, c.into()) })
		})
	}
}
