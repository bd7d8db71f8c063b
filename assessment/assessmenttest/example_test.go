package assessmenttest_test

import (
	"fmt"
	"strings"

	"github.com/qingdan/qingdan/assessment"
	"github.com/qingdan/qingdan/assessment/assessmenttest"
	"github.com/shopspring/decimal"
)

// A host's sheet: each 督办 deducts 1, each 表扬 adds 2, a 责任事故
// vetoes the result to 59.
const sheetJSON = `{
  "version": "示例考核细则/2026",
  "base": {"from": "fixed", "points": "100"},
  "counts": ["督办", "表扬", "责任事故"],
  "items": [
    {"name": "被督办", "fact": "督办", "each": "-1"},
    {"name": "表扬", "fact": "表扬", "each": "2"},
    {"name": "重大责任事故", "fact": "责任事故", "veto": {"points": "59"}}
  ]
}`

// printT stands in for the *testing.T of a real test, printing what would
// fail it.
type printT struct{}

func (printT) Errorf(format string, args ...any) {
	first, _, _ := strings.Cut(fmt.Sprintf(format, args...), "\n") // go-cmp's diff is not stable; show the headline
	fmt.Println("FAIL:", first)
}

// The cases of a host's test: two pass, one expects the wrong points.
const casesJSON = `[
  {"name": "督办 twice", "facts": {"unit": "城管局", "counts": {"督办": 2}}, "want": {"points": "98"}},
  {"name": "vetoed", "facts": {"unit": "水务局", "counts": {"表扬": 1, "责任事故": 1}}, "want": {"points": "59"}},
  {"name": "a wrong expectation", "facts": {"unit": "住建局", "counts": {"表扬": 1}}, "want": {"points": "100"}}
]`

// load reads the host's sheet and cases, as a host's test reads them from
// its testdata.
func load() (*assessment.Sheet, []assessmenttest.Case) {
	sheet, err := assessment.LoadSheet(strings.NewReader(sheetJSON))
	if err != nil {
		panic(err)
	}
	cases, err := assessmenttest.ReadCases(strings.NewReader(casesJSON))
	if err != nil {
		panic(err)
	}
	return sheet, cases
}

// In a host's test file, pass the test's t:
//
//	func TestSheet(t *testing.T) {
//		assessmenttest.RunFile(t, sheet, "testdata/sheet-cases.json")
//	}
func ExampleRun() {
	sheet, cases := load()
	assessmenttest.Run(printT{}, sheet, cases)
	assessmenttest.Run(printT{}, sheet, []assessmenttest.Case{
		{Name: "no such fact", Facts: assessment.Facts{Counts: map[string]int{"投诉": 1}}, Want: assessment.Result{Points: decimal.NewFromInt(100)}},
	})
	// Output:
	// FAIL: case "a wrong expectation": result mismatch (-want +got):
	// FAIL: case "no such fact": Apply refused: assessment: bad facts: unit "": count "投诉" is not a fact of sheet "示例考核细则/2026"
}

func ExampleCover() {
	sheet, cases := load()
	fmt.Println(assessmenttest.Cover(sheet, cases[:1]))
	// Output:
	// sheet "示例考核细则/2026": 1 of 3 items reached
	// item 1 "被督办": 1 case
	// item 2 "表扬": never reached
	// item 3 "重大责任事故": never reached
}

// In a host's test file:
//
//	func TestSheetCoverage(t *testing.T) {
//		assessmenttest.RequireCoverage(t, sheet, cases)
//	}
func ExampleRequireCoverage() {
	sheet, cases := load()
	assessmenttest.RequireCoverage(printT{}, sheet, cases[:1]) // fails, naming two items
	assessmenttest.RequireCoverage(printT{}, sheet, cases)     // passes: every item is reached
	// Output:
	// FAIL: sheet "示例考核细则/2026": no case reaches item 2 "表扬", item 3 "重大责任事故"
}

func ExampleReadCases() {
	_, err := assessmenttest.ReadCases(strings.NewReader(`[{"name": "x", "facts": {"unit": "u", "cuonts": {"督办": 1}}}]`))
	fmt.Println(err)
	// Output:
	// assessmenttest: reading cases: assessment: bad facts: json: unknown field "cuonts" at [0].facts
}
