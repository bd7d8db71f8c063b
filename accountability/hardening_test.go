package accountability_test

// Hardening: every exported function and method of package accountability,
// called with zero values, nil slices and maps, zero times, negative
// durations and huge inputs, returns an error or a sound result and never
// panics. TestHardening also keeps the rows complete: a new exported
// function without a row here fails it.

import (
	"fmt"
	"io"
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/qingdan/qingdan/accountability"
	"github.com/qingdan/qingdan/internal/hardening"
)

// TestHardening checks that every exported function of the package, and
// every exported method of an exported type, has a row, and runs the rows:
// each makes its calls, failing on a panic or an unsound result.
func TestHardening(t *testing.T) {
	rows := slices.Concat(
		hardening.EnumsRows(hardeningEnums...),
		hardening.ErrorRows[accountability.CellError]("accountability", "CellError", true),
		hardening.ErrorRows[accountability.CSVError]("accountability", "CSVError", true),
		hardening.ErrorRows[accountability.CycleError]("accountability", "CycleError", true),
		hardening.ErrorRows[accountability.RecordError]("accountability", "RecordError", true),
	)
	hardening.Test(t, append(rows, []hardening.Row{
		{Name: "accountability.ReadPowersCSV", Run: func(c *hardening.Caller) {
			for _, in := range []string{"", "\n\n", hardening.Huge, hardening.BadUTF8, "code,name\n", "code,name,category\n1,2,3,4,5\n\"unterminated", strings.Repeat("a,", 1<<16) + "\n" + strings.Repeat("x,", 1<<16)} {
				c.Call(fmt.Sprintf("ReadPowersCSV(%q)", in), func() { _, _ = accountability.ReadPowersCSV(strings.NewReader(in)) })
			}
		}},
		{Name: "accountability.ReadPowerRows", Run: func(c *hardening.Caller) {
			for i, rows := range hostileRows() {
				c.Call(fmt.Sprintf("ReadPowerRows(rows %d)", i), func() { _, _ = accountability.ReadPowerRows(rows) })
			}
		}},
		{Name: "accountability.PowerReader.ReadCSV", Run: func(c *hardening.Caller) {
			for i, pr := range hostileReaders() {
				for _, in := range []string{"", "\xff\xfe\x00", "\xc8\xa8\xc1\xa6,\xb1\xe0\xc2\xeb\n" + hardening.BadUTF8, "事项类型,事项编码,事项名称,设定依据\n20,A,,\n,B,,x\n", strings.Repeat("\x81", 70000)} {
					c.Call(fmt.Sprintf("reader %d .ReadCSV(%q)", i, hardening.Clip(in)), func() { _, _ = pr.ReadCSV(strings.NewReader(in)) })
				}
			}
		}},
		{Name: "accountability.PowerReader.ReadRows", Run: func(c *hardening.Caller) {
			for i, pr := range hostileReaders() {
				for j, rows := range hostileRows() {
					c.Call(fmt.Sprintf("reader %d .ReadRows(rows %d)", i, j), func() { _, _ = pr.ReadRows(rows) })
				}
			}
		}},
		{Name: "accountability.ReadResponsibilitiesCSV", Run: func(c *hardening.Caller) {
			for _, in := range []string{"", "\n\n", hardening.Huge, hardening.BadUTF8, "主要职责\n", "主要职责,职责\n1,2\n\"unterminated",
				"序号,主要职责,具体工作事项,相关部门,职责分工,依据\n1,甲,1.a；2.b,乙、,\"乙：x\n丙\"\n,,c,,,\n,,,,,y\n", strings.Repeat("a,", 1<<16) + "\n"} {
				c.Call(fmt.Sprintf("ReadResponsibilitiesCSV(%q)", hardening.Clip(in)), func() { _, _ = accountability.ReadResponsibilitiesCSV(strings.NewReader(in)) })
			}
		}},
		{Name: "accountability.ReadResponsibilityRows", Run: func(c *hardening.Caller) {
			rows := append(hostileRows(), [][]string{{"主要职责", "相关部门", "职责分工", "备注", "备注", ""}, {"甲", hardening.BadUTF8, hardening.Huge}, {"", "", "x", "y", "z", "w", "v"}})
			for i, rows := range rows {
				c.Call(fmt.Sprintf("ReadResponsibilityRows(rows %d)", i), func() { _, _ = accountability.ReadResponsibilityRows(rows) })
			}
		}},
		{Name: "accountability.WriteResponsibilitiesCSV", Run: func(c *hardening.Caller) {
			rs := [][]accountability.Responsibility{nil, make([]accountability.Responsibility, 1000),
				{{Code: hardening.Huge, Duty: hardening.BadUTF8, Tasks: []string{"a\nb", ""}, Boundaries: make([]accountability.Boundary, 3)}},
				{{Extra: map[string]string{hardening.Huge: "x", "依据": "y"}}}}
			for i, rs := range rs {
				c.Call(fmt.Sprintf("WriteResponsibilitiesCSV(io.Discard, responsibilities %d)", i), func() { _ = accountability.WriteResponsibilitiesCSV(io.Discard, rs) })
			}
		}},
		{Name: "accountability.CheckCreditCode", Run: func(c *hardening.Caller) {
			for _, s := range append(slices.Clone(hardening.Strings), "91350100M000100Y43", "91350100M000100Y4３", "ZZZZZZZZZZZZZZZZZZ", "9\xff350100M000100Y4") {
				c.Call(fmt.Sprintf("CheckCreditCode(%q)", hardening.Clip(s)), func() { _ = accountability.CheckCreditCode(s) })
			}
			c.Call("CheckCreditCode(\"\") is an error", func() { c.WantErr("CheckCreditCode(\"\")", accountability.CheckCreditCode("")) })
		}},
		{Name: "accountability.CreditCheckChar", Run: func(c *hardening.Caller) {
			for _, s := range append(slices.Clone(hardening.Strings), "91350100M000100Y4", "9135010OM000100Y4") {
				c.Call(fmt.Sprintf("CreditCheckChar(%q)", hardening.Clip(s)), func() { _, _ = accountability.CreditCheckChar(s) })
			}
		}},
		{Name: "accountability.CheckDivisionCode", Run: func(c *hardening.Caller) {
			for _, s := range append(slices.Clone(hardening.Strings), "340181", "340181001001", "990181", "34018１") {
				c.Call(fmt.Sprintf("CheckDivisionCode(%q)", hardening.Clip(s)), func() { _ = accountability.CheckDivisionCode(s) })
			}
		}},
		{Name: "accountability.Category.IsPower", Run: func(c *hardening.Caller) {
			for _, i := range hardening.Ints {
				c.Call(fmt.Sprintf("Category(%d).IsPower()", i), func() { _ = accountability.Category(i).IsPower() })
			}
		}},
		{Name: "accountability.Adoption.InForce", Run: func(c *hardening.Caller) {
			for _, st := range []accountability.Status{0, accountability.Published, accountability.Status(-4)} {
				for _, eff := range hardening.Times {
					for _, at := range hardening.Times {
						a := accountability.Adoption{Status: st, Effective: eff}
						c.Call(fmt.Sprintf("%#v.InForce(%v)", a, at), func() { _ = a.InForce(at) })
					}
				}
			}
		}},
		{Name: "accountability.Finding.Label", Run: func(c *hardening.Caller) {
			for _, f := range []accountability.Finding{{}, {Message: hardening.BadUTF8}, {Chinese: hardening.Huge}} {
				c.Call(fmt.Sprintf("%#v.Label()", f), func() { _ = f.Label() })
			}
		}},
		{Name: "accountability.LoadRegister", Run: func(c *hardening.Caller) {
			for _, in := range append(slices.Clone(hardening.Strings), "{}", `{"units":[{"id":"a","kind":"nope"}]}`, `{"version":"1","status":"published","effective":"x"}`, `{"unknown":1}`, "{} {}", strings.Repeat("[", 1<<20)) {
				c.Call(fmt.Sprintf("LoadRegister(%q)", hardening.Clip(in)), func() { _, _ = accountability.LoadRegister(strings.NewReader(in)) })
			}
			c.Call("LoadRegister(nothing) is an error", func() {
				_, err := accountability.LoadRegister(strings.NewReader(""))
				c.WantErr("LoadRegister(\"\")", err)
			})
		}},
		{Name: "accountability.DiffEntries", Run: func(c *hardening.Caller) {
			units := []accountability.Unit{{}, {ID: "a"}, {ID: "a", Kind: accountability.UnitKind(-1)}, {ID: hardening.Huge}}
			key := func(u accountability.Unit) string { return u.ID }
			for _, a := range [][]accountability.Unit{nil, units} {
				for _, b := range [][]accountability.Unit{nil, units, units[1:]} {
					c.Call(fmt.Sprintf("DiffEntries(units %d, units %d)", len(a), len(b)), func() { _ = accountability.DiffEntries("units", a, b, key) })
				}
			}
		}},
		{Name: "accountability.WritePowersCSV", Run: func(c *hardening.Caller) {
			powers := [][]accountability.Power{nil, make([]accountability.Power, 1000),
				{{Code: hardening.Huge, Name: hardening.BadUTF8, Category: accountability.Category(-3), StatutoryDays: math.MinInt, Basis: make([]accountability.Basis, 3),
					Duties: []accountability.Duty{{Stage: accountability.Stage(99)}}, Liabilities: []string{"a\nb", "c;d"}, Grant: &accountability.Grant{Since: hardening.Times[2]}}}}
			for i, ps := range powers {
				desc := fmt.Sprintf("WritePowersCSV(io.Discard, powers %d)", i)
				c.Call(desc, func() { _ = accountability.WritePowersCSV(io.Discard, ps) })
			}
		}},
		{Name: "accountability.Diff", Run: func(c *hardening.Caller) {
			regs := []*accountability.Register{nil, {}, zeroRegister()}
			for i, a := range regs {
				for j, b := range regs {
					c.Call(fmt.Sprintf("Diff(register %d, register %d)", i, j), func() { _ = accountability.Diff(a, b) })
				}
			}
		}},
		{Name: "accountability.Flow.Order", Run: func(c *hardening.Caller) {
			for i, f := range []*accountability.Flow{{}, hostileFlow(), longFlow(100000)} {
				c.Call(fmt.Sprintf("flow %d .Order()", i), func() { _, _ = f.Order() })
			}
		}},
		{Name: "accountability.Flow.CriticalPath", Run: func(c *hardening.Caller) {
			for i, f := range []*accountability.Flow{{}, hostileFlow(), longFlow(100000)} {
				desc := fmt.Sprintf("flow %d .CriticalPath()", i)
				c.Call(desc, func() {
					if _, days, err := f.CriticalPath(); err == nil && days < 0 {
						c.Fail(desc, "a critical path of %d days", days)
					}
				})
			}
		}},
		{Name: "accountability.Flow.DOT", Run: func(c *hardening.Caller) {
			risks := []accountability.Risk{{}, {Flow: "F", Step: "a", Level: accountability.Level(77), Likelihood: -1}, {Step: "nope"}}
			for i, f := range []*accountability.Flow{{}, hostileFlow()} {
				c.Call(fmt.Sprintf("flow %d .DOT()", i), func() { _ = f.DOT() })
				c.Call(fmt.Sprintf("flow %d .DOT(risks)", i), func() { _ = f.DOT(risks...) })
			}
		}},
		{Name: "accountability.Flow.Mermaid", Run: func(c *hardening.Caller) {
			risks := []accountability.Risk{{}, {Flow: "F", Step: "a", Level: accountability.Level(77)}}
			for i, f := range []*accountability.Flow{{}, hostileFlow()} {
				c.Call(fmt.Sprintf("flow %d .Mermaid(risks)", i), func() { _ = f.Mermaid(risks...) })
			}
		}},
		{Name: "accountability.Power.Limit", Run: func(c *hardening.Caller) {
			for _, d := range hardening.Ints {
				c.Call(fmt.Sprintf("Power{StatutoryDays: %d, PromisedDays: %d}.Limit()", d, -d), func() {
					p := &accountability.Power{StatutoryDays: d, PromisedDays: -d}
					_ = p.Limit()
				})
			}
		}},
		{Name: "accountability.Power.MissingStages", Run: func(c *hardening.Caller) {
			for _, i := range hardening.Ints {
				c.Call(fmt.Sprintf("Power{Category: %d, Duties: [{Stage: %d}]}.MissingStages()", i, i), func() {
					p := &accountability.Power{Category: accountability.Category(i), Duties: []accountability.Duty{{Stage: accountability.Stage(i)}}}
					_ = p.MissingStages()
				})
			}
		}},
		{Name: "accountability.StagesFor", Run: func(c *hardening.Caller) {
			for _, i := range hardening.Ints {
				c.Call(fmt.Sprintf("StagesFor(%d)", i), func() { _ = accountability.StagesFor(accountability.Category(i)) })
			}
		}},
		{Name: "accountability.Finding.String", Run: func(c *hardening.Caller) {
			for _, f := range []accountability.Finding{{}, {Severity: accountability.Severity(-9), Path: hardening.Huge, Message: hardening.BadUTF8}} {
				c.Call(fmt.Sprintf("%#v.String()", f), func() { _ = f.String() })
			}
		}},
		{Name: "accountability.Findings.Err", Run: func(c *hardening.Caller) {
			for _, fs := range []accountability.Findings{nil, {}, {{}}, {{Severity: accountability.Error}}, {{Severity: accountability.Severity(42)}}} {
				c.Call(fmt.Sprintf("%#v.Err()", fs), func() { _ = fs.Err() })
			}
			c.Call("Findings{Error}.Err() is an error", func() {
				c.WantErr("Findings{Error}.Err()", accountability.Findings{{Severity: accountability.Error}}.Err())
			})
		}},
		{Name: "accountability.Findings.Errors", Run: func(c *hardening.Caller) {
			for _, fs := range []accountability.Findings{nil, {{}}, {{Severity: accountability.Severity(42)}}} {
				c.Call(fmt.Sprintf("%#v.Errors()", fs), func() { _ = fs.Errors() })
			}
		}},
		{Name: "accountability.Findings.Warnings", Run: func(c *hardening.Caller) {
			for _, fs := range []accountability.Findings{nil, {{}}, {{Severity: accountability.Severity(42)}}} {
				c.Call(fmt.Sprintf("%#v.Warnings()", fs), func() { _ = fs.Warnings() })
			}
		}},
		{Name: "accountability.CheckRules", Run: func(c *hardening.Caller) {
			c.Call("CheckRules()", func() { _ = accountability.CheckRules() })
			c.Call("CheckRules(Rule{})", func() { c.WantErr("CheckRules(Rule{})", accountability.CheckRules(accountability.Rule{})) })
			c.Call("CheckRules(Rules()..., Rules()...)", func() {
				c.WantErr("CheckRules with every rule twice", accountability.CheckRules(append(accountability.Rules(), accountability.Rules()...)...))
			})
		}},
		{Name: "accountability.Register.Validate", Run: func(c *hardening.Caller) {
			for i, r := range []*accountability.Register{{}, zeroRegister(), {Flows: []accountability.Flow{*hostileFlow(), *longFlow(50000)}}} {
				c.Call(fmt.Sprintf("register %d .Validate()", i), func() { _ = r.Validate() })
			}
			c.Call("(&Register{}).Validate(Rule{})", func() { _ = (&accountability.Register{}).Validate(accountability.Rule{}) })
		}},
		{Name: "accountability.Register.Run", Run: func(c *hardening.Caller) {
			c.Call("(&Register{}).Run()", func() { _ = (&accountability.Register{}).Run() })
			c.Call("zeroRegister().Run(Rules()...)", func() { _ = zeroRegister().Run(accountability.Rules()...) })
			c.Call("(&Register{}).Run(Rule{})", func() { _ = (&accountability.Register{}).Run(accountability.Rule{}) })
		}},
		{Name: "accountability.Matrix.Level", Run: func(c *hardening.Caller) {
			for _, m := range []accountability.Matrix{{}, {High: 15, Medium: 8}, {High: -1, Medium: math.MaxInt}} {
				for _, l := range hardening.Ints {
					for _, i := range []int{0, 3, 5, 6, math.MaxInt, math.MinInt} {
						c.Call(fmt.Sprintf("%#v.Level(%d, %d)", m, l, i), func() { _, _ = m.Level(l, i) })
					}
				}
			}
			c.Call("Matrix{}.Level(MaxInt, MaxInt) is an error", func() {
				_, err := accountability.Matrix{}.Level(math.MaxInt, math.MaxInt)
				c.WantErr("Matrix{}.Level(MaxInt, MaxInt)", err)
			})
		}},
		{Name: "accountability.Rules", Run: func(c *hardening.Caller) { c.Call("Rules()", func() { _ = accountability.Rules() }) }},
		{Name: "accountability.Template.Check", Run: func(c *hardening.Caller) {
			units := make([]accountability.Unit, 1000)
			units = append(units, accountability.Unit{ID: "S", Kind: accountability.Subdistrict}, accountability.Unit{ID: "S", Parent: "S", Kind: accountability.UnitKind(-1)})
			for i, tp := range []accountability.Template{{}, {MaxSelfSet: -1, Offices: []string{""}}, {Name: hardening.Huge, Offices: []string{"a", "a", hardening.Huge}, Centers: []string{hardening.BadUTF8}, MaxSelfSet: math.MaxInt}} {
				for _, s := range []string{"", "S", hardening.Huge} {
					c.Call(fmt.Sprintf("template %d .Check(nil, %q)", i, hardening.Clip(s)), func() { _ = tp.Check(nil, s) })
					c.Call(fmt.Sprintf("template %d .Check(units, %q)", i, hardening.Clip(s)), func() { _ = tp.Check(units, s) })
				}
			}
		}},
	}...))
}

// hostileRows are rows of cells a host might feed ReadPowerRows: none, an
// empty header, headers named twice, ragged and huge rows, bad UTF-8.
func hostileRows() [][][]string {
	return [][][]string{
		nil, {nil}, {{}}, {{""}, {""}},
		{{"事项类型", "事项编码", "事项名称", "设定依据", "实施依据", "子项", "主项编码", "备注", "备注", ""}, {"1", "A"}, {"", "", "", "", "", "x"}, {hardening.BadUTF8, hardening.Huge, "", "", "", "y", "A", "z", "w", "v", "u"}},
		{{"权力类型", "权力类型", "项目编码"}, {"20"}},
	}
}

// hostileReaders are readers with no, odd and hostile spellings.
func hostileReaders() []*accountability.PowerReader {
	return []*accountability.PowerReader{nil, {}, {Categories: map[string]accountability.Category{"": accountability.Category(-1), "1": 0, hardening.Huge: accountability.Category(99)}}}
}

// zeroRegister is a register whose entries are all zero values.
func zeroRegister() *accountability.Register {
	return &accountability.Register{
		Units: make([]accountability.Unit, 3), Powers: make([]accountability.Power, 3),
		Responsibilities: make([]accountability.Responsibility, 2), Flows: make([]accountability.Flow, 2),
		Risks: make([]accountability.Risk, 2), Separations: make([]accountability.Separation, 2),
	}
}

// hostileFlow has dangling edges, self loops, a cycle, duplicate steps and
// days at the limits of int.
func hostileFlow() *accountability.Flow {
	return &accountability.Flow{
		ID: "F", Steps: []accountability.Step{
			{ID: "s", Kind: accountability.Start, Days: math.MaxInt}, {ID: "a", Kind: accountability.Task, Days: math.MaxInt},
			{ID: "a", Kind: accountability.Gateway, Days: -5}, {ID: "e", Kind: accountability.End, Days: math.MinInt}, {},
		},
		Edges: []accountability.Edge{{From: "s", To: "a"}, {From: "a", To: "a"}, {From: "a", To: "s"}, {From: "a", To: "e"}, {From: "x", To: "y"}, {}},
	}
}

// longFlow is a chain of n steps.
func longFlow(n int) *accountability.Flow {
	f := &accountability.Flow{ID: "L"}
	for i := 0; i < n; i++ {
		k := accountability.Task
		switch i {
		case 0:
			k = accountability.Start
		case n - 1:
			k = accountability.End
		}
		f.Steps = append(f.Steps, accountability.Step{ID: fmt.Sprint(i), Kind: k, Days: math.MaxInt / 4})
		if i > 0 {
			f.Edges = append(f.Edges, accountability.Edge{From: fmt.Sprint(i - 1), To: fmt.Sprint(i)})
		}
	}
	return f
}

// FuzzEnumText: no text panics an enum's UnmarshalText or Scan; they agree
// with the parser on any text but the empty one, and what they accept
// marshals back to the same value. (FuzzParseEnums fuzzes the parsers alone.)
func FuzzEnumText(f *testing.F) {
	hardening.FuzzEnums(f, hardeningEnums...)
}

// hardeningEnums are the enums of the package, for their rows and FuzzEnumText.
var hardeningEnums = []hardening.EnumCase{
	hardening.EnumOf[accountability.Category]("accountability", "Category", accountability.ParseCategory),
	hardening.EnumOf[accountability.Stage]("accountability", "Stage", accountability.ParseStage),
	hardening.EnumOf[accountability.UnitKind]("accountability", "UnitKind", accountability.ParseUnitKind),
	hardening.EnumOf[accountability.StepKind]("accountability", "StepKind", accountability.ParseStepKind),
	hardening.EnumOf[accountability.Level]("accountability", "Level", accountability.ParseLevel),
	hardening.EnumOf[accountability.Severity]("accountability", "Severity", accountability.ParseSeverity),
	hardening.EnumOf[accountability.ChangeKind]("accountability", "ChangeKind", accountability.ParseChangeKind),
	hardening.EnumOf[accountability.Status]("accountability", "Status", accountability.ParseStatus),
	hardening.EnumOf[accountability.BasisKind]("accountability", "BasisKind", accountability.ParseBasisKind),
}
