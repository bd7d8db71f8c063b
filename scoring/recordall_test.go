package scoring

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"
)

// These tests check that RecordAll records as Record does, one
// evaluation after another, and returns Record's errors.

// raPools are the values random evaluations draw from.
var (
	raTimes = []time.Time{june, june.Add(time.Hour), Year(2021).From, y1700, y2300, year1,
		time.Unix(-nanoEdge, 0), time.Unix(-nanoEdge+1, 5), time.Unix(nanoEdge-1, 999_999_999), time.Unix(nanoEdge, 1)}
	raPoints = []string{"85", "70", "40", "100", "0", "-0.5", "12.345678", "0.0000001", "1e30",
		"4611686018427.387904", "-4611686018427.387905", "9223372036854.775807"}
	raReasons = [][]string{nil, {"r"}, {"r"}, {"r", "s"}, {"很好"}, {""}}
	raPeriods = []Period{Year(2020), Year(2021), {From: encFarPast, To: encFarFuture},
		{From: time.Date(1700, 1, 1, 0, 0, 0, 0, cst), To: time.Date(1830, 1, 1, 0, 0, 0, 0, cst)},
		{From: time.Unix(nanoEdge-1, 999_999_999), To: y2300.Add(1)}}
)

// raGen makes random evaluations, some of them invalid, some repeating
// earlier ones.
type raGen struct {
	r     *rand.Rand
	seen  []Evaluation
	clean bool // only valid evaluations of new matters
	n     int
}

func (g *raGen) evaluation() Evaluation {
	r := g.r
	if !g.clean && len(g.seen) > 0 && r.IntN(8) == 0 {
		e := g.seen[r.IntN(len(g.seen))] // the same evaluation again
		if r.IntN(2) == 0 {
			e.Result.Points = e.Result.Points.Add(decimal.NewFromInt(1)) // the same key, another result
		}
		return e
	}
	grade := DefaultScale()[r.IntN(4)].Code
	e := Evaluation{
		Matter:    fmt.Sprint("M", r.IntN(12)),
		Subject:   fmt.Sprint("D", r.IntN(4)),
		Evaluator: fmt.Sprint("S", r.IntN(2)),
		Stage:     r.IntN(3),
		At:        raTimes[r.IntN(len(raTimes))].Add(time.Duration(r.IntN(3))),
		Result: Result{Grade: grade, Points: decimal.RequireFromString(raPoints[r.IntN(len(raPoints))]),
			Policy: []string{"p", "q"}[r.IntN(2)], Reasons: raReasons[r.IntN(len(raReasons))]},
	}
	if r.IntN(9) == 0 {
		e.Matter = "事项" + e.Matter
	}
	if g.clean {
		g.n++
		e.Matter += fmt.Sprint("-", g.n)
	}
	if !g.clean && r.IntN(6) == 0 {
		switch r.IntN(12) {
		case 0:
			e.Matter = ""
		case 1:
			e.Subject = ""
		case 2:
			e.Evaluator = ""
		case 3:
			e.Stage = -1 - r.IntN(3)
		case 4:
			e.Stage = 1 << 31
		case 5:
			e.At = time.Time{}
		case 6:
			e.Result.Grade = ""
		case 7:
			e.Matter += "\xff"
		case 8:
			e.Subject = "\xfe" + e.Subject
		case 9:
			e.Result.Reasons = []string{"ok", "bad \xc3"}
		case 10:
			e.Result.Policy = "\xff"
		case 11:
			e.Matter, e.At = "", time.Time{} // two problems at once
		}
	}
	g.seen = append(g.seen, e)
	return e
}

func (g *raGen) batch(n int) []Evaluation {
	es := make([]Evaluation, n)
	for i := range es {
		es[i] = g.evaluation()
	}
	return es
}

// raSameBook reports how two books differ through the API.
func raSameBook(t *testing.T, what string, want, got *Book) {
	t.Helper()
	if diff := cmp.Diff(want.Evaluations(), got.Evaluations()); diff != "" {
		t.Fatalf("%s: Evaluations() mismatch (-want +got):\n%s", what, diff)
	}
	if diff := cmp.Diff(want.Amendments(), got.Amendments()); diff != "" {
		t.Fatalf("%s: Amendments() mismatch (-want +got):\n%s", what, diff)
	}
	for _, p := range raPeriods {
		if diff := cmp.Diff(want.Scores(p), got.Scores(p)); diff != "" {
			t.Fatalf("%s: Scores(%v – %v) mismatch (-want +got):\n%s", what, p.From, p.To, diff)
		}
	}
	wj, werr := want.MarshalJSON()
	gj, gerr := got.MarshalJSON()
	if werr != nil || gerr != nil || string(wj) != string(gj) {
		t.Fatalf("%s: MarshalJSON = %s, %v; want %s, %v", what, gj, gerr, wj, werr)
	}
}

// raCheckErr checks RecordAll's error against Record's errors for the
// same evaluations, in order.
func raCheckErr(t *testing.T, what string, got error, want []error) {
	t.Helper()
	if len(want) == 0 {
		if got != nil {
			t.Fatalf("%s: RecordAll = %v, want nil", what, got)
		}
		return
	}
	if got == nil {
		t.Fatalf("%s: RecordAll = nil, want %d errors", what, len(want))
	}
	j, ok := got.(interface{ Unwrap() []error })
	if !ok {
		t.Fatalf("%s: RecordAll's error %T does not join errors", what, got)
	}
	var wantMsgs []string
	for _, err := range want[:min(10, len(want))] {
		wantMsgs = append(wantMsgs, err.Error())
	}
	if len(want) > 10 {
		wantMsgs = append(wantMsgs, fmt.Sprintf("and %d more evaluations rejected", len(want)-10))
	}
	var gotMsgs []string
	for _, err := range j.Unwrap() {
		gotMsgs = append(gotMsgs, err.Error())
	}
	if diff := cmp.Diff(wantMsgs, gotMsgs); diff != "" {
		t.Fatalf("%s: RecordAll's errors mismatch (-want +got):\n%s", what, diff)
	}
	for _, sentinel := range []error{ErrDuplicate, ErrInvalid, ErrNotFound} {
		wantIs := slices.ContainsFunc(want[:min(10, len(want))], func(err error) bool { return errors.Is(err, sentinel) })
		if errors.Is(got, sentinel) != wantIs {
			t.Fatalf("%s: errors.Is(RecordAll's error, %v) = %v, want %v", what, sentinel, !wantIs, wantIs)
		}
	}
}

// TestRecordAllIsRecord checks, for random batches, that RecordAll makes
// the same book as Record called for each evaluation in turn, and returns
// Record's errors.
func TestRecordAllIsRecord(t *testing.T) {
	sizes := []int{0, 1, 15, 16, 17, 31, 32, 33, 47, 70, 100}
	var sawNil, sawMore, sawDup, sawInvalid bool
	for seed := range uint64(24) {
		r := rand.New(rand.NewPCG(seed, 0x5eed))
		g := &raGen{r: r}
		all, one := &Book{}, &Book{} // zero books: the first batch creates the index
		if seed%2 == 1 {
			all, one = NewBook(), NewBook()
			if err := all.RecordAll(nil); err != nil {
				t.Fatalf("RecordAll(nil) = %v", err)
			}
		}
		for round := range 5 {
			what := fmt.Sprintf("seed %d, round %d", seed, round)
			n := sizes[r.IntN(len(sizes))]
			if round == 0 {
				n = 17 + r.IntN(40) // a first batch into an empty book, past one group
			}
			g.clean = round == 2
			batch := g.batch(n)
			keep := slices.Clone(batch)
			var want []error
			for _, e := range batch {
				if err := one.Record(e); err != nil {
					want = append(want, err)
				}
			}
			got := all.RecordAll(batch)
			raCheckErr(t, what, got, want)
			if diff := cmp.Diff(keep, batch); diff != "" {
				t.Fatalf("%s: RecordAll changed its argument (-before +after):\n%s", what, diff)
			}
			sawNil = sawNil || got == nil && n > 16
			sawMore = sawMore || len(want) > 10
			sawDup = sawDup || errors.Is(got, ErrDuplicate)
			sawInvalid = sawInvalid || errors.Is(got, ErrInvalid)
			raSameBook(t, what, one, all)

			// An amendment of some evaluation, in both books.
			if es := one.Evaluations(); len(es) > 0 {
				e := es[r.IntN(len(es))]
				a := Amendment{Evaluation: e, Author: "a", Reason: "r"}
				a.At = raTimes[r.IntN(len(raTimes))]
				a.Result = Result{Grade: "fair", Points: decimal.RequireFromString(raPoints[r.IntN(len(raPoints))])}
				if err1, err2 := one.Amend(a), all.Amend(a); fmt.Sprint(err1) != fmt.Sprint(err2) {
					t.Fatalf("%s: Amend = %v after Record, %v after RecordAll", what, err1, err2)
				}
			}
			before, _ := all.MarshalJSON()
			if err := all.RecordAll(nil); err != nil {
				t.Fatalf("%s: RecordAll(nil) = %v", what, err)
			}
			if err := all.RecordAll([]Evaluation{}); err != nil {
				t.Fatalf("%s: RecordAll([]Evaluation{}) = %v", what, err)
			}
			if after, _ := all.MarshalJSON(); string(after) != string(before) {
				t.Fatalf("%s: RecordAll(nil) changed the book", what)
			}
		}
	}
	if !sawNil || !sawMore || !sawDup || !sawInvalid {
		t.Fatalf("the batches did not cover every outcome: nil %v, more than ten %v, duplicate %v, invalid %v", sawNil, sawMore, sawDup, sawInvalid)
	}
}

// TestRecordAllErrorTail checks the error of a batch with more than ten
// rejected evaluations, and of exactly ten.
func TestRecordAllErrorTail(t *testing.T) {
	for _, bad := range []int{1, 5, 6, 37} { // twice as many rejected
		t.Run(fmt.Sprint(bad, " rejected"), func(t *testing.T) {
			b := NewBook()
			var es []Evaluation
			var want []error
			for i := range bad {
				e := encEval(fmt.Sprint("M", i), "D1", "S1", 0, june, "good", "85")
				es = append(es, e, e) // the second is a duplicate
				e.Stage = -1
				es = append(es, e)
			}
			ref := NewBook()
			for _, e := range es {
				if err := ref.Record(e); err != nil {
					want = append(want, err)
				}
			}
			if len(want) != 2*bad {
				t.Fatalf("Record rejected %d, want %d", len(want), 2*bad)
			}
			err := b.RecordAll(es)
			raCheckErr(t, "RecordAll", err, want)
			if tail := fmt.Sprintf("\nand %d more evaluations rejected", 2*bad-10); (2*bad > 10) != strings.HasSuffix(fmt.Sprint(err), tail) {
				t.Errorf("RecordAll = %q, want it to end %q only past ten", err, tail)
			}
			if b.Len() != bad {
				t.Errorf("Len() = %d, want %d", b.Len(), bad)
			}
		})
	}
}

// TestRecordAllNil checks RecordAll on a nil book and with no evaluations.
func TestRecordAllNil(t *testing.T) {
	var nilBook *Book
	if err := nilBook.RecordAll(nil); err != nil {
		t.Errorf("nil book: RecordAll(nil) = %v, want nil", err)
	}
	if err := nilBook.RecordAll([]Evaluation{}); err != nil {
		t.Errorf("nil book: RecordAll([]Evaluation{}) = %v, want nil", err)
	}
	one := encEval("M1", "D1", "S1", 0, june, "good", "85")
	if err := nilBook.RecordAll([]Evaluation{one}); !errors.Is(err, ErrInvalid) {
		t.Errorf("nil book: RecordAll(one evaluation) = %v, want ErrInvalid", err)
	}
	if err := nilBook.RecordAll([]Evaluation{{}}); !errors.Is(err, ErrInvalid) {
		t.Errorf("nil book: RecordAll(Evaluation{}) = %v, want ErrInvalid", err)
	}
	b := NewBook()
	if err := b.Record(one); err != nil {
		t.Fatal(err)
	}
	before, _ := b.MarshalJSON()
	for _, es := range [][]Evaluation{nil, {}} {
		if err := b.RecordAll(es); err != nil {
			t.Errorf("RecordAll(%#v) = %v, want nil", es, err)
		}
	}
	if after, _ := b.MarshalJSON(); string(after) != string(before) {
		t.Errorf("RecordAll of nothing changed the book: %s, was %s", after, before)
	}
	var zero Book
	if err := zero.RecordAll(nil); err != nil || zero.Len() != 0 {
		t.Errorf("zero book: RecordAll(nil) = %v, Len %d", err, zero.Len())
	}
}
