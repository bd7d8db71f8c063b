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
)

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
