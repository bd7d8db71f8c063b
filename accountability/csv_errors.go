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
// [ErrInvalid] for a 权力类型 that is no category). Chinese says what is
// wrong in Chinese, as a report printed in Chinese shows it, after the
// cell's row, column, header and text, which it does not repeat: for a
// 权力类型 that is no category, "不是已知的权力类型，应为 行政许可、行政处罚、…、
// 内部管理之一". Every CellError the readers return has one; text from the
// file in it is cut to a line.
type CellError struct {
	Row     int
	Line    int
	Column  int
	Header  string
	Value   string
	Err     error
	Chinese string
}

// Error reports the cell, e.g. `row 3, column 2 (权力类型) "行政审批": …`.
// The header and the value, text from the file, are each cut to their
// first 64 bytes, with the length noted, and the value is quoted; a
// control or invisible character of either (a bidi override) is escaped:
// `(备\u202e注)`.
func (e *CellError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "row %d", e.Row)
	if e.Column > 0 {
		fmt.Fprintf(&b, ", column %d", e.Column)
	}
	if e.Header != "" {
		b.WriteString(" (" + errtext.Cut(e.Header) + ")") // a header from the file, escaped and cut as a name is
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
	fmt.Fprintf(&b, "accountability: %s: %d bad cell(s)", listName(e.List), len(e.Cells))
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
		cells = append(cells, CellError{Row: row, Err: fmt.Errorf("%d more bad cells, not listed (the first %d are): %w", dropped, MaxBadCells, ErrCell),
			Chinese: fmt.Sprintf("另有 %d 个有误的单元格未列出（只列出前 %d 个）", dropped, MaxBadCells)})
	}
	return &CSVError{List: list, Cells: cells}
}

// RecordError is the error of a record of an imported spreadsheet that
// the CSV format cannot read, such as one with a stray quote, which ends
// the import. List names the list as [CSVError.List] does; Row is the
// spreadsheet row, 1 for the header; Err is the *csv.ParseError, whose
// Line is the line of the file where the format failed. Chinese says what
// is wrong in Chinese, naming the line, as a report printed in Chinese
// shows it ("文件第 3 行：带引号的单元格中引号多出或缺少（CSV 格式无法读取）").
// [errors.Is] finds [ErrInvalid] in it, and [errors.As] the
// *csv.ParseError.
type RecordError struct {
	List    string
	Row     int
	Err     error
	Chinese string
}

// Error reports the record, e.g. `accountability: power list: row 3:
// accountability: invalid: parse error on line 3, column 15: …`; of the
// header row, it names no row.
func (e *RecordError) Error() string {
	return fmt.Sprintf("%s: %v: %v", recordAt(e.List, e.Row), ErrInvalid, e.Err)
}

// Unwrap returns [ErrInvalid] and Err.
func (e *RecordError) Unwrap() []error { return []error{ErrInvalid, e.Err} }

// listName is the list an error names: list, or "power list" if empty.
func listName(list string) string {
	if list == "" {
		return powerList
	}
	return list
}

// recordAt names the record of row row of the list list in an error: the
// list, and the row but for the header's.
func recordAt(list string, row int) string {
	if row <= 1 {
		return "accountability: " + listName(list)
	}
	return fmt.Sprintf("accountability: %s: row %d", listName(list), row)
}
