package main

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/qingdan/qingdan/cmd/qingdan/internal/command"
)

// caseResult is one case's outcome, and its JSON form.
type caseResult struct {
	Name     string   `json:"name"`
	Pass     bool     `json:"pass"`
	Messages []string `json:"messages,omitempty"`
}

// tested is what test reports, and its JSON form: Coverage is the
// coverage of the table (scoringtest.Coverage) or the sheet
// (assessmenttest.Coverage), Unreached its rows no case reached.
type tested struct {
	Table     string       `json:"table,omitempty"`
	Sheet     string       `json:"sheet,omitempty"`
	Cases     []caseResult `json:"cases"`
	Passed    int          `json:"passed"`
	Failed    int          `json:"failed"`
	Coverage  any          `json:"coverage,omitempty"`
	Unreached any          `json:"unreached,omitempty"`
	rows      []coverRow   // the coverage, to print
}

// coverRow is a row of a table or an item of a sheet, and the cases that
// reached it.
type coverRow struct {
	n     int
	name  string
	cases []string
}

// collect is a scoringtest.Testing and an assessmenttest.Testing that
// keeps the messages.
type collect []string

// Errorf keeps the message.
func (c *collect) Errorf(format string, args ...any) { *c = append(*c, fmt.Sprintf(format, args...)) }

// Run runs qingdan test on the files args and returns its exit code.
func (f *testOptions) Run(env *command.Env, args []string) int {
	const limit = 16 << 20 // LoadTable's, LoadSheet's and ReadCases' bound
	policy, err := env.Read(args[0], limit)
	if err != nil {
		return env.Errorf(command.Usage, "%v", err)
	}
	var files [][]byte
	for _, name := range args[1:] {
		b, err := env.Read(name, limit)
		if err != nil {
			return env.Errorf(command.Usage, "%v", err)
		}
		files = append(files, b)
	}
	load := tableKit.suite
	if hasMember(policy, "items") {
		load = sheetKit.suite
	}
	s, err := load(policy, files, args)
	if err != nil {
		return env.Errorf(command.Usage, "%v", err)
	}
	out := s.run(f.coverage || f.require)
	if err := env.Print(f.json, out, func() { printTested(env, out, s) }); err != nil {
		return env.Errorf(command.Usage, "%v", err)
	}
	if out.Failed > 0 || f.require && out.unreached() > 0 {
		return command.Failed
	}
	return command.OK
}

// unreached counts the rows no case reached.
func (t *tested) unreached() int {
	n := 0
	for _, r := range t.rows {
		if len(r.cases) == 0 {
			n++
		}
	}
	return n
}

// hasMember reports whether b is a JSON object with the member name.
func hasMember(b []byte, name string) bool {
	var members map[string]json.RawMessage
	if json.Unmarshal(b, &members) != nil {
		return false
	}
	_, ok := members[name]
	return ok
}

// printTested writes the outcome of each case, the coverage when asked
// for, and the counts, in Chinese.
func printTested(env *command.Env, t *tested, s *suite) {
	w := env.Stdout
	for _, c := range t.Cases {
		if c.Pass {
			fmt.Fprintf(w, "通过   %s\n", c.Name)
			continue
		}
		fmt.Fprintf(w, "未通过 %s\n", c.Name)
		for _, m := range c.Messages {
			fmt.Fprintf(w, "    %s\n", strings.ReplaceAll(strings.TrimSpace(m), "\n", "\n    "))
		}
	}
	if t.rows != nil {
		fmt.Fprintf(w, "覆盖：%s %q 共 %d %s%s，用到 %d %s\n", s.what, s.version, len(t.rows), s.unit, s.row, len(t.rows)-t.unreached(), s.unit)
		for _, r := range t.rows {
			row := fmt.Sprintf("%s %d", s.row, r.n)
			if r.name != "" {
				row += fmt.Sprintf(" %q", r.name)
			}
			if len(r.cases) == 0 {
				fmt.Fprintf(w, "  %s：未用到\n", row)
			} else {
				fmt.Fprintf(w, "  %s：%d 个用例（%s）\n", row, len(r.cases), strings.Join(r.cases, "、"))
			}
		}
	}
	fmt.Fprintf(w, "%s %q：用例 %d 个，通过 %d 个，未通过 %d 个\n", s.what, s.version, len(t.Cases), t.Passed, t.Failed)
}
