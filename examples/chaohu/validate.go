package main

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/qingdan/qingdan/accountability"
)

// stagesRule is Chaohu's own rule, added to the built-ins: the duties of a
// penalty or a confirmation must cover the stages such a power runs
// through (accountability.StagesFor, which Power.MissingStages checks).
// The built-ins leave this out because localities differ; a locality that
// wants it writes a Rule like this one.
var stagesRule = accountability.Rule{
	Name: "chaohu.stages",
	Doc:  "a penalty or confirmation whose duties miss a stage of its procedure",
	Check: func(r *accountability.Register, report func(accountability.Finding)) {
		for _, p := range r.Powers {
			if p.Category != accountability.Penalty && p.Category != accountability.Confirmation {
				continue
			}
			var missing []string
			for _, s := range p.MissingStages() {
				missing = append(missing, s.Label())
			}
			if len(missing) > 0 {
				stages := strings.Join(missing, "、")
				report(accountability.Finding{
					Severity: accountability.Warning,
					Path:     "powers[" + p.Code + "].duties",
					Message:  fmt.Sprintf("power %s %q has no duty for %s", p.Code, p.Name, stages),
					Chinese:  fmt.Sprintf("权力%s（%s）的责任事项缺少%s环节", p.Name, p.Code, stages),
				})
			}
		}
	},
}

// validation prints the findings of the register, then those of a draft
// with deliberate defects. It returns the register's own findings.
func (r *report) validation() (accountability.Findings, error) {
	r.printf("六、校验（内置规则 %d 条，另加本地规则 %s）\n", len(accountability.Rules()), stagesRule.Name)
	fs := r.reg.Validate(stagesRule)
	r.printf("  %s %s 版：%d 个错误，%d 个警告\n", r.reg.Org, r.reg.Version, len(fs.Errors()), len(fs.Warnings()))
	r.findings(fs)

	draft, defects, err := brokenDraft(r.reg)
	if err != nil {
		return nil, err
	}
	dfs := draft.Validate(stagesRule)
	r.printf("  送审稿（故意引入 %d 处错误）：%d 个错误，%d 个警告\n", len(defects), len(dfs.Errors()), len(dfs.Warnings()))
	for i, d := range defects {
		r.printf("    引入 %d：%s\n", i+1, d)
	}
	r.findings(dfs.Errors())
	if err := dfs.Err(); err != nil {
		r.printf("  送审稿不能发布：Findings.Err() 返回 %d 个错误\n", len(dfs.Errors()))
	}
	return fs, nil
}

// brokenDraft returns a deep copy of reg with deliberate defects, each of
// which one built-in rule must catch, and a description of each defect. A
// defect whose target is missing from reg is left out.
func brokenDraft(reg *accountability.Register) (*accountability.Register, []string, error) {
	d, err := clone(reg)
	if err != nil {
		return nil, nil, err
	}
	d.Version += "（送审稿）"
	var defects []string
	for i := range d.Powers {
		if p := &d.Powers[i]; p.Code == "CF-002" && p.StatutoryDays > 0 {
			p.PromisedDays = p.StatutoryDays + 10
			defects = append(defects, fmt.Sprintf("CF-002 承诺时限改为 %d 个工作日，超过法定时限", p.PromisedDays))
		}
	}
	if f := flowByID(d, "F-CF"); f != nil {
		for i := range f.Steps {
			if s := &f.Steps[i]; s.ID == "r" {
				s.Post = "城市管理部执法人员"
				defects = append(defects, "F-CF 案件审理改由城市管理部执法人员承担（与调查取证同岗）")
			}
		}
	}
	for i := range d.Risks {
		if x := &d.Risks[i]; x.ID == "R-DB-2" {
			x.Level = accountability.Medium
			defects = append(defects, "R-DB-2 等级降为二级（可能性×影响 3×5 应为一级）")
		}
	}
	for i := range d.Responsibilities {
		if x := &d.Responsibilities[i]; x.Code == "ZZ-04" {
			x.Powers = append(x.Powers, "JF-009")
			defects = append(defects, "ZZ-04 关联了不存在的权力 JF-009")
		}
	}
	return d, defects, nil
}

func flowByID(r *accountability.Register, id string) *accountability.Flow {
	for i := range r.Flows {
		if r.Flows[i].ID == id {
			return &r.Flows[i]
		}
	}
	return nil
}

// clone deep-copies a register through its JSON form, which is lossless.
func clone(r *accountability.Register) (*accountability.Register, error) {
	b, err := json.Marshal(r)
	if err != nil {
		return nil, fmt.Errorf("copying register %s: %w", r.Version, err)
	}
	var c accountability.Register
	if err := json.Unmarshal(b, &c); err != nil {
		return nil, fmt.Errorf("copying register %s: %w", r.Version, err)
	}
	return &c, nil
}
