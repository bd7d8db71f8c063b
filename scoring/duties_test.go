package scoring_test

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/qingdan/qingdan/locality/wuhu"
	"github.com/qingdan/qingdan/matters"
	"github.com/qingdan/qingdan/matters/workday"
	"github.com/qingdan/qingdan/scoring"
	"github.com/qingdan/qingdan/scoring/reason"
	"github.com/shopspring/decimal"
)

// Who may grade and amend: the abuses of the supervision issue that a
// book answers.

// graded returns an evaluation of 城管局 by 赭山街道 on matter M1, at a
// grade of Wuhu's scale with its points.
func graded(grade string) scoring.Evaluation {
	g, _ := wuhu.Scale().Grade(grade)
	return scoring.Evaluation{Matter: "M1", Subject: "城管局", Evaluator: "赭山街道", At: june(10, 9, 0),
		Result: scoring.Result{Grade: g.Code, Points: g.Points, Policy: "wuhu-2020.2", Reasons: reason.Texts("r")}}
}

// amended returns an amendment of e to grade by author at.
func amended(e scoring.Evaluation, grade, author string, at time.Time) scoring.Amendment {
	g, _ := wuhu.Scale().Grade(grade)
	e.At, e.Result = at, scoring.Result{Grade: g.Code, Points: g.Points, Policy: "复核"}
	return scoring.Amendment{Evaluation: e, Author: author, Reason: "复核"}
}

func composite(t *testing.T, b *scoring.Book, subject string) string {
	t.Helper()
	for _, s := range b.Scores(scoring.Year(2020)) {
		if s.Subject == subject {
			return s.Composite.String()
		}
	}
	return "none"
}

// TestSubjectNeverGradesItself: the graded unit is never its own
// evaluator, nor the author of an amendment of its own grade.
func TestSubjectNeverGradesItself(t *testing.T) {
	b := scoring.NewBook(nil)
	self := graded("excellent")
	self.Evaluator = self.Subject
	if err := b.Record(self); !errors.Is(err, scoring.ErrInvalid) || !strings.Contains(err.Error(), "grades itself") {
		t.Errorf("Record of a self-evaluation: %v, want ErrInvalid saying so", err)
	}
	poor := graded("poor")
	if err := b.Record(poor); err != nil {
		t.Fatal(err)
	}
	err := b.Amend(amended(poor, "excellent", "城管局", june(11, 9, 0)))
	if !errors.Is(err, scoring.ErrInvalid) || !strings.Contains(err.Error(), "graded subject") {
		t.Errorf("Amend by the graded department: %v, want ErrInvalid", err)
	}
	if got := composite(t, b, "城管局"); got != "40" {
		t.Errorf("composite %s after the refused amendment, want 40", got)
	}
	if err := b.Amend(amended(poor, "fair", "区委督查室", june(11, 9, 0))); err != nil || composite(t, b, "城管局") != "70" {
		t.Errorf("Amend by another body: %v, composite %s; want 70", err, composite(t, b, "城管局"))
	}
}

// TestNamesOneWay: a name with white space at an end or an invisible
// character is refused, so that no second evaluator dilutes a grade.
func TestNamesOneWay(t *testing.T) {
	b := scoring.NewBook(nil)
	if err := b.Record(graded("poor")); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"赭山街道 ", " 赭山街道", "赭山街道　", "赭山\u200b街道", "赭山街道\t", "赭山\x00街道", "\ufeff赭山街道"} {
		e := graded("excellent")
		e.Evaluator = name
		if err := b.Record(e); !errors.Is(err, scoring.ErrInvalid) || !strings.Contains(err.Error(), "one way") {
			t.Errorf("Record by evaluator %q: %v, want ErrInvalid", name, err)
		}
		e = graded("excellent")
		e.Matter, e.Subject = "M2", name
		if err := b.Record(e); !errors.Is(err, scoring.ErrInvalid) {
			t.Errorf("Record of subject %q: %v, want ErrInvalid", name, err)
		}
	}
	if got := composite(t, b, "城管局"); got != "40" {
		t.Errorf("composite %s; want 40, undiluted", got)
	}
	if err := b.Amend(amended(graded("poor"), "fair", "督查室 ", june(11, 9, 0))); !errors.Is(err, scoring.ErrInvalid) {
		t.Errorf("Amend by author with a trailing space: %v, want ErrInvalid", err)
	}
	for _, ok := range []string{"赭山街道", "Zheshan Subdistrict", "中南街道（弋江区）"} {
		e := graded("good")
		e.Matter, e.Evaluator = "M-"+ok, ok
		if err := b.Record(e); err != nil {
			t.Errorf("Record by %q: %v", ok, err)
		}
	}
}

// TestAmendmentWindow: within the window the host sets, an amendment
// dated in the future (2099) is refused and cannot outrank a genuine
// correction; so is one before the evaluation or past the window.
func TestAmendmentWindow(t *testing.T) {
	now := time.Date(2020, 8, 1, 12, 0, 0, 0, workday.CST())
	b := scoring.NewBook(&scoring.BookOptions{AmendWithin: 30 * 24 * time.Hour, Now: func() time.Time { return now }})
	e := graded("poor")
	if err := b.Record(e); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name string
		at   time.Time
		want string
	}{
		{"dated 2099", time.Date(2099, 1, 1, 0, 0, 0, 0, workday.CST()), "in the future"},
		{"dated a minute from now", now.Add(time.Minute), "in the future"},
		{"before the evaluation", june(9, 9, 0), "before the evaluation"},
		{"past the window", june(10, 9, 0).Add(31 * 24 * time.Hour), "more than"},
	} {
		if err := b.Amend(amended(e, "excellent", "区委督查室", c.at)); !errors.Is(err, scoring.ErrInvalid) || !strings.Contains(err.Error(), c.want) {
			t.Errorf("amendment %s: %v, want ErrInvalid %q", c.name, err, c.want)
		}
	}
	if err := b.Amend(amended(e, "fair", "区委督查室", june(15, 9, 0))); err != nil {
		t.Fatalf("a genuine correction: %v", err)
	}
	if got := composite(t, b, "城管局"); got != "70" {
		t.Errorf("composite %s, want the genuine correction's 70", got)
	}
	// A book without a window (replaying a journal) takes any date.
	old := scoring.NewBook(nil)
	if err := old.Record(e); err != nil {
		t.Fatal(err)
	}
	if err := old.Amend(amended(e, "fair", "区委督查室", june(1, 9, 0))); err != nil {
		t.Errorf("a book with no window refused an amendment: %v", err)
	}
}

// TestPointsAgreeWithGrade: with the scale in force, points that match no
// grade are refused, in evaluations and amendments; with bands, a
// weighted figure within its grade's band is taken.
func TestPointsAgreeWithGrade(t *testing.T) {
	d := decimal.RequireFromString
	exact := scoring.NewBook(&scoring.BookOptions{Scale: wuhu.Scale()})
	banded := scoring.NewBook(&scoring.BookOptions{Scale: wuhu.Scale(), Bands: true})
	// For each grade, the points both books take, the points only the
	// banded book takes, and the points neither takes.
	for _, g := range []struct {
		grade                    string
		both, bandsOnly, neither []string
	}{
		{"excellent", []string{"100"}, nil, []string{"1000", "-1000000000", "99.99"}},
		{"good", []string{"85"}, []string{"91.5"}, []string{"100", "84.99"}},
		{"poor", []string{"40"}, []string{"69.999"}, []string{"39"}},
		{"superb", nil, nil, []string{"100"}},
	} {
		for _, points := range slices.Concat(g.both, g.bandsOnly, g.neither) {
			for _, b := range []struct {
				book *scoring.Book
				ok   bool
				name string
			}{{exact, slices.Contains(g.both, points), "exact"}, {banded, !slices.Contains(g.neither, points), "bands"}} {
				e := graded("good")
				e.Matter = "M-" + g.grade + points
				e.Result.Grade, e.Result.Points = g.grade, d(points)
				err := b.book.Record(e)
				if (err == nil) != b.ok || err != nil && !errors.Is(err, scoring.ErrInvalid) {
					t.Errorf("%s: Record(%s at %s) = %v, want ok %v", b.name, g.grade, points, err, b.ok)
				}
				base := graded("good")
				base.Matter = "A-" + g.grade + points
				if err := b.book.Record(base); err != nil {
					t.Fatal(err)
				}
				a := amended(base, "good", "区委督查室", june(11, 9, 0))
				a.Result.Grade, a.Result.Points = g.grade, d(points)
				if err := b.book.Amend(a); (err == nil) != b.ok {
					t.Errorf("%s: Amend to %s at %s = %v, want ok %v", b.name, g.grade, points, err, b.ok)
				}
			}
		}
	}
}

// TestStagesFromHistory: with the matters at hand, an evaluation's stage
// must be one the matter's history has, its subject a unit the matter was
// dispatched to (before that stage, for a stage's grade) and its
// evaluator the matter's owner — or, for the owner of a matter the
// hotline reported, the hotline.
func TestStagesFromHistory(t *testing.T) {
	events := []matters.Event{
		{At: june(1, 9, 0), Kind: matters.Report, Actor: "12345", Type: "违法建设", Units: []string{"赭山街道"}},
		{At: june(1, 9, 10), Kind: matters.Whistle, Actor: "赭山街道"},
		{At: june(1, 9, 20), Kind: matters.Dispatch, Actor: "赭山街道", Units: []string{"城管局", "住建局"}},
		{At: june(1, 10, 0), Kind: matters.Accept, Actor: "城管局"},
		{At: june(2, 10, 0), Kind: matters.Progress, Actor: "城管局"},
		{At: june(3, 10, 0), Kind: matters.Progress, Actor: "城管局"},
	}
	open := replay(t, "M1", events...)
	// 交通运输局 joins after the first stage: the lead's return approved,
	// the matter dispatched again, then a second stage.
	redispatched := replay(t, "M1", slices.Concat(events[:5], []matters.Event{
		{At: june(2, 11, 0), Kind: matters.Return, Actor: "城管局"},
		{At: june(2, 12, 0), Kind: matters.Approve, Actor: "赭山街道", Ref: 6, Note: "同意"},
		{At: june(2, 13, 0), Kind: matters.Dispatch, Actor: "赭山街道", Units: []string{"交通运输局"}},
		{At: june(2, 14, 0), Kind: matters.Accept, Actor: "交通运输局"},
		{At: june(3, 10, 0), Kind: matters.Progress, Actor: "赭山街道"},
	})...)
	resolved := open.Clone()
	if err := resolved.Apply(matters.Event{Matter: "M1", Seq: 7, At: june(4, 10, 0), Kind: matters.Resolve, Actor: "城管局"}); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name      string
		m         *matters.Matter
		subject   string
		evaluator string
		stage     int
		ok        bool
	}{
		{"stage 1", open, "城管局", "赭山街道", 1, true},
		{"stage 2", open, "城管局", "赭山街道", 2, true},
		{"stage 0, before any stage", open, "城管局", "赭山街道", 0, true},
		{"an invented stage 5", open, "城管局", "赭山街道", 5, false},
		{"the final stage of a matter not resolved", open, "城管局", "赭山街道", 3, false},
		{"the final stage once resolved", resolved, "住建局", "赭山街道", 3, true},
		{"past the final stage", resolved, "城管局", "赭山街道", 4, false},
		{"a unit never dispatched", open, "交通运输局", "赭山街道", 0, false},
		{"an evaluator other than the owner", open, "城管局", "区委督查室", 0, false},
		{"the owner graded by the hotline", resolved, "赭山街道", "12345", 0, true},
		{"the owner graded by another", resolved, "赭山街道", "区委督查室", 0, false},
		{"a unit dispatched after stage 1, graded at stage 1", redispatched, "交通运输局", "赭山街道", 1, false},
		{"a unit dispatched after stage 1, graded at stage 2", redispatched, "交通运输局", "赭山街道", 2, true},
	} {
		b := scoring.NewBook(&scoring.BookOptions{Matter: func(id string) (*matters.Matter, bool) { return c.m, id == c.m.ID }})
		e := graded("good")
		e.Subject, e.Evaluator, e.Stage = c.subject, c.evaluator, c.stage
		if err := b.Record(e); (err == nil) != c.ok || err != nil && !errors.Is(err, scoring.ErrInvalid) {
			t.Errorf("%s: Record = %v, want ok %v", c.name, err, c.ok)
		}
		e.Matter = "M-unknown"
		if err := b.Record(e); err == nil || !strings.Contains(err.Error(), "no such matter") {
			t.Errorf("%s: Record of an unknown matter = %v, want refused", c.name, err)
		}
	}
}

// TestStagesAfterAHandBack: an owner that hands a platform's matter back
// (an approved Return by the owner) leaves the platform its owner; the
// stages graded before — the owner by the platform, the units by the
// owner that dispatched them — are still the matter's history's, and a
// book that checks it takes them, as it took them when they were graded.
func TestStagesAfterAHandBack(t *testing.T) {
	m := replay(t, "M1",
		matters.Event{At: june(1, 9, 0), Kind: matters.Report, Actor: "12345", Type: "违法建设", Units: []string{"赭山街道"}},
		matters.Event{At: june(2, 9, 0), Kind: matters.Progress, Actor: "12345"},
		matters.Event{At: june(2, 9, 10), Kind: matters.Whistle, Actor: "赭山街道"},
		matters.Event{At: june(2, 9, 20), Kind: matters.Dispatch, Actor: "赭山街道", Units: []string{"城管局"}},
		matters.Event{At: june(3, 9, 0), Kind: matters.Progress, Actor: "赭山街道"},
		matters.Event{At: june(3, 10, 0), Kind: matters.Return, Actor: "城管局", Note: "不属本部门"},
		matters.Event{At: june(3, 11, 0), Kind: matters.Approve, Actor: "赭山街道", Ref: 6, Note: "同意"},
		matters.Event{At: june(3, 12, 0), Kind: matters.Return, Actor: "赭山街道", Note: "不属街道"},
		matters.Event{At: june(3, 13, 0), Kind: matters.Approve, Actor: "12345", Ref: 8, Note: "同意"},
	)
	if m.Owner != "12345" || m.Platform != "" {
		t.Fatalf("owner %q, platform %q after the hand-back", m.Owner, m.Platform)
	}
	for _, c := range []struct {
		name               string
		subject, evaluator string
		stage              int
		ok                 bool
	}{
		{"the former owner, graded by the platform at its stage", "赭山街道", "12345", 1, true},
		{"the unit, graded by the owner that dispatched it", "城管局", "赭山街道", 2, true},
		{"the unit, graded by the new owner, which never dispatched to it", "城管局", "12345", 2, false},
		{"the former owner, graded by another", "赭山街道", "区委督查室", 1, false},
	} {
		b := scoring.NewBook(&scoring.BookOptions{Matter: func(id string) (*matters.Matter, bool) { return m, id == m.ID }})
		e := graded("good")
		e.Subject, e.Evaluator, e.Stage = c.subject, c.evaluator, c.stage
		if err := b.Record(e); (err == nil) != c.ok || err != nil && !errors.Is(err, scoring.ErrInvalid) {
			t.Errorf("%s: Record = %v, want ok %v", c.name, err, c.ok)
		}
	}
}

// TestCleanNameProperty: the fast path for CJK and the rest agrees with
// the Unicode tables: no control or formatting character lies between
// U+2070 and U+FEFF.
func TestCleanNameProperty(t *testing.T) {
	for r := rune(0x2070); r < 0xfeff; r++ {
		if unicode.IsControl(r) || unicode.Is(unicode.Cf, r) {
			t.Errorf("U+%04X is a control or formatting character", r)
		}
	}
}

// TestPointsDisagreeSaysWhy: a book refuses points that disagree with the
// scale in force with a message that gives the points and the grade's,
// in jsonx's form whatever decimal's package settings are (String wrote
// "1E+3" under decimal.UseScientificNotation). It must not run in
// parallel.
func TestPointsDisagreeSaysWhy(t *testing.T) {
	defer func(s bool) { decimal.UseScientificNotation = s }(decimal.UseScientificNotation)
	scale := scoring.Scale{{Code: "top", Points: decimal.New(1, 3)}, {Code: "good", Points: decimal.New(85, 0)}}
	for _, sci := range []bool{false, true} {
		decimal.UseScientificNotation = sci
		for _, c := range []struct {
			bands  bool
			grade  string
			points decimal.Decimal
			want   string
		}{
			{false, "good", decimal.New(2, 3), `points 2000 are not those of grade "good" (85)`},
			{true, "good", decimal.New(1, 3), `points 1000 are outside the band of grade "good" (85 up to not including 1000)`},
			{true, "top", decimal.New(2, 3), `points 2000 are outside the band of grade "top" (1000 up to itself: the top grade)`},
			{true, "top", decimal.New(1, 2), `points 100 are below grade "top" (1000)`},
		} {
			b := scoring.NewBook(&scoring.BookOptions{Scale: scale, Bands: c.bands})
			e := graded("good")
			e.Result.Grade, e.Result.Points = c.grade, c.points
			if err := b.Record(e); !errors.Is(err, scoring.ErrInvalid) || !strings.Contains(err.Error(), c.want) {
				t.Errorf("UseScientificNotation %t, bands %t: Record = %v, want %q", sci, c.bands, err, c.want)
			}
		}
	}
}
