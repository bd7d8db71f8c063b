package accountability

import (
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestEmptyReferenceNamesNothing checks that an empty reference — a risk's
// or a separation's Flow or Step, an edge's end, a responsibility's power
// code — names no entry, in every rule, even where an entry has no key:
// risk.step says the risk names no flowchart, so risk.decision must not
// count it as covering a step of the flow with no ID.
func TestEmptyReferenceNamesNothing(t *testing.T) {
	r := &Register{
		Units:            []Unit{{ID: "S", Name: "中庙街道", Kind: Subdistrict}},
		Powers:           []Power{{Name: "临时救助", Category: Payment, Subject: "S", Basis: []Basis{{Law: "社会救助暂行办法"}}, Duties: []Duty{{Text: "审核"}}}},
		Responsibilities: []Responsibility{{Code: "ZZ-01", Duty: "社会救助", Unit: "S", Powers: []string{""}}},
		Flows: []Flow{
			{Name: "救助流程", Steps: []Step{
				{ID: "a", Kind: Start}, {ID: "b", Name: "审核", Kind: Task, Post: "经办人"},
				{ID: "d", Name: "决定", Kind: Task, Stage: Decision, Post: "经办人"}, {ID: "e", Kind: End}},
				Edges: []Edge{{From: "a", To: "b"}, {From: "b", To: "d"}, {From: "d", To: "e"}}},
			{ID: "F2", Steps: []Step{
				{ID: "a", Kind: Start}, {Name: "决定", Kind: Task, Stage: Decision, Post: "经办人"},
				{ID: "c", Name: "审核", Kind: Task, Post: "经办人"}, {ID: "e", Kind: End}},
				Edges: []Edge{{From: "a", To: "c"}, {From: "c", To: "e"}, {From: "c", To: ""}}},
		},
		Risks: []Risk{{ID: "R1", Step: "d", Text: "违规决定"}, {ID: "R2", Flow: "F2", Text: "违规决定"}},
		Separations: []Separation{
			{Flow: "", Steps: [2]string{"b", "d"}, Reason: "审核与决定分离"},
			{Flow: "F2", Steps: [2]string{"", "c"}, Reason: "审核与决定分离"},
		},
	}
	want := Findings{
		e("power.required", "powers[#0]", `power #0 "临时救助" has no code`, `权力 #0 "临时救助" 未填写编码`),
		e("flow.required", "flows[#0]", `flow #0 "救助流程" has no ID`, `流程图 #0 "救助流程" 未填写编号`),
		e("flow.required", "flows[F2].steps[#1]", `flow "F2": step #1 "决定" has no ID`, `流程图 "F2" 的环节 #1 "决定" 未填写编号`),
		// Before: the edge's empty end named step #1, which it reached.
		e("flow.edge", "flows[F2].edges[2]", `flow "F2": edge #2 from "c" to "": "" names no step`,
			`流程图 "F2" 的连线 #2（"c" → ""）中，"" 不是该流程图的环节`),
		e("flow.unreachable", "flows[F2].steps[#1]", `flow "F2": step #1 (决定) cannot be reached from the Start step`,
			`流程图 "F2" 中，从开始环节无法到达环节 #1（决定）`),
		e("flow.deadend", "flows[F2].steps[#1]", `flow "F2": no End step can be reached from step #1 (决定)`,
			`流程图 "F2" 中，从环节 #1（决定）无法到达结束环节`),
		e("risk.step", "risks[R1]", `risk "R1" names no flowchart`, `廉政风险点 "R1" 未写明流程图`),
		e("risk.step", "risks[R2]", `risk "R2" names no step of flow "F2"`, `廉政风险点 "R2" 未写明在流程图 "F2" 的哪个环节`),
		// Before: R1 covered flow #0's step d, and R2 F2's step #1.
		{Rule: "risk.decision", Severity: Warning, Path: "flows[#0].steps[d]", Message: `flow #0: decision step "d" (决定) has no risk point`,
			Chinese: `流程图 #0 的决定环节决定（d）没有廉政风险点`},
		{Rule: "risk.decision", Severity: Warning, Path: "flows[F2].steps[#1]", Message: `flow "F2": decision step #1 (决定) has no risk point`,
			Chinese: `流程图 "F2" 的决定环节 #1（决定）没有廉政风险点`},
		// Before: no sod.step, and a sod.violation for each.
		e("sod.step", "separations[:b,d]", `separation ":b,d" names no flowchart`, `不相容岗位 ":b,d" 未写明流程图`),
		e("sod.step", "separations[F2:,c]", `separation "F2:,c" names step "", which is no step of flow "F2"`,
			`不相容岗位 "F2:,c" 所列环节 "" 不是流程图 "F2" 的环节`),
		// Before: the empty code named power #0.
		e("resp.power", "responsibilities[ZZ-01].powers[0]", `responsibility "ZZ-01" (社会救助) names power "", which is not on the power list`,
			`职责社会救助（ZZ-01）所列权力 "" 不在权力清单中`),
	}
	if diff := cmp.Diff(want, r.Validate()); diff != "" {
		t.Errorf("Validate mismatch (-want +got):\n%s", diff)
	}
	// Flow.Order reads the empty end as Validate does.
	if _, err := r.Flows[1].Order(); !errors.Is(err, ErrUnknownStep) {
		t.Errorf("Order() of flow F2 = %v, want ErrUnknownStep", err)
	}
}
