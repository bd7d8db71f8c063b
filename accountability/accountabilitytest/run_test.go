package accountabilitytest

import (
	"strings"
	"testing"

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
	// panics indexes past the end of a register with fewer than two
	// powers, as a rule written for a sound register may.
	panics := accountability.Rule{Name: "local.second", Doc: "local.second: looks at the second power", Check: func(r *accountability.Register, report func(accountability.Finding)) {
		if r.Powers[1].Name == "" {
			report(accountability.Finding{Message: "second power has no name"})
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
		{"rule modifies the register", modifies, []Case{{Name: "m", Register: nameless("A")}, {Name: "empty"}},
			[]string{`case "m": rule "bad" modified the register it checked`}},
		{"rule panics", panics, []Case{{Name: "one power", Register: nameless("A")}, {Name: "two", Register: nameless("A", "B")}, {}}, []string{
			`case "one power": rule "local.second" panicked: runtime error: index out of range [1] with length 1`,
			`case "two": findings mismatch (-want +got):`,
			`case "#2": rule "local.second" panicked: runtime error: index out of range [1] with length 0`,
		}},
		{"no cases", noName, nil, nil},
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
