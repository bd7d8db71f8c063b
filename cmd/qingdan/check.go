package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/qingdan/qingdan/accountability"
	"github.com/qingdan/qingdan/cmd/qingdan/internal/command"
	"github.com/qingdan/qingdan/internal/errtext"
	"github.com/qingdan/qingdan/matters"
)

// checked is what check reports of one file, and its JSON form.
type checked struct {
	File     string                  `json:"file"`
	Kind     string                  `json:"kind"`
	Findings accountability.Findings `json:"findings"`
	Errors   int                     `json:"errors"`
	Warnings int                     `json:"warnings"`
}

// Run runs qingdan check on the files args and returns its exit code.
func (f *checkOptions) Run(env *command.Env, args []string) int {
	var reg *accountability.Register
	if f.register != "" {
		d, err := loadDocument(env, f.register, "register")
		if err != nil {
			return env.Errorf(command.Usage, "%v", err)
		}
		reg = d.register
	}
	code := command.OK
	for _, name := range args {
		d, err := loadDocument(env, name, f.kind)
		if err != nil {
			return env.Errorf(command.Usage, "%v", err)
		}
		if reg != nil {
			switch {
			case d.catalog == nil:
				return env.UsageError("%s 是%s（%s），不是清单目录：-register 只用于清单目录", command.Name(name), kindLabels[d.kind], d.kind)
			case d.catalog.Register != nil:
				return env.UsageError("%s 已含两单一图一点（register）：-register 只用于不含两单一图一点的清单目录", command.Name(name))
			}
			d.catalog.Register = reg
		}
		fs := findings(d)
		c := checked{File: command.Name(name), Kind: d.kind, Findings: fs, Errors: len(fs.Errors()), Warnings: len(fs.Warnings())}
		if c.Findings == nil {
			c.Findings = accountability.Findings{}
		}
		if c.Errors > 0 {
			code = command.Failed
		}
		if err := printChecked(env, &c, f.json); err != nil {
			return env.Errorf(command.Usage, "%v", err)
		}
	}
	return code
}

// findings checks a document with the library's rules: a register's or a
// list's built-in rules, a catalog's cross-checks with the checks of each
// of its lists alone, a directory's or an admission list's own checks.
func findings(d *document) accountability.Findings {
	var fs accountability.Findings
	switch d.kind {
	case "register":
		fs = append(emptyFinding("register", "", emptyRegister(d.register)), d.register.Validate()...)
	case "list":
		fs = emptyFinding("list", "", len(d.powers)+len(d.resps) == 0)
		fs = append(fs, cellFindings(d.cells)...)
		fs = append(fs, d.listRegister().Validate()...)
	case "catalog":
		c := d.catalog
		fs = emptyFinding("catalog", "", c.Register == nil && c.Directory == nil && c.Admission == nil && len(c.KeyTasks) == 0 &&
			len(c.History.Registers)+len(c.History.Directories)+len(c.History.Admissions) == 0)
		if c.Register != nil {
			fs = append(fs, emptyFinding("register", "register", emptyRegister(c.Register))...)
			fs = append(fs, prefixed("register.", c.Register.Validate())...)
		}
		if c.Directory != nil {
			fs = append(fs, emptyFinding("directory", "directory", len(c.Directory.Routes) == 0)...)
			fs = append(fs, errFindings("directory", "directory.invalid", c.Directory.Validate())...)
		}
		if c.Admission != nil {
			fs = append(fs, emptyFinding("admission", "admission", emptyAdmission(c.Admission))...)
			fs = append(fs, errFindings("admission", "admission.invalid", c.Admission.Validate())...)
		}
		// The key tasks are a list, keyTasks in a catalog: the path of a
		// problem, tasks[KT-1]…, is keyTasks[KT-1]…, as the catalog's rules
		// write it.
		for _, f := range errFindings("", "keyTasks.invalid", c.KeyTasks.Validate()) {
			f.Path = "keyTasks" + strings.TrimPrefix(f.Path, "tasks")
			fs = append(fs, f)
		}
		fs = append(fs, c.Validate()...)
	case "directory":
		fs = emptyFinding("directory", "", len(d.directory.Routes) == 0)
		fs = append(fs, errFindings("", "directory.invalid", d.directory.Validate())...)
	case "admission":
		fs = emptyFinding("admission", "", emptyAdmission(d.admission))
		fs = append(fs, errFindings("", "admission.invalid", d.admission.Validate())...)
	}
	return fs
}

// emptyTexts say, in English and in Chinese, that a document of a kind
// holds nothing to check.
var emptyTexts = map[string][2]string{
	"register":  {"the register holds no unit, power, responsibility, flowchart or risk point", "两单一图一点中没有任何单位、权力、职责、流程图或廉政风险点"},
	"catalog":   {"the catalog holds no list", "清单目录中没有任何清单"},
	"directory": {"the governance matter list holds no matter", "基层治理事项清单中没有任何事项"},
	"admission": {"the admission list holds no matter", "事项准入清单中没有任何事项"},
	"list":      {"the list holds no row, only its header", "清单中没有任何事项，只有表头"},
}

// emptyFinding returns, where empty, the error that the document of kind
// at path holds nothing: the rules find nothing wrong in {} or a list's
// header alone, which is most likely the wrong file.
func emptyFinding(kind, path string, empty bool) accountability.Findings {
	if !empty {
		return nil
	}
	t := emptyTexts[kind]
	return accountability.Findings{{Rule: kind + ".empty", Severity: accountability.Error, Path: path, Message: t[0], Chinese: t[1]}}
}

// emptyRegister reports whether r holds no unit, power, responsibility,
// flow, risk point or separation: an org and a version alone.
func emptyRegister(r *accountability.Register) bool {
	return len(r.Units)+len(r.Powers)+len(r.Responsibilities)+len(r.Flows)+len(r.Risks)+len(r.Separations) == 0
}

// emptyAdmission reports whether a holds no item and no exclusion.
func emptyAdmission(a *matters.Admission) bool {
	return len(a.Items)+len(a.Excluded) == 0
}

// prefixed returns fs with each path under prefix.
func prefixed(prefix string, fs accountability.Findings) accountability.Findings {
	for i := range fs {
		fs[i].Path = prefix + fs[i].Path
	}
	return fs
}

// errFindings makes a finding of rule of each error err joins: the checks
// of a directory, an admission list and key tasks return an error, not
// findings. A *matters.Problem gives the finding its path and its Chinese.
func errFindings(path, rule string, err error) accountability.Findings {
	if err == nil {
		return nil
	}
	errs := []error{err}
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		errs = j.Unwrap()
	}
	var fs accountability.Findings
	for _, e := range errs {
		f := accountability.Finding{Rule: rule, Severity: accountability.Error, Path: path, Message: e.Error()}
		if p := (*matters.Problem)(nil); errors.As(e, &p) {
			f.Path, f.Message, f.Chinese = p.Path, p.Message, p.Chinese
			if path != "" {
				f.Path = path + "." + p.Path
			}
		}
		fs = append(fs, f)
	}
	return fs
}

// cellFindings makes a finding of each bad cell of a published list.
func cellFindings(ce *accountability.CSVError) accountability.Findings {
	if ce == nil {
		return nil
	}
	var fs accountability.Findings
	for _, c := range ce.Cells {
		fs = append(fs, cellFinding(&c))
	}
	return fs
}

// cellFinding is the finding of a bad cell: its path is the cell's row,
// column and header (第3行第2列（权力类型）; a header's control and
// invisible characters escaped and a long one cut, as
// [accountability.CellError.Error] names it), its message and its Chinese
// the cell's text, quoted, then what is wrong in English and in Chinese.
func cellFinding(c *accountability.CellError) accountability.Finding {
	path := "第" + strconv.Itoa(c.Row) + "行"
	if c.Column > 0 {
		path += "第" + strconv.Itoa(c.Column) + "列"
	}
	if c.Header != "" {
		path += "（" + errtext.Cut(c.Header) + "）" // text from the file, escaped and cut as CellError.Error has it
	}
	var msg string
	if c.Err != nil {
		msg = c.Err.Error()
	}
	zh := c.Chinese
	if c.Value != "" {
		msg = errtext.Quote(c.Value) + "：" + msg
		zh = errtext.Quote(c.Value) + "：" + zh
	}
	return accountability.Finding{Rule: "csv.cell", Severity: accountability.Error, Path: path, Message: msg, Chinese: zh}
}

// printChecked writes what check found in one file: each finding on a
// line in Chinese, then a count; or, with -json, one JSON object a file.
func printChecked(env *command.Env, c *checked, asJSON bool) error {
	if asJSON {
		b, err := json.Marshal(c)
		if err != nil {
			return err
		}
		_, err = fmt.Fprintf(env.Stdout, "%s\n", b)
		return err
	}
	for _, f := range c.Findings {
		where := ""
		if f.Path != "" {
			where = f.Path + "："
		}
		fmt.Fprintf(env.Stdout, "%s %s%s（%s）\n", f.Severity.Label(), where, f.Label(), f.Rule)
	}
	if c.Errors+c.Warnings == 0 {
		_, err := fmt.Fprintf(env.Stdout, "%s：未发现问题\n", c.File)
		return err
	}
	_, err := fmt.Fprintf(env.Stdout, "%s：错误 %d 条，警告 %d 条\n", c.File, c.Errors, c.Warnings)
	return err
}
