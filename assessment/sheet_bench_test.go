package assessment_test

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/qingdan/qingdan/assessment"
	"github.com/qingdan/qingdan/scoring"
	"github.com/shopspring/decimal"
)

// benchSheet is a sheet of 30 items over 12 counts and 8 rates: 10
// deductions per occurrence (half capped), 8 banded rates of 3 bands, 6
// bonuses per occurrence (capped), 4 vetoes (2 on counts setting a
// grade, 2 on rates setting points), and both total caps.
func benchSheet(tb testing.TB) *assessment.Sheet {
	s := &assessment.Sheet{Version: "bench/30", Base: assessment.Base{From: assessment.CompositeBase},
		MaxBonus: dp("5"), MaxDeduction: dp("30"),
		Scale: scoring.Scale{{Code: "a", Points: d("90")}, {Code: "b", Points: d("80")}, {Code: "c", Points: d("60")}, {Code: "d", Points: d("0")}}}
	for i := range 12 {
		s.Counts = append(s.Counts, fmt.Sprintf("count%d", i))
	}
	for i := range 8 {
		s.Rates = append(s.Rates, fmt.Sprintf("rate%d", i))
	}
	for i := range 10 {
		it := assessment.Item{Name: fmt.Sprintf("deduct%d", i), Fact: s.Counts[i], Each: dp("-0.5")}
		if i%2 == 0 {
			it.Cap = dp("2")
		}
		s.Items = append(s.Items, it)
	}
	for i := range 8 {
		s.Items = append(s.Items, assessment.Item{Name: fmt.Sprintf("band%d", i), Fact: s.Rates[i], Bands: []assessment.Band{
			{Below: dp("0.85"), Points: d("-3")}, {From: dp("0.85"), Below: dp("0.95"), Points: d("-1.5")}, {From: dp("0.99"), Points: d("0.5")}}})
	}
	for i := range 6 {
		s.Items = append(s.Items, assessment.Item{Name: fmt.Sprintf("bonus%d", i), Fact: s.Counts[i], Each: dp("1"), Cap: dp("2")})
	}
	for i := range 2 {
		s.Items = append(s.Items, assessment.Item{Name: fmt.Sprintf("veto%d", i), Fact: s.Counts[10+i], Veto: &assessment.Veto{Grade: "d"}},
			assessment.Item{Name: fmt.Sprintf("rateveto%d", i), Fact: s.Rates[i], Veto: &assessment.Veto{Below: dp("0.6"), Points: dp("59")}})
	}
	if err := s.Validate(); err != nil {
		tb.Fatal(err)
	}
	return s
}

// benchUnits are n units' facts, drawn the same on every run: counts 0
// to 5 (a veto's 1 in 50), rates 0.500 to 1.000 with three places.
func benchUnits(n int) []assessment.Facts {
	rng := rand.New(rand.NewPCG(13, 2))
	out := make([]assessment.Facts, n)
	for i := range out {
		base := decimal.New(6000+rng.Int64N(4000), -2)
		f := assessment.Facts{Unit: fmt.Sprintf("unit%04d", i), Base: &base, Counts: map[string]int{}, Rates: map[string]decimal.Decimal{}}
		for c := range 10 {
			f.Counts[fmt.Sprintf("count%d", c)] = rng.IntN(6)
		}
		for c := 10; c < 12; c++ {
			if rng.IntN(50) == 0 {
				f.Counts[fmt.Sprintf("count%d", c)] = 1
			}
		}
		for r := range 8 {
			f.Rates[fmt.Sprintf("rate%d", r)] = decimal.New(1000-rng.Int64N(501), -3)
		}
		out[i] = f
	}
	return out
}

// benchWant is what benchSheet gives f, computed as its items say, item
// by item, apart from Apply: each of counts 0–9 deducts 0.5 an
// occurrence (at most 2 for an even count); each of rates 0–7 deducts 3
// below 0.85, 1.5 from 0.85 below 0.95, and adds 0.5 from 0.99; each of
// counts 0–5 adds 1 an occurrence, at most 2; bonuses are capped at 5 and
// deductions at 30; rate 0 or 1 below 0.6 caps the points at 59, and
// count 10 or 11 sets the grade d; the grade is otherwise the points'
// (a from 90, b from 80, c from 60, d below).
func benchWant(f assessment.Facts) (decimal.Decimal, string) {
	bonus, deduction := decimal.Zero, decimal.Zero
	for i := range 10 {
		n := decimal.NewFromInt(int64(f.Counts[fmt.Sprintf("count%d", i)]))
		cut := n.Mul(d("0.5"))
		if i%2 == 0 {
			cut = decimal.Min(cut, d("2"))
		}
		deduction = deduction.Add(cut)
		if i < 6 {
			bonus = bonus.Add(decimal.Min(n, d("2")))
		}
	}
	for i := range 8 {
		switch r := f.Rates[fmt.Sprintf("rate%d", i)]; {
		case r.LessThan(d("0.85")):
			deduction = deduction.Add(d("3"))
		case r.LessThan(d("0.95")):
			deduction = deduction.Add(d("1.5"))
		case r.GreaterThanOrEqual(d("0.99")):
			bonus = bonus.Add(d("0.5"))
		}
	}
	points := f.Base.Add(decimal.Min(bonus, d("5"))).Sub(decimal.Min(deduction, d("30")))
	if f.Rates["rate0"].LessThan(d("0.6")) || f.Rates["rate1"].LessThan(d("0.6")) {
		points = decimal.Min(points, d("59"))
	}
	grade := "d"
	switch {
	case f.Counts["count10"] > 0 || f.Counts["count11"] > 0:
	case points.GreaterThanOrEqual(d("90")):
		grade = "a"
	case points.GreaterThanOrEqual(d("80")):
		grade = "b"
	case points.GreaterThanOrEqual(d("60")):
		grade = "c"
	}
	return points, grade
}

// BenchmarkSheetApply applies a 30-item sheet to 1,000 units: one op is
// the 1,000 applications.
func BenchmarkSheetApply(b *testing.B) {
	s := benchSheet(b)
	units := benchUnits(1000)
	vetoed := 0
	for _, f := range units {
		r, err := s.Apply(f)
		points, grade := benchWant(f)
		if err != nil || !r.Points.Equal(points) || r.Grade != grade {
			b.Fatalf("Apply(%+v) = %s %q, %v; want %s %q", f, r.Points, r.Grade, err, points, grade)
		}
		if r.Points.Equal(d("59")) || grade == "d" {
			vetoed++
		}
	}
	if vetoed == 0 || vetoed == len(units) {
		b.Fatalf("%d of %d units vetoed: the units do not try the vetoes", vetoed, len(units))
	}
	b.ReportAllocs()
	for b.Loop() {
		for _, f := range units {
			if _, err := s.Apply(f); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(units)), "ns/unit")
}

// BenchmarkSheetValidate validates the 30-item sheet.
func BenchmarkSheetValidate(b *testing.B) {
	s := benchSheet(b)
	b.ReportAllocs()
	for b.Loop() {
		if err := s.Validate(); err != nil {
			b.Fatal(err)
		}
	}
}
