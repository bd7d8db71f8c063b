package scoring

import (
	"bytes"
	"encoding/json"
	"errors"
	"testing"
	"time"

	"github.com/shopspring/decimal"
)

// FuzzLoadTable loads arbitrary JSON as a table: no input may panic; a
// table that loads validates, evaluates any facts without panicking, and
// round-trips through Save.
func FuzzLoadTable(f *testing.F) {
	var buf bytes.Buffer
	if err := DefaultTable().Save(&buf); err != nil {
		f.Fatal(err)
	}
	f.Add(buf.Bytes(), int64(time.Hour), int64(4*time.Hour), 3)
	f.Add([]byte(`{"version":"v","rules":[{"grade":"poor","responseAtMost":"0.5"},{"grade":"good"}]}`), int64(1), int64(2), 0)
	f.Add([]byte(`{"version":"v","rules":[{"grade":"poor","responseOver":"1e-30"},{"grade":"good","resolutionAtMost":1e9999}]}`), int64(-1), int64(0), 7)
	f.Add([]byte(`{"version":"v","scale":[{"code":"a","points":"1"}],"rules":[{"grade":"a","satisfaction":"满意","types":["x"]}]}`), int64(0), int64(0), -1)
	f.Fuzz(func(t *testing.T, data []byte, response, limit int64, quality int) {
		tbl, err := LoadTable(bytes.NewReader(data))
		if err != nil {
			return
		}
		if err := tbl.Validate(); err != nil {
			t.Fatalf("a loaded table does not validate: %v", err)
		}
		yes := quality%2 == 0
		facts := Facts{Responded: response%3 == 0, Response: time.Duration(response), ResponseLimit: time.Duration(limit),
			Resolution: time.Duration(limit), ResolutionLimit: time.Duration(response), Quality: quality, Satisfied: &yes}
		r, err := tbl.Evaluate(facts)
		if err != nil {
			t.Fatalf("a validated table refused %+v: %v", facts, err)
		}
		if _, ok := tbl.Scale.orDefault().Grade(r.Grade); !ok || len(r.Reasons) != 1 {
			t.Fatalf("Evaluate = %+v", r)
		}
		var out bytes.Buffer
		if err := tbl.Save(&out); err != nil {
			t.Fatal(err)
		}
		back, err := LoadTable(&out)
		if err != nil {
			t.Fatalf("a saved table does not load: %v", err)
		}
		r2, err := back.Evaluate(facts)
		if err != nil || r2.Grade != r.Grade {
			t.Fatalf("the reloaded table grades %v %v, not %v", r2.Grade, err, r.Grade)
		}
	})
}

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

// FuzzBlend blends arbitrary weights and parts: no panic; a blend that
// succeeds has weights summing to exactly 1.
func FuzzBlend(f *testing.F) {
	f.Add("subdistrict", "0.3", "department", "0.7", "91.5", "88")
	f.Add("a", "-1", "b", "2", "1e400", "x")
	f.Add("a", "1", "a", "0", "1", "1")
	f.Fuzz(func(t *testing.T, n1, w1, n2, w2, p1, p2 string) {
		num := func(s string) decimal.Decimal {
			v, err := decimal.NewFromString(s)
			if err != nil {
				return decimal.Zero
			}
			return v
		}
		w := Weights{n1: num(w1), n2: num(w2)}
		parts := map[string]decimal.Decimal{n1: num(p1), n2: num(p2)}
		got, err := Blend(w, parts)
		if err != nil {
			if !errors.Is(err, ErrWeights) {
				t.Fatalf("Blend: %v does not wrap ErrWeights", err)
			}
			return
		}
		sum := decimal.Zero
		want := decimal.Zero
		for k, v := range w {
			sum = sum.Add(v)
			want = want.Add(v.Mul(parts[k]))
		}
		if !sum.Equal(decimal.NewFromInt(1)) || !got.Equal(want) {
			t.Fatalf("Blend(%v, %v) = %s", w, parts, got)
		}
	})
}

// FuzzFactsJSON decodes arbitrary facts: no panic, and what decodes
// round-trips.
func FuzzFactsJSON(f *testing.F) {
	f.Add([]byte(`{"matter":"M","response":"4h0m0s","responseLimit":7200000000000,"satisfied":true}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		var x Facts
		if json.Unmarshal(data, &x) != nil {
			return
		}
		out, err := json.Marshal(x)
		if err != nil {
			t.Fatal(err)
		}
		var y Facts
		if err := json.Unmarshal(out, &y); err != nil {
			t.Fatalf("%s: %v", out, err)
		}
		if again, _ := json.Marshal(y); !bytes.Equal(again, out) {
			t.Fatalf("facts JSON does not round-trip: %s %s", out, again)
		}
		_, _ = DefaultTable().Evaluate(x)
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
