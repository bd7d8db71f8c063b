package accountabilitytest

import (
	"cmp"
	"fmt"
	"io"
	"reflect"
	"slices"

	gocmp "github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/qingdan/qingdan/accountability"
	"github.com/qingdan/qingdan/internal/tablecase"
)

// Testing is the part of *testing.T the helpers use: *testing.T,
// *testing.B and *testing.F satisfy it, and so can a fake. If t also has a
// Helper method, as they do, the helpers call it, so that failures are
// reported at the caller's line. It is the same as scoringtest.Testing.
type Testing interface {
	Errorf(format string, args ...any)
}

// Case is one register and the findings a rule should report on it. In a
// file read by [ReadCases], cases are a JSON array of objects with the keys
// "name", "register" and "want".
type Case struct {
	Name     string                   `json:"name"`
	Register *accountability.Register `json:"register"`
	Want     accountability.Findings  `json:"want,omitempty"`
}

// Run runs rule, and only rule, over the register of each case and
// compares its findings with the case's Want, in any order (a nil Want and
// an empty one are the same). It reports through t.Errorf:
//
//   - a rule that cannot run (no name, no Doc or no Check, or the name of
//     a built-in rule, which Register.Validate reports rather than runs
//     beside the built-ins), in which case no case runs;
//
//   - for each case, a rule that panics (the panic is recovered, and the
//     next case runs), a rule that modified the register (compared, by
//     reflect.DeepEqual, with a deep copy taken before the rule ran, so
//     that any register is checked, one that encoding/json cannot write
//     too), a rule that, run 64 times over the register, panics or finds
//     otherwise on a later run (it keeps state, or ranges over a map), and
//     findings of the first run that differ from Want, as
//
//     case "no duties": findings mismatch (-want +got):
//     …
//
// A case with no Name is named by its position, "#0", "#1", …; a case with
// no Register runs over an empty one.
//
// No cases at all (nil or an empty slice) fail the test too, as a file of
// none does with [RunFile]: a table that asserts nothing must not pass.
//
//	accountabilitytest: Run: no cases (nil or empty): a table of no cases tests nothing
func Run(t Testing, rule accountability.Rule, cases []Case) {
	if h, ok := t.(interface{ Helper() }); ok {
		h.Helper()
	}
	if len(cases) == 0 {
		tablecase.NoCases(t, "accountabilitytest")
	}
	run(t, rule, cases, nil)
}

// run is [Run] of cases that begin where at says, as [tablecase.Where]
// names them.
func run(t Testing, rule accountability.Rule, cases []Case, at []string) {
	if h, ok := t.(interface{ Helper() }); ok {
		h.Helper()
	}
	if err := runnable(rule); err != nil {
		t.Errorf("rule %q cannot run: %v", rule.Name, err)
		return
	}
	for i, c := range cases {
		where := tablecase.Where(at, c.Name, i)
		r := c.Register
		if r == nil {
			r = &accountability.Register{}
		}
		// A deep copy, which cannot fail, rather than the register's JSON,
		// which a register holding a value JSON cannot write has none of.
		before := deepCopy(reflect.ValueOf(r)).Interface()
		got, panicked := once(r, rule)
		if panicked != nil {
			t.Errorf("%s: rule %q panicked: %v", where, rule.Name, panicked)
			continue
		}
		if !reflect.DeepEqual(before, r) {
			t.Errorf("%s: rule %q modified the register it checked", where, rule.Name)
		} else if why := again(r, rule, got); why != "" {
			t.Errorf("%s: rule %q %s", where, rule.Name, why)
		}
		if diff := gocmp.Diff(sorted(c.Want), sorted(got), cmpopts.EquateEmpty()); diff != "" {
			t.Errorf("%s: findings mismatch (-want +got):\n%s", where, diff)
		}
	}
}

// runnable returns why rule cannot run beside the built-in rules, as
// [accountability.Register.Validate] runs a host's rules, or nil: it has
// no name, no Doc or no Check, or it takes a built-in's name, which
// Validate reports as a finding of rule.invalid instead of running it.
func runnable(rule accountability.Rule) error {
	if err := accountability.CheckRules(rule); err != nil {
		return err
	}
	for _, b := range accountability.Rules() {
		if b.Name == rule.Name {
			return fmt.Errorf("accountability: its name is a built-in rule's, which Register.Validate would report (%s) rather than run it: %w",
				accountability.RuleInvalid, accountability.ErrRule)
		}
	}
	return nil
}

// runs is how many times Run runs a rule over each register: enough for a
// rule that ranges over a map to give its findings in another form, all
// but surely, though a small map gives its keys in the same order about
// three times in four.
const runs = 64

// once runs rule over r, turning a panic into a value.
func once(r *accountability.Register, rule accountability.Rule) (accountability.Findings, any) {
	got, panicked, _ := tablecase.Call(func() (accountability.Findings, error) { return r.Run(rule), nil })
	return got, panicked
}

// again runs rule over r runs-1 times more and says how a run panics or
// finds other than first, the findings of the first, or returns "".
func again(r *accountability.Register, rule accountability.Rule, first accountability.Findings) string {
	for n := 2; n <= runs; n++ {
		got, panicked := once(r, rule)
		if panicked != nil {
			return fmt.Sprintf("panicked on run %d: %v", n, panicked)
		}
		if diff := gocmp.Diff(sorted(first), sorted(got), cmpopts.EquateEmpty()); diff != "" {
			return fmt.Sprintf("is not deterministic: findings of run 1 and run %d mismatch (-run 1 +run %d):\n%s", n, n, diff)
		}
	}
	return ""
}

// sorted returns a sorted copy, so that the order of findings is no part
// of the comparison.
func sorted(fs accountability.Findings) accountability.Findings {
	out := slices.Clone(fs)
	slices.SortStableFunc(out, func(a, b accountability.Finding) int {
		return cmp.Or(cmp.Compare(a.Path, b.Path), cmp.Compare(a.Rule, b.Rule),
			cmp.Compare(a.Severity, b.Severity), cmp.Compare(a.Message, b.Message), cmp.Compare(a.Chinese, b.Chinese))
	})
	return out
}

// RunFile reads the cases of the JSON file at path, usually under
// testdata, with [ReadCases] and runs them with [Run], naming each case
// that fails by the file and the line it begins on:
//
//	testdata/stages.json:12: case "no duties": findings mismatch (-want +got):
//
// A file that cannot be read or decoded, or that holds no cases, is
// reported through t.Errorf, naming the package and the file once each,
// and nothing is run:
//
//	accountabilitytest: testdata/stages.json:3:5: reading cases: …
func RunFile(t Testing, rule accountability.Rule, path string) {
	if h, ok := t.(interface{ Helper() }); ok {
		h.Helper()
	}
	if cs, at, ok := tablecase.Load[Case](t, "accountabilitytest", accountability.ErrInvalid, path); ok {
		run(t, rule, cs, at)
	}
}

// ReadCases reads a JSON array of [Case]s strictly: a field a case or its
// register does not have (a misspelt key must not make a case pass), a key
// given twice or in another case, text that is not UTF-8, anything after
// the array, more than 16 MiB and no cases at all (which would test
// nothing) are errors, each wrapping accountability.ErrInvalid.
func ReadCases(r io.Reader) ([]Case, error) {
	return tablecase.Read[Case]("accountabilitytest", accountability.ErrInvalid, r)
}
