package scoring

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"
)

// FuzzRecord records arbitrary evaluations and amendments: nothing may
// panic, and the book stays consistent — the scores of all time count
// exactly the accepted evaluations, and its JSON round-trips.
func FuzzRecord(f *testing.F) {
	f.Add("M1", "D1", "S1", 0, int64(1592186400), "good", "85", []byte{0, 1, 2, 3})
	f.Add("", "", "", -1, int64(0), "", "1e-40", []byte{})
	f.Add("M", "D", "S", 1<<31, int64(-62135596800), "x", "-1e300", []byte{255, 7})
	f.Fuzz(func(t *testing.T, matter, subject, evaluator string, stage int, sec int64, grade, points string, ops []byte) {
		p, err := decimal.NewFromString(points)
		if err != nil {
			p = decimal.Zero
		}
		b := NewBook()
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
			return // times beyond year 9999 do not marshal
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

// FuzzRecordAll builds a batch of evaluations from the input — sharing
// and varying matter, subject, evaluator, stage, time and points, some of
// them invalid or repeated — and records it with RecordAll in one book and
// with Record, one by one, in another: nothing may panic, the errors agree,
// and the books are the same.
func FuzzRecordAll(f *testing.F) {
	f.Add([]byte{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19}, "M", int64(1592186400), "85")
	f.Add([]byte{255, 254, 253, 252, 0, 0, 0, 0, 7, 7, 7, 7}, "事项", int64(-62135596799), "0.0000001")
	f.Add([]byte{3, 9, 27, 81, 243, 1, 2, 4, 8, 16, 32, 64, 128}, "", int64(4611686017), "-4611686018427.387905")
	f.Add([]byte{1, 2, 3}, "M\xff", int64(1<<62), "1e30")
	f.Fuzz(func(t *testing.T, data []byte, matter string, sec int64, points string) {
		p, err := decimal.NewFromString(points)
		if err != nil {
			p = decimal.New(int64(len(points)), -7)
		}
		matters := []string{matter, matter + "1", "", matter + "\xff", "M"}
		subjects := []string{"D0", "D1", "", "\xfe"}
		evaluators := []string{"S0", "S1", ""}
		times := []time.Time{time.Unix(sec, 0), {}, time.Unix(-4611686017, 999_999_999), time.Unix(4611686017, 0),
			time.Date(1700, 3, 1, 0, 0, 0, 1, time.UTC), time.Date(2020, 6, 15, 10, 0, 0, 0, time.UTC)}
		var batch []Evaluation
		for i := 0; i+3 < len(data) && len(batch) < 100; i += 4 {
			b0, b1, b2, b3 := data[i], data[i+1], data[i+2], data[i+3]
			e := Evaluation{
				Matter:    matters[int(b0)%len(matters)],
				Subject:   subjects[int(b1)%len(subjects)],
				Evaluator: evaluators[int(b1>>2)%len(evaluators)],
				Stage:     int(b2%5) - 1,
				At:        times[int(b2>>3)%len(times)].Add(time.Duration(b0 >> 4)),
				Result:    Result{Grade: "good", Points: p.Add(decimal.New(int64(b3), -int32(b3%9))), Policy: "p"},
			}
			if b3%7 == 0 {
				e.Result.Grade = ""
			}
			if b3%3 == 0 {
				e.Result.Reasons = []string{matter}
			}
			batch = append(batch, e)
		}
		all, one := NewBook(), NewBook()
		var want []string
		for _, e := range batch {
			if err := one.Record(e); err != nil {
				want = append(want, err.Error())
			}
		}
		got := all.RecordAll(batch)
		if len(want) == 0 {
			if got != nil {
				t.Fatalf("RecordAll = %v; Record accepted every evaluation", got)
			}
		} else {
			if len(want) > 10 {
				want = append(want[:10], fmt.Sprintf("and %d more evaluations rejected", len(want)-10))
			}
			if got == nil || got.Error() != strings.Join(want, "\n") {
				t.Fatalf("RecordAll = %v, want\n%s", got, strings.Join(want, "\n"))
			}
		}
		wj, werr := one.MarshalJSON()
		gj, gerr := all.MarshalJSON()
		if werr == nil && gerr == nil {
			if !bytes.Equal(wj, gj) {
				t.Fatalf("RecordAll made\n%s\nRecord made\n%s", gj, wj)
			}
			return
		}
		if diff := cmp.Diff(one.Evaluations(), all.Evaluations()); diff != "" {
			t.Fatalf("Evaluations() mismatch (-Record +RecordAll):\n%s", diff)
		}
	})
}

// FuzzBookJSON reads arbitrary bytes as a book: no panic, and a book that
// reads writes the same JSON again after another round.
func FuzzBookJSON(f *testing.F) {
	f.Add([]byte(`{"evaluations":[{"matter":"M","subject":"D","evaluator":"S","at":"2020-06-15T10:00:00+08:00","result":{"grade":"good","points":"85","reasons":["r"]}}],` +
		`"amendments":[{"matter":"M","subject":"D","evaluator":"S","at":"2020-06-16T10:00:00+08:00","result":{"grade":"fair","points":"70"},"author":"a","reason":"r"}]}`))
	f.Add([]byte(`{"evaluations":[{"matter":"M"}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		var b Book
		if json.Unmarshal(data, &b) != nil {
			return
		}
		out, err := json.Marshal(&b)
		if err != nil {
			return // a time JSON cannot write
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
