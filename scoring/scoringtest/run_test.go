package scoringtest

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/qingdan/qingdan/internal/hardening"
	"github.com/qingdan/qingdan/internal/tablecase"
	"github.com/qingdan/qingdan/locality/wuhu"
	"github.com/qingdan/qingdan/scoring"
	"github.com/qingdan/qingdan/scoring/reason"
	"github.com/shopspring/decimal"
)

var _ Testing = (*testing.T)(nil)

// testScale is the scale the test evaluators grade on, Wuhu's: excellent
// 100, good 85, fair 70, poor 40.
var testScale = wuhu.Scale()

// speed grades by the response alone: within the limit (or with none)
// excellent, within twice the limit fair, later or never poor. It refuses
// a Quality outside 0–5.
var speed = scoring.EvaluatorFunc(func(f scoring.Facts) (scoring.Result, error) {
	if f.Quality < 0 || f.Quality > 5 {
		return scoring.Result{}, fmt.Errorf("quality %d is not 0–5", f.Quality)
	}
	grade, why := "poor", "not responded"
	switch {
	case !f.Responded:
	case f.ResponseLimit <= 0 || f.Response <= f.ResponseLimit:
		grade, why = "excellent", "responded within the limit"
	case f.Response/2 <= f.ResponseLimit:
		grade, why = "fair", "responded within twice the limit"
	default:
		why = "responded later than twice the limit"
	}
	g, _ := testScale.Grade(grade)
	return scoring.Result{Grade: grade, Points: g.Points, Policy: "speed-1", Reasons: reason.Texts(why)}, nil
})

func TestRunFile(t *testing.T) {
	RunFile(t, speed, "testdata/speed.json")
}

func TestRun(t *testing.T) {
	refuses := scoring.EvaluatorFunc(func(scoring.Facts) (scoring.Result, error) { return scoring.Result{}, errors.New("no data") })
	panics := scoring.EvaluatorFunc(func(scoring.Facts) (scoring.Result, error) { panic("boom") })
	for _, tt := range []struct {
		name  string
		e     scoring.Evaluator
		cases []Case
		want  []string // prefixes, one per report
	}{
		{"all pass", speed, []Case{
			{Name: "never", Want: scoring.Result{Grade: "poor", Points: decimal.RequireFromString("40.0")}},
			{Name: "with policy and reasons", Want: scoring.Result{Grade: "poor", Points: decimal.NewFromInt(40), Policy: "speed-1", Reasons: reason.Texts("not responded")}},
			{Name: "refusal", Facts: scoring.Facts{Quality: 6}, Err: "not 0–5"},
		}, nil},
		{"mismatches", speed, []Case{
			{Name: "wrong grade", Want: scoring.Result{Grade: "fair", Points: decimal.NewFromInt(70)}},
			{Name: "wrong policy", Want: scoring.Result{Grade: "poor", Points: decimal.NewFromInt(40), Policy: "other"}},
			{Name: "wants an error", Err: "refused"},
			{Want: scoring.Result{Grade: "good", Points: decimal.NewFromInt(85)}},
		}, []string{
			`case "wrong grade": result mismatch (-want +got):`,
			`case "wrong policy": result mismatch (-want +got):`,
			`case "wants an error": Evaluate = poor (40 points), want an error containing "refused"`,
			`case "#3": result mismatch (-want +got):`,
		}},
		{"panics", panics, []Case{{Name: "p"}}, []string{`case "p": Evaluate panicked: boom`}},
		{"refuses", refuses, []Case{{Name: "r"}, {Name: "e", Err: "no data"}, {Name: "x", Err: "other"}}, []string{
			`case "r": Evaluate refused: no data`,
			`case "x": Evaluate error "no data", want one containing "other"`,
		}},
		{"no cases", speed, nil, []string{"scoringtest: Run: no cases "}},
		{"empty cases", speed, []Case{}, []string{"scoringtest: Run: no cases "}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var rec tablecase.Recorder
			Run(&rec, tt.e, tt.cases)
			rec.Check(t, "Run", tt.want)
		})
	}
}

func TestRunNilEvaluatorPanics(t *testing.T) {
	if r, want := hardening.PanicOf(func() { Run(&tablecase.Recorder{}, nil, nil) }), "scoringtest: Run: nil scoring.Evaluator"; r != want {
		t.Errorf("recovered %v, want %q", r, want)
	}
}

func TestReadCases(t *testing.T) {
	got, err := ReadCases(strings.NewReader(`[{"name":"a","facts":{"responded":true,"response":"1h0m0s"},"want":{"grade":"good","points":"85"}},{"err":"x"}]`))
	want := []Case{
		{Name: "a", Facts: scoring.Facts{Responded: true, Response: time.Hour}, Want: scoring.Result{Grade: "good", Points: decimal.NewFromInt(85)}},
		{Err: "x"},
	}
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("ReadCases mismatch (-want +got):\n%s", diff)
	}
	for _, bad := range []string{
		`[{"name":"x","fact":{}}]`, // a misspelt key
		`[] []`,                    // data after the array
		`{}`,                       // not an array
		`[{"want":{"grade":"good","points":"x"}}]`,
		``,
	} {
		if _, err := ReadCases(strings.NewReader(bad)); err == nil || !strings.HasPrefix(err.Error(), "scoringtest: reading cases: ") {
			t.Errorf("ReadCases(%s) error = %v, want one beginning \"scoringtest: reading cases: \"", bad, err)
		}
	}
}
