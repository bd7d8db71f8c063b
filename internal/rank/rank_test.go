package rank

import (
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"

	"github.com/qingdan/qingdan/internal/hardening"
)

type item struct {
	key   string
	value decimal.Decimal
	rank  int
}

func value(x item) decimal.Decimal { return x.value }
func key(x item) string            { return x.key }
func set(x *item, r int)           { x.rank = r }

func TestBy(t *testing.T) {
	d := decimal.RequireFromString
	tests := []struct {
		name string
		in   []item
		want []item
	}{
		{"empty", nil, nil},
		{"one", []item{{"a", d("1"), 0}}, []item{{"a", d("1"), 1}}},
		{"ties share and skip", []item{{"c", d("2"), 0}, {"a", d("3"), 0}, {"b", d("2.00"), 0}, {"d", d("-1"), 0}},
			[]item{{"a", d("3"), 1}, {"b", d("2.00"), 2}, {"c", d("2"), 2}, {"d", d("-1"), 4}}},
		{"all equal", []item{{"b", d("0"), 0}, {"a", d("0"), 0}}, []item{{"a", d("0"), 1}, {"b", d("0"), 1}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			By(tt.in, value, key, set)
			if diff := cmp.Diff(tt.want, tt.in, cmp.AllowUnexported(item{})); diff != "" {
				t.Errorf("By mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// TestByIgnoresInputOrder ranks shuffled copies of one set of items.
func TestByIgnoresInputOrder(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	var want []item
	for i := range 50 {
		want = append(want, item{key: string(rune('A' + i)), value: decimal.NewFromInt(int64(r.IntN(5)))})
	}
	By(want, value, key, set)
	for range 20 {
		got := slices.Clone(want)
		r.Shuffle(len(got), func(i, j int) { got[i], got[j] = got[j], got[i] })
		By(got, value, key, set)
		if diff := cmp.Diff(want, got, cmp.AllowUnexported(item{})); diff != "" {
			t.Fatalf("By depends on input order (-want +got):\n%s", diff)
		}
	}
}

// TestByFarValues: values built in Go may lie far apart, as 10^-10000000
// and 2 do, and By orders and ranks them without working out the
// ten-million-digit number decimal's Cmp and Equal scale one of them to
// (megabytes, and seconds, a comparison).
func TestByFarValues(t *testing.T) {
	tiny, negTiny := decimal.New(1, -10_000_000), decimal.New(-1, -10_000_000)
	in := []item{{"a", negTiny, 0}, {"b", decimal.NewFromInt(2), 0}, {"c", tiny, 0}, {"d", decimal.Zero, 0}, {"e", tiny, 0}}
	want := []item{{"b", decimal.NewFromInt(2), 1}, {"c", tiny, 2}, {"e", tiny, 2}, {"d", decimal.Zero, 4}, {"a", negTiny, 5}}
	if b := hardening.Allocated(func() { By(in, value, key, set) }); b > 1<<16 {
		t.Errorf("By allocated %d bytes", b)
	}
	if diff := cmp.Diff(want, in, cmp.AllowUnexported(item{}), cmp.Comparer(func(x, y decimal.Decimal) bool {
		return x.Exponent() == y.Exponent() && x.Coefficient().Cmp(y.Coefficient()) == 0
	})); diff != "" {
		t.Errorf("By mismatch (-want +got):\n%s", diff)
	}
}
