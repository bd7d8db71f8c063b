package accountability

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestKeylessEntriesNamedByPosition checks that every finding about an
// entry with no key (a unit with no ID, a power with no code, a flow or a
// step with no ID, a risk with no ID) names it by its position, as its
// path locates it, and not as "" or with empty parentheses.
func TestKeylessEntriesNamedByPosition(t *testing.T) {
	r := &Register{
		Units: []Unit{{ID: "S", Name: "中庙街道", Kind: Subdistrict}, {Name: "文旅发展部", Parent: "S", CreditCode: "123"}},
		Powers: []Power{{Name: "临时救助", Category: Payment, Subject: "S", Parent: "QT-9",
			Basis: []Basis{{Law: "社会救助暂行办法"}}, Duties: []Duty{{Text: "审核"}}}},
		Responsibilities: []Responsibility{{Duty: "市政设施管理", Unit: "S", Powers: []string{"XK-9"}}},
		Flows: []Flow{
			{Name: "救助流程", Steps: []Step{{ID: "a", Kind: Start}, {ID: "b", Name: "审核", Kind: Task}, {ID: "e", Kind: End}},
				Edges: []Edge{{From: "a", To: "e"}}},
			{ID: "F2", Steps: []Step{{ID: "a", Kind: Start}, {Kind: Task}, {ID: "e", Kind: End}},
				Edges: []Edge{{From: "a", To: "e"}}},
		},
		Risks: []Risk{{Flow: "F2", Step: "z", Likelihood: 5, Impact: 5, Level: High}},
	}
	want := Findings{
		e("unit.required", "units[#1]", `unit #1 "文旅发展部" has no ID`, `单位 #1 "文旅发展部" 未填写编号`),
		e("unit.required", "units[#1].kind", `unit #1 (文旅发展部) has no kind`, `单位 #1（文旅发展部）未填写类别`),
		e("unit.creditcode", "units[#1].creditCode", `unit #1 (文旅发展部): credit code "123": 3 characters, want 18`,
			`单位 #1（文旅发展部）的统一社会信用代码 "123" 长度为 3 位，应为 18 位`),
		e("power.required", "powers[#0]", `power #0 "临时救助" has no code`, `权力 #0 "临时救助" 未填写编码`),
		e("power.parent", "powers[#0].parent", `power #0 (临时救助) names parent item "QT-9", which is not on the power list`,
			`事项 #0（临时救助）的主项编码 "QT-9" 不在权力清单中`),
		e("flow.required", "flows[#0]", `flow #0 "救助流程" has no ID`, `流程图 #0 "救助流程" 未填写编号`),
		e("flow.required", "flows[F2].steps[#1]", `flow "F2": step #1 "" has no ID`, `流程图 "F2" 的环节 #1 "" 未填写编号`),
		e("flow.unreachable", "flows[#0].steps[b]", `flow #0: step "b" (审核) cannot be reached from the Start step`,
			`流程图 #0 中，从开始环节无法到达环节审核（b）`),
		e("flow.unreachable", "flows[F2].steps[#1]", `flow "F2": step #1 cannot be reached from the Start step`,
			`流程图 "F2" 中，从开始环节无法到达环节 #1`),
		e("flow.deadend", "flows[#0].steps[b]", `flow #0: no End step can be reached from step "b" (审核)`,
			`流程图 #0 中，从环节审核（b）无法到达结束环节`),
		e("flow.deadend", "flows[F2].steps[#1]", `flow "F2": no End step can be reached from step #1`,
			`流程图 "F2" 中，从环节 #1 无法到达结束环节`),
		e("risk.duplicate", "risks[#0]", `risk #0 "" has no ID`, `廉政风险点 #0 "" 未填写编号`),
		e("risk.step", "risks[#0]", `risk #0 names step "z", which is no step of flow "F2"`,
			`廉政风险点 #0 所列环节 "z" 不是流程图 "F2" 的环节`),
		e("risk.control", "risks[#0]", `risk #0 at step "z" of flow "F2" is high (一级) but has no control`,
			`流程图 "F2" 环节 "z" 的廉政风险点 #0 风险等级为一级，但没有防控措施`),
		e("resp.duplicate", "responsibilities[#0]", `responsibility #0 "市政设施管理" has no code`, `职责 #0 "市政设施管理" 未填写编码`),
		e("resp.power", "responsibilities[#0].powers[0]", `responsibility #0 (市政设施管理) names power "XK-9", which is not on the power list`,
			`职责 #0（市政设施管理）所列权力 "XK-9" 不在权力清单中`),
	}
	if diff := cmp.Diff(want, r.Validate()); diff != "" {
		t.Errorf("Validate mismatch (-want +got):\n%s", diff)
	}
}

// TestUnitParentInRegisterOrder checks that rule unit.parent reports in
// the order of the register, as every rule does: a Parent that names no
// unit and a cycle of Parents, each at its unit, whatever the order in
// which the cycles are found.
func TestUnitParentInRegisterOrder(t *testing.T) {
	r := &Register{Units: []Unit{
		{ID: "U0", Kind: Office, Parent: "U5"},
		{ID: "U1", Kind: Office, Parent: "U2"},
		{ID: "U2", Kind: Office, Parent: "U1"},
		{ID: "U3", Kind: Office, Parent: "U5"},
		{ID: "U4", Kind: Office, Parent: "无"},
		{ID: "U5", Kind: Office, Parent: "U3"},
		{ID: "U6", Kind: Office, Parent: "U6"},
	}}
	want := Findings{
		e("unit.parent", "units[U1].parent", `unit "U1" is in a cycle of parents: U1 → U2 → U1`, `单位"U1"的上级单位形成循环：U1 → U2 → U1`),
		e("unit.parent", "units[U3].parent", `unit "U3" is in a cycle of parents: U3 → U5 → U3`, `单位"U3"的上级单位形成循环：U3 → U5 → U3`),
		e("unit.parent", "units[U4].parent", `unit "U4" names parent "无", which is no unit`, `单位"U4"的上级单位 "无" 不是登记的单位`),
		e("unit.parent", "units[U6].parent", `unit "U6" names itself as its parent`, `单位"U6"以自身为上级单位`),
	}
	if diff := cmp.Diff(want, r.Validate()); diff != "" {
		t.Errorf("Validate mismatch (-want +got):\n%s", diff)
	}
}
