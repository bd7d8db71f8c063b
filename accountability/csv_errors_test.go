package accountability

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// The Chinese of a bad cell (CellError.Chinese) that the table below
// wants more than once.
const (
	zhCategory = "不是已知的权力类型，应为 行政许可、行政处罚、行政强制、行政征收、行政给付、行政检查、行政确认、行政奖励、行政裁决、其他行政权力、公共服务、审核转报、内部管理 之一"
	zhSaveAs   = "请把表格另存为 UTF-8 或 GB18030 编码的 CSV 文件"
)

// TestCellErrorChinese: every kind of bad cell the readers report says in
// Chinese what is wrong, one row of the table a kind, read by the reader
// that meets it (the CSV readers, or the readers of rows).
func TestCellErrorChinese(t *testing.T) {
	long := strings.Repeat("长", MaxCellBytes/3+1)
	utf16 := toUTF16("权力类型,项目名称\n", false, true)
	gb := toGB18030(t, []byte("权力类型,项目名称\n许可,甲"))
	gb = append(gb, 0x81, 0x20) // a lead byte with no trail
	wide := make([]string, MaxColumns+1)
	wide[0], wide[1] = "许可", "甲"
	many := [][]string{{"项目名称", "权力类型"}}
	var manyWant []CellError
	for i := range MaxBadCells + 1 {
		many = append(many, []string{"甲", "不存在的类型"})
		if i < MaxBadCells {
			manyWant = append(manyWant, CellError{Row: i + 2, Line: i + 2, Column: 2, Header: "权力类型", Value: "不存在的类型", Chinese: zhCategory})
		}
	}
	manyWant = append(manyWant, CellError{Row: MaxBadCells + 2, Chinese: "另有 1 个有误的单元格未列出（只列出前 1000 个）"})
	powersCSV := func(in []byte) func() error {
		return func() error { _, err := ReadPowersCSV(bytes.NewReader(in)); return err }
	}
	powerRows := func(rows ...[]string) func() error {
		return func() error { _, err := ReadPowerRows(rows); return err }
	}
	dutiesCSV := func(in string) func() error {
		return func() error { _, err := ReadResponsibilitiesCSV(strings.NewReader(in)); return err }
	}
	for _, tt := range []struct {
		name string
		read func() error
		want []CellError // Err aside
	}{
		{"a file in UTF-16", powersCSV(utf16),
			[]CellError{{Row: 1, Line: 1, Chinese: "文件是 UTF-16 文本（Excel 的“Unicode 文本”），" + zhSaveAs}}},
		{"a header neither UTF-8 nor GB18030", powersCSV([]byte("\xff\xff\xff,\xa1\n")),
			[]CellError{{Row: 1, Line: 1, Chinese: "表头行既不是 UTF-8 也不是 GB18030（GBK）文本（第 1 个字节是 0xff），" + zhSaveAs}}},
		{"an empty file", powersCSV(nil),
			[]CellError{{Row: 1, Line: 1, Chinese: "文件是空的，没有表头行"}}},
		{"a header over MaxCellBytes", powerRows([]string{"权力类型", long}),
			[]CellError{{Row: 1, Line: 1, Column: 2, Value: long, Chinese: "表头超过 262144 字节（MaxCellBytes）"}}},
		{"a column named twice", powersCSV([]byte("项目名称,权力类型,权力类别\n甲,许可,许可\n")),
			[]CellError{{Row: 1, Line: 1, Column: 3, Header: "权力类别", Chinese: "权力类型列出现两次（另一列是第 2 列）"}}},
		{"a required column missing", powersCSV([]byte("项目名称\n甲\n")),
			[]CellError{{Row: 1, Line: 1, Header: "权力类型", Chinese: "缺少必需的列：权力类型（或 权力类别、事项类型、事项类别、职权类型、职权类别、权种类别、权种类型、类别）"}}},
		{"a responsibility list's required column missing", dutiesCSV("序号,备注\n1,x\n"),
			[]CellError{{Row: 1, Line: 1, Header: "主要职责", Chinese: "缺少必需的列：主要职责（或 职责、职责名称、职责内容、职责事项、管理事项）"}}},
		{"a row over MaxColumns", powerRows([]string{"权力类型", "项目名称"}, wide),
			[]CellError{{Row: 2, Line: 2, Column: MaxColumns + 1, Chinese: "这一行超过 16384 个单元格（MaxColumns，电子表格最多的列数）"}}},
		{"a cell over MaxCellBytes", powersCSV([]byte("权力类型,项目名称\n许可," + long + "\n")),
			[]CellError{{Row: 2, Line: 2, Column: 2, Header: "项目名称", Value: long, Chinese: "单元格超过 262144 字节（MaxCellBytes），按空白读取"}}},
		{"a cell not UTF-8", powerRows([]string{"权力类型", "项目名称"}, []string{"许可", "甲\xff"}),
			[]CellError{{Row: 2, Line: 2, Column: 2, Header: "项目名称", Value: "甲\xff", Chinese: "不是 UTF-8 文本（" + zhSaveAs + "）"}}},
		{"a cell not GB18030", powersCSV(gb),
			[]CellError{{Row: 2, Line: 2, Column: 2, Header: "项目名称", Value: "甲\ufffd ", Chinese: "不是 GB18030 文本，有 GB18030 中没有的字节序列（" + zhSaveAs + "）"}}},
		{"a cell beyond the last column", powersCSV([]byte("权力类型,项目名称\n许可,甲,多余\n")),
			[]CellError{{Row: 2, Line: 2, Column: 3, Value: "多余", Chinese: "单元格在最后一列之后，没有表头"}}},
		{"a 序号 no whole number", powersCSV([]byte("序号,权力类型,项目名称\n一,许可,甲\n")),
			[]CellError{{Row: 2, Line: 2, Column: 1, Header: "序号", Value: "一", Chinese: "序号不是非负整数"}}},
		{"a required cell blank", powersCSV([]byte("项目名称,权力类型\n甲,\n")),
			[]CellError{{Row: 2, Line: 2, Column: 2, Header: "权力类型", Chinese: "未填写权力类型"}}},
		{"a required cell beyond a short row", powersCSV([]byte("项目名称,权力类型\n甲\n")),
			[]CellError{{Row: 2, Line: 2, Column: 2, Header: "权力类型", Chinese: "未填写权力类型（这一行的单元格不到这一列）"}}},
		{"a duty blank", dutiesCSV("主要职责,责任科室\n,党建办\n"),
			[]CellError{{Row: 2, Line: 2, Column: 1, Header: "主要职责", Chinese: "未填写主要职责"}}},
		{"a category of no kind", powersCSV([]byte("项目名称,权力类型\n甲,不存在的类型\n")),
			[]CellError{{Row: 2, Line: 2, Column: 2, Header: "权力类型", Value: "不存在的类型", Chinese: zhCategory}}},
		{"a limit of no days", powersCSV([]byte("项目名称,权力类型,法定时限\n甲,许可,很快\n")),
			[]CellError{{Row: 2, Line: 2, Column: 3, Header: "法定时限", Value: "很快", Chinese: "法定时限不是工作日数（应如“20个工作日”“即办”或“无”）"}}},
		{"a duty's second category", dutiesCSV("主要职责,职责类别\n甲,党建\n,\"综\n治\"\n"),
			[]CellError{{Row: 3, Line: 3, Column: 2, Header: "职责类别", Value: "综\n治",
				Chinese: "职责类别与上一行职责的“党建”不同：这一行主要职责为空或相同，是上一行职责的续行，一项职责只有一个职责类别"}}},
		{"more bad cells than MaxBadCells", powerRows(many...), manyWant},
	} {
		err := tt.read()
		ce, ok := errors.AsType[*CSVError](err)
		if !ok {
			t.Errorf("%s: error %v, want a *CSVError", tt.name, err)
			continue
		}
		if diff := cmp.Diff(tt.want, ce.Cells, cmpopts.IgnoreFields(CellError{}, "Err")); diff != "" {
			t.Errorf("%s: bad cells mismatch (-want +got):\n%s", tt.name, diff)
		}
	}
}

// TestRecordErrorChinese: a record the CSV format cannot read, in the
// header or after it, is a *RecordError that names the row in English as
// before, and says in Chinese what is wrong on which line of the file.
func TestRecordErrorChinese(t *testing.T) {
	const header = "项目名称,权力类型\n"
	for _, tt := range []struct {
		name, in string
		want     RecordError // Err aside
		sentinel error
		english  string
	}{
		{"a quote after a quoted cell", header + "甲,许可\n乙,\"许可\"x\n",
			RecordError{List: powerList, Row: 3, Chinese: "文件第 3 行：带引号的单元格中引号多出或缺少（CSV 格式无法读取）"},
			csv.ErrQuote, "accountability: power list: row 3: accountability: invalid: parse error on line 3, column 12: extraneous or missing \" in quoted-field"},
		{"a quote never closed, from a cell of two lines", header + "甲,\"许可\n乙,处罚\n",
			RecordError{List: powerList, Row: 2, Chinese: "文件第 3 行（这一行记录从第 2 行开始）：带引号的单元格中引号多出或缺少（CSV 格式无法读取）"},
			csv.ErrQuote, "accountability: power list: row 2: accountability: invalid: record on line 2; parse error on line 3, column 12: extraneous or missing \" in quoted-field"},
		{"a bare quote in the header", "项目\"名称,权力类型\n甲,许可\n",
			RecordError{List: powerList, Row: 1, Chinese: "文件第 1 行：未加引号的单元格中有引号（\"）：应给整个单元格加上引号，并把其中的引号写作两个（\"\"）（CSV 格式无法读取）"},
			csv.ErrBareQuote, "accountability: power list: accountability: invalid: parse error on line 1, column 7: bare \" in non-quoted-field"},
	} {
		_, err := ReadPowersCSV(strings.NewReader(tt.in))
		re, ok := errors.AsType[*RecordError](err)
		if !ok {
			t.Errorf("%s: error %v, want a *RecordError", tt.name, err)
			continue
		}
		if diff := cmp.Diff(tt.want, *re, cmpopts.IgnoreFields(RecordError{}, "Err")); diff != "" {
			t.Errorf("%s: mismatch (-want +got):\n%s", tt.name, diff)
		}
		if _, ok := errors.AsType[*csv.ParseError](err); !ok || !errors.Is(err, ErrInvalid) || !errors.Is(err, tt.sentinel) {
			t.Errorf("%s: %v wraps not ErrInvalid, %v and a *csv.ParseError", tt.name, err, tt.sentinel)
		}
		if got := re.Error(); got != tt.english {
			t.Errorf("%s: Error() = %q, want %q", tt.name, got, tt.english)
		}
	}
	_, err := ReadResponsibilitiesCSV(strings.NewReader("主要职责\n\"甲\"x\n"))
	if re, ok := errors.AsType[*RecordError](err); !ok || re.List != responsibilityList || re.Row != 2 ||
		!strings.HasPrefix(err.Error(), "accountability: responsibility list: row 2: accountability: invalid: parse error on line 2") {
		t.Errorf("ReadResponsibilitiesCSV(a stray quote) error = %#v", err)
	}
}

// TestParseFault: each error of the CSV format, those the readers cannot
// meet too, is said in Chinese, and an error it does not know is quoted.
func TestParseFault(t *testing.T) {
	for _, tt := range []struct {
		pe   csv.ParseError
		want string
	}{
		{csv.ParseError{StartLine: 5, Line: 5, Err: csv.ErrFieldCount}, "文件第 5 行：单元格的个数不对（CSV 格式无法读取）"},
		{csv.ParseError{StartLine: 2, Line: 7, Err: fmt.Errorf("wrapped: %w", csv.ErrQuote)}, "文件第 7 行（这一行记录从第 2 行开始）：带引号的单元格中引号多出或缺少（CSV 格式无法读取）"},
		{csv.ParseError{StartLine: 1, Line: 1, Err: errors.New("odd\nthing")}, "文件第 1 行：CSV 格式无法读取（odd\\nthing）"},
	} {
		if got := parseFault(&tt.pe); got != tt.want {
			t.Errorf("parseFault(%v) = %q, want %q", tt.pe.Err, got, tt.want)
		}
	}
}

// chineseEverywhere fails t unless every bad cell of every *CSVError in
// err, and every *RecordError in it, says in Chinese what is wrong.
func chineseEverywhere(t *testing.T, err error) {
	t.Helper()
	var walk func(error)
	walk = func(e error) {
		switch e := e.(type) {
		case nil:
		case *CSVError:
			for i, c := range e.Cells {
				if c.Chinese == "" {
					t.Fatalf("cell %d has no Chinese: %v", i, &c)
				}
			}
		case *RecordError:
			if e.Chinese == "" {
				t.Fatalf("record error has no Chinese: %v", e)
			}
		case interface{ Unwrap() []error }:
			for _, e := range e.Unwrap() {
				walk(e)
			}
		case interface{ Unwrap() error }:
			walk(e.Unwrap())
		}
	}
	walk(err)
}

// TestCellErrorHeaderEscaped: a header from the file is named in a cell's
// error as errtext.Cut names it, its invisible and control characters
// escaped and a long one cut, while CellError.Header holds it as read.
// Before, a bidi override in a header showed the rest of the line
// reversed.
func TestCellErrorHeaderEscaped(t *testing.T) {
	long := strings.Repeat("备", 100)
	for _, tt := range []struct {
		name, header, want string
	}{
		{"a bidi override", "备\u202e注", "row 2, column 3 (备\\u202e注) \"\\xff\": not UTF-8 text"},
		{"a control character", "备\x01注", "row 2, column 3 (备\\x01注) \"\\xff\": not UTF-8 text"},
		{"a long header", long, "row 2, column 3 (" + strings.Repeat("备", 21) + "… (300 bytes)) \"\\xff\": not UTF-8 text"},
	} {
		_, err := ReadPowersCSV(strings.NewReader("项目名称,权力类型," + tt.header + "\n甲,行政许可,\xff\n"))
		ce, ok := errors.AsType[*CSVError](err)
		if !ok || len(ce.Cells) != 1 {
			t.Errorf("%s: error %v, want one bad cell", tt.name, err)
			continue
		}
		if got := ce.Cells[0].Header; got != tt.header {
			t.Errorf("%s: Header = %q, want %q", tt.name, got, tt.header)
		}
		if got := ce.Cells[0].Error(); !strings.HasPrefix(got, tt.want) {
			t.Errorf("%s: Error() = %q, want it to begin %q", tt.name, got, tt.want)
		}
	}
}

// TestHeaderZeroByte: a header holding a zero byte is refused wherever it
// is in the header row, as decodeText refuses one on the row's first line
// of the file, so that no list is read whose header its writer writes
// into a file the reader refuses. Before, a zero byte after a line break
// in a quoted header was read into an Extra key, "\x00", which
// WriteResponsibilitiesCSV wrote on the header's first line, and the list
// written was refused as UTF-16 (FuzzReadResponsibilitiesCSV).
func TestHeaderZeroByte(t *testing.T) {
	for _, tt := range []struct {
		name string
		read func() error
	}{
		{"ReadResponsibilitiesCSV", func() error {
			_, err := ReadResponsibilitiesCSV(strings.NewReader(",职责,\"\n\x00\",\n,\"局\",\"。\""))
			return err
		}},
		{"ReadPowersCSV", func() error {
			_, err := ReadPowersCSV(strings.NewReader("项目名称,权力类型,\"备\n注\x00\"\n甲,行政许可,x\n"))
			return err
		}},
		{"ReadPowerRows", func() error {
			_, err := ReadPowerRows([][]string{{"项目名称", "权力类型", "备\x00注"}, {"甲", "行政许可", "x"}})
			return err
		}},
	} {
		err := tt.read()
		ce, ok := errors.AsType[*CSVError](err)
		if !ok || len(ce.Cells) != 1 || !errors.Is(err, ErrCell) || ce.Cells[0].Row != 1 || ce.Cells[0].Chinese == "" ||
			!strings.Contains(err.Error(), "a header holding a zero byte") {
			t.Errorf("%s: error %v, want the header refused", tt.name, err)
		}
	}
}
