package accountability_test

import (
	"errors"
	"fmt"
	"strings"

	"github.com/qingdan/qingdan/accountability"
)

// licenceFlow is a licensing flowchart: 受理 → 审查 → 决定 → 送达.
func licenceFlow() accountability.Flow {
	return accountability.Flow{
		ID: "F-XK", Name: "临时占用城市道路审批流程",
		Steps: []accountability.Step{
			{ID: "start", Name: "申请", Kind: accountability.Start},
			{ID: "accept", Name: "受理", Kind: accountability.Task, Stage: accountability.Acceptance, Post: "窗口人员", Days: 1},
			{ID: "check", Name: "材料齐全？", Kind: accountability.Gateway, Stage: accountability.Acceptance, Post: "窗口人员"},
			{ID: "fix", Name: "一次性告知补正", Kind: accountability.Task, Stage: accountability.Acceptance, Post: "窗口人员", Days: 2},
			{ID: "review", Name: "审查", Kind: accountability.Task, Stage: accountability.Review, Post: "审核员", Days: 5},
			{ID: "decide", Name: "决定", Kind: accountability.Task, Stage: accountability.Decision, Post: "分管领导", Days: 2},
			{ID: "deliver", Name: "送达", Kind: accountability.Task, Stage: accountability.Delivery, Post: "窗口人员", Days: 1},
			{ID: "end", Name: "办结", Kind: accountability.End},
		},
		Edges: []accountability.Edge{
			{From: "start", To: "accept"}, {From: "accept", To: "check"},
			{From: "check", To: "review", Label: "齐全"}, {From: "check", To: "fix", Label: "不齐全"},
			{From: "fix", To: "review"}, {From: "review", To: "decide"},
			{From: "decide", To: "deliver"}, {From: "deliver", To: "end"},
		},
	}
}

func exampleRegister() *accountability.Register {
	return &accountability.Register{
		Org: "中庙街道", Version: "2020-1",
		Units: []accountability.Unit{
			{ID: "ZM", Name: "中庙街道", Kind: accountability.Subdistrict},
			{ID: "CG", Name: "城市管理部", Kind: accountability.Office, Parent: "ZM"},
		},
		Powers: []accountability.Power{{
			Code: "XK-001", Name: "临时占用城市道路审批", Category: accountability.Licensing, Subject: "CG",
			Basis:         []accountability.Basis{{Law: "城市道路管理条例", Article: "第三十一条"}},
			Duties:        []accountability.Duty{{Stage: accountability.Acceptance, Text: "一次性告知"}, {Stage: accountability.Review, Text: "审查材料"}},
			Liabilities:   []string{"对符合条件的申请不予受理的"},
			StatutoryDays: 20, PromisedDays: 12, Flow: "F-XK",
		}},
		Flows: []accountability.Flow{licenceFlow()},
		Risks: []accountability.Risk{{ID: "R1", Flow: "F-XK", Step: "decide", Text: "违规许可", Likelihood: 3, Impact: 5,
			Level: accountability.High, Controls: []accountability.Control{{Text: "集体研究", Post: "主要负责人"}}}},
	}
}

// A locality that wants a power's Duties to cover its category's stages
// writes its own Rule and passes it to Validate with the built-ins.
func Example() {
	stages := accountability.Rule{
		Name: "local.stages",
		Doc:  "local.stages: a power whose duties miss a stage of its category",
		Check: func(r *accountability.Register, report func(accountability.Finding)) {
			for _, p := range r.Powers {
				for _, s := range p.MissingStages() {
					report(accountability.Finding{
						Path:    "powers[" + p.Code + "].duties",
						Message: fmt.Sprintf("power %q has no %s (%s) duty", p.Code, s, s.Label()),
					})
				}
			}
		},
	}
	r := exampleRegister()
	findings := r.Validate(stages)
	for _, f := range findings {
		fmt.Println(f)
	}
	fmt.Println(errors.Is(findings.Err(), accountability.ErrInvalid))
	// Output:
	// error powers[XK-001].duties: power "XK-001" has no decision (决定) duty (local.stages)
	// error powers[XK-001].duties: power "XK-001" has no delivery (送达) duty (local.stages)
	// error powers[XK-001].duties: power "XK-001" has no supervision (事后监管) duty (local.stages)
	// true
}

// ExampleLoadRegister reads a register kept as JSON, as a host keeps it in
// a file or a column, and validates it. Enums read their code or their
// Chinese label; a misspelt one, like any error of the JSON, is named by
// its path.
func ExampleLoadRegister() {
	const register = `{
  "org": "赭山街道办事处", "version": "2024",
  "units": [{"id": "ZS", "name": "赭山街道", "kind": "街道"}],
  "powers": [{"code": "QR-001", "name": "困难群众认定", "category": "行政确认", "subject": "ZS",
    "basis": [{"law": "社会救助暂行办法", "article": "第十一条"}],
    "duties": [{"stage": "受理", "text": "受理申请"}]}]
}`
	r, err := accountability.LoadRegister(strings.NewReader(register))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(r.Org, r.Powers[0].Category, len(r.Validate()), "findings")

	_, err = accountability.LoadRegister(strings.NewReader(strings.Replace(register, "行政确认", "行政审批", 1)))
	fmt.Println(errors.Is(err, accountability.ErrInvalid), err)
	// Output:
	// 赭山街道办事处 confirmation 0 findings
	// true accountability: loading register: json: accountability: unknown category "行政审批" (want one of licensing, penalty, coercion, levy, payment, inspection, confirmation, reward, adjudication, other, service, forwarding, internal, or a Chinese label): invalid at powers[0].category
}

func ExampleRegister_Validate() {
	r := exampleRegister()
	r.Risks[0].Controls = nil
	r.Flows[0].Edges = append(r.Flows[0].Edges, accountability.Edge{From: "deliver", To: "accept"})
	for _, f := range r.Validate() {
		fmt.Println(f.Severity, f.Rule, f.Path)
		fmt.Println("  ", f.Message)
	}
	// Output:
	// error flow.cycle flows[F-XK]
	//    flow "F-XK" (临时占用城市道路审批流程) has a cycle: accept → check → review → decide → deliver → accept
	// error risk.control risks[R1]
	//    risk "R1" at step "decide" of flow "F-XK" is high (一级) but has no control
}

func ExampleFlow_Order() {
	f := licenceFlow()
	order, err := f.Order()
	fmt.Println(order, err)

	f.Edges = append(f.Edges, accountability.Edge{From: "review", To: "check", Label: "退回"})
	_, err = f.Order()
	var cycle *accountability.CycleError
	if errors.As(err, &cycle) {
		fmt.Println(cycle.Cycle)
	}
	// Output:
	// [start accept check fix review decide deliver end] <nil>
	// [check review]
}

func ExampleFlow_CriticalPath() {
	f := licenceFlow()
	path, days, err := f.CriticalPath()
	fmt.Println(strings.Join(path, " → "), days, err)
	// Output:
	// start → accept → check → fix → review → decide → deliver → end 11 <nil>
}

func ExampleFlow_DOT() {
	f := accountability.Flow{ID: "F", Name: "决定", Steps: []accountability.Step{
		{ID: "s", Name: "开始", Kind: accountability.Start},
		{ID: "d", Name: "作出决定", Kind: accountability.Task, Stage: accountability.Decision, Post: "分管领导", Days: 2},
		{ID: "e", Name: "结束", Kind: accountability.End},
	}, Edges: []accountability.Edge{{From: "s", To: "d"}, {From: "d", To: "e"}}}
	fmt.Print(f.DOT(accountability.Risk{ID: "R1", Flow: "F", Step: "d", Level: accountability.High}))
	// Output:
	// digraph "F" {
	// 	graph [label=<<table border="0" cellspacing="4" cellpadding="4"><tr><td colspan="2">决定</td></tr><tr><td><font point-size="11">图例</font></td><td border="2" bgcolor="#f8cecc" color="#b85450"><font point-size="11">一级风险点</font></td></tr></table>>, labelloc=t, fontname="sans-serif", fontsize=16];
	// 	node [fontname="sans-serif", fontsize=11, shape=box, style="rounded"];
	// 	edge [fontname="sans-serif", fontsize=10];
	// 	"s" [label="开始", shape=oval];
	// 	"d" [label="作出决定\n【决定】 分管领导 2个工作日\n风险点 R1（一级）", style="rounded,filled", fillcolor="#f8cecc", color="#b85450", penwidth=2];
	// 	"e" [label="结束", shape=oval];
	// 	"s" -> "d";
	// 	"d" -> "e";
	// }
}

func ExampleFlow_Mermaid() {
	f := accountability.Flow{ID: "F", Name: "决定", Steps: []accountability.Step{
		{ID: "s", Name: "开始", Kind: accountability.Start},
		{ID: "d", Name: "作出决定", Kind: accountability.Task, Post: "分管领导", Days: 2},
		{ID: "e", Name: "结束", Kind: accountability.End},
	}, Edges: []accountability.Edge{{From: "s", To: "d"}, {From: "d", To: "e"}}}
	fmt.Print(f.Mermaid(accountability.Risk{ID: "R1", Flow: "F", Step: "d", Likelihood: 2, Impact: 4}))
	// Output:
	// ---
	// title: "决定"
	// ---
	// %% F 决定
	// flowchart TD
	//     s0(["开始"])
	//     s1["作出决定<br/>分管领导 2个工作日<br/>风险点 R1（二级）"]
	//     s2(["结束"])
	//     s0 --> s1
	//     s1 --> s2
	//     subgraph legend["图例"]
	//         l0["二级风险点"]
	//     end
	//     classDef medium fill:#ffe6cc,stroke:#d79b00,stroke-width:2px
	//     class s1,l0 medium
}

func ExampleDiff() {
	old := exampleRegister()
	new := exampleRegister()
	new.Version = "2020-2"
	new.Powers[0].PromisedDays = 7
	new.Flows[0].Steps[4].Days = 3
	new.Units = append(new.Units, accountability.Unit{ID: "ST", Name: "生态环境部", Kind: accountability.Office, Parent: "ZM"})
	for _, c := range accountability.Diff(old, new) {
		fmt.Println(c.Kind.Label(), c.Path, c.Fields)
	}
	// Output:
	// 新增 units[ST] []
	// 变更 powers[XK-001] [promisedDays]
	// 变更 flows[F-XK] [steps[review].days]
}

func ExampleTemplate_Check() {
	// A locality's layout; package locality/chaohu holds Chaohu's.
	chaohu := accountability.Template{
		Name:       "一办五部两中心+生态环境部+1个预留",
		Offices:    []string{"党政办公室", "党群工作部", "经济发展部", "城市管理部", "社会事务部", "平安建设部", "生态环境部"},
		Centers:    []string{"党群服务中心", "网格化服务管理中心"},
		MaxSelfSet: 1,
	}
	units := []accountability.Unit{{ID: "ZM", Name: "中庙街道", Kind: accountability.Subdistrict}}
	for i, name := range chaohu.Offices {
		if name != "生态环境部" { // forgotten
			units = append(units, accountability.Unit{ID: fmt.Sprint("B", i), Name: name, Kind: accountability.Office, Parent: "ZM"})
		}
	}
	for i, name := range chaohu.Centers {
		units = append(units, accountability.Unit{ID: fmt.Sprint("C", i), Name: name, Kind: accountability.Center, Parent: "ZM"})
	}
	units = append(units,
		accountability.Unit{ID: "WL", Name: "文旅发展部", Kind: accountability.Office, Parent: "ZM", SelfSet: true}, // the reserved slot
		accountability.Unit{ID: "SY", Name: "商贸发展部", Kind: accountability.Office, Parent: "ZM", SelfSet: true}, // one too many
	)
	for _, f := range chaohu.Check(units, "ZM") {
		fmt.Println(f.Rule, f.Path)
	}
	// Output:
	// template.selfset units[SY]
	// template.missing units[ZM]
}

func ExampleParseCategory() {
	for _, s := range []string{"penalty", "行政处罚", "处罚", "行政监督", "公共服务", "行政审批"} {
		c, err := accountability.ParseCategory(s)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Println(c, c.Label())
	}
	// Output:
	// penalty 行政处罚
	// penalty 行政处罚
	// penalty 行政处罚
	// inspection 行政检查
	// service 公共服务
	// accountability: unknown category "行政审批" (want one of licensing, penalty, coercion, levy, payment, inspection, confirmation, reward, adjudication, other, service, forwarding, internal, or a Chinese label): invalid
}

func ExampleMatrix_Level() {
	for _, li := range [][2]int{{1, 3}, {2, 4}, {3, 5}} {
		l, _ := accountability.Matrix{}.Level(li[0], li[1]) // the default: 15 and over high, 8 medium
		fmt.Println(li[0], "×", li[1], l, l.Label())
	}
	// Output:
	// 1 × 3 low 三级
	// 2 × 4 medium 二级
	// 3 × 5 high 一级
}

func ExampleReadPowersCSV() {
	const sheet = "序号,权力类型,项目编码,项目名称,子项,实施依据,责任事项,追责情形\n" +
		"1,行政检查,JC-001,对占道经营的检查,,《城市市容和环境卫生管理条例》第十四条,\"1.检查责任：依法检查\n2.处置责任：责令改正\",1.不履行检查职责的\n" +
		"2,行政处罚,CF-001,对占道经营的处罚,,《城市市容和环境卫生管理条例》第三十六条：处以罚款,\"1.立案责任：审查立案\n2.决定责任：作出决定\",1.违法处罚的\n" +
		"3,行政审批,,对户外广告的许可,,,,\n"
	powers, err := accountability.ReadPowersCSV(strings.NewReader(sheet))
	for _, p := range powers {
		fmt.Printf("%s %s %s: %d basis, %d duties, %d liabilities\n", p.Code, p.Category.Label(), p.Name, len(p.Basis), len(p.Duties), len(p.Liabilities))
	}
	fmt.Println(powers[1].Basis[0].Law, powers[1].Basis[0].Article, powers[1].Duties[1].Stage)
	var bad *accountability.CSVError
	if errors.As(err, &bad) {
		for _, c := range bad.Cells {
			fmt.Printf("row %d column %d (%s)\n", c.Row, c.Column, c.Header)
		}
	}
	// Output:
	// JC-001 行政检查 对占道经营的检查: 1 basis, 2 duties, 1 liabilities
	// CF-001 行政处罚 对占道经营的处罚: 1 basis, 2 duties, 1 liabilities
	//  Category(0) 对户外广告的许可: 0 basis, 0 duties, 0 liabilities
	// 城市市容和环境卫生管理条例 第三十六条 decision
	// row 4 column 2 (权力类型)
}

func ExampleReadResponsibilitiesCSV() {
	// A list of duties: the tasks one a row under a merged 主要职责, or
	// numbered on one line; 职责类别 merged over the duties of a category.
	const duties = "序号,职责类别,主要职责,具体工作事项,责任科室\n" +
		"1,平安建设,负责辖区矛盾纠纷排查化解,1.组织开展矛盾纠纷排查,综治中心\n" +
		",,,2.做好信访接待,\n" +
		"2,,负责社会治安综合治理,1.组织巡逻防控；2.排查治安隐患,综治中心\n"
	rs, err := accountability.ReadResponsibilitiesCSV(strings.NewReader(duties))
	if err != nil {
		fmt.Println(err)
	}
	for _, x := range rs {
		fmt.Printf("%s %s %s（%s）: %s\n", x.Code, x.Category, x.Duty, x.Unit, strings.Join(x.Tasks, " | "))
	}
	// A table of boundaries reads into the same type: each row a Boundary
	// of the duty it names, 职责分工 split into ours and theirs.
	const bounds = "序号,职责事项,相关部门,职责分工\n" +
		"1,占道经营治理,区城市管理局,\"1.街道：巡查劝导\n2.区城市管理局：依法查处\"\n"
	rs, _ = accountability.ReadResponsibilitiesCSV(strings.NewReader(bounds))
	b := rs[0].Boundaries[0]
	fmt.Printf("%s %s, with %s: ours %q, theirs %q\n", rs[0].Code, rs[0].Duty, b.With, b.Ours, b.Theirs)
	// Output:
	// ZZ-01 平安建设 负责辖区矛盾纠纷排查化解（综治中心）: 组织开展矛盾纠纷排查 | 做好信访接待
	// ZZ-02 平安建设 负责社会治安综合治理（综治中心）: 组织巡逻防控； | 排查治安隐患
	// ZZ-01 占道经营治理, with 区城市管理局: ours "1.街道：巡查劝导", theirs "2.区城市管理局：依法查处"
}

func ExampleWriteResponsibilitiesCSV() {
	rs := []accountability.Responsibility{
		{Code: "ZZ-03", Duty: "实施综合管理", Category: "城市管理", Unit: "CG", Tasks: []string{"市容巡查", "占道经营治理"},
			Boundaries: []accountability.Boundary{{With: "CH-CGJ", Ours: "巡查劝导", Theirs: "依法查处"}, {With: "CH-SCJ", Theirs: "查处无照经营"}}},
	}
	var sheet strings.Builder
	if err := accountability.WriteResponsibilitiesCSV(&sheet, rs); err != nil {
		fmt.Println(err)
	}
	// The sheet starts with a byte-order mark for spreadsheet programs.
	fmt.Print(strings.TrimPrefix(sheet.String(), "\ufeff"))
	// Output:
	// 序号,职责编码,职责类别,主要职责,具体工作事项,责任单位,权力编码,相关部门,本部门职责,相关部门职责,相关依据
	// 1,ZZ-03,城市管理,实施综合管理,"1.市容巡查
	// 2.占道经营治理",CG,,CH-CGJ,巡查劝导,依法查处,
	// ,,,,,,,CH-SCJ,,查处无照经营,
}

func ExampleRules() {
	for _, r := range accountability.Rules()[:4] {
		fmt.Println(r.Name)
	}
	// Output:
	// unit.required
	// unit.duplicate
	// unit.parent
	// unit.creditcode
}

func ExampleWritePowersCSV() {
	r := exampleRegister()
	var sheet strings.Builder
	if err := accountability.WritePowersCSV(&sheet, r.Powers); err != nil {
		fmt.Println(err)
	}
	// The sheet starts with a byte-order mark for spreadsheet programs.
	fmt.Print(strings.TrimPrefix(sheet.String(), "\ufeff"))
	// Output:
	// 序号,权力类型,项目编码,项目名称,子项,实施依据,责任事项,追责情形,实施主体,法定时限,承诺时限,流程图,主项编码,设定依据,承办机构,实施层级,审核转报,职权依据
	// 1,行政许可,XK-001,临时占用城市道路审批,,,"1.受理责任：一次性告知
	// 2.审查责任：审查材料",1.对符合条件的申请不予受理的,CG,20,12,F-XK,,,,,,《城市道路管理条例》第三十一条
}
