package accountabilitytest_test

import (
	"fmt"
	"strings"

	"github.com/qingdan/qingdan/accountability"
	"github.com/qingdan/qingdan/accountability/accountabilitytest"
)

// stagesRule is a locality's rule: a power's duties must cover the stages
// of its category.
var stagesRule = accountability.Rule{
	Name: "local.stages",
	Doc:  "local.stages: a power whose duties miss a stage of its category",
	Check: func(r *accountability.Register, report func(accountability.Finding)) {
		for _, p := range r.Powers {
			var missing []string
			for _, s := range p.MissingStages() {
				missing = append(missing, s.Label())
			}
			if len(missing) > 0 {
				report(accountability.Finding{
					Path:    "powers[" + p.Code + "].duties",
					Message: fmt.Sprintf("power %q lacks %s", p.Code, strings.Join(missing, "、")),
				})
			}
		}
	},
}

// printT stands in for the *testing.T of a real test, printing what would
// fail it.
type printT struct{}

func (printT) Errorf(format string, args ...any) {
	first, _, _ := strings.Cut(fmt.Sprintf(format, args...), "\n") // go-cmp's diff is not stable; show the headline
	fmt.Println("FAIL:", first)
}

// In a host's test file, pass the test's t:
//
//	func TestStagesRule(t *testing.T) {
//		accountabilitytest.Run(t, stagesRule, cases)
//		accountabilitytest.RunFile(t, stagesRule, "testdata/stages.json")
//	}
func ExampleRun() {
	r := &accountability.Register{Powers: []accountability.Power{{
		Code: "XK-001", Category: accountability.Licensing,
		Duties: []accountability.Duty{
			{Stage: accountability.Acceptance}, {Stage: accountability.Review}, {Stage: accountability.Decision},
		},
	}}}
	accountabilitytest.Run(printT{}, stagesRule, []accountabilitytest.Case{
		{
			Name:     "a licence without its last two stages",
			Register: r,
			Want: accountability.Findings{{
				Rule: "local.stages", Severity: accountability.Error,
				Path: "powers[XK-001].duties", Message: `power "XK-001" lacks 送达、事后监管`,
			}},
		},
		{Name: "a wrong expectation", Register: r}, // fails the test with a diff
	})
	// Output:
	// FAIL: case "a wrong expectation": findings mismatch (-want +got):
}
