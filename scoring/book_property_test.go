package scoring

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/qingdan/qingdan/scoring/reason"
	"github.com/shopspring/decimal"
)

// wildHistory returns evaluations and amendments at the ledger's edges:
// reasons of every kind, points that need the exact fallback, negative
// and huge points, times outside the nanosecond range, a matter with more
// records than a list is walked for, and IDs of every shape.
func wildHistory(r *rand.Rand, n int) ([]Evaluation, []Amendment) {
	ids := func() string {
		switch r.IntN(5) {
		case 0:
			return fmt.Sprintf("2020-%07d", r.IntN(n))
		case 1:
			return fmt.Sprintf("%08x-aaaa-bbbb-cccc-%012x", r.IntN(n), r.IntN(3))
		case 2, 3:
			return "LONG" // one matter of many records
		}
		return fmt.Sprintf("事项%d", r.IntN(n))
	}
	reasons := func() []reason.Reason {
		switch r.IntN(4) {
		case 0:
			return nil
		case 1:
			return reason.Texts(fmt.Sprint("because ", r.IntN(3)))
		case 2:
			th := []decimal.Decimal{decimal.RequireFromString("0.5"), decimal.RequireFromString("0.50"),
				decimal.New(r.Int64N(1000), -int32(r.IntN(30))), decimal.RequireFromString("123456789012345678901234567890.5")}
			return []reason.Reason{{Rule: r.IntN(5), Name: "rule", Lang: reason.Lang(r.IntN(2)),
				Checks:  []reason.Check{{Of: reason.Response, Op: reason.AtMost, Threshold: th[r.IntN(len(th))]}},
				Figures: []reason.Figure{{Of: reason.Response, Done: r.IntN(2) == 0, Actual: time.Duration(r.Int64N(1e12)), Limit: time.Hour, Places: r.IntN(83), Value: r.IntN(3) - 1}},
				Type:    "噪音", Text: "t"}}
		}
		return []reason.Reason{reason.Text("a long reason of text that is longer than one hundred and twenty bytes, so that it is stored and compared byte by byte")}
	}
	points := func() decimal.Decimal {
		switch r.IntN(8) {
		case 0:
			return decimal.New(r.Int64N(1000)+1, -int32(r.IntN(30)+7)) // not whole millionths
		case 1:
			return decimal.New(-r.Int64N(1<<62), -6) // negative, at the edge of fixed point
		case 2:
			return decimal.New(r.Int64N(1<<62), int32(r.IntN(3))-6) // around ±4.6 × 10^12
		case 3:
			return decimal.RequireFromString("9999999999999999999999999999999999999999999999999999999999999.5")
		}
		return decimal.New(r.Int64N(20000)-1000, -2)
	}
	at := func() time.Time {
		switch r.IntN(6) {
		case 0:
			return time.Date(1800+r.IntN(20), 1, 1, 0, 0, 0, r.IntN(1e9), time.UTC)
		case 1:
			return time.Date(2200, 1, 1, 0, 0, 0, r.IntN(1e9), time.UTC)
		}
		return Year(2020).From.Add(time.Duration(r.Int64N(int64(400 * 24 * time.Hour))))
	}
	var es []Evaluation
	keys := map[string]bool{}
	for len(es) < n {
		e := Evaluation{Matter: ids(), Subject: fmt.Sprintf("D%d", r.IntN(9)), Evaluator: fmt.Sprintf("S%d", r.IntN(4)),
			Stage: r.IntN(5), At: at(), Result: Result{Grade: fmt.Sprint("g", r.IntN(3)), Points: points(),
				Policy: fmt.Sprint("p", r.IntN(2)), Reasons: reasons()}}
		k := fmt.Sprint(e.Matter, "|", e.Subject, "|", e.Evaluator, "|", e.Stage)
		if keys[k] {
			continue
		}
		keys[k] = true
		es = append(es, e)
	}
	return es, randomAmendments(r, es, func() Result {
		return Result{Grade: fmt.Sprint("g", r.IntN(3)), Points: points(), Policy: "p2", Reasons: reasons()}
	})
}

// bookView is what a book reports, for comparing books.
type bookView struct {
	JSON    string
	Scores  map[string][]Score
	Matters map[string]string
}

func viewOf(t *testing.T, b *Book, es []Evaluation) bookView {
	t.Helper()
	data, err := json.Marshal(b)
	if err != nil {
		t.Fatal(err)
	}
	v := bookView{JSON: string(data), Scores: map[string][]Score{}, Matters: map[string]string{}}
	all := Period{From: time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC), To: time.Date(9999, 1, 1, 0, 0, 0, 0, time.UTC)}
	for _, p := range append(periods(), all, Year(1805), Year(2200)) {
		v.Scores[p.From.String()] = b.Scores(p)
	}
	for _, e := range es {
		if _, ok := v.Matters[e.Matter]; ok {
			continue
		}
		evals, amends := b.Matter(e.Matter)
		m, err := json.Marshal([]any{evals, amends})
		if err != nil {
			t.Fatal(err)
		}
		v.Matters[e.Matter] = string(m)
	}
	return v
}

// TestBookOrderIndependentAtTheEdges records histories at the ledger's
// edges in random orders, split across books merged in a random tree,
// with some amendments made before the merges and some after, and checks
// that the books report the same scores, matters and JSON, and that the
// JSON reads back to a book that reports them too. Half the books have
// options, so that they merge by checking what they take in.
func TestBookOrderIndependentAtTheEdges(t *testing.T) {
	for seed := range uint64(16) {
		r := rand.New(rand.NewPCG(seed, 99))
		es, as := wildHistory(r, 150+r.IntN(150))
		ref := bookOf(t, es, as)
		want := viewOf(t, ref, es)

		// Books of odd seeds check amendments' dates, and merge checking.
		var opts *BookOptions
		if seed%2 == 1 {
			opts = &BookOptions{AmendWithin: 3 * time.Hour, Now: func() time.Time { return Year(2300).From }}
		}
		books := make([]*Book, 1+r.IntN(6))
		for i := range books {
			books[i] = NewBook(opts)
		}
		where := map[string]int{}
		for _, i := range r.Perm(len(es)) {
			e := es[i]
			s := r.IntN(len(books))
			where[fmt.Sprint(e.Matter, "|", e.Subject, "|", e.Evaluator, "|", e.Stage)] = s
			recordAll(t, books[s], e)
		}
		var later []Amendment
		for _, i := range r.Perm(len(as)) {
			a := as[i]
			if r.IntN(2) == 0 {
				later = append(later, a)
				continue
			}
			if err := books[where[fmt.Sprint(a.Matter, "|", a.Subject, "|", a.Evaluator, "|", a.Stage)]].Amend(a); err != nil {
				t.Fatal(err)
			}
		}
		for len(books) > 1 {
			i := r.IntN(len(books))
			j := r.IntN(len(books) - 1)
			if j >= i {
				j++
			}
			if err := books[i].Merge(books[j]); err != nil {
				t.Fatalf("seed %d: %v", seed, err)
			}
			books = slices.Delete(books, j, j+1)
		}
		got := books[0]
		for _, a := range later {
			if err := got.Amend(a); err != nil {
				t.Fatal(err)
			}
		}
		if diff := cmp.Diff(want, viewOf(t, got, es)); diff != "" {
			t.Fatalf("seed %d: the merged book mismatch (-want +got):\n%s", seed, diff)
		}
		var back Book
		if err := json.Unmarshal([]byte(want.JSON), &back); err != nil {
			t.Fatalf("seed %d: %v", seed, err)
		}
		if diff := cmp.Diff(want, viewOf(t, &back, es)); diff != "" {
			t.Fatalf("seed %d: the book read back mismatch (-want +got):\n%s", seed, diff)
		}
		var all []Evaluation
		for e := range got.All() {
			all = append(all, e)
		}
		slices.SortFunc(all, func(x, y Evaluation) int { return keyCmp(&x, &y) })
		if diff := cmp.Diff(got.Evaluations(), all); diff != "" {
			t.Fatalf("seed %d: All mismatch (-want +got):\n%s", seed, diff)
		}
	}
}
