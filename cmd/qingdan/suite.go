package main

import (
	"bytes"
	"fmt"
	"io"

	"github.com/qingdan/qingdan/assessment"
	"github.com/qingdan/qingdan/assessment/assessmenttest"
	"github.com/qingdan/qingdan/cmd/qingdan/internal/command"
	"github.com/qingdan/qingdan/scoring"
	"github.com/qingdan/qingdan/scoring/scoringtest"
)

// suite is a decision table or an assessment sheet with its cases, as
// test runs them: what it is, in words for the report, its version, its
// cases' names, and the library's helpers that run one case and find the
// coverage.
type suite struct {
	what, row, unit string // "决策表", "规则", "行"; "考核细则", "项目", "个"
	version         string
	names           []string
	runCase         func(i int, t *collect)
	cover           func(*tested) // sets Coverage, Unreached and rows
}

// run runs every case, and finds the coverage when asked to.
func (s *suite) run(coverage bool) *tested {
	t := &tested{Cases: []caseResult{}}
	if s.what == tableKit.what {
		t.Table = s.version
	} else {
		t.Sheet = s.version
	}
	for i, name := range s.names {
		var msgs collect
		s.runCase(i, &msgs)
		t.Cases = append(t.Cases, caseResult{Name: name, Pass: len(msgs) == 0, Messages: msgs})
		if len(msgs) == 0 {
			t.Passed++
		} else {
			t.Failed++
		}
	}
	if coverage {
		s.cover(t)
	}
	return t
}

// kit is what test needs of a policy P (a table, a sheet) and its cases C:
// the library's loaders, runner and coverage, and the words of the report.
type kit[P, C any] struct {
	what, row, unit string
	load            func(io.Reader) (P, error)
	version         func(P) string
	read            func(io.Reader) ([]C, error)
	name            func(*C) *string
	run             func(t *collect, p P, cases []C)
	cover           func(p P, cases []C) (coverage, unreached any, rows []coverRow)
}

// suite reads the policy and the cases files (args names them all) into
// a suite; a case with no name is named by its position among them all.
func (k *kit[P, C]) suite(policy []byte, files [][]byte, args []string) (*suite, error) {
	p, err := k.load(bytes.NewReader(policy))
	if err != nil {
		return nil, fmt.Errorf("%s %s: %w", k.what, command.Name(args[0]), jsonError(policy, err))
	}
	var cases []C
	for i, b := range files {
		cs, err := k.read(bytes.NewReader(b))
		if err != nil {
			return nil, fmt.Errorf("用例 %s: %w", command.Name(args[i+1]), jsonError(b, err))
		}
		cases = append(cases, cs...)
	}
	s := &suite{what: k.what, row: k.row, unit: k.unit, version: k.version(p)}
	for i := range cases {
		if n := k.name(&cases[i]); *n == "" {
			*n = fmt.Sprintf("#%d", i)
		}
		s.names = append(s.names, *k.name(&cases[i]))
	}
	s.runCase = func(i int, t *collect) { k.run(t, p, cases[i:i+1]) }
	s.cover = func(t *tested) { t.Coverage, t.Unreached, t.rows = k.cover(p, cases) }
	return s, nil
}

// tableKit tests a decision table with scoringtest.
var tableKit = &kit[*scoring.Table, scoringtest.Case]{
	what: "决策表", row: "规则", unit: "行",
	load:    scoring.LoadTable,
	version: func(t *scoring.Table) string { return t.Version },
	read:    scoringtest.ReadCases,
	name:    func(c *scoringtest.Case) *string { return &c.Name },
	run:     func(t *collect, p *scoring.Table, cs []scoringtest.Case) { scoringtest.Run(t, p, cs) },
	cover: func(p *scoring.Table, cs []scoringtest.Case) (any, any, []coverRow) {
		c := scoringtest.Cover(p, cs)
		rows := []coverRow{}
		for _, r := range c.Rows {
			rows = append(rows, coverRow{r.Rule, r.Name, r.Cases})
		}
		return c, c.Unreached(), rows
	},
}

// sheetKit tests an assessment sheet with assessmenttest.
var sheetKit = &kit[*assessment.Sheet, assessmenttest.Case]{
	what: "考核细则", row: "项目", unit: "个",
	load:    assessment.LoadSheet,
	version: func(s *assessment.Sheet) string { return s.Version },
	read:    assessmenttest.ReadCases,
	name:    func(c *assessmenttest.Case) *string { return &c.Name },
	run:     func(t *collect, p *assessment.Sheet, cs []assessmenttest.Case) { assessmenttest.Run(t, p, cs) },
	cover: func(p *assessment.Sheet, cs []assessmenttest.Case) (any, any, []coverRow) {
		c := assessmenttest.Cover(p, cs)
		rows := []coverRow{}
		for _, r := range c.Rows {
			rows = append(rows, coverRow{r.Item, r.Name, r.Cases})
		}
		return c, c.Unreached(), rows
	},
}
