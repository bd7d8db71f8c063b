package scoring

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"runtime"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/qingdan/qingdan/scoring/reason"
	"github.com/shopspring/decimal"
)

// These tests use a book from several goroutines at once: recording,
// scoring, writing JSON and merging books into each other while they are
// recorded into. Run them with -race.

func TestBookConcurrent(t *testing.T) {
	b := NewBook(nil)
	done := make(chan error)
	for w := range 4 {
		go func() {
			var err error
			for i := range 200 {
				if e := b.Record(eval(fmt.Sprintf("M%d-%d", w, i), fmt.Sprintf("D%d", i%5), 0, june, "good", "85")); e != nil {
					err = e
				}
				if i%50 == 0 {
					b.Scores(Year(2020))
				}
			}
			done <- err
		}()
	}
	for range 4 {
		if err := <-done; err != nil {
			t.Error(err)
		}
	}
	n := 0
	for _, s := range b.Scores(Year(2020)) {
		n += s.Evaluations
	}
	if n != 800 {
		t.Errorf("concurrent Records counted %d, want 800", n)
	}
}

// TestMergeConcurrent merges books into each other while they record.
func TestMergeConcurrent(t *testing.T) {
	a, b := NewBook(nil), NewBook(nil)
	done := make(chan bool)
	go func() {
		for i := range 300 {
			_ = b.Record(eval(fmt.Sprintf("B%d", i), "D1", 0, june, "good", "85"))
		}
		done <- true
	}()
	go func() {
		for i := range 300 {
			_ = a.Record(eval(fmt.Sprintf("A%d", i), "D1", 0, june, "good", "85"))
			if i%30 == 0 {
				c := NewBook(nil)
				_ = c.Merge(b)
				_ = c.Merge(a)
			}
		}
		done <- true
	}()
	<-done
	<-done
	c := NewBook(nil)
	if err := c.Merge(a); err != nil {
		t.Fatal(err)
	}
	if err := c.Merge(b); err != nil {
		t.Fatal(err)
	}
	if c.Len() != 600 {
		t.Errorf("Len = %d, want 600", c.Len())
	}
}

// TestMergeWhileRecording merges a book that one goroutine is recording
// into — with IDs for the hash table and for pages, reasons, amendments,
// far times and wide points — into fresh books: each merge takes a state
// the book was in, the evaluations recorded so far, whole.
func TestMergeWhileRecording(t *testing.T) {
	const n = 600
	es := make([]Evaluation, n)
	for i := range es {
		m := fmt.Sprintf("case-%d-%c", i, 'a'+i%26) // hash table
		if i%2 == 0 {
			m = fmt.Sprintf("2020-%07d", i) // pages
		}
		at := june
		if i%5 == 0 {
			at = time.Date(1700, 1, 1, 0, 0, 0, i, cst) // far
		}
		points := decimal.New(int64(i), -2)
		if i%7 == 0 {
			points = decimal.New(int64(i)+1, -9) // wide
		}
		es[i] = Evaluation{Matter: m, Subject: fmt.Sprint("D", i%3), Evaluator: "S", Stage: i % 2, At: at,
			Result: Result{Grade: "good", Points: points, Policy: "p", Reasons: reason.Texts(fmt.Sprint("r", i%4))}}
	}
	b := NewBook(nil)
	done, merging := make(chan struct{}), make(chan struct{}, 2)
	go func() {
		defer close(done)
		<-merging // the merges are under way
		for i := 0; i < n; i += 10 {
			runtime.Gosched()
			var errs []error
			for _, e := range es[i : i+10] {
				errs = append(errs, b.Record(e))
			}
			a := Amendment{Evaluation: es[i], Author: "A", Reason: "fix"}
			a.Result.Grade, a.Result.Points = "poor", decimal.New(int64(i), -10)
			if err := errors.Join(append(errs, b.Amend(a))...); err != nil {
				t.Errorf("recording evaluations %d–%d: %v", i, i+9, err)
			}
		}
	}()
	var mu sync.Mutex
	var merged []*Book
	var wg sync.WaitGroup
	for range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			merging <- struct{}{}
			for k := 0; k < 40; k++ { // until the recording ends, or 40 times
				select {
				case <-done:
					k = 40
				default:
				}
				c := NewBook(nil)
				if err := c.Merge(b); err != nil {
					t.Errorf("Merge = %v", err)
					return
				}
				mu.Lock()
				merged = append(merged, c)
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	<-done
	want := map[string]Evaluation{}
	for _, e := range b.Evaluations() {
		want[e.Matter] = e
	}
	for _, c := range merged {
		got := c.Evaluations()
		seen := map[string]bool{}
		for _, e := range got {
			seen[e.Matter] = true
			if diff := cmp.Diff(want[e.Matter], e); diff != "" {
				t.Fatalf("merged evaluation of %q mismatch (-want +got):\n%s", e.Matter, diff)
			}
		}
		// Recorded in order: the merged ones are the first len(got).
		for _, e := range es[:len(got)] {
			if !seen[e.Matter] {
				t.Fatalf("a merge of %d evaluations lacks %q, recorded before some it has", len(got), e.Matter)
			}
		}
	}
	final := NewBook(nil)
	if err := final.Merge(b); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(b.Amendments(), final.Amendments()); diff != "" {
		t.Errorf("merged amendments mismatch (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(b.Scores(Year(2020)), final.Scores(Year(2020))); diff != "" {
		t.Errorf("merged scores mismatch (-want +got):\n%s", diff)
	}
}

// TestRecordConcurrentOverlapping records overlapping evaluations from
// several goroutines at once, while another reads; the book ends as one
// built in sequence. The same key always comes with the
// same evaluation, so that the order does not matter.
func TestRecordConcurrentOverlapping(t *testing.T) {
	g := &evalGen{r: rand.New(rand.NewPCG(42, 42))}
	var pool []Evaluation
	seen := map[string]bool{}
	for len(pool) < 600 {
		e := g.evaluation()
		e.Matter += fmt.Sprint("-", len(pool)%50) // more matters
		k := fmt.Sprintf("%q %q %q %d", e.Matter, e.Subject, e.Evaluator, e.Stage)
		if seen[k] && NewBook(nil).Record(e) == nil {
			continue
		}
		seen[k] = true
		pool = append(pool, e)
	}
	seq := NewBook(nil)
	for _, e := range pool {
		_ = seq.Record(e)
	}

	b := NewBook(nil)
	const workers = 6
	var wg sync.WaitGroup
	stop := make(chan struct{})
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r := rand.New(rand.NewPCG(uint64(w), 1))
			var mine []Evaluation
			for i, e := range pool {
				if (i+w)%3 != 0 {
					mine = append(mine, e)
				}
			}
			for len(mine) > 0 {
				n := min(len(mine), 1+r.IntN(40))
				for _, e := range mine[:n] {
					_ = b.Record(e)
				}
				mine = mine[n:]
			}
		}()
	}
	readers := make(chan struct{})
	go func() {
		defer close(readers)
		for {
			select {
			case <-stop:
				return
			default:
				_ = b.Scores(Year(2020))
				_, _ = json.Marshal(b)
			}
		}
	}()
	wg.Wait()
	close(stop)
	<-readers
	sameBook(t, "concurrent", seq, b)
	if seq.Len() < 300 {
		t.Fatalf("only %d evaluations accepted: the pool is too invalid to test much", seq.Len())
	}
}

// The values random evaluations draw from, and the periods books are
// compared over.
var (
	evalTimes = []time.Time{june, june.Add(time.Hour), Year(2021).From, y1700, y2300, year1,
		time.Unix(-nanoEdge, 0), time.Unix(-nanoEdge+1, 5), time.Unix(nanoEdge-1, 999_999_999), time.Unix(nanoEdge, 1)}
	evalPoints = []string{"85", "70", "40", "100", "0", "-0.5", "12.345678", "0.0000001", "1e30",
		"4611686018427.387904", "-4611686018427.387905", "9223372036854.775807"}
	evalReasons = [][]string{nil, {"r"}, {"r"}, {"r", "s"}, {"很好"}, {""}}
	evalPeriods = []Period{Year(2020), Year(2021), {From: encFarPast, To: encFarFuture},
		{From: time.Date(1700, 1, 1, 0, 0, 0, 0, cst), To: time.Date(1830, 1, 1, 0, 0, 0, 0, cst)},
		{From: time.Unix(nanoEdge-1, 999_999_999), To: y2300.Add(1)}}
)

// evalGen makes random evaluations, some of them invalid, some repeating
// earlier ones.
type evalGen struct {
	r    *rand.Rand
	seen []Evaluation
}

func (g *evalGen) evaluation() Evaluation {
	r := g.r
	if len(g.seen) > 0 && r.IntN(8) == 0 {
		e := g.seen[r.IntN(len(g.seen))] // the same evaluation again
		if r.IntN(2) == 0 {
			e.Result.Points = e.Result.Points.Add(decimal.NewFromInt(1)) // the same key, another result
		}
		return e
	}
	grade := testScale()[r.IntN(4)].Code
	e := Evaluation{
		Matter:    fmt.Sprint("M", r.IntN(12)),
		Subject:   fmt.Sprint("D", r.IntN(4)),
		Evaluator: fmt.Sprint("S", r.IntN(2)),
		Stage:     r.IntN(3),
		At:        evalTimes[r.IntN(len(evalTimes))].Add(time.Duration(r.IntN(3))),
		Result: Result{Grade: grade, Points: decimal.RequireFromString(evalPoints[r.IntN(len(evalPoints))]),
			Policy: []string{"p", "q"}[r.IntN(2)], Reasons: reason.Texts(evalReasons[r.IntN(len(evalReasons))]...)},
	}
	if r.IntN(9) == 0 {
		e.Matter = "事项" + e.Matter
	}
	if r.IntN(6) == 0 {
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
			e.Stage = min(math.MaxInt, 1<<31)
		case 5:
			e.At = time.Time{}
		case 6:
			e.Result.Grade = ""
		case 7:
			e.Matter += "\xff"
		case 8:
			e.Subject = "\xfe" + e.Subject
		case 9:
			e.Result.Reasons = reason.Texts("ok", "bad \xc3")
		case 10:
			e.Result.Policy = "\xff"
		case 11:
			e.Matter, e.At = "", time.Time{} // two problems at once
		}
	}
	g.seen = append(g.seen, e)
	return e
}

// sameBook reports how two books differ through the API.
func sameBook(t *testing.T, what string, want, got *Book) {
	t.Helper()
	if diff := cmp.Diff(want.Evaluations(), got.Evaluations()); diff != "" {
		t.Fatalf("%s: Evaluations() mismatch (-want +got):\n%s", what, diff)
	}
	if diff := cmp.Diff(want.Amendments(), got.Amendments()); diff != "" {
		t.Fatalf("%s: Amendments() mismatch (-want +got):\n%s", what, diff)
	}
	for _, p := range evalPeriods {
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

// TestMarshalWhileAmending writes a book's JSON while another goroutine
// records evaluations and amends each at once: every JSON written is one
// state of the book, which a book reads back — never an amendment whose
// evaluation it left out.
func TestMarshalWhileAmending(t *testing.T) {
	b := NewBook(nil)
	for i := range 20000 { // so that writing the evaluations takes a while
		if err := b.Record(eval(fmt.Sprintf("A%05d", i), "D1", 0, june, "good", "85")); err != nil {
			t.Fatal(err)
		}
	}
	done := make(chan struct{})
	go func() {
		defer close(done)
		for i := range 2000 {
			e := eval(fmt.Sprintf("M%04d", i), "D1", 0, june, "good", "85")
			a := Amendment{Evaluation: e, Author: "街道", Reason: "复核"}
			a.At, a.Result.Grade = june.Add(time.Hour), "fair"
			if err := b.Record(e); err != nil {
				t.Error(err)
				return
			}
			if err := b.Amend(a); err != nil {
				t.Error(err)
				return
			}
		}
	}()
	for running := true; running; {
		select {
		case <-done:
			running = false
		default:
		}
		j, err := json.Marshal(b)
		if err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal(j, NewBook(nil)); err != nil {
			t.Fatalf("the JSON of a book being amended does not read back: %v", err)
		}
	}
}
