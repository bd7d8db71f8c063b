package scoring

import (
	"encoding/json"
	"errors"
	"fmt"
	"math/big"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/qingdan/qingdan/internal/jsonx"
	"github.com/qingdan/qingdan/scoring/reason"
	"github.com/shopspring/decimal"
)

var june = time.Date(2020, 6, 15, 10, 0, 0, 0, cst)

func eval(matter, subject string, stage int, at time.Time, grade string, points string) Evaluation {
	return Evaluation{Matter: matter, Subject: subject, Evaluator: "S1", Stage: stage, At: at,
		Result: Result{Grade: grade, Points: decimal.RequireFromString(points), Policy: "test", Reasons: reason.Texts("because")}}
}

func recordAll(t *testing.T, b *Book, es ...Evaluation) {
	t.Helper()
	for _, e := range es {
		if err := b.Record(e); err != nil {
			t.Fatalf("Record(%s): %v", e.Matter, err)
		}
	}
}

// bookOf is a new book given es, then the amendments as.
func bookOf(t *testing.T, es []Evaluation, as []Amendment) *Book {
	t.Helper()
	b := NewBook(nil)
	recordAll(t, b, es...)
	for _, a := range as {
		if err := b.Amend(a); err != nil {
			t.Fatal(err)
		}
	}
	return b
}

// keyCmp orders evaluations by their keys, as Evaluations does: matter,
// subject, evaluator and stage.
func keyCmp(x, y *Evaluation) int {
	for _, c := range []int{strings.Compare(x.Matter, y.Matter), strings.Compare(x.Subject, y.Subject),
		strings.Compare(x.Evaluator, y.Evaluator), x.Stage - y.Stage} {
		if c != 0 {
			return c
		}
	}
	return 0
}

// amendmentCmp orders amendments of one evaluation as the Amendment
// documentation says: by At, then by grade, points (by value), policy,
// reasons, author and reason. The last counts.
func amendmentCmp(x, y Amendment) int {
	for _, c := range []int{x.At.Compare(y.At), strings.Compare(x.Result.Grade, y.Result.Grade),
		x.Result.Points.Cmp(y.Result.Points), strings.Compare(x.Result.Policy, y.Result.Policy),
		slices.CompareFunc(x.Result.Reasons, y.Result.Reasons, reason.Compare), strings.Compare(x.Author, y.Author),
		strings.Compare(x.Reason, y.Reason)} {
		if c != 0 {
			return c
		}
	}
	return 0
}

func TestRecordDuplicate(t *testing.T) {
	b := NewBook(nil)
	e := eval("M1", "D1", 0, june, "good", "85")
	recordAll(t, b, e)
	err := b.Record(e)
	if !errors.Is(err, ErrDuplicate) {
		t.Fatalf("second Record: %v, want ErrDuplicate", err)
	}
	for _, name := range []string{`"M1"`, `"D1"`, `"S1"`, "stage 0"} {
		if !strings.Contains(err.Error(), name) {
			t.Errorf("error %q does not name %s", err, name)
		}
	}
	// Another stage, subject or evaluator is another evaluation.
	other := []Evaluation{eval("M1", "D1", 1, june, "good", "85"), eval("M1", "D2", 0, june, "good", "85")}
	o := eval("M1", "D1", 0, june, "good", "85")
	o.Evaluator = "S2"
	recordAll(t, b, append(other, o)...)
	if got := b.Len(); got != 4 {
		t.Errorf("Len() = %d, want 4", got)
	}
}

func TestRecordInvalid(t *testing.T) {
	good := eval("M1", "D1", 0, june, "good", "85")
	tests := []struct {
		name   string
		change func(*Evaluation)
		want   string
	}{
		{"no matter", func(e *Evaluation) { e.Matter = "" }, "no matter"},
		{"no subject", func(e *Evaluation) { e.Subject = "" }, "no subject"},
		{"no evaluator", func(e *Evaluation) { e.Evaluator = "" }, "no evaluator"},
		{"negative stage", func(e *Evaluation) { e.Stage = -1 }, "stage out of range"},
		{"huge stage", func(e *Evaluation) { e.Stage = 1 << 40 }, "stage out of range"},
		{"zero time", func(e *Evaluation) { e.At = time.Time{} }, "no time"},
		{"not evaluated", func(e *Evaluation) { e.Result = Result{} }, "not evaluated"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := NewBook(nil)
			e := good
			tt.change(&e)
			err := b.Record(e)
			if !errors.Is(err, ErrInvalid) || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("Record: %v, want ErrInvalid saying %q", err, tt.want)
			}
			if b.Len() != 0 {
				t.Errorf("a rejected evaluation was recorded")
			}
		})
	}
	// Every problem is reported.
	err := NewBook(nil).Record(Evaluation{})
	for _, want := range []string{"no matter", "no subject", "no evaluator", "no time", "not evaluated"} {
		if !strings.Contains(fmt.Sprint(err), want) {
			t.Errorf("Record(Evaluation{}) = %v, missing %q", err, want)
		}
	}
}

// TestErrorsCutLongNames records, amends and merges with names of a
// megabyte of control characters: each error names the key once for each
// problem, so that whole names would make an error twenty times the size
// of the input. Each error must name them cut, as errtext.Quote does,
// and still say what is wrong.
func TestErrorsCutLongNames(t *testing.T) {
	long := strings.Repeat("\x01", 1<<20)
	bad := Evaluation{Matter: long, Subject: long, Evaluator: long, Stage: -1}
	ok := eval(strings.Repeat("清", 1<<10), "D1", 0, june, "good", "85")
	b := NewBook(nil)
	recordAll(t, b, ok)
	other := NewBook(nil)
	recordAll(t, other, ok)
	amend := Amendment{Evaluation: ok, Author: long, Reason: "r"}
	amend.At = june.Add(time.Hour)
	missing := Amendment{Evaluation: eval(strings.Repeat("办", 1<<10), "D1", 0, june, "good", "85"), Author: "A", Reason: "r"}
	for _, c := range []struct {
		what string
		err  error
		want error
		says string
	}{
		{"Record", b.Record(bad), ErrInvalid, "stage out of range"},
		{"Record again", b.Record(ok), ErrDuplicate, "subject \"D1\""},
		{"Amend by a long author", b.Amend(amend), ErrInvalid, "control or invisible character"},
		{"Amend of no evaluation", b.Amend(missing), ErrNotFound, "amendment of matter"},
		{"Merge", b.Merge(other), ErrDuplicate, "the books overlap"},
	} {
		if !errors.Is(c.err, c.want) || !strings.Contains(fmt.Sprint(c.err), c.says) {
			t.Errorf("%s: %.200v, want %v saying %q", c.what, c.err, c.want, c.says)
		}
		if n := len(fmt.Sprint(c.err)); n > 16<<10 {
			t.Errorf("%s: an error of %d bytes, want at most 16 KiB", c.what, n)
		}
	}
}

// TestRecordInvalidText rejects text that is not valid UTF-8 in each field,
// in an empty book and in one that already holds every other name of the
// evaluation (the names a book holds are not checked again), and reasons
// over 4 MiB.
func TestRecordInvalidText(t *testing.T) {
	const bad = "x\xffy"
	tests := []struct {
		name   string
		change func(*Evaluation)
		want   string
	}{
		{"matter", func(e *Evaluation) { e.Matter = bad }, "not valid UTF-8"},
		{"subject", func(e *Evaluation) { e.Subject = bad }, "not valid UTF-8"},
		{"evaluator", func(e *Evaluation) { e.Evaluator = bad }, "not valid UTF-8"},
		{"grade", func(e *Evaluation) { e.Result.Grade = bad }, "not valid UTF-8"},
		{"policy", func(e *Evaluation) { e.Result.Policy = bad }, "not valid UTF-8"},
		{"reason", func(e *Evaluation) { e.Result.Reasons = reason.Texts("because", bad) }, "not valid UTF-8"},
		{"long matter", func(e *Evaluation) { e.Matter = strings.Repeat("清", 40) + bad }, "not valid UTF-8"},
		{"long reasons", func(e *Evaluation) { e.Result.Reasons = reason.Texts(strings.Repeat("x", 1<<22)) }, "longer than 4 MiB"},
	}
	for _, tt := range tests {
		for _, filled := range []bool{false, true} {
			t.Run(fmt.Sprintf("%s/filled=%t", tt.name, filled), func(t *testing.T) {
				b := NewBook(nil)
				first := eval("M1", "D1", 0, june, "good", "85")
				if filled {
					recordAll(t, b, first)
				}
				e := first
				e.Stage = 1
				tt.change(&e)
				err := b.Record(e)
				if !errors.Is(err, ErrInvalid) || !strings.Contains(err.Error(), tt.want) {
					t.Fatalf("Record: %v, want ErrInvalid saying %q", err, tt.want)
				}
				var want []Evaluation
				if filled {
					want = []Evaluation{first}
				}
				if diff := cmp.Diff(want, b.Evaluations(), cmpopts.EquateEmpty()); diff != "" {
					t.Errorf("a rejected evaluation changed the book: evaluations mismatch (-want +got):\n%s", diff)
				}
			})
		}
	}
}

// TestRecordKeepsEveryResult records results that share grades, policies
// and reasons in every way — runs of equal reason lists, lists that differ
// by one byte or in how they split, empty and nil lists, hundreds of pairs
// of grade and policy — and reads each back as it was recorded.
func TestRecordKeepsEveryResult(t *testing.T) {
	reasons := [][]string{nil, {"because"}, {"because"}, {"because", "and"}, {"becausf"}, {""}, {"", ""},
		{strings.Repeat("长", 100)}, {"a", "b"}, {"ab"}, {"a", "b"}}
	rng := rand.New(rand.NewPCG(1, 2))
	b := NewBook(nil)
	var want []Evaluation
	for i := range 3000 {
		e := Evaluation{Matter: fmt.Sprintf("M%04d", i), Subject: "D1", Evaluator: "S1", At: june,
			Result: Result{Grade: fmt.Sprintf("g%d", rng.IntN(300)), Policy: []string{"", "p1", "p2"}[rng.IntN(3)],
				Points: decimal.NewFromInt(int64(i % 7)), Reasons: reason.Texts(reasons[rng.IntN(len(reasons))]...)}}
		if rng.IntN(2) == 0 { // runs of one grade
			e.Result.Grade = "good"
		}
		recordAll(t, b, e)
		want = append(want, e)
	}
	if diff := cmp.Diff(want, b.Evaluations()); diff != "" {
		t.Errorf("evaluations mismatch (-want +got):\n%s", diff)
	}
	grades := map[string]int{}
	for _, e := range want {
		grades[e.Result.Grade]++
	}
	if diff := cmp.Diff([]Score{{Subject: "D1", Matters: 3000, Evaluations: 3000, Composite: decimal.New(3, 0), Grades: grades, Rank: 1}},
		b.Scores(Year(2020))); diff != "" {
		t.Errorf("scores mismatch (-want +got):\n%s", diff)
	}
}

// TestRecordKeepsEveryName records matters of every length, some longer
// than the book's blocks of text and some filling one up to a byte, and
// reads each back and finds it again.
func TestRecordKeepsEveryName(t *testing.T) {
	b := NewBook(nil)
	var want []Evaluation
	for i, n := range []int{1, 5, 1<<20 - 10, 9, 1, 1 << 20, 3, 1<<20 + 7, 2, 700_000, 400_000, 1} {
		e := eval(fmt.Sprintf("%c%s", 'a'+i, strings.Repeat("事", n/3)), "D1", 0, june, "good", "85")
		recordAll(t, b, e)
		want = append(want, e)
	}
	if diff := cmp.Diff(want, b.Evaluations()); diff != "" {
		t.Errorf("evaluations mismatch (-want +got):\n%s", diff)
	}
	for _, e := range want {
		if err := b.Record(e); !errors.Is(err, ErrDuplicate) {
			t.Errorf("Record(%.10q…) again: %v, want ErrDuplicate", e.Matter, err)
		}
	}
}

func TestScoresComposite(t *testing.T) {
	b := NewBook(nil)
	recordAll(t, b,
		// D1: a matter in three stages (mean 95) and one in one (40): (95 + 40) / 2.
		eval("M1", "D1", 1, june, "excellent", "100"),
		eval("M1", "D1", 2, june, "excellent", "100"),
		eval("M1", "D1", 3, june, "good", "85"),
		eval("M2", "D1", 0, june, "poor", "40"),
		// D2: 100 and 70.01: 85.005 rounds half up once, at the end.
		eval("M3", "D2", 0, june, "excellent", "100"),
		eval("M4", "D2", 0, june, "fair", "70.01"),
		// D3: thirds, exact until rounded: (100 + 85 + 85) / 3 = 90.
		eval("M5", "D3", 1, june, "excellent", "100"),
		eval("M5", "D3", 2, june, "good", "85"),
		eval("M5", "D3", 3, june, "good", "85"),
		// D4: one matter of two stages, 85 and 70.01: 77.505 → 77.51.
		eval("M6", "D4", 1, june, "good", "85"),
		eval("M6", "D4", 2, june, "fair", "70.01"),
	)
	got := b.Scores(Year(2020))
	want := []Score{
		{Subject: "D3", Matters: 1, Evaluations: 3, Composite: decimal.RequireFromString("90"), Grades: map[string]int{"excellent": 1, "good": 2}, Rank: 1},
		{Subject: "D2", Matters: 2, Evaluations: 2, Composite: decimal.RequireFromString("85.01"), Grades: map[string]int{"excellent": 1, "fair": 1}, Rank: 2},
		{Subject: "D4", Matters: 1, Evaluations: 2, Composite: decimal.RequireFromString("77.51"), Grades: map[string]int{"good": 1, "fair": 1}, Rank: 3},
		{Subject: "D1", Matters: 2, Evaluations: 4, Composite: decimal.RequireFromString("67.5"), Grades: map[string]int{"excellent": 2, "good": 1, "poor": 1}, Rank: 4},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Scores mismatch (-want +got):\n%s", diff)
	}
}

func TestScoresRankTies(t *testing.T) {
	b := NewBook(nil)
	recordAll(t, b,
		eval("M1", "C", 0, june, "excellent", "100"),
		eval("M2", "B", 0, june, "good", "85"),
		eval("M3", "A", 0, june, "good", "85"),
		eval("M4", "D", 0, june, "fair", "70"),
		eval("M5", "E", 0, june, "fair", "70.004"), // rounds to 70.00: ties with D
	)
	var got []string
	for _, s := range b.Scores(Year(2020)) {
		got = append(got, fmt.Sprintf("%d %s %s", s.Rank, s.Subject, jsonx.FormatDecimal(s.Composite)))
	}
	want := []string{"1 C 100", "2 A 85", "2 B 85", "4 D 70", "4 E 70"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("ranks mismatch (-want +got):\n%s", diff)
	}
}

func TestScoresPeriods(t *testing.T) {
	// 2020-06-15 is a Monday.
	mon := time.Date(2020, 6, 15, 0, 0, 0, 0, cst)
	b := NewBook(nil)
	recordAll(t, b,
		eval("M1", "D1", 0, mon, "excellent", "100"),                                      // Monday 00:00: in the week and day
		eval("M2", "D1", 0, mon.Add(-time.Nanosecond), "poor", "40"),                      // Sunday: the week before
		eval("M3", "D1", 0, mon.AddDate(0, 0, 7), "fair", "70"),                           // next Monday: not in this week
		eval("M4", "D1", 0, time.Date(2020, 6, 30, 16, 30, 0, 0, time.UTC), "good", "85"), // 1 July 00:30 CST
		eval("M5", "D1", 0, time.Date(2021, 1, 1, 0, 0, 0, 0, cst), "good", "85"),         // next year
	)
	tests := []struct {
		name string
		p    Period
		want int
	}{
		{"year", Year(2020), 4},
		{"june", Month(2020, time.June), 3},
		{"july", Month(2020, time.July), 1},
		{"week", Week(mon.Add(3 * 24 * time.Hour)), 1},
		{"week from UTC Sunday night", Week(time.Date(2020, 6, 14, 16, 0, 0, 0, time.UTC)), 1},
		{"day", Day(mon.Add(23 * time.Hour)), 1},
		{"day in CST of a UTC time", Day(time.Date(2020, 6, 30, 16, 30, 0, 0, time.UTC)), 1},
		{"zero period", Period{}, 0},
		{"backwards", Period{From: Year(2021).From, To: Year(2020).From}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := 0
			for _, s := range b.Scores(tt.p) {
				got += s.Evaluations
			}
			if got != tt.want {
				t.Errorf("Scores(%v) counts %d evaluations, want %d", tt.p, got, tt.want)
			}
		})
	}
	if w := Week(mon.Add(50 * time.Hour)); !w.From.Equal(mon) || !w.To.Equal(mon.AddDate(0, 0, 7)) {
		t.Errorf("Week = %v, want Monday to Monday from %v", w, mon)
	}
}

func TestAmend(t *testing.T) {
	b := NewBook(nil)
	orig := eval("M1", "D1", 0, june, "poor", "40")
	recordAll(t, b, orig)
	a1 := Amendment{Evaluation: eval("M1", "D1", 0, june.Add(time.Hour), "good", "85"), Author: "王科长", Reason: "回访核实"}
	a2 := Amendment{Evaluation: eval("M1", "D1", 0, june.Add(2*time.Hour), "excellent", "100"), Author: "李主任", Reason: "复核"}
	// The later amendment counts, whichever arrives first.
	for _, order := range [][]Amendment{{a1, a2}, {a2, a1}} {
		b := NewBook(nil)
		recordAll(t, b, orig)
		for _, a := range order {
			if err := b.Amend(a); err != nil {
				t.Fatal(err)
			}
		}
		s := b.Scores(Year(2020))
		if len(s) != 1 || !s[0].Composite.Equal(decimal.NewFromInt(100)) || s[0].Grades["excellent"] != 1 {
			t.Errorf("after amendments in order %s, %s: %+v, want 100 excellent", order[0].Author, order[1].Author, s)
		}
		if got := b.Evaluations(); len(got) != 1 || got[0].Result.Grade != "poor" {
			t.Errorf("the original did not stay: %+v", got)
		}
		if got := b.Amendments(); len(got) != 2 || got[1].Author != "李主任" {
			t.Errorf("Amendments() = %+v, want both, latest last", got)
		}
	}
	tests := []struct {
		name string
		a    Amendment
		want error
	}{
		{"not recorded", Amendment{Evaluation: eval("M9", "D1", 0, june, "good", "85"), Author: "a", Reason: "r"}, ErrNotFound},
		{"other stage", Amendment{Evaluation: eval("M1", "D1", 1, june, "good", "85"), Author: "a", Reason: "r"}, ErrNotFound},
		{"no author", Amendment{Evaluation: eval("M1", "D1", 0, june, "good", "85"), Reason: "r"}, ErrInvalid},
		{"no reason", Amendment{Evaluation: eval("M1", "D1", 0, june, "good", "85"), Author: "a"}, ErrInvalid},
		{"not evaluated", Amendment{Evaluation: Evaluation{Matter: "M1", Subject: "D1", Evaluator: "S1", At: june}, Author: "a", Reason: "r"}, ErrInvalid},
		{"by the subject", Amendment{Evaluation: eval("M1", "D1", 0, june, "good", "85"), Author: "D1", Reason: "r"}, ErrInvalid},
		{"author with a space", Amendment{Evaluation: eval("M1", "D1", 0, june, "good", "85"), Author: "a ", Reason: "r"}, ErrInvalid},
		{"reason not UTF-8", Amendment{Evaluation: eval("M1", "D1", 0, june, "good", "85"), Author: "a", Reason: "\xff"}, ErrInvalid},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// Every refusal names the amendment by its key: a matter has
			// many subjects and evaluators, and a long one many stages.
			key := `amendment of matter "` + tt.a.Matter + `", subject "D1", evaluator "S1", stage ` + strconv.Itoa(tt.a.Stage)
			if err := b.Amend(tt.a); !errors.Is(err, tt.want) || !strings.Contains(fmt.Sprint(err), key) {
				t.Errorf("Amend: %v, want %v naming %s", err, tt.want, key)
			}
		})
	}
	if err := b.Amend(a1); err != nil {
		t.Fatal(err)
	}
	// The same amendment again, even written in another zone, is a duplicate.
	again := a1
	again.At = again.At.UTC()
	if err := b.Amend(again); !errors.Is(err, ErrDuplicate) {
		t.Errorf("Amend twice: %v, want ErrDuplicate", err)
	}
}

func TestMerge(t *testing.T) {
	a, o := NewBook(nil), NewBook(nil)
	recordAll(t, a, eval("M1", "D1", 0, june, "good", "85"), eval("M2", "D2", 0, june, "fair", "70"))
	recordAll(t, o, eval("M3", "D1", 0, june, "poor", "40"), eval("M2", "D2", 0, june, "excellent", "100"))
	before, _ := json.Marshal(a)
	err := a.Merge(o)
	if !errors.Is(err, ErrDuplicate) || !strings.Contains(err.Error(), `"M2"`) {
		t.Fatalf("Merge of overlapping books: %v, want ErrDuplicate naming M2", err)
	}
	if after, _ := json.Marshal(a); string(after) != string(before) {
		t.Errorf("a failed Merge changed the book:\n%s\n%s", before, after)
	}
	if err := a.Merge(a); !errors.Is(err, ErrDuplicate) {
		t.Errorf("Merge into itself: %v, want ErrDuplicate", err)
	}
	if err := a.Merge(nil); err != nil {
		t.Errorf("Merge(nil): %v", err)
	}
	var empty Book
	if err := empty.Merge(&empty); err != nil {
		t.Errorf("empty book merged into itself: %v", err)
	}
	o2 := NewBook(nil)
	recordAll(t, o2, eval("M3", "D1", 0, june, "poor", "40"))
	if err := o2.Amend(Amendment{Evaluation: eval("M3", "D1", 0, june.Add(time.Hour), "fair", "70"), Author: "a", Reason: "r"}); err != nil {
		t.Fatal(err)
	}
	if err := a.Merge(o2); err != nil {
		t.Fatal(err)
	}
	if got := a.Len(); got != 3 {
		t.Errorf("Len after Merge = %d, want 3", got)
	}
	if got := a.Amendments(); len(got) != 1 || got[0].Matter != "M3" {
		t.Errorf("the amendment did not come along: %+v", got)
	}
}

// randomHistory returns evaluations and amendments of a synthetic period.
func randomHistory(r *rand.Rand, n int) ([]Evaluation, []Amendment) {
	grades := testScale()
	var es []Evaluation
	keys := map[string]bool{}
	for len(es) < n {
		g := grades[r.IntN(len(grades))]
		e := Evaluation{
			Matter:    fmt.Sprintf("M%d", r.IntN(n)),
			Subject:   fmt.Sprintf("D%d", r.IntN(7)),
			Evaluator: fmt.Sprintf("S%d", r.IntN(2)),
			Stage:     r.IntN(3),
			At:        Year(2020).From.Add(time.Duration(r.Int64N(int64(400 * 24 * time.Hour)))),
			Result:    Result{Grade: g.Code, Points: g.Points, Policy: "p"},
		}
		switch r.IntN(10) {
		case 0: // points that need the exact fallback
			e.Result.Points = decimal.New(r.Int64N(1000)+1, -int32(r.IntN(12)+7))
		case 1: // any decimal
			e.Result.Points = decimal.New(r.Int64N(20000)-1000, -2)
		}
		k := fmt.Sprint(e.Matter, e.Subject, e.Evaluator, e.Stage)
		if keys[k] {
			continue
		}
		keys[k] = true
		es = append(es, e)
	}
	var as []Amendment
	for _, e := range es {
		for range r.IntN(3) * r.IntN(2) {
			g := grades[r.IntN(len(grades))]
			a := Amendment{Evaluation: e, Author: fmt.Sprintf("A%d", r.IntN(3)), Reason: "r"}
			a.At = e.At.Add(time.Duration(r.IntN(3)) * time.Hour) // equal times happen
			a.Result = Result{Grade: g.Code, Points: g.Points, Policy: "p2"}
			dup := false
			for _, b := range as {
				if amendmentCmp(a, b) == 0 && keyCmp(&a.Evaluation, &b.Evaluation) == 0 {
					dup = true
				}
			}
			if !dup {
				as = append(as, a)
			}
		}
	}
	return es, as
}

// forRandomHistories calls check with each of seeds random histories,
// drawn from r of the seed and stream, of at least least evaluations and
// fewer than least+spread, and the book that records each whole; check
// may go on drawing from r.
func forRandomHistories(t *testing.T, seeds, stream uint64, least, spread int,
	check func(seed uint64, r *rand.Rand, es []Evaluation, as []Amendment, ref *Book)) {
	t.Helper()
	for seed := range seeds {
		r := rand.New(rand.NewPCG(seed, stream))
		es, as := randomHistory(r, least+r.IntN(spread))
		check(seed, r, es, as, bookOf(t, es, as))
	}
}

// referenceScores computes scores the slow, obvious way.
func referenceScores(es []Evaluation, as []Amendment, p Period) map[string][2]any {
	type key struct {
		m, s, v string
		st      int
	}
	latest := map[key]Amendment{}
	for _, a := range as {
		k := key{a.Matter, a.Subject, a.Evaluator, a.Stage}
		if l, ok := latest[k]; !ok || amendmentCmp(l, a) < 0 {
			latest[k] = a
		}
	}
	perMatter := map[[2]string][]*big.Rat{}
	for _, e := range es {
		if e.At.Before(p.From) || !e.At.Before(p.To) {
			continue
		}
		pts := e.Result.Points
		if a, ok := latest[key{e.Matter, e.Subject, e.Evaluator, e.Stage}]; ok {
			pts = a.Result.Points
		}
		k := [2]string{e.Subject, e.Matter}
		perMatter[k] = append(perMatter[k], pts.Rat())
	}
	sums := map[string]*big.Rat{}
	counts := map[string]int{}
	for k, ps := range perMatter {
		mean := new(big.Rat)
		for _, x := range ps {
			mean.Add(mean, x)
		}
		mean.Quo(mean, big.NewRat(int64(len(ps)), 1))
		if sums[k[0]] == nil {
			sums[k[0]] = new(big.Rat)
		}
		sums[k[0]].Add(sums[k[0]], mean)
		counts[k[0]]++
	}
	out := map[string][2]any{}
	for s, sum := range sums {
		c := new(big.Rat).Quo(sum, big.NewRat(int64(counts[s]), 1))
		out[s] = [2]any{counts[s], c.FloatString(2)}
	}
	return out
}

func periods() []Period {
	ps := []Period{Year(2020), Year(2021), Month(2020, time.February), Week(june), Day(june)}
	for m := time.January; m <= time.December; m += 3 {
		ps = append(ps, Month(2020, m))
	}
	return ps
}

// TestBookOrderIndependent records the same history in random orders and
// shards, and checks that every score, the evaluations, the amendments and
// the JSON are the same, and that the scores agree with a slow reference.
func TestBookOrderIndependent(t *testing.T) {
	forRandomHistories(t, 12, 7, 60, 200, func(seed uint64, r *rand.Rand, es []Evaluation, as []Amendment, ref *Book) {
		refJSON, err := json.Marshal(ref)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range periods() {
			want := referenceScores(es, as, p)
			got := map[string][2]any{}
			for _, s := range ref.Scores(p) {
				got[s.Subject] = [2]any{s.Matters, s.Composite.StringFixed(2)}
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Fatalf("seed %d, %v: scores against the reference mismatch (-want +got):\n%s", seed, p.From, diff)
			}
		}

		// Shard and shuffle: each shard holds some evaluations and their
		// amendments; shards are merged in random order.
		shards := make([]*Book, 1+r.IntN(5))
		for i := range shards {
			shards[i] = NewBook(nil)
		}
		where := map[string]int{}
		perm := r.Perm(len(es))
		for _, i := range perm {
			e := es[i]
			s := r.IntN(len(shards))
			where[fmt.Sprint(e.Matter, e.Subject, e.Evaluator, e.Stage)] = s
			recordAll(t, shards[s], e)
		}
		for _, i := range r.Perm(len(as)) {
			a := as[i]
			if err := shards[where[fmt.Sprint(a.Matter, a.Subject, a.Evaluator, a.Stage)]].Amend(a); err != nil {
				t.Fatal(err)
			}
		}
		got := shards[0]
		for _, i := range r.Perm(len(shards) - 1) {
			if err := got.Merge(shards[i+1]); err != nil {
				t.Fatal(err)
			}
		}
		for _, p := range periods() {
			if diff := cmp.Diff(ref.Scores(p), got.Scores(p)); diff != "" {
				t.Fatalf("seed %d, %v: sharded scores mismatch (-want +got):\n%s", seed, p.From, diff)
			}
		}
		gotJSON, err := json.Marshal(got)
		if err != nil {
			t.Fatal(err)
		}
		if string(gotJSON) != string(refJSON) {
			t.Fatalf("seed %d: sharded book JSON differs", seed)
		}
		// And the JSON round-trips.
		var back Book
		if err := json.Unmarshal(refJSON, &back); err != nil {
			t.Fatal(err)
		}
		if backJSON, _ := json.Marshal(&back); string(backJSON) != string(refJSON) {
			t.Fatalf("seed %d: book JSON does not round-trip", seed)
		}
		if !slices.EqualFunc(back.Evaluations(), ref.Evaluations(), func(a, b Evaluation) bool { return cmp.Equal(a, b) }) {
			t.Fatalf("seed %d: evaluations differ after a round trip", seed)
		}
	})
}
