package accountability

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
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
		fmt.Fprintf(&b, " %q", e.Value)
	}
	fmt.Fprintf(&b, ": %v", e.Err)
	return b.String()
}

// Unwrap returns the cause.
func (e *CellError) Unwrap() error { return e.Err }

// CSVError lists every bad cell of an imported spreadsheet, in row order
// and, within a row, in column order.
// [errors.Is] and [errors.As] look at every cell's error.
type CSVError struct {
	Cells []CellError
}

// Error lists every bad cell, one a line.
func (e *CSVError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "accountability: power list: %d bad cell(s)", len(e.Cells))
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

// The columns of a power list.
const (
	colSerial = iota
	colCategory
	colCode
	colName
	colSub
	colBasis
	colDuties
	colLiabilities
	colSubject
	colStatutory
	colPromised
	colFlow
	numCols
)

// csvHeaders are the accepted headers of each column; the first is the
// canonical one. The first eight columns are those of a published list.
var csvHeaders = [numCols][]string{
	colSerial:      {"序号"},
	colCategory:    {"权力类型", "权力类别", "事项类型"},
	colCode:        {"项目编码", "权力编码", "事项编码", "编码"},
	colName:        {"项目名称", "权力名称", "事项名称"},
	colSub:         {"子项", "子项名称"},
	colBasis:       {"实施依据", "设定依据"},
	colDuties:      {"责任事项"},
	colLiabilities: {"追责情形", "问责情形"},
	colSubject:     {"实施主体", "责任主体"},
	colStatutory:   {"法定时限", "法定期限"},
	colPromised:    {"承诺时限", "承诺期限"},
	colFlow:        {"流程图", "流程图编号"},
}

// required columns: a list without one of them is refused outright.
var csvRequired = []int{colCategory, colCode, colName, colBasis, colDuties, colLiabilities}

// ReadPowersCSV imports a power list from a UTF-8 CSV export of a
// spreadsheet with the headers that published lists use: 序号, 权力类型,
// 项目编码, 项目名称, 子项, 实施依据, 责任事项, 追责情形 — and, optionally,
// 实施主体, 法定时限, 承诺时限 and 流程图 (the flowchart's ID). Columns are
// found by header, in any order; a byte-order mark and spaces around
// headers are ignored; columns with other headers are ignored. 权力类型,
// 项目编码, 项目名称, 实施依据, 责任事项 and 追责情形 must be present.
//
// Cells:
//   - 权力类型 is a [Category]: its code, its label (行政许可) or the short
//     label (许可). 项目编码 and 项目名称 must not be blank. 序号, if given, is
//     a whole number.
//   - Multi-valued cells (实施依据, 责任事项, 追责情形) hold one value a line:
//     they are split at line breaks only, never at "；", because legal text
//     uses "；" inside one article. Blank lines are skipped, and a leading
//     number such as "1." "2、" "（3）" is removed from a duty or liability.
//   - A basis line reads "《法律名称》第X条：条文"; the law's name is taken
//     from the book-title marks, the article up to the colon, the text after
//     it. A line with no 《》 is taken whole as the law.
//   - A duty line reads "受理责任：内容" (or "受理：内容"), the prefix being a
//     [Stage] label such as 受理, 审查, 审理, 调查取证, 决定, 送达, 执行, 事后监管.
//     A "…责任：" heading that names no stage of ours (检查责任, 处置责任 in
//     an inspection) gives a duty of [OtherStage] whose text is the whole
//     line, heading included, so nothing is lost. A line with no heading is a
//     duty with no stage.
//   - 法定时限 and 承诺时限 are working days: "20", "20个工作日", "20日";
//     blank is 0.
//
// Every row becomes a power, in order; only rows whose every cell is blank
// are skipped. Every bad cell is reported: the error is then a *[CSVError]
// listing each with its row and column, and the powers are still returned
// (bad cells left at their zero value) so the caller can show them. A
// missing required column, or CSV that cannot be read, fails the whole
// import. The importer does not validate the list as a whole; run
// [Register.Validate] for that.
func ReadPowersCSV(r io.Reader) ([]Power, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	header, err := cr.Read()
	if err == io.EOF {
		return nil, &CSVError{Cells: []CellError{{Row: 1, Line: 1, Err: fmt.Errorf("empty file, no header row: %w", ErrCell)}}}
	}
	if err != nil {
		return nil, fmt.Errorf("accountability: power list: %w", err)
	}
	cols, cells := mapHeaders(header, cr)
	if cells != nil {
		return nil, &CSVError{Cells: cells}
	}
	var powers []Power
	for row := 2; ; row++ {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			if len(cells) > 0 {
				return powers, errors.Join(&CSVError{Cells: cells}, fmt.Errorf("accountability: power list: row %d: %w", row, err))
			}
			return powers, fmt.Errorf("accountability: power list: row %d: %w", row, err)
		}
		if blankRecord(rec) {
			continue
		}
		p, bad := readPowerRow(rec, row, cols, header, cr)
		powers = append(powers, p)
		cells = append(cells, bad...)
	}
	if len(cells) > 0 {
		return powers, &CSVError{Cells: cells}
	}
	return powers, nil
}

func normHeader(s string) string {
	s = strings.TrimPrefix(s, "\ufeff")
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || r == '\ufeff' {
			return -1
		}
		return r
	}, s)
}

// mapHeaders finds each known column's position (-1 if absent).
func mapHeaders(header []string, cr *csv.Reader) ([numCols]int, []CellError) {
	var cols [numCols]int
	for c := range cols {
		cols[c] = -1
	}
	var cells []CellError
	for j, h := range header {
		n := normHeader(h)
		for c, names := range csvHeaders {
			for _, name := range names {
				if n != name {
					continue
				}
				if cols[c] >= 0 {
					line, _ := cr.FieldPos(j)
					cells = append(cells, CellError{Row: 1, Line: line, Column: j + 1, Header: n,
						Err: fmt.Errorf("column %s appears twice (also column %d): %w", csvHeaders[c][0], cols[c]+1, ErrCell)})
				} else {
					cols[c] = j
				}
			}
		}
	}
	for _, c := range csvRequired {
		if cols[c] < 0 {
			cells = append(cells, CellError{Row: 1, Line: 1, Header: csvHeaders[c][0],
				Err: fmt.Errorf("required column %s is missing: %w", csvHeaders[c][0], ErrCell)})
		}
	}
	return cols, cells
}

func blankRecord(rec []string) bool {
	for _, s := range rec {
		if strings.TrimSpace(s) != "" {
			return false
		}
	}
	return true
}

// readPowerRow turns one record into a power and its bad cells.
func readPowerRow(rec []string, row int, cols [numCols]int, header []string, cr *csv.Reader) (Power, []CellError) {
	var bad []CellError
	fail := func(j int, format string, args ...any) {
		line, _ := cr.FieldPos(j)
		h := ""
		if j < len(header) {
			h = normHeader(header[j])
		}
		args = append(args, ErrCell)
		bad = append(bad, CellError{Row: row, Line: line, Column: j + 1, Header: h, Value: rec[j], Err: fmt.Errorf(format+": %w", args...)})
	}
	for j, s := range rec {
		if !utf8.ValidString(s) {
			fail(j, "not UTF-8 text (save the spreadsheet as UTF-8 CSV)")
			rec[j] = strings.ToValidUTF8(s, "\uFFFD")
		}
		if j >= len(header) && strings.TrimSpace(s) != "" {
			fail(j, "cell beyond the last column, with no header")
		}
	}
	cell := func(c int) (string, int) {
		j := cols[c]
		if j < 0 || j >= len(rec) {
			return "", j
		}
		return strings.TrimSpace(rec[j]), j
	}
	missing := func(c, j int) {
		if j >= len(rec) {
			bad = append(bad, CellError{Row: row, Column: j + 1, Header: csvHeaders[c][0], Err: fmt.Errorf("%s is blank (the row is short): %w", csvHeaders[c][0], ErrCell)})
			return
		}
		fail(j, "%s is blank", csvHeaders[c][0])
	}
	var p Power
	if s, j := cell(colSerial); s != "" {
		if n, err := strconv.Atoi(s); err != nil || n < 0 {
			fail(j, "序号 is not a whole number")
		}
	}
	if s, j := cell(colCategory); s == "" {
		missing(colCategory, j)
	} else if c, err := ParseCategory(s); err != nil {
		fail(j, "权力类型: %w", err)
	} else {
		p.Category = c
	}
	if s, j := cell(colCode); s == "" {
		missing(colCode, j)
	} else {
		p.Code = s
	}
	if s, j := cell(colName); s == "" {
		missing(colName, j)
	} else {
		p.Name = s
	}
	p.Sub, _ = cell(colSub)
	p.Subject, _ = cell(colSubject)
	p.Flow, _ = cell(colFlow)
	if s, _ := cell(colBasis); s != "" {
		for _, l := range lines(s) {
			p.Basis = append(p.Basis, parseBasis(l))
		}
	}
	if s, _ := cell(colDuties); s != "" {
		for _, l := range lines(s) {
			p.Duties = append(p.Duties, parseDuty(l))
		}
	}
	if s, _ := cell(colLiabilities); s != "" {
		for _, l := range lines(s) {
			if l = stripNumber(l); l != "" {
				p.Liabilities = append(p.Liabilities, l)
			}
		}
	}
	for _, c := range []int{colStatutory, colPromised} {
		s, j := cell(c)
		if s == "" {
			continue
		}
		n, ok := parseDays(s)
		if !ok {
			fail(j, "%s is not a number of working days", csvHeaders[c][0])
			continue
		}
		if c == colStatutory {
			p.StatutoryDays = n
		} else {
			p.PromisedDays = n
		}
	}
	sort.SliceStable(bad, func(i, j int) bool { return bad[i].Column < bad[j].Column })
	return p, bad
}

// lines splits a multi-valued cell at line breaks, trimming each line and
// dropping blank ones.
func lines(s string) []string {
	var out []string
	for _, l := range strings.FieldsFunc(s, func(r rune) bool { return r == '\n' || r == '\r' }) {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}

var numbering = regexp.MustCompile(`^(?:[（(]\s*(?:\d+|[一二三四五六七八九十]+)\s*[)）]|(?:\d+|[一二三四五六七八九十]+)\s*[.．、)）])\s*`)

// stripNumber removes a leading "1." "2、" "（3）" "四、".
func stripNumber(s string) string {
	if r, _ := utf8.DecodeRuneInString(s); !(r >= '0' && r <= '9' || r == '(' || r == '（' || strings.ContainsRune("一二三四五六七八九十", r)) {
		return s
	}
	return strings.TrimSpace(numbering.ReplaceAllString(s, ""))
}

func parseBasis(l string) Basis {
	rest, ok := strings.CutPrefix(l, "《")
	if !ok {
		return Basis{Law: l}
	}
	law, rest, ok := strings.Cut(rest, "》")
	if !ok {
		return Basis{Law: l}
	}
	b := Basis{Law: strings.TrimSpace(law)}
	rest = strings.TrimSpace(rest)
	if strings.HasPrefix(rest, "第") {
		if i := strings.IndexAny(rest, "：: 　"); i >= 0 {
			b.Article, rest = rest[:i], rest[i:]
		} else {
			b.Article, rest = rest, ""
		}
	}
	b.Text = strings.TrimSpace(strings.TrimLeft(rest, "：:,，　 "))
	return b
}

// parseDuty reads "受理责任：内容" or "受理：内容".
func parseDuty(l string) Duty {
	l = stripNumber(l)
	i := strings.IndexAny(l, "：:")
	if i < 0 {
		return Duty{Text: l}
	}
	prefix := strings.TrimSpace(l[:i])
	sep, _ := utf8.DecodeRuneInString(l[i:])
	text := strings.TrimSpace(l[i+utf8.RuneLen(sep):])
	name, isDuty := strings.CutSuffix(prefix, "责任")
	if !isDuty {
		if st, err := ParseStage(prefix); err == nil {
			return Duty{Stage: st, Text: text}
		}
		return Duty{Text: l}
	}
	if utf8.RuneCountInString(name) > 6 {
		return Duty{Text: l} // a sentence, not a stage heading
	}
	st, err := ParseStage(strings.TrimSpace(name))
	if err != nil {
		// A heading of no stage of ours, such as 检查责任 or 处置责任 in an
		// inspection: keep the line whole under OtherStage.
		return Duty{Stage: OtherStage, Text: l}
	}
	return Duty{Stage: st, Text: text}
}

func parseDays(s string) (int, bool) {
	for _, suffix := range []string{"个工作日", "工作日", "日", "天"} {
		if t, ok := strings.CutSuffix(s, suffix); ok {
			s = strings.TrimSpace(t)
			break
		}
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 0 {
		return 0, false
	}
	return n, true
}

// WritePowersCSV writes powers as a UTF-8 CSV spreadsheet with a byte-order
// mark (so that spreadsheet programs detect UTF-8) and the headers 序号,
// 权力类型, 项目编码, 项目名称, 子项, 实施依据, 责任事项, 追责情形, 实施主体, 法定时限,
// 承诺时限, 流程图: the layout [ReadPowersCSV] reads. Categories are written as
// their Chinese labels, multi-valued cells one value a line: a basis as
// "《法律名称》第X条：条文", a duty as "1.受理责任：内容", a liability as
// "1.情形"; a limit of 0 as a blank cell.
//
// Whatever ReadPowersCSV read without error, it reads back the same from
// WritePowersCSV's output. Values it could not have produced (text with
// line breaks in a multi-valued field, say) may read back differently.
func WritePowersCSV(w io.Writer, powers []Power) error {
	if _, err := io.WriteString(w, "\ufeff"); err != nil {
		return fmt.Errorf("accountability: writing power list: %w", err)
	}
	cw := csv.NewWriter(w)
	header := make([]string, numCols)
	for c := range header {
		header[c] = csvHeaders[c][0]
	}
	if err := cw.Write(header); err != nil {
		return fmt.Errorf("accountability: writing power list: %w", err)
	}
	rec := make([]string, numCols)
	for i := range powers {
		p := &powers[i]
		rec[colSerial] = strconv.Itoa(i + 1)
		rec[colCategory] = ""
		if p.Category != 0 {
			rec[colCategory] = p.Category.Label()
		}
		rec[colCode], rec[colName], rec[colSub] = p.Code, p.Name, p.Sub
		rec[colSubject], rec[colFlow] = p.Subject, p.Flow
		var b []string
		for _, x := range p.Basis {
			b = append(b, formatBasis(x))
		}
		rec[colBasis] = strings.Join(b, "\n")
		var d []string
		for j, x := range p.Duties {
			line := strconv.Itoa(j+1) + "."
			switch {
			case x.Stage == Review && p.Category == Penalty:
				line += "审理责任：" // a penalty's review is called 审理
			case x.Stage != 0:
				line += x.Stage.Label() + "责任："
			}
			d = append(d, line+x.Text)
		}
		rec[colDuties] = strings.Join(d, "\n")
		var l []string
		for j, x := range p.Liabilities {
			l = append(l, strconv.Itoa(j+1)+"."+x)
		}
		rec[colLiabilities] = strings.Join(l, "\n")
		rec[colStatutory], rec[colPromised] = formatDays(p.StatutoryDays), formatDays(p.PromisedDays)
		if err := cw.Write(rec); err != nil {
			return fmt.Errorf("accountability: writing power list: power %q: %w", p.Code, err)
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("accountability: writing power list: %w", err)
	}
	return nil
}

func formatBasis(b Basis) string {
	if b.Article == "" && b.Text == "" && b.Law != "" {
		return b.Law // read back whole, as it was read
	}
	s := "《" + b.Law + "》" + b.Article
	if b.Text != "" {
		s += "：" + b.Text
	}
	return s
}

func formatDays(n int) string {
	if n <= 0 {
		return ""
	}
	return strconv.Itoa(n)
}
