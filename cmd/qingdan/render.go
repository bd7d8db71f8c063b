package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"unicode"

	"github.com/qingdan/qingdan/accountability"
	"github.com/qingdan/qingdan/cmd/qingdan/internal/command"
)

// Run runs qingdan render on the files args and returns its exit code.
func (f *renderOptions) Run(env *command.Env, args []string) int {
	ext := map[string]string{"dot": ".dot", "mermaid": ".mmd"}[f.format]
	switch {
	case ext == "":
		return env.UsageError("-format %q：应为 dot 或 mermaid", f.format)
	case (f.out == "") == (f.flow == ""):
		return env.UsageError("给出 -o 目录（每张流程图一个文件）或 -flow 编号（一张，写到标准输出），二者选一")
	}
	d, err := loadDocument(env, args[0], "register")
	if err != nil {
		return env.Errorf(command.Usage, "%v", err)
	}
	reg := d.register
	// Each flow is drawn with the risks on it alone, grouped once: given
	// every risk, drawing every flow would look at each risk once a flow,
	// time the product of the two. A risk that names no flow (Flow "") is
	// on none, not on a flow without an ID, as the rules read it.
	on := map[string][]accountability.Risk{}
	for _, k := range reg.Risks {
		if k.Flow != "" {
			on[k.Flow] = append(on[k.Flow], k)
		}
	}
	draw := func(fl *accountability.Flow) string {
		if f.format == "mermaid" {
			return fl.Mermaid(on[fl.ID]...)
		}
		return fl.DOT(on[fl.ID]...)
	}
	if f.flow != "" {
		for i := range reg.Flows {
			if reg.Flows[i].ID == f.flow {
				fmt.Fprint(env.Stdout, draw(&reg.Flows[i]))
				return command.OK
			}
		}
		return env.Errorf(command.Usage, "%s 中没有流程图 %q", command.Name(args[0]), f.flow)
	}
	if fi, err := os.Stat(f.out); err != nil || !fi.IsDir() {
		return env.Errorf(command.Usage, "-o %s：不是已有的目录", f.out)
	}
	if len(reg.Flows) == 0 {
		return env.Errorf(command.Usage, "%s 中没有流程图，没有文件可写", command.Name(args[0]))
	}
	// Every file name is checked before any is written, so that a clash
	// leaves the folder as it was.
	seen := map[string]string{}
	names := make([]string, len(reg.Flows))
	for i := range reg.Flows {
		id := reg.Flows[i].ID
		name := fileName(id) + ext
		// Names that differ in case alone are one file where the file
		// system ignores case (macOS, Windows).
		key := strings.ToLower(name)
		if other, ok := seen[key]; ok {
			return env.Errorf(command.Usage, "流程图 %q 和 %q 的文件名都是 %s（不分大小写）", other, id, name)
		}
		seen[key] = id
		if len(name) > maxFileName {
			return env.Errorf(command.Usage, "流程图 %q 的文件名有 %d 字节，超过文件名的上限 %d 字节：请缩短流程图编号，或用 -flow 编号 把它画到标准输出", id, len(name), maxFileName)
		}
		names[i] = filepath.Join(f.out, name)
	}
	for i := range reg.Flows {
		if err := env.Write(names[i], []byte(draw(&reg.Flows[i]))); err != nil {
			return env.Errorf(command.Usage, "%v", err)
		}
		fmt.Fprintln(env.Stdout, names[i])
	}
	return command.OK
}

// maxFileName is the longest file name, in bytes, that file systems take
// (ext4, XFS, tmpfs): a flow whose file name is longer is refused before
// any file is written, rather than failing once those before it are.
const maxFileName = 255

// fileName makes a flow's ID safe as a file name: anything but letters
// and digits of any script (a flow 高龄津贴 keeps its name), '-' and '_'
// becomes '_'.
func fileName(id string) string {
	s := strings.Map(func(r rune) rune {
		if r == '-' || r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r) {
			return r
		}
		return '_'
	}, id)
	if s == "" {
		return "_"
	}
	return s
}
