package main

import (
	"bufio"
	"embed"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/qingdan/qingdan/accountability"
	"github.com/qingdan/qingdan/examples/internal/strictjson"
)

//go:embed data/*.json
var dataFS embed.FS

// run is the program: it parses args, prints the report to stdout and any
// problem to stderr, and returns the exit code (0 done, 1 failed, 2 bad usage).
func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("chaohu", flag.ContinueOnError)
	fs.SetOutput(stderr)
	outDir := fs.String("out", "", "write each flowchart as DOT and Mermaid files to `DIR`")
	regFile := fs.String("register", "", "use the register in `FILE` (JSON) instead of the built-in 2020 list")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "chaohu: unexpected argument %q\n", fs.Arg(0))
		fs.Usage()
		return 2
	}

	cur, err := loadCurrent(*regFile)
	if err != nil {
		fmt.Fprintf(stderr, "chaohu: %v\n", err)
		return 1
	}
	old, err := loadEmbedded("data/register-2019.json")
	if err != nil {
		fmt.Fprintf(stderr, "chaohu: %v\n", err)
		return 1
	}
	comp, err := loadCompetition()
	if err != nil {
		fmt.Fprintf(stderr, "chaohu: %v\n", err)
		return 1
	}
	lists, err := loadLists(cur)
	if err != nil {
		fmt.Fprintf(stderr, "chaohu: %v\n", err)
		return 1
	}

	w := bufio.NewWriter(stdout)
	rep := &report{w: w, reg: cur}
	rep.title()
	rep.layout()
	rep.duties()
	rep.powers()
	rep.flows()
	if *outDir != "" {
		n, err := writeFlows(cur, *outDir)
		if err != nil {
			w.Flush()
			fmt.Fprintf(stderr, "chaohu: %v\n", err)
			return 1
		}
		rep.printf("  已写出 %d 个流程图文件（DOT 与 Mermaid）到 %s\n\n", n, *outDir)
	}
	rep.risks()
	findings, err := rep.validation()
	if err != nil {
		w.Flush()
		fmt.Fprintf(stderr, "chaohu: %v\n", err)
		return 1
	}
	cross := rep.crossCheck(lists)
	rep.printf("\n")
	rep.diff(old)
	if err := rep.competition(comp); err != nil {
		w.Flush()
		fmt.Fprintf(stderr, "chaohu: %v\n", err)
		return 1
	}
	if err := w.Flush(); err != nil {
		fmt.Fprintf(stderr, "chaohu: %v\n", err)
		return 1
	}
	if n := len(findings.Errors()) + len(cross.Errors()); n > 0 {
		fmt.Fprintf(stderr, "chaohu: the %s list of %s has %d errors (see 六、校验)\n", cur.Version, cur.Org, n)
		return 1
	}
	return 0
}

// loadCurrent reads the register in file, or the embedded 2020 list when
// file is empty.
func loadCurrent(file string) (*accountability.Register, error) {
	if file == "" {
		return loadEmbedded("data/register-2020.json")
	}
	b, err := os.ReadFile(file)
	if err != nil {
		return nil, err
	}
	r, err := decodeRegister(b)
	if err != nil {
		return nil, fmt.Errorf("register %s: %w", file, err)
	}
	return r, nil
}

func loadEmbedded(name string) (*accountability.Register, error) {
	b, err := dataFS.ReadFile(name)
	if err != nil {
		return nil, err
	}
	r, err := decodeRegister(b)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return r, nil
}

func decodeRegister(b []byte) (*accountability.Register, error) {
	var r accountability.Register
	if err := strictjson.Decode(b, &r); err != nil {
		return nil, err
	}
	return &r, nil
}
