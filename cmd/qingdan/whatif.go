package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"io"

	"github.com/qingdan/qingdan/cmd/qingdan/internal/command"
	"github.com/qingdan/qingdan/internal/jsonx"
	"github.com/qingdan/qingdan/journal"
	"github.com/qingdan/qingdan/matters/workday"
	"github.com/qingdan/qingdan/scoring"
	"github.com/qingdan/qingdan/scoring/reason"
	"github.com/qingdan/qingdan/whatif"
)

// whatifOptions are the flags of qingdan whatif.
type whatifOptions struct {
	table, facts, catalog, period string
	json                          bool
}

// Flags binds the flags of qingdan whatif to f.
func (f *whatifOptions) Flags(fs *flag.FlagSet) {
	fs.StringVar(&f.table, "table", "", "假设采用的决策表（JSON `文件`）")
	fs.StringVar(&f.facts, "facts", "", "评定所依据的事实（JSON `文件`）")
	fs.StringVar(&f.catalog, "catalog", "", "清单目录（JSON `文件`），从日志读出事实")
	fs.StringVar(&f.period, "period", "", "排名的`期间`：年 2020、月 2020-06、周 2020-W23 或日 2020-06-01")
	fs.BoolVar(&f.json, "json", false, "以 JSON 输出变化，供程序读取")
}

// whatifCmd is qingdan whatif.
var whatifCmd = &command.Command{
	Name:  "whatif",
	Args:  "-table 决策表.json [-facts 事实.json | -catalog 清单目录.json] -period 期间 [-json] 日志.jsonl",
	Short: "假如换一张决策表：把日志记录的评价按原来的事实重新评定，列出等级和排名的变化",
	Long: `日志经校验后重建评价台账（已计入更正），记录不被改动。每项评价所依据的事实有三种来源：
默认取日志随每项评价记下的事实（决策记录；更正记有事实时取最后一次更正的），日志没有记下时退出码为 2；
-facts 给出评定时的事实（JSON 数组，每项如 scoringtest 用例的 facts），按事项、被评单位、评价人和阶段与评价对应；
-catalog 给出清单目录（其中的基层治理事项清单），从日志记下的事项经过按派单所依据的清单版本读出事实——
事项经过里没有街道对办理质量的评判（quality）等，这些事实按未给出计。
-period 给出排名的期间：年（2020）、月（2020-06）、周（2020-W23）或日（2020-06-01）。
有等级或排名变化时退出码为 1，没有时为 0；输入无法读取、日志校验不符或事实与评价对不上时为 2。`,
	Examples: []string{
		"qingdan whatif -table policy-strict.json -period 2020 wuhu.jsonl",
		"qingdan whatif -table policy-strict.json -facts facts.json -period 2020 graded.jsonl",
		"qingdan whatif -json -table policy-strict.json -catalog lists.json -period 2020-06 wuhu.jsonl",
	},
	Setup:   command.Bind[whatifOptions],
	MinArgs: 1, MaxArgs: 1,
}

// Run runs qingdan whatif on the files args and returns its exit code.
func (f *whatifOptions) Run(env *command.Env, args []string) int {
	if f.table == "" || f.period == "" || f.facts != "" && f.catalog != "" {
		return env.UsageError("应给出 -table 和 -period；-facts 和 -catalog 至多给出一个")
	}
	p, err := scoring.ParsePeriod(f.period)
	if err != nil {
		return env.UsageError("-period %q：应为年（2020）、月（2020-06）、周（2020-W23）或日（2020-06-01）", f.period)
	}
	b, err := env.Read(f.table, 16<<20)
	if err != nil {
		return env.Errorf(command.Usage, "%v", err)
	}
	tab, err := scoring.LoadTable(bytes.NewReader(b))
	if err != nil {
		return env.Errorf(command.Usage, "决策表 %s: %v", f.table, err)
	}
	source := whatif.Recorded
	regrade := func(r io.Reader) (whatif.Report, error) { return whatif.RegradeJournal(r, nil, source, tab, p) }
	switch {
	case f.facts != "":
		b, err := env.Read(f.facts, 256<<20)
		if err != nil {
			return env.Errorf(command.Usage, "%v", err)
		}
		var facts []scoring.Facts
		if err := jsonx.Decode(b, &facts); err != nil {
			return env.Errorf(command.Usage, "事实 %s: %v", f.facts, err)
		}
		regrade = func(r io.Reader) (whatif.Report, error) {
			rebuilt, err := journal.Rebuild(r, nil)
			if err != nil {
				return whatif.Report{}, err
			}
			return whatif.Regrade(rebuilt.Book, facts, tab, p)
		}
	case f.catalog != "":
		d, err := loadDocument(env, f.catalog, "catalog")
		if err != nil {
			return env.Errorf(command.Usage, "%v", err)
		}
		source = whatif.FactsFor(workday.China(), d.catalog.RouteOf)
	}
	r, err := env.Open(args[0])
	if err != nil {
		return env.Errorf(command.Usage, "%v", err)
	}
	defer r.Close()
	w, err := regrade(r)
	if err != nil { // a journal that does not verify, or facts that do not fit it
		return env.Errorf(command.Usage, "%s: %v", command.Name(args[0]), err)
	}
	if f.json {
		b, err := json.Marshal(w)
		if err != nil {
			return env.Errorf(command.Usage, "%v", err)
		}
		fmt.Fprintf(env.Stdout, "%s\n", b)
	} else {
		printWhatIf(env, &w, tab)
	}
	if len(w.Changes)+len(w.Subjects) > 0 {
		return command.Failed
	}
	return command.OK
}

// printWhatIf writes the changed evaluations, each with the reasons on
// both sides, and the changed scores, in Chinese, grades by their labels
// on tab's scale.
func printWhatIf(env *command.Env, w *whatif.Report, tab *scoring.Table) {
	out := env.Stdout
	label := func(code string) string {
		for _, g := range tab.Scale {
			if g.Code == code && g.Label != "" {
				return g.Label
			}
		}
		return code
	}
	fmt.Fprintf(out, "按决策表 %q 重新评定：评价变化 %d 项，单位得分或排名变化 %d 个\n", tab.Version, len(w.Changes), len(w.Subjects))
	for _, c := range w.Changes {
		stage := ""
		if c.Stage > 0 {
			stage = fmt.Sprintf(" 第 %d 阶段", c.Stage)
		}
		fmt.Fprintf(out, "  %s %s（评价人 %s%s）：%s %s → %s %s\n", c.Matter, c.Subject, c.Evaluator, stage,
			label(c.Old.Grade), c.Old.Points, label(c.New.Grade), c.New.Points)
		for _, side := range []struct {
			name string
			r    scoring.Result
		}{{"原", c.Old}, {"新", c.New}} {
			for _, r := range side.r.Reasons {
				fmt.Fprintf(out, "    %s：%s\n", side.name, r.In(reason.Chinese))
			}
		}
	}
	for _, s := range w.Subjects {
		fmt.Fprintf(out, "  %s：综合 %s 第 %d 名 → %s 第 %d 名\n", s.Subject,
			s.Old.Composite.StringFixed(2), s.Old.Rank, s.New.Composite.StringFixed(2), s.New.Rank)
	}
}
