package deccmp_test

import (
	"math/big"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/qingdan/qingdan/internal/deccmp"
	"github.com/qingdan/qingdan/internal/hardening"
)

// TestCmpAgreesWithDecimal: on decimals whose exponents decimal's Cmp
// scales at little cost, Cmp says what it says, across the bound of 64
// and the edges of the magnitudes (a coefficient of 2^k − 1, 2^k, 10^k).
func TestCmpAgreesWithDecimal(t *testing.T) {
	var xs []decimal.Decimal
	for _, e := range []int32{-400, -200, -70, -65, -64, -63, -1, 0, 1, 63, 64, 65, 70, 200, 400} {
		for _, k := range []int64{1, 3, 10, 60, 200} {
			two := new(big.Int).Lsh(big.NewInt(1), uint(k))
			ten := new(big.Int).Exp(big.NewInt(10), big.NewInt(k), nil)
			for _, c := range []*big.Int{two, new(big.Int).Sub(two, big.NewInt(1)), ten, new(big.Int).Add(ten, big.NewInt(1))} {
				xs = append(xs, decimal.NewFromBigInt(c, e), decimal.NewFromBigInt(new(big.Int).Neg(c), e))
			}
		}
		xs = append(xs, decimal.New(0, e))
	}
	for _, a := range xs {
		for _, b := range xs {
			if got, want := deccmp.Cmp(a, b), a.Cmp(b); got != want {
				t.Fatalf("Cmp(%s, %s) = %d, want %d", a, b, got, want)
			}
		}
	}
}

// TestCmpFar: decimals a billion orders of magnitude apart compare at once
// and without allocating the numbers decimal's Cmp would scale to; ones of
// one magnitude written with far exponents too, at the cost of their
// coefficients.
func TestCmpFar(t *testing.T) {
	tiny, huge := decimal.New(1, -1_000_000_000), decimal.New(85, 1_000_000_000)
	long := decimal.NewFromBigInt(new(big.Int).Exp(big.NewInt(10), big.NewInt(1000), nil), -1000) // 1, a thousand zeros
	for _, tt := range []struct {
		a, b decimal.Decimal
		want int
	}{
		{tiny, decimal.New(85, 0), -1},
		{decimal.New(85, 0), tiny, 1},
		{tiny.Neg(), decimal.New(-85, 0), 1},
		{huge, decimal.New(85, 0), 1},
		{huge.Neg(), tiny, -1},
		{tiny, tiny, 0},
		{tiny, decimal.Zero, 1},
		{decimal.Zero, tiny.Neg(), 1},
		{long, decimal.New(1, 0), 0},
		{long, decimal.RequireFromString("1.0000000001"), -1},
		{decimal.New(1, -2000), long, -1},
	} {
		var got int
		alloc := hardening.Allocated(func() { got = deccmp.Cmp(tt.a, tt.b) })
		if got != tt.want {
			t.Errorf("Cmp(%se%d, %se%d) = %d, want %d", tt.a.Coefficient(), tt.a.Exponent(), tt.b.Coefficient(), tt.b.Exponent(), got, tt.want)
		}
		if b := alloc; b > 1<<14 {
			t.Errorf("Cmp(%se%d, %se%d) allocated %d bytes", tt.a.Coefficient(), tt.a.Exponent(), tt.b.Coefficient(), tt.b.Exponent(), b)
		}
	}
}

// FuzzCmp: for any two decimals of coefficients and exponents a fuzzer
// makes, Cmp says what decimal's Cmp says, and is antisymmetric.
func FuzzCmp(f *testing.F) {
	f.Add(int64(1), int32(-100), int64(85), int32(0))
	f.Add(int64(-5), int32(70), int64(3), int32(-70))
	f.Fuzz(func(t *testing.T, ac int64, ae int32, bc int64, be int32) {
		ae, be = ae%2000, be%2000 // decimal's Cmp, the reference, scales by 10^|ae-be|
		a, b := decimal.New(ac, ae), decimal.New(bc, be)
		got := deccmp.Cmp(a, b)
		if want := a.Cmp(b); got != want {
			t.Fatalf("Cmp(%de%d, %de%d) = %d, want %d", ac, ae, bc, be, got, want)
		}
		if back := deccmp.Cmp(b, a); back != -got {
			t.Fatalf("Cmp(%de%d, %de%d) = %d, but the other way %d", ac, ae, bc, be, got, back)
		}
	})
}
