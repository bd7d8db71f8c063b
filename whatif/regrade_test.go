package whatif_test

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/qingdan/qingdan/matters/workday"
	"github.com/qingdan/qingdan/scoring"
	"github.com/qingdan/qingdan/scoring/reason"
	"github.com/qingdan/qingdan/whatif"
	"github.com/shopspring/decimal"
)

var whatIfScale = scoring.Scale{
	{Code: "excellent", Points: decimal.NewFromInt(100)},
	{Code: "fair", Points: decimal.NewFromInt(70)},
}

// lenient grades a response within its limit excellent; strict asks for
// half the limit.
func whatIfTables() (lenient, strict *scoring.Table) {
	yes := true
	half := decimal.RequireFromString("0.5")
	lenient = &scoring.Table{Version: "lenient-1", Scale: whatIfScale, Rules: []scoring.TableRule{
		{Name: "on time", Grade: "excellent", ResponseOnTime: &yes},
		{Name: "otherwise", Grade: "fair"},
	}}
	strict = &scoring.Table{Version: "strict-1", Scale: whatIfScale, Rules: []scoring.TableRule{
		{Name: "within half the limit", Grade: "excellent", Responded: &yes, ResponseAtMost: &half},
		{Name: "otherwise", Grade: "fair"},
	}}
	return lenient, strict
}

// whatIfYear is n matters of 4 units, each answered after (i mod 5) of 4
// hours, recorded under lenient in March 2026.
func whatIfYear(t testing.TB, n int) (*scoring.Book, []scoring.Facts) {
	lenient, _ := whatIfTables()
	book := scoring.NewBook(nil)
	facts := make([]scoring.Facts, n)
	for i := range facts {
		facts[i] = scoring.Facts{Matter: fmt.Sprint("M", i), Subject: fmt.Sprint("unit", i%4), Evaluator: "s", Final: true,
			Responded: true, Response: time.Duration(i%5) * time.Hour, ResponseLimit: 4 * time.Hour}
		r, err := lenient.Evaluate(facts[i])
		if err != nil {
			t.Fatal(err)
		}
		if err := book.Record(facts[i].Evaluation(time.Date(2026, 3, 2, 9, 0, 0, i, workday.CST()), r)); err != nil {
			t.Fatal(err)
		}
	}
	return book, facts
}

func TestRegrade(t *testing.T) {
	lenient, strict := whatIfTables()
	book, facts := whatIfYear(t, 40)
	// An amendment: the recorded grade that counts is the amended one.
	amended := facts[0].Evaluation(time.Date(2026, 3, 3, 9, 0, 0, 0, workday.CST()), scoring.Result{Grade: "fair", Points: decimal.NewFromInt(70), Policy: "manual", Reasons: reason.Texts("complaint")})
	if err := book.Amend(scoring.Amendment{Evaluation: amended, Author: "审核", Reason: "投诉"}); err != nil {
		t.Fatal(err)
	}
	before, err := book.MarshalJSON()
	if err != nil {
		t.Fatal(err)
	}
	got, err := whatif.Regrade(book, facts, strict, scoring.Year(2026))
	if err != nil {
		t.Fatal(err)
	}
	var was scoring.Book
	if err := was.UnmarshalJSON(before); err != nil {
		t.Fatal(err)
	}
	sameBook(t, "the recorded book after Regrade", &was, book)

	// Recompute the changes independently: grade each facts under both
	// tables (the amended one as amended).
	var want []whatif.Change
	for i, f := range facts {
		old, _ := lenient.Evaluate(f)
		if i == 0 {
			old = amended.Result
		}
		nw, _ := strict.Evaluate(f)
		if old.Grade != nw.Grade {
			want = append(want, whatif.Change{Matter: f.Matter, Subject: f.Subject, Evaluator: f.Evaluator, Old: old, New: nw})
		}
	}
	// Responses of 3 and 4 hours (i mod 5 = 3, 4) were on time but not
	// within half the limit: 16 of 40; and M0, amended to fair, answered
	// at once, so strict grades it excellent: 17.
	if len(want) != 17 {
		t.Fatalf("the independent count found %d changes, want 17", len(want))
	}
	byMatter := func(cs []whatif.Change) map[string]whatif.Change {
		m := map[string]whatif.Change{}
		for _, c := range cs {
			m[c.Matter] = c
		}
		return m
	}
	if diff := cmp.Diff(byMatter(want), byMatter(got.Changes)); diff != "" {
		t.Errorf("changes mismatch (-want +got):\n%s", diff)
	}
	// The rule on each side is in the Reasons.
	c := got.Changes[1] // the first after the amended M0
	if c.Old.Policy != "lenient-1" || c.New.Policy != "strict-1" || c.Old.Reasons[0].String()[:len(`rule 1 "on time"`)] != `rule 1 "on time"` {
		t.Errorf("first change %+v: want the lenient rule 1 on the old side and the strict policy on the new", c)
	}
	// Every subject's composite moves (its 3- and 4-hour answers drop
	// from 100 to 70); the what-if book agrees with its own scores.
	if len(got.Subjects) != 4 {
		t.Errorf("%d subjects changed, want 4: %+v", len(got.Subjects), got.Subjects)
	}
	scores := map[string]scoring.Score{}
	for _, sc := range book.Scores(scoring.Year(2026)) {
		scores[sc.Subject] = sc
	}
	newScores := map[string]scoring.Score{}
	for _, sc := range got.Book.Scores(scoring.Year(2026)) {
		newScores[sc.Subject] = sc
	}
	for _, sc := range got.Subjects {
		if diff := cmp.Diff(scores[sc.Subject], sc.Old); diff != "" {
			t.Errorf("%s: old score mismatch (-want +got):\n%s", sc.Subject, diff)
		}
		if diff := cmp.Diff(newScores[sc.Subject], sc.New); diff != "" {
			t.Errorf("%s: new score mismatch (-want +got):\n%s", sc.Subject, diff)
		}
	}
	if got.Book.Len() != book.Len() {
		t.Errorf("what-if book holds %d evaluations, want %d", got.Book.Len(), book.Len())
	}
	// Regrading under the same policy changes nothing but the amendment.
	same, err := whatif.Regrade(book, facts, lenient, scoring.Year(2026))
	if err != nil || len(same.Changes) != 1 || same.Changes[0].Matter != "M0" {
		t.Errorf("Regrade under the recorded policy: %v, %v; want only the amended M0", same.Changes, err)
	}
}

func TestRegradeErrors(t *testing.T) {
	_, strict := whatIfTables()
	book, facts := whatIfYear(t, 3)
	reversed := slices.Clone(facts)
	slices.Reverse(reversed)
	for _, tc := range []struct {
		name  string
		facts []scoring.Facts
		e     scoring.Evaluator
		want  error
		says  string // the evaluation named
	}{
		{"missing facts", facts[:2], strict, whatif.ErrInvalid, `no facts for the evaluation of matter "M2"`},
		{"missing facts, out of order", reversed[:2], strict, whatif.ErrInvalid, `no facts for the evaluation of matter "M0"`},
		{"two facts for one evaluation, after the others", append(slices.Clone(facts), facts[1]), strict, whatif.ErrInvalid, `two facts for the evaluation of matter "M1"`},
		{"two facts for one evaluation, out of order", append([]scoring.Facts{facts[2]}, facts...), strict, whatif.ErrInvalid, `two facts for the evaluation of matter "M2"`},
		{"a refusing policy", facts, &scoring.Table{}, scoring.ErrNoRule, `regrade of matter "M0", subject "unit0"`},
		{"a policy that evaluates nothing", facts, scoring.First(), whatif.ErrInvalid, `regrade of matter "M0", subject "unit0", evaluator "s", stage 0: not evaluated`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := whatif.Regrade(book, tc.facts, tc.e, scoring.Year(2026))
			if !errors.Is(err, tc.want) || !strings.Contains(fmt.Sprint(err), tc.says) {
				t.Errorf("error %v, want %v naming %s", err, tc.want, tc.says)
			}
			if got.Book != nil || got.Changes != nil || got.Subjects != nil {
				t.Errorf("with an error, a report %+v; want none", got)
			}
		})
	}
	got, err := whatif.Regrade(scoring.NewBook(nil), facts, strict, scoring.Year(2026))
	if err != nil || len(got.Changes) != 0 || len(got.Subjects) != 0 || got.Book.Len() != 0 {
		t.Errorf("an empty book: %+v, %v; want nothing", got, err)
	}
}

// TestRegradeOrder checks that the report does not depend on the order of
// the facts, nor on facts that match no evaluation.
func TestRegradeOrder(t *testing.T) {
	_, strict := whatIfTables()
	book, facts := whatIfYear(t, 60)
	want, err := whatif.Regrade(book, facts, strict, scoring.Year(2026))
	if err != nil {
		t.Fatal(err)
	}
	stray := scoring.Facts{Matter: "elsewhere", Subject: "unit0", Evaluator: "s", Final: true}
	r := rand.New(rand.NewPCG(1, 2))
	for round := range 20 {
		shuffled := append(slices.Clone(facts), stray)
		switch round {
		case 0: // in order, a stray at the end
		case 1:
			slices.Reverse(shuffled)
		default:
			r.Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
		}
		got, err := whatif.Regrade(book, shuffled, strict, scoring.Year(2026))
		if err != nil {
			t.Fatalf("round %d: %v", round, err)
		}
		if diff := cmp.Diff(want.Changes, got.Changes); diff != "" {
			t.Errorf("round %d: changes mismatch (-want +got):\n%s", round, diff)
		}
		if diff := cmp.Diff(want.Subjects, got.Subjects); diff != "" {
			t.Errorf("round %d: subjects mismatch (-want +got):\n%s", round, diff)
		}
		sameBook(t, fmt.Sprintf("round %d: the what-if book", round), want.Book, got.Book)
	}
}

// TestRegradeCompiles: Regrade grades a *scoring.Table compiled, into one
// reused Result; the report is the one the table's own Evaluate gives,
// each change's Result its own.
func TestRegradeCompiles(t *testing.T) {
	lenient, strict := whatIfTables()
	book, facts := whatIfYear(t, 60)
	for _, tb := range []*scoring.Table{strict, lenient} {
		compiled, err := whatif.Regrade(book, facts, tb, scoring.Year(2026))
		if err != nil {
			t.Fatal(err)
		}
		plain, err := whatif.Regrade(book, facts, scoring.EvaluatorFunc(tb.Evaluate), scoring.Year(2026))
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(plain.Changes, compiled.Changes); diff != "" {
			t.Errorf("%s: changes mismatch (-want +got):\n%s", tb.Version, diff)
		}
		if diff := cmp.Diff(plain.Subjects, compiled.Subjects); diff != "" {
			t.Errorf("%s: subjects mismatch (-want +got):\n%s", tb.Version, diff)
		}
		sameBook(t, tb.Version+": the what-if book", plain.Book, compiled.Book)
	}
}

// sameBook fails unless got holds want's evaluations and amendments and
// writes the same JSON, reporting a mismatch (-want +got) of what
// differs; what names the book.
func sameBook(t *testing.T, what string, want, got *scoring.Book) {
	t.Helper()
	same := true
	if diff := cmp.Diff(want.Evaluations(), got.Evaluations()); diff != "" {
		t.Errorf("%s: evaluations mismatch (-want +got):\n%s", what, diff)
		same = false
	}
	if diff := cmp.Diff(want.Amendments(), got.Amendments()); diff != "" {
		t.Errorf("%s: amendments mismatch (-want +got):\n%s", what, diff)
		same = false
	}
	w, werr := want.MarshalJSON()
	g, gerr := got.MarshalJSON()
	if werr != nil || gerr != nil {
		t.Fatalf("%s: writing the books: %v, %v", what, werr, gerr)
	}
	if diff := cmp.Diff(string(w), string(g)); same && diff != "" {
		t.Errorf("%s: JSON mismatch (-want +got):\n%s", what, diff)
	}
}
