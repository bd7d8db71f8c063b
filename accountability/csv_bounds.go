package accountability

import (
	"fmt"
	"io"
	"strings"
)

// The bounds of a power list read from or written to a spreadsheet. A
// longer cell, a longer file or more bad cells are no published list's,
// and would make an import take memory and time out of proportion.
const (
	// MaxCellBytes is the longest cell, in bytes of UTF-8: some 87,000
	// Chinese characters. ReadPowersCSV and ReadPowerRows report a longer
	// cell as bad (its CellError wraps ErrInvalid too) and read it as
	// blank; WritePowersCSV refuses a power that would make one.
	MaxCellBytes = 256 << 10
	// MaxCSVBytes is the longest text ReadPowersCSV reads, in bytes of
	// UTF-8 (a GB18030 file is counted as decoded); a longer file is an
	// error wrapping ErrInvalid.
	MaxCSVBytes = 64 << 20
	// MaxBadCells is how many bad cells a [CSVError] lists; a last
	// CellError counts the others.
	MaxBadCells = 1000
	// MaxColumns is the most cells a row may have, the header included:
	// the columns of a spreadsheet (A to XFD). ReadPowersCSV and
	// ReadPowerRows refuse a list with a longer row, whole, with a
	// *CSVError whose one cell, at column MaxColumns+1 of that row, wraps
	// ErrInvalid; ReadPowersCSV finds it before the CSV format reads the
	// row, which would take memory for every cell.
	MaxColumns = 16384
)

// wideRow is the error of a list (list names it) whose row row, starting
// at line line, has more than MaxColumns cells.
func wideRow(list string, row, line int) *CSVError {
	return &CSVError{List: list, Cells: []CellError{{Row: row, Line: line, Column: MaxColumns + 1,
		Err:     fmt.Errorf("a row of more than %d cells (MaxColumns): %w: %w", MaxColumns, ErrCell, ErrInvalid),
		Chinese: fmt.Sprintf("这一行超过 %d 个单元格（MaxColumns，电子表格最多的列数）", MaxColumns)}}}
}

// wideRecord returns the row and the starting line of the first record of
// data, a CSV text, with more than MaxColumns cells, counting records as
// encoding/csv does (an empty line is none, a quoted cell may span lines);
// 0 and 0 if there is none. A quote the CSV format would refuse may make
// it miscount the rest of the text, which the CSV format then refuses at
// that quote.
func wideRecord(data []byte) (row, line int) {
	line, start := 1, 1
	cells, empty, quoted := 1, true, false
	for i, b := range data {
		switch {
		case b == '"':
			quoted, empty = !quoted, false
		case quoted:
			if b == '\n' {
				line++
			}
		case b == ',':
			cells, empty = cells+1, false
			if cells > MaxColumns {
				return row + 1, start
			}
		case b == '\n':
			if !empty {
				row++
			}
			line++
			start, cells, empty = line, 1, true
		case b == '\r' && i+1 < len(data) && data[i+1] == '\n': // part of the line's end
		default:
			empty = false
		}
	}
	return 0, 0
}

// errTooLong is the error of a file over MaxCSVBytes.
var errTooLong = fmt.Errorf("the text is longer than %d bytes (MaxCSVBytes): %w", MaxCSVBytes, ErrInvalid)

// limitedText reads at most left bytes of r, and then fails with
// errTooLong if r goes on: a text of exactly left bytes reads whole.
type limitedText struct {
	r    io.Reader
	left int64
}

func (l *limitedText) Read(p []byte) (int, error) {
	if len(p) == 0 {
		return 0, nil
	}
	if l.left <= 0 {
		// At the bound: the text is too long only if it goes on.
		var one [1]byte
		n, err := l.r.Read(one[:])
		if n > 0 {
			return 0, errTooLong
		}
		return 0, err
	}
	if int64(len(p)) > l.left {
		p = p[:l.left+1] // one byte more, to tell a file of exactly the limit from a longer one
	}
	n, err := l.r.Read(p)
	if int64(n) > l.left {
		return int(l.left), errTooLong
	}
	l.left -= int64(n)
	return n, err
}

// Spreadsheet formulas. A cell that begins with =, +, -, @, a tab or a
// carriage return is a formula, or starts one, for a spreadsheet program
// that opens the file (=HYPERLINK(…) would run when a published list is
// opened: CSV injection). WritePowersCSV neutralises such a cell with a
// leading apostrophe, which a spreadsheet shows as text and does not
// keep in the value; so does it a cell that begins with an apostrophe, so
// that the apostrophe it adds is always the one ReadPowersCSV removes.
const formulaStarts = "=+-@\t\r"

// neutralise returns s with a leading apostrophe if it begins with a
// formula character or an apostrophe.
func neutralise(s string) string {
	if s != "" && (strings.IndexByte(formulaStarts, s[0]) >= 0 || s[0] == '\'') {
		return "'" + s
	}
	return s
}

// restore undoes neutralise: it removes the apostrophe before a formula
// character or an apostrophe, as a spreadsheet does on reading the cell.
func restore(s string) string {
	if len(s) >= 2 && s[0] == '\'' && (strings.IndexByte(formulaStarts, s[1]) >= 0 || s[1] == '\'') {
		return s[1:]
	}
	return s
}
