package hardening

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"
)

// SetDecimals sets shopspring/decimal's package settings — the
// DivisionPrecision, MarshalJSONWithoutQuotes and TrimTrailingZeros
// globals — until t and its subtests end, when it restores them. A test
// that calls it must not run in parallel.
func SetDecimals(t testing.TB, prec int, quotes, trim bool) {
	t.Helper()
	p, q, z := decimal.DivisionPrecision, decimal.MarshalJSONWithoutQuotes, decimal.TrimTrailingZeros
	t.Cleanup(func() {
		decimal.DivisionPrecision, decimal.MarshalJSONWithoutQuotes, decimal.TrimTrailingZeros = p, q, z
	})
	decimal.DivisionPrecision, decimal.MarshalJSONWithoutQuotes, decimal.TrimTrailingZeros = prec, quotes, trim
}

// WhateverDecimals checks that output gives what it gives under decimal's
// default settings under several others ([SetDecimals]): the library's
// output must not depend on them. A test that calls it must not run in
// parallel.
func WhateverDecimals(t *testing.T, output func() string) {
	t.Helper()
	want := output()
	for _, s := range []struct {
		prec         int
		quotes, trim bool
	}{{2, true, false}, {40, false, false}, {0, true, true}} {
		SetDecimals(t, s.prec, s.quotes, s.trim)
		if diff := cmp.Diff(want, output()); diff != "" {
			t.Errorf("with DivisionPrecision %d, MarshalJSONWithoutQuotes %t, TrimTrailingZeros %t: output mismatch (-want +got):\n%s",
				s.prec, s.quotes, s.trim, diff)
		}
	}
}
