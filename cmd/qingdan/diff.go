package main

import (
	"fmt"
	"strings"

	"github.com/qingdan/qingdan/accountability"
	"github.com/qingdan/qingdan/cmd/qingdan/internal/command"
	"github.com/qingdan/qingdan/matters"
)

// Run runs qingdan diff on the files args and returns its exit code.
func (f *diffOptions) Run(env *command.Env, args []string) int {
	var docs [2]*document
	for i, name := range args {
		d, err := loadDocument(env, name, f.kind)
		if err != nil {
			return env.Errorf(command.Usage, "%v", err)
		}
		if d.cells != nil {
			return env.Errorf(command.Usage, "%s %v", command.Name(name), &listError{why: "有无法读取的单元格（用 qingdan check 查看）", err: d.cells})
		}
		docs[i] = d
	}
	old, new := docs[0], docs[1]
	if old.kind != new.kind {
		return env.UsageError("%s 是%s（%s），%s 是%s（%s）：只比较同类的清单",
			command.Name(args[0]), kindLabels[old.kind], old.kind, command.Name(args[1]), kindLabels[new.kind], new.kind)
	}
	changes := changesOf(old, new)
	if changes == nil {
		changes = accountability.Changes{} // [] in JSON
	}
	if err := env.Print(f.json, changes, func() { printChanges(env, changes) }); err != nil {
		return env.Errorf(command.Usage, "%v", err)
	}
	if len(changes) > 0 {
		return command.Failed
	}
	return command.OK
}

// printChanges writes each change on a line in Chinese, then a count.
func printChanges(env *command.Env, changes accountability.Changes) {
	for _, c := range changes {
		line := c.Kind.Label() + " " + c.Path
		if len(c.Fields) > 0 {
			line += "：" + strings.Join(c.Fields, "、")
		}
		fmt.Fprintln(env.Stdout, line)
	}
	fmt.Fprintf(env.Stdout, "变更 %d 处\n", len(changes))
}

// changesOf returns the changes from old to new, documents of one kind; a
// published list's are those of its powers or responsibilities; a catalog's are those of its register, directory and admission lists,
// each path under its list's name.
func changesOf(old, new *document) accountability.Changes {
	switch old.kind {
	case "register":
		return accountability.Diff(old.register, new.register)
	case "list":
		return accountability.Diff(old.listRegister(), new.listRegister())
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
