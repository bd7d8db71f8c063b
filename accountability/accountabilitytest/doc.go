// Package accountabilitytest helps hosts test their own validation rules
// ([accountability.Rule]): run one rule over a register and compare what it
// finds with what it should find, the way golang.org/x/tools'
// analysistest tests an analyzer.
//
// A test of a custom rule reads:
//
//	func TestStagesRule(t *testing.T) {
//		r := &accountability.Register{Powers: []accountability.Power{{Code: "XK-001", Category: accountability.Licensing}}}
//		accountabilitytest.Run(t, stagesRule, r, accountability.Findings{
//			{Rule: "local.stages", Severity: accountability.Error, Path: "powers[XK-001].duties", Message: "…"},
//		})
//	}
//
// or, with the cases as data, [RunCases] and [RunFile]. Mismatches are
// reported through t.Errorf as "mismatch (-want +got)" with a go-cmp diff;
// the order of findings does not matter. This package imports go-cmp and is
// meant for tests only.
package accountabilitytest
