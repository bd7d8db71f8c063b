package indicators_test

import (
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"

	"github.com/qingdan/qingdan/indicators"
	"github.com/qingdan/qingdan/internal/hardening"
	"github.com/qingdan/qingdan/matters/workday"
	"github.com/qingdan/qingdan/scoring"
)

// TestTallyFarPoints: a streetMin or a grade's points built in Go may lie
// far from any decimal JSON reads, as 10^-1000000000 does, and Tally
// compares them exactly without working out the billion-digit numbers
// decimal's Cmp scales one of them to (hundreds of megabytes for each
// part): the counts are those of big.Rat's comparison of the values.
func TestTallyFarPoints(t *testing.T) {
	d := decimal.RequireFromString
	tiny, huge := decimal.New(1, -1_000_000_000), decimal.New(85, 1_000_000_000)
	negTiny := decimal.New(-1, -1_000_000_000)
	for _, tt := range []struct {
		name      string
		points    []decimal.Decimal
		streetMin decimal.Decimal
		want      int // of the parts, those at least streetMin
	}{
		{"tiny minimum", []decimal.Decimal{d("85"), d("0"), d("-1"), tiny, negTiny}, tiny, 2},
		{"huge minimum", []decimal.Decimal{d("85"), huge, d("1e40")}, huge, 1},
		{"negative tiny minimum", []decimal.Decimal{d("0"), negTiny, tiny, d("-0.5")}, negTiny, 3},
		{"tiny points", []decimal.Decimal{tiny, negTiny, huge, d("85"), d("84.99")}, d("85"), 2},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var parts []indicators.Part
			for _, p := range tt.points {
				parts = append(parts, indicators.Part{Unit: "u", Street: &scoring.Result{Points: p}})
			}
			var got []indicators.Rates
			b := hardening.Allocated(func() { got = indicators.Tally(parts, indicators.ByUnit, tt.streetMin) })
			if b > 1<<16 {
				t.Errorf("Tally allocated %d bytes", b)
			}
			// big.Rat, on small equivalents: ±10^-100 for ±10^-1000000000,
			// 85 × 10^100 for 85 × 10^1000000000 (no other value is so
			// small or large), each told by its exponent, not by Equal,
			// which is what takes the time.
			small := func(x decimal.Decimal) decimal.Decimal {
				switch x.Exponent() {
				case tiny.Exponent():
					if x.Sign() > 0 {
						return decimal.New(1, -100)
					}
					return decimal.New(-1, -100)
				case huge.Exponent():
					return decimal.New(85, 100)
				}
				return x
			}
			want := 0
			for _, p := range tt.points {
				if small(p).Rat().Cmp(small(tt.streetMin).Rat()) >= 0 {
					want++
				}
			}
			if want != tt.want {
				t.Fatalf("big.Rat counts %d, the case says %d", want, tt.want)
			}
			if diff := cmp.Diff([2]int{want, len(tt.points)}, [2]int{got[0].Street.Num, got[0].Street.Den}); diff != "" {
				t.Errorf("Street mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// TestPartsFarPoints: of two evaluations of one part at one stage,
// instant and grade, Parts keeps the one of more points, compared exactly
// and at once however far apart their exponents are.
func TestPartsFarPoints(t *testing.T) {
	ms, grades := fixture(t)
	m2 := grades[3] // m2, a, by its owner s1, who grades it twice here
	grades = slices.Delete(grades, 3, 4)
	for _, tt := range []struct {
		name string
		a, b decimal.Decimal
		want decimal.Decimal
	}{
		{"tiny and 85", decimal.New(1, -1_000_000_000), decimal.New(85, 0), decimal.New(85, 0)},
		{"huge and 85", decimal.New(85, 0), decimal.New(85, 1_000_000_000), decimal.New(85, 1_000_000_000)},
		{"negative tiny and 0", decimal.New(-1, -1_000_000_000), decimal.New(0, 0), decimal.New(0, 0)},
	} {
		t.Run(tt.name, func(t *testing.T) {
			a, b := m2, m2
			a.Result.Points, b.Result.Points = tt.a, tt.b
			for _, gs := range [][]scoring.Evaluation{{a, b}, {b, a}} {
				ps, err := indicators.Parts(workday.China(), ms, routes, append(slices.Clone(grades), gs...))
				if err != nil {
					t.Fatal(err)
				}
				i := slices.IndexFunc(ps, func(p indicators.Part) bool { return p.Matter.ID == "m2" && p.Unit == "a" })
				got := ps[i].Street.Points
				if got.Exponent() != tt.want.Exponent() || got.Cmp(tt.want) != 0 {
					t.Errorf("Street points %se%d, want %se%d", got.Coefficient(), got.Exponent(), tt.want.Coefficient(), tt.want.Exponent())
				}
			}
		})
	}
}
