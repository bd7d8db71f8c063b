package scoringtest

import (
	"github.com/qingdan/qingdan/internal/tablecase"
	"github.com/qingdan/qingdan/scoring"
)

// Coverage says which rows of a decision table a set of cases reached, in
// the manner of opa test --coverage: a row is reached by a case when it is
// the rule that grades the case's facts (the first whose conditions all
// hold: the rule the Result's reason names). Rows has one entry per rule
// of the table, in the table's order.
type Coverage struct {
	Table string `json:"table"` // the table's Version
	Rows  []Row  `json:"rows"`
}

// Row is one rule of a table and the cases that reached it. Rule is its
// number, 1-based, as a Result's Reason quotes it; Cases are the names of
// the cases (by position, "#0", … for a case with no name) in the order
// given; none when the row was never reached.
type Row struct {
	Rule  int      `json:"rule"`
	Name  string   `json:"name,omitempty"`
	Cases []string `json:"cases,omitempty"`
}

// String names the row as a Reason does: rule 3 "late", or rule 3 for a
// rule with no name.
func (r Row) String() string { return tablePolicy("").Label(r.Rule, r.Name) }

// tablePolicy names a table of the given version in a coverage report.
func tablePolicy(version string) tablecase.Policy {
	return tablecase.Policy{Kind: "table", Version: version, Row: "rule"}
}

// Cover finds which rows of tab the cases reach, grading each case's facts
// with tab. A case the table refuses (no rule matches, or the rule's grade
// is not on the scale, which Validate reports) reaches nothing; a case
// that wants an error is counted like any other, since it too tests the
// row its facts reach. Cover panics if tab is nil.
func Cover(tab *scoring.Table, cases []Case) Coverage {
	if tab == nil {
		panic("scoringtest: Cover: nil *scoring.Table")
	}
	by := tablecase.Reach(len(tab.Rules), cases, func(c Case) string { return c.Name }, func(cs Case, reach func(rule int)) {
		if r, err := tab.Evaluate(cs.Facts); err == nil && len(r.Reasons) > 0 {
			reach(r.Reasons[0].Rule)
		}
	})
	c := Coverage{Table: tab.Version, Rows: make([]Row, len(tab.Rules))}
	for i, r := range tab.Rules {
		c.Rows[i] = Row{Rule: i + 1, Name: r.Name, Cases: by[i]}
	}
	return c
}

// Unreached returns the rows no case reached, in the table's order.
func (c Coverage) Unreached() []Row { return tablecase.Unreached(c.Rows, reached) }

// reached returns the names of the cases that reached the row.
func reached(r Row) []string { return r.Cases }

// String reports the coverage one rule a line, as
//
//	table "wuhu-2026": 5 of 6 rules reached
//	rule 1 "not responded": 2 cases
//	rule 2 "returned": never reached
func (c Coverage) String() string { return tablecase.Summary(tablePolicy(c.Table), c.Rows, reached) }

// RequireCoverage fails t, through one t.Errorf, when some row of tab is
// reached by none of the cases, naming every such row:
//
//	table "wuhu-2026": no case reaches rule 2 "returned", rule 5 "late"
//
// It does not grade the cases; call [Run] for that. It panics if tab is
// nil.
func RequireCoverage(t Testing, tab *scoring.Table, cases []Case) {
	if h, ok := t.(interface{ Helper() }); ok {
		h.Helper()
	}
	if tab == nil {
		panic("scoringtest: RequireCoverage: nil *scoring.Table")
	}
	rows := Cover(tab, cases).Rows
	tablecase.Require(t, tablePolicy(tab.Version), rows, reached)
}
