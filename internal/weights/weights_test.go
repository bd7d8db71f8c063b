package weights

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/qingdan/qingdan/internal/jsonx"
	"github.com/shopspring/decimal"
)

func TestCheck(t *testing.T) {
	d := decimal.RequireFromString
	tests := []struct {
		name string
		w    map[string]decimal.Decimal
		want []string
	}{
		{"valid", map[string]decimal.Decimal{"a": d("0.25"), "b": d("0.750")}, nil},
		{"nil", nil, []string{"no parts"}},
		{"empty", map[string]decimal.Decimal{}, []string{"no parts"}},
		{"thirds", map[string]decimal.Decimal{"a": d("0.33"), "b": d("0.33"), "c": d("0.33")}, []string{"weights sum to 0.99, not exactly 1"}},
		{"negative, summing to 1", map[string]decimal.Decimal{"a": d("1.5"), "b": d("-0.5")}, []string{`part "b" has the negative weight -0.5`}},
		{"empty name", map[string]decimal.Decimal{"": d("1")}, []string{"a part has an empty name"}},
		{"every problem, by name", map[string]decimal.Decimal{"z": d("-1"), "": d("0"), "a": d("-1")},
			[]string{"a part has an empty name", `part "a" has the negative weight -1`, `part "z" has the negative weight -1`, "weights sum to -2, not exactly 1"}},
		{"a weight too long to write or add", map[string]decimal.Decimal{"a": decimal.New(1, -99999999), "b": d("1")},
			[]string{`part "a" has a weight of more than 64 characters`}},
		{"a weight of 65 digits", map[string]decimal.Decimal{"a": d("0." + strings.Repeat("1", 64)), "b": d("0.5")},
			[]string{`part "a" has a weight of more than 64 characters`}},
		{"a long name is clipped", map[string]decimal.Decimal{strings.Repeat("x", 100): d("-1"), "b": d("2")},
			[]string{`part "` + strings.Repeat("x", 64) + `"… (100 bytes) has the negative weight -1`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, err := range Check(tt.w) {
				got = append(got, err.Error())
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Check mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// FuzzCheck: Check never panics, says nothing of weights that are named,
// none negative, each written in at most 64 characters and summing to
// exactly 1, and something of any others, each problem a line that
// repeats no more than a cut name.
func FuzzCheck(f *testing.F) {
	for _, s := range [][4]string{{"a", "0.3", "b", "0.7"}, {"a", "1", "a", "0"}, {"", "1", "b", "0"}, {"a", "1.5", "b", "-0.5"},
		{"a", "1e-99999999", "b", "1"}, {"a", "0.33", "b", "0.67000"}, {"a\n", "2", "b", "-1"}, {"a", "1e64", "b", "-1e64"}} {
		f.Add(s[0], s[1], s[2], s[3])
	}
	f.Fuzz(func(t *testing.T, a, x, b, y string) {
		dx, errx := decimal.NewFromString(x)
		dy, erry := decimal.NewFromString(y)
		if errx != nil || erry != nil {
			return
		}
		w := map[string]decimal.Decimal{a: dx, b: dy}
		sound := a != "" && b != ""
		sum := decimal.Zero
		for _, v := range w {
			fits := jsonx.DecimalFits(v)
			sound = sound && fits && v.Sign() >= 0
			if fits {
				sum = sum.Add(v)
			}
		}
		sound = sound && sum.Equal(decimal.NewFromInt(1))
		errs := Check(w)
		if sound != (len(errs) == 0) {
			t.Fatalf("Check(%v) = %v; want problems: %t", w, errs, !sound)
		}
		for _, err := range errs {
			if msg := err.Error(); strings.ContainsAny(msg, "\n\r") || len(msg) > 400 {
				t.Fatalf("Check(%v): problem %q is not one short line", w, msg)
			}
		}
	})
}
