package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"strings"

	"github.com/qingdan/qingdan/cmd/qingdan/internal/command"
	"github.com/qingdan/qingdan/scoring"
	"github.com/qingdan/qingdan/scoring/scoringtest"
)

// testOptions are the flags of qingdan test.
type testOptions struct {
	json, coverage, require bool
}

// testCmd is qingdan test.
var testCmd = &command.Command{
	Name:  "test",
	Args:  "[-json] [-coverage] [-require-coverage] 决策表.json 用例.json…",
	Short: "用用例文件检验决策表：逐个用例报告通过与否，-coverage 列出每行规则由哪些用例覆盖、哪些行从未用到",
	Long: `用例文件是 JSON 数组，每个用例有 name、facts（事实）、want（应得的等级和分数）或 err（应拒绝，错误含此文字），
与 scoringtest.ReadCases 所读相同。有用例未通过时退出码为 1；给出 -require-coverage 时，有规则未被任何用例用到也为 1。`,
	Examples: []string{
		"qingdan test policy.json cases.json",
		"qingdan test -coverage -require-coverage policy.json cases.json more-cases.json",
	},
	Setup: func(fs *flag.FlagSet) command.Runner {
		o := new(testOptions)
		fs.BoolVar(&o.json, "json", false, "以 JSON 输出结果，供程序读取")
		fs.BoolVar(&o.coverage, "coverage", false, "列出每行规则的覆盖情况")
		fs.BoolVar(&o.require, "require-coverage", false, "有规则未被任何用例用到时判为不通过（退出码 1）")
		return o.runTest
	},
	MinArgs: 2, MaxArgs: -1,
}

// caseResult is one case's outcome, and its JSON form.
type caseResult struct {
	Name     string   `json:"name"`
	Pass     bool     `json:"pass"`
	Messages []string `json:"messages,omitempty"`
}

// tested is what test reports, and its JSON form.
type tested struct {
	Table     string                `json:"table"`
	Cases     []caseResult          `json:"cases"`
	Passed    int                   `json:"passed"`
	Failed    int                   `json:"failed"`
	Coverage  *scoringtest.Coverage `json:"coverage,omitempty"`
	Unreached []scoringtest.Row     `json:"unreached,omitempty"`
}

// collect is a scoringtest.Testing that keeps the messages.
type collect []string

// Errorf keeps the message.
func (c *collect) Errorf(format string, args ...any) { *c = append(*c, fmt.Sprintf(format, args...)) }

// runTest runs the command on the files args and returns its exit code.
func (f *testOptions) runTest(env *command.Env, args []string) int {
	b, err := env.Read(args[0], 16<<20)
	if err != nil {
		return env.Errorf(command.Usage, "test", "%v", err)
	}
	tab, err := scoring.LoadTable(bytes.NewReader(b))
	if err != nil {
		return env.Errorf(command.Usage, "test", "决策表 %s: %v", command.Name(args[0]), err)
	}
	var cases []scoringtest.Case
	for _, name := range args[1:] {
		b, err := env.Read(name, 16<<20)
		if err == nil {
			var cs []scoringtest.Case
			cs, err = scoringtest.ReadCases(bytes.NewReader(b))
			cases = append(cases, cs...)
		}
		if err != nil {
			return env.Errorf(command.Usage, "test", "用例 %s: %v", command.Name(name), err)
		}
	}
	out := tested{Table: tab.Version, Cases: []caseResult{}}
	for i, c := range cases {
		var msgs collect
		scoringtest.Run(&msgs, tab, []scoringtest.Case{c})
		name := c.Name
		if name == "" {
			name = fmt.Sprintf("#%d", i)
		}
		out.Cases = append(out.Cases, caseResult{Name: name, Pass: len(msgs) == 0, Messages: msgs})
		if len(msgs) == 0 {
			out.Passed++
		} else {
			out.Failed++
		}
	}
	if f.coverage || f.require {
		cov := scoringtest.Cover(tab, cases)
		out.Coverage, out.Unreached = &cov, cov.Unreached()
	}
	if f.json {
		b, err := json.Marshal(out)
		if err != nil {
			return env.Errorf(command.Usage, "test", "%v", err)
		}
		fmt.Fprintf(env.Stdout, "%s\n", b)
	} else {
		printTested(env, &out)
	}
	if out.Failed > 0 || f.require && len(out.Unreached) > 0 {
		return command.Failed
	}
	return command.OK
}

// printTested writes the outcome of each case, the coverage when asked
// for, and the counts, in Chinese.
func printTested(env *command.Env, t *tested) {
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
	if t.Coverage != nil {
		fmt.Fprintf(w, "覆盖：决策表 %q 共 %d 行规则，用到 %d 行\n", t.Table, len(t.Coverage.Rows), len(t.Coverage.Rows)-len(t.Unreached))
		for _, r := range t.Coverage.Rows {
			row := fmt.Sprintf("规则 %d", r.Rule)
			if r.Name != "" {
				row += fmt.Sprintf(" %q", r.Name)
			}
			if len(r.Cases) == 0 {
				fmt.Fprintf(w, "  %s：未用到\n", row)
			} else {
				fmt.Fprintf(w, "  %s：%d 个用例（%s）\n", row, len(r.Cases), strings.Join(r.Cases, "、"))
			}
		}
	}
	fmt.Fprintf(w, "决策表 %q：用例 %d 个，通过 %d 个，未通过 %d 个\n", t.Table, len(t.Cases), t.Passed, t.Failed)
}
