package scoring

import (
	"bytes"
	"encoding/json"
	"errors"
	"math"
	"testing"
	"time"

	"github.com/qingdan/qingdan/internal/hardening"
	"github.com/shopspring/decimal"
)

// FuzzRecord records arbitrary evaluations and amendments: nothing may
// panic, and the book stays consistent — the scores of all time count
// exactly the accepted evaluations, and its JSON round-trips.
func FuzzRecord(f *testing.F) {
	f.Add("M1", "D1", "S1", 0, int64(1592186400), "good", "85", []byte{0, 1, 2, 3})
	f.Add("", "", "", -1, int64(0), "", "1e-40", []byte{})
	f.Add("M", "D", "S", min(math.MaxInt, 1<<31), int64(-62135596800), "x", "-1e300", []byte{255, 7})
	f.Fuzz(func(t *testing.T, matter, subject, evaluator string, stage int, sec int64, grade, points string, ops []byte) {
		p, err := decimal.NewFromString(points)
		if err != nil {
			p = decimal.Zero
		}
		b := NewBook(nil)
		accepted := 0
		for i, op := range ops {
			e := Evaluation{Matter: matter, Subject: subject, Evaluator: evaluator, Stage: stage + int(op%3),
				At: time.Unix(sec, int64(i)), Result: Result{Grade: grade, Points: p.Add(decimal.NewFromInt(int64(op)))}}
			if op%5 == 4 {
				err := b.Amend(Amendment{Evaluation: e, Author: "a", Reason: "r"})
				if err != nil && !errors.Is(err, ErrNotFound) && !errors.Is(err, ErrInvalid) && !errors.Is(err, ErrDuplicate) {
					t.Fatalf("Amend: unexpected error %v", err)
				}
				continue
			}
			if err := b.Record(e); err == nil {
				accepted++
			} else if !errors.Is(err, ErrDuplicate) && !errors.Is(err, ErrInvalid) {
				t.Fatalf("Record: unexpected error %v", err)
			}
		}
		if b.Len() != accepted {
			t.Fatalf("Len = %d, accepted %d", b.Len(), accepted)
		}
		all := Period{From: time.Unix(-1<<62, 0), To: time.Unix(1<<62, 0)}
		n := 0
		for _, s := range b.Scores(all) {
			n += s.Evaluations
		}
		if n != accepted {
			t.Fatalf("Scores count %d evaluations, accepted %d", n, accepted)
		}
		data, err := json.Marshal(b)
		if err != nil {
			t.Fatalf("the book does not write: %v", err) // Record refuses what JSON cannot write
		}
		var back Book
		if err := json.Unmarshal(data, &back); err != nil {
			t.Fatalf("the book's JSON does not load: %v", err)
		}
		again, _ := json.Marshal(&back)
		if !bytes.Equal(again, data) {
			t.Fatalf("book JSON does not round-trip:\n%s\n%s", data, again)
		}
	})
}

// FuzzBookJSON reads arbitrary bytes as a book: no panic, time linear in
// the input, every error wraps ErrInvalid, and a book that reads writes,
// and writes the same JSON again after another round.
func FuzzBookJSON(f *testing.F) {
	f.Add([]byte(`{"evaluations":[{"matter":"M","subject":"D","evaluator":"S","at":"2020-06-15T10:00:00+08:00","result":{"grade":"good","points":"85","reasons":["r"]}}],` +
		`"amendments":[{"matter":"M","subject":"D","evaluator":"S","at":"2020-06-16T10:00:00+08:00","result":{"grade":"fair","points":"70"},"author":"a","reason":"r"}]}`))
	f.Add([]byte(`{"evaluations":[{"matter":"M"}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		var b Book
		var err error
		hardening.Linear(t, len(data), func() { err = b.UnmarshalJSON(data) })
		if err != nil {
			if !errors.Is(err, ErrInvalid) {
				t.Fatalf("UnmarshalJSON: %v does not wrap ErrInvalid", err)
			}
			return
		}
		out, err := json.Marshal(&b)
		if err != nil {
			t.Fatalf("a book that reads does not write: %v", err) // Record refuses what JSON cannot write
		}
		var again Book
		if err := json.Unmarshal(out, &again); err != nil {
			t.Fatalf("%s: %v", out, err)
		}
		if out2, _ := json.Marshal(&again); !bytes.Equal(out, out2) {
			t.Fatalf("book JSON does not round-trip:\n%s\n%s", out, out2)
		}
	})
}
