package main

import (
	"strings"
	"time"

	"github.com/qingdan/qingdan/accountability"
	"github.com/qingdan/qingdan/examples/internal/cli"
	"github.com/qingdan/qingdan/matters"
	"github.com/qingdan/qingdan/matters/workday"
)

// loadLists reads data/lists.json: the sub-district's governance matter
// list (with its 2019 revision in the history), admission lists and key
// tasks, which the catalog joins to the register.
func loadLists(reg *accountability.Register) (*matters.Catalog, error) {
	c, err := cli.Read(dataFS, "data/lists.json", matters.LoadCatalog)
	if err != nil {
		return nil, err
	}
	c.Register = reg
	return c, nil
}

// adoption describes a revision: "已公布，2020-03-01 起施行（巢湖市委编办 2020-02-20 审定）".
func adoption(a accountability.Adoption) string {
	if a.Status == 0 {
		return "未记录审定情况"
	}
	s := a.Status.Label()
	if !a.Effective.IsZero() {
		s += "，" + a.Effective.Format(time.DateOnly) + " 起施行"
	}
	if a.ApprovedBy != "" {
		s += "（" + a.ApprovedBy + " " + a.ApprovedAt.Format(time.DateOnly) + " 审定）"
	}
	return s
}

// crossCheck prints the catalog's lists, which revision of the governance
// matter list was in force before the current one and what changed, and
// the findings of the cross-checks, in Chinese. It returns the findings.
func (r *report) crossCheck(c *matters.Catalog) accountability.Findings {
	r.printf("  清单联动校验（两单一图一点、基层治理事项清单、事项准入清单、重点任务）：\n")
	r.printf("    基层治理事项清单 %s 版：%d 条，%s\n", c.Directory.Version, len(c.Directory.Routes), adoption(c.Directory.Adoption))
	r.printf("    事项准入清单 %s 版：%d 项，%s\n", c.Admission.Version, len(c.Admission.Items), adoption(c.Admission.Adoption))
	r.printf("    重点任务 %d 项\n", len(c.KeyTasks))
	before := c.Directory.Effective.Add(-24 * time.Hour).In(workday.CST())
	if old := c.At(before).Directory; old != nil {
		var changes []string
		count := map[accountability.ChangeKind]int{}
		for _, ch := range matters.DiffDirectory(old, c.Directory) {
			count[ch.Kind]++
			if ch.Kind == accountability.Changed {
				changes = append(changes, ch.Key+"（"+strings.Join(ch.Fields, "、")+"）")
			}
		}
		detail := ""
		if len(changes) > 0 {
			detail = "：" + strings.Join(changes, "、")
		}
		r.printf("    %s 施行的是 %s 版；%s 版 → %s 版：新增 %d 条，删除 %d 条，变更 %d 条%s\n", before.Format(time.DateOnly), old.Version,
			old.Version, c.Directory.Version, count[accountability.Added], count[accountability.Removed], count[accountability.Changed], detail)
	}
	fs := c.Validate()
	r.printf("    联动校验：%d 个错误，%d 个警告\n", len(fs.Errors()), len(fs.Warnings()))
	r.findings(fs)
	return fs
}
