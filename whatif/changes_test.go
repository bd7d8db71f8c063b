package whatif

import (
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"
)

// TestChangesSorted checks the sort by reference against a plain sort by
// the whole key, over keys that share long prefixes, hold zero bytes and
// high bytes, in more than one chunk; in some rounds every matter starts
// with the same text, as a city's matter numbers do.
func TestChangesSorted(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	alphabet := []string{"\x00", "M", "1", "9", "城", "\xff", "WH2020-0"}
	word := func(max int) string {
		var b strings.Builder
		for range r.IntN(max + 1) {
			b.WriteString(alphabet[r.IntN(len(alphabet))])
		}
		return b.String()
	}
	for round := range 20 {
		prefix := []string{"", "WH2026-03-", "\x00"}[round%3]
		var l changeList
		var want []Change
		for range r.IntN(3 * changeSize) {
			c := Change{Matter: prefix + word(6), Subject: word(2), Evaluator: word(1), Stage: r.IntN(3)}
			l.add(c)
			want = append(want, c)
		}
		slices.SortStableFunc(want, func(a, b Change) int { return compare(&a, &b) })
		got := l.sorted()
		if len(want) == 0 {
			want = nil
		}
		// Equal keys may come in any order; compare the keys only.
		key := func(cs []Change) []Change {
			out := make([]Change, len(cs))
			for i, c := range cs {
				out[i] = Change{Matter: c.Matter, Subject: c.Subject, Evaluator: c.Evaluator, Stage: c.Stage}
			}
			return out
		}
		if diff := cmp.Diff(key(want), key(got)); diff != "" {
			t.Fatalf("round %d: order mismatch (-want +got):\n%s", round, diff)
		}
	}
}

// TestPointsMemo checks that the remembered comparison gives Equal's
// answer for each pair, repeated or not, whatever the exponents.
func TestPointsMemo(t *testing.T) {
	hundred, fair := decimal.New(100, 0), decimal.New(70, 0)
	stored := decimal.New(100_000_000, -6)
	pairs := [][2]decimal.Decimal{{stored, hundred}, {stored, hundred}, {stored, fair}, {stored, fair}, {fair, fair},
		{decimal.New(70_000_000, -6), fair}, {stored, decimal.New(1000, -1)}, {hundred, stored}, {hundred, stored}}
	var p pointsMemo
	for i, x := range pairs {
		if got, want := p.equal(x[0], x[1]), x[0].Equal(x[1]); got != want {
			t.Errorf("pair %d (%s, %s): equal = %v, want %v", i, x[0], x[1], got, want)
		}
	}
}

// BenchmarkChangesSorted sorts what-if changes of 400,000 matters, given
// in the order of their numbers: short numbers, and numbers after a
// prefix all share.
func BenchmarkChangesSorted(b *testing.B) {
	for _, prefix := range []string{"M", "WH2026-03-"} {
		b.Run(strings.TrimSuffix(prefix, "-"), func(b *testing.B) {
			var l changeList
			for i := range 400_000 {
				l.add(Change{Matter: prefix + strconv.Itoa(i), Subject: "unit" + strconv.Itoa(i%4), Evaluator: "s"})
			}
			b.ReportAllocs()
			for b.Loop() {
				if got := l.sorted(); len(got) != l.n {
					b.Fatalf("%d changes, want %d", len(got), l.n)
				}
			}
		})
	}
}
