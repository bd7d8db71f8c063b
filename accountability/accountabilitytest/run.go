package accountabilitytest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"sort"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/qingdan/qingdan/accountability"
)

// Testing is the part of [testing.TB] that [Run] needs, so that Run can be
// used with a *testing.T, a *testing.B or a fake of the caller's own. If the
// value also has a Helper method (as testing.TB does), Run calls it.
type Testing interface {
	Errorf(format string, args ...any)
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
func Run(t Testing, rule accountability.Rule, r *accountability.Register, want accountability.Findings) accountability.Findings {
	if h, ok := t.(interface{ Helper() }); ok {
		h.Helper()
	}
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

// RunCases runs rule over each case in a subtest named after the case (or
// its position, if it has no name) and compares findings as [Run] does.
func RunCases(t *testing.T, rule accountability.Rule, cases []Case) {
	t.Helper()
	for i, c := range cases {
		name := c.Name
		if name == "" {
			name = fmt.Sprint(i)
		}
		t.Run(name, func(t *testing.T) {
			t.Helper()
			Run(t, rule, c.Register, c.Want)
		})
	}
}

// ReadCases decodes a JSON array of [Case]s strictly: an unknown field is an
// error, so that a misspelt key cannot make a case pass.
func ReadCases(data []byte) ([]Case, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
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
// read or decoded fails the test.
func RunFile(t *testing.T, rule accountability.Rule, path string) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("accountabilitytest: %v", err)
	}
	cases, err := ReadCases(data)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	RunCases(t, rule, cases)
}
