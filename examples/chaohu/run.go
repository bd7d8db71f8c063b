package main

import (
	"bufio"
	"embed"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/qingdan/qingdan/accountability"
	"github.com/qingdan/qingdan/examples/internal/cli"
)

//go:embed data/*.json
var dataFS embed.FS

// run is the program: it parses args, prints the report to stdout and any
// problem to stderr, and returns the exit code (0 done, 1 failed, 2 bad usage).
func run(args []string, stdout, stderr io.Writer) int {
	fs := cli.NewFlagSet("chaohu", stderr)
	outDir := fs.String("out", "", "write each flowchart as DOT and Mermaid files to `DIR`")
	regFile := fs.String("register", "", "use the register in `FILE` (JSON) instead of the built-in 2020 list")
	if code, stop := cli.Parse(fs, args); stop {
		return code
	}

	var cur, old accountability.Register
	var comp competition
	var staff staffing
	var lead leadership
	var svc service
	if err := errors.Join(
		cli.Load(dataFS, "data/register-2020.json", *regFile, "register", &cur),
		cli.Decode(dataFS, "data/register-2019.json", &old),
		cli.Decode(dataFS, "data/competition.json", &comp),
		cli.Decode(dataFS, "data/staffing.json", &staff),
		cli.Decode(dataFS, "data/leadership.json", &lead),
		cli.Decode(dataFS, "data/service.json", &svc),
	); err != nil {
		fmt.Fprintf(stderr, "chaohu: %v\n", err)
		return 1
	}
	lists, err := loadLists(&cur)
	if err != nil {
		fmt.Fprintf(stderr, "chaohu: %v\n", err)
		return 1
	}

	w := bufio.NewWriter(stdout)
	rep := &report{w: w, reg: &cur, lead: &lead, pub: &staff.Published}
	rep.title()
	layout := rep.layout()
	rep.duties()
	rep.powers()
	rep.flows()
	if *outDir != "" {
		n, err := writeFlows(&cur, *outDir)
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
	rep.diff(&old)
	if err := rep.competition(&comp); err != nil {
		w.Flush()
		fmt.Fprintf(stderr, "chaohu: %v\n", err)
		return 1
	}
	mech := rep.staffingSection(&staff)
	mech = append(mech, rep.leadershipSection(&lead)...)
	mech = append(mech, rep.serviceSection(&svc, lead.Subdistrict)...)
	if err := w.Flush(); err != nil {
		fmt.Fprintf(stderr, "chaohu: %v\n", err)
		return 1
	}
	var failed []string
	if n := len(layout.Errors()); n > 0 {
		failed = append(failed, fmt.Sprintf("the layout has %s (see 一、机构设置)", errorCount(n)))
	}
	if n := len(findings.Errors()); n > 0 {
		failed = append(failed, fmt.Sprintf("the %s list of %s has %s (see 六、校验)", cur.Version, cur.Org, errorCount(n)))
	}
	if n := len(cross.Errors()); n > 0 {
		failed = append(failed, fmt.Sprintf("the cross-checks of the %s lists found %s (see 六、校验)", cur.Version, errorCount(n)))
	}
	if n := len(mech.Errors()); n > 0 {
		failed = append(failed, fmt.Sprintf("the checks of 九 to 十一 found %s", errorCount(n)))
	}
	if len(failed) > 0 {
		fmt.Fprintf(stderr, "chaohu: %s\n", strings.Join(failed, "; "))
		return 1
	}
	return 0
}

// errorCount says how many errors: "1 error", "3 errors".
func errorCount(n int) string {
	if n == 1 {
		return "1 error"
	}
	return fmt.Sprintf("%d errors", n)
}
