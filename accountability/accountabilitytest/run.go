package accountabilitytest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"sort"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/qingdan/qingdan/accountability"
)

// TB is the part of [testing.TB] the helpers use: *testing.T, *testing.B
// and *testing.F satisfy it, and so can a fake of the caller's own. It is
// the same as scoringtest.TB.
type TB interface {
	Helper()
	Errorf(format string, args ...any)
	Fatalf(format string, args ...any)
}

// Run runs rule, and only rule, over r and compares its findings with want,
// in any order. It reports through t.Errorf:
//   - a rule that cannot run (no name, no Doc or no Check), in which case
//     nothing else is checked;
//   - a rule that modified the register (compared by its JSON);
//   - findings that differ from want, as "mismatch (-want +got)" with a
//     go-cmp diff. A nil want and an empty one are the same.
//
// It returns the findings, in the order the rule reported them, for any
// further checks. A nil register runs as an empty one.
func Run(t TB, rule accountability.Rule, r *accountability.Register, want accountability.Findings) accountability.Findings {
	t.Helper()
	if err := accountability.CheckRules(rule); err != nil {
		t.Errorf("rule %q cannot run: %v", rule.Name, err)
		return nil
	}
	if r == nil {
		r = &accountability.Register{}
	}
	before, errBefore := json.Marshal(r)
	got := r.Run(rule)
	if after, errAfter := json.Marshal(r); errBefore == nil && errAfter == nil && !bytes.Equal(before, after) {
		t.Errorf("rule %q modified the register it checked", rule.Name)
	}
	if diff := cmp.Diff(sorted(want), sorted(got), cmpopts.EquateEmpty()); diff != "" {
		t.Errorf("rule %q: findings mismatch (-want +got):\n%s", rule.Name, diff)
	}
	return got
}

// sorted returns a sorted copy, so that the order of findings is no part
// of the comparison.
func sorted(fs accountability.Findings) accountability.Findings {
	out := append(accountability.Findings(nil), fs...)
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.Path != b.Path {
			return a.Path < b.Path
		}
		if a.Rule != b.Rule {
			return a.Rule < b.Rule
		}
		if a.Severity != b.Severity {
			return a.Severity < b.Severity
		}
		return a.Message < b.Message
	})
	return out
}

// Case is one register and the findings a rule should report on it. In a
// file read by [RunFile], cases are a JSON array of objects with the keys
// "name", "register" and "want".
type Case struct {
	Name     string                   `json:"name"`
	Register *accountability.Register `json:"register"`
	Want     accountability.Findings  `json:"want,omitempty"`
}

// RunCases runs rule over each case and compares findings as [Run] does.
// Each case is named after its Name, or its position if it has none: with
// a *testing.T, each runs in a subtest of that name; with another TB, the
// name begins each message about the case.
func RunCases(t TB, rule accountability.Rule, cases []Case) {
	t.Helper()
	sub, _ := t.(interface {
		Run(name string, f func(t *testing.T)) bool
	})
	for i, c := range cases {
		name := c.Name
		if name == "" {
			name = fmt.Sprint(i)
		}
		if sub == nil {
			Run(namedTB{t, name}, rule, c.Register, c.Want)
			continue
		}
		sub.Run(name, func(t *testing.T) {
			t.Helper()
			Run(t, rule, c.Register, c.Want)
		})
	}
}

// namedTB begins each message with the name of a case.
type namedTB struct {
	TB
	name string
}

func (n namedTB) Errorf(format string, args ...any) {
	n.TB.Helper()
	n.TB.Errorf("case %q: %s", n.name, fmt.Sprintf(format, args...))
}

func (n namedTB) Fatalf(format string, args ...any) {
	n.TB.Helper()
	n.TB.Fatalf("case %q: %s", n.name, fmt.Sprintf(format, args...))
}

// ReadCases decodes a JSON array of [Case]s strictly: an unknown field is an
// error, so that a misspelt key cannot make a case pass.
func ReadCases(r io.Reader) ([]Case, error) {
	dec := json.NewDecoder(r)
	dec.DisallowUnknownFields()
	var cases []Case
	if err := dec.Decode(&cases); err != nil {
		return nil, fmt.Errorf("accountabilitytest: reading cases: %w", err)
	}
	if dec.More() {
		return nil, fmt.Errorf("accountabilitytest: reading cases: data after the array")
	}
	return cases, nil
}

// RunFile reads cases from the JSON file at path (usually under testdata)
// with [ReadCases] and runs them with [RunCases]. A file that cannot be
// read or decoded is fatal.
func RunFile(t TB, rule accountability.Rule, path string) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatalf("accountabilitytest: %v", err)
		return
	}
	defer f.Close()
	cases, err := ReadCases(f)
	if err != nil {
		t.Fatalf("accountabilitytest: %s: %v", path, err)
		return
	}
	RunCases(t, rule, cases)
}
