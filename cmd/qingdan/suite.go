package main

import (
	"bytes"
	"fmt"

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
	if s.what == "决策表" {
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

// caseName is a case's name, or its position among all the cases.
func caseName(name string, i int) string {
	if name == "" {
		return fmt.Sprintf("#%d", i)
	}
	return name
}

// loadTableSuite reads a decision table and scoringtest cases.
func loadTableSuite(policy []byte, files [][]byte, args []string) (*suite, error) {
	tab, err := scoring.LoadTable(bytes.NewReader(policy))
	if err != nil {
		return nil, fmt.Errorf("决策表 %s: %w", command.Name(args[0]), err)
	}
	var cases []scoringtest.Case
	for i, b := range files {
		cs, err := scoringtest.ReadCases(bytes.NewReader(b))
		if err != nil {
			return nil, fmt.Errorf("用例 %s: %w", command.Name(args[i+1]), err)
		}
		cases = append(cases, cs...)
	}
	s := &suite{what: "决策表", row: "规则", unit: "行", version: tab.Version}
	for i := range cases {
		cases[i].Name = caseName(cases[i].Name, i)
		s.names = append(s.names, cases[i].Name)
	}
	s.runCase = func(i int, t *collect) { scoringtest.Run(t, tab, cases[i:i+1]) }
	s.cover = func(t *tested) {
		c := scoringtest.Cover(tab, cases)
		t.Coverage, t.Unreached = c, c.Unreached()
		t.rows = []coverRow{}
		for _, r := range c.Rows {
			t.rows = append(t.rows, coverRow{r.Rule, r.Name, r.Cases})
		}
	}
	return s, nil
}

// loadSheetSuite reads an assessment sheet and assessmenttest cases.
func loadSheetSuite(policy []byte, files [][]byte, args []string) (*suite, error) {
	sheet, err := assessment.LoadSheet(bytes.NewReader(policy))
	if err != nil {
		return nil, fmt.Errorf("考核细则 %s: %w", command.Name(args[0]), err)
	}
	var cases []assessmenttest.Case
	for i, b := range files {
		cs, err := assessmenttest.ReadCases(bytes.NewReader(b))
		if err != nil {
			return nil, fmt.Errorf("用例 %s: %w", command.Name(args[i+1]), err)
		}
		cases = append(cases, cs...)
	}
	s := &suite{what: "考核细则", row: "项目", unit: "个", version: sheet.Version}
	for i := range cases {
		cases[i].Name = caseName(cases[i].Name, i)
		s.names = append(s.names, cases[i].Name)
	}
	s.runCase = func(i int, t *collect) { assessmenttest.Run(t, sheet, cases[i:i+1]) }
	s.cover = func(t *tested) {
		c := assessmenttest.Cover(sheet, cases)
		t.Coverage, t.Unreached = c, c.Unreached()
		t.rows = []coverRow{}
		for _, r := range c.Rows {
			t.rows = append(t.rows, coverRow{r.Item, r.Name, r.Cases})
		}
	}
	return s, nil
}
