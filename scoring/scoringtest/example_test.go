package scoringtest_test

import (
	"errors"
	"fmt"
	"strings"

	"github.com/qingdan/qingdan/locality/wuhu"
	"github.com/qingdan/qingdan/scoring"
	"github.com/qingdan/qingdan/scoring/scoringtest"
	"github.com/shopspring/decimal"
)

// A host's evaluator: grades by the citizen's answer alone.
var citizen = scoring.EvaluatorFunc(func(f scoring.Facts) (scoring.Result, error) {
	if f.Satisfied == nil {
		return scoring.Result{}, nil // not evaluated
	}
	if *f.Satisfied {
		return scoring.Result{Grade: "excellent", Points: decimal.NewFromInt(100), Policy: "citizen-1", Reasons: []string{"satisfied"}}, nil
	}
	return scoring.Result{Grade: "fair", Points: decimal.NewFromInt(70), Policy: "citizen-1", Reasons: []string{"dissatisfied"}}, nil
})

// In a host's test file, call these from a test function with its t:
//
//	func TestCitizen(t *testing.T) {
//		if err := scoringtest.TestEvaluator(citizen, scale); err != nil {
//			t.Error(err)
//		}
//		scoringtest.Run(t, citizen, cases)
//		scoringtest.RunFile(t, table, "testdata/policy.json")
//	}
func Example() {
	scale := wuhu.Scale() // the grades citizen gives
	if err := scoringtest.TestEvaluator(citizen, scale); err != nil {
		fmt.Println(err)
	}
	yes := true
	cases := []scoringtest.Case{
		{Name: "satisfied", Facts: scoring.Facts{Satisfied: &yes}, Want: scoring.Result{Grade: "excellent", Points: decimal.NewFromInt(100)}},
		{Name: "no answer", Facts: scoring.Facts{}, Want: scoring.Result{}},
	}
	scoringtest.Run(printT{}, citizen, cases) // in a real test: Run(t, …)

	// A broken evaluator: every violation is reported.
	broken := scoring.EvaluatorFunc(func(scoring.Facts) (scoring.Result, error) {
		return scoring.Result{Grade: "good", Points: decimal.NewFromInt(80)}, nil
	})
	err := scoringtest.TestEvaluator(broken, scale)
	fmt.Println(errors.Is(err, scoringtest.ErrViolation))
	for _, line := range strings.Split(err.Error(), "\n")[:3] {
		fmt.Println(line)
	}
	// Output:
	// true
	// scoringtest: evaluator breaks the contract: the zero Facts: grade "good" with 80 points, not exactly its 85
	// scoringtest: evaluator breaks the contract: the zero Facts: a Result with no Policy
	// scoringtest: evaluator breaks the contract: the zero Facts: a Result with no Reasons
}

// printT prints what a test would report.
type printT struct{}

func (printT) Helper()                           {}
func (printT) Errorf(format string, args ...any) { fmt.Printf(format+"\n", args...) }
func (printT) Fatalf(format string, args ...any) { fmt.Printf(format+"\n", args...) }
