package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"strings"

	"github.com/qingdan/qingdan/accountability"
	"github.com/qingdan/qingdan/cmd/qingdan/internal/command"
	"github.com/qingdan/qingdan/matters"
)

// diffOptions are the flags of qingdan diff.
type diffOptions struct {
	json bool
	kind string
}

// Flags binds the flags of qingdan diff to f.
func (f *diffOptions) Flags(fs *flag.FlagSet) {
	fs.BoolVar(&f.json, "json", false, "以 JSON 输出变更，供程序读取")
	fs.StringVar(&f.kind, "kind", "", kindsHelp)
}

// diffCmd is qingdan diff.
var diffCmd = &command.Command{
	Name:  "diff",
	Args:  "[-json] [-kind 类型] 旧文件 新文件",
	Short: "比较两个版本的两单一图一点、公布的权力清单（CSV）、基层治理事项清单、准入清单或清单目录，列出新增、删除和变更的条目",
	Long:  `两个清单目录逐一比较其中的两单一图一点、事项清单和准入清单。和 diff 一样，相同时退出码为 0，有变更时为 1。`,
	Examples: []string{
		"qingdan diff register-2019.json register-2020.json",
		"qingdan diff -json -kind directory routes-2019.json routes-2020.json",
		"qingdan diff 权力清单-2019.csv 权力清单-2020.csv",
	},
	Setup:   command.Bind[diffOptions],
	MinArgs: 2, MaxArgs: 2,
}

// Run runs qingdan diff on the files args and returns its exit code.
func (f *diffOptions) Run(env *command.Env, args []string) int {
	var docs [2]*document
	for i, name := range args {
		d, err := loadDocument(env, name, f.kind)
		if err != nil {
			return env.Errorf(command.Usage, "%v", err)
		}
		if d.cells != nil {
			return env.Errorf(command.Usage, "%s 有无法读取的单元格（用 qingdan check 查看）：%v", command.Name(name), d.cells)
		}
		docs[i] = d
	}
	old, new := docs[0], docs[1]
	if old.kind != new.kind {
		return env.UsageError("%s 是 %s，%s 是 %s：只比较同类的清单", args[0], old.kind, args[1], new.kind)
	}
	changes := changesOf(old, new)
	if f.json {
		if changes == nil {
			changes = accountability.Changes{}
		}
		b, err := json.Marshal(changes)
		if err != nil {
			return env.Errorf(command.Usage, "%v", err)
		}
		fmt.Fprintf(env.Stdout, "%s\n", b)
	} else {
		for _, c := range changes {
			line := c.Kind.Label() + " " + c.Path
			if len(c.Fields) > 0 {
				line += "：" + strings.Join(c.Fields, "、")
			}
			fmt.Fprintln(env.Stdout, line)
		}
		fmt.Fprintf(env.Stdout, "变更 %d 处\n", len(changes))
	}
	if len(changes) > 0 {
		return command.Failed
	}
	return command.OK
}

// changesOf returns the changes from old to new, documents of one kind; a
// published list's are those of its powers; a catalog's are those of its register, directory and admission lists,
// each path under its list's name.
func changesOf(old, new *document) accountability.Changes {
	switch old.kind {
	case "register":
		return accountability.Diff(old.register, new.register)
	case "list":
		return accountability.Diff(&accountability.Register{Powers: old.powers}, &accountability.Register{Powers: new.powers})
	case "directory":
		return matters.DiffDirectory(old.directory, new.directory)
	case "admission":
		return matters.DiffAdmission(old.admission, new.admission)
	}
	o, n := old.catalog, new.catalog
	var cs accountability.Changes
	for _, c := range accountability.Diff(o.Register, n.Register) {
		c.Path = "register." + c.Path
		cs = append(cs, c)
	}
	for _, c := range matters.DiffDirectory(o.Directory, n.Directory) {
		c.Path = "directory." + c.Path
		cs = append(cs, c)
	}
	for _, c := range matters.DiffAdmission(o.Admission, n.Admission) {
		c.Path = "admission." + c.Path
		cs = append(cs, c)
	}
	return cs
}
