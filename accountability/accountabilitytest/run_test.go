package accountabilitytest

import (
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/qingdan/qingdan/accountability"
	"github.com/qingdan/qingdan/internal/tablecase"
)

var _ Testing = (*testing.T)(nil)

// noName reports every power without a name.
var noName = accountability.Rule{
	Name: "local.name",
	Doc:  "local.name: a power with no name",
	Check: func(r *accountability.Register, report func(accountability.Finding)) {
		for _, p := range r.Powers {
			if p.Name == "" {
				report(accountability.Finding{Path: "powers[" + p.Code + "]", Message: "power " + p.Code + " has no name"})
			}
		}
	},
}

func nameless(codes ...string) *accountability.Register {
	r := &accountability.Register{}
	for _, c := range codes {
		r.Powers = append(r.Powers, accountability.Power{Code: c})
	}
	return r
}

func finding(code string) accountability.Finding {
	return accountability.Finding{Rule: "local.name", Severity: accountability.Error, Path: "powers[" + code + "]", Message: "power " + code + " has no name"}
}

func TestRun(t *testing.T) {
	modifies := accountability.Rule{Name: "bad", Doc: "bad: modifies", Check: func(r *accountability.Register, _ func(accountability.Finding)) {
		if len(r.Powers) > 0 {
			r.Powers[0].Name = "changed"
		}
	}}
	// grants moves the grant of every power a day on, through the
	// pointer the register holds.
	grants := accountability.Rule{Name: "bad.grant", Doc: "bad.grant: modifies through a pointer", Check: func(r *accountability.Register, _ func(accountability.Finding)) {
		for _, p := range r.Powers {
			if p.Grant != nil {
				p.Grant.Since = p.Grant.Since.AddDate(0, 0, 1)
			}
		}
	}}
	// extra writes into the Extra map of the first power.
	extra := accountability.Rule{Name: "bad.extra", Doc: "bad.extra: modifies a map", Check: func(r *accountability.Register, _ func(accountability.Finding)) {
		if len(r.Powers) > 0 && r.Powers[0].Extra != nil {
			r.Powers[0].Extra["k"] = "changed"
		}
	}}
	// unwritable is a register encoding/json cannot write: a category
	// and a time it has no text for, as a case of a rule that looks at
	// such values may hold.
	unwritable := func() *accountability.Register {
		return &accountability.Register{Adoption: accountability.Adoption{Effective: time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC)},
			Powers: []accountability.Power{{Code: "A", Category: accountability.Category(99)}}}
	}
	// panics indexes past the end of a register with fewer than two
	// powers, as a rule written for a sound register may.
	panics := accountability.Rule{Name: "local.second", Doc: "local.second: looks at the second power", Check: func(r *accountability.Register, report func(accountability.Finding)) {
		if r.Powers[1].Name == "" {
			report(accountability.Finding{Message: "second power has no name"})
		}
	}}
	// flips reports every power on its first run, and then on every other
	// run: a rule that keeps state between runs.
	var flipRuns int
	flips := accountability.Rule{Name: "local.flips", Doc: "local.flips: keeps state", Check: func(r *accountability.Register, report func(accountability.Finding)) {
		flipRuns++
		if flipRuns%2 == 1 {
			noName.Check(r, report)
		}
	}}
	// later panics on every run but its first.
	var laterRuns int
	later := accountability.Rule{Name: "local.later", Doc: "local.later: a cache not yet filled", Check: func(r *accountability.Register, report func(accountability.Finding)) {
		laterRuns++
		if laterRuns > 1 {
			panic("cache")
		}
	}}
	// joins lists the stages a power lacks in the order it ranges over a
	// map of them.
	joins := accountability.Rule{Name: "local.joins", Doc: "local.joins: ranges over a map", Check: func(r *accountability.Register, report func(accountability.Finding)) {
		for _, p := range r.Powers {
			var names []string
			for s := range map[string]bool{"决定": true, "送达": true, "事后监管": true} {
				names = append(names, s)
			}
			report(accountability.Finding{Path: "powers[" + p.Code + "]", Message: strings.Join(names, "、")})
		}
	}}
	tests := []struct {
		name  string
		rule  accountability.Rule
		cases []Case
		want  []string // prefixes, one per report
	}{
		{"match", noName, []Case{
			{Name: "two", Register: nameless("A", "B"), Want: accountability.Findings{finding("A"), finding("B")}},
			{Name: "order does not matter", Register: nameless("A", "B"), Want: accountability.Findings{finding("B"), finding("A")}},
			{Name: "nothing wanted, nothing found", Register: nameless()},
			{Name: "no register", Want: accountability.Findings{}},
		}, nil},
		{"mismatches", noName, []Case{
			{Name: "missing finding", Register: nameless("A", "B"), Want: accountability.Findings{finding("A")}},
			{Register: nameless("A"), Want: accountability.Findings{{Rule: "local.name", Severity: accountability.Error, Path: "powers[A]", Message: "other"}}},
		}, []string{
			`case "missing finding": findings mismatch (-want +got):`,
			`case "#1": findings mismatch (-want +got):`,
		}},
		{"rule cannot run", accountability.Rule{Name: "x"}, []Case{{Register: nameless("A")}}, []string{`rule "x" cannot run`}},
		// Register.Validate, which runs the built-ins and then the host's
		// rules, refuses to run a rule that takes a built-in's name: the
		// rule's cases must not pass here.
		{"rule named as a built-in", accountability.Rule{Name: "power.basis", Doc: "power.basis: mine", Check: noName.Check},
			[]Case{{Register: nameless("A"), Want: accountability.Findings{{Rule: "power.basis", Severity: accountability.Error, Path: "powers[A]", Message: "power A has no name"}}}},
			[]string{`rule "power.basis" cannot run: `}},
		{"rule modifies the register", modifies, []Case{{Name: "m", Register: nameless("A")}, {Name: "empty"}},
			[]string{`case "m": rule "bad" modified the register it checked`}},
		{"rule modifies a register JSON cannot write", modifies, []Case{{Name: "unwritable", Register: unwritable()}},
			[]string{`case "unwritable": rule "bad" modified the register it checked`}},
		{"rule modifies what a pointer points to", grants, []Case{{Name: "grant", Register: &accountability.Register{
			Powers: []accountability.Power{{Code: "A", Grant: &accountability.Grant{From: "区", Since: time.Date(2024, 3, 1, 0, 0, 0, 0, time.FixedZone("CST", 8*3600))}}}}}},
			[]string{`case "grant": rule "bad.grant" modified the register it checked`}},
		{"rule modifies a map", extra, []Case{{Name: "extra", Register: &accountability.Register{Powers: []accountability.Power{{Code: "A", Extra: map[string]string{"k": "v"}}}}}},
			[]string{`case "extra": rule "bad.extra" modified the register it checked`}},
		{"rule leaves a register JSON cannot write as it was", noName, []Case{{Name: "unwritable", Register: unwritable(), Want: accountability.Findings{finding("A")}}}, nil},
		{"rule leaves times, pointers and maps as they were", noName, []Case{{Name: "kept", Register: &accountability.Register{
			Adoption: accountability.Adoption{Effective: time.Date(2024, 3, 1, 8, 0, 0, 0, time.FixedZone("CST", 8*3600)), ApprovedAt: time.Now()},
			Powers:   []accountability.Power{{Code: "A", Name: "甲", Grant: &accountability.Grant{Since: time.Now()}, Extra: map[string]string{"k": "v"}, Basis: []accountability.Basis{{Law: "法"}}}},
			Flows:    []accountability.Flow{{ID: "F", Steps: []accountability.Step{{ID: "s"}}, Edges: []accountability.Edge{}}}}}}, nil},
		{"rule panics", panics, []Case{{Name: "one power", Register: nameless("A")}, {Name: "two", Register: nameless("A", "B")}, {}}, []string{
			`case "one power": rule "local.second" panicked: runtime error: index out of range [1] with length 1`,
			`case "two": findings mismatch (-want +got):`,
			`case "#2": rule "local.second" panicked: runtime error: index out of range [1] with length 0`,
		}},
		{"rule not deterministic", flips, []Case{{Name: "flips", Register: nameless("A"), Want: accountability.Findings{
			{Rule: "local.flips", Severity: accountability.Error, Path: "powers[A]", Message: "power A has no name"}}}}, []string{
			`case "flips": rule "local.flips" is not deterministic: findings of run 1 and run 2 mismatch (-run 1 +run 2):`,
		}},
		{"rule ranges over a map", joins, []Case{{Name: "joins", Register: nameless("A")}}, []string{
			`case "joins": rule "local.joins" is not deterministic: findings of run 1 and run `,
			`case "joins": findings mismatch (-want +got):`,
		}},
		{"rule panics on a later run", later, []Case{{Name: "later"}}, []string{
			`case "later": rule "local.later" panicked on run 2: cache`,
		}},
		{"no cases", noName, nil, []string{"accountabilitytest: Run: no cases "}},
		{"empty cases", noName, []Case{}, []string{"accountabilitytest: Run: no cases "}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var rec tablecase.Recorder
			Run(&rec, tt.rule, tt.cases)
			rec.Check(t, "Run", tt.want)
		})
	}
}

func TestRunFile(t *testing.T) {
	RunFile(t, noName, "testdata/name.json")
}

func TestReadCases(t *testing.T) {
	got, err := ReadCases(strings.NewReader(`[{"name":"a","register":{"powers":[{"code":"A","category":"许可"}]},"want":[{"rule":"r","severity":"warning","path":"p","message":"m"}]},{}]`))
	if err != nil {
		t.Fatal(err)
	}
	want := []Case{
		{Name: "a", Register: &accountability.Register{Powers: []accountability.Power{{Code: "A", Category: accountability.Licensing}}},
			Want: accountability.Findings{{Rule: "r", Severity: accountability.Warning, Path: "p", Message: "m"}}},
		{},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("ReadCases mismatch (-want +got):\n%s", diff)
	}
	for _, bad := range []string{
		`[{"name":"x","regsiter":{}}]`,                        // a misspelt key
		`[{"register":{"powers":[{"code":"A","nmae":"甲"}]}}]`, // a misspelt key deep inside
		`{}`,    // not an array
		`[] []`, // data after the array
		`[{"want":[{"rule":"r","severity":"fatal"}]}]`,           // no such severity
		`[{"register":{"units":[{"id":"S","kind":"village"}]}}]`, // no such unit kind
		``,
	} {
		if _, err := ReadCases(strings.NewReader(bad)); err == nil || !strings.HasPrefix(err.Error(), "accountabilitytest: reading cases: ") {
			t.Errorf("ReadCases(%s) error = %v, want one beginning \"accountabilitytest: reading cases: \"", bad, err)
		}
	}
}
