package main

import (
	"encoding/json"
	"fmt"
	"strconv"

	"github.com/qingdan/qingdan/accountability"
	"github.com/qingdan/qingdan/cmd/qingdan/internal/command"
	"github.com/qingdan/qingdan/internal/errtext"
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
		fs = d.register.Validate()
	case "list":
		fs = cellFindings(d.cells)
		fs = append(fs, d.listRegister().Validate()...)
	case "catalog":
		c := d.catalog
		if c.Register != nil {
			fs = append(fs, prefixed("register.", c.Register.Validate())...)
		}
		if c.Directory != nil {
			fs = append(fs, errFindings("directory", "directory.invalid", c.Directory.Validate())...)
		}
		if c.Admission != nil {
			fs = append(fs, errFindings("admission", "admission.invalid", c.Admission.Validate())...)
		}
		fs = append(fs, errFindings("keyTasks", "keyTasks.invalid", c.KeyTasks.Validate())...)
		fs = append(fs, c.Validate()...)
	case "directory":
		fs = errFindings("", "directory.invalid", d.directory.Validate())
	case "admission":
		fs = errFindings("", "admission.invalid", d.admission.Validate())
	}
	return fs
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
// findings.
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
		fs = append(fs, accountability.Finding{Rule: rule, Severity: accountability.Error, Path: path, Message: e.Error()})
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
		path := "第" + strconv.Itoa(c.Row) + "行"
		if c.Column > 0 {
			path += "第" + strconv.Itoa(c.Column) + "列"
		}
		if c.Header != "" {
			path += "（" + c.Header + "）"
		}
		var msg string
		if c.Err != nil {
			msg = c.Err.Error()
		}
		if c.Value != "" {
			msg = errtext.Quote(c.Value) + "：" + msg
		}
		fs = append(fs, accountability.Finding{Rule: "csv.cell", Severity: accountability.Error, Path: path, Message: msg})
	}
	return fs
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
