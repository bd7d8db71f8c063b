// Package command is the plumbing the subcommands of qingdan share: the
// exit codes, flags that may come before or after the file names, usage
// with an example, and input read from a file or from standard input
// ("-").
package command

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"regexp"
	"strings"
)

// The exit codes, as linters have them.
const (
	OK     = 0 // clean, passed, verified
	Failed = 1 // findings with errors, failed cases, changes, a journal that does not verify
	Usage  = 2 // bad usage, or input that cannot be read
)

// Env is what a subcommand reads and writes: standard input, output and
// error. Files it opens and writes are those named on its command line.
type Env struct {
	Stdin          io.Reader
	Stdout, Stderr io.Writer
	name           string        // the command's, for its messages; Main sets it
	stdinOpened    bool          // Open("-") was called: standard input is read once
	read           []os.FileInfo // the regular files Open opened, which Write does not replace
}

// Stdio returns the Env of the process.
func Stdio() *Env { return &Env{Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr} }

// Command is one subcommand: its name, the operands it takes (in the
// usage line), one line saying what it does, more words when needed,
// and examples, one a line.
type Command struct {
	Name     string
	Args     string
	Short    string
	Long     string
	Examples []string
	// MinArgs and MaxArgs bound the number of operands (files) after the
	// flags; a MaxArgs below 0 sets no bound. Another number is bad usage.
	MinArgs, MaxArgs int
	// Setup adds the command's flags to fs, bound to values of its own,
	// and returns the function that runs the command with them; Bind
	// makes one of a type of Options.
	Setup func(fs *flag.FlagSet) Runner
	// Subs, if set, are the command's own subcommands (Name "journal
	// verify"), and Setup is not used.
	Subs []*Command
}

// Runner runs a command with the operands left after its flags and
// returns the exit code.
type Runner func(env *Env, args []string) int

// Options are the flags of a command, fields of a struct: Flags adds
// them to fs, bound to the fields, and Run runs the command with their
// values on the operands left after them.
type Options interface {
	Flags(fs *flag.FlagSet)
	Run(env *Env, args []string) int
}

// Bind is the Setup of a command whose flags are the Options O: it binds
// them to a new O each time, so that runs share nothing.
func Bind[O any, P interface {
	*O
	Options
}](fs *flag.FlagSet) Runner {
	o := P(new(O))
	o.Flags(fs)
	return o.Run
}

// Main parses args (the flags, anywhere among the operands) and runs c.
// -h prints the usage with its examples and exits 0; bad flags exit with
// Usage.
func (c *Command) Main(env *Env, args []string) int {
	if len(c.Subs) > 0 {
		return c.dispatch(env, args)
	}
	env = &Env{Stdin: env.Stdin, Stdout: env.Stdout, Stderr: env.Stderr, name: c.Name}
	fs := flag.NewFlagSet("qingdan "+c.Name, flag.ContinueOnError)
	// The flag package's own messages are English: Main says them.
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	run := c.Setup(fs)
	operands, err := parse(fs, args)
	if errors.Is(err, flag.ErrHelp) {
		c.usage(env.Stderr, fs)
		return OK
	}
	if err != nil {
		return env.UsageError("%s", flagError(err))
	}
	if n := len(operands); n < c.MinArgs || c.MaxArgs >= 0 && n > c.MaxArgs {
		return env.UsageError("%s", c.operands())
	}
	return run(env, operands)
}

// operands says how many operands c takes.
func (c *Command) operands() string {
	switch {
	case c.MaxArgs == 0:
		return "不带文件"
	case c.MinArgs == c.MaxArgs:
		return fmt.Sprintf("应给出 %d 个文件（- 为标准输入）", c.MinArgs)
	case c.MaxArgs < 0:
		return fmt.Sprintf("应给出至少 %d 个文件（- 为标准输入）", c.MinArgs)
	}
	return fmt.Sprintf("应给出 %d 到 %d 个文件（- 为标准输入）", c.MinArgs, c.MaxArgs)
}

// dispatch runs the subcommand of c that args[0] names.
func (c *Command) dispatch(env *Env, args []string) int {
	if len(args) > 0 {
		for _, s := range c.Subs {
			if strings.TrimPrefix(s.Name, c.Name+" ") == args[0] {
				return s.Main(env, args[1:])
			}
		}
	}
	code := Usage
	switch {
	case len(args) == 0:
		fmt.Fprintf(env.Stderr, "qingdan %s: 没有给出子命令\n", c.Name)
	case args[0] == "-h" || args[0] == "-help" || args[0] == "--help" || args[0] == "help":
		code = OK
	default:
		fmt.Fprintf(env.Stderr, "qingdan %s: 没有子命令 %q\n", c.Name, args[0])
	}
	fmt.Fprintf(env.Stderr, "用法：qingdan %s 子命令 [选项] 文件…\n\n%s\n\n子命令：\n", c.Name, c.Short)
	for _, s := range c.Subs {
		fmt.Fprintf(env.Stderr, "  %-16s %s\n", strings.TrimPrefix(s.Name, c.Name+" "), s.Short)
	}
	fmt.Fprintf(env.Stderr, "\nqingdan %s 子命令 -h 查看子命令的用法和例子。\n", c.Name)
	return code
}

// usage writes the command's usage, examples and flags to w.
func (c *Command) usage(w io.Writer, fs *flag.FlagSet) {
	fmt.Fprintf(w, "用法：qingdan %s %s\n\n%s\n", c.Name, c.Args, c.Short)
	if c.Long != "" {
		fmt.Fprintf(w, "\n%s\n", strings.TrimSpace(c.Long))
	}
	if len(c.Examples) > 0 {
		fmt.Fprintf(w, "\n例：\n")
		for _, e := range c.Examples {
			fmt.Fprintf(w, "  %s\n", e)
		}
	}
	n := 0
	fs.VisitAll(func(f *flag.Flag) {
		if n++; n == 1 {
			fmt.Fprintf(w, "\n选项：\n")
		}
		// As flag's PrintDefaults lays them out, the default in Chinese.
		arg, help := flag.UnquoteUsage(f)
		if arg != "" {
			arg = " " + arg
		}
		fmt.Fprintf(w, "  -%s%s\n    \t%s", f.Name, arg, strings.ReplaceAll(help, "\n", "\n    \t"))
		if f.DefValue != "" && f.DefValue != "false" && f.DefValue != "0" {
			fmt.Fprintf(w, "（默认 %s）", f.DefValue)
		}
		fmt.Fprintln(w)
	})
}

// badValue is how flag refuses a flag's value.
var badValue = regexp.MustCompile(`^invalid (?:boolean )?value (".*") for (?:flag )?(-\S+): `)

// flagError says in Chinese what flag.Parse refused, which flag's error
// says in English; an error it does not know is given as it is.
func flagError(err error) string {
	msg := err.Error()
	if m := badValue.FindStringSubmatch(msg); m != nil {
		return fmt.Sprintf("选项 %s 的值 %s 无效", m[2], m[1])
	}
	for _, t := range []struct{ prefix, say string }{
		{"flag provided but not defined: ", "没有选项 %s"},
		{"flag needs an argument: ", "选项 %s 须带值"},
		{"bad flag syntax: ", "选项写法有误：%s"},
	} {
		if rest, ok := strings.CutPrefix(msg, t.prefix); ok {
			return fmt.Sprintf(t.say, rest)
		}
	}
	return msg
}

// parse parses the flags of args wherever they stand among the operands,
// up to a "--", and returns the operands in order.
func parse(fs *flag.FlagSet, args []string) ([]string, error) {
	var operands []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		rest := fs.Args()
		if used := len(args) - len(rest); used > 0 && args[used-1] == "--" {
			return append(operands, rest...), nil
		}
		if len(rest) == 0 {
			return operands, nil
		}
		operands = append(operands, rest[0])
		args = rest[1:]
	}
}

// Errorf writes a message of the running command to standard error and
// returns code, so that a subcommand can return env.Errorf(…).
func (env *Env) Errorf(code int, format string, args ...any) int {
	fmt.Fprintf(env.Stderr, "qingdan %s: %s\n", env.name, fmt.Sprintf(format, args...))
	return code
}

// UsageError reports bad usage of the running command and returns Usage.
func (env *Env) UsageError(format string, args ...any) int {
	env.Errorf(Usage, format, args...)
	fmt.Fprintf(env.Stderr, "运行 qingdan %s -h 查看用法\n", env.name)
	return Usage
}
