package main

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/qingdan/qingdan/journal"
	"github.com/qingdan/qingdan/matters"
	"github.com/qingdan/qingdan/scoring"
)

// placed is what place reads of a line.
type placed struct {
	Seq             int64
	Matter, Subject string
}

// slowPlace reads a line as place's fallback does, with encoding/json.
func slowPlace(t testing.TB, line []byte) placed {
	t.Helper()
	var e struct {
		Seq     int64 `json:"seq"`
		Payload struct {
			Matter  string `json:"matter"`
			Subject string `json:"subject"`
		} `json:"payload"`
	}
	if err := json.Unmarshal(line, &e); err != nil {
		t.Fatalf("%s: %v", line, err)
	}
	return placed{e.Seq, e.Payload.Matter, e.Payload.Subject}
}

// sealed returns the journal line of v at entry 41.
func sealed(t testing.TB, v any) []byte {
	t.Helper()
	line, _, err := journal.Seal(journal.Head{Seq: 40, Hash: journal.Hash{1}}, v, nil)
	if err != nil {
		t.Fatal(err)
	}
	return line
}

// evaluation is an evaluation of subject on matter.
func evaluation(matter, subject string) scoring.Evaluation {
	return scoring.Evaluation{Matter: matter, Subject: subject, Evaluator: "jinghu", At: time.Date(2020, 6, 1, 9, 0, 0, 0, time.UTC),
		Result: scoring.Result{Grade: "good"}}
}

// TestPlace: place reads the entry, the matter and the subject of every
// line of the wuhu year, of an amendment and of names that need escapes
// by the canonical form's short path, and of other JSON (not canonical)
// as encoding/json does; what is not JSON is an error.
func TestPlace(t *testing.T) {
	year := loadWuhuYear(t)
	lines := bytes.Split(bytes.TrimSuffix(year.journal, []byte("\n")), []byte("\n"))
	amended := scoring.Amendment{Evaluation: evaluation("WH2020-0001", "jjzd"), Author: "jinghu", Reason: "复核"}
	lines = append(lines,
		sealed(t, amended),
		sealed(t, matters.Event{Matter: "W\"H\\1\u2028<&>", Seq: 1, At: time.Date(2020, 6, 1, 9, 0, 0, 0, time.UTC)}),
		sealed(t, evaluation("WH\t1", "单位\"甲\"")))
	for i, line := range lines {
		seq, matter, subject, ok := placeCanonical(line)
		if want, got := slowPlace(t, line), (placed{seq, matter, subject}); !ok || got != want {
			t.Errorf("line %d: placeCanonical = %+v, %v; want %+v, as encoding/json reads it", i+1, got, ok, want)
		}
	}
	event := sealed(t, matters.Event{Matter: "WH1", Seq: 2, At: time.Date(2020, 6, 1, 9, 0, 0, 0, time.UTC)})
	for _, tt := range []struct{ name, line string }{
		{"spaced", strings.Replace(string(event), `"payload":{`, `"payload": {`, 1)},
		{"members reordered", `{"kind":"evaluation","seq":7,"payload":{"subject":"jjzd","matter":"WH1"}}`},
		{"no kind", `{"seq":7,"payload":{"matter":"WH1","subject":"jjzd"}}`},
		{"a short prev", `{"seq":7,"kind":"event","prev":"00","payload":{"matter":"WH1"}}`},
	} {
		if _, _, _, ok := placeCanonical([]byte(tt.line)); ok {
			t.Errorf("%s: read as canonical", tt.name)
		}
		seq, matter, subject, err := place([]byte(tt.line))
		if want, got := slowPlace(t, []byte(tt.line)), (placed{seq, matter, subject}); err != nil || got != want {
			t.Errorf("%s: place = %+v, %v; want %+v, as encoding/json reads it", tt.name, got, err, want)
		}
	}
	if _, _, _, err := place([]byte(`{"seq":7,"kind":"event",`)); err == nil {
		t.Error("a line cut short: no error")
	}
}

// FuzzPlace: place reads the matter and the subject of any event and
// any evaluation sealed, whatever their names, and never panics on a
// line, whatever it holds.
func FuzzPlace(f *testing.F) {
	f.Add("WH2020-0001", "jjzd", []byte(`{"seq":1,"kind":"event","prev":"0000000000000000000000000000000000000000000000000000000000000000","payload":{"matter":"WH1"}}`))
	f.Add("W\"H\\", "单位\u2028", []byte(`{"seq":`))
	f.Fuzz(func(t *testing.T, matter, subject string, line []byte) {
		place(line)
		placeCanonical(line)
		at := time.Date(2020, 6, 1, 9, 0, 0, 0, time.UTC)
		for _, v := range []any{matters.Event{Matter: matter, Seq: 1, At: at}, evaluation(matter, subject)} {
			line, _, err := journal.Seal(journal.Head{Seq: 40, Hash: journal.Hash{1}}, v, nil)
			if err != nil {
				continue // no canonical form: a Writer refuses it too
			}
			want := subject // an evaluation's; an event has none
			if _, ev := v.(matters.Event); ev {
				want = ""
			}
			if seq, m, s, ok := placeCanonical(line); !ok || seq != 41 || m != matter || s != want {
				t.Errorf("%s: placeCanonical = %d, %q, %q, %v", line, seq, m, s, ok)
			}
		}
	})
}
