package assessment_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/qingdan/qingdan/assessment"
	"github.com/qingdan/qingdan/internal/hardening"
	"github.com/shopspring/decimal"
)

// TestSheetStrictJSON: LoadSheet refuses a misspelt key, a key in another
// case, a key given twice and text that is not UTF-8, anywhere in a
// sheet; Facts do the same, but for the names of counts and rates, which
// are data.
func TestSheetStrictJSON(t *testing.T) {
	var compact bytes.Buffer
	sound, err := os.ReadFile("testdata/sheet.json")
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Compact(&compact, sound); err != nil {
		t.Fatal(err)
	}
	hardening.Strict(t, compact.Bytes(), hardening.StrictOptions{}, assessment.ErrSheet, func(b []byte) error {
		_, err := assessment.LoadSheet(bytes.NewReader(b))
		return err
	})
	facts := []byte(`{"unit":"城管局","base":"88.5","counts":{"督办":2},"rates":{"响应率":"0.92"}}`)
	free := func(path string) bool { return path == "counts" || path == "rates" }
	hardening.Strict(t, facts, hardening.StrictOptions{Free: free, Flat: true}, assessment.ErrFacts, func(b []byte) error {
		return json.Unmarshal(b, new(assessment.Facts))
	})
}

// TestSheetJSONRoundTrip: facts and results marshal and read back equal.
func TestSheetJSONRoundTrip(t *testing.T) {
	s := loadSheet(t)
	f := assessment.Facts{Unit: "城管局", Base: dp("88.50"), Counts: map[string]int{"督办": 2, "超时": 12, "责任事故": 1}, Rates: map[string]decimal.Decimal{"响应率": d("0.5")}}
	r := apply(t, s, f)
	for _, v := range []any{&f, &r} {
		b, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		back := v
		switch v.(type) {
		case *assessment.Facts:
			back = new(assessment.Facts)
		case *assessment.Result:
			back = new(assessment.Result)
		}
		if err := json.Unmarshal(b, back); err != nil {
			t.Fatalf("%s: %v", b, err)
		}
		if diff := cmp.Diff(v, back); diff != "" {
			t.Errorf("round trip of %s mismatch (-want +got):\n%s", b, diff)
		}
	}
}

// TestSheetWhateverDecimalSettings changes shopspring/decimal's package
// settings and shows that neither a saved sheet nor a result moves. It
// must not run in parallel.
func TestSheetWhateverDecimalSettings(t *testing.T) {
	s := loadSheet(t)
	facts := assessment.Facts{Unit: "u", Base: dp("88.500"), Counts: map[string]int{"超时": 3}, Rates: map[string]decimal.Decimal{"响应率": d("0.9000")}}
	outputs := func() string {
		back, b := saveLoad(t, s)
		j, err := json.Marshal(apply(t, back, facts))
		if err != nil {
			t.Fatal(err)
		}
		return string(b) + string(j)
	}
	want := outputs()
	prec, quotes, trim, maxExp := decimal.DivisionPrecision, decimal.MarshalJSONWithoutQuotes, decimal.TrimTrailingZeros, decimal.MaxDecodeExponent
	defer func() {
		decimal.DivisionPrecision, decimal.MarshalJSONWithoutQuotes, decimal.TrimTrailingZeros, decimal.MaxDecodeExponent = prec, quotes, trim, maxExp
	}()
	decimal.DivisionPrecision, decimal.MarshalJSONWithoutQuotes, decimal.TrimTrailingZeros, decimal.MaxDecodeExponent = 1, true, false, 1
	if diff := cmp.Diff(want, outputs()); diff != "" {
		t.Errorf("output moved with decimal's settings (-want +got):\n%s", diff)
	}
}

// FuzzLoadSheet loads arbitrary input as a sheet: no panic, time linear
// in the input, an error wrapping ErrSheet or a valid sheet that saves
// and loads back equal and applies to a unit without panicking.
func FuzzLoadSheet(f *testing.F) {
	sound, err := os.ReadFile("testdata/sheet.json")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(sound)
	f.Add([]byte(`{"version":"v","base":{"from":"fixed","points":"100"},"rates":["r"],"items":[{"name":"x","fact":"r","veto":{"points":"0","below":"0.5"}}]}`))
	hardening.AddJSONSeeds(f)
	facts := assessment.Facts{Unit: "u", Base: dp("90"), Counts: map[string]int{"督办": 3}, Rates: map[string]decimal.Decimal{"响应率": d("0.9")}}
	f.Fuzz(func(t *testing.T, data []byte) {
		hardening.Linear(t, len(data), func() {
			var s *assessment.Sheet
			if !hardening.Accepts(t, data, assessment.ErrSheet, func() (err error) { s, err = assessment.LoadSheet(bytes.NewReader(data)); return err }) {
				return
			}
			if err := s.Validate(); err != nil {
				t.Fatalf("a loaded sheet does not validate: %v", err)
			}
			back, _ := saveLoad(t, s)
			if diff := cmp.Diff(s, back); diff != "" {
				t.Fatalf("LoadSheet(its JSON) mismatch (-want +got):\n%s", diff)
			}
			for _, f := range []assessment.Facts{facts, {Unit: "u", Base: dp("1")}} {
				if r, err := s.Apply(f); err == nil {
					checkResult(t, s, r)
				}
			}
		})
	})
}

// FuzzApply applies the sheet of testdata to arbitrary facts: no panic,
// time linear in the input, an error wrapping ErrFacts, or a result that
// keeps every cap.
func FuzzApply(f *testing.F) {
	s := loadSheet(f)
	f.Add([]byte(`{"unit":"城管局","base":"88.5","counts":{"督办":2,"超时":12,"表扬":1},"rates":{"响应率":"0.92"}}`))
	f.Add([]byte(`{"unit":"水务局","base":"95","counts":{"督办":12,"责任事故":1},"rates":{"响应率":"0.5"}}`))
	f.Add([]byte(`{"unit":"x","base":"-1","counts":{"表扬":9223372036854775807},"rates":{"响应率":"1.000000000000000000000001"}}`))
	f.Add([]byte(`{"unit":"x","base":"9999999999999999999999999999999999999999999999999999999999999999","counts":{"表扬":1}}`))
	hardening.AddJSONSeeds(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		hardening.Linear(t, len(data), func() {
			var facts assessment.Facts
			if err := json.Unmarshal(data, &facts); err != nil {
				return
			}
			r, err := s.Apply(facts)
			if err != nil {
				if !errors.Is(err, assessment.ErrFacts) {
					t.Fatalf("Apply: %v does not wrap ErrFacts", err)
				}
				return
			}
			checkResult(t, s, r)
		})
	})
}

// checkResult checks what every result of a valid sheet keeps: each
// item's cap and the total caps, the sums, and veto-only lowering.
func checkResult(t *testing.T, s *assessment.Sheet, r assessment.Result) {
	t.Helper()
	bonus, deduction := decimal.Zero, decimal.Zero
	last := 0
	for _, why := range r.Reasons {
		if why.Item <= last || why.Item > len(s.Items) {
			t.Fatalf("reason of item %d after item %d", why.Item, last)
		}
		last = why.Item
		it := s.Items[why.Item-1]
		if c := it.Cap; c != nil && why.Points.Abs().GreaterThan(*c) {
			t.Fatalf("item %d moves %s, over its cap %s", why.Item, why.Points, c)
		}
		if why.Points.Sign() > 0 {
			bonus = bonus.Add(why.Points)
		} else {
			deduction = deduction.Add(why.Points)
		}
	}
	if m := s.MaxBonus; m != nil && bonus.GreaterThan(*m) {
		bonus = *m
	}
	if m := s.MaxDeduction; m != nil && deduction.LessThan(m.Neg()) {
		deduction = m.Neg()
	}
	if !bonus.Equal(r.Bonus) || !deduction.Equal(r.Deduction) || r.Points.GreaterThan(r.Base.Add(bonus).Add(deduction)) {
		t.Fatalf("result %+v: want bonus %s, deduction %s", r, bonus, deduction)
	}
	b, err := json.Marshal(r)
	if err != nil {
		t.Fatalf("a result is not written: %v", err)
	}
	var back assessment.Result
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatalf("a result written is not read back: %v", err)
	}
	if diff := cmp.Diff(r, back); diff != "" {
		t.Fatalf("result read back mismatch (-want +got):\n%s", diff)
	}
}

// FuzzBaseKindText: no text panics ParseBaseKind, UnmarshalText or Scan;
// they agree, and what they accept parses again from its code and its
// label and round-trips through MarshalText and Value.
func FuzzBaseKindText(f *testing.F) {
	hardening.AddEnumSeeds[assessment.BaseKind](f)
	f.Fuzz(func(t *testing.T, s string) {
		hardening.EnumText[assessment.BaseKind](t, s, assessment.ParseBaseKind)
	})
}
