package accountability

import (
	"go/ast"
	"go/doc/comment"
	"go/parser"
	"go/token"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestSoundRegisterIsClean(t *testing.T) {
	if got := sound().Validate(); len(got) != 0 {
		t.Errorf("Validate(sound) = %v, want no findings", got)
	}
	if got := new(Register).Validate(); len(got) != 0 {
		t.Errorf("Validate(zero) = %v, want no findings", got)
	}
}

func e(rule, path, msg, zh string) Finding {
	return Finding{Rule: rule, Severity: Error, Path: path, Message: msg, Chinese: zh}
}

// ruleCase breaks a sound register in one way and names the findings that
// defect deserves.
type ruleCase struct {
	name   string
	breakR func(r *Register)
	want   Findings
}

// ruleCases are the cases of TestRules, at least one for every built-in
// rule; TestRulesChinese runs them too.
func ruleCases() []ruleCase {
	// addStep adds step st to flow F2 (the licence's), with edge ed.
	addStep := func(r *Register, st Step, ed Edge) {
		r.Flows[1].Steps = append(r.Flows[1].Steps, st)
		r.Flows[1].Edges = append(r.Flows[1].Edges, ed)
	}
	step := func(r *Register, flow int, id string) *Step {
		for i := range r.Flows[flow].Steps {
			if r.Flows[flow].Steps[i].ID == id {
				return &r.Flows[flow].Steps[i]
			}
		}
		panic("test: no step " + id)
	}
	return []ruleCase{
		{"unit.required/id", func(r *Register) { r.Units = append(r.Units, Unit{Name: "文旅发展部", Kind: Office, Parent: "S"}) },
			Findings{e("unit.required", "units[#5]", `unit #5 "文旅发展部" has no ID`,
				`单位 #5 "文旅发展部" 未填写编号`)}},
		{"unit.required/id not written one way", func(r *Register) {
			r.Units = append(r.Units, Unit{ID: "O9\u200b", Name: "文旅发展部", Kind: Office, Parent: "S"}, Unit{ID: " O8", Name: "平安法治部", Kind: Office, Parent: "S"})
		},
			Findings{e("unit.required", "units[O9\u200b]", `unit "O9\u200b" (文旅发展部) has the ID "O9\u200b", with white space at an end or a control or invisible character: no matter can name it, so write it one way`,
				"单位文旅发展部（O9\u200b）的编号 \"O9\\u200b\" 首尾有空白或含不可见字符，事项无法指派，请统一写法"),
				e("unit.required", "units[ O8]", `unit " O8" (平安法治部) has the ID " O8", with white space at an end or a control or invisible character: no matter can name it, so write it one way`,
					`单位平安法治部（ O8）的编号 " O8" 首尾有空白或含不可见字符，事项无法指派，请统一写法`)}},
		{"unit.required/kind", func(r *Register) { r.Units[1].Kind = 0 },
			Findings{e("unit.required", "units[O1].kind", `unit "O1" (党政办公室) has no kind`,
				`单位党政办公室（O1）未填写类别`)}},
		{"unit.required/unknown kind", func(r *Register) { r.Units[1].Kind = UnitKind(6) },
			Findings{e("unit.required", "units[O1].kind", `unit "O1" (党政办公室) has unit kind 6, which is no unit kind`,
				`单位党政办公室（O1）的单位类别 6 不是有效的单位类别`)}},
		{"unit.duplicate", func(r *Register) {
			r.Units = append(r.Units, Unit{ID: "O1", Name: "生态环境部", Kind: Office, Parent: "S"})
		},
			Findings{e("unit.duplicate", "units[O1]", `unit "O1" (生态环境部) repeats the ID of unit #1 (党政办公室)`,
				`单位生态环境部（O1）与单位 #1（党政办公室）编号重复`)}},
		// A first unit with no name is named by its position alone, not
		// with empty parentheses.
		{"unit.duplicate/first unnamed", func(r *Register) {
			r.Units[1].Name = ""
			r.Units = append(r.Units, Unit{ID: "O1", Name: "生态环境部", Kind: Office, Parent: "S"})
		},
			Findings{e("unit.duplicate", "units[O1]", `unit "O1" (生态环境部) repeats the ID of unit #1`,
				`单位生态环境部（O1）与单位 #1 编号重复`)}},
		{"unit.parent", func(r *Register) { r.Units[2].Parent = "S9" },
			Findings{e("unit.parent", "units[O2].parent", `unit "O2" (城市管理部) names parent "S9", which is no unit`,
				`单位城市管理部（O2）的上级单位 "S9" 不是登记的单位`)}},
		{"unit.parent/self", func(r *Register) { r.Units[2].Parent = "O2" },
			Findings{e("unit.parent", "units[O2].parent", `unit "O2" (城市管理部) names itself as its parent`,
				`单位城市管理部（O2）以自身为上级单位`)}},
		{"unit.parent/cycle", func(r *Register) {
			// S → O2 → A1 → S, named once, from S, the unit of it that
			// comes first; O1 and D1 only lead into it.
			r.Units[0].Parent, r.Units[3].Parent, r.Units[4].Parent = "O2", "S", "A1"
			r.Units[2].Parent = "A1"
		},
			Findings{e("unit.parent", "units[S].parent", `unit "S" (中庙街道) is in a cycle of parents: S → O2 → A1 → S`,
				`单位中庙街道（S）的上级单位形成循环：S → O2 → A1 → S`)}},
		{"unit.parent/two", func(r *Register) {
			// Two cycles, O2 ↔ A1 and S → D1 → S, each named once, in the
			// order of the units that come first in them; O1 leads into S's.
			r.Units[0].Parent, r.Units[4].Parent = "D1", "S"
			r.Units[2].Parent, r.Units[3].Parent = "A1", "O2"
		},
			Findings{
				e("unit.parent", "units[S].parent", `unit "S" (中庙街道) is in a cycle of parents: S → D1 → S`,
					`单位中庙街道（S）的上级单位形成循环：S → D1 → S`),
				e("unit.parent", "units[O2].parent", `unit "O2" (城市管理部) is in a cycle of parents: O2 → A1 → O2`,
					`单位城市管理部（O2）的上级单位形成循环：O2 → A1 → O2`),
			}},
		{"unit.creditcode", func(r *Register) { r.Units[0].CreditCode = "11340181003232157E" },
			Findings{{Rule: "unit.creditcode", Severity: Error, Path: "units[S].creditCode",
				Message: `unit "S" (中庙街道): credit code "11340181003232157E": check character (校验码) 'E', want 'X'`,
				Chinese: `单位中庙街道（S）的统一社会信用代码 "11340181003232157E" 校验码为 'E'，按 GB 32100 应为 'X'`}}},
		{"unit.creditcode/length", func(r *Register) { r.Units[1].CreditCode = "1134018100323215X" },
			Findings{{Rule: "unit.creditcode", Severity: Error, Path: "units[O1].creditCode",
				Message: `unit "O1" (党政办公室): credit code "1134018100323215X": 17 characters, want 18`,
				Chinese: `单位党政办公室（O1）的统一社会信用代码 "1134018100323215X" 长度为 17 位，应为 18 位`}}},
		{"unit.division", func(r *Register) { r.Units[0].Division = "340l81" },
			Findings{{Rule: "unit.division", Severity: Error, Path: "units[S].division",
				Message: `unit "S" (中庙街道): division code "340l81": character 4 is not a digit`,
				Chinese: `单位中庙街道（S）的行政区划代码 "340l81" 第 4 位不是数字`}}},
		{"power.parent", func(r *Register) { r.Powers[1].Parent = "XK-000" },
			Findings{{Rule: "power.parent", Severity: Error, Path: "powers[XK-001].parent",
				Message: `power "XK-001" (临时占用城市道路审批) names parent item "XK-000", which is not on the power list`,
				Chinese: `事项临时占用城市道路审批（XK-001）的主项编码 "XK-000" 不在权力清单中`}}},
		{"power.parent/self", func(r *Register) { r.Powers[1].Parent = "XK-001" },
			Findings{{Rule: "power.parent", Severity: Error, Path: "powers[XK-001].parent",
				Message: `power "XK-001" (临时占用城市道路审批) names itself as its parent item`,
				Chinese: `事项临时占用城市道路审批（XK-001）以自身为主项`}}},
		// A repeat of a code that names that code as its parent names
		// itself, whichever of the two comes first.
		{"power.parent/self, repeated", func(r *Register) {
			p := r.Powers[1]
			p.Name, p.Parent = "复制", p.Code
			r.Powers = append(r.Powers, p)
		},
			Findings{e("power.duplicate", "powers[XK-001]", `power "XK-001" (复制) repeats the code of power #1 (临时占用城市道路审批)`,
				`权力复制（XK-001）与权力 #1（临时占用城市道路审批）编码重复`),
				e("power.parent", "powers[XK-001].parent", `power "XK-001" (复制) names itself as its parent item`,
					`事项复制（XK-001）以自身为主项`)}},
		{"power.required/code", func(r *Register) { r.Powers[1].Code = "" },
			Findings{e("power.required", "powers[#1]", `power #1 "临时占用城市道路审批" has no code`,
				`权力 #1 "临时占用城市道路审批" 未填写编码`),
				e("resp.power", "responsibilities[ZZ-02].powers[0]", `responsibility "ZZ-02" (市政设施管理) names power "XK-001", which is not on the power list`,
					`职责市政设施管理（ZZ-02）所列权力 "XK-001" 不在权力清单中`)}},
		{"power.required/category", func(r *Register) { r.Powers[0].Category = 0 },
			Findings{e("power.required", "powers[CF-001].category", `power "CF-001" (对擅自占用城市道路经营的处罚) has no category`,
				`权力对擅自占用城市道路经营的处罚（CF-001）未填写权力类型`)}},
		// Enum values no JSON can hold, possible from Go: each is named a
		// fault where it is, not taken for some other value or passed over.
		{"power.required/unknown values", func(r *Register) {
			r.Powers[0].Category, r.Powers[0].Basis[0].Kind, r.Powers[0].Duties[1].Stage = Category(99), BasisKind(-1), Stage(11)
		}, Findings{
			e("power.required", "powers[CF-001].category", `power "CF-001" (对擅自占用城市道路经营的处罚) has category 99, which is no category`,
				`权力对擅自占用城市道路经营的处罚（CF-001）的权力类型 99 不是有效的权力类型`),
			e("power.required", "powers[CF-001].basis[0].kind", `power "CF-001" (对擅自占用城市道路经营的处罚) has kind of basis -1, which is no kind of basis`,
				`权力对擅自占用城市道路经营的处罚（CF-001）的依据类型 -1 不是有效的依据类型`),
			e("power.required", "powers[CF-001].duties[1].stage", `power "CF-001" (对擅自占用城市道路经营的处罚) has stage 11, which is no stage`,
				`权力对擅自占用城市道路经营的处罚（CF-001）的环节阶段 11 不是有效的环节阶段`),
		}},
		{"power.required/negative", func(r *Register) { r.Powers[1].StatutoryDays = -1 },
			Findings{e("power.required", "powers[XK-001].statutoryDays", `power "XK-001" (临时占用城市道路审批) has a negative statutory limit of -1 working days`,
				`权力临时占用城市道路审批（XK-001）的法定时限为负数（-1 个工作日）`)}},
		{"power.duplicate", func(r *Register) { p := r.Powers[1]; p.Name = "复制"; r.Powers = append(r.Powers, p) },
			Findings{e("power.duplicate", "powers[XK-001]", `power "XK-001" (复制) repeats the code of power #1 (临时占用城市道路审批)`,
				`权力复制（XK-001）与权力 #1（临时占用城市道路审批）编码重复`)}},
		{"power.subject/unknown", func(r *Register) { r.Powers[0].Subject = "A9" },
			Findings{e("power.subject", "powers[CF-001].subject", `power "CF-001" (对擅自占用城市道路经营的处罚) names subject "A9", which is no unit`,
				`权力对擅自占用城市道路经营的处罚（CF-001）的实施主体 "A9" 不是登记的单位`)}},
		{"power.subject/empty", func(r *Register) { r.Powers[0].Subject = "" },
			Findings{e("power.subject", "powers[CF-001].subject", `power "CF-001" (对擅自占用城市道路经营的处罚) has no subject (实施主体)`,
				`权力对擅自占用城市道路经营的处罚（CF-001）未填写实施主体`)}},
		{"power.basis/none", func(r *Register) { r.Powers[0].Basis = nil },
			Findings{e("power.basis", "powers[CF-001].basis", `power "CF-001" (对擅自占用城市道路经营的处罚) has no legal basis (实施依据)`,
				`权力对擅自占用城市道路经营的处罚（CF-001）未填写实施依据`)}},
		{"power.basis/no law", func(r *Register) { r.Powers[0].Basis = append(r.Powers[0].Basis, Basis{Article: "第一条"}) },
			Findings{e("power.basis", "powers[CF-001].basis[1]", `power "CF-001" (对擅自占用城市道路经营的处罚): basis #1 names no law`,
				`权力对擅自占用城市道路经营的处罚（CF-001）的依据 #1 未写明法律法规名称`)}},
		{"power.duties", func(r *Register) { r.Powers[1].Duties = []Duty{} },
			Findings{e("power.duties", "powers[XK-001].duties", `power "XK-001" (临时占用城市道路审批) has no responsibility items (责任事项)`,
				`权力临时占用城市道路审批（XK-001）未列责任事项`)}},
		{"power.flow", func(r *Register) { r.Powers[1].Flow = "F9" },
			Findings{e("power.flow", "powers[XK-001].flow", `power "XK-001" (临时占用城市道路审批) names flowchart "F9", which is no flow`,
				`权力临时占用城市道路审批（XK-001）所列流程图 "F9" 不存在`)}},
		{"power.promised", func(r *Register) { r.Powers[1].PromisedDays = 30 },
			Findings{e("power.promised", "powers[XK-001].promisedDays", `power "XK-001" (临时占用城市道路审批) promises 30 working days, longer than its statutory limit of 20`,
				`权力临时占用城市道路审批（XK-001）的承诺时限 30 个工作日，超过法定时限 20 个工作日`)}},
		{"power.grant/from", func(r *Register) { r.Powers[1].Grant = &Grant{Scope: "城市道路"} },
			Findings{e("power.grant", "powers[XK-001].grant", `power "XK-001" (临时占用城市道路审批) is held by grant (赋权) but names no granting body`,
				`权力临时占用城市道路审批（XK-001）为赋权事项，但未写明赋权机关`)}},
		{"power.grant/scope", func(r *Register) { r.Powers[1].Grant = &Grant{From: "市城管局", Partial: true, Scope: " "} },
			Findings{e("power.grant", "powers[XK-001].grant", `power "XK-001" (临时占用城市道路审批) is granted in part but its Scope does not say which part`,
				`权力临时占用城市道路审批（XK-001）为部分赋权，但未写明赋予哪一部分`)}},
		{"power.grant/sound", func(r *Register) {
			r.Powers[1].Grant = &Grant{From: "市城管局", Partial: true, Scope: "背街小巷"}
		},
			nil},
		{"power.limit/promised", func(r *Register) { r.Powers[1].PromisedDays = 8 },
			Findings{e("power.limit", "powers[XK-001].flow", `power "XK-001" (临时占用城市道路审批): flowchart "F2" takes 9 working days on its critical path, more than the promised limit of 8`,
				`权力临时占用城市道路审批（XK-001）的流程图 "F2" 关键路径需 9 个工作日，超过承诺时限 8 个工作日`)}},
		{"power.limit/statutory", func(r *Register) { r.Powers[0].PromisedDays = 0; r.Powers[0].StatutoryDays = 38 },
			Findings{e("power.limit", "powers[CF-001].flow", `power "CF-001" (对擅自占用城市道路经营的处罚): flowchart "F1" takes 39 working days on its critical path, more than the statutory limit of 38`,
				`权力对擅自占用城市道路经营的处罚（CF-001）的流程图 "F1" 关键路径需 39 个工作日，超过法定时限 38 个工作日`)}},
		{"flow.required/flow id", func(r *Register) { r.Flows = append(r.Flows, chain("", 2)) },
			Findings{e("flow.required", "flows[#2]", `flow #2 "链" has no ID`,
				`流程图 #2 "链" 未填写编号`)}},
		{"flow.required/step", func(r *Register) { step(r, 1, "r").Kind = 0 },
			Findings{e("flow.required", "flows[F2].steps[r].kind", `flow "F2": step "r" (审查) has no kind`,
				`流程图 "F2" 的环节审查（r）未填写环节类型`)}},
		{"flow.required/unknown step kind and stage", func(r *Register) { s := step(r, 1, "r"); s.Kind, s.Stage = StepKind(7), Stage(-2) },
			Findings{
				e("flow.required", "flows[F2].steps[r].kind", `flow "F2": step "r" (审查) has step kind 7, which is no step kind`,
					`流程图 "F2" 的环节审查（r）的环节类型 7 不是有效的环节类型`),
				e("flow.required", "flows[F2].steps[r].stage", `flow "F2": step "r" (审查) has stage -2, which is no stage`,
					`流程图 "F2" 的环节审查（r）的环节阶段 -2 不是有效的环节阶段`),
			}},
		{"flow.duplicate/flow", func(r *Register) { f := chain("F2", 2); f.Name = "重复"; r.Flows = append(r.Flows, f) },
			Findings{e("flow.duplicate", "flows[F2]", `flow "F2" (重复) repeats the ID of flow #1 (行政许可流程)`,
				`流程图重复（F2）与流程图 #1（行政许可流程）编号重复`)}},
		{"flow.duplicate/step", func(r *Register) { step(r, 1, "o").ID = "a" },
			Findings{
				e("flow.duplicate", "flows[F2].steps[a]", `flow "F2": step "a" (送达) repeats the ID of step #1 (受理)`,
					`流程图 "F2" 的环节送达（a）与环节 #1（受理）编号重复`),
				// The edges to and from "o" now name no step.
				e("flow.edge", "flows[F2].edges[3]", `flow "F2": edge #3 from "d" to "o": "o" names no step`,
					`流程图 "F2" 的连线 #3（"d" → "o"）中，"o" 不是该流程图的环节`),
				e("flow.edge", "flows[F2].edges[4]", `flow "F2": edge #4 from "o" to "e": "o" names no step`,
					`流程图 "F2" 的连线 #4（"o" → "e"）中，"o" 不是该流程图的环节`),
				e("flow.unreachable", "flows[F2].steps[e]", `flow "F2": step "e" (结束) cannot be reached from the Start step`,
					`流程图 "F2" 中，从开始环节无法到达环节结束（e）`),
				e("flow.deadend", "flows[F2].steps[s]", `flow "F2": no End step can be reached from step "s" (开始)`,
					`流程图 "F2" 中，从环节开始（s）无法到达结束环节`),
				e("flow.deadend", "flows[F2].steps[a]", `flow "F2": no End step can be reached from step "a" (受理)`,
					`流程图 "F2" 中，从环节受理（a）无法到达结束环节`),
				e("flow.deadend", "flows[F2].steps[r]", `flow "F2": no End step can be reached from step "r" (审查)`,
					`流程图 "F2" 中，从环节审查（r）无法到达结束环节`),
				e("flow.deadend", "flows[F2].steps[d]", `flow "F2": no End step can be reached from step "d" (决定)`,
					`流程图 "F2" 中，从环节决定（d）无法到达结束环节`),
			}},
		{"flow.duplicate/step, first unnamed", func(r *Register) {
			step(r, 1, "s").Name = ""
			r.Flows[1].Steps = append(r.Flows[1].Steps, Step{ID: "s", Name: "网上申请", Kind: Task})
		},
			Findings{e("flow.duplicate", "flows[F2].steps[s]", `flow "F2": step "s" (网上申请) repeats the ID of step #0`,
				`流程图 "F2" 的环节网上申请（s）与环节 #0 编号重复`)}},
		{"flow.edge", func(r *Register) { r.Flows[1].Edges = append(r.Flows[1].Edges, Edge{From: "x", To: "y"}) },
			Findings{e("flow.edge", "flows[F2].edges[5]", `flow "F2": edge #5 from "x" to "y": "x" and "y" names no step`,
				`流程图 "F2" 的连线 #5（"x" → "y"）中，"x"、"y" 不是该流程图的环节`)}},
		{"flow.cycle", func(r *Register) {
			r.Flows[0].Edges = append(r.Flows[0].Edges, Edge{From: "i", To: "d", Label: "重新审理"})
		},
			Findings{e("flow.cycle", "flows[F1]", `flow "F1" (行政处罚流程) has a cycle: d → e → g → i → d`,
				`流程图行政处罚流程（F1）存在循环：d → e → g → i → d`)}},
		{"flow.start/none", func(r *Register) { step(r, 1, "s").Kind = Task },
			Findings{e("flow.start", "flows[F2]", `flow "F2" (行政许可流程) has no Start step`,
				`流程图行政许可流程（F2）没有开始环节`)}},
		{"flow.start/two", func(r *Register) {
			addStep(r, Step{ID: "s2", Name: "网上申请", Kind: Start}, Edge{From: "s2", To: "r"})
		},
			Findings{e("flow.start", "flows[F2]", `flow "F2" (行政许可流程) has 2 Start steps (s, s2); it needs exactly one`,
				`流程图行政许可流程（F2）有 2 个开始环节（s、s2），应当只有一个`)}},
		{"flow.end", func(r *Register) { step(r, 1, "e").Kind = Task },
			Findings{e("flow.end", "flows[F2]", `flow "F2" (行政许可流程) has no End step`,
				`流程图行政许可流程（F2）没有结束环节`)}},
		{"flow.unreachable", func(r *Register) {
			addStep(r, Step{ID: "x", Name: "孤立环节", Kind: Task}, Edge{From: "x", To: "e"})
		},
			Findings{e("flow.unreachable", "flows[F2].steps[x]", `flow "F2": step "x" (孤立环节) cannot be reached from the Start step`,
				`流程图 "F2" 中，从开始环节无法到达环节孤立环节（x）`)}},
		{"flow.deadend", func(r *Register) { addStep(r, Step{ID: "x", Name: "归档", Kind: Task}, Edge{From: "o", To: "x"}) },
			Findings{e("flow.deadend", "flows[F2].steps[x]", `flow "F2": no End step can be reached from step "x" (归档)`,
				`流程图 "F2" 中，从环节归档（x）无法到达结束环节`)}},
		{"flow.gateway", func(r *Register) { step(r, 1, "r").Kind = Gateway },
			Findings{e("flow.gateway", "flows[F2].steps[r]", `flow "F2": gateway "r" (审查) leads to 1 distinct step(s); a gateway needs at least two`,
				`流程图 "F2" 的判断环节审查（r）只通向 1 个环节，判断环节至少需要通向两个不同的环节`)}},
		{"flow.gateway: three edges to one step are one way out", func(r *Register) {
			step(r, 1, "r").Kind = Gateway
			r.Flows[1].Edges = append(r.Flows[1].Edges, Edge{From: "r", To: "d"}, Edge{From: "r", To: "d", Label: "符合条件"})
		},
			Findings{e("flow.gateway", "flows[F2].steps[r]", `flow "F2": gateway "r" (审查) leads to 1 distinct step(s); a gateway needs at least two`,
				`流程图 "F2" 的判断环节审查（r）只通向 1 个环节，判断环节至少需要通向两个不同的环节`)}},
		{"risk.duplicate", func(r *Register) { r.Risks[2].ID = "R1" },
			Findings{e("risk.duplicate", "risks[R1]", `risk "R1" repeats the ID of risk #0`,
				`廉政风险点 "R1" 与廉政风险点 #0 编号重复`)}},
		{"risk.step/flow", func(r *Register) { r.Risks[2].Flow = "F9" },
			Findings{
				e("risk.step", "risks[R3]", `risk "R3" names flowchart "F9", which is no flow`,
					`廉政风险点 "R3" 所列流程图 "F9" 不存在`),
				{Rule: "risk.decision", Severity: Warning, Path: "flows[F2].steps[d]", Message: `flow "F2": decision step "d" (决定) has no risk point`, Chinese: `流程图 "F2" 的决定环节决定（d）没有廉政风险点`},
			}},
		{"risk.step/empty", func(r *Register) { r.Risks[1].Step = "" },
			Findings{e("risk.step", "risks[R2]", `risk "R2" names no step of flow "F1"`,
				`廉政风险点 "R2" 未写明在流程图 "F1" 的哪个环节`)}},
		{"risk.step/step", func(r *Register) { r.Risks[1].Step = "q" },
			Findings{e("risk.step", "risks[R2]", `risk "R2" names step "q", which is no step of flow "F1"`,
				`廉政风险点 "R2" 所列环节 "q" 不是流程图 "F1" 的环节`)}},
		{"risk.control", func(r *Register) { r.Risks[0].Controls = nil },
			Findings{e("risk.control", "risks[R1]", `risk "R1" at step "i" of flow "F1" is high (一级) but has no control`,
				`流程图 "F1" 环节 "i" 的廉政风险点 "R1" 风险等级为一级，但没有防控措施`)}},
		// Before: a control with no text counted, so a high risk with
		// controls [{}] passed.
		{"risk.control/blank", func(r *Register) { r.Risks[0].Controls = []Control{{Text: " \t", Post: "主要负责人"}, {}} },
			Findings{e("risk.control", "risks[R1]", `risk "R1" at step "i" of flow "F1" is high (一级) but has no control`,
				`流程图 "F1" 环节 "i" 的廉政风险点 "R1" 风险等级为一级，但没有防控措施`)}},
		{"risk.control/from matrix", func(r *Register) { r.Risks[1].Controls, r.Risks[1].Level = nil, 0 },
			Findings{
				e("risk.control", "risks[R2]", `risk "R2" at step "c" of flow "F1" is medium (二级) but has no control`,
					`流程图 "F1" 环节 "c" 的廉政风险点 "R2" 风险等级为二级，但没有防控措施`),
				e("risk.level", "risks[R2]", `risk "R2": likelihood 3 × impact 3 = 9 is medium under the matrix, but its level is not set`,
					`廉政风险点 "R2" 发生可能性 3 × 影响程度 3 = 9，按风险矩阵为二级，但未填写风险等级`),
			}},
		// A level that is none of the levels is reported as such and, for
		// risk.control, is no declared level: the matrix's stands.
		{"risk.level/unknown", func(r *Register) { r.Risks[2].Level, r.Risks[2].Likelihood, r.Risks[2].Impact = Level(9), 0, 0 },
			Findings{e("risk.level", "risks[R3].level", `risk "R3" has risk level 9, which is no risk level`,
				`廉政风险点 "R3" 的风险等级 9 不是有效的风险等级`)}},
		{"risk.control/unknown level", func(r *Register) { r.Risks[0].Level, r.Risks[0].Controls = Level(9), nil },
			Findings{
				e("risk.control", "risks[R1]", `risk "R1" at step "i" of flow "F1" is high (一级) but has no control`,
					`流程图 "F1" 环节 "i" 的廉政风险点 "R1" 风险等级为一级，但没有防控措施`),
				e("risk.level", "risks[R1].level", `risk "R1" has risk level 9, which is no risk level`,
					`廉政风险点 "R1" 的风险等级 9 不是有效的风险等级`),
			}},
		{"risk.level", func(r *Register) { r.Risks[2].Impact = 4 },
			Findings{e("risk.level", "risks[R3]", `risk "R3": likelihood 2 × impact 4 = 8 is medium under the matrix, but its level is low`,
				`廉政风险点 "R3" 发生可能性 2 × 影响程度 4 = 8，按风险矩阵为二级，但所填风险等级为三级`)}},
		{"risk.level/range", func(r *Register) { r.Risks[2].Impact = 6 },
			Findings{e("risk.level", "risks[R3]", `risk "R3": likelihood 2 and impact 6 must each be 1–5`,
				`廉政风险点 "R3" 的发生可能性 2、影响程度 6 均应在 1–5 之间`)}},
		{"risk.level/range alone", func(r *Register) { r.Risks[2].Likelihood, r.Risks[2].Impact = 9, 0 },
			Findings{e("risk.level", "risks[R3]", `risk "R3": likelihood 9 must be 1–5 (0 if not assessed)`,
				`廉政风险点 "R3" 的发生可能性 9 应在 1–5 之间（未评估为 0）`)}},
		{"risk.level/negative impact alone", func(r *Register) { r.Risks[2].Likelihood, r.Risks[2].Impact = 0, -1 },
			Findings{e("risk.level", "risks[R3]", `risk "R3": impact -1 must be 1–5 (0 if not assessed)`,
				`廉政风险点 "R3" 的影响程度 -1 应在 1–5 之间（未评估为 0）`)}},
		{"risk.decision", func(r *Register) { r.Risks = r.Risks[:2] },
			Findings{{Rule: "risk.decision", Severity: Warning, Path: "flows[F2].steps[d]", Message: `flow "F2": decision step "d" (决定) has no risk point`, Chinese: `流程图 "F2" 的决定环节决定（d）没有廉政风险点`}}},
		// A step repeating a decision step's ID is reported as a repeat;
		// like flow.gateway and flow.unreachable, risk.decision passes it
		// over rather than warn of the same step twice.
		{"risk.decision/repeated step", func(r *Register) {
			r.Risks = r.Risks[:2]
			r.Flows[1].Steps = append(r.Flows[1].Steps, Step{ID: "d", Name: "复核", Kind: Task, Stage: Decision})
		}, Findings{
			e("flow.duplicate", "flows[F2].steps[d]", `flow "F2": step "d" (复核) repeats the ID of step #3 (决定)`,
				`流程图 "F2" 的环节复核（d）与环节 #3（决定）编号重复`),
			{Rule: "risk.decision", Severity: Warning, Path: "flows[F2].steps[d]", Message: `flow "F2": decision step "d" (决定) has no risk point`, Chinese: `流程图 "F2" 的决定环节决定（d）没有廉政风险点`},
		}},
		{"sod.step", func(r *Register) {
			r.Separations = append(r.Separations, Separation{Flow: "F9", Steps: [2]string{"a", "b"}}, Separation{Flow: "F2", Steps: [2]string{"r", "q"}})
		}, Findings{
			e("sod.step", "separations[F9:a,b]", `separation "F9:a,b" names flowchart "F9", which is no flow`,
				`不相容岗位 "F9:a,b" 所列流程图 "F9" 不存在`),
			e("sod.step", "separations[F2:q,r]", `separation "F2:q,r" names step "q", which is no step of flow "F2"`,
				`不相容岗位 "F2:q,r" 所列环节 "q" 不是流程图 "F2" 的环节`),
		}},
		{"sod.step/one step twice", func(r *Register) {
			r.Separations = append(r.Separations, Separation{Flow: "F2", Steps: [2]string{"r", "r"}})
		}, Findings{
			e("sod.step", "separations[F2:r,r]", `separation "F2:r,r" names step "r" twice: a step is not incompatible with itself`,
				`不相容岗位 "F2:r,r" 两次列出环节 "r"：一个环节不与自身不相容`),
		}},
		{"sod.step/no steps", func(r *Register) {
			r.Separations = append(r.Separations, Separation{Flow: "F2"}, Separation{Flow: "F2", Steps: [2]string{"r", ""}})
		}, Findings{
			e("sod.step", "separations[F2:,]", `separation "F2:," names no steps: it needs the two steps that must not be held by one post`,
				`不相容岗位 "F2:," 未列出环节：应列出不得由同一岗位承担的两个环节`),
			e("sod.step", "separations[F2:,r]", `separation "F2:,r" names step "", which is no step of flow "F2"`,
				`不相容岗位 "F2:,r" 所列环节 "" 不是流程图 "F2" 的环节`),
		}},
		{"sod.step/nothing named", func(r *Register) {
			r.Separations = append(r.Separations, Separation{Reason: "空"})
		}, Findings{
			e("sod.step", "separations[#2]", `separation #2 names no flowchart`,
				`不相容岗位 #2 未写明流程图`),
		}},
		// A separation repeated, its steps named the other way round: the
		// repeat is reported once, as such, and the fault both share once.
		{"sod.duplicate", func(r *Register) {
			step(r, 0, "i").Post = "执法队员"
			r.Separations = append(r.Separations, Separation{Flow: "F1", Steps: [2]string{"i", "c"}, Reason: "重复"})
		}, Findings{
			e("sod.duplicate", "separations[F1:c,i]", `separation "F1:c,i" repeats the flow and steps of separation #0`,
				`不相容岗位 "F1:c,i" 与不相容岗位 #0 的流程图和环节重复`),
			e("sod.violation", "separations[F1:c,i]", `flow "F1": steps "c" (调查取证) and "i" (决定) are incompatible but post "执法队员" holds both: 调查与决定分离`,
				`流程图 "F1" 的环节调查取证（c）和决定（i）为不相容岗位，却都由岗位 "执法队员" 承担：调查与决定分离`),
		}},
		{"sod.duplicate/unknown flow, twice", func(r *Register) {
			bad := Separation{Flow: "F9", Steps: [2]string{"a", "b"}}
			r.Separations = append(r.Separations, bad, bad, bad)
		}, Findings{
			e("sod.duplicate", "separations[F9:a,b]", `separation "F9:a,b" repeats the flow and steps of separation #2`,
				`不相容岗位 "F9:a,b" 与不相容岗位 #2 的流程图和环节重复`),
			e("sod.duplicate", "separations[F9:a,b]", `separation "F9:a,b" repeats the flow and steps of separation #2`,
				`不相容岗位 "F9:a,b" 与不相容岗位 #2 的流程图和环节重复`),
			e("sod.step", "separations[F9:a,b]", `separation "F9:a,b" names flowchart "F9", which is no flow`,
				`不相容岗位 "F9:a,b" 所列流程图 "F9" 不存在`),
		}},
		// Separations that name nothing have no key, so none repeats
		// another: each is located, and reported, by its position.
		{"sod.duplicate/nothing named", func(r *Register) {
			r.Separations = append(r.Separations, Separation{}, Separation{})
		}, Findings{
			e("sod.step", "separations[#2]", `separation #2 names no flowchart`,
				`不相容岗位 #2 未写明流程图`),
			e("sod.step", "separations[#3]", `separation #3 names no flowchart`,
				`不相容岗位 #3 未写明流程图`),
		}},
		{"sod.violation", func(r *Register) { step(r, 0, "i").Post = "执法队员" },
			Findings{e("sod.violation", "separations[F1:c,i]", `flow "F1": steps "c" (调查取证) and "i" (决定) are incompatible but post "执法队员" holds both: 调查与决定分离`,
				`流程图 "F1" 的环节调查取证（c）和决定（i）为不相容岗位，却都由岗位 "执法队员" 承担：调查与决定分离`)}},
		// Two separations of one flow broken: each finding names its own.
		{"sod.violation/two in one flow", func(r *Register) { step(r, 0, "i").Post, step(r, 0, "d").Post = "执法队员", "执法队员" },
			Findings{
				e("sod.violation", "separations[F1:c,i]", `flow "F1": steps "c" (调查取证) and "i" (决定) are incompatible but post "执法队员" holds both: 调查与决定分离`,
					`流程图 "F1" 的环节调查取证（c）和决定（i）为不相容岗位，却都由岗位 "执法队员" 承担：调查与决定分离`),
				e("sod.violation", "separations[F1:c,d]", `flow "F1": steps "c" (调查取证) and "d" (审理) are incompatible but post "执法队员" holds both: 调查与审核分离`,
					`流程图 "F1" 的环节调查取证（c）和审理（d）为不相容岗位，却都由岗位 "执法队员" 承担：调查与审核分离`),
			}},
		// Posts are names, compared after trimming spaces as Template.Check
		// compares names; a blank post is none.
		{"sod.violation/post with spaces", func(r *Register) { step(r, 0, "i").Post = " 执法队员 " },
			Findings{e("sod.violation", "separations[F1:c,i]", `flow "F1": steps "c" (调查取证) and "i" (决定) are incompatible but post "执法队员" holds both: 调查与决定分离`,
				`流程图 "F1" 的环节调查取证（c）和决定（i）为不相容岗位，却都由岗位 "执法队员" 承担：调查与决定分离`)}},
		{"sod.violation/blank posts", func(r *Register) { step(r, 0, "c").Post, step(r, 0, "i").Post = " ", " " }, nil},
		{"resp.duplicate", func(r *Register) { r.Responsibilities[1].Code = "ZZ-01" },
			Findings{e("resp.duplicate", "responsibilities[ZZ-01]", `responsibility "ZZ-01" (市政设施管理) repeats the code of responsibility #0 (城市管理综合执法)`,
				`职责市政设施管理（ZZ-01）与职责 #0（城市管理综合执法）编码重复`)}},
		{"resp.unit", func(r *Register) { r.Responsibilities[0].Unit = "O9" },
			Findings{e("resp.unit", "responsibilities[ZZ-01].unit", `responsibility "ZZ-01" (城市管理综合执法) names unit "O9", which is no unit`,
				`职责城市管理综合执法（ZZ-01）的责任单位 "O9" 不是登记的单位`)}},
		{"resp.unit/empty", func(r *Register) { r.Responsibilities[0].Unit = "" },
			Findings{e("resp.unit", "responsibilities[ZZ-01].unit", `responsibility "ZZ-01" (城市管理综合执法) names no responsible unit`,
				`职责城市管理综合执法（ZZ-01）未写明责任单位`)}},
		{"resp.power", func(r *Register) { r.Responsibilities[1].Powers = append(r.Responsibilities[1].Powers, "QZ-404") },
			Findings{e("resp.power", "responsibilities[ZZ-02].powers[1]", `responsibility "ZZ-02" (市政设施管理) names power "QZ-404", which is not on the power list`,
				`职责市政设施管理（ZZ-02）所列权力 "QZ-404" 不在权力清单中`)}},
	}
}

// TestRules breaks a sound register in one way per case and wants exactly
// the findings that defect deserves: the right rule, severity, path and
// message in English and in Chinese, and nothing else.
func TestRules(t *testing.T) {
	covered := map[string]bool{}
	for _, tt := range ruleCases() {
		t.Run(tt.name, func(t *testing.T) {
			r := sound()
			tt.breakR(r)
			got := r.Validate()
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Validate() mismatch (-want +got):\n%s", diff)
			}
		})
		rule, _, _ := strings.Cut(tt.name, "/")
		covered[rule] = true
	}
	for _, x := range Rules() {
		if !covered[x.Name] {
			t.Errorf("rule %s has no case in TestRules", x.Name)
		}
	}
}

// TestRulesAlone runs each built-in rule by itself through Run and checks
// that it finds what Validate attributes to it, so that Rules() and
// Validate's shared index agree.
func TestRulesAlone(t *testing.T) {
	r := sound()
	// Break it in many ways at once.
	r.Units = append(r.Units, Unit{ID: "O1", Kind: Office, Parent: "X"})
	r.Powers[0].Basis, r.Powers[1].Flow, r.Powers[1].PromisedDays = nil, "F9", 30
	r.Flows[0].Edges = append(r.Flows[0].Edges, Edge{From: "k", To: "c"}, Edge{From: "z", To: "q"})
	r.Flows[1].Steps[2].Kind = Gateway
	r.Risks[0].Controls = nil
	r.Responsibilities[0].Powers = []string{"nope"}
	all := r.Validate()
	if len(all) < 8 {
		t.Fatalf("Validate found %d findings, want many: %v", len(all), all)
	}
	for _, x := range Rules() {
		var want Findings
		for _, f := range all {
			if f.Rule == x.Name {
				want = append(want, f)
			}
		}
		got := r.Run(x)
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("Run(%s) mismatch (-want +got):\n%s", x.Name, diff)
		}
	}
}

func TestRulesDeclared(t *testing.T) {
	rules := Rules()
	if err := CheckRules(rules...); err != nil {
		t.Fatalf("CheckRules(Rules()) = %v", err)
	}
	// The rules hosts have built on since the first release.
	contract := []string{"unit.duplicate", "unit.parent", "power.duplicate", "power.subject", "power.basis",
		"power.duties", "power.flow", "power.promised", "power.limit", "flow.duplicate", "flow.edge", "flow.cycle",
		"flow.start", "flow.end", "flow.unreachable", "flow.deadend", "flow.gateway", "risk.step", "risk.control",
		"risk.level", "risk.decision", "sod.violation", "resp.unit", "resp.power"}
	names := map[string]bool{}
	for _, x := range rules {
		names[x.Name] = true
		if !strings.HasPrefix(x.Doc, x.Name+": ") {
			t.Errorf("rule %s: Doc %q does not start with its name", x.Name, x.Doc)
		}
	}
	for _, n := range contract {
		if !names[n] {
			t.Errorf("Rules() lacks %s", n)
		}
	}
}

// TestRulesDocComment keeps the list in Rules' doc comment in step with
// the rules it returns: each line of the list's code block is a rule's
// Name and the rest of its Doc, in the order Rules returns them.
func TestRulesDocComment(t *testing.T) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "rules.go", nil, parser.ParseComments)
	if err != nil {
		t.Fatal(err)
	}
	var text string
	for _, d := range f.Decls {
		if fn, ok := d.(*ast.FuncDecl); ok && fn.Name.Name == "Rules" && fn.Recv == nil {
			text = fn.Doc.Text()
		}
	}
	type entry struct{ Name, Doc string }
	var listed []entry
	for _, b := range new(comment.Parser).Parse(text).Content {
		code, ok := b.(*comment.Code)
		if !ok {
			continue
		}
		for _, line := range strings.Split(strings.TrimSuffix(code.Text, "\n"), "\n") {
			name, rest, _ := strings.Cut(line, " ")
			listed = append(listed, entry{name, name + ": " + strings.TrimSpace(rest)})
		}
	}
	var rules []entry
	for _, x := range Rules() {
		rules = append(rules, entry{x.Name, x.Doc})
	}
	if len(listed) == 0 {
		t.Fatal("Rules' doc comment lists no rule")
	}
	if diff := cmp.Diff(rules, listed); diff != "" {
		t.Errorf("Rules' doc comment and Rules() mismatch (-want +got):\n%s", diff)
	}
}
