package accountability

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
)

// The columns of a power list that a field of [Power] models.
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
	colParent
	colSetting
	colOffice
	colTier
	colForward
	colAnyBasis
	numCols
)

// csvHeaders are the accepted headers of each column; the first is the one
// [WritePowersCSV] writes. They are the headers of the layouts published
// lists use: a power and responsibility list (权责清单: 职权名称, 职权类型,
// 职权编码, 行使主体, 承办机构), a power list (权力清单: 项目名称, 权力类型,
// 项目编码, 实施主体) and the national government-service item catalogue
// (政务服务事项: 事项名称, 事项类型, 事项编码, 实施主体, 设定依据, 实施依据,
// 法定时限, 承诺时限), and the spellings of real lists (testdata/published).
var csvHeaders = [numCols][]string{
	colSerial:      {"序号"},
	colCategory:    {"权力类型", "权力类别", "事项类型", "事项类别", "职权类型", "职权类别", "权种类别", "权种类型", "类别"},
	colCode:        {"项目编码", "权力编码", "事项编码", "职权编码", "实施编码", "编码"},
	colName:        {"项目名称", "权力名称", "事项名称", "职权名称", "主项名称", "权力事项名称"},
	colSub:         {"子项", "子项名称"},
	colBasis:       {"实施依据", "法律依据", "依据"},
	colDuties:      {"责任事项"},
	colLiabilities: {"追责情形", "问责情形"},
	colSubject:     {"实施主体", "责任主体", "法定主体", "行使主体", "实施单位", "机构名称", "部门"},
	colStatutory:   {"法定时限", "法定期限", "法定办结时限"},
	colPromised:    {"承诺时限", "承诺期限", "承诺办结时限"},
	colFlow:        {"流程图", "流程图编号"},
	colParent:      {"主项编码"},
	colSetting:     {"设定依据"},
	colOffice:      {"承办机构", "承办科室", "承办单位", "责任处室"},
	colTier:        {"实施层级", "行使层级"},
	colForward:     {"审核转报", "是否审核转报"},
	colAnyBasis:    {"职权依据", "设定和实施依据", "事项依据"},
}

// csvRequired are the columns a list must have. A code is not required:
// most county and sub-district lists publish none; nor is a basis: a
// catalogue of powers (权责清单目录) publishes none.
var csvRequired = []int{colCategory, colName}

// powerColumns are the columns of a power list.
var powerColumns = newColumnSet(csvHeaders[:], csvRequired...)

// columnSet is the columns of a kind of list: each column's accepted
// headers, the first being the one its writer writes; the column of every
// accepted header; and the columns a list must have.
type columnSet struct {
	headers  [][]string
	index    map[string]int
	required []int
}

func newColumnSet(headers [][]string, required ...int) *columnSet {
	set := &columnSet{headers: headers, index: make(map[string]int), required: required}
	for c, names := range headers {
		for _, name := range names {
			set.index[name] = c
		}
	}
	return set
}

// name is the header a writer writes for column c.
func (set *columnSet) name(c int) string { return set.headers[c][0] }

// columnLayout is where a list's columns are: the position of each modelled
// column of its set (-1 if absent) and, for every other column, the key
// its cells are kept under in an item's Extra.
type columnLayout struct {
	set    *columnSet
	cols   []int
	extra  map[int]string // column position → key
	header []string       // the normalised headers
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

// mapHeaders finds each column of the header row. A modelled column named
// twice is a bad cell, and so is a required one missing; a column of no
// modelled header is kept as extra, under its header, or "第N列" when the
// header is blank, with "（第N列）" added when an earlier column has the
// same header.
func (set *columnSet) mapHeaders(header []string, src source) (columnLayout, []CellError) {
	l := columnLayout{set: set, cols: make([]int, len(set.headers)), extra: make(map[int]string), header: make([]string, len(header))}
	for c := range l.cols {
		l.cols[c] = -1
	}
	var cells []CellError
	used := make(map[string]bool)
	for j, h := range header {
		n := normHeader(h)
		l.header[j] = n
		c, ok := set.index[n]
		if !ok {
			k := n
			if k == "" {
				k = "第" + strconv.Itoa(j+1) + "列"
			} else if used[k] {
				k += "（第" + strconv.Itoa(j+1) + "列）"
			}
			used[k] = true
			l.extra[j] = k
			continue
		}
		if l.cols[c] >= 0 {
			line, _ := src.FieldPos(j)
			cells = append(cells, CellError{Row: 1, Line: line, Column: j + 1, Header: n,
				Err:     fmt.Errorf("column %s appears twice (also column %d): %w", set.name(c), l.cols[c]+1, ErrCell),
				Chinese: fmt.Sprintf("%s列出现两次（另一列是第 %d 列）", set.name(c), l.cols[c]+1)})
			continue
		}
		l.cols[c] = j
	}
	headerLine := 1 // the line of the header row, after any blank lines
	if len(header) > 0 {
		headerLine, _ = src.FieldPos(0)
	}
	for _, c := range set.required {
		if l.cols[c] < 0 {
			cells = append(cells, CellError{Row: 1, Line: headerLine, Header: set.name(c),
				Err:     fmt.Errorf("required column %s is missing (or one of %s): %w", set.name(c), strings.Join(set.headers[c][1:], ", "), ErrCell),
				Chinese: fmt.Sprintf("缺少必需的列：%s（或 %s）", set.name(c), strings.Join(set.headers[c][1:], "、"))})
		}
	}
	return l, cells
}
