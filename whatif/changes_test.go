package whatif

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"
)

// TestChangesSorted checks the sort by reference against a plain sort by
// the whole key, over keys that share long prefixes, hold zero bytes and
// high bytes, in more than one chunk.
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
		var l changeList
		var want []Change
		for range r.IntN(3 * changeSize) {
			c := Change{Matter: word(6), Subject: word(2), Evaluator: word(1), Stage: r.IntN(3)}
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
