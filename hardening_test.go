package qingdan_test

// Hardening: every exported function and method of the library, called
// with zero values, nil slices and maps, zero times, negative durations and
// huge inputs, returns an error or a sound result and never panics
// (DESIGN.md §4). TestHardeningCoversEverything keeps the table complete:
// a new exported function without a row here fails it.

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io"
	"math"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/qingdan/qingdan/accountability"
	"github.com/qingdan/qingdan/journal"
	"github.com/qingdan/qingdan/matters"
	"github.com/qingdan/qingdan/matters/workday"
	"github.com/qingdan/qingdan/scoring"
	"github.com/shopspring/decimal"
)

// The packages whose exported functions the table must cover, by directory.
var hardenedPackages = []string{"accountability", "matters", "matters/workday", "scoring", "journal"}

// Hostile values.
var (
	huge       = strings.Repeat("清单x", 1<<15) // 224 KiB
	badUTF8    = "bad \xff\xfe utf-8"
	strs       = []string{"", " ", "没有这个", badUTF8, huge}
	ints       = []int{0, -1, 1, math.MaxInt32, math.MinInt32, math.MaxInt, math.MinInt}
	durations  = []time.Duration{0, -1, -time.Hour, math.MinInt64, math.MaxInt64}
	cst        = time.FixedZone("CST", 8*3600)
	times      = []time.Time{{}, time.Date(2020, 6, 1, 9, 0, 0, 0, cst), time.Date(-5000, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(9999, 12, 31, 23, 59, 59, 999999999, time.UTC), time.Unix(1<<40, 0), time.Unix(-1<<40, 0)}
	decimals   = []decimal.Decimal{{}, decimal.New(-1, 0), decimal.New(1, 1000), decimal.New(-7, -1000), decimal.RequireFromString("123456789012345678901234567890.123456789")}
	jsonInputs = [][]byte{
		nil, []byte(""), []byte("null"), []byte("{}"), []byte("[]"), []byte("0"), []byte(`"x"`), []byte("true"),
		[]byte(`{"a":`), []byte(`{"` + badUTF8 + `":1}`), []byte(strings.Repeat("[", 100000)),
		[]byte(`{"points":"1e999999999","weight":"-1e-999999999","limit":"-9223372036854775808ns","at":"0000-00-00"}`),
		[]byte(`"` + huge + `"`),
	}
)

// caller makes the calls of one row and fails the test, naming the call, on
// a panic or an unsound result.
type caller struct {
	t    *testing.T
	name string
}

// call runs f, which makes one call described by desc.
func (c *caller) call(desc string, f func()) {
	c.t.Helper()
	defer func() {
		if r := recover(); r != nil {
			c.t.Errorf("%s panicked on %s: %v\n%s", c.name, clipped(desc), r, ourFrames(debug.Stack()))
		}
	}()
	f()
}

// fail reports an unsound result of a call.
func (c *caller) fail(desc, format string, args ...any) {
	c.t.Helper()
	c.t.Errorf("%s on %s: %s", c.name, clipped(desc), fmt.Sprintf(format, args...))
}

// wantErr reports a call that accepted what it must refuse.
func (c *caller) wantErr(desc string, err error) {
	c.t.Helper()
	if err == nil {
		c.fail(desc, "no error")
	}
}

// jsonSound reports marshalled output that is neither an error nor JSON.
func (c *caller) jsonSound(desc string, b []byte, err error) {
	c.t.Helper()
	if err == nil && !json.Valid(b) {
		c.fail(desc, "MarshalJSON returned invalid JSON %q", clipped(string(b)))
	}
}

func clipped(s string) string {
	if len(s) > 120 {
		return s[:120] + fmt.Sprintf("…(%d bytes)", len(s))
	}
	return s
}

// ourFrames keeps the stack lines that point into the library.
func ourFrames(stack []byte) string {
	var out []string
	lines := strings.Split(string(stack), "\n")
	for i := 1; i < len(lines); i++ {
		if strings.HasPrefix(lines[i-1], "github.com/qingdan/qingdan/") && strings.HasPrefix(lines[i], "\t") && !strings.Contains(lines[i], "_test.go") {
			out = append(out, "\t"+strings.TrimSpace(lines[i-1])+" at "+strings.TrimSpace(lines[i]))
		}
	}
	return strings.Join(out, "\n")
}

type row struct {
	name string // package.Function or package.Type.Method
	run  func(c *caller)
}

func TestHardening(t *testing.T) {
	seen := map[string]bool{}
	for _, r := range hardeningRows() {
		if seen[r.name] {
			t.Errorf("two rows for %s", r.name)
		}
		seen[r.name] = true
		t.Run(r.name, func(t *testing.T) {
			t.Parallel()
			r.run(&caller{t: t, name: r.name})
		})
	}
}

// TestHardeningCoversEverything parses the packages and checks that every
// exported function, and every exported method of an exported type, has a
// row in the table.
func TestHardeningCoversEverything(t *testing.T) {
	have := map[string]bool{}
	for _, r := range hardeningRows() {
		have[r.name] = true
	}
	for _, dir := range hardenedPackages {
		files, err := filepath.Glob(filepath.Join(dir, "*.go"))
		if err != nil {
			t.Fatal(err)
		}
		fset := token.NewFileSet()
		for _, f := range files {
			if strings.HasSuffix(f, "_test.go") {
				continue
			}
			src, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			af, err := parser.ParseFile(fset, f, src, parser.SkipObjectResolution)
			if err != nil {
				t.Fatal(err)
			}
			for _, d := range af.Decls {
				fd, ok := d.(*ast.FuncDecl)
				if !ok || !fd.Name.IsExported() {
					continue
				}
				name := af.Name.Name + "." + fd.Name.Name
				if fd.Recv != nil {
					typ := fd.Recv.List[0].Type
					if s, ok := typ.(*ast.StarExpr); ok {
						typ = s.X
					}
					switch g := typ.(type) { // a generic type's receiver
					case *ast.IndexExpr:
						typ = g.X
					case *ast.IndexListExpr:
						typ = g.X
					}
					id, ok := typ.(*ast.Ident)
					if !ok || !id.IsExported() {
						continue
					}
					name = af.Name.Name + "." + id.Name + "." + fd.Name.Name
				}
				if !have[name] {
					t.Errorf("%s (%s) has no row in hardeningRows", name, f)
				}
			}
		}
	}
}

// enum is what every enum of the library has.
type enum interface {
	~int
	String() string
	Label() string
	MarshalText() ([]byte, error)
}

// enumRows checks an enum's methods and parser: any int value, and any
// text, gives a code, a label, an error or a round trip, never a panic;
// the parser rejects text that is no code and no label.
func enumRows[E enum, P interface {
	*E
	UnmarshalText([]byte) error
}](pkg, typ string, parse func(string) (E, error)) []row {
	values := make([]E, 0, len(ints)+4)
	for _, i := range ints {
		values = append(values, E(i))
	}
	values = append(values, 2, 3, 12, 100)
	texts := []string{badUTF8, huge, "no-such-code", "\x00"}
	name := pkg + "." + typ
	return []row{
		{name + ".String", func(c *caller) {
			for _, v := range values {
				c.call(fmt.Sprintf("%s(%d).String()", typ, int(v)), func() { _ = v.String() })
			}
		}},
		{name + ".Label", func(c *caller) {
			for _, v := range values {
				c.call(fmt.Sprintf("%s(%d).Label()", typ, int(v)), func() { _ = v.Label() })
			}
		}},
		{name + ".MarshalText", func(c *caller) {
			for _, v := range values {
				desc := fmt.Sprintf("%s(%d).MarshalText()", typ, int(v))
				c.call(desc, func() {
					b, err := v.MarshalText()
					if err != nil {
						return
					}
					var back E
					if err := P(&back).UnmarshalText(b); err != nil || back != v {
						c.fail(desc, "%q does not parse back: %v, %v", b, int(back), err)
					}
				})
			}
		}},
		{name + ".UnmarshalText", func(c *caller) {
			for _, s := range append(texts, "") {
				desc := fmt.Sprintf("(*%s).UnmarshalText(%q)", typ, s)
				c.call(desc, func() {
					var v E
					err := P(&v).UnmarshalText([]byte(s))
					if s != "" {
						c.wantErr(desc, err)
					}
				})
			}
			c.call("(*"+typ+").UnmarshalText(nil)", func() { var v E; _ = P(&v).UnmarshalText(nil) })
		}},
		{pkg + ".Parse" + typ, func(c *caller) {
			for _, s := range append(texts, "") {
				desc := fmt.Sprintf("Parse%s(%q)", typ, s)
				c.call(desc, func() {
					_, err := parse(s)
					if s != "" {
						c.wantErr(desc, err)
					}
				})
			}
		}},
	}
}

// errorRows calls Error (and Unwrap) on the zero value of an error type.
func errorRows[T any, P interface {
	*T
	error
}](pkg, typ string, unwrap bool) []row {
	rows := []row{{pkg + "." + typ + ".Error", func(c *caller) {
		c.call("(&"+typ+"{}).Error()", func() { _ = P(new(T)).Error() })
	}}}
	if unwrap {
		rows = append(rows, row{pkg + "." + typ + ".Unwrap", func(c *caller) {
			c.call("(&"+typ+"{}).Unwrap()", func() {
				switch e := any(P(new(T))).(type) {
				case interface{ Unwrap() error }:
					_ = e.Unwrap()
				case interface{ Unwrap() []error }:
					_ = e.Unwrap()
				}
			})
		}})
	}
	return rows
}

// marshalRow calls MarshalJSON on the zero value and on a filled value.
func marshalRow[T json.Marshaler](name string, values ...T) row {
	return row{name + ".MarshalJSON", func(c *caller) {
		var zero T
		for i, v := range append([]T{zero}, values...) {
			desc := fmt.Sprintf("value %d: %#v", i, v)
			c.call(desc, func() {
				b, err := v.MarshalJSON()
				c.jsonSound(desc, b, err)
			})
		}
	}}
}

// unmarshalRow calls UnmarshalJSON with hostile input, and marshals what
// it accepted.
func unmarshalRow[T any, P interface {
	*T
	json.Unmarshaler
}](name string) row {
	return row{name + ".UnmarshalJSON", func(c *caller) {
		for _, in := range jsonInputs {
			desc := fmt.Sprintf("UnmarshalJSON(%q)", in)
			c.call(desc, func() {
				v := P(new(T))
				if err := v.UnmarshalJSON(in); err == nil {
					b, err := json.Marshal(v)
					c.jsonSound(desc+" then json.Marshal", b, err)
				}
			})
		}
	}}
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

// calendars are the calendars methods are called on.
func calendars() []*workday.Calendar {
	return []*workday.Calendar{workday.China(), {}}
}

// someMatters are matters in many states, plus zero and nil ones.
func someMatters() []*matters.Matter {
	at := time.Date(2020, 6, 1, 9, 0, 0, 0, cst)
	m := &matters.Matter{}
	for i, e := range []matters.Event{
		{Kind: matters.Report, Actor: "JJ-01", Type: "占道经营"},
		{Kind: matters.Whistle, Actor: "JJ-01"},
		{Kind: matters.Dispatch, Actor: "JJ-01", Units: []string{"城管局", "住建局"}},
		{Kind: matters.Accept, Actor: "城管局"},
		{Kind: matters.Suspend, Actor: "JJ-01"},
	} {
		e.Matter, e.Seq, e.At = "M1", i+1, at.Add(time.Duration(i)*time.Hour)
		_ = m.Apply(e)
	}
	odd := &matters.Matter{ID: "M2", State: matters.State(99), Lead: "x", Stage: -3,
		Events: []matters.Event{{Matter: "M2", Seq: -1, Kind: matters.Kind(-4)}, {}}}
	return []*matters.Matter{{}, m, odd, nil}
}

func routes() []matters.Route {
	return []matters.Route{{}, {Type: "占道经营", Lead: "城管局", Respond: -time.Hour, ResolveDays: -3},
		{Type: "x", Lead: "y", Respond: math.MaxInt64, ResolveDays: math.MaxInt}, {Respond: math.MinInt64, ResolveDays: math.MinInt}}
}

func facts() []scoring.Facts {
	no := false
	var fs []scoring.Facts
	fs = append(fs, scoring.Facts{})
	for _, d := range durations {
		fs = append(fs, scoring.Facts{Matter: "M", Subject: "S", Evaluator: "E", Stage: -1, Final: true,
			Response: d, ResponseLimit: d, Resolution: -d, ResolutionLimit: d, Responded: true, Resolved: true,
			Quality: math.MinInt, Satisfied: &no, Attrs: map[string]string{"": huge}})
	}
	fs = append(fs, scoring.Facts{Quality: math.MaxInt, Stage: math.MaxInt, Type: huge})
	return fs
}

func evaluations() []scoring.Evaluation {
	var es []scoring.Evaluation
	es = append(es, scoring.Evaluation{})
	for i, t := range times {
		es = append(es, scoring.Evaluation{Matter: fmt.Sprint("M", i), Subject: "S", Evaluator: "E", Stage: ints[i%len(ints)], At: t,
			Result: scoring.Result{Grade: "good", Points: decimals[i%len(decimals)], Reasons: []string{huge}}})
	}
	es = append(es, scoring.Evaluation{Matter: badUTF8, Subject: badUTF8, Evaluator: badUTF8, At: times[1], Result: scoring.Result{Grade: badUTF8}})
	return es
}

func periods() []scoring.Period {
	return []scoring.Period{{}, scoring.Year(2020), {From: times[3], To: times[2]}, {From: times[2], To: times[3]}, scoring.Year(math.MaxInt), scoring.Month(2020, 13)}
}

func hardeningRows() []row {
	var rows []row
	add := func(r ...row) { rows = append(rows, r...) }

	// accountability
	add(enumRows[accountability.Category]("accountability", "Category", accountability.ParseCategory)...)
	add(enumRows[accountability.Stage]("accountability", "Stage", accountability.ParseStage)...)
	add(enumRows[accountability.UnitKind]("accountability", "UnitKind", accountability.ParseUnitKind)...)
	add(enumRows[accountability.StepKind]("accountability", "StepKind", accountability.ParseStepKind)...)
	add(enumRows[accountability.Level]("accountability", "Level", accountability.ParseLevel)...)
	add(enumRows[accountability.Severity]("accountability", "Severity", accountability.ParseSeverity)...)
	add(enumRows[accountability.ChangeKind]("accountability", "ChangeKind", accountability.ParseChangeKind)...)
	add(errorRows[accountability.CellError]("accountability", "CellError", true)...)
	add(errorRows[accountability.CSVError]("accountability", "CSVError", true)...)
	add(errorRows[accountability.CycleError]("accountability", "CycleError", true)...)
	add(
		row{"accountability.ReadPowersCSV", func(c *caller) {
			for _, in := range []string{"", "\n\n", huge, badUTF8, "code,name\n", "code,name,category\n1,2,3,4,5\n\"unterminated", strings.Repeat("a,", 1<<16) + "\n" + strings.Repeat("x,", 1<<16)} {
				c.call(fmt.Sprintf("ReadPowersCSV(%q)", in), func() { _, _ = accountability.ReadPowersCSV(strings.NewReader(in)) })
			}
			c.call("ReadPowersCSV(nil)", func() { _, _ = accountability.ReadPowersCSV(nil) })
		}},
		row{"accountability.WritePowersCSV", func(c *caller) {
			powers := [][]accountability.Power{nil, make([]accountability.Power, 1000),
				{{Code: huge, Name: badUTF8, Category: accountability.Category(-3), StatutoryDays: math.MinInt, Basis: make([]accountability.Basis, 3),
					Duties: []accountability.Duty{{Stage: accountability.Stage(99)}}, Liabilities: []string{"a\nb", "c;d"}, Grant: &accountability.Grant{Since: times[2]}}}}
			for i, ps := range powers {
				desc := fmt.Sprintf("WritePowersCSV(io.Discard, powers %d)", i)
				c.call(desc, func() { _ = accountability.WritePowersCSV(io.Discard, ps) })
			}
			c.call("WritePowersCSV(nil, nil)", func() { _ = accountability.WritePowersCSV(nil, nil) })
		}},
		row{"accountability.Diff", func(c *caller) {
			regs := []*accountability.Register{nil, {}, zeroRegister()}
			for i, a := range regs {
				for j, b := range regs {
					c.call(fmt.Sprintf("Diff(register %d, register %d)", i, j), func() { _ = accountability.Diff(a, b) })
				}
			}
		}},
		row{"accountability.Flow.Order", func(c *caller) {
			for i, f := range []*accountability.Flow{{}, hostileFlow(), longFlow(100000)} {
				c.call(fmt.Sprintf("flow %d .Order()", i), func() { _, _ = f.Order() })
			}
		}},
		row{"accountability.Flow.CriticalPath", func(c *caller) {
			for i, f := range []*accountability.Flow{{}, hostileFlow(), longFlow(100000)} {
				desc := fmt.Sprintf("flow %d .CriticalPath()", i)
				c.call(desc, func() {
					if _, days, err := f.CriticalPath(); err == nil && days < 0 {
						c.fail(desc, "a critical path of %d days", days)
					}
				})
			}
		}},
		row{"accountability.Flow.DOT", func(c *caller) {
			risks := []accountability.Risk{{}, {Flow: "F", Step: "a", Level: accountability.Level(77), Likelihood: -1}, {Step: "nope"}}
			for i, f := range []*accountability.Flow{{}, hostileFlow()} {
				c.call(fmt.Sprintf("flow %d .DOT()", i), func() { _ = f.DOT() })
				c.call(fmt.Sprintf("flow %d .DOT(risks)", i), func() { _ = f.DOT(risks...) })
			}
		}},
		row{"accountability.Flow.Mermaid", func(c *caller) {
			risks := []accountability.Risk{{}, {Flow: "F", Step: "a", Level: accountability.Level(77)}}
			for i, f := range []*accountability.Flow{{}, hostileFlow()} {
				c.call(fmt.Sprintf("flow %d .Mermaid(risks)", i), func() { _ = f.Mermaid(risks...) })
			}
		}},
		row{"accountability.Power.Limit", func(c *caller) {
			for _, d := range ints {
				c.call(fmt.Sprintf("Power{StatutoryDays: %d, PromisedDays: %d}.Limit()", d, -d), func() {
					p := &accountability.Power{StatutoryDays: d, PromisedDays: -d}
					_ = p.Limit()
				})
			}
		}},
		row{"accountability.StagesFor", func(c *caller) {
			for _, i := range ints {
				c.call(fmt.Sprintf("StagesFor(%d)", i), func() { _ = accountability.StagesFor(accountability.Category(i)) })
			}
		}},
		row{"accountability.Finding.String", func(c *caller) {
			for _, f := range []accountability.Finding{{}, {Severity: accountability.Severity(-9), Path: huge, Message: badUTF8}} {
				c.call(fmt.Sprintf("%#v.String()", f), func() { _ = f.String() })
			}
		}},
		row{"accountability.Findings.Err", func(c *caller) {
			for _, fs := range []accountability.Findings{nil, {}, {{}}, {{Severity: accountability.Error}}, {{Severity: accountability.Severity(42)}}} {
				c.call(fmt.Sprintf("%#v.Err()", fs), func() { _ = fs.Err() })
			}
			c.call("Findings{Error}.Err() is an error", func() {
				c.wantErr("Findings{Error}.Err()", accountability.Findings{{Severity: accountability.Error}}.Err())
			})
		}},
		row{"accountability.Findings.Errors", func(c *caller) {
			for _, fs := range []accountability.Findings{nil, {{}}, {{Severity: accountability.Severity(42)}}} {
				c.call(fmt.Sprintf("%#v.Errors()", fs), func() { _ = fs.Errors() })
			}
		}},
		row{"accountability.Findings.Warnings", func(c *caller) {
			for _, fs := range []accountability.Findings{nil, {{}}, {{Severity: accountability.Severity(42)}}} {
				c.call(fmt.Sprintf("%#v.Warnings()", fs), func() { _ = fs.Warnings() })
			}
		}},
		row{"accountability.CheckRules", func(c *caller) {
			c.call("CheckRules()", func() { _ = accountability.CheckRules() })
			c.call("CheckRules(Rule{})", func() { c.wantErr("CheckRules(Rule{})", accountability.CheckRules(accountability.Rule{})) })
			c.call("CheckRules(Rules()..., Rules()...)", func() {
				c.wantErr("CheckRules with every rule twice", accountability.CheckRules(append(accountability.Rules(), accountability.Rules()...)...))
			})
		}},
		row{"accountability.Register.Validate", func(c *caller) {
			for i, r := range []*accountability.Register{{}, zeroRegister(), {Flows: []accountability.Flow{*hostileFlow(), *longFlow(50000)}}} {
				c.call(fmt.Sprintf("register %d .Validate()", i), func() { _ = r.Validate() })
			}
			c.call("(&Register{}).Validate(Rule{})", func() { _ = (&accountability.Register{}).Validate(accountability.Rule{}) })
		}},
		row{"accountability.Register.Run", func(c *caller) {
			c.call("(&Register{}).Run()", func() { _ = (&accountability.Register{}).Run() })
			c.call("zeroRegister().Run(Rules()...)", func() { _ = zeroRegister().Run(accountability.Rules()...) })
			c.call("(&Register{}).Run(Rule{})", func() { _ = (&accountability.Register{}).Run(accountability.Rule{}) })
		}},
		row{"accountability.Matrix.Level", func(c *caller) {
			for _, m := range []accountability.Matrix{{}, accountability.DefaultMatrix, {High: -1, Medium: math.MaxInt}} {
				for _, l := range ints {
					for _, i := range []int{0, 3, 5, 6, math.MaxInt, math.MinInt} {
						c.call(fmt.Sprintf("%#v.Level(%d, %d)", m, l, i), func() { _, _ = m.Level(l, i) })
					}
				}
			}
			c.call("DefaultMatrix.Level(MaxInt, MaxInt) is an error", func() {
				_, err := accountability.DefaultMatrix.Level(math.MaxInt, math.MaxInt)
				c.wantErr("DefaultMatrix.Level(MaxInt, MaxInt)", err)
			})
		}},
		row{"accountability.Rules", func(c *caller) { c.call("Rules()", func() { _ = accountability.Rules() }) }},
		row{"accountability.WuhuTemplate", func(c *caller) { c.call("WuhuTemplate()", func() { _ = accountability.WuhuTemplate() }) }},
		row{"accountability.ChaohuTemplate", func(c *caller) { c.call("ChaohuTemplate()", func() { _ = accountability.ChaohuTemplate() }) }},
		row{"accountability.ShatangluTemplate", func(c *caller) {
			c.call("ShatangluTemplate()", func() { _ = accountability.ShatangluTemplate() })
		}},
		row{"accountability.Template.Check", func(c *caller) {
			units := make([]accountability.Unit, 1000)
			units = append(units, accountability.Unit{ID: "S", Kind: accountability.Subdistrict}, accountability.Unit{ID: "S", Parent: "S", Kind: accountability.UnitKind(-1)})
			for i, tp := range []accountability.Template{{}, {MaxSelfSet: -1, Offices: []string{""}}, accountability.WuhuTemplate()} {
				for _, s := range []string{"", "S", huge} {
					c.call(fmt.Sprintf("template %d .Check(nil, %q)", i, clipped(s)), func() { _ = tp.Check(nil, s) })
					c.call(fmt.Sprintf("template %d .Check(units, %q)", i, clipped(s)), func() { _ = tp.Check(units, s) })
				}
			}
		}},
	)

	// matters
	add(enumRows[matters.List]("matters", "List", matters.ParseList)...)
	add(enumRows[matters.Alert]("matters", "Alert", matters.ParseAlert)...)
	add(enumRows[matters.Kind]("matters", "Kind", matters.ParseKind)...)
	add(enumRows[matters.Role]("matters", "Role", matters.ParseRole)...)
	add(enumRows[matters.State]("matters", "State", matters.ParseState)...)
	add(errorRows[matters.EventError]("matters", "EventError", true)...)
	add(
		marshalRow("matters.Clock", matters.Clock{Limit: -1, Used: math.MinInt64, Due: times[4], Alert: matters.Alert(99)}),
		unmarshalRow[matters.Clock]("matters.Clock"),
		marshalRow("matters.Deadlines", matters.Deadlines{Dispatched: times[2], Respond: times[3], Resolve: times[5]}),
		unmarshalRow[matters.Deadlines]("matters.Deadlines"),
		marshalRow("matters.Route", routes()...),
		unmarshalRow[matters.Route]("matters.Route"),
		marshalRow("matters.Summary", matters.Summary{Received: -1, Resolved: math.MaxInt, ResolutionRate: decimals[2]}),
		unmarshalRow[matters.Summary]("matters.Summary"),
		row{"matters.DefaultExclusions", func(c *caller) { c.call("DefaultExclusions()", func() { _ = matters.DefaultExclusions() }) }},
		row{"matters.Admission.Admit", func(c *caller) {
			as := []*matters.Admission{{}, {Items: make([]matters.Item, 3), Excluded: make([]matters.Exclusion, 3)}}
			reqs := []matters.Request{{}, {Title: huge, Item: badUTF8, Approval: &matters.Approval{}}, {Approval: &matters.Approval{At: times[2]}}}
			for i, a := range as {
				for j, r := range reqs {
					c.call(fmt.Sprintf("admission %d .Admit(request %d)", i, j), func() { _ = a.Admit(r) })
				}
			}
		}},
		row{"matters.Admission.Validate", func(c *caller) {
			for i, a := range []*matters.Admission{{}, {Items: make([]matters.Item, 3), Excluded: make([]matters.Exclusion, 3)}} {
				c.call(fmt.Sprintf("admission %d .Validate()", i), func() { _ = a.Validate() })
			}
		}},
		row{"matters.Status.Overdue", func(c *caller) {
			for _, s := range []matters.Status{{}, {Respond: matters.Clock{Alert: matters.Alert(-1)}}} {
				c.call(fmt.Sprintf("%#v.Overdue()", s), func() { _ = s.Overdue() })
			}
		}},
		row{"matters.Matter.Elapsed", func(c *caller) {
			for i, m := range someMatters()[:3] {
				for j, cal := range append(calendars(), nil) {
					for _, t := range times {
						c.call(fmt.Sprintf("matter %d .Elapsed(calendar %d, %v)", i, j, t), func() {
							if d, err := m.Elapsed(cal, t); err == nil && d < 0 {
								c.fail("Elapsed", "negative working time %v", d)
							}
						})
					}
				}
			}
		}},
		row{"matters.Matter.ElapsedTo", func(c *caller) {
			for i, m := range someMatters()[:3] {
				for j, cal := range append(calendars(), nil) {
					for _, s := range ints {
						c.call(fmt.Sprintf("matter %d .ElapsedTo(calendar %d, %d)", i, j, s), func() { _, _ = m.ElapsedTo(cal, s) })
					}
				}
			}
		}},
		row{"matters.Matter.Deadlines", func(c *caller) {
			for i, m := range someMatters()[:3] {
				for j, cal := range append(calendars(), nil) {
					for k, r := range routes() {
						c.call(fmt.Sprintf("matter %d .Deadlines(route %d, calendar %d)", i, k, j), func() { _, _ = m.Deadlines(r, cal) })
					}
				}
			}
		}},
		row{"matters.Matter.Status", func(c *caller) {
			for i, m := range someMatters()[:3] {
				for j, cal := range append(calendars(), nil) {
					for k, r := range routes() {
						for _, t := range times {
							c.call(fmt.Sprintf("matter %d .Status(%v, route %d, calendar %d)", i, t, k, j), func() { _, _ = m.Status(t, r, cal) })
						}
					}
				}
			}
		}},
		row{"matters.Route.Units", func(c *caller) {
			for i, r := range routes() {
				c.call(fmt.Sprintf("route %d .Units()", i), func() { _ = r.Units() })
			}
		}},
		row{"matters.Directory.Route", func(c *caller) {
			for i, d := range []*matters.Directory{{}, {Routes: routes()}} {
				for _, s := range strs {
					desc := fmt.Sprintf("directory %d .Route(%q)", i, clipped(s))
					c.call(desc, func() {
						if _, err := d.Route(s); err != nil && !errors.Is(err, matters.ErrNoRoute) && i == 0 {
							c.fail(desc, "error %v is not ErrNoRoute", err)
						}
					})
				}
			}
		}},
		row{"matters.Directory.Validate", func(c *caller) {
			for i, d := range []*matters.Directory{{}, {Routes: routes()}} {
				c.call(fmt.Sprintf("directory %d .Validate()", i), func() { _ = d.Validate() })
			}
			c.call("a directory of hostile routes is invalid", func() { c.wantErr("Validate", (&matters.Directory{Routes: routes()}).Validate()) })
		}},
		row{"matters.KeyTasks.For", func(c *caller) {
			for i, ts := range []matters.KeyTasks{nil, make(matters.KeyTasks, 3), {{Functions: make([]matters.Function, 3)}}} {
				for _, s := range strs {
					c.call(fmt.Sprintf("tasks %d .For(%q)", i, clipped(s)), func() { _ = ts.For(s) })
				}
			}
		}},
		row{"matters.KeyTasks.Units", func(c *caller) {
			for i, ts := range []matters.KeyTasks{nil, make(matters.KeyTasks, 3), {{Functions: make([]matters.Function, 3)}}} {
				c.call(fmt.Sprintf("tasks %d .Units()", i), func() { _ = ts.Units() })
			}
		}},
		row{"matters.KeyTasks.Validate", func(c *caller) {
			for i, ts := range []matters.KeyTasks{nil, make(matters.KeyTasks, 3), {{Functions: make([]matters.Function, 3)}}} {
				c.call(fmt.Sprintf("tasks %d .Validate()", i), func() { _ = ts.Validate() })
			}
		}},
		row{"matters.Matter.Apply", func(c *caller) {
			events := []matters.Event{{}, {Matter: "M", Seq: 1}, {Matter: "M", Seq: -1, At: times[1], Kind: matters.Report, Actor: "A", Type: "T"},
				{Matter: "M", Seq: math.MaxInt, At: times[1], Kind: matters.Kind(99), Actor: "A"},
				{Matter: "M", Seq: 1, At: times[1], Kind: matters.Report, Actor: "A", Type: "T", Units: make([]string, 100000)},
				{Matter: "M1", Seq: 6, At: times[0], Kind: matters.Feedback, Actor: "JJ-01"}}
			for i, m := range someMatters() {
				for j, e := range events {
					desc := fmt.Sprintf("matter %d .Apply(event %d)", i, j)
					c.call(desc, func() {
						if m == nil {
							c.wantErr(desc, m.Apply(e))
							return
						}
						_ = m.Apply(e)
					})
				}
			}
		}},
		row{"matters.Matter.Clone", func(c *caller) {
			for i, m := range someMatters() {
				c.call(fmt.Sprintf("matter %d .Clone()", i), func() { _ = m.Clone() })
			}
		}},
		row{"matters.Replay", func(c *caller) {
			for i, es := range [][]matters.Event{nil, {}, {{}}, make([]matters.Event, 100000), someMatters()[2].Events} {
				c.call(fmt.Sprintf("Replay(events %d)", i), func() {
					if m, err := matters.Replay(es); err == nil && m == nil {
						c.fail("Replay", "nil matter and no error")
					}
				})
			}
		}},
		row{"matters.Summarize", func(c *caller) {
			c.call("Summarize(nil)", func() { _ = matters.Summarize(nil) })
			c.call("Summarize(matters with a nil one)", func() { _ = matters.Summarize(someMatters()) })
			c.call("Summarize(100000 zero matters)", func() { _ = matters.Summarize(make([]*matters.Matter, 100000)) })
		}},
		row{"matters.Rate", func(c *caller) {
			for _, a := range ints {
				for _, b := range ints {
					c.call(fmt.Sprintf("Rate(%d, %d)", a, b), func() { _ = matters.Rate(a, b) })
				}
			}
		}},
	)

	// matters/workday
	add(
		row{"workday.CST", func(c *caller) { c.call("CST()", func() { _ = workday.CST() }) }},
		row{"workday.New", func(c *caller) {
			opts := [][]workday.Option{nil, {workday.WithoutChina()}, {workday.WithHours()}, {workday.WithHours(workday.Span{Start: -time.Hour, End: 30 * time.Hour})},
				{workday.WithHours(workday.Span{Start: math.MaxInt64, End: math.MinInt64}, workday.Span{})}, {workday.WithSchedules(workday.Schedule{})},
				{workday.WithSchedules(workday.Schedule{Year: math.MaxInt, Holidays: []string{huge}, Workdays: []string{"2020-13-45"}})},
				{workday.WithoutChina(), workday.WithSchedules()}, {nil}}
			for i, o := range opts {
				c.call(fmt.Sprintf("New(options %d)", i), func() {
					if cal, err := workday.New(o...); err == nil && cal == nil {
						c.fail("New", "nil calendar and no error")
					}
				})
			}
		}},
		row{"workday.Calendar.Day", func(c *caller) {
			for i, cal := range calendars() {
				c.call(fmt.Sprintf("calendar %d .Day()", i), func() { _ = cal.Day() })
			}
		}},
		row{"workday.Calendar.Years", func(c *caller) {
			for i, cal := range calendars() {
				c.call(fmt.Sprintf("calendar %d .Years()", i), func() { _, _ = cal.Years() })
			}
		}},
		row{"workday.Calendar.Hours", func(c *caller) {
			for i, cal := range calendars() {
				c.call(fmt.Sprintf("calendar %d .Hours()", i), func() { _ = cal.Hours() })
			}
		}},
		row{"workday.Calendar.Schedules", func(c *caller) {
			for i, cal := range calendars() {
				c.call(fmt.Sprintf("calendar %d .Schedules()", i), func() { _ = cal.Schedules() })
			}
		}},
		row{"workday.Calendar.IsWorkday", func(c *caller) {
			for i, cal := range calendars() {
				for _, t := range times {
					c.call(fmt.Sprintf("calendar %d .IsWorkday(%v)", i, t), func() { _, _ = cal.IsWorkday(t) })
				}
			}
		}},
		row{"workday.Calendar.Between", func(c *caller) {
			for i, cal := range calendars() {
				for _, a := range times {
					for _, b := range times {
						desc := fmt.Sprintf("calendar %d .Between(%v, %v)", i, a, b)
						c.call(desc, func() {
							if d, err := cal.Between(a, b); err == nil && !b.Before(a) && d < 0 {
								c.fail(desc, "negative working time %v", d)
							}
						})
					}
				}
			}
		}},
		row{"workday.Calendar.AddDays", func(c *caller) {
			for i, cal := range calendars() {
				for _, t := range times {
					for _, n := range ints {
						c.call(fmt.Sprintf("calendar %d .AddDays(%v, %d)", i, t, n), func() { _, _ = cal.AddDays(t, n) })
					}
				}
			}
		}},
		row{"workday.ChinaSchedules", func(c *caller) { c.call("ChinaSchedules()", func() { _ = workday.ChinaSchedules() }) }},
		row{"workday.China", func(c *caller) { c.call("China()", func() { _ = workday.China() }) }},
		row{"workday.WithHours", func(c *caller) {
			c.call("WithHours()", func() { _ = workday.WithHours() })
			c.call("WithHours(make([]Span, 100000)...)", func() { _, _ = workday.New(workday.WithHours(make([]workday.Span, 100000)...)) })
		}},
		row{"workday.WithSchedules", func(c *caller) {
			c.call("WithSchedules(nil...)", func() { _, _ = workday.New(workday.WithSchedules(nil...)) })
			c.call("WithSchedules(zero schedules)", func() { _, _ = workday.New(workday.WithSchedules(make([]workday.Schedule, 1000)...)) })
		}},
		row{"workday.WithoutChina", func(c *caller) { c.call("WithoutChina()", func() { _, _ = workday.New(workday.WithoutChina()) }) }},
		row{"workday.Schedule.Validate", func(c *caller) {
			for i, s := range []workday.Schedule{{}, {Year: -1, Holidays: []string{""}, Workdays: []string{huge}}, {Year: math.MaxInt, Holidays: make([]string, 1000)}} {
				c.call(fmt.Sprintf("schedule %d .Validate()", i), func() { _ = s.Validate() })
			}
			c.call("the zero Schedule is invalid", func() { c.wantErr("Schedule{}.Validate()", workday.Schedule{}.Validate()) })
		}},
		row{"workday.ParseSchedules", func(c *caller) {
			for _, in := range jsonInputs {
				c.call(fmt.Sprintf("ParseSchedules(%q)", in), func() { _, _ = workday.ParseSchedules(in) })
			}
		}},
		row{"workday.ParseSpan", func(c *caller) {
			for _, s := range append(strs, "-", "09:00-", "25:00-26:00", "18:00-09:00", "-1h-2h", "99999999999h-1h") {
				c.call(fmt.Sprintf("ParseSpan(%q)", clipped(s)), func() { _, _ = workday.ParseSpan(s) })
			}
		}},
		row{"workday.Span.String", func(c *caller) {
			for _, d := range durations {
				c.call(fmt.Sprintf("Span{%v, %v}.String()", d, -d), func() { _ = workday.Span{Start: d, End: -d}.String() })
			}
		}},
		row{"workday.Span.MarshalText", func(c *caller) {
			for _, d := range durations {
				c.call(fmt.Sprintf("Span{%v, %v}.MarshalText()", d, -d), func() { _, _ = workday.Span{Start: d, End: -d}.MarshalText() })
			}
		}},
		row{"workday.Span.UnmarshalText", func(c *caller) {
			for _, s := range append(strs, "-") {
				c.call(fmt.Sprintf("UnmarshalText(%q)", clipped(s)), func() { var sp workday.Span; _ = sp.UnmarshalText([]byte(s)) })
			}
		}},
		row{"workday.Calendar.MarshalJSON", func(c *caller) {
			for i, cal := range calendars() {
				desc := fmt.Sprintf("calendar %d .MarshalJSON()", i)
				c.call(desc, func() { b, err := cal.MarshalJSON(); c.jsonSound(desc, b, err) })
			}
		}},
		unmarshalRow[workday.Calendar]("workday.Calendar"),
	)

	// scoring
	add(enumRows[scoring.Satisfaction]("scoring", "Satisfaction", scoring.ParseSatisfaction)...)
	add(
		marshalRow("scoring.StaffScore", scoring.StaffScore{Scores: map[string]decimal.Decimal{"": decimals[2], badUTF8: decimals[3]}}),
		marshalRow[scoring.Appraised]("scoring.Appraised"),
		marshalRow("scoring.Weights", nil, scoring.Weights{"": decimals[3]}),
		marshalRow[scoring.Annual]("scoring.Annual"),
		marshalRow("scoring.Candidate", scoring.Candidate{Years: decimals}),
		marshalRow[scoring.Placement]("scoring.Placement"),
		marshalRow("scoring.Result", scoring.Result{Points: decimals[2], Reasons: []string{badUTF8}}),
		marshalRow("scoring.Facts", facts()...),
		unmarshalRow[scoring.Facts]("scoring.Facts"),
		marshalRow("scoring.Grade", scoring.Grade{Points: decimals[4]}),
		unmarshalRow[scoring.Grade]("scoring.Grade"),
		marshalRow("scoring.Score", scoring.Score{Composite: decimals[3], Grades: map[string]int{"": -1}}),
		marshalRow[scoring.TableRule]("scoring.TableRule"),
		unmarshalRow[scoring.TableRule]("scoring.TableRule"),
		unmarshalRow[scoring.Table]("scoring.Table"),
		row{"scoring.Book.MarshalJSON", func(c *caller) {
			b := scoring.NewBook()
			for _, e := range evaluations() {
				_ = b.Record(e)
			}
			for i, bk := range []*scoring.Book{{}, scoring.NewBook(), b} {
				desc := fmt.Sprintf("book %d .MarshalJSON()", i)
				c.call(desc, func() { out, err := bk.MarshalJSON(); c.jsonSound(desc, out, err) })
			}
		}},
		unmarshalRow[scoring.Book]("scoring.Book"),
		row{"scoring.Appraisal.Appraise", func(c *caller) {
			staff := []scoring.StaffScore{{}, {Person: "p", Category: "c", Scores: map[string]decimal.Decimal{"x": decimals[2]}}}
			for i, a := range []*scoring.Appraisal{{}, {Categories: []scoring.PostCategory{{}, {Code: "c", Weights: scoring.Weights{"x": decimal.New(1, 0)}}}, Scale: scoring.Scale{{}}}} {
				c.call(fmt.Sprintf("appraisal %d .Appraise(nil)", i), func() { _, _ = a.Appraise(nil) })
				c.call(fmt.Sprintf("appraisal %d .Appraise(staff)", i), func() { _, _ = a.Appraise(staff) })
			}
		}},
		row{"scoring.Weights.Validate", func(c *caller) {
			for i, w := range []scoring.Weights{nil, {}, {"": {}}, {"a": decimals[2], "b": decimals[3]}} {
				desc := fmt.Sprintf("weights %d .Validate()", i)
				c.call(desc, func() {
					if err := w.Validate(); i > 0 {
						c.wantErr(desc, err)
					}
				})
			}
		}},
		row{"scoring.Blend", func(c *caller) {
			ws := []scoring.Weights{nil, scoring.AnnualWeights(), {"a": decimals[2]}}
			parts := []map[string]decimal.Decimal{nil, {"subdistrict": decimals[2], "department": decimals[3]}, {"subdistrict": {}, "department": {}}}
			for i, w := range ws {
				for j, p := range parts {
					desc := fmt.Sprintf("Blend(weights %d, parts %d)", i, j)
					c.call(desc, func() {
						if _, err := scoring.Blend(w, p); i != 1 || j == 0 {
							c.wantErr(desc, err)
						}
					})
				}
			}
		}},
		row{"scoring.AnnualWeights", func(c *caller) { c.call("AnnualWeights()", func() { _ = scoring.AnnualWeights() }) }},
		row{"scoring.Assess", func(c *caller) {
			scores := []scoring.Score{{}, {Subject: "s", Composite: decimals[2]}, {Subject: "s"}}
			c.call("Assess(nil, nil, nil)", func() { _, _ = scoring.Assess(nil, nil, nil) })
			c.call("Assess(scores, AnnualWeights(), nil)", func() { _, _ = scoring.Assess(scores, scoring.AnnualWeights(), nil) })
			c.call("Assess(scores, AnnualWeights(), others)", func() {
				_, _ = scoring.Assess(scores, scoring.AnnualWeights(), map[string]map[string]decimal.Decimal{"s": nil, "": {"": decimals[3]}})
			})
		}},
		row{"scoring.NewBook", func(c *caller) { c.call("NewBook()", func() { _ = scoring.NewBook() }) }},
		row{"scoring.Book.Record", func(c *caller) {
			for i, b := range []*scoring.Book{{}, scoring.NewBook()} {
				for j, e := range evaluations() {
					c.call(fmt.Sprintf("book %d .Record(evaluation %d)", i, j), func() { _ = b.Record(e) })
				}
				c.call(fmt.Sprintf("book %d .Record(Evaluation{}) is an error", i), func() { c.wantErr("Record(Evaluation{})", b.Record(scoring.Evaluation{})) })
			}
		}},
		row{"scoring.Book.Amend", func(c *caller) {
			b := scoring.NewBook()
			for _, e := range evaluations() {
				_ = b.Record(e)
			}
			for i, e := range evaluations() {
				for _, a := range []scoring.Amendment{{Evaluation: e}, {Evaluation: e, Author: huge, Reason: badUTF8}} {
					c.call(fmt.Sprintf("Amend(evaluation %d)", i), func() { _ = b.Amend(a) })
				}
			}
			c.call("Amend(Amendment{}) is an error", func() { c.wantErr("Amend(Amendment{})", b.Amend(scoring.Amendment{})) })
		}},
		row{"scoring.Book.Len", func(c *caller) {
			c.call("(&Book{}).Len()", func() { _ = (&scoring.Book{}).Len() })
		}},
		row{"scoring.Book.Evaluations", func(c *caller) {
			c.call("(&Book{}).Evaluations()", func() { _ = (&scoring.Book{}).Evaluations() })
		}},
		row{"scoring.Book.Amendments", func(c *caller) {
			c.call("(&Book{}).Amendments()", func() { _ = (&scoring.Book{}).Amendments() })
		}},
		row{"scoring.Book.Merge", func(c *caller) {
			full := scoring.NewBook()
			for _, e := range evaluations() {
				_ = full.Record(e)
			}
			c.call("(&Book{}).Merge(nil)", func() { _ = (&scoring.Book{}).Merge(nil) })
			c.call("(&Book{}).Merge(&Book{})", func() { _ = (&scoring.Book{}).Merge(&scoring.Book{}) })
			c.call("NewBook().Merge(full)", func() { _ = scoring.NewBook().Merge(full) })
			c.call("b.Merge(b)", func() {
				done := make(chan error, 1)
				go func() {
					defer func() {
						if r := recover(); r != nil {
							done <- fmt.Errorf("panic: %v", r)
						}
					}()
					done <- full.Merge(full)
				}()
				select {
				case err := <-done:
					if err != nil && strings.HasPrefix(err.Error(), "panic: ") {
						c.fail("b.Merge(b)", "%v", err)
					}
				case <-time.After(10 * time.Second):
					c.fail("b.Merge(b)", "did not return in 10 s: a deadlock")
				}
			})
		}},
		row{"scoring.Book.Scores", func(c *caller) {
			full := scoring.NewBook()
			for _, e := range evaluations() {
				_ = full.Record(e)
			}
			for i, b := range []*scoring.Book{{}, full} {
				for j, p := range periods() {
					c.call(fmt.Sprintf("book %d .Scores(period %d)", i, j), func() { _ = b.Scores(p) })
				}
			}
		}},
		row{"scoring.YearPart", func(c *caller) {
			for _, n := range ints {
				c.call(fmt.Sprintf("YearPart(%d)", n), func() { _ = scoring.YearPart(n) })
			}
		}},
		row{"scoring.Select", func(c *caller) {
			cands := []scoring.Candidate{{}, {ID: "a", Post: "p", Competition: decimals[2], Years: decimals}, {ID: "a", Post: "p"}}
			for i, w := range []scoring.Weights{nil, {"competition": decimal.New(1, 0)}} {
				for j, q := range []map[string]int{nil, {"p": -1}, {"p": math.MaxInt}} {
					c.call(fmt.Sprintf("Select(nil, weights %d, quotas %d)", i, j), func() { _, _ = scoring.Select(nil, w, q) })
					c.call(fmt.Sprintf("Select(candidates, weights %d, quotas %d)", i, j), func() { _, _ = scoring.Select(cands, w, q) })
				}
			}
		}},
		row{"scoring.DefaultTable", func(c *caller) { c.call("DefaultTable()", func() { _ = scoring.DefaultTable() }) }},
		row{"scoring.Result.IsZero", func(c *caller) {
			for _, r := range []scoring.Result{{}, {Points: decimals[2]}} {
				c.call(fmt.Sprintf("%#v.IsZero()", r), func() { _ = r.IsZero() })
			}
		}},
		row{"scoring.EvaluatorFunc.Evaluate", func(c *caller) {
			f := scoring.EvaluatorFunc(func(scoring.Facts) (scoring.Result, error) { return scoring.Result{}, nil })
			for i, x := range facts() {
				c.call(fmt.Sprintf("EvaluatorFunc.Evaluate(facts %d)", i), func() { _, _ = f.Evaluate(x) })
			}
		}},
		row{"scoring.Discard", func(c *caller) {
			for i, x := range facts() {
				c.call(fmt.Sprintf("Discard().Evaluate(facts %d)", i), func() { _, _ = scoring.Discard().Evaluate(x) })
			}
		}},
		row{"scoring.First", func(c *caller) {
			for i, es := range [][]scoring.Evaluator{nil, {scoring.Discard()}, {scoring.DefaultTable(), scoring.Discard()}, {nil}, {&scoring.Table{}}} {
				for j, x := range facts() {
					c.call(fmt.Sprintf("First(evaluators %d).Evaluate(facts %d)", i, j), func() { _, _ = scoring.First(es...).Evaluate(x) })
				}
			}
		}},
		row{"scoring.Fallback", func(c *caller) {
			pairs := [][2]scoring.Evaluator{{nil, nil}, {scoring.Discard(), nil}, {nil, scoring.DefaultTable()}, {&scoring.Table{}, scoring.DefaultTable()}}
			for i, p := range pairs {
				for j, x := range facts() {
					c.call(fmt.Sprintf("Fallback(pair %d).Evaluate(facts %d)", i, j), func() { _, _ = scoring.Fallback(p[0], p[1]).Evaluate(x) })
				}
			}
		}},
		row{"scoring.Weighted", func(c *caller) {
			partss := [][]scoring.Part{nil, {{}}, {{Name: "a", Weight: decimal.New(1, 0), Evaluator: nil}}, {{Name: "a", Weight: decimal.New(1, 0), Evaluator: scoring.DefaultTable()}},
				{{Name: "a", Weight: decimals[2], Evaluator: scoring.Discard()}, {Name: "a", Weight: decimals[3], Evaluator: scoring.Discard()}}}
			for i, parts := range partss {
				for _, o := range []*scoring.Options{nil, {}, {Scale: scoring.Scale{{}}, Policy: huge}} {
					c.call(fmt.Sprintf("Weighted(parts %d)", i), func() {
						e, err := scoring.Weighted(parts, o)
						if err != nil {
							return
						}
						for _, x := range facts() {
							_, _ = e.Evaluate(x)
						}
					})
				}
			}
		}},
		row{"scoring.FactsFor", func(c *caller) {
			for i, m := range someMatters() {
				for j, cal := range append(calendars(), nil) {
					for k, r := range routes() {
						for _, u := range []string{"", "城管局", huge} {
							c.call(fmt.Sprintf("FactsFor(matter %d, %q, calendar %d, route %d)", i, clipped(u), j, k), func() { _, _ = scoring.FactsFor(m, u, cal, r) })
						}
					}
				}
			}
		}},
		row{"scoring.Facts.EvaluationStage", func(c *caller) {
			for i, f := range facts() {
				c.call(fmt.Sprintf("facts %d .EvaluationStage()", i), func() { _ = f.EvaluationStage() })
			}
		}},
		row{"scoring.Facts.Evaluation", func(c *caller) {
			for i, f := range facts() {
				for j, at := range times {
					c.call(fmt.Sprintf("facts %d .Evaluation(time %d, result)", i, j), func() {
						b := scoring.NewBook()
						_ = b.Record(f.Evaluation(at, scoring.Result{Grade: "good", Points: decimal.New(85, 0), Reasons: []string{"r"}}))
					})
				}
			}
		}},
		row{"scoring.DefaultScale", func(c *caller) { c.call("DefaultScale()", func() { _ = scoring.DefaultScale() }) }},
		row{"scoring.Scale.Grade", func(c *caller) {
			for i, s := range []scoring.Scale{nil, {{}}, scoring.DefaultScale()} {
				for _, code := range strs {
					c.call(fmt.Sprintf("scale %d .Grade(%q)", i, clipped(code)), func() { _, _ = s.Grade(code) })
				}
			}
		}},
		row{"scoring.Scale.Lookup", func(c *caller) {
			for i, s := range []scoring.Scale{nil, {{}}, scoring.DefaultScale()} {
				for _, code := range strs {
					c.call(fmt.Sprintf("scale %d .Lookup(%q)", i, clipped(code)), func() { _, _ = s.Lookup(code) })
				}
			}
		}},
		row{"scoring.Scale.Floor", func(c *caller) {
			for i, s := range []scoring.Scale{nil, {{}}, scoring.DefaultScale(), {{Points: decimals[2]}, {Points: decimals[3]}}} {
				for _, d := range decimals {
					c.call(fmt.Sprintf("scale %d .Floor(%v)", i, d), func() { _, _ = s.Floor(d) })
				}
			}
		}},
		row{"scoring.Scale.Validate", func(c *caller) {
			for i, s := range []scoring.Scale{nil, {{}}, {{Code: "a"}, {Code: "a"}}} {
				desc := fmt.Sprintf("scale %d .Validate()", i)
				c.call(desc, func() { c.wantErr(desc, s.Validate()) })
			}
		}},
		row{"scoring.Period.Contains", func(c *caller) {
			for i, p := range periods() {
				for _, t := range times {
					c.call(fmt.Sprintf("period %d .Contains(%v)", i, t), func() { _ = p.Contains(t) })
				}
			}
		}},
		row{"scoring.Year", func(c *caller) {
			for _, y := range ints {
				c.call(fmt.Sprintf("Year(%d)", y), func() { _ = scoring.Year(y) })
			}
		}},
		row{"scoring.Month", func(c *caller) {
			for _, y := range ints {
				for _, m := range []time.Month{0, 1, 12, 13, -1} {
					c.call(fmt.Sprintf("Month(%d, %d)", y, m), func() { _ = scoring.Month(y, m) })
				}
			}
		}},
		row{"scoring.Week", func(c *caller) {
			for _, t := range times {
				c.call(fmt.Sprintf("Week(%v)", t), func() { _ = scoring.Week(t) })
			}
		}},
		row{"scoring.Day", func(c *caller) {
			for _, t := range times {
				c.call(fmt.Sprintf("Day(%v)", t), func() { _ = scoring.Day(t) })
			}
		}},
		row{"scoring.Table.Evaluate", func(c *caller) {
			for i, tb := range []*scoring.Table{{}, scoring.DefaultTable(), {Rules: []scoring.TableRule{{}}}} {
				for j, x := range facts() {
					c.call(fmt.Sprintf("table %d .Evaluate(facts %d)", i, j), func() { _, _ = tb.Evaluate(x) })
				}
			}
		}},
		row{"scoring.LoadTable", func(c *caller) {
			for _, in := range jsonInputs {
				c.call(fmt.Sprintf("LoadTable(%q)", clipped(string(in))), func() { _, _ = scoring.LoadTable(bytes.NewReader(in)) })
			}
			c.call("LoadTable(nil)", func() { _, _ = scoring.LoadTable(nil) })
		}},
		row{"scoring.Table.Save", func(c *caller) {
			for i, tb := range []*scoring.Table{{}, scoring.DefaultTable(), {Rules: []scoring.TableRule{{}}}} {
				c.call(fmt.Sprintf("table %d .Save(io.Discard)", i), func() { _ = tb.Save(io.Discard) })
				c.call(fmt.Sprintf("table %d .Save(nil)", i), func() { _ = tb.Save(nil) })
			}
		}},
		row{"scoring.Table.Validate", func(c *caller) {
			for i, tb := range []*scoring.Table{{}, {Rules: []scoring.TableRule{{}}}, {Scale: scoring.Scale{{}}, Rules: make([]scoring.TableRule, 1000)}} {
				desc := fmt.Sprintf("table %d .Validate()", i)
				c.call(desc, func() { c.wantErr(desc, tb.Validate()) })
			}
		}},
	)

	// journal
	add(enumRows[journal.Kind]("journal", "Kind", journal.ParseKind)...)
	add(errorRows[journal.VerifyError]("journal", "VerifyError", true)...)
	add(marshalRow("journal.VerifyError", &journal.VerifyError{}, &journal.VerifyError{Err: journal.ErrTorn, Reason: badUTF8}, &journal.VerifyError{Err: io.EOF}),
		unmarshalRow[journal.VerifyError]("journal.VerifyError"))
	add(journalRows()...)
	return rows
}

// hostileJournals are journal bytes a reader must survive.
func hostileJournals() [][]byte {
	var buf bytes.Buffer
	w := journal.NewWriter(&buf, nil)
	_, _ = w.AppendEvent(matters.Event{Matter: "M", Seq: 1, At: times[1], Kind: matters.Report, Actor: "A", Type: "T"})
	_, _ = w.AppendEvaluation(scoring.Evaluation{Matter: "M", Subject: "S", Evaluator: "A", At: times[1], Result: scoring.Result{Grade: "good"}})
	j := buf.Bytes()
	return [][]byte{nil, {}, []byte("\n"), j, j[:len(j)-3], append(bytes.Clone(j), j...), []byte(huge), []byte(huge + "\n" + huge), bytes.Repeat([]byte("\n"), 1<<16), []byte(badUTF8)}
}

func journalRows() []row {
	events := []matters.Event{{}, {Matter: badUTF8}, {At: times[4], Kind: matters.Kind(99)}, {At: times[2], Units: make([]string, 10000), Note: huge}}
	evals := evaluations()
	heads := []journal.Head{{}, {Seq: -1}, {Seq: math.MaxInt64, Hash: journal.Hash{1}}, {Seq: 0, Hash: journal.Hash{2}}}
	opts := []*journal.Options{nil, {}, {MaxLine: -1}, {MaxLine: 1}, {MaxLine: math.MaxInt}}
	writers := []io.Writer{nil, io.Discard}
	return []row{
		row{"journal.NewWriter", func(c *caller) {
			for i, w := range writers {
				for j, o := range opts {
					c.call(fmt.Sprintf("NewWriter(writer %d, options %d)", i, j), func() {
						_, err := journal.NewWriter(w, o).AppendEvent(events[0])
						if w == nil {
							c.wantErr("AppendEvent to a nil writer", err)
						}
					})
				}
			}
		}},
		row{"journal.NewWriterAt", func(c *caller) {
			for i, w := range writers {
				for j, h := range heads {
					c.call(fmt.Sprintf("NewWriterAt(writer %d, head %d)", i, j), func() {
						_, _ = journal.NewWriterAt(w, h, nil).AppendEvent(events[0])
					})
				}
			}
		}},
		row{"journal.Writer.AppendEvent", func(c *caller) {
			for i, o := range opts {
				w := journal.NewWriter(io.Discard, o)
				for j, e := range events {
					c.call(fmt.Sprintf("AppendEvent(event %d) with options %d", j, i), func() { _, _ = w.AppendEvent(e) })
				}
			}
		}},
		row{"journal.Writer.AppendEvaluation", func(c *caller) {
			w := journal.NewWriter(io.Discard, nil)
			for j, e := range evals {
				c.call(fmt.Sprintf("AppendEvaluation(evaluation %d)", j), func() { _, _ = w.AppendEvaluation(e) })
			}
		}},
		row{"journal.Writer.AppendAmendment", func(c *caller) {
			w := journal.NewWriter(io.Discard, nil)
			for j, e := range evals {
				c.call(fmt.Sprintf("AppendAmendment(evaluation %d)", j), func() { _, _ = w.AppendAmendment(scoring.Amendment{Evaluation: e, Author: huge, Reason: "复核"}) })
			}
		}},
		row{"journal.Writer.Head", func(c *caller) {
			c.call("NewWriter(nil, nil).Head()", func() { _ = journal.NewWriter(nil, nil).Head() })
		}},
		row{"journal.NewReader", func(c *caller) {
			c.call("NewReader(nil, nil).Next()", func() {
				_, err := journal.NewReader(nil, nil).Next()
				c.wantErr("Next on a nil reader", err)
			})
		}},
		row{"journal.Reader.Next", func(c *caller) {
			for i, j := range hostileJournals() {
				for k, o := range opts {
					c.call(fmt.Sprintf("Next over journal %d with options %d", i, k), func() {
						r := journal.NewReader(bytes.NewReader(j), o)
						for n := 0; n < 1<<17; n++ {
							if _, err := r.Next(); err != nil {
								return
							}
						}
						c.fail("Next", "did not stop")
					})
				}
			}
		}},
		row{"journal.Reader.All", func(c *caller) {
			for i, j := range hostileJournals() {
				c.call(fmt.Sprintf("All over journal %d", i), func() {
					for range journal.NewReader(bytes.NewReader(j), nil).All() {
						break
					}
					for range journal.NewReader(bytes.NewReader(j), nil).All() {
					}
				})
			}
		}},
		row{"journal.Reader.Head", func(c *caller) {
			c.call("NewReader(nil, nil).Head()", func() { _ = journal.NewReader(nil, nil).Head() })
		}},
		row{"journal.Reader.Offset", func(c *caller) {
			c.call("NewReader(nil, nil).Offset()", func() { _ = journal.NewReader(nil, nil).Offset() })
		}},
		row{"journal.Verify", func(c *caller) {
			for i, j := range hostileJournals() {
				for k, o := range opts {
					c.call(fmt.Sprintf("Verify(journal %d, options %d)", i, k), func() { _, _ = journal.Verify(bytes.NewReader(j), o) })
				}
			}
			c.call("Verify(nil, nil)", func() { _, err := journal.Verify(nil, nil); c.wantErr("Verify(nil, nil)", err) })
		}},
		row{"journal.Recover", func(c *caller) {
			for i, j := range hostileJournals() {
				c.call(fmt.Sprintf("Recover(journal %d)", i), func() {
					if _, size, err := journal.Recover(bytes.NewReader(j), nil); err == nil && (size < 0 || size > int64(len(j))) {
						c.fail("Recover", "size %d of %d bytes", size, len(j))
					}
				})
			}
			c.call("Recover(nil, nil)", func() { _, _, err := journal.Recover(nil, nil); c.wantErr("Recover(nil, nil)", err) })
		}},
		row{"journal.VerifyAnchor", func(c *caller) {
			for i, j := range hostileJournals() {
				for k, h := range heads {
					c.call(fmt.Sprintf("VerifyAnchor(journal %d, anchor %d)", i, k), func() { _ = journal.VerifyAnchor(bytes.NewReader(j), h, nil) })
				}
			}
			c.call("VerifyAnchor(nil, Anchor{Seq: 1}, nil)", func() { c.wantErr("VerifyAnchor(nil)", journal.VerifyAnchor(nil, journal.Anchor{Seq: 1}, nil)) })
		}},
		row{"journal.Rebuild", func(c *caller) {
			for i, j := range hostileJournals() {
				c.call(fmt.Sprintf("Rebuild(journal %d)", i), func() {
					if s, _ := journal.Rebuild(bytes.NewReader(j), nil); s == nil {
						c.fail("Rebuild", "nil result")
					}
				})
			}
			c.call("Rebuild(nil, nil)", func() { _, err := journal.Rebuild(nil, nil); c.wantErr("Rebuild(nil, nil)", err) })
		}},
		row{"journal.ParseLine", func(c *caller) {
			for i, j := range hostileJournals() {
				c.call(fmt.Sprintf("ParseLine(journal %d)", i), func() { _, _ = journal.ParseLine(j) })
			}
		}},
		row{"journal.ParseHash", func(c *caller) {
			for _, s := range append(strs, strings.Repeat("0", 64), strings.Repeat("Z", 64)) {
				c.call(fmt.Sprintf("ParseHash(%q)", clipped(s)), func() { _, _ = journal.ParseHash(s) })
			}
		}},
		row{"journal.Hash.String", func(c *caller) { c.call("Hash{}.String()", func() { _ = journal.Hash{}.String() }) }},
		row{"journal.Hash.IsZero", func(c *caller) { c.call("Hash{}.IsZero()", func() { _ = journal.Hash{}.IsZero() }) }},
		row{"journal.Hash.MarshalText", func(c *caller) {
			c.call("Hash{}.MarshalText()", func() { b, _ := journal.Hash{}.MarshalText(); _ = utf8.Valid(b) })
		}},
		row{"journal.Hash.UnmarshalText", func(c *caller) {
			for _, s := range strs {
				c.call(fmt.Sprintf("UnmarshalText(%q)", clipped(s)), func() { var h journal.Hash; c.wantErr("Hash.UnmarshalText", h.UnmarshalText([]byte(s))) })
			}
		}},
		row{"journal.Head.String", func(c *caller) {
			for _, h := range heads {
				c.call(fmt.Sprintf("%#v.String()", h), func() { _ = h.String() })
			}
		}},
		row{"journal.Entry.Event", func(c *caller) { entryCalls(c, func(e journal.Entry) { _, _ = e.Event() }) }},
		row{"journal.Entry.Evaluation", func(c *caller) { entryCalls(c, func(e journal.Entry) { _, _ = e.Evaluation() }) }},
		row{"journal.Entry.Amendment", func(c *caller) { entryCalls(c, func(e journal.Entry) { _, _ = e.Amendment() }) }},
	}
}

func entryCalls(c *caller, f func(journal.Entry)) {
	for _, k := range []journal.Kind{0, journal.KindEvent, journal.KindEvaluation, journal.KindAmendment, 99} {
		for _, p := range jsonInputs {
			c.call(fmt.Sprintf("Entry{Kind: %d, Payload: %q}", int(k), clipped(string(p))), func() { f(journal.Entry{Kind: k, Payload: p}) })
		}
	}
}

// TestConcurrentUse runs, from several goroutines at once, what the
// packages document as safe for concurrent use; go test -race checks it.
func TestConcurrentUse(t *testing.T) {
	const goroutines, each = 4, 50
	run := func(name string, f func(g, i int)) {
		t.Run(name, func(t *testing.T) {
			done := make(chan struct{})
			go func() {
				defer close(done)
				var wg sync.WaitGroup
				for g := 0; g < goroutines; g++ {
					wg.Add(1)
					go func(g int) {
						defer wg.Done()
						defer func() {
							if r := recover(); r != nil {
								t.Errorf("%s panicked: %v\n%s", name, r, ourFrames(debug.Stack()))
							}
						}()
						for i := 0; i < each; i++ {
							f(g, i)
						}
					}(g)
				}
				wg.Wait()
			}()
			select {
			case <-done:
			case <-time.After(30 * time.Second):
				t.Fatalf("%s did not finish in 30 s: a deadlock?", name)
			}
		})
	}

	reg := &accountability.Register{Units: []accountability.Unit{{ID: "S", Kind: accountability.Subdistrict}}, Flows: []accountability.Flow{*longFlow(200), *hostileFlow()}}
	run("accountability: Register.Validate, Flow.Order, CriticalPath, DOT on one register", func(g, i int) {
		_ = reg.Validate()
		_, _ = reg.Flows[0].Order()
		_, _, _ = reg.Flows[0].CriticalPath()
		_ = reg.Flows[1].DOT()
		_ = accountability.Diff(reg, reg)
	})

	cal := workday.China()
	from := time.Date(2020, 1, 1, 9, 0, 0, 0, cst)
	run("workday: one Calendar", func(g, i int) {
		t := from.Add(time.Duration(g*each+i) * 37 * time.Hour)
		_, _ = cal.Between(from, t)
		_, _ = cal.AddDays(t, i)
		_, _ = cal.IsWorkday(t)
		_ = cal.Hours()
	})

	adm := &matters.Admission{Items: []matters.Item{{Code: "A", Name: "占道经营", List: matters.Duties}}, Excluded: matters.DefaultExclusions()}
	dir := &matters.Directory{Routes: []matters.Route{{Type: "占道经营", Lead: "城管局", Respond: time.Hour, ResolveDays: 3}}}
	m := someMatters()[1]
	run("matters: Admission.Admit, Directory.Route, a Matter's read-only methods", func(g, i int) {
		_ = adm.Admit(matters.Request{Title: "招商引资", Item: "A"})
		r, _ := dir.Route("占道经营")
		_, _ = m.Elapsed(cal, from.Add(48*time.Hour))
		_, _ = m.Deadlines(r, cal)
		_, _ = m.Status(from.Add(time.Duration(i)*time.Hour), r, cal)
		_ = m.Clone()
		_ = matters.Summarize([]*matters.Matter{m})
	})

	book, other := scoring.NewBook(), scoring.NewBook()
	evaluation := func(g, i int) scoring.Evaluation {
		return scoring.Evaluation{Matter: fmt.Sprintf("M%d-%d", g, i), Subject: fmt.Sprint("D", i%3), Evaluator: "S", At: from.Add(time.Duration(i) * time.Hour),
			Result: scoring.Result{Grade: "good", Points: decimal.New(85, 0)}}
	}
	run("scoring: one Book from many goroutines, merged both ways", func(g, i int) {
		if err := book.Record(evaluation(g, i)); err != nil {
			panic(err)
		}
		o := evaluation(g+goroutines, i)
		_ = other.Record(o)
		_ = book.Amend(scoring.Amendment{Evaluation: evaluation(g, i), Author: "A", Reason: "R"})
		_ = book.Scores(scoring.Year(2020))
		_ = book.Evaluations()
		if i%10 == 0 {
			a, b := scoring.NewBook(), scoring.NewBook()
			_ = a.Record(evaluation(g, i))
			_ = b.Record(evaluation(g+2*goroutines, i))
			go func() { _ = a.Merge(b) }()
			_ = b.Merge(a)
		}
	})
	if got := book.Len(); got != goroutines*each {
		t.Errorf("the book holds %d evaluations, want %d", got, goroutines*each)
	}

	table := scoring.DefaultTable()
	first := scoring.First(table, scoring.Discard())
	yes := true
	plain := []scoring.Facts{{}, {Matter: "M", Subject: "D", Evaluator: "S", Final: true, Response: time.Hour, ResponseLimit: 2 * time.Hour,
		Resolution: 50 * time.Hour, ResolutionLimit: 24 * time.Hour, Responded: true, Resolved: true, Quality: 4, Satisfied: &yes}}
	run("scoring: one Table and a First evaluator", func(g, i int) {
		for _, f := range plain {
			_, _ = table.Evaluate(f)
			_, _ = first.Evaluate(f)
		}
	})

	var buf bytes.Buffer
	w := journal.NewWriter(&buf, nil)
	run("journal: one Writer", func(g, i int) {
		if _, err := w.AppendEvaluation(evaluation(g, i)); err != nil {
			panic(err)
		}
		_ = w.Head()
	})
	if h, err := journal.Verify(bytes.NewReader(buf.Bytes()), nil); err != nil || h.Seq != goroutines*each {
		t.Errorf("the journal written concurrently verifies as %v, %v; want %d entries", h, err, goroutines*each)
	}
}
