package ratio

import (
	"math"
	"math/big"
	"math/rand/v2"
	"testing"
)

// TestAppend: the figures of Append, at the boundaries its doc names —
// halves rounded up, places clamped to 0 and MaxPlaces, the 128-bit path
// and the big.Int one.
func TestAppend(t *testing.T) {
	for _, c := range []struct {
		actual, limit int64
		places        int
		want          string
	}{
		{1, 3, 2, "0.33"},
		{2, 3, 2, "0.67"},
		{1, 8, 2, "0.13"}, // 0.125: a half, rounded up
		{1, 2, 0, "1"},    // 0.5
		{5, 2, 0, "3"},    // 2.5
		{0, 5, 3, "0.000"},
		{7, 7, 1, "1.0"},
		{1, 3, 20, "0.33333333333333333333"},
		{2, 3, 19, "0.6666666666666666667"},
		{1, 3, -1, "0"},
		{1, 2, 200, "0.5" + string(make0(MaxPlaces-1))},
		{math.MaxInt64, 1, 18, "9223372036854775807.000000000000000000"}, // a quotient over a uint64: big.Int
		{math.MaxInt64, math.MaxInt64, 2, "1.00"},
		{1, math.MaxInt64, 18, "0.000000000000000000"},
		{3, 2, 0, "2"},
		{1000, 1, 2, "1000.00"},
	} {
		if got := string(Append(nil, c.actual, c.limit, c.places)); got != c.want {
			t.Errorf("Append(%d, %d, %d) = %s, want %s", c.actual, c.limit, c.places, got, c.want)
		}
	}
}

func make0(n int) []byte {
	b := make([]byte, n)
	for i := range b {
		b[i] = '0'
	}
	return b
}

// TestAppendAsBigRat: Append gives what big.Rat's FloatString gives
// (halves away from zero, so up for what is not negative), on either
// path, for random ratios and places.
func TestAppendAsBigRat(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		limit := r.Int64N(math.MaxInt64) + 1
		actual := r.Int64N(math.MaxInt64)
		if r.IntN(2) == 0 { // ratios near 1 and halves, where rounding shows
			limit = r.Int64N(1000) + 1
			actual = r.Int64N(4 * limit)
		}
		places := r.IntN(MaxPlaces + 1)
		want := new(big.Rat).SetFrac64(actual, limit).FloatString(places)
		if got := string(Append(nil, actual, limit, places)); got != want {
			t.Fatalf("Append(%d, %d, %d) = %s, want %s", actual, limit, places, got, want)
		}
	}
}

// TestRoundedAt: the 128-bit quotient, and false where it would not fit
// a uint64.
func TestRoundedAt(t *testing.T) {
	for _, c := range []struct {
		actual, limit int64
		places        int
		want          uint64
		ok            bool
	}{
		{1, 8, 2, 13, true},
		{1, 3, 18, 333333333333333333, true},
		{math.MaxInt64, 1, 0, math.MaxInt64, true},
		{math.MaxInt64, 1, 1, 0, false},
		{math.MaxInt64, 2, 0, 1 << 62, true}, // 2^62 - 0.5, rounded up
	} {
		got, ok := RoundedAt(c.actual, c.limit, c.places)
		if got != c.want || ok != c.ok {
			t.Errorf("RoundedAt(%d, %d, %d) = %d, %t; want %d, %t", c.actual, c.limit, c.places, got, ok, c.want, c.ok)
		}
	}
}

// TestRoundRat: halves away from zero, negative ones too.
func TestRoundRat(t *testing.T) {
	for _, c := range []struct {
		num, den int64
		places   int
		want     string
	}{
		{5, 2, 0, "3"}, {-5, 2, 0, "-3"}, {-1, 3, 2, "-33"}, {-2, 3, 2, "-67"}, {1, 8, 2, "13"}, {-1, 8, 2, "-13"},
	} {
		if got := RoundRat(new(big.Int), big.NewRat(c.num, c.den), c.places).String(); got != c.want {
			t.Errorf("RoundRat(%d/%d, %d) = %s, want %s", c.num, c.den, c.places, got, c.want)
		}
	}
}
