package scoring

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
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
	type invalid struct {
		name   string
		change func(*Evaluation)
		want   string
	}
	tests := []invalid{
		{"no matter", func(e *Evaluation) { e.Matter = "" }, "no matter"},
		{"no subject", func(e *Evaluation) { e.Subject = "" }, "no subject"},
		{"no evaluator", func(e *Evaluation) { e.Evaluator = "" }, "no evaluator"},
		{"negative stage", func(e *Evaluation) { e.Stage = -1 }, "stage out of range"},
		{"zero time", func(e *Evaluation) { e.At = time.Time{} }, "no time"},
		{"not evaluated", func(e *Evaluation) { e.Result = Result{} }, "not evaluated"},
	}
	if math.MaxInt > math.MaxInt32 {
		// Where int has 32 bits no stage is over math.MaxInt32: the largest
		// int is the last stage a book keeps (TestEvaluationStage records it).
		tests = append(tests, invalid{"huge stage", func(e *Evaluation) { e.Stage = math.MaxInt }, "stage out of range"})
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

// TestBookUnmarshalNull: null leaves a book as it is, as it leaves a
// Result or a Score, also as a member of what holds the book.
func TestBookUnmarshalNull(t *testing.T) {
	var holder struct {
		Book Book `json:"book"`
	}
	recordAll(t, &holder.Book, eval("M1", "D1", 0, june, "good", "85"))
	want := holder.Book.Evaluations()
	if err := holder.Book.UnmarshalJSON([]byte("null")); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal([]byte(`{"book":null}`), &holder); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want, holder.Book.Evaluations()); diff != "" {
		t.Errorf("the book after null mismatch (-want +got):\n%s", diff)
	}
}
