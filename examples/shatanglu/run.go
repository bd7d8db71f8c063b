package main

import (
	"bufio"
	"embed"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/qingdan/qingdan/accountability"
	"github.com/qingdan/qingdan/examples/internal/cli"
	"github.com/qingdan/qingdan/matters"
	"github.com/qingdan/qingdan/matters/workday"
	"github.com/qingdan/qingdan/scoring"
)

//go:embed data/*.json
var dataFS embed.FS

// run is the program: it parses args, prints the report to stdout and any
// problem to stderr, and returns the exit code (0 done, 1 failed, 2 bad usage).
func run(args []string, stdout, stderr io.Writer) int {
	fs := cli.NewFlagSet("shatanglu", stderr)
	monthFlag := fs.String("month", "2020-06", "review the month `YYYY-MM`")
	staffFile := fs.String("staff", "", "read the dispatched staff from `FILE` (JSON) instead of the built-in roster")
	if code, stop := cli.Parse(fs, args); stop {
		return code
	}
	month, err := time.ParseInLocation("2006-01", *monthFlag, workday.CST())
	if err != nil {
		fmt.Fprintf(stderr, "shatanglu: -month %q: want a month such as 2020-06\n", *monthFlag)
		return 2
	}
	if err := report(stdout, month, *staffFile); err != nil {
		fmt.Fprintf(stderr, "shatanglu: %v\n", err)
		return 1
	}
	return 0
}

// report loads the data and prints every section to stdout.
func report(stdout io.Writer, month time.Time, staffFile string) error {
	var units []accountability.Unit
	var keyTasks matters.KeyTasks
	var staff []member
	var events []event
	var rules council
	var hired hires
	var year annual
	if err := errors.Join(
		cli.Decode(dataFS, "data/units.json", &units),
		cli.Decode(dataFS, "data/keytasks.json", &keyTasks),
		cli.Load(dataFS, "data/staff.json", staffFile, "staff", &staff),
		cli.Decode(dataFS, "data/events.json", &events),
		cli.Decode(dataFS, "data/council.json", &rules),
		cli.Decode(dataFS, "data/hires.json", &hired),
		cli.Decode(dataFS, "data/annual.json", &year),
	); err != nil {
		return err
	}
	if err := rules.check(units, keyTasks); err != nil {
		return err
	}
	reg, err := loadRegister(units)
	if err != nil {
		return err
	}
	sheet, err := loadSheet()
	if err != nil {
		return err
	}
	eval := shatangluPolicy()
	if err := eval.Validate(); err != nil {
		return err
	}
	if err := checkStaff(staff, units, eval); err != nil {
		return err
	}
	days, err := workdays(workday.China(), month.Year(), month.Month())
	if err != nil {
		return fmt.Errorf("month %s: %w", month.Format("2006-01"), err)
	}
	tasks := simulate(days, staff)
	book, err := grade(eval, tasks)
	if err != nil {
		return err
	}

	w := bufio.NewWriter(stdout)
	p := &printer{w: w, units: units, staff: staff, assessor: assessor(reg)}
	p.layout()
	if err := p.keyTasks(keyTasks); err != nil {
		return err
	}
	if err := p.reviews(eval, book, days, tasks); err != nil {
		return err
	}
	if len(days) > 0 {
		facts, err := unitFacts(eval, tasks, staff, events, month)
		if err != nil {
			return err
		}
		p.printf("\n")
		if err := p.sheet(sheet, facts, days[0]); err != nil {
			return err
		}
	}
	p.printf("\n")
	p.council(&rules, reg, days)
	if err := p.appraisal(reg, &year, eval, book.Scores(scoring.Month(month.Year(), month.Month()))); err != nil {
		return err
	}
	p.printf("\n")
	if err := p.hires(&hired, month.Format("2006-01")); err != nil {
		return err
	}
	return w.Flush()
}

// checkStaff reports every member whose agency is no unit or whose post
// the evaluator does not know, and every ID used twice.
func checkStaff(staff []member, units []accountability.Unit, e *PostEvaluator) error {
	known := map[string]bool{}
	for _, u := range units {
		known[u.ID] = true
	}
	seen := map[string]bool{}
	var errs []error
	for i, m := range staff {
		switch {
		case m.ID == "":
			errs = append(errs, fmt.Errorf("staff[%d] %s: no ID", i, m.Name))
		case seen[m.ID]:
			errs = append(errs, fmt.Errorf("staff[%s]: ID used twice", m.ID))
		}
		seen[m.ID] = true
		if !known[m.Unit] {
			errs = append(errs, fmt.Errorf("staff[%s] %s: unit %q is not a unit of the sub-district", m.ID, m.Name, m.Unit))
		}
		if _, ok := e.Posts[m.Post]; !ok {
			errs = append(errs, fmt.Errorf("staff[%s] %s: post category %q is not appraised", m.ID, m.Name, m.Post))
		}
	}
	return errors.Join(errs...)
}
