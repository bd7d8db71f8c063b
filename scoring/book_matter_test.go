package scoring_test

import (
	"cmp"
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	gocmp "github.com/google/go-cmp/cmp"
	"github.com/qingdan/qingdan/scoring/reason"
	"github.com/shopspring/decimal"

	"github.com/qingdan/qingdan/matters/workday"
	"github.com/qingdan/qingdan/scoring"
)

func TestBookMatter(t *testing.T) {
	cst := workday.CST()
	at := func(h int) time.Time { return time.Date(2020, 6, 1, 8+h, 0, 0, 0, cst) }
	res := func(g string, p int64) scoring.Result {
		return scoring.Result{Grade: g, Points: decimal.NewFromInt(p), Policy: "p-1", Reasons: reason.Texts("why " + g)}
	}
	ev := func(m, s, v string, stage, h int, r scoring.Result) scoring.Evaluation {
		return scoring.Evaluation{Matter: m, Subject: s, Evaluator: v, Stage: stage, At: at(h), Result: r}
	}
	am := func(e scoring.Evaluation, h int, r scoring.Result, by string) scoring.Amendment {
		e.At, e.Result = at(h), r
		return scoring.Amendment{Evaluation: e, Author: by, Reason: "回访不满意"}
	}
	stage1 := ev("M1", "D1", "S1", 1, 1, res("good", 85))
	final1 := ev("M1", "D1", "S1", 2, 5, res("excellent", 100))
	final2 := ev("M1", "D2", "S1", 2, 5, res("excellent", 100))
	owner := ev("M1", "S1", "H", 0, 5, res("good", 85))
	other := ev("M2", "D1", "S1", 0, 3, res("poor", 40))
	late := am(final1, 9, res("fair", 70), "S1")
	later := am(final1, 10, res("poor", 40), "S1")
	ownerAm := am(owner, 9, res("fair", 70), "H")

	book := scoring.NewBook(nil)
	for _, e := range []scoring.Evaluation{final2, other, owner, final1, stage1} {
		if err := book.Record(e); err != nil {
			t.Fatal(err)
		}
	}
	for _, a := range []scoring.Amendment{later, ownerAm, late} {
		if err := book.Amend(a); err != nil {
			t.Fatal(err)
		}
	}
	counted := func(e scoring.Evaluation, r scoring.Result) scoring.Evaluation { e.Result = r; return e }
	for _, tc := range []struct {
		name   string
		b      *scoring.Book
		id     string
		evals  []scoring.Evaluation
		amends []scoring.Amendment
	}{
		{"a matter with stages and amendments: by time, stage, subject, evaluator; the latest amendment counts", book, "M1",
			[]scoring.Evaluation{stage1, counted(owner, ownerAm.Result), counted(final1, later.Result), final2},
			[]scoring.Amendment{late, later, ownerAm}},
		{"a matter never amended", book, "M2", []scoring.Evaluation{other}, nil},
		{"a matter the book does not hold", book, "M3", nil, nil},
		{"the empty matter", book, "", nil, nil},
		{"a nil book", nil, "M1", nil, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			evals, amends := tc.b.Matter(tc.id)
			if diff := gocmp.Diff(tc.evals, evals); diff != "" {
				t.Errorf("evaluations mismatch (-want +got):\n%s", diff)
			}
			if diff := gocmp.Diff(tc.amends, amends); diff != "" {
				t.Errorf("amendments mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// TestBookMatterAgrees: for every matter of a random book, Matter gives
// the book's evaluations of it with the last of their amendments applied
// (Evaluations and Amendments), and its amendments; whatever the order in
// which they were recorded.
func TestBookMatterAgrees(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	cst := workday.CST()
	var evals []scoring.Evaluation
	var amends []scoring.Amendment
	for m := range 40 {
		for s := range 1 + r.IntN(3) {
			for stage := range 1 + r.IntN(3) {
				e := scoring.Evaluation{Matter: fmt.Sprintf("2020-%04d", m), Subject: fmt.Sprint("D", s), Evaluator: "S1", Stage: stage,
					At: time.Date(2020, 1, 1+r.IntN(300), r.IntN(24), 0, 0, 0, cst), Result: scoring.Result{Grade: "g", Points: decimal.NewFromInt(int64(r.IntN(100)))}}
				evals = append(evals, e)
				for range r.IntN(3) {
					a := e
					a.At = a.At.Add(time.Duration(1+r.IntN(100)) * time.Hour)
					a.Result.Points = decimal.NewFromInt(int64(r.IntN(100)))
					amends = append(amends, scoring.Amendment{Evaluation: a, Author: "S1", Reason: "更正"})
				}
			}
		}
	}
	fill := func(b *scoring.Book) {
		for _, i := range r.Perm(len(evals)) {
			if err := b.Record(evals[i]); err != nil {
				t.Fatal(err)
			}
		}
		for _, i := range r.Perm(len(amends)) {
			if err := b.Amend(amends[i]); err != nil {
				t.Fatal(err)
			}
		}
	}
	b, again := scoring.NewBook(nil), scoring.NewBook(nil)
	fill(b)
	fill(again)
	type evalKey struct {
		matter, subject, evaluator string
		stage                      int
	}
	key := func(e scoring.Evaluation) evalKey { return evalKey{e.Matter, e.Subject, e.Evaluator, e.Stage} }
	last := map[evalKey]scoring.Amendment{}
	amendsOf := map[string][]scoring.Amendment{}
	for _, a := range b.Amendments() {
		last[key(a.Evaluation)] = a // ordered from the earliest to the latest
		amendsOf[a.Matter] = append(amendsOf[a.Matter], a)
	}
	want := map[string][]scoring.Evaluation{}
	for _, e := range b.Evaluations() {
		if a, ok := last[key(e)]; ok {
			e.Result = a.Result
		}
		want[e.Matter] = append(want[e.Matter], e)
	}
	for id, w := range want {
		got, gotAmends := b.Matter(id)
		slices.SortFunc(w, func(x, y scoring.Evaluation) int {
			return cmp.Or(x.At.Compare(y.At), cmp.Compare(x.Stage, y.Stage), cmp.Compare(x.Subject, y.Subject), cmp.Compare(x.Evaluator, y.Evaluator))
		})
		if diff := gocmp.Diff(w, got); diff != "" {
			t.Errorf("matter %s: evaluations mismatch (-want +got):\n%s", id, diff)
		}
		if diff := gocmp.Diff(amendsOf[id], gotAmends); diff != "" {
			t.Errorf("matter %s: amendments mismatch (-want +got):\n%s", id, diff)
		}
		e2, a2 := again.Matter(id)
		if diff := gocmp.Diff(got, e2); diff != "" {
			t.Errorf("matter %s: another recording order mismatch (-want +got):\n%s", id, diff)
		}
		if diff := gocmp.Diff(gotAmends, a2); diff != "" {
			t.Errorf("matter %s: another recording order's amendments mismatch (-want +got):\n%s", id, diff)
		}
	}
}
