package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"slices"
	"strings"

	"github.com/qingdan/qingdan/accountability"
	"github.com/qingdan/qingdan/cmd/qingdan/internal/command"
)

// importOptions are the flags of qingdan import.
type importOptions struct {
	out, org, version string
}

// Flags binds the flags of qingdan import to f.
func (f *importOptions) Flags(fs *flag.FlagSet) {
	fs.StringVar(&f.out, "o", "", "写入的 JSON `文件`（覆盖）；不给时写到标准输出")
	fs.StringVar(&f.org, "org", "", "两单一图一点所属的`机关`")
	fs.StringVar(&f.version, "version", "", "清单的`版本`")
}

// importCmd is qingdan import.
var importCmd = &command.Command{
	Name:  "import",
	Args:  "[-o 文件] [-org 名称] [-version 版本] 清单.csv",
	Short: "把公布的权力清单（全国统一格式的 CSV，UTF-8 或 GB18030）转为 JSON 的两单一图一点",
	Long: `在标准错误上报告无法读取的单元格（退出码 1，这些单元格留空）和没有对应字段、原样保存在 extra 中的单元格。
不给 -o 时 JSON 写到标准输出。导入不检查清单整体，导入后用 qingdan check 检查。`,
	Examples: []string{
		"qingdan import -o register.json -org 中庙街道办事处 -version 2020 权力清单.csv",
		"qingdan import 权力清单.csv | qingdan check -",
	},
	Setup:   command.Bind[importOptions],
	MinArgs: 1, MaxArgs: 1,
}

// Run runs qingdan import on the files args and returns its exit code.
func (f *importOptions) Run(env *command.Env, args []string) int {
	d, err := loadDocument(env, args[0], "list")
	if err != nil {
		return env.Errorf(command.Usage, "%v", err)
	}
	reg := &accountability.Register{Org: f.org, Version: f.version, Powers: d.powers}
	b, err := json.MarshalIndent(reg, "", "  ")
	if err != nil {
		return env.Errorf(command.Usage, "%v", err)
	}
	if err := env.Write(f.out, append(b, '\n')); err != nil {
		return env.Errorf(command.Usage, "%v", err)
	}
	code := command.OK
	for _, f := range cellFindings(d.cells) {
		fmt.Fprintf(env.Stderr, "无法读取 %s：%s\n", f.Path, f.Message)
		code = command.Failed
	}
	if extra := extraCells(d.powers); extra != "" {
		fmt.Fprintf(env.Stderr, "没有对应字段、原样保存在 extra 中的单元格：%s\n", extra)
	}
	fmt.Fprintf(env.Stderr, "导入权力 %d 项\n", len(d.powers))
	return code
}

// extraCells counts, by header, the cells the import kept in the powers'
// Extra: "备注（3 行）、基本编码（40 行）", headers in the order first met.
func extraCells(powers []accountability.Power) string {
	var headers []string
	rows := map[string]int{}
	for _, p := range powers {
		keys := make([]string, 0, len(p.Extra))
		for k := range p.Extra {
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
