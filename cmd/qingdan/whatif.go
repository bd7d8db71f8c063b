package main

import (
	"bytes"
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
		return env.Errorf(command.Usage, "决策表 %s: %v", command.Name(f.table), jsonError(b, err))
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
			return env.Errorf(command.Usage, "事实 %s: %v", command.Name(f.facts), jsonError(b, err))
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
	if err := env.Print(f.json, w, func() { printWhatIf(env, &w, tab) }); err != nil {
		return env.Errorf(command.Usage, "%v", err)
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
