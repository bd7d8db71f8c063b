package whatif_test

import (
	"bytes"
	"cmp"
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	gocmp "github.com/google/go-cmp/cmp"
	"github.com/qingdan/qingdan/locality/wuhu"
	"github.com/qingdan/qingdan/matters"
	"github.com/qingdan/qingdan/matters/workday"
	"github.com/qingdan/qingdan/scoring"
	"github.com/qingdan/qingdan/scoring/reason"
	"github.com/qingdan/qingdan/whatif"
	"github.com/shopspring/decimal"
)

// randomFacts returns the facts of a random history: matters answered by
// up to three units for up to two evaluators, each graded once or in
// stages (1…k, then the final), with figures that the tables below grade
// apart, and for each the time it was graded, some in 2025.
func randomFacts(r *rand.Rand) ([]scoring.Facts, []time.Time) {
	var fs []scoring.Facts
	var ats []time.Time
	hours := func(n int) time.Duration { return time.Duration(r.IntN(n)) * time.Hour }
	for m := range 1 + r.IntN(25) {
		for s := range 1 + r.IntN(3) {
			for e := range 1 + r.IntN(2) {
				stages := 0
				if r.IntN(4) == 0 {
					stages = 1 + r.IntN(3)
				}
				for k := 1; k <= stages+1; k++ {
					f := scoring.Facts{Matter: fmt.Sprint("M", m), Subject: fmt.Sprint("unit", s), Evaluator: fmt.Sprint("街道", e),
						Responded: r.IntN(8) > 0, Response: hours(10), ResponseLimit: 4 * time.Hour,
						Resolution: hours(120), ResolutionLimit: 48 * time.Hour, Quality: r.IntN(6),
						Returned: r.IntN(6) == 0, Supervised: r.IntN(3), Urged: r.IntN(2)}
					if sat := r.IntN(3); sat < 2 {
						f.Satisfied = new(sat == 0)
					}
					switch {
					case stages == 0:
						f.Final, f.Resolved = true, true
					case k <= stages:
						f.Stage = k
					default:
						f.Stage, f.Final, f.Resolved = stages, true, true
					}
					fs = append(fs, f)
					ats = append(ats, time.Date(2025+r.IntN(2), time.Month(1+r.IntN(12)), 1+r.IntN(28), 9, 0, 0, r.IntN(1000), workday.CST()))
				}
			}
		}
	}
	return fs, ats
}

// graded returns the evaluation of f under e at at.
func graded(t *testing.T, e scoring.Evaluator, f scoring.Facts, at time.Time) scoring.Evaluation {
	t.Helper()
	res, err := e.Evaluate(f)
	if err != nil || res.IsZero() {
		t.Fatalf("%T grades %+v: %+v, %v", e, f, res, err)
	}
	return f.Evaluation(at, res)
}

// afresh returns a book of the evaluations of fs under e at ats, recorded
// in a random order.
func afresh(t *testing.T, r *rand.Rand, e scoring.Evaluator, fs []scoring.Facts, ats []time.Time) *scoring.Book {
	t.Helper()
	b := scoring.NewBook(nil)
	for _, i := range r.Perm(len(fs)) {
		if err := b.Record(graded(t, e, fs[i], ats[i])); err != nil {
			t.Fatal(err)
		}
	}
	return b
}

// wantChanges returns the changes between old, the Results that count
// (amendments applied), and the evaluations of book, ordered by key.
func wantChanges(old map[string]scoring.Result, book *scoring.Book) []whatif.Change {
	var out []whatif.Change
	for _, ev := range book.Evaluations() {
		o := old[fmt.Sprint(ev.Matter, "/", ev.Subject, "/", ev.Evaluator, "/", ev.Stage)]
		if o.Grade != ev.Result.Grade || !o.Points.Equal(ev.Result.Points) {
			out = append(out, whatif.Change{Matter: ev.Matter, Subject: ev.Subject, Evaluator: ev.Evaluator, Stage: ev.Stage, Old: o, New: ev.Result})
		}
	}
	return out
}

// wantSubjects returns the subjects whose score in p differs between old
// and new, ordered by subject.
func wantSubjects(old, new *scoring.Book, p scoring.Period) []whatif.SubjectChange {
	by := map[string]*whatif.SubjectChange{}
	for _, s := range old.Scores(p) {
		by[s.Subject] = &whatif.SubjectChange{Subject: s.Subject, Old: s}
	}
	for _, s := range new.Scores(p) {
		if by[s.Subject] == nil {
			by[s.Subject] = &whatif.SubjectChange{Subject: s.Subject}
		}
		by[s.Subject].New = s
	}
	var out []whatif.SubjectChange
	for _, c := range by {
		if c.Old.Rank != c.New.Rank || !c.Old.Composite.Equal(c.New.Composite) {
			out = append(out, *c)
		}
	}
	slices.SortFunc(out, func(a, b whatif.SubjectChange) int { return cmp.Compare(a.Subject, b.Subject) })
	return out
}

// keyString is an evaluation's key in the maps above.
func keyString(ev *scoring.Evaluation) string {
	return fmt.Sprint(ev.Matter, "/", ev.Subject, "/", ev.Evaluator, "/", ev.Stage)
}

// TestRegradeIsGradingAfresh: over random histories, recorded in a random
// order under one table, some evaluations amended, and regraded under
// another from the facts in another random order, the what-if book is the
// book the other table grades afresh, the changes are each evaluation
// whose counting grade or points the other table changes, and the subjects
// those whose composite or rank in the period moves.
func TestRegradeIsGradingAfresh(t *testing.T) {
	old := wuhu.Table()
	old.Version, old.Rules[5].Supervised, old.Rules[6].Supervised = "wuhu-2020.1", nil, nil // as the package doc describes it
	_, strict := journalTables()
	r := rand.New(rand.NewPCG(5, 6))
	changes, subjects := 0, 0
	for round := range 16 {
		fs, ats := randomFacts(r)
		from, to := scoring.Evaluator(old), scoring.Evaluator(wuhu.Table())
		if round%2 == 1 {
			from, to = wuhu.Table(), strict
		}
		recorded := afresh(t, r, from, fs, ats)
		counts := map[string]scoring.Result{}
		for _, ev := range recorded.Evaluations() {
			counts[keyString(&ev)] = ev.Result
		}
		for _, i := range r.Perm(len(fs))[:len(fs)/5] {
			ev := fs[i].Evaluation(ats[i].Add(time.Hour), scoring.Result{Grade: "poor", Points: decimal.NewFromInt(40), Policy: "manual", Reasons: reason.Texts("复核")})
			if err := recorded.Amend(scoring.Amendment{Evaluation: ev, Author: "审核", Reason: "投诉"}); err != nil {
				t.Fatal(err)
			}
			counts[keyString(&ev)] = ev.Result
		}
		facts := slices.Clone(fs)
		r.Shuffle(len(facts), func(i, j int) { facts[i], facts[j] = facts[j], facts[i] })
		p := scoring.Year(2026)
		got, err := whatif.Regrade(recorded, facts, to, p)
		if err != nil {
			t.Fatalf("round %d: %v", round, err)
		}
		fresh := afresh(t, r, to, fs, ats)
		sameBook(t, fmt.Sprintf("round %d: the what-if book against the book graded afresh", round), fresh, got.Book)
		if diff := gocmp.Diff(wantChanges(counts, fresh), got.Changes); diff != "" {
			t.Errorf("round %d: changes mismatch (-want +got):\n%s", round, diff)
		}
		if diff := gocmp.Diff(wantSubjects(recorded, fresh, p), got.Subjects); diff != "" {
			t.Errorf("round %d: subjects mismatch (-want +got):\n%s", round, diff)
		}
		changes, subjects = changes+len(got.Changes), subjects+len(got.Subjects)
	}
	if changes == 0 || subjects == 0 {
		t.Errorf("16 rounds changed %d evaluations and %d subjects; want some of each", changes, subjects)
	}
}

// TestRegradeJournalIsGradingAfresh: a journal regraded under another
// table and another calendar (working hours 09:00–17:00 instead of the
// whole day) is each evaluation graded afresh under them on its matter as
// it stood when it was graded, its quality judgement added.
func TestRegradeJournalIsGradingAfresh(t *testing.T) {
	_, strict := journalTables()
	span, err := workday.ParseSpan("09:00-17:00")
	if err != nil {
		t.Fatal(err)
	}
	office, err := workday.New(workday.Config{Hours: []workday.Span{span}})
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range []int{1, 7, 30} {
		y := journalYear(t, n)
		source := func(cal *workday.Calendar) whatif.Source {
			base := whatif.FactsFor(cal, routeOf)
			return func(m *matters.Matter, ev scoring.Evaluation) (scoring.Facts, error) {
				f, err := base(m, ev)
				f.Quality = y.quality[ev.Matter+"/"+ev.Subject+"/"+fmt.Sprint(ev.Stage)]
				return f, err
			}
		}
		got, err := whatif.RegradeJournal(bytes.NewReader(y.log), nil, source(office), strict, scoring.Year(2026))
		if err != nil {
			t.Fatal(err)
		}
		fresh := scoring.NewBook(nil)
		moved := 0
		for i, live := range y.facts {
			m, err := matters.Replay(y.asOf[i])
			if err != nil {
				t.Fatal(err)
			}
			f, err := scoring.FactsFor(office, m, live.Subject, journalRoute)
			if err != nil {
				t.Fatal(err)
			}
			f.Quality = live.Quality
			if f.Resolution != live.Resolution || f.Response != live.Response {
				moved++
			}
			if err := fresh.Record(graded(t, strict, f, y.at[i])); err != nil {
				t.Fatal(err)
			}
		}
		if n > 1 && (moved == 0 || len(got.Changes) == 0) {
			t.Fatalf("%d matters: office hours change %d clocks, the report %d grades; want some", n, moved, len(got.Changes))
		}
		sameBook(t, fmt.Sprintf("%d matters: the what-if book against the book graded afresh", n), fresh, got.Book)
		counts := map[string]scoring.Result{}
		for _, ev := range y.book.Evaluations() {
			counts[keyString(&ev)] = ev.Result
		}
		counts[keyString(&y.amended.Evaluation)] = y.amended.Result
		if diff := gocmp.Diff(wantChanges(counts, fresh), got.Changes); diff != "" {
			t.Errorf("%d matters: changes mismatch (-want +got):\n%s", n, diff)
		}
		if diff := gocmp.Diff(wantSubjects(y.book, fresh, scoring.Year(2026)), got.Subjects); diff != "" {
			t.Errorf("%d matters: subjects mismatch (-want +got):\n%s", n, diff)
		}
	}
}
