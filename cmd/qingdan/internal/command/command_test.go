package command

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestCommandMain(t *testing.T) {
	for _, tt := range []struct {
		name     string
		min, max int
		args     []string
		code     int
		operands []string
		stderr   string // in standard error; "" for none
	}{
		{"flags after files", 1, -1, []string{"a", "-n", "3", "b"}, OK, []string{"a", "b"}, ""},
		{"after --, flags are files", 1, -1, []string{"-n", "3", "--", "-x", "b"}, OK, []string{"-x", "b"}, ""},
		{"stdin", 1, 1, []string{"-"}, OK, []string{"-"}, ""},
		{"too few", 2, 2, []string{"a"}, Usage, nil, "应给出 2 个文件"},
		{"too many", 1, 1, []string{"a", "b"}, Usage, nil, "应给出 1 个文件"},
		{"none wanted", 0, 0, []string{"a"}, Usage, nil, "不带文件"},
		{"a range", 1, 2, nil, Usage, nil, "应给出 1 到 2 个文件"},
		{"unknown flag", 0, -1, []string{"-nope"}, Usage, nil, "qingdan t: 没有选项 -nope\n运行 qingdan t -h 查看用法\n"},
		{"no value", 0, -1, []string{"a", "-n"}, Usage, nil, "qingdan t: 选项 -n 须带值\n"},
		{"bad value", 0, -1, []string{"-n", "三"}, Usage, nil, "qingdan t: 选项 -n 的值 \"三\" 无效\n"},
		{"bad bool", 0, -1, []string{"-v=maybe"}, Usage, nil, "qingdan t: 选项 -v 的值 \"maybe\" 无效\n"},
		{"help", 0, -1, []string{"a", "-h"}, OK, nil, "用法：qingdan t"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var stderr bytes.Buffer
			var got []string
			c := &Command{Name: "t", MinArgs: tt.min, MaxArgs: tt.max,
				Setup: func(fs *flag.FlagSet) Runner {
					fs.Int("n", 0, "a number")
					fs.Bool("v", false, "verbose")
					return func(env *Env, args []string) int { got = args; return OK }
				}}
			code := c.Main(&Env{Stderr: &stderr}, tt.args)
			if code != tt.code {
				t.Errorf("Main(%q) = %d, want %d", tt.args, code, tt.code)
			}
			if diff := cmp.Diff(tt.operands, got); diff != "" {
				t.Errorf("operands mismatch (-want +got):\n%s", diff)
			}
			if (tt.stderr == "") != (stderr.Len() == 0) || !strings.Contains(stderr.String(), tt.stderr) {
				t.Errorf("standard error %q, want %q", stderr.String(), tt.stderr)
			}
			if strings.Contains(stderr.String(), "flag") {
				t.Errorf("standard error %q speaks the flag package's English", stderr.String())
			}
		})
	}
}

func TestSubs(t *testing.T) {
	ran := ""
	sub := &Command{Name: "j v", MaxArgs: -1, Setup: func(*flag.FlagSet) Runner {
		return func(*Env, []string) int { ran = "v"; return Failed }
	}}
	j := &Command{Name: "j", Short: "日志", Subs: []*Command{sub}}
	for _, tt := range []struct {
		args   []string
		code   int
		ran    string
		stderr string
	}{
		{[]string{"v", "x"}, Failed, "v", ""},
		{nil, Usage, "", "没有给出子命令"},
		{[]string{"-h"}, OK, "", "  v "},
		{[]string{"w"}, Usage, "", `没有子命令 "w"`},
	} {
		var stderr bytes.Buffer
		ran = ""
		code := j.Main(&Env{Stderr: &stderr}, tt.args)
		if code != tt.code || ran != tt.ran || !strings.Contains(stderr.String(), tt.stderr) {
			t.Errorf("Main(%q) = %d, ran %q, stderr %q; want %d, %q, %q", tt.args, code, ran, stderr.String(), tt.code, tt.ran, tt.stderr)
		}
	}
}

func TestReadWrite(t *testing.T) {
	dir := t.TempDir()
	var stdout bytes.Buffer
	env := &Env{Stdin: strings.NewReader("从标准输入"), Stdout: &stdout}
	if b, err := env.Read("-", 100); err != nil || string(b) != "从标准输入" {
		t.Errorf("Read(-) = %q, %v", b, err)
	}
	name := filepath.Join(dir, "f.txt")
	if err := env.Write(name, []byte("0123456789")); err != nil {
		t.Fatal(err)
	}
	if err := env.Write("", []byte("到标准输出")); err != nil || stdout.String() != "到标准输出" {
		t.Errorf("Write to stdout: %q, %v", stdout.String(), err)
	}
	if b, err := env.Read(name, 10); err != nil || string(b) != "0123456789" {
		t.Errorf("Read(%s) = %q, %v", name, b, err)
	}
	// The byte-order mark Notepad puts before UTF-8 is not the file's.
	bom := filepath.Join(dir, "bom.json")
	if err := os.WriteFile(bom, []byte("\uFEFF{}"), 0o644); err != nil {
		t.Fatal(err)
	}
	if b, err := env.Read(bom, 5); err != nil || string(b) != "{}" {
		t.Errorf("Read(%s) = %q, %v; want %q", bom, b, err, "{}")
	}
	for _, tt := range []struct {
		err  error
		want string
	}{
		{func() error { _, err := env.Read(name, 9); return err }(), name + ": 超过 9 字节"},
		{func() error { _, err := env.Read(filepath.Join(dir, "none"), 9); return err }(), "none: no such file or directory"},
		{env.Write(filepath.Join(dir, "no", "such"), nil), "such: no such file or directory"},
		// Standard input was read above: a second "-" would read nothing.
		{func() error { _, err := env.Read("-", 100); return err }(), "标准输入只能读一次：- 只能给出一次"},
		// A folder is named once, as a file that is missing is.
		{func() error { _, err := env.Read(dir, 9); return err }(), dir + ": is a directory"},
	} {
		if tt.err == nil || tt.err.Error() != tt.want && !strings.HasSuffix(tt.err.Error(), tt.want) || strings.Count(tt.err.Error(), dir) > 1 {
			t.Errorf("error %v, want one ending in %q", tt.err, tt.want)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "no")); err == nil {
		t.Error("Write made a folder")
	}
}

// TestWriteWhole checks that Write replaces a file whole, through a
// temporary file renamed over it, and that a write that fails names the
// file and leaves nothing behind: neither a partial file nor the
// temporary one.
func TestWriteWhole(t *testing.T) {
	dir := t.TempDir()
	env := &Env{}
	name := filepath.Join(dir, "f.txt")
	if err := os.WriteFile(name, []byte("an older and longer content"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := env.Write(name, []byte("新")); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(name)
	if err != nil || string(b) != "新" {
		t.Errorf("after Write: %q, %v; want %q", b, err, "新")
	}
	if fi, err := os.Stat(name); err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("after Write: %v, %v; want the file's mode kept, 0600", fi.Mode(), err)
	}
	fresh := filepath.Join(dir, "g.txt")
	if err := env.Write(fresh, nil); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Stat(fresh); err != nil || fi.Mode().Perm() != 0o644 {
		t.Errorf("a new file: %v, %v; want mode 0644", fi.Mode(), err)
	}
	stuck := filepath.Join(dir, "stuck.dot")
	if err := os.Mkdir(stuck, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := env.Write(stuck, []byte("digraph {}")); err == nil || err.Error() != stuck+": is a directory" {
		t.Errorf("Write over a folder: %v; want %s: is a directory", err, stuck)
	}
	var names []string
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if diff := cmp.Diff([]string{"f.txt", "g.txt", "stuck.dot"}, names); diff != "" {
		t.Errorf("files left mismatch (-want +got):\n%s", diff)
	}
}

// greet are the flags of a command made with Bind.
type greet struct{ loud bool }

// Flags binds -loud.
func (g *greet) Flags(fs *flag.FlagSet) { fs.BoolVar(&g.loud, "loud", false, "大声") }

// Run reports, as the command, whether -loud was given.
func (g *greet) Run(env *Env, args []string) int {
	return env.Errorf(Failed, "loud=%t %s", g.loud, strings.Join(args, " "))
}

// TestBind runs a command made with Bind twice: the second run does not
// see the first's flags, and messages name the command.
func TestBind(t *testing.T) {
	c := &Command{Name: "greet", MaxArgs: -1, Setup: Bind[greet]}
	var stderr bytes.Buffer
	env := &Env{Stderr: &stderr}
	for _, args := range [][]string{{"-loud", "a"}, {"b"}} {
		if code := c.Main(env, args); code != Failed {
			t.Errorf("Main(%q) = %d, want %d", args, code, Failed)
		}
	}
	want := "qingdan greet: loud=true a\nqingdan greet: loud=false b\n"
	if diff := cmp.Diff(want, stderr.String()); diff != "" {
		t.Errorf("standard error mismatch (-want +got):\n%s", diff)
	}
}

// TestPrint writes a value as JSON or in words, and reports a value JSON
// cannot hold.
func TestPrint(t *testing.T) {
	var stdout bytes.Buffer
	env := &Env{Stdout: &stdout}
	words := func() { stdout.WriteString("变更 0 处\n") }
	if err := env.Print(true, []string{"a"}, words); err != nil {
		t.Fatal(err)
	}
	if err := env.Print(false, []string{"a"}, words); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff("[\"a\"]\n变更 0 处\n", stdout.String()); diff != "" {
		t.Errorf("standard output mismatch (-want +got):\n%s", diff)
	}
	if err := env.Print(true, make(chan int), words); err == nil {
		t.Error("Print(true, a channel) = nil, want an error")
	}
}

// TestWriteRefusesWhatItRead checks that Write refuses the file the
// command read, by its name, a symbolic link or a hard link to it, and
// leaves it as it was: writing a command's output over its input (import
// -o list.csv list.csv) would lose the input. Another file is written.
func TestWriteRefusesWhatItRead(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "list.csv")
	if err := os.WriteFile(in, []byte("项目名称,权力类型\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	soft, hard := filepath.Join(dir, "soft.csv"), filepath.Join(dir, "hard.csv")
	if err := os.Symlink(in, soft); err != nil {
		t.Fatal(err)
	}
	if err := os.Link(in, hard); err != nil {
		t.Fatal(err)
	}
	env := &Env{}
	if _, err := env.Read(in, 1<<10); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{in, soft, hard} {
		err := env.Write(name, []byte("{}"))
		if want := name + ": 是本命令读取的文件，不写入：会覆盖所读的内容"; err == nil || err.Error() != want {
			t.Errorf("Write(%s) error = %v, want %q", name, err, want)
		}
	}
	if b, err := os.ReadFile(in); err != nil || string(b) != "项目名称,权力类型\n" {
		t.Errorf("the file read is now %q, %v", b, err)
	}
	if err := env.Write(filepath.Join(dir, "out.json"), []byte("{}")); err != nil {
		t.Errorf("Write of another file: %v", err)
	}
}
