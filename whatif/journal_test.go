package whatif_test

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/qingdan/qingdan/scoring/reason"
	"github.com/shopspring/decimal"

	"github.com/qingdan/qingdan/grading"
	"github.com/qingdan/qingdan/journal"
	"github.com/qingdan/qingdan/locality/wuhu"
	"github.com/qingdan/qingdan/matters"
	"github.com/qingdan/qingdan/matters/workday"
	"github.com/qingdan/qingdan/scoring"
	"github.com/qingdan/qingdan/whatif"
)

// journalTables: lenient grades a response within its limit excellent;
// strict asks for half the limit and a quality of 4.
func journalTables() (lenient, strict *scoring.Table) {
	lenient, strict = whatIfTables()
	strict.Rules[0].Name, strict.Rules[0].QualityMin = "quick and good", 4
	return lenient, strict
}

var journalRoute = matters.Route{Type: "噪音", Respond: 4 * time.Hour, ResolveDays: 5}

func routeOf(m *matters.Matter) (matters.Route, error) {
	if m.Type != journalRoute.Type {
		return matters.Route{}, matters.ErrNoRoute
	}
	return journalRoute, nil
}

// journaled is a year journaled as it happened: the journal, the book
// recorded live beside it, the facts each evaluation was graded on, and
// the quality judgements, which the matters' events do not hold.
type journaled struct {
	log     []byte
	book    *scoring.Book
	facts   []scoring.Facts
	quality map[string]int // by matter and subject
	amended scoring.Amendment
	asOf    [][]matters.Event // by facts: the events of the matter when they were graded
	at      []time.Time       // by facts: when they were graded
}

// journalYear journals n matters, each dispatched to a lead and a support
// unit: the lead answers after i mod 5 hours, the support unit after 1;
// every third matter has a stage, graded when reported, before the
// support unit answers; each matter is graded under lenient when
// resolved. The first final evaluation is amended.
func journalYear(t testing.TB, n int) *journaled {
	lenient, _ := journalTables()
	cal := workday.China()
	var buf bytes.Buffer
	jw := journal.NewWriter(&buf, nil)
	y := &journaled{book: scoring.NewBook(nil), quality: map[string]int{}}
	for i := range n {
		id := fmt.Sprintf("M%03d", i)
		start := time.Date(2026, 3, 2+i%20, 9, 0, 0, 0, workday.CST())
		lead, support := fmt.Sprint("unit", i%3), "unit9"
		m := &matters.Matter{}
		apply := func(e matters.Event) {
			e.Matter, e.Seq = id, len(m.Events)+1
			if err := m.Apply(e); err != nil {
				t.Fatalf("%s: %v", id, err)
			}
			if _, err := jw.AppendEvent(e); err != nil {
				t.Fatal(err)
			}
		}
		grade := func(unit string, at time.Time) {
			f, err := scoring.FactsFor(cal, m, unit, journalRoute)
			if err != nil {
				t.Fatalf("%s: %v", id, err)
			}
			f.Quality = 3 + (i+len(y.facts))%3
			y.quality[id+"/"+unit+"/"+fmt.Sprint(f.Evaluation(time.Time{}, scoring.Result{}).Stage)] = f.Quality
			r, err := lenient.Evaluate(f)
			if err != nil {
				t.Fatal(err)
			}
			ev := f.Evaluation(at, r)
			record := f
			ev.Facts = &record // the decision record
			if _, err := jw.AppendEvaluation(ev); err != nil {
				t.Fatal(err)
			}
			if err := y.book.Record(ev); err != nil {
				t.Fatal(err)
			}
			y.facts = append(y.facts, f)
			y.asOf, y.at = append(y.asOf, slices.Clone(m.Events)), append(y.at, at)
		}
		apply(matters.Event{At: start, Kind: matters.Report, Actor: "城东街道", Type: "噪音"})
		apply(matters.Event{At: start, Kind: matters.Whistle, Actor: "城东街道"})
		apply(matters.Event{At: start, Kind: matters.Dispatch, Actor: "城东街道", Units: []string{lead, support}})
		apply(matters.Event{At: start.Add(time.Duration(i%5) * time.Hour), Kind: matters.Accept, Actor: lead})
		if i%3 == 0 {
			apply(matters.Event{At: start.Add(5 * time.Hour), Kind: matters.Progress, Actor: lead})
			grade(lead, start.Add(5*time.Hour))
		}
		apply(matters.Event{At: start.Add(6 * time.Hour), Kind: matters.Accept, Actor: support})
		done := start.Add(24 * time.Hour)
		apply(matters.Event{At: done, Kind: matters.Resolve, Actor: lead})
		grade(lead, done)
		grade(support, done)
		if i == 0 {
			y.amended = scoring.Amendment{Evaluation: y.facts[1].Evaluation(done.Add(time.Hour),
				scoring.Result{Grade: "fair", Points: decimal.NewFromInt(70), Policy: "manual", Reasons: reason.Texts("投诉")}),
				Author: "审核", Reason: "复核"}
			if _, err := jw.AppendAmendment(y.amended); err != nil {
				t.Fatal(err)
			}
			if err := y.book.Amend(y.amended); err != nil {
				t.Fatal(err)
			}
		}
	}
	y.log = buf.Bytes()
	return y
}

// source reads the facts off the journal's matters and adds the quality
// judgements kept beside it.
func (y *journaled) source() whatif.Source {
	base := whatif.FactsFor(workday.China(), routeOf)
	return func(m *matters.Matter, ev scoring.Evaluation) (scoring.Facts, error) {
		f, err := base(m, ev)
		f.Quality = y.quality[ev.Matter+"/"+ev.Subject+"/"+fmt.Sprint(ev.Stage)]
		return f, err
	}
}

// TestRegradeJournal checks a what-if from a journal against the facts
// graded live: the changes a direct grading of each facts under both
// tables finds, and the report Regrade gives over the live book.
func TestRegradeJournal(t *testing.T) {
	lenient, strict := journalTables()
	y := journalYear(t, 30)
	got, err := whatif.RegradeJournal(bytes.NewReader(y.log), nil, y.source(), strict, scoring.Year(2026))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]whatif.Change{}
	for _, f := range y.facts {
		old, _ := lenient.Evaluate(f)
		if f.Matter == y.amended.Matter && f.Subject == y.amended.Subject && f.Evaluation(time.Time{}, scoring.Result{}).Stage == y.amended.Stage {
			old = y.amended.Result
		}
		nw, _ := strict.Evaluate(f)
		if old.Grade != nw.Grade {
			want[fmt.Sprint(f.Matter, "/", f.Subject, "/", f.Evaluation(time.Time{}, scoring.Result{}).Stage)] = whatif.Change{Matter: f.Matter, Subject: f.Subject,
				Evaluator: f.Evaluator, Stage: f.Evaluation(time.Time{}, scoring.Result{}).Stage, Old: old, New: nw}
		}
	}
	if len(want) == 0 || len(want) == len(y.facts) {
		t.Fatalf("the year has %d changes of %d evaluations; want some, not all", len(want), len(y.facts))
	}
	gotByKey := map[string]whatif.Change{}
	for _, c := range got.Changes {
		gotByKey[fmt.Sprint(c.Matter, "/", c.Subject, "/", c.Stage)] = c
	}
	if diff := cmp.Diff(want, gotByKey); diff != "" {
		t.Errorf("changes mismatch (-want +got):\n%s", diff)
	}
	live, err := whatif.Regrade(y.book, y.facts, strict, scoring.Year(2026))
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(live.Subjects, got.Subjects); diff != "" {
		t.Errorf("subjects mismatch with the live what-if (-want +got):\n%s", diff)
	}
	sameBook(t, "the what-if book from the journal, against the live one", live.Book, got.Book)
	// The stage evaluations were graded before the support unit answered:
	// read off the whole matter, their facts would differ.
	staged := 0
	for _, f := range y.facts {
		if f.Stage > 0 && !f.Final {
			staged++
		}
	}
	if staged == 0 {
		t.Fatal("no stage evaluations in the year")
	}
}

// TestRegradeJournalRecorded regrades from the decision records the
// journal holds (Recorded): the same report as Regrade over the live book
// and facts, quality judgements included, which the journal's matters do
// not hold; an evaluation journaled without facts is refused.
func TestRegradeJournalRecorded(t *testing.T) {
	_, strict := journalTables()
	y := journalYear(t, 30)
	got, err := whatif.RegradeJournal(bytes.NewReader(y.log), nil, whatif.Recorded, strict, scoring.Year(2026))
	if err != nil {
		t.Fatal(err)
	}
	live, err := whatif.Regrade(y.book, y.facts, strict, scoring.Year(2026))
	if err != nil {
		t.Fatal(err)
	}
	if len(live.Changes) == 0 {
		t.Fatal("the year has no change")
	}
	if diff := cmp.Diff(live.Changes, got.Changes); diff != "" {
		t.Errorf("changes mismatch with the live what-if (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(live.Subjects, got.Subjects); diff != "" {
		t.Errorf("subjects mismatch with the live what-if (-want +got):\n%s", diff)
	}

	var buf bytes.Buffer
	jw := journal.NewWriter(&buf, nil)
	at := time.Date(2026, 3, 2, 9, 0, 0, 0, workday.CST())
	if _, err := jw.AppendEvent(matters.Event{Matter: "M1", Seq: 1, At: at, Kind: matters.Report, Actor: "城东街道", Type: "噪音"}); err != nil {
		t.Fatal(err)
	}
	bare := scoring.Evaluation{Matter: "M1", Subject: "unit0", Evaluator: "城东街道", At: at,
		Result: scoring.Result{Grade: "good", Points: decimal.NewFromInt(85), Policy: "manual", Reasons: reason.Texts("手评")}}
	if _, err := jw.AppendEvaluation(bare); err != nil {
		t.Fatal(err)
	}
	_, err = whatif.RegradeJournal(&buf, nil, whatif.Recorded, strict, scoring.Year(2026))
	if !errors.Is(err, whatif.ErrInvalid) || !strings.Contains(err.Error(), `"M1"`) {
		t.Errorf("RegradeJournal of an evaluation without facts: %v, want an error wrapping ErrInvalid naming M1", err)
	}
}

func TestRegradeJournalErrors(t *testing.T) {
	_, strict := journalTables()
	y := journalYear(t, 6)
	stage := func(ev scoring.Evaluation) bool { return ev.Stage == 1 }
	for _, tc := range []struct {
		name string
		log  []byte
		src  whatif.Source
		want error
		says string
	}{
		{"a torn journal", y.log[:len(y.log)-10], y.source(), journal.ErrTorn, ""},
		{"a tampered journal", bytes.Replace(y.log, []byte("unit9"), []byte("unit8"), 1), y.source(), journal.ErrTampered, ""},
		{"a failing source", y.log, func(m *matters.Matter, ev scoring.Evaluation) (scoring.Facts, error) {
			if stage(ev) {
				return scoring.Facts{}, errors.New("no quality kept")
			}
			return y.source()(m, ev)
		}, nil, `facts of the evaluation of matter "M000", subject "unit0", evaluator "城东街道", stage 1: no quality kept`},
		{"facts of another evaluation", y.log, func(m *matters.Matter, ev scoring.Evaluation) (scoring.Facts, error) {
			f, err := y.source()(m, ev)
			f.Subject = "unit7"
			return f, err
		}, whatif.ErrInvalid, `are those of matter "M000", subject "unit7"`},
		{"a route refused", y.log, whatif.FactsFor(workday.China(), func(*matters.Matter) (matters.Route, error) {
			return matters.Route{}, matters.ErrNoRoute
		}), matters.ErrNoRoute, "route of matter"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := whatif.RegradeJournal(bytes.NewReader(tc.log), nil, tc.src, strict, scoring.Year(2026))
			if err == nil || (tc.want != nil && !errors.Is(err, tc.want)) || !strings.Contains(err.Error(), tc.says) {
				t.Errorf("error %v; want %v saying %q", err, tc.want, tc.says)
			}
			if got.Book != nil {
				t.Error("a report with an error")
			}
		})
	}
}

// TestRegradeJournalAmendedFacts regrades, under the very table that
// graded it, a journal whose evaluation at the Close was amended after a
// citizen's later answer (as package grading amends). The amended grade
// stands on the matter as far as that answer; a Source reading the matter
// must see it too, or the same table reports a change it never made. The
// stage graded before the Close is amended too, later, with a copy of its
// facts: the matter as it is then describes another stage, so its facts
// are still read off the matter as it was when the stage was graded.
func TestRegradeJournalAmendedFacts(t *testing.T) {
	cal := workday.China()
	catalog := &matters.Catalog{Directory: &matters.Directory{Routes: []matters.Route{journalRoute}}}
	table := wuhu.Table()
	judge := func(_ *matters.Matter, f *scoring.Facts) error { f.Quality = 5; return nil }
	g := grading.New(grading.Config{Catalog: catalog, Evaluator: table, Judge: judge})
	var buf bytes.Buffer
	jw := journal.NewWriter(&buf, nil)
	start := time.Date(2026, 3, 2, 9, 0, 0, 0, workday.CST())
	no := false
	m := &matters.Matter{}
	amendments := 0
	var stage scoring.Evaluation // the evaluation of the stage
	for i, e := range []matters.Event{
		{Kind: matters.Report, Actor: "城东街道", Type: journalRoute.Type},
		{Kind: matters.Whistle, Actor: "城东街道"},
		{Kind: matters.Dispatch, Actor: "城东街道", Units: []string{"unit0"}},
		{Kind: matters.Accept, Actor: "unit0"},
		{Kind: matters.Progress, Actor: "城东街道"},
		{Kind: matters.Resolve, Actor: "unit0"},
		{Kind: matters.Close, Actor: "城东街道"},
		{Kind: matters.Feedback, Actor: "城东街道", Satisfied: &no},
	} {
		e.Matter, e.Seq, e.At = "M1", i+1, start.Add(time.Duration(i)*time.Hour)
		if err := m.Apply(e); err != nil {
			t.Fatal(err)
		}
		if _, err := jw.AppendEvent(e); err != nil {
			t.Fatal(err)
		}
		gs, err := g.Grade(cal, m, len(m.Events)-1)
		if err != nil {
			t.Fatal(err)
		}
		for _, x := range gs {
			if x.Amendment != nil {
				amendments++
				_, err = jw.AppendAmendment(*x.Amendment)
			} else {
				_, err = jw.AppendEvaluation(x.Evaluation)
				if !x.Facts.Final {
					stage = x.Evaluation
				}
			}
			if err != nil {
				t.Fatal(err)
			}
		}
	}
	if amendments != 1 || stage.Matter == "" {
		t.Fatalf("%d amendments, stage %+v; want 1 and a stage", amendments, stage)
	}
	// A reviewer confirms the stage's grade after the Feedback, keeping
	// its facts as the decision record.
	confirmed := stage
	confirmed.At = start.Add(24 * time.Hour)
	if _, err := jw.AppendAmendment(scoring.Amendment{Evaluation: confirmed, Author: "审核", Reason: "复核维持"}); err != nil {
		t.Fatal(err)
	}
	base := whatif.FactsFor(cal, catalog.RouteOf)
	read := func(m *matters.Matter, ev scoring.Evaluation) (scoring.Facts, error) {
		f, err := base(m, ev)
		if err == nil {
			err = judge(m, &f)
		}
		return f, err
	}
	for _, src := range []struct {
		name string
		src  whatif.Source
	}{{"FactsFor", read}, {"Recorded", whatif.Recorded}} {
		got, err := whatif.RegradeJournal(bytes.NewReader(buf.Bytes()), nil, src.src, table, scoring.Year(2026))
		if err != nil {
			t.Fatal(err)
		}
		if len(got.Changes) != 0 || len(got.Subjects) != 0 {
			t.Errorf("%s: the recorded table regraded gives changes %+v, subjects %+v; want none", src.name, got.Changes, got.Subjects)
		}
	}
	// A Source that fails on the matter as it stood at an amendment
	// fails the what-if, naming the evaluation — the stage's, the first
	// in the journal, amended after the Feedback — and does not fall back
	// to the matter as it stood at the evaluation.
	failing := func(m *matters.Matter, ev scoring.Evaluation) (scoring.Facts, error) {
		if len(m.Events) == 8 { // after the Feedback
			return scoring.Facts{}, errors.New("no judgement kept")
		}
		return read(m, ev)
	}
	_, err := whatif.RegradeJournal(bytes.NewReader(buf.Bytes()), nil, failing, table, scoring.Year(2026))
	if want := `facts of the evaluation of matter "M1", subject "unit0", evaluator "城东街道", stage 1: no judgement kept`; err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("RegradeJournal with a Source failing at the amendment = %v; want an error saying %s", err, want)
	}
}

// TestRegradeJournalBeforeItsMatter: an evaluation journaled before the
// first event of its matter, or of a matter the journal has no event of
// (a host that journals evaluations only), regrades on the facts it
// recorded; FactsFor has no matter to read facts off: ErrInvalid, naming
// it.
func TestRegradeJournalBeforeItsMatter(t *testing.T) {
	_, strict := journalTables()
	at := time.Date(2026, 3, 2, 9, 0, 0, 0, workday.CST())
	f := scoring.Facts{Matter: "M1", Subject: "unit0", Evaluator: "城东街道", Final: true}
	ev := f.Evaluation(at, scoring.Result{Grade: "good", Points: decimal.NewFromInt(85), Policy: "manual", Reasons: reason.Texts("手评")})
	ev.Facts = &f
	report := matters.Event{Matter: "M1", Seq: 1, At: at, Kind: matters.Report, Actor: "城东街道", Type: "噪音"}
	for _, tc := range []struct {
		name   string
		events []matters.Event // journaled after the evaluation
	}{
		{"no event of its matter", nil},
		{"its matter's events after it", []matters.Event{report}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var buf bytes.Buffer
			jw := journal.NewWriter(&buf, nil)
			if _, err := jw.AppendEvaluation(ev); err != nil {
				t.Fatal(err)
			}
			for _, e := range tc.events {
				if _, err := jw.AppendEvent(e); err != nil {
					t.Fatal(err)
				}
			}
			got, err := whatif.RegradeJournal(bytes.NewReader(buf.Bytes()), nil, whatif.Recorded, strict, scoring.Year(2026))
			if err != nil {
				t.Fatalf("RegradeJournal on the recorded facts: %v", err)
			}
			if want, _ := strict.Evaluate(f); len(got.Changes) != 1 || got.Changes[0].Matter != "M1" || got.Changes[0].New.Grade != want.Grade {
				t.Errorf("RegradeJournal on the recorded facts: changes %+v; want M1 regraded %s", got.Changes, want.Grade)
			}
			_, err = whatif.RegradeJournal(bytes.NewReader(buf.Bytes()), nil, whatif.FactsFor(workday.China(), (&matters.Catalog{}).RouteOf), strict, scoring.Year(2026))
			if !errors.Is(err, whatif.ErrInvalid) || !strings.Contains(err.Error(), `"M1"`) {
				t.Errorf("RegradeJournal with FactsFor = %v; want an error wrapping ErrInvalid naming M1", err)
			}
		})
	}
}
