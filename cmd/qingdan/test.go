package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"strings"

	"github.com/qingdan/qingdan/cmd/qingdan/internal/command"
)

// testOptions are the flags of qingdan test.
type testOptions struct {
	json, coverage, require bool
}

// Flags binds the flags of qingdan test to f.
func (f *testOptions) Flags(fs *flag.FlagSet) {
	fs.BoolVar(&f.json, "json", false, "以 JSON 输出结果，供程序读取")
	fs.BoolVar(&f.coverage, "coverage", false, "列出每行规则（每个考核项目）的覆盖情况")
	fs.BoolVar(&f.require, "require-coverage", false, "有规则或项目未被任何用例用到时判为不通过（退出码 1）")
}

// testCmd is qingdan test.
var testCmd = &command.Command{
	Name:  "test",
	Args:  "[-json] [-coverage] [-require-coverage] 决策表或考核细则.json 用例.json…",
	Short: "用用例文件检验决策表或考核细则：逐个用例报告通过与否，-coverage 列出每行规则（每个考核项目）由哪些用例用到、哪些从未用到",
	Long: `第一个文件是决策表（有 rules）或考核细则（有 items），按内容判断。用例文件是 JSON 数组，每个用例有 name、
facts（事实）、want（应得的结果）或 err（应拒绝，错误含此文字），与 scoringtest.ReadCases 或
assessmenttest.ReadCases 所读相同。有用例未通过时退出码为 1；给出 -require-coverage 时，有规则或项目
未被任何用例用到也为 1。`,
	Examples: []string{
		"qingdan test policy.json cases.json",
		"qingdan test -coverage -require-coverage policy.json cases.json more-cases.json",
		"qingdan test -coverage sheet.json sheet-cases.json",
	},
	Setup:   command.Bind[testOptions],
	MinArgs: 2, MaxArgs: -1,
}

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
	if f.json {
		b, err := json.Marshal(out)
		if err != nil {
			return env.Errorf(command.Usage, "%v", err)
		}
		fmt.Fprintf(env.Stdout, "%s\n", b)
	} else {
		printTested(env, out, s)
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
	if json.Unmarshal(bytes.TrimPrefix(b, []byte("\uFEFF")), &members) != nil {
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
