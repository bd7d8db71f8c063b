package scoring_test

import (
	"encoding/json"
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/qingdan/qingdan/internal/hardening"
	"github.com/qingdan/qingdan/matters/workday"
	"github.com/qingdan/qingdan/scoring"
	"github.com/qingdan/qingdan/scoring/reason"
	"github.com/shopspring/decimal"
)

// TestJSONRoundTrip writes each exchanged type as JSON and reads it back.
func TestJSONRoundTrip(t *testing.T) {
	yes := true
	at := time.Date(2020, 6, 15, 10, 0, 0, 123, workday.CST())
	r := scoring.Result{Grade: "good", Points: decimal.RequireFromString("85.50"), Policy: "p", Reasons: reason.Texts("r")}
	x := decimal.RequireFromString("1.5")
	for _, v := range []any{
		&scoring.Grade{Code: "good", Label: "较好", Points: decimal.NewFromInt(85)},
		&scoring.Scale{{Code: "a", Points: decimal.RequireFromString("0.5")}},
		&r,
		&scoring.Facts{Matter: "M", Response: time.Hour, Satisfied: &yes, Attrs: map[string]string{"k": "v"}},
		&scoring.Evaluation{Matter: "M", Subject: "D", Evaluator: "S", Stage: 2, At: at, Result: r},
		&scoring.Amendment{Evaluation: scoring.Evaluation{Matter: "M", Subject: "D", Evaluator: "S", At: at, Result: r}, Author: "王", Reason: "复核"},
		&scoring.Score{Subject: "D", Matters: 2, Evaluations: 3, Composite: decimal.RequireFromString("91.25"), Grades: map[string]int{"good": 3}, Rank: 1},
		&scoring.Period{From: scoring.Year(2020).From, To: scoring.Year(2020).To},
		&scoring.TableRule{Name: "n", Grade: "good", ResponseAtMost: &x, Satisfaction: scoring.NotDissatisfied, Types: []string{"x"}},
	} {
		b, err := json.Marshal(v)
		if err != nil {
			t.Fatalf("%T: %v", v, err)
		}
		back := reflect.New(reflect.TypeOf(v).Elem()).Interface()
		if err := json.Unmarshal(b, back); err != nil {
			t.Fatalf("%T: %s: %v", v, b, err)
		}
		if diff := cmp.Diff(v, back); diff != "" {
			t.Errorf("%T round trip mismatch (-want +got):\n%s", v, diff)
		}
	}
}

// TestResultJSON pins the form of a Result, which a journal hashes: the
// keys in the order of the fields, the points a string.
func TestResultJSON(t *testing.T) {
	for _, tt := range []struct {
		r    scoring.Result
		want string
	}{
		{scoring.Result{}, `{"points":"0"}`},
		{scoring.Result{Grade: "good", Points: decimal.RequireFromString("85.50"), Policy: "p/1", Reasons: reason.Texts("r")},
			`{"grade":"good","points":"85.5","policy":"p/1","reasons":["r"]}`},
	} {
		b, err := json.Marshal(tt.r)
		if err != nil || string(b) != tt.want {
			t.Errorf("Marshal(%+v) = %s, %v; want %s", tt.r, b, err, tt.want)
		}
	}
}

// FuzzValueJSON decodes arbitrary input as each of the package's values
// that no other fuzz target reads on its own (a book's, a table's and the
// facts' have theirs), evaluations and amendments among them: no panic, time linear in the input, and either an
// error wrapping ErrInvalid or a value that writes and reads back equal.
func FuzzValueJSON(f *testing.F) {
	hardening.AddJSONSeeds(f)
	f.Add([]byte(`{"subject":"D","matters":2,"evaluations":3,"composite":"91.25","grades":{"good":3},"rank":1}`))
	f.Add([]byte(`{"code":"good","label":"良好","points":"85"}`))
	f.Add([]byte(`{"grade":"good","points":"85","reasons":[{"text":"x"}]}`))
	f.Add([]byte(`{"name":"fast","grade":"good","responseAtMost":"0.5","qualityMin":3}`))
	f.Add([]byte(`{"matter":"M","subject":"D","evaluator":"S","stage":2,"at":"2020-06-15T10:00:00.000000123+08:00","result":{"grade":"good","points":"85.5"},"facts":{"matter":"M","response":"1h"}}`))
	f.Add([]byte(`{"matter":"M","subject":"D","evaluator":"S","at":"2020-06-15T10:00:00Z","result":{"points":"0"},"author":"王","reason":"复核"}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		hardening.RoundTrips[scoring.Evaluation](t, data, scoring.ErrInvalid)
		hardening.RoundTrips[scoring.Amendment](t, data, scoring.ErrInvalid)
		hardening.RoundTrips[scoring.Score](t, data, scoring.ErrInvalid)
		hardening.RoundTrips[scoring.Grade](t, data, scoring.ErrInvalid)
		hardening.RoundTrips[scoring.Result](t, data, scoring.ErrInvalid)
		hardening.RoundTrips[scoring.TableRule](t, data, scoring.ErrInvalid)
	})
}

// TestEvaluationJSONStrict: an evaluation and an amendment, exchanged
// alone as well as in a book, decode as strictly as a book reads them: a
// key they do not have, a key in another case or given twice, are errors
// wrapping ErrInvalid that name the key; an amendment keeps its author
// and reason, and null leaves either alone.
func TestEvaluationJSONStrict(t *testing.T) {
	const ev = `"matter":"M","subject":"D","evaluator":"S","at":"2020-06-15T10:00:00+08:00","result":{"grade":"good","points":"85"}`
	for _, tt := range []struct {
		name, in, want string
		into           func() any
	}{
		{"evaluation, unknown key", `{` + ev + `,"grde":"good"}`, `unknown field "grde"`, func() any { return new(scoring.Evaluation) }},
		{"evaluation, key in another case", `{` + ev + `,"Stage":2}`, `"Stage"`, func() any { return new(scoring.Evaluation) }},
		{"evaluation, key twice", `{` + ev + `,"matter":"N"}`, `"matter"`, func() any { return new(scoring.Evaluation) }},
		{"evaluation, points too long", `{"matter":"M","result":{"points":"1` + strings.Repeat("0", 70) + `"}}`, "points", func() any { return new(scoring.Evaluation) }},
		{"amendment, unknown key", `{` + ev + `,"author":"王","reason":"复核","approved":true}`, `unknown field "approved"`, func() any { return new(scoring.Amendment) }},
		{"amendment, key twice", `{` + ev + `,"author":"王","reason":"复核","author":"李"}`, `"author"`, func() any { return new(scoring.Amendment) }},
	} {
		t.Run(tt.name, func(t *testing.T) {
			err := json.Unmarshal([]byte(tt.in), tt.into())
			if !errors.Is(err, scoring.ErrInvalid) || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Unmarshal = %v; want an error wrapping ErrInvalid naming %s", err, tt.want)
			}
		})
	}
	var a scoring.Amendment
	if err := json.Unmarshal([]byte(`{`+ev+`,"author":"王","reason":"复核"}`), &a); err != nil || a.Author != "王" || a.Reason != "复核" || a.Matter != "M" {
		t.Errorf("Unmarshal = %+v, %v; want the amendment of 王, 复核", a, err)
	}
	if err := json.Unmarshal([]byte(`null`), &a); err != nil || a.Author != "王" {
		t.Errorf("Unmarshal of null = %+v, %v; want the amendment left alone", a, err)
	}
	e := a.Evaluation
	if err := json.Unmarshal([]byte(`null`), &e); err != nil || e.Matter != "M" || e.Result.Grade != "good" {
		t.Errorf("Unmarshal of null = %+v, %v; want the evaluation left alone", e, err)
	}
}
