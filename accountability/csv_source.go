package accountability

// Where the records of a power list come from, and what a record of none
// of its cells is.

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/qingdan/qingdan/internal/errtext"
)

// source is where the records of a list come from: a *csv.Reader, or rows.
type source interface {
	Read() ([]string, error)
	FieldPos(field int) (line, column int)
}

// rowSource serves rows of cells as records; a record's line is its row.
type rowSource struct {
	rows [][]string
	i    int
	rec  []string
}

func (s *rowSource) Read() ([]string, error) {
	if s.i >= len(s.rows) {
		return nil, io.EOF
	}
	s.rec = append(s.rec[:0], s.rows[s.i]...) // the caller's rows stay as they are
	s.i++
	return s.rec, nil
}

func (s *rowSource) FieldPos(int) (line, column int) { return s.i, 0 }

// unreadable is the error of the record at row row of the list list that
// a source could not read, err: a *RecordError where err is a
// *csv.ParseError, a record the CSV format cannot read (invalid input,
// unlike a failure to read the text); else err, after the list and the
// row.
func unreadable(list string, row int, err error) error {
	if pe, ok := errors.AsType[*csv.ParseError](err); ok {
		return &RecordError{List: list, Row: row, Err: err, Chinese: parseFault(pe)}
	}
	return fmt.Errorf("%s: %w", recordAt(list, row), err)
}

// csvFaults say in Chinese what each error of the CSV format means.
var csvFaults = []struct {
	err error
	zh  string
}{
	{csv.ErrQuote, "带引号的单元格中引号多出或缺少"},
	{csv.ErrBareQuote, "未加引号的单元格中有引号（\"）：应给整个单元格加上引号，并把其中的引号写作两个（\"\"）"},
	{csv.ErrFieldCount, "单元格的个数不对"},
}

// parseFault says in Chinese what the CSV format found wrong, and on
// which line of the file.
func parseFault(pe *csv.ParseError) string {
	at := fmt.Sprintf("文件第 %d 行", pe.Line)
	if pe.StartLine != pe.Line {
		at = fmt.Sprintf("文件第 %d 行（这一行记录从第 %d 行开始）", pe.Line, pe.StartLine)
	}
	for _, f := range csvFaults {
		if errors.Is(pe.Err, f.err) {
			return at + "：" + f.zh + "（CSV 格式无法读取）"
		}
	}
	return at + "：CSV 格式无法读取（" + errtext.Cut(fmt.Sprint(pe.Err)) + "）"
}

func blankRecord(rec []string) bool {
	for _, s := range rec {
		if strings.TrimSpace(s) != "" {
			return false
		}
	}
	return true
}
