package main

import (
	"flag"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/qingdan/qingdan/cmd/qingdan/internal/command"
)

// TestDocumentedFlags holds the command lines the prose gives to the
// commands: in each subcommand's usage line and examples, and in every
// line of code in the README and docs/ that runs qingdan, the subcommand exists
// and each flag given to it is one of its flags.
func TestDocumentedFlags(t *testing.T) {
	flags := map[string]map[string]bool{} // "journal verify" → its flags
	var all []*command.Command
	for _, c := range commands {
		all = append(all, c)
		all = append(all, c.Subs...)
	}
	for _, c := range all {
		if c.Setup == nil {
			continue
		}
		fs := flag.NewFlagSet(c.Name, flag.ContinueOnError)
		fs.SetOutput(io.Discard)
		c.Setup(fs)
		flags[c.Name] = map[string]bool{}
		fs.VisitAll(func(f *flag.Flag) { flags[c.Name][f.Name] = true })
	}
	flagRE := regexp.MustCompile(`(?:^|[\s\[(])--?([a-z][a-z-]*)`)
	checked := 0
	// check holds the flags of line, which runs qingdan, to the subcommand
	// it names; where says whence the line comes.
	check := func(where, line string) {
		fields := strings.Fields(line)
		if len(fields) < 2 || fields[1] == "-h" || fields[1] == "help" {
			return
		}
		name := fields[1]
		if name == "journal" && len(fields) > 2 && !strings.HasPrefix(fields[2], "-") {
			name += " " + fields[2]
		}
		have, ok := flags[name]
		if !ok {
			if name != "journal" {
				t.Errorf("%s: %q runs qingdan %s, which is no subcommand", where, line, name)
			}
			return
		}
		for _, m := range flagRE.FindAllStringSubmatch(line, -1) {
			checked++
			if m[1] != "h" && !have[m[1]] {
				t.Errorf("%s: %q gives qingdan %s the flag -%s, which it does not have", where, line, name, m[1])
			}
		}
	}
	for _, c := range all {
		if c.Setup == nil {
			continue
		}
		check(c.Name+"'s usage", "qingdan "+c.Name+" "+c.Args)
		for _, e := range c.Examples {
			runs(e, func(line string) { check(c.Name+"'s example", line) })
		}
	}
	docs, err := filepath.Glob("../../docs/*.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, file := range append([]string{"../../README.md"}, docs...) {
		b, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		fenced := false // in a block of code, where a line is a command
		for l := range strings.SplitSeq(string(b), "\n") {
			if strings.HasPrefix(l, "```") {
				fenced = !fenced
			} else if fenced {
				runs(strings.TrimPrefix(strings.TrimSpace(l), "$ "), func(line string) { check(file, line) })
			}
		}
	}
	if checked < 30 {
		t.Errorf("only %d flags checked: is the pattern broken?", checked)
	}
}

// runs calls f with each command of a shell line that runs qingdan: the
// line is cut at a comment, and then at each pipe and each &&, and a
// redirection ends a command.
func runs(line string, f func(string)) {
	line, _, _ = strings.Cut(line, "#")
	for _, cmd := range regexp.MustCompile(`\||&&`).Split(line, -1) {
		cmd, _, _ = strings.Cut(strings.TrimSpace(cmd), ">")
		if strings.HasPrefix(cmd, "qingdan ") {
			f(cmd)
		}
	}
}
