package assessmenttest

import (
	"github.com/qingdan/qingdan/assessment"
	"github.com/qingdan/qingdan/internal/tablecase"
)

// Coverage says which items of a sheet a set of cases reached, in the
// manner of opa test --coverage: an item is reached by a case when it
// moves the case's result or fires as a veto (it has a Reason in the
// Result). Rows has one entry per item of the sheet, in the sheet's order.
type Coverage struct {
	Sheet string `json:"sheet"` // the sheet's Version
	Rows  []Row  `json:"rows"`
}

// Row is one item of a sheet and the cases that reached it. Item is its
// number, 1-based, as a Reason gives it; Cases are the names of the cases
// (by position, "#0", … for a case with no name) in the order given; none
// when the item was never reached.
type Row struct {
	Item  int      `json:"item"`
	Name  string   `json:"name,omitempty"`
	Cases []string `json:"cases,omitempty"`
}

// sheetPolicy names a sheet of the given version in a coverage report.
func sheetPolicy(version string) tablecase.Policy {
	return tablecase.Policy{Kind: "sheet", Version: version, Row: "item"}
}

// String names the row as a report does: item 3 "超时", or item 3 for an
// item with no name.
func (r Row) String() string { return sheetPolicy("").Label(r.Item, r.Name) }

// Cover finds which items of s the cases reach. A case that Apply refuses
// reaches nothing, whether or not it wants the error; a case that panics
// Apply reaches nothing. Cover panics if s is nil.
func Cover(s *assessment.Sheet, cases []Case) Coverage {
	if s == nil {
		panic("assessmenttest: Cover: nil *assessment.Sheet")
	}
	by := tablecase.Reach(len(s.Items), cases, func(c Case) string { return c.Name }, func(cs Case, reach func(item int)) {
		if r, panicked, err := apply(s, cs.Facts); panicked == nil && err == nil {
			for _, why := range r.Reasons {
				reach(why.Item)
			}
		}
	})
	c := Coverage{Sheet: s.Version, Rows: make([]Row, len(s.Items))}
	for i, it := range s.Items {
		c.Rows[i] = Row{Item: i + 1, Name: it.Name, Cases: by[i]}
	}
	return c
}

// Unreached returns the rows no case reached, in the sheet's order.
func (c Coverage) Unreached() []Row { return tablecase.Unreached(c.Rows, reached) }

// reached returns the names of the cases that reached the row.
func reached(r Row) []string { return r.Cases }

// String reports the coverage one item a line, as
//
//	sheet "沙塘路派驻机构考核细则/2020": 3 of 4 items reached
//	item 1 "被督办": 2 cases
//	item 2 "市级表扬": never reached
func (c Coverage) String() string { return tablecase.Summary(sheetPolicy(c.Sheet), c.Rows, reached) }

// RequireCoverage fails t, through one t.Errorf, when some item of s is
// reached by none of the cases, naming every such item:
//
//	sheet "沙塘路派驻机构考核细则/2020": no case reaches item 2 "市级表扬", item 4 "重大责任事故"
//
// It does not check the cases' results; call [Run] for that. It panics
// if s is nil.
func RequireCoverage(t Testing, s *assessment.Sheet, cases []Case) {
	if h, ok := t.(interface{ Helper() }); ok {
		h.Helper()
	}
	if s == nil {
		panic("assessmenttest: RequireCoverage: nil *assessment.Sheet")
	}
	rows := Cover(s, cases).Rows
	tablecase.Require(t, sheetPolicy(s.Version), rows, reached)
}
