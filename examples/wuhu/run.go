package main

import (
	"flag"
	"fmt"
	"io"
	"time"

	"github.com/qingdan/qingdan/examples/internal/cli"
	"github.com/qingdan/qingdan/internal/jsonx"
	"github.com/qingdan/qingdan/locality/wuhu"
	"github.com/qingdan/qingdan/matters/workday"
	"github.com/qingdan/qingdan/scoring"
)

// run is the program: it parses args, builds and grades the year, and
// writes the report to stdout, and with -journal the year's journal to
// its file. It returns the exit status: 0 on success, 1 when the policy
// file or the data cannot be used or the journal cannot be written, 2 for
// bad usage.
// Errors go to stderr, one line each.
func run(args []string, stdout, stderr io.Writer) int {
	fs := cli.NewFlagSet("wuhu", stderr)
	month := fs.String("month", "", "print the review of one month of the year, such as 2020-06")
	asJSON := fs.Bool("json", false, "write the report as JSON")
	matter := fs.String("matter", "", "print one matter's history and evaluations, such as WH2020-0001")
	policy := fs.String("policy", "", "grade with the decision table in this JSON `file` (see data/policy-strict.json) instead of wuhu.Table()")
	whatIf := fs.String("whatif", "", "print what the decision table in this JSON `file` (such as data/policy-strict.json) would change: every evaluation of the year regraded from its journal, the recorded grades left as they are")
	reform := fs.Bool("reform", false, "print the reform itself instead: the bodies, the resources sent down, the lists and the powers granted, each checked against the published figures")
	journalName := fs.String("journal", "", "also write the year's trail (every event and evaluation, hash-chained JSON Lines) to this `file`, replacing it, and print its entry count and head hash")
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "usage: wuhu [-month YYYY-MM | -matter ID | -whatif file | -reform] [-json] [-policy file] [-journal file]")
		fs.PrintDefaults()
	}
	if code, stop := cli.Parse(fs, args); stop {
		return code
	}
	if n := btoi(*month != "") + btoi(*matter != "") + btoi(*whatIf != "") + btoi(*reform); n > 1 {
		fmt.Fprintln(stderr, "wuhu: -month, -matter, -whatif and -reform do not go together")
		return 2
	}
	journaled := false
	fs.Visit(func(f *flag.Flag) { journaled = journaled || f.Name == "journal" })
	if journaled && *journalName == "" {
		fmt.Fprintln(stderr, "wuhu: -journal: want a file name")
		return 2
	}
	if *reform && (journaled || *policy != "") {
		fmt.Fprintln(stderr, "wuhu: -reform does not grade the year: it goes with neither -policy nor -journal")
		return 2
	}
	w, err := loadWorld()
	if err != nil {
		fmt.Fprintf(stderr, "wuhu: %v\n", err)
		return 1
	}
	if *reform {
		return runReform(w, *asJSON, stdout, stderr)
	}
	var m time.Month
	if *month != "" {
		t, err := time.Parse("2006-01", *month)
		if err != nil || t.Year() != w.city.Year {
			fmt.Fprintf(stderr, "wuhu: -month %q: want a month of %d such as %d-06\n", *month, w.city.Year, w.city.Year)
			return 2
		}
		m = t.Month()
	}
	table := wuhu.Table()
	if *policy != "" {
		if table, err = cli.ReadFile(*policy, scoring.LoadTable); err != nil {
			fmt.Fprintf(stderr, "wuhu: -policy: %v\n", err)
			return 1
		}
	}
	var alt *scoring.Table
	if *whatIf != "" {
		if alt, err = cli.ReadFile(*whatIf, scoring.LoadTable); err != nil {
			fmt.Fprintf(stderr, "wuhu: -whatif: %v\n", err)
			return 1
		}
	}
	var jf *journalFile
	if journaled {
		if jf, err = createJournal(*journalName); err != nil {
			fmt.Fprintf(stderr, "wuhu: -journal %s: %v\n", *journalName, err)
			return 1
		}
		defer jf.abort() // after a successful write, a no-op
	}
	a, err := build(w, table)
	if err != nil {
		fmt.Fprintf(stderr, "wuhu: %v\n", err)
		return 1
	}
	var r report
	switch {
	case m != 0:
		r, err = monthReport(w, a, m)
	case alt != nil:
		r, err = whatIfReport(w, a, alt)
	case *matter != "":
		var ok bool
		if r, ok = matterReport(w, a, *matter); !ok {
			fmt.Fprintf(stderr, "wuhu: -matter %q: no such matter; the year's are %s to %s\n", *matter, a.year.matters[0].ID, a.year.matters[len(a.year.matters)-1].ID)
			return 2
		}
	default:
		r, err = annualReport(w, a)
	}
	if err != nil {
		fmt.Fprintf(stderr, "wuhu: %v\n", err)
		return 1
	}
	if jf != nil {
		if r.Journal, err = jf.write(a); err != nil {
			fmt.Fprintf(stderr, "wuhu: -journal: %v\n", err)
			return 1
		}
	}
	return emit(stdout, stderr, *asJSON, r, func(w io.Writer) error { return writeText(w, r) })
}

// emit writes the report v to stdout as JSON, or as text when not asJSON,
// and returns the exit status: 0, or 1 when it cannot be written, the
// error said on stderr.
func emit(stdout, stderr io.Writer, asJSON bool, v any, text func(io.Writer) error) int {
	var err error
	if asJSON {
		err = jsonx.Indent(stdout, v)
	} else {
		err = text(stdout)
	}
	if err != nil {
		fmt.Fprintf(stderr, "wuhu: %v\n", err)
		return 1
	}
	return 0
}

// build generates the synthetic year on the China calendar and grades it
// with the table.
func build(w *world, t *scoring.Table) (*graded, error) {
	cal := workday.China()
	clk, err := newClock(cal)
	if err != nil {
		return nil, err
	}
	y, err := generate(w, clk)
	if err != nil {
		return nil, err
	}
	return assess(w, y, cal, t)
}

// btoi is 1 for true, 0 for false.
func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

// runReform writes the report of -reform: the reform's data checked
// against the published figures, as text or JSON. It returns the exit
// status: 0, or 1 when the data cannot be read or the report written.
func runReform(w *world, asJSON bool, stdout, stderr io.Writer) int {
	rd, pd, err := loadReform()
	if err != nil {
		fmt.Fprintf(stderr, "wuhu: %v\n", err)
		return 1
	}
	v := reformReport(w, rd, pd)
	return emit(stdout, stderr, asJSON, v, func(w io.Writer) error { return writeReform(w, v) })
}
