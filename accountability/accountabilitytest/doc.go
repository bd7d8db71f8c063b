// Package accountabilitytest helps hosts test their own validation rules
// ([accountability.Rule]): run one rule over registers and compare what it
// finds with what it should find, the way golang.org/x/tools'
// analysistest tests an analyzer. It speaks the vocabulary of package
// scoringtest.
//
// A test of a custom rule reads:
//
//	func TestStagesRule(t *testing.T) {
//		accountabilitytest.Run(t, stagesRule, []accountabilitytest.Case{{
//			Name:     "a licence without its last two stages",
//			Register: register,
//			Want: accountability.Findings{
//				{Rule: "local.stages", Severity: accountability.Error, Path: "powers[XK-001].duties", Message: "…"},
//			},
//		}})
//	}
//
// or, with the cases as data in a JSON file, [RunFile] ([ReadCases] reads
// such a file). Mismatches are reported through t.Errorf as "mismatch
// (-want +got)" with a go-cmp diff; the order of findings does not matter.
// The helpers report through a [Testing], the one method of *testing.T
// they need, so that they can themselves be tested with a fake. They start
// no subtests: each message begins with the name of its case, and, for
// a case of a file, with the file and the line the case begins on
// (testdata/stages.json:12: case "no duties": …). This package imports
// go-cmp and is meant for tests only.
package accountabilitytest
