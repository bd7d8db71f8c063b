package scoring_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/qingdan/qingdan/internal/hardening"
	"github.com/qingdan/qingdan/locality/wuhu"
	"github.com/qingdan/qingdan/scoring"
	"github.com/qingdan/qingdan/scoring/reason"
	"github.com/shopspring/decimal"
)

func TestFactsJSON(t *testing.T) {
	yes := true
	f := scoring.Facts{Matter: "M1", Subject: "D1", Evaluator: "S1", Type: "占道经营", Stage: 2, Final: true,
		Response: 2 * time.Hour, ResponseLimit: 4 * time.Hour, Resolution: 40*time.Hour + time.Second, ResolutionLimit: 50 * time.Hour,
		Responded: true, Resolved: true, Returned: true, Quality: 3, Satisfied: &yes, Attrs: map[string]string{"k": "v"}}
	b := hardening.JSONRoundTrip(t, f)
	for _, want := range []string{`"response":"2h0m0s"`, `"responseLimit":"4h0m0s"`, `"resolution":"40h0m1s"`, `"resolutionLimit":"50h0m0s"`, `"matter":"M1"`, `"attrs":{"k":"v"}`} {
		if !strings.Contains(string(b), want) {
			t.Errorf("Facts JSON %s lacks %s", b, want)
		}
	}
	if b, _ := json.Marshal(scoring.Facts{}); string(b) != "{}" {
		t.Errorf("zero Facts JSON = %s, want {}", b)
	}
	// Decoding replaces what the value held.
	back := f
	if err := json.Unmarshal([]byte(`{"matter":"M2"}`), &back); err != nil || !cmp.Equal(back, scoring.Facts{Matter: "M2"}) {
		t.Errorf("decoding into used Facts = %+v, %v", back, err)
	}
	for _, bad := range []string{
		`{"response":7200000000000}`, // integer nanoseconds are not read
		`{"response":"soon"}`,
		`{"responseLimit":true}`,
		`{"quality":"5"}`,
		`{"qualty":5}`, // a misspelt figure
	} {
		if err := json.Unmarshal([]byte(bad), &back); !errors.Is(err, scoring.ErrInvalid) {
			t.Errorf("Unmarshal(%s) = %v, want an error wrapping ErrInvalid", bad, err)
		}
	}
}

func TestEvaluationStage(t *testing.T) {
	tests := []struct {
		name  string
		facts scoring.Facts
		want  int
	}{
		{"graded once", scoring.Facts{Final: true}, 0},
		{"under way, no stage yet", scoring.Facts{}, 0},
		{"stage 2 under way", scoring.Facts{Stage: 2}, 2},
		{"final after 3 stages", scoring.Facts{Stage: 3, Final: true}, 4},
		{"negative stays for Record to refuse", scoring.Facts{Stage: -1, Final: true}, -1},
		{"the last stage a book keeps", scoring.Facts{Stage: math.MaxInt32 - 1, Final: true}, math.MaxInt32},
		{"final after the last stage a book keeps", scoring.Facts{Stage: math.MaxInt32, Final: true}, -1},
		{"the last stage under way stays", scoring.Facts{Stage: math.MaxInt32}, math.MaxInt32},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.facts.Evaluation(time.Time{}, scoring.Result{}).Stage; got != tt.want {
				t.Errorf("Evaluation(…).Stage = %d, want %d", got, tt.want)
			}
		})
	}
	// The last stage under way is kept; the final evaluation after it is
	// refused, not taken for a duplicate of it.
	book := scoring.NewBook(nil)
	at := time.Date(2020, 6, 1, 0, 0, 0, 0, time.UTC)
	r := scoring.Result{Grade: "good", Points: decimal.NewFromInt(85), Policy: "p", Reasons: reason.Texts("r")}
	last := scoring.Facts{Matter: "M", Subject: "S", Evaluator: "E", Stage: math.MaxInt32}
	if err := book.Record(last.Evaluation(at, r)); err != nil {
		t.Errorf("Record(the last stage) = %v", err)
	}
	last.Final = true
	if err := book.Record(last.Evaluation(at, r)); !errors.Is(err, scoring.ErrInvalid) || errors.Is(err, scoring.ErrDuplicate) {
		t.Errorf("Record(the final evaluation after the last stage) = %v; want ErrInvalid", err)
	}
}

// FuzzFactsJSON decodes arbitrary facts: no panic, time linear in the
// input, every error wraps ErrInvalid, and what decodes round-trips and can be evaluated.
func FuzzFactsJSON(f *testing.F) {
	f.Add([]byte(`{"matter":"M","response":"4h0m0s","responseLimit":"2h0m0s","satisfied":true}`))
	f.Add([]byte(`{"response":7200000000000,"attrs":{"":""}}`))
	table := wuhu.Table()
	f.Fuzz(func(t *testing.T, data []byte) {
		var x scoring.Facts
		var err error
		hardening.Linear(t, len(data), func() { err = json.Unmarshal(data, &x) })
		if err != nil {
			var syntax *json.SyntaxError
			if !errors.As(err, &syntax) && !errors.Is(err, scoring.ErrInvalid) {
				t.Fatalf("Unmarshal: %v does not wrap ErrInvalid", err)
			}
			return
		}
		out, err := json.Marshal(x)
		if err != nil {
			t.Fatal(err)
		}
		var y scoring.Facts
		if err := json.Unmarshal(out, &y); err != nil {
			t.Fatalf("%s: %v", out, err)
		}
		if again, _ := json.Marshal(y); !bytes.Equal(again, out) {
			t.Fatalf("facts JSON does not round-trip: %s %s", out, again)
		}
		if _, err := table.Evaluate(x); err != nil {
			t.Fatalf("a validated table refused %s: %v", out, err)
		}
	})
}
