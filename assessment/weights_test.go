package assessment_test

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/qingdan/qingdan/assessment"
	"github.com/qingdan/qingdan/internal/jsonx"
	"github.com/shopspring/decimal"
)

func d(s string) decimal.Decimal { return decimal.RequireFromString(s) }

// annualWeights are the 30/70 weights of Wuhu's annual assessment.
func annualWeights() assessment.Weights {
	return assessment.Weights{assessment.SubdistrictPart: d("0.3"), "department": d("0.7")}
}

func TestWeightsValidate(t *testing.T) {
	for _, tt := range []struct {
		name string
		w    assessment.Weights
		want []string // nil: valid
	}{
		{"annual", annualWeights(), nil},
		{"one part", assessment.Weights{"all": d("1.000")}, nil},
		{"a part of weight 0", assessment.Weights{"a": d("1"), "b": d("0")}, nil},
		{"nil", nil, []string{"assessment: bad weights: no parts"}},
		{"thirds", assessment.Weights{"a": d("0.33"), "b": d("0.33"), "c": d("0.33")}, []string{"assessment: bad weights: weights sum to 0.99, not exactly 1"}},
		{"negative", assessment.Weights{"a": d("1.5"), "b": d("-0.5")}, []string{`assessment: bad weights: part "b" has the negative weight -0.5`}},
		{"empty name", assessment.Weights{"": d("1")}, []string{"assessment: bad weights: a part has an empty name"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			checkErr(t, "Validate", tt.w.Validate(), assessment.ErrWeights, tt.want)
		})
	}
}

func TestBlend(t *testing.T) {
	tests := []struct {
		name  string
		w     assessment.Weights
		parts map[string]decimal.Decimal
		want  string   // the exact blend
		errs  []string // else every one of these in the error
	}{
		// 0.3 × 91.67 + 0.7 × 88 = 27.501 + 61.6 = 89.101
		{"annual", annualWeights(), map[string]decimal.Decimal{"subdistrict": d("91.67"), "department": d("88")}, "89.101", nil},
		// The README's first department (生态环境局): 0.3 × 94.89 + 0.7 ×
		// 93.42 = 28.467 + 65.394 = 93.861, not rounded.
		{"the README's row", annualWeights(), map[string]decimal.Decimal{"subdistrict": d("94.89"), "department": d("93.42")}, "93.861", nil},
		// Its snippet: 0.3 × 100 + 0.7 × 88 = 30 + 61.6 = 91.6.
		{"the README's snippet", annualWeights(), map[string]decimal.Decimal{"subdistrict": d("100"), "department": d("88")}, "91.6", nil},
		{"not rounded", assessment.Weights{"a": d("0.125"), "b": d("0.875")}, map[string]decimal.Decimal{"a": d("1.01"), "b": d("0")}, "0.12625", nil},
		{"thirds do not sum to 1", assessment.Weights{"a": d("0.33"), "b": d("0.33"), "c": d("0.33")},
			map[string]decimal.Decimal{"a": d("1"), "b": d("1"), "c": d("1")}, "", []string{"sum to 0.99"}},
		{"negative", assessment.Weights{"a": d("1.5"), "b": d("-0.5")},
			map[string]decimal.Decimal{"a": d("1"), "b": d("1")}, "", []string{`part "b" has the negative weight -0.5`}},
		{"missing and extra", annualWeights(), map[string]decimal.Decimal{"subdistrict": d("90"), "bonus": d("5")}, "",
			[]string{`part "department" is missing`, `part "bonus" has no weight`}},
		{"no weights", nil, nil, "", []string{"no parts"}},
		{"a weight and a part too long to add", assessment.Weights{"a": decimal.New(1, -99999999), "b": d("1")},
			map[string]decimal.Decimal{"a": d("1"), "b": decimal.New(5, -99999999)}, "",
			[]string{`part "a" has a weight of more than 64 characters`, `part "b" has a value of more than 64 characters`}},
		{"empty name", assessment.Weights{"": d("1")}, map[string]decimal.Decimal{"": d("1")}, "", []string{"empty name"}},
		// Parts of 64 characters whose blend is 65: 0.3 × 1e-62 = 3e-63,
		// and 0.3 × (10^63 − 1) = 299…9.7; no JSON reads them back.
		{"a total too small to read back", annualWeights(),
			map[string]decimal.Decimal{"subdistrict": d("0." + strings.Repeat("0", 61) + "1"), "department": d("0")}, "",
			[]string{"the blend is longer than 64 characters"}},
		{"a total too large to read back", annualWeights(),
			map[string]decimal.Decimal{"subdistrict": d(strings.Repeat("9", 63)), "department": d("0")}, "",
			[]string{"the blend is longer than 64 characters"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := assessment.Blend(tt.w, tt.parts)
			if tt.errs == nil {
				if err != nil || !got.Equal(d(tt.want)) {
					t.Errorf("Blend = %s, %v, want %s", got, err, tt.want)
				}
				return
			}
			if !errors.Is(err, assessment.ErrWeights) || !got.IsZero() {
				t.Fatalf("Blend = %s, %v, want 0 and ErrWeights", got, err)
			}
			for _, want := range tt.errs {
				if !strings.Contains(err.Error(), want) {
					t.Errorf("error %q lacks %q", err, want)
				}
			}
		})
	}
}

func TestWeightsJSON(t *testing.T) {
	b, err := json.Marshal(assessment.Weights{"a": d("0.250"), "b": d("0.75")})
	if err != nil || string(b) != `{"a":"0.25","b":"0.75"}` {
		t.Errorf("Marshal = %s, %v", b, err)
	}
	if b, _ := json.Marshal(assessment.Weights(nil)); string(b) != "null" {
		t.Errorf("Marshal(nil) = %s", b)
	}
	var back assessment.Weights
	if err := json.Unmarshal([]byte(`{"a":"0.25","b":0.75}`), &back); err != nil || !cmp.Equal(back, assessment.Weights{"a": d("0.25"), "b": d("0.75")}) {
		t.Errorf("Unmarshal = %v, %v", back, err)
	}
}

// TestBlendEnforcesNoRange: Blend takes parts on any scale — a sheet's
// result that additions take above 100 or deductions below 0, an index
// from 0 to 1 — and its total lies between the least and the greatest
// part, as its doc says.
func TestBlendEnforcesNoRange(t *testing.T) {
	w := annualWeights()
	for _, tt := range []struct{ sub, dept, want string }{
		{"91.5", "105", "100.95"}, // 0.3 × 91.5 + 0.7 × 105: a sheet with 5 points added
		{"70", "-5", "17.5"},      // a sheet whose deductions passed its base
		{"0.95", "0.8", "0.845"},  // indices, from 0 to 1
	} {
		got, err := assessment.Blend(w, map[string]decimal.Decimal{assessment.SubdistrictPart: d(tt.sub), "department": d(tt.dept)})
		if err != nil || !got.Equal(d(tt.want)) {
			t.Errorf("Blend(%s, %s) = %s, %v, want %s", tt.sub, tt.dept, got, err, tt.want)
		}
	}
}

// FuzzBlend blends arbitrary weights and parts: no panic; a blend that
// succeeds has weights summing to exactly 1, is Σ weight × part and lies
// between the least and the greatest part, whatever their range; it is
// short enough for JSON to read back.
func FuzzBlend(f *testing.F) {
	f.Add("subdistrict", "0.3", "department", "0.7", "91.5", "88")
	f.Add("subdistrict", "0.3", "department", "0.7", "100", "105")  // above 100: taken
	f.Add("subdistrict", "0.5", "department", "0.5", "-20", "60.5") // negative: taken
	f.Add("a", "-1", "b", "2", "1e400", "x")
	f.Add("a", "1", "a", "0", "1", "1")
	f.Fuzz(func(t *testing.T, n1, w1, n2, w2, p1, p2 string) {
		num := func(s string) decimal.Decimal {
			v, err := decimal.NewFromString(s)
			if err != nil {
				return decimal.Zero
			}
			return v
		}
		w := assessment.Weights{n1: num(w1), n2: num(w2)}
		parts := map[string]decimal.Decimal{n1: num(p1), n2: num(p2)}
		got, err := assessment.Blend(w, parts)
		if err != nil {
			if !errors.Is(err, assessment.ErrWeights) {
				t.Fatalf("Blend: %v does not wrap ErrWeights", err)
			}
			return
		}
		sum := decimal.Zero
		want := decimal.Zero
		for k, v := range w {
			sum = sum.Add(v)
			want = want.Add(v.Mul(parts[k]))
		}
		if !sum.Equal(decimal.NewFromInt(1)) || !got.Equal(want) || !jsonx.DecimalFits(got) {
			t.Fatalf("Blend(%v, %v) = %s", w, parts, got)
		}
		lo, hi := decimal.Min(parts[n1], parts[n2]), decimal.Max(parts[n1], parts[n2])
		if got.LessThan(lo) || got.GreaterThan(hi) {
			t.Fatalf("Blend(%v, %v) = %s, outside the parts' range %s to %s", w, parts, got, lo, hi)
		}
	})
}

// BenchmarkBlend blends the annual assessment of one department.
func BenchmarkBlend(b *testing.B) {
	w := annualWeights()
	parts := map[string]decimal.Decimal{assessment.SubdistrictPart: d("91.25"), "department": decimal.NewFromInt(88)}
	// 0.3 × 91.25 + 0.7 × 88 = 27.375 + 61.6
	if got, err := assessment.Blend(w, parts); err != nil || !got.Equal(d("88.975")) {
		b.Fatalf("Blend = %s, %v; want 88.975", got, err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		if _, err := assessment.Blend(w, parts); err != nil {
			b.Fatal(err)
		}
	}
}
