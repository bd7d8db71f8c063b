package accountabilitytest_test

// This file is the test a host developer copies: a table of registers and
// the findings its own rule must report on each.

import (
	"testing"

	"github.com/qingdan/qingdan/accountability"
	"github.com/qingdan/qingdan/accountability/accountabilitytest"
)

func TestStagesRule(t *testing.T) {
	licence := func(stages ...accountability.Stage) *accountability.Register {
		p := accountability.Power{Code: "XK-001", Category: accountability.Licensing}
		for _, s := range stages {
			p.Duties = append(p.Duties, accountability.Duty{Stage: s, Text: s.Label()})
		}
		return &accountability.Register{Powers: []accountability.Power{p}}
	}
	accountabilitytest.Run(t, stagesRule, []accountabilitytest.Case{
		{
			Name: "every stage",
			Register: licence(accountability.Acceptance, accountability.Review, accountability.Decision,
				accountability.Delivery, accountability.Supervision),
		},
		{
			Name:     "no duties",
			Register: licence(),
			Want: accountability.Findings{{Rule: "local.stages", Severity: accountability.Error,
				Path: "powers[XK-001].duties", Message: `power "XK-001" lacks 受理、审查、决定、送达、事后监管`}},
		},
		{
			Name:     "a category with no stage set is not checked",
			Register: &accountability.Register{Powers: []accountability.Power{{Code: "JL-001", Category: accountability.Reward}}},
		},
	})
}
