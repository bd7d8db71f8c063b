package scoringtest_test

import (
	"fmt"
	"strings"

	"github.com/qingdan/qingdan/scoring"
	"github.com/qingdan/qingdan/scoring/reason"
	"github.com/qingdan/qingdan/scoring/scoringtest"
	"github.com/shopspring/decimal"
)

// The scale a host's evaluators grade on.
var scale = scoring.Scale{
	{Code: "excellent", Label: "好", Points: decimal.NewFromInt(100)},
	{Code: "good", Label: "较好", Points: decimal.NewFromInt(85)},
	{Code: "fair", Label: "一般", Points: decimal.NewFromInt(70)},
	{Code: "poor", Label: "差", Points: decimal.NewFromInt(40)},
}

// A host's evaluator: grades by the citizen's answer alone.
var citizen = scoring.EvaluatorFunc(func(f scoring.Facts) (scoring.Result, error) {
	if f.Satisfied == nil {
		return scoring.Result{}, nil // not evaluated
	}
	if *f.Satisfied {
		return scoring.Result{Grade: "excellent", Points: decimal.NewFromInt(100), Policy: "citizen-1", Reasons: reason.Texts("satisfied")}, nil
	}
	return scoring.Result{Grade: "fair", Points: decimal.NewFromInt(70), Policy: "citizen-1", Reasons: reason.Texts("dissatisfied")}, nil
})

// printT stands in for the *testing.T of a real test, printing what would
// fail it.
type printT struct{}

func (printT) Errorf(format string, args ...any) {
	first, _, _ := strings.Cut(fmt.Sprintf(format, args...), "\n") // go-cmp's diff is not stable; show the headline
	fmt.Println("FAIL:", first)
}

// In a host's test file, pass the test's t:
//
//	func TestCitizen(t *testing.T) {
//		scoringtest.Run(t, citizen, cases)
//		scoringtest.RunFile(t, citizen, "testdata/citizen.json")
//	}
func ExampleRun() {
	yes := true
	scoringtest.Run(printT{}, citizen, []scoringtest.Case{
		{Name: "satisfied", Facts: scoring.Facts{Satisfied: &yes}, Want: scoring.Result{Grade: "excellent", Points: decimal.NewFromInt(100)}},
		{Name: "no answer", Facts: scoring.Facts{}, Want: scoring.Result{}},
		{Name: "a wrong expectation", Facts: scoring.Facts{Satisfied: &yes}, Want: scoring.Result{Grade: "good", Points: decimal.NewFromInt(85)}},
	})
	// Output:
	// FAIL: case "a wrong expectation": result mismatch (-want +got):
}

// In a host's test file:
//
//	func TestCitizenConforms(t *testing.T) {
//		if err := scoringtest.TestEvaluator(citizen, scale); err != nil {
//			t.Error(err)
//		}
//	}
func ExampleTestEvaluator() {
	fmt.Println(scoringtest.TestEvaluator(citizen, scale))

	// A broken evaluator: every violation is reported.
	broken := scoring.EvaluatorFunc(func(scoring.Facts) (scoring.Result, error) {
		return scoring.Result{Grade: "good", Points: decimal.NewFromInt(80)}, nil
	})
	err := scoringtest.TestEvaluator(broken, scale)
	for _, line := range strings.Split(err.Error(), "\n")[:3] {
		fmt.Println(line)
	}
	// Output:
	// <nil>
	// scoringtest: the zero Facts: grade "good" with 80 points, not exactly its 85
	// scoringtest: the zero Facts: a Result with no Policy
	// scoringtest: the zero Facts: a Result with no Reasons
}

// A policy test that requires every row of the table to be reached: the
// failure names the rows no case reaches.
//
//	func TestPolicyCoverage(t *testing.T) {
//		cases, _ := scoringtest.ReadCases(…)
//		scoringtest.Run(t, table, cases)
//		scoringtest.RequireCoverage(t, table, cases)
//	}
func ExampleRequireCoverage() {
	yes := true
	table := &scoring.Table{Version: "speed-2", Scale: scale, Rules: []scoring.TableRule{
		{Name: "returned", Grade: "poor", Returned: &yes},
		{Name: "on time", Grade: "excellent", ResponseOnTime: &yes},
		{Name: "otherwise", Grade: "fair"},
	}}
	cases := []scoringtest.Case{
		{Name: "prompt", Facts: scoring.Facts{Responded: true}},
		{Name: "silent", Facts: scoring.Facts{}},
	}
	fmt.Println(scoringtest.Cover(table, cases))
	scoringtest.RequireCoverage(printT{}, table, cases)
	// Output:
	// table "speed-2": 2 of 3 rules reached
	// rule 1 "returned": never reached
	// rule 2 "on time": 1 case
	// rule 3 "otherwise": 1 case
	// FAIL: table "speed-2": no case reaches rule 1 "returned"
}
