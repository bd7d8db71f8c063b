package indicators_test

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/qingdan/qingdan/assessment"
	"github.com/qingdan/qingdan/indicators"
	"github.com/qingdan/qingdan/internal/hardening"
	"github.com/shopspring/decimal"
)

func TestJSONRoundTrips(t *testing.T) {
	for _, r := range indicators.Tally(parts(t), indicators.BySubDistrict, decimal.NewFromInt(85)) {
		hardening.JSONRoundTrip(t, r)
	}
	for _, s := range rankOK(t, map[string]decimal.Decimal{"a": d("0.9"), "b": d("0.8"), "c": d("0.8")}, nil, indicators.Lists{Top: 1, Bottom: 1}, nil) {
		hardening.JSONRoundTrip(t, s)
	}
	hardening.JSONRoundTrip(t, indicators.Lists{Top: 3, Bottom: 1, RedAtLeast: dp("0.95"), BlackBelow: dp("0.8")})
	hardening.JSONRoundTrip(t, indicators.Lists{})
}

func TestJSONRejects(t *testing.T) {
	for _, tt := range []struct {
		name, in string
		into     json.Unmarshaler
	}{
		{"ratio: a wrong value", `{"num":1,"den":3,"value":"0.3334"}`, new(indicators.Ratio)},
		{"ratio: more than all", `{"num":4,"den":3,"value":"1.3333"}`, new(indicators.Ratio)},
		{"ratio: an unknown field", `{"num":0,"den":0,"value":"0","rate":"1"}`, new(indicators.Ratio)},
		{"ratio: trailing data", `{"num":0,"den":0,"value":"0"} {}`, new(indicators.Ratio)},
		{"standing: no subject", `{"value":"1","rank":1,"of":1}`, new(indicators.Standing)},
		{"standing: rank beyond of", `{"subject":"a","value":"1","rank":3,"of":2}`, new(indicators.Standing)},
		{"standing: both lists", `{"subject":"a","value":"1","rank":1,"of":1,"red":true,"black":true}`, new(indicators.Standing)},
		{"lists: negative top", `{"top":-1}`, new(indicators.Lists)},
		{"lists: misspelt key", `{"Top":1}`, new(indicators.Lists)},
		{"lists: a threshold that is no number", `{"redAtLeast":"九十"}`, new(indicators.Lists)},
		{"rates: response over fewer parts", `{"group":"g","parts":2,"matters":1,"response":{"num":1,"den":1,"value":"1"},` +
			`"resolution":{"num":0,"den":0,"value":"0"},"satisfaction":{"num":0,"den":0,"value":"0"},"street":{"num":0,"den":0,"value":"0"}}`, new(indicators.Rates)},
		{"rates: parts of no matter", `{"group":"g","parts":2,"matters":0,"response":{"num":2,"den":2,"value":"1"},` +
			`"resolution":{"num":0,"den":0,"value":"0"},"satisfaction":{"num":0,"den":0,"value":"0"},"street":{"num":0,"den":0,"value":"0"}}`, new(indicators.Rates)},
		{"rates: a bad ratio inside", `{"group":"g","parts":1,"matters":1,"response":{"num":1,"den":1,"value":"0.5"},` +
			`"resolution":{"num":0,"den":0,"value":"0"},"satisfaction":{"num":0,"den":0,"value":"0"},"street":{"num":0,"den":0,"value":"0"}}`, new(indicators.Rates)},
	} {
		err := tt.into.UnmarshalJSON([]byte(tt.in))
		if !errors.Is(err, indicators.ErrInvalid) || !strings.HasPrefix(err.Error(), "indicators: invalid: ") {
			t.Errorf("%s: error %v, want one wrapping ErrInvalid", tt.name, err)
		}
	}
}

// fuzzJSON checks that data either fails to decode into a T, with an
// error wrapping ErrInvalid, or decodes to a value that round-trips, in
// time linear in its length.
func fuzzJSON[T any, P interface {
	*T
	json.Unmarshaler
}](t *testing.T, data []byte) {
	v := P(new(T))
	if hardening.Accepts(t, data, indicators.ErrInvalid, func() error { return v.UnmarshalJSON(data) }) {
		hardening.JSONRoundTrip(t, *v)
	}
}

func FuzzRatioJSON(f *testing.F) {
	hardening.AddJSONSeeds(f)
	f.Add([]byte(`{"num":2,"den":3,"value":"0.6667"}`))
	f.Fuzz(func(t *testing.T, data []byte) { fuzzJSON[indicators.Ratio](t, data) })
}

func FuzzRatesJSON(f *testing.F) {
	hardening.AddJSONSeeds(f)
	f.Add([]byte(`{"group":"g","parts":1,"matters":1,"response":{"num":1,"den":1,"value":"1"},` +
		`"resolution":{"num":0,"den":0,"value":"0"},"satisfaction":{"num":0,"den":1,"value":"0"},"street":{"num":1,"den":1,"value":"1"}}`))
	f.Fuzz(func(t *testing.T, data []byte) { fuzzJSON[indicators.Rates](t, data) })
}

func FuzzStandingJSON(f *testing.F) {
	hardening.AddJSONSeeds(f)
	f.Add([]byte(`{"subject":"甲街道","class":"街镇","rank":1,"of":4,"red":true,"prev":3,"value":"0.91"}`))
	f.Fuzz(func(t *testing.T, data []byte) { fuzzJSON[indicators.Standing](t, data) })
}

func FuzzListsJSON(f *testing.F) {
	hardening.AddJSONSeeds(f)
	f.Add([]byte(`{"top":3,"bottom":1,"redAtLeast":"0.95","blackBelow":0.8}`))
	f.Add([]byte(`{"top":-1,"bottom":-2}`)) // refused, as Rank refuses them
	f.Fuzz(func(t *testing.T, data []byte) { fuzzJSON[indicators.Lists](t, data) })
}

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

// TestErrorsQuoteLongNamesShort: an error names a group or subject of a
// megabyte by its first bytes and its length, as errtext.Quote does
// elsewhere, never by the whole name.
func TestErrorsQuoteLongNamesShort(t *testing.T) {
	long := strings.Repeat("街", 1<<18)
	_, noData := indicators.Rates{Group: long}.Index(assessment.Weights{"response": d("1"), "resolution": d("0"), "satisfaction": d("0")})
	_, badWeights := indicators.Rates{Group: long, Response: indicators.Ratio{Den: 1}, Resolution: indicators.Ratio{Den: 1},
		Satisfaction: indicators.Ratio{Den: 1}}.Index(assessment.Weights{"response": d("1")})
	var st indicators.Standing
	standing := json.Unmarshal([]byte(`{"subject":"`+long+`","value":"1","rank":3,"of":2}`), &st)
	var rs indicators.Rates
	rates := json.Unmarshal([]byte(`{"group":"`+long+`","parts":0,"matters":1,"response":{"num":0,"den":0,"value":"0"},`+
		`"resolution":{"num":0,"den":0,"value":"0"},"satisfaction":{"num":0,"den":0,"value":"0"},"street":{"num":0,"den":0,"value":"0"}}`), &rs)
	for _, tt := range []struct {
		name string
		err  error
		is   error
	}{
		{"Index with no data", noData, indicators.ErrNoData},
		{"Index with bad weights", badWeights, assessment.ErrWeights},
		{"Standing", standing, indicators.ErrInvalid},
		{"Rates", rates, indicators.ErrInvalid},
	} {
		if !errors.Is(tt.err, tt.is) || len(tt.err.Error()) > 1000 || !strings.Contains(tt.err.Error(), "… (786432 bytes)") {
			t.Errorf("%s: error wraps %v: %t; %d bytes long, want at most 1000 naming the length:\n%.300s", tt.name, tt.is,
				errors.Is(tt.err, tt.is), len(tt.err.Error()), tt.err)
		}
	}
}
