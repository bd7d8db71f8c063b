package accountabilitytest

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/qingdan/qingdan/accountability"
)

// fakeT records what the helpers report.
type fakeT struct {
	errors  []string
	fatals  []string
	helpers int
}

func (f *fakeT) Errorf(format string, args ...any) {
	f.errors = append(f.errors, fmt.Sprintf(format, args...))
}
func (f *fakeT) Fatalf(format string, args ...any) {
	f.fatals = append(f.fatals, fmt.Sprintf(format, args...))
}
func (f *fakeT) Helper() { f.helpers++ }

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
	tests := []struct {
		name       string
		rule       accountability.Rule
		register   *accountability.Register
		want       accountability.Findings
		wantErrors []string // substrings, one per reported error
	}{
		{"match", noName, nameless("A", "B"), accountability.Findings{finding("A"), finding("B")}, nil},
		{"order does not matter", noName, nameless("A", "B"), accountability.Findings{finding("B"), finding("A")}, nil},
		{"nothing wanted, nothing found", noName, nameless(), nil, nil},
		{"nil register", noName, nil, accountability.Findings{}, nil},
		{"missing finding", noName, nameless("A", "B"), accountability.Findings{finding("A")},
			[]string{`rule "local.name": findings mismatch (-want +got):`}},
		{"unexpected message", noName, nameless("A"), accountability.Findings{{Rule: "local.name", Severity: accountability.Error, Path: "powers[A]", Message: "other"}},
			[]string{"mismatch (-want +got)"}},
		{"rule cannot run", accountability.Rule{Name: "x"}, nameless("A"), nil,
			[]string{`rule "x" cannot run`}},
		{"rule modifies the register", accountability.Rule{Name: "bad", Doc: "bad: modifies", Check: func(r *accountability.Register, _ func(accountability.Finding)) {
			r.Powers[0].Name = "changed"
		}}, nameless("A"), nil, []string{`rule "bad" modified the register`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ft := &fakeT{}
			Run(ft, tt.rule, tt.register, tt.want)
			if len(ft.errors) != len(tt.wantErrors) {
				t.Fatalf("Run reported %d errors, want %d: %q", len(ft.errors), len(tt.wantErrors), ft.errors)
			}
			for i, w := range tt.wantErrors {
				if !strings.Contains(ft.errors[i], w) {
					t.Errorf("error %d = %q, want it to contain %q", i, ft.errors[i], w)
				}
			}
			if ft.helpers == 0 {
				t.Error("Run did not call Helper")
			}
		})
	}
}

func TestRunReturnsFindings(t *testing.T) {
	got := Run(t, noName, nameless("B", "A"), accountability.Findings{finding("A"), finding("B")})
	if len(got) != 2 || got[0].Path != "powers[B]" {
		t.Errorf("Run returned %v, want the findings in the order reported", got)
	}
}

func TestRunCases(t *testing.T) {
	RunCases(t, noName, []Case{
		{Name: "clean", Register: &accountability.Register{Powers: []accountability.Power{{Code: "A", Name: "甲"}}}},
		{Register: nameless("A"), Want: accountability.Findings{finding("A")}},
	})
}

func TestRunFile(t *testing.T) {
	RunFile(t, noName, "testdata/name.json")
}

// TestRunCasesWithoutSubtests runs cases through a TB that has no Run
// method: each message names its case.
func TestRunCasesWithoutSubtests(t *testing.T) {
	ft := &fakeT{}
	RunCases(ft, noName, []Case{
		{Name: "clean", Register: nameless("A"), Want: accountability.Findings{finding("A")}},
		{Register: nameless("A")},
	})
	if len(ft.errors) != 1 || !strings.HasPrefix(ft.errors[0], `case "1": rule "local.name": findings mismatch (-want +got):`) {
		t.Errorf("RunCases reported %q, want one mismatch of case \"1\"", ft.errors)
	}
}

func TestRunFileFailures(t *testing.T) {
	for _, c := range []struct{ path, want string }{
		{"testdata/no-such-file.json", "accountabilitytest: open testdata/no-such-file.json"},
		{"run.go", "accountabilitytest: run.go: accountabilitytest: reading cases:"},
	} {
		ft := &fakeT{}
		RunFile(ft, noName, c.path)
		if len(ft.fatals) != 1 || !strings.HasPrefix(ft.fatals[0], c.want) || len(ft.errors) != 0 {
			t.Errorf("RunFile(%q): fatal %q, errors %q; want one fatal beginning %q", c.path, ft.fatals, ft.errors, c.want)
		}
	}
}

func TestReadCases(t *testing.T) {
	for _, bad := range []string{`[{"name":"x","regsiter":{}}]`, `{}`, `[] []`, `[{"want":[{"rule":"r","severity":"fatal"}]}]`} {
		if _, err := ReadCases(strings.NewReader(bad)); err == nil {
			t.Errorf("ReadCases(%s) error = nil", bad)
		}
	}
}

func FuzzReadCases(f *testing.F) {
	f.Add([]byte(`[{"name":"a","register":{"powers":[{"code":"A"}]},"want":[{"rule":"local.name","severity":"error","path":"powers[A]","message":"m"}]}]`))
	f.Fuzz(func(t *testing.T, data []byte) {
		cases, err := ReadCases(bytes.NewReader(data))
		if err != nil {
			return
		}
		for _, c := range cases {
			Run(&fakeT{}, noName, c.Register, c.Want)
		}
	})
}
