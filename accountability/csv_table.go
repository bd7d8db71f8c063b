package accountability

// The reading of a published list's table, whatever the list: its text,
// its header, its records one by one with their cells checked, and its bad
// cells. A reader of a kind of list (ReadPowersCSV,
// ReadResponsibilitiesCSV) says what a record is.

import (
	"bytes"
	"cmp"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// csvSource returns the records of r, a CSV text as [ReadPowersCSV] reads
// it: in UTF-8 or GB18030 (gb says which), within MaxCSVBytes, without a
// byte-order mark, with no row over MaxColumns. list names the list in
// errors ("power list").
func csvSource(r io.Reader, list string) (src source, gb bool, err error) {
	text, enc, err := decodeText(r)
	if err != nil {
		if ce, ok := err.(*CellError); ok {
			return nil, false, &CSVError{List: list, Cells: []CellError{*ce}}
		}
		return nil, false, fmt.Errorf("accountability: %s: %w", list, err)
	}
	// The whole text is read first, so that a file over the bound is
	// refused before a row of it is parsed.
	data, err := io.ReadAll(&limitedText{r: text, left: MaxCSVBytes})
	if err != nil {
		return nil, false, fmt.Errorf("accountability: %s: %w", list, err)
	}
	// The byte-order mark goes before the CSV format reads the header: a
	// quoted first header after it would be a stray quote.
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	if row, line := wideRecord(data); row > 0 {
		return nil, false, wideRow(list, row, line)
	}
	cr := csv.NewReader(bytes.NewReader(data))
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true
	return cr, enc == "GB18030", nil
}

// table is how a reader reads the records of a list after its header.
type table struct {
	list string     // the list, in errors: "power list"
	cols *columnSet // its columns
	gb   bool       // the records were decoded from GB18030, which turns a byte sequence it does not have into U+FFFD
	// layout, if not nil, adjusts the columns found by header, before
	// any record is read.
	layout func(l *columnLayout)
	// row reads a record with a filled cell, its cells checked, and
	// reports its bad cells on rc.
	row func(rc *rowCells)
	// blank is called for a record with no filled cell.
	blank func()
	// end is called once no more records come: at the end of src, or at
	// a record the CSV format cannot read.
	end func()
}

// read reads the header of src, then each record after it. It returns the
// import's error, and whether it failed whole, so that the reader returns
// no items: an empty file, a header over the bounds or without a required
// column, a row over MaxColumns. Else the error, if any, lists the bad
// cells (the first MaxBadCells) and the record the CSV format could not
// read, which ends the import; the reader returns the items read.
func (t *table) read(src source) (whole bool, err error) {
	header, err := src.Read()
	if err == io.EOF {
		return true, &CSVError{List: t.list, Cells: []CellError{{Row: 1, Line: 1, Err: fmt.Errorf("empty file, no header row: %w", ErrCell),
			Chinese: "文件是空的，没有表头行"}}}
	}
	if err != nil {
		return true, unreadable(t.list, 1, err)
	}
	if len(header) > MaxColumns {
		line, _ := src.FieldPos(0)
		return true, wideRow(t.list, 1, line)
	}
	for j, h := range header {
		header[j] = restore(h) // measured as it reads, as a cell is
		if len(header[j]) > MaxCellBytes {
			return true, &CSVError{List: t.list, Cells: []CellError{{Row: 1, Line: 1, Column: j + 1, Value: h,
				Err:     fmt.Errorf("a header longer than %d bytes (MaxCellBytes): %w: %w", MaxCellBytes, ErrCell, ErrInvalid),
				Chinese: fmt.Sprintf("表头超过 %d 字节（MaxCellBytes）", MaxCellBytes)}}}
		}
		if strings.IndexByte(header[j], 0) >= 0 {
			// decodeText refuses a zero byte on the header's first line of
			// the file; one on a later line of a quoted header, or in
			// rows, is refused here, for a writer would write it back on
			// the first.
			line, _ := src.FieldPos(j)
			return true, &CSVError{List: t.list, Cells: []CellError{{Row: 1, Line: line, Column: j + 1, Value: h,
				Err:     fmt.Errorf("a header holding a zero byte, which no list's header has (is the file UTF-16 text, Excel's \"Unicode text\"? save it as CSV in UTF-8 or GB18030): %w", ErrCell),
				Chinese: "表头含有零字节，表格的表头不会有（文件是否为 UTF-16 文本，即 Excel 的“Unicode 文本”？" + saveAs + "）"}}}
		}
	}
	l, cells := t.cols.mapHeaders(header, src)
	if cells != nil {
		return true, &CSVError{List: t.list, Cells: cells}
	}
	if t.layout != nil {
		t.layout(&l)
	}
	dropped, row := 0, 2 // bad cells past MaxBadCells, only counted
	rc := rowCells{l: &l, src: src}
	for ; ; row++ {
		rec, err := src.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.end()
			err = unreadable(t.list, row, err)
			if len(cells) > 0 {
				return false, errors.Join(capCells(t.list, cells, dropped, row), err)
			}
			return false, err
		}
		if len(rec) > MaxColumns {
			line, _ := src.FieldPos(0)
			return true, wideRow(t.list, row, line)
		}
		for j, c := range rec {
			rec[j] = restore(c) // a formula a writer neutralised
		}
		if blankRecord(rec) {
			t.blank()
			continue
		}
		rc.rec, rc.row, rc.long, rc.bad = rec, row, nil, rc.bad[:0]
		rc.check(t.gb)
		t.row(&rc)
		slices.SortStableFunc(rc.bad, func(a, b CellError) int { return cmp.Compare(a.Column, b.Column) })
		keep := min(len(rc.bad), max(MaxBadCells-len(cells), 0))
		cells = append(cells, rc.bad[:keep]...)
		dropped += len(rc.bad) - keep
	}
	t.end()
	if len(cells) > 0 {
		return false, capCells(t.list, cells, dropped, row-1)
	}
	return false, nil
}

// saveAs says in Chinese how to save a spreadsheet for the readers.
const saveAs = "请把表格另存为 UTF-8 或 GB18030 编码的 CSV 文件"

// rowCells is one record of a list as a reader reads it, and its bad
// cells.
type rowCells struct {
	rec  []string
	row  int
	l    *columnLayout
	src  source
	long []bool // the cells over MaxCellBytes, reported once and read as blank; nil if none
	bad  []CellError
}

// check reports the cells no reader can read: one over MaxCellBytes (read
// as blank), one that is not text of the file's encoding (gb: GB18030),
// and one beyond the last column.
func (rc *rowCells) check(gb bool) {
	for j, s := range rc.rec {
		if len(s) > MaxCellBytes {
			rc.fail(j, fmt.Sprintf("单元格超过 %d 字节（MaxCellBytes），按空白读取", MaxCellBytes), "longer than %d bytes (MaxCellBytes): %w", MaxCellBytes, ErrInvalid)
			rc.rec[j] = "" // read as blank: nothing more is done with it
			if rc.long == nil {
				rc.long = make([]bool, len(rc.rec))
			}
			rc.long[j] = true
			continue
		}
		if !utf8.ValidString(s) {
			rc.fail(j, "不是 UTF-8 文本（"+saveAs+"）", "not UTF-8 text (save the spreadsheet as CSV in UTF-8 or GB18030)")
			rc.rec[j] = strings.ToValidUTF8(s, "\uFFFD")
		} else if gb && strings.ContainsRune(s, utf8.RuneError) {
			rc.fail(j, "不是 GB18030 文本，有 GB18030 中没有的字节序列（"+saveAs+"）", "not GB18030 text (a byte sequence GB18030 does not have; save the spreadsheet as CSV in UTF-8 or GB18030)")
		}
		if j >= len(rc.l.header) && strings.TrimSpace(s) != "" {
			rc.fail(j, "单元格在最后一列之后，没有表头", "cell beyond the last column, with no header")
		}
	}
}

// fail reports cell j bad: zh says why in Chinese, format and args in
// English; the error wraps ErrCell.
func (rc *rowCells) fail(j int, zh, format string, args ...any) {
	line, _ := rc.src.FieldPos(j)
	h := ""
	if j < len(rc.l.header) {
		h = rc.l.header[j]
	}
	args = append(args, ErrCell)
	rc.bad = append(rc.bad, CellError{Row: rc.row, Line: line, Column: j + 1, Header: h, Value: rc.rec[j], Err: fmt.Errorf(format+": %w", args...), Chinese: zh})
}

// cell is the cell of column c, trimmed ("" if the list has no such column
// or the row is short), and its position (-1 for no such column).
func (rc *rowCells) cell(c int) (string, int) {
	j := rc.l.cols[c]
	if j < 0 || j >= len(rc.rec) {
		return "", j
	}
	return strings.TrimSpace(rc.rec[j]), j
}

// serial is the cell of column c, a 序号, reported bad unless it is blank
// or a whole number; its full-width digits (１２), which read alike, are
// returned as ASCII ones.
func (rc *rowCells) serial(c int) string {
	s, j := rc.cell(c)
	s = strings.Map(asciiDigit, s)
	if s != "" {
		if n, err := strconv.Atoi(s); err != nil || n < 0 {
			rc.fail(j, "序号不是非负整数", "序号 is not a whole number")
		}
	}
	return s
}

// blank reports the cell of column c, at position j (as cell returns it),
// blank where it must not be; a cell read as blank for its length is
// reported already.
func (rc *rowCells) blank(c, j int) {
	if rc.tooLong(j) {
		return
	}
	name := rc.l.set.name(c)
	if j >= len(rc.rec) {
		line, _ := rc.src.FieldPos(0)
		rc.bad = append(rc.bad, CellError{Row: rc.row, Line: line, Column: j + 1, Header: name, Err: fmt.Errorf("%s is blank (the row is short): %w", name, ErrCell),
			Chinese: "未填写" + name + "（这一行的单元格不到这一列）"})
		return
	}
	rc.fail(j, "未填写"+name, "%s is blank", name)
}

// tooLong reports whether cell j (-1: none) was over MaxCellBytes, and is
// read as blank.
func (rc *rowCells) tooLong(j int) bool {
	return rc.long != nil && j >= 0 && j < len(rc.rec) && rc.long[j]
}

// extras calls keep with each filled cell of a column of no modelled
// header, trimmed, and the key it is kept under.
func (rc *rowCells) extras(keep func(k, s string)) {
	for j := range rc.rec { // the row's cells, not the header's: a row costs its own length
		if k, ok := rc.l.extra[j]; ok {
			if s := strings.TrimSpace(rc.rec[j]); s != "" {
				keep(k, s)
			}
		}
	}
}

// continues reports whether every filled cell of the record (a cell read
// as blank for its length was filled) is in one of the columns cols or in
// a column kept in Extra: a row that continues the item above it, where
// the spreadsheet merged the item's other cells.
func (rc *rowCells) continues(cols []int) bool {
	for j, s := range rc.rec {
		filled := strings.TrimSpace(s) != "" || rc.tooLong(j)
		if _, kept := rc.l.extra[j]; filled && !kept && !slices.ContainsFunc(cols, func(c int) bool { return rc.l.cols[c] == j }) {
			return false
		}
	}
	return true
}
