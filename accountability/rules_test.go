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

func e(rule, path, msg string) Finding {
	return Finding{Rule: rule, Severity: Error, Path: path, Message: msg}
}

// TestRules breaks a sound register in one way per case and wants exactly
// the findings that defect deserves: the right rule, severity, path and
// message, and nothing else.
func TestRules(t *testing.T) {
	step := func(r *Register, flow int, id string) *Step {
		for i := range r.Flows[flow].Steps {
			if r.Flows[flow].Steps[i].ID == id {
				return &r.Flows[flow].Steps[i]
			}
		}
		panic("test: no step " + id)
	}
	tests := []struct {
		name   string
		breakR func(r *Register)
		want   Findings
	}{
		{"unit.required/id", func(r *Register) { r.Units = append(r.Units, Unit{Name: "文旅发展部", Kind: Office, Parent: "S"}) },
			Findings{e("unit.required", "units[#5]", `unit #5 "文旅发展部" has no ID`)}},
		{"unit.required/kind", func(r *Register) { r.Units[1].Kind = 0 },
			Findings{e("unit.required", "units[O1].kind", `unit "O1" (党政办公室) has no kind`)}},
		{"unit.duplicate", func(r *Register) {
			r.Units = append(r.Units, Unit{ID: "O1", Name: "生态环境部", Kind: Office, Parent: "S"})
		},
			Findings{e("unit.duplicate", "units[O1]", `unit "O1" (生态环境部) repeats the ID of unit #1 (党政办公室)`)}},
		{"unit.parent", func(r *Register) { r.Units[2].Parent = "S9" },
			Findings{e("unit.parent", "units[O2].parent", `unit "O2" (城市管理部) names parent "S9", which is no unit`)}},
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
		{"power.required/code", func(r *Register) { r.Powers[1].Code = "" },
			Findings{e("power.required", "powers[#1]", `power #1 "临时占用城市道路审批" has no code`),
				e("resp.power", "responsibilities[ZZ-02].powers[0]", `responsibility "ZZ-02" (市政设施管理) names power "XK-001", which is not on the power list`)}},
		{"power.required/category", func(r *Register) { r.Powers[0].Category = 0 },
			Findings{e("power.required", "powers[CF-001].category", `power "CF-001" (对擅自占用城市道路经营的处罚) has no category`)}},
		{"power.required/negative", func(r *Register) { r.Powers[1].StatutoryDays = -1 },
			Findings{e("power.required", "powers[XK-001].statutoryDays", `power "XK-001" (临时占用城市道路审批) has a negative statutory limit of -1 working days`)}},
		{"power.duplicate", func(r *Register) { p := r.Powers[1]; p.Name = "复制"; r.Powers = append(r.Powers, p) },
			Findings{e("power.duplicate", "powers[XK-001]", `power "XK-001" (复制) repeats the code of power #1 (临时占用城市道路审批)`)}},
		{"power.subject/unknown", func(r *Register) { r.Powers[0].Subject = "A9" },
			Findings{e("power.subject", "powers[CF-001].subject", `power "CF-001" (对擅自占用城市道路经营的处罚) names subject "A9", which is no unit`)}},
		{"power.subject/empty", func(r *Register) { r.Powers[0].Subject = "" },
			Findings{e("power.subject", "powers[CF-001].subject", `power "CF-001" (对擅自占用城市道路经营的处罚) has no subject (实施主体)`)}},
		{"power.basis/none", func(r *Register) { r.Powers[0].Basis = nil },
			Findings{e("power.basis", "powers[CF-001].basis", `power "CF-001" (对擅自占用城市道路经营的处罚) has no legal basis (实施依据)`)}},
		{"power.basis/no law", func(r *Register) { r.Powers[0].Basis = append(r.Powers[0].Basis, Basis{Article: "第一条"}) },
			Findings{e("power.basis", "powers[CF-001].basis[1]", `power "CF-001" (对擅自占用城市道路经营的处罚): basis #1 names no law`)}},
		{"power.duties", func(r *Register) { r.Powers[1].Duties = []Duty{} },
			Findings{e("power.duties", "powers[XK-001].duties", `power "XK-001" (临时占用城市道路审批) has no responsibility items (责任事项)`)}},
		{"power.flow", func(r *Register) { r.Powers[1].Flow = "F9" },
			Findings{e("power.flow", "powers[XK-001].flow", `power "XK-001" (临时占用城市道路审批) names flowchart "F9", which is no flow`)}},
		{"power.promised", func(r *Register) { r.Powers[1].PromisedDays = 30 },
			Findings{e("power.promised", "powers[XK-001].promisedDays", `power "XK-001" (临时占用城市道路审批) promises 30 working days, longer than its statutory limit of 20`)}},
		{"power.grant/from", func(r *Register) { r.Powers[1].Grant = &Grant{Scope: "城市道路"} },
			Findings{e("power.grant", "powers[XK-001].grant", `power "XK-001" (临时占用城市道路审批) is held by grant (赋权) but names no granting body`)}},
		{"power.grant/scope", func(r *Register) { r.Powers[1].Grant = &Grant{From: "市城管局", Partial: true, Scope: " "} },
			Findings{e("power.grant", "powers[XK-001].grant", `power "XK-001" (临时占用城市道路审批) is granted in part but its Scope does not say which part`)}},
		{"power.grant/sound", func(r *Register) {
			r.Powers[1].Grant = &Grant{From: "市城管局", Partial: true, Scope: "背街小巷"}
		},
			nil},
		{"power.limit/promised", func(r *Register) { r.Powers[1].PromisedDays = 8 },
			Findings{e("power.limit", "powers[XK-001].flow", `power "XK-001" (临时占用城市道路审批): flowchart "F2" takes 9 working days on its critical path, more than the promised limit of 8`)}},
		{"power.limit/statutory", func(r *Register) { r.Powers[0].PromisedDays = 0; r.Powers[0].StatutoryDays = 38 },
			Findings{e("power.limit", "powers[CF-001].flow", `power "CF-001" (对擅自占用城市道路经营的处罚): flowchart "F1" takes 39 working days on its critical path, more than the statutory limit of 38`)}},
		{"flow.required/flow id", func(r *Register) { r.Flows = append(r.Flows, chain("", 2)) },
			Findings{e("flow.required", "flows[#2]", `flow #2 "链" has no ID`)}},
		{"flow.required/step", func(r *Register) { step(r, 1, "r").Kind = 0 },
			Findings{e("flow.required", "flows[F2].steps[r].kind", `flow "F2": step "r" (审查) has no kind`)}},
		{"flow.duplicate/flow", func(r *Register) { f := chain("F2", 2); f.Name = "重复"; r.Flows = append(r.Flows, f) },
			Findings{e("flow.duplicate", "flows[F2]", `flow "F2" (重复) repeats the ID of flow #1 (行政许可流程)`)}},
		{"flow.duplicate/step", func(r *Register) { step(r, 1, "o").ID = "a" },
			Findings{
				e("flow.duplicate", "flows[F2].steps[a]", `flow "F2": step "a" (送达) repeats the ID of step #1 (受理)`),
				// The edges to and from "o" now name no step.
				e("flow.edge", "flows[F2].edges[3]", `flow "F2": edge #3 from "d" to "o": "o" names no step`),
				e("flow.edge", "flows[F2].edges[4]", `flow "F2": edge #4 from "o" to "e": "o" names no step`),
				e("flow.unreachable", "flows[F2].steps[e]", `flow "F2": step "e" (结束) cannot be reached from the Start step`),
				e("flow.deadend", "flows[F2].steps[s]", `flow "F2": no End step can be reached from step "s" (开始)`),
				e("flow.deadend", "flows[F2].steps[a]", `flow "F2": no End step can be reached from step "a" (受理)`),
				e("flow.deadend", "flows[F2].steps[r]", `flow "F2": no End step can be reached from step "r" (审查)`),
				e("flow.deadend", "flows[F2].steps[d]", `flow "F2": no End step can be reached from step "d" (决定)`),
			}},
		{"flow.edge", func(r *Register) { r.Flows[1].Edges = append(r.Flows[1].Edges, Edge{From: "x", To: "y"}) },
			Findings{e("flow.edge", "flows[F2].edges[5]", `flow "F2": edge #5 from "x" to "y": "x" and "y" names no step`)}},
		{"flow.cycle", func(r *Register) {
			r.Flows[0].Edges = append(r.Flows[0].Edges, Edge{From: "i", To: "d", Label: "重新审理"})
		},
			Findings{e("flow.cycle", "flows[F1]", `flow "F1" (行政处罚流程) has a cycle: d → e → g → i → d`)}},
		{"flow.start/none", func(r *Register) { step(r, 1, "s").Kind = Task },
			Findings{e("flow.start", "flows[F2]", `flow "F2" (行政许可流程) has no Start step`)}},
		{"flow.start/two", func(r *Register) {
			r.Flows[1].Steps = append(r.Flows[1].Steps, Step{ID: "s2", Name: "网上申请", Kind: Start})
			r.Flows[1].Edges = append(r.Flows[1].Edges, Edge{From: "s2", To: "r"})
		}, Findings{e("flow.start", "flows[F2]", `flow "F2" (行政许可流程) has 2 Start steps (s, s2); it needs exactly one`)}},
		{"flow.end", func(r *Register) { step(r, 1, "e").Kind = Task },
			Findings{e("flow.end", "flows[F2]", `flow "F2" (行政许可流程) has no End step`)}},
		{"flow.unreachable", func(r *Register) {
			r.Flows[1].Steps = append(r.Flows[1].Steps, Step{ID: "x", Name: "孤立环节", Kind: Task})
			r.Flows[1].Edges = append(r.Flows[1].Edges, Edge{From: "x", To: "e"})
		}, Findings{e("flow.unreachable", "flows[F2].steps[x]", `flow "F2": step "x" (孤立环节) cannot be reached from the Start step`)}},
		{"flow.deadend", func(r *Register) {
			r.Flows[1].Steps = append(r.Flows[1].Steps, Step{ID: "x", Name: "归档", Kind: Task})
			r.Flows[1].Edges = append(r.Flows[1].Edges, Edge{From: "o", To: "x"})
		}, Findings{e("flow.deadend", "flows[F2].steps[x]", `flow "F2": no End step can be reached from step "x" (归档)`)}},
		{"flow.gateway", func(r *Register) { step(r, 1, "r").Kind = Gateway },
			Findings{e("flow.gateway", "flows[F2].steps[r]", `flow "F2": gateway "r" (审查) has 1 outgoing edge(s); a gateway needs at least two`)}},
		{"risk.duplicate", func(r *Register) { r.Risks[2].ID = "R1" },
			Findings{e("risk.duplicate", "risks[R1]", `risk "R1" repeats the ID of risk #0`)}},
		{"risk.step/flow", func(r *Register) { r.Risks[2].Flow = "F9" },
			Findings{
				e("risk.step", "risks[R3]", `risk "R3" names flowchart "F9", which is no flow`),
				{Rule: "risk.decision", Severity: Warning, Path: "flows[F2].steps[d]", Message: `flow "F2": decision step "d" (决定) has no risk point`},
			}},
		{"risk.step/empty", func(r *Register) { r.Risks[1].Step = "" },
			Findings{e("risk.step", "risks[R2]", `risk "R2" names no step of flow "F1"`)}},
		{"risk.step/step", func(r *Register) { r.Risks[1].Step = "q" },
			Findings{e("risk.step", "risks[R2]", `risk "R2" names step "q", which is no step of flow "F1"`)}},
		{"risk.control", func(r *Register) { r.Risks[0].Controls = nil },
			Findings{e("risk.control", "risks[R1]", `risk "R1" at step "i" of flow "F1" is high (一级) but has no control`)}},
		{"risk.control/from matrix", func(r *Register) { r.Risks[1].Controls, r.Risks[1].Level = nil, 0 },
			Findings{
				e("risk.control", "risks[R2]", `risk "R2" at step "c" of flow "F1" is medium (二级) but has no control`),
				e("risk.level", "risks[R2]", `risk "R2": likelihood 3 × impact 3 = 9 is medium under the matrix, but its level is not set`),
			}},
		{"risk.level", func(r *Register) { r.Risks[2].Impact = 4 },
			Findings{e("risk.level", "risks[R3]", `risk "R3": likelihood 2 × impact 4 = 8 is medium under the matrix, but its level is low`)}},
		{"risk.level/range", func(r *Register) { r.Risks[2].Impact = 6 },
			Findings{e("risk.level", "risks[R3]", `risk "R3": likelihood 2 and impact 6 must each be 1–5`)}},
		{"risk.decision", func(r *Register) { r.Risks = r.Risks[:2] },
			Findings{{Rule: "risk.decision", Severity: Warning, Path: "flows[F2].steps[d]", Message: `flow "F2": decision step "d" (决定) has no risk point`}}},
		{"sod.step", func(r *Register) {
			r.Separations = append(r.Separations, Separation{Flow: "F9", Steps: [2]string{"a", "b"}}, Separation{Flow: "F2", Steps: [2]string{"r", "q"}})
		}, Findings{
			e("sod.step", "separations[2]", `separation #2 names flowchart "F9", which is no flow`),
			e("sod.step", "separations[3]", `separation #3 names step "q", which is no step of flow "F2"`),
		}},
		{"sod.violation", func(r *Register) { step(r, 0, "i").Post = "执法队员" },
			Findings{e("sod.violation", "flows[F1]", `flow "F1": steps "c" (调查取证) and "i" (决定) are incompatible but post "执法队员" holds both: 调查与决定分离`)}},
		{"resp.duplicate", func(r *Register) { r.Responsibilities[1].Code = "ZZ-01" },
			Findings{e("resp.duplicate", "responsibilities[ZZ-01]", `responsibility "ZZ-01" (市政设施管理) repeats the code of responsibility #0`)}},
		{"resp.unit", func(r *Register) { r.Responsibilities[0].Unit = "O9" },
			Findings{e("resp.unit", "responsibilities[ZZ-01].unit", `responsibility "ZZ-01" (城市管理综合执法) names unit "O9", which is no unit`)}},
		{"resp.unit/empty", func(r *Register) { r.Responsibilities[0].Unit = "" },
			Findings{e("resp.unit", "responsibilities[ZZ-01].unit", `responsibility "ZZ-01" (城市管理综合执法) names no responsible unit`)}},
		{"resp.power", func(r *Register) { r.Responsibilities[1].Powers = append(r.Responsibilities[1].Powers, "QZ-404") },
			Findings{e("resp.power", "responsibilities[ZZ-02].powers[1]", `responsibility "ZZ-02" (市政设施管理) names power "QZ-404", which is not on the power list`)}},
	}
	covered := map[string]bool{}
	for _, tt := range tests {
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
