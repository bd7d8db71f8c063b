package weights

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
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
