package main

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"github.com/qingdan/qingdan/cmd/qingdan/internal/command"
)

// Run runs qingdan import on the files args and returns its exit code.
func (f *importOptions) Run(env *command.Env, args []string) int {
	d, err := loadDocument(env, args[0], "list")
	if err != nil {
		return env.Errorf(command.Usage, "%v", err)
	}
	reg := d.listRegister()
	reg.Org, reg.Version = f.org, f.version
	b, err := json.MarshalIndent(reg, "", "  ")
	if err != nil {
		return env.Errorf(command.Usage, "%v", err)
	}
	if err := env.Write(f.out, append(b, '\n')); err != nil {
		return env.Errorf(command.Usage, "%v", err)
	}
	code := command.OK
	for _, f := range cellFindings(d.cells) {
		fmt.Fprintf(env.Stderr, "无法读取 %s：%s\n", f.Path, f.Label())
		code = command.Failed
	}
	extras := make([]map[string]string, 0, len(d.powers)+len(d.resps))
	for _, p := range d.powers {
		extras = append(extras, p.Extra)
	}
	for _, x := range d.resps {
		extras = append(extras, x.Extra)
	}
	if extra := extraCells(extras); extra != "" {
		fmt.Fprintf(env.Stderr, "没有对应字段、原样保存在 extra 中的单元格：%s\n", extra)
	}
	if d.resps != nil {
		fmt.Fprintf(env.Stderr, "导入职责 %d 项\n", len(d.resps))
	} else {
		fmt.Fprintf(env.Stderr, "导入权力 %d 项\n", len(d.powers))
	}
	return code
}

// extraCells counts, by header, the cells the import kept in the items'
// Extra maps, extras: "备注（3 行）、基本编码（40 行）", headers in the
// order first met.
func extraCells(extras []map[string]string) string {
	var headers []string
	rows := map[string]int{}
	for _, extra := range extras {
		keys := make([]string, 0, len(extra))
		for k := range extra {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		for _, k := range keys {
			if rows[k] == 0 {
				headers = append(headers, k)
			}
			rows[k]++
		}
	}
	var parts []string
	for _, h := range headers {
		parts = append(parts, fmt.Sprintf("%s（%d 行）", h, rows[h]))
	}
	return strings.Join(parts, "、")
}
