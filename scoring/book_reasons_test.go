package scoring_test

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/qingdan/qingdan/locality/wuhu"
	"github.com/qingdan/qingdan/scoring"
	"github.com/shopspring/decimal"
)

// decided grades facts by Wuhu's table and returns the evaluation with
// its decision record.
func decided(t *testing.T, f scoring.Facts) scoring.Evaluation {
	t.Helper()
	r, err := wuhu.Table().Evaluate(f)
	if err != nil {
		t.Fatal(err)
	}
	e := f.Evaluation(time.Date(2020, 6, 2, 10, 0, 0, 0, time.UTC), r)
	e.Facts = &f
	return e
}

// TestBookKeepsReasonsNotFacts: a book gives back a table's reasons
// exactly, through its JSON too, and checks the facts of an evaluation
// without keeping them.
func TestBookKeepsReasonsNotFacts(t *testing.T) {
	b := scoring.NewBook(nil)
	var want []scoring.Evaluation
	for i, f := range variedFacts(300) {
		f.Matter = strings.Repeat("M", 1+i%3) + f.Matter
		e := decided(t, f)
		if err := b.Record(e); err != nil {
			t.Fatal(err)
		}
		e.Facts = nil
		want = append(want, e)
	}
	byKey := func(es []scoring.Evaluation) map[string]scoring.Evaluation {
		m := map[string]scoring.Evaluation{}
		for _, e := range es {
			e.At = e.At.UTC()
			m[e.Matter+"|"+e.Subject] = e
		}
		return m
	}
	if diff := cmp.Diff(byKey(want), byKey(b.Evaluations())); diff != "" {
		t.Errorf("Evaluations mismatch (-want +got):\n%s", diff)
	}
	data, err := json.Marshal(b)
	if err != nil {
		t.Fatal(err)
	}
	back := scoring.NewBook(nil)
	if err := json.Unmarshal(data, back); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(byKey(want), byKey(back.Evaluations())); diff != "" {
		t.Errorf("Evaluations after JSON mismatch (-want +got):\n%s", diff)
	}
}

// TestRecordChecksTheDecisionRecord: facts of another matter, subject,
// evaluator or stage, and reasons JSON could not read back, are refused,
// also by a book that holds the sound reasons already (a code past 255
// must not pass for the one it is 256 past).
func TestRecordChecksTheDecisionRecord(t *testing.T) {
	base := timely()
	base.Evaluator = "S1"
	tests := []struct {
		name   string
		change func(*scoring.Evaluation)
		want   string
	}{
		{"facts of another matter", func(e *scoring.Evaluation) { e.Facts.Matter = "M2" }, "facts of another matter"},
		{"facts of another subject", func(e *scoring.Evaluation) { e.Facts.Subject = "D2" }, "facts of another matter"},
		{"facts of another stage", func(e *scoring.Evaluation) { e.Facts.Stage = 3 }, "facts of another matter"},
		{"a check with no figure", func(e *scoring.Evaluation) { e.Result.Reasons[0].Checks[0].Of = 0 }, "reasons[0]"},
		{"a threshold JSON cannot read", func(e *scoring.Evaluation) { e.Result.Reasons[0].Checks[0].Threshold = decimal.New(1, 80) }, "reasons[0]"},
		{"a language not named", func(e *scoring.Evaluation) { e.Result.Reasons[0].Lang = 9 }, "reasons[0]"},
		{"a type that is not UTF-8", func(e *scoring.Evaluation) { e.Result.Reasons[0].Type = "\xff" }, "not valid UTF-8"},
		{"a language 256 past English", func(e *scoring.Evaluation) { e.Result.Reasons[0].Lang += 256 }, "reasons[0]"},
		{"a check's figure 256 past one", func(e *scoring.Evaluation) { e.Result.Reasons[0].Checks[0].Of += 256 }, "reasons[0]"},
		{"a check's comparison 256 past one", func(e *scoring.Evaluation) { e.Result.Reasons[0].Checks[0].Op += 256 }, "reasons[0]"},
		{"a figure 256 past one", func(e *scoring.Evaluation) { e.Result.Reasons[0].Figures[0].Of += 256 }, "reasons[0]"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := base
			e := decided(t, f)
			sound := e
			sound.Matter, sound.Facts = "M-sound", nil
			held := scoring.NewBook(nil)
			if err := held.Record(sound); err != nil {
				t.Fatal(err)
			}
			tt.change(&e)
			for _, b := range []*scoring.Book{scoring.NewBook(nil), held} {
				err := b.Record(e)
				if !errors.Is(err, scoring.ErrInvalid) || !strings.Contains(err.Error(), tt.want) {
					t.Errorf("Record = %v, want an error wrapping ErrInvalid that says %q", err, tt.want)
				}
			}
		})
	}
	if err := scoring.NewBook(nil).Record(decided(t, base)); err != nil {
		t.Errorf("a sound decision record is refused: %v", err)
	}
}
