package accountability

// The errors of a spreadsheet import: one per bad cell, listed together.

import (
	"fmt"
	"strings"

	"github.com/qingdan/qingdan/internal/errtext"
)

// CellError is one bad cell of an imported spreadsheet. Row is the
// spreadsheet row, 1-based, the header being row 1 (a cell spanning several
// lines is still one row); Line is the line of the file where the cell
// starts. Column is 1-based, and 0 for a column that is missing altogether.
// Header is the column's header and Value the cell's text. Err says what is
// wrong; it wraps [ErrCell] and, where there is one, the cause (such as
// [ErrInvalid] for a 权力类型 that is no category).
type CellError struct {
	Row    int
	Line   int
	Column int
	Header string
	Value  string
	Err    error
}

// Error reports the cell, e.g. `row 3, column 2 (权力类型) "行政审批": …`.
func (e *CellError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "row %d", e.Row)
	if e.Column > 0 {
		fmt.Fprintf(&b, ", column %d", e.Column)
	}
	if e.Header != "" {
		fmt.Fprintf(&b, " (%s)", e.Header)
	}
	if e.Value != "" {
		b.WriteString(" ")
		b.WriteString(errtext.Quote(e.Value)) // %q for a short value; the start and the length of a long one
	}
	fmt.Fprintf(&b, ": %v", e.Err)
	return b.String()
}

// Unwrap returns the cause.
func (e *CellError) Unwrap() error { return e.Err }

// CSVError lists every bad cell of an imported spreadsheet, in row order
// and, within a row, in column order. List names the list the error
// begins with: "power list" ([ReadPowersCSV]; also when List is empty)
// or "responsibility list" ([ReadResponsibilitiesCSV]).
// [errors.Is] and [errors.As] look at every cell's error.
type CSVError struct {
	List  string
	Cells []CellError
}

// Error lists every bad cell, one a line.
func (e *CSVError) Error() string {
	var b strings.Builder
	list := e.List
	if list == "" {
		list = powerList
	}
	fmt.Fprintf(&b, "accountability: %s: %d bad cell(s)", list, len(e.Cells))
	for i := range e.Cells {
		b.WriteString("\n\t")
		b.WriteString(e.Cells[i].Error())
	}
	return b.String()
}

// Unwrap returns each cell's error.
func (e *CSVError) Unwrap() []error {
	errs := make([]error, len(e.Cells))
	for i := range e.Cells {
		errs[i] = &e.Cells[i]
	}
	return errs
}

// capCells returns the error of an import's bad cells, of the list list:
// the first MaxBadCells, and a last one that counts the others, at the
// last row.
func capCells(list string, cells []CellError, dropped, row int) *CSVError {
	if dropped > 0 {
		cells = append(cells, CellError{Row: row, Err: fmt.Errorf("%d more bad cells, not listed (the first %d are): %w", dropped, MaxBadCells, ErrCell)})
	}
	return &CSVError{List: list, Cells: cells}
}
