package accountability

// The responsibility list (责任清单) as published: its columns, and the
// reading of its table into Responsibilities.

import (
	"fmt"
	"io"
	"strconv"
)

// The columns of a responsibility list that a field of [Responsibility] or
// [Boundary] models. 职责分工 comes last: it is read into Ours and Theirs,
// and not written.
const (
	dcolSerial = iota
	dcolCode
	dcolCategory
	dcolDuty
	dcolTasks
	dcolUnit
	dcolPowers
	dcolWith
	dcolOurs
	dcolTheirs
	dcolBasis
	dcolDivision
	numDCols
)

// dutyHeaders are the accepted headers of each column of a responsibility
// list; the first is the one [WriteResponsibilitiesCSV] writes.
var dutyHeaders = [numDCols][]string{
	dcolSerial:   {"序号"},
	dcolCode:     {"职责编码", "编码"},
	dcolCategory: {"职责类别", "类别", "职责分类", "职责类型", "职责领域"},
	dcolDuty:     {"主要职责", "职责", "职责名称", "职责内容", "职责事项", "管理事项"},
	dcolTasks:    {"具体工作事项", "工作事项", "具体事项", "具体工作", "工作任务", "具体任务"},
	dcolUnit:     {"责任单位", "责任科室", "承办机构", "承办科室", "具体处室", "责任处室", "牵头科室", "责任主体"},
	dcolPowers:   {"权力编码", "对应权力编码", "关联权力编码"},
	dcolWith:     {"相关部门", "相关部门（单位）", "相关部门(单位)", "相关单位", "配合部门", "协同部门", "协办部门"},
	dcolOurs:     {"本部门职责", "本单位职责", "街道职责", "乡镇职责", "乡镇（街道）职责", "乡镇(街道)职责", "街道办事处职责"},
	dcolTheirs:   {"相关部门职责", "相关部门（单位）职责", "相关部门(单位)职责", "相关单位职责", "配合部门职责"},
	dcolBasis:    {"相关依据", "依据", "职责依据", "法律依据", "政策依据"},
	dcolDivision: {"职责分工"},
}

// dutyColumns are the columns of a responsibility list: it must state its
// duties.
var dutyColumns = newColumnSet(dutyHeaders[:], dcolDuty)

// responsibilityList names a responsibility list in errors.
const responsibilityList = "responsibility list"

// ReadResponsibilitiesCSV imports a responsibility list (责任清单) from a
// CSV export of a spreadsheet, as published: its text, encoding (UTF-8 or
// GB18030), bounds, headers and bad cells are read as [ReadPowersCSV]
// reads a power list's, and a cell error's Header is the column's, its
// CSVError's List "responsibility list". Each duty becomes a
// [Responsibility].
//
// Columns are found by header, in any order. Two tables are read, and one
// that has the columns of both: a list of duties (主要职责, 具体工作事项, as
// sub-districts and departments publish them, with 职责类别 and 责任科室 or
// not), and a table of boundaries with other departments (职责边界: 职责事项,
// 相关部门, then 职责分工 or 本部门职责 and 相关部门职责, 相关依据), whose
// rows become the Boundaries of the duty they name. Every accepted header,
// by what it holds:
//   - the serial number: 序号;
//   - the code: 职责编码, 编码;
//   - the category (Category): 职责类别, 类别, 职责分类, 职责类型, 职责领域;
//   - the duty (Duty): 主要职责, 职责, 职责名称, 职责内容, 职责事项, 管理事项;
//     a list must have one of them;
//   - the tasks (Tasks): 具体工作事项, 工作事项, 具体事项, 具体工作, 工作任务,
//     具体任务;
//   - the responsible unit (Unit): 责任单位, 责任科室, 承办机构, 承办科室,
//     具体处室, 责任处室, 牵头科室, 责任主体;
//   - the codes of the powers it relies on (Powers): 权力编码, 对应权力编码,
//     关联权力编码;
//   - a boundary's department (With): 相关部门, 相关部门（单位）, 相关单位,
//     配合部门, 协同部门, 协办部门; our part (Ours): 本部门职责, 本单位职责,
//     街道职责, 乡镇职责, 乡镇（街道）职责, 街道办事处职责; theirs (Theirs):
//     相关部门职责, 相关部门（单位）职责, 相关单位职责, 配合部门职责; both in
//     one cell: 职责分工; its basis (Basis): 相关依据, 依据, 职责依据, 法律依据,
//     政策依据. In a list with no column of a boundary (相关部门, 本部门职责,
//     相关部门职责, 职责分工) a basis column is the duty's, which no field
//     models: its cells are kept in Extra, under the header.
//
// A column of any other header (备注, …) is not dropped: each row's
// non-blank cell in it is kept in [Responsibility.Extra] under the header,
// as ReadPowersCSV keeps a power's.
//
// Cells:
//   - 主要职责 must not be blank. A number left in it as the table numbers
//     the duty ("1、负责…") is removed as from a power's name (see
//     ReadPowersCSV).
//   - 具体工作事项 holds one task a line, or several numbered on a line
//     ("1.…；2.…", "（1）…（2）…"): it is split and its numbers removed as
//     the cases of 追责情形 are.
//   - 权力编码 holds codes, split at line breaks, white space, "、", "，",
//     ",", "；" and ";".
//   - 职责类别 left blank is the category of the duty above it (the
//     spreadsheet merged the cell over the duties of one category).
//   - A row that fills a cell of a boundary (相关部门, 职责分工, 本部门职责,
//     相关部门职责, 相关依据) adds a [Boundary] to its duty. Each of its
//     cells is read line by line, blank lines dropped. A 职责分工 cell
//     splits into the lines that begin (after a number) with the
//     department the row's 相关部门 names, or one of those it lists
//     (separated by line breaks, "、", "，" or ","): those are Theirs,
//     written as the list has them ("区城管局负责执法"), the others Ours,
//     each after the cell of its own column, if the list has both.
//   - 序号, if given, is a whole number (of ASCII or full-width digits,
//     "１２", which read alike).
//
// The code. A list that has a 职责编码 column gives each duty its cell. A
// duty of no code (no such column, or a blank cell) is given one from its
// 序号: "ZZ-" and the number, of two digits at least (序号 7 is ZZ-07, 12
// is ZZ-12); where it has no 序号 either (or one that is no whole number),
// from its place among the duties (the third is ZZ-03), unless the list
// gives that code to a duty, as a 职责编码 or from a 序号: then it is the
// first code after its place that no duty has, nor a duty coded so before
// it (in "3,甲" / ",乙" / ",丙", 丙 is ZZ-04, not 甲's ZZ-03). So the
// list's own numbers key its duties in [Register.Validate]'s findings and
// in the catalog's cross-checks, and a code the list did not write repeats
// none; two duties of one 序号, or a 序号 whose code is another duty's
// 职责编码, are reported there (resp.duplicate).
//
// Rows. Every row with a filled cell is a duty or continues one; a row of
// blank cells is skipped and ends the duty above it. A row continues the
// duty on the row above it (not after a blank row) where its 主要职责,
// 序号 and 职责编码 are each blank or the duty's, as where the spreadsheet
// merged the duty's cells over the rows of its tasks or boundaries: its
// tasks, powers and boundary are added to the duty's, and its cells kept
// in Extra go on a line after the duty's, under the header. Its 职责类别 and
// 责任单位, if filled, are the duty's, if the duty has none, and else must be
// the same: a duty has one category and one unit, and a different one is a
// bad cell. Any other row is a duty of its own.
//
// Bad cells are reported as by ReadPowersCSV: the error is a *[CSVError]
// listing each, and the responsibilities are still returned. The importer
// does not validate the list as a whole; run [Register.Validate] for that.
func ReadResponsibilitiesCSV(r io.Reader) ([]Responsibility, error) {
	mustReader(r, "ReadResponsibilitiesCSV")
	src, gb, err := csvSource(r, responsibilityList)
	if err != nil {
		return nil, err
	}
	return readResponsibilities(src, gb)
}

// ReadResponsibilityRows imports a responsibility list from rows of cells,
// the header row first, as a host gets them from a spreadsheet library or
// a database; it reads them as [ReadResponsibilitiesCSV] reads the records
// of a CSV file. A cell error's Line is the row's number. The rows are not
// modified.
func ReadResponsibilityRows(rows [][]string) ([]Responsibility, error) {
	return readResponsibilities(&rowSource{rows: rows}, false)
}

// readResponsibilities reads the records of src; gb says they were
// decoded from GB18030.
func readResponsibilities(src source, gb bool) ([]Responsibility, error) {
	var rs []Responsibility
	last := -1               // the duty of the record just before, -1 after a blank one
	var lastSerial string    // its 序号
	var byPlace []int        // the duties of neither 职责编码 nor 序号, coded by their places at the end
	var category string      // the category of the last duty, which a blank category cell takes
	more := make(extraLines) // last's Extra, while records continue it
	ended := func() {
		if last >= 0 {
			more.addTo(&rs[last].Extra)
		}
	}
	t := table{list: responsibilityList, cols: dutyColumns, gb: gb, end: ended, layout: dutyBasis,
		blank: func() {
			ended()
			last = -1
		},
		row: func(rc *rowCells) {
			d := readDutyRow(rc)
			if last >= 0 && d.continues(&rs[last], lastSerial) {
				d.addTo(rc, &rs[last], more)
				if rs[last].Category != "" {
					category = rs[last].Category
				}
				return
			}
			ended()
			x := d.x
			if d.duty == "" {
				rc.blank(dcolDuty, d.dutyAt)
			}
			x.Duty = d.duty
			x.Category = d.category
			if x.Category == "" {
				x.Category = category // under a cell merged over the duties of a category
			}
			category = x.Category
			x.Code = d.code
			if x.Code == "" {
				if n, err := strconv.Atoi(d.serial); err == nil && n >= 0 {
					x.Code = dutyCode(n)
				} else {
					byPlace = append(byPlace, len(rs)) // coded once every code the list gives is known
				}
			}
			rs = append(rs, x)
			last, lastSerial = len(rs)-1, d.serial
		},
	}
	whole, err := t.read(src)
	if whole {
		return nil, err
	}
	codeByPlace(rs, byPlace)
	return rs, err
}

// dutyCode is the code of duty number n: ZZ-07, ZZ-12.
func dutyCode(n int) string { return fmt.Sprintf("ZZ-%02d", n) }

// codeByPlace codes the duties of rs at positions at, which have neither a
// 职责编码 nor a 序号, by their places, so that no such code is one the list
// gives (a 职责编码, or the code of a 序号) or another duty's: first each
// the code of its place (the third ZZ-03) if the list gives no duty that
// code, then each of the others, in order, the first code after its place
// that no duty has, and after the last so given (which keeps the search
// linear).
func codeByPlace(rs []Responsibility, at []int) {
	if len(at) == 0 {
		return
	}
	taken := make(map[string]bool, len(rs))
	for i := range rs {
		if rs[i].Code != "" {
			taken[rs[i].Code] = true // given by the list
		}
	}
	var moved []int
	for _, i := range at {
		if c := dutyCode(i + 1); !taken[c] {
			rs[i].Code = c
		} else {
			moved = append(moved, i)
		}
	}
	for _, i := range at {
		taken[rs[i].Code] = true // "" for those moved, which nothing looks up
	}
	next := 0
	for _, i := range moved {
		n := max(i+2, next)
		for taken[dutyCode(n)] {
			n++
		}
		rs[i].Code, next = dutyCode(n), n+1
	}
}

// dutyBasis keeps the basis column (依据, …) of a list of duties that has
// no column of a boundary (相关部门, 本部门职责, 相关部门职责, 职责分工) in
// Extra, under its header: there it is the duty's basis, which no field
// models, not a boundary's.
func dutyBasis(l *columnLayout) {
	j := l.cols[dcolBasis]
	if j < 0 || l.cols[dcolWith] >= 0 || l.cols[dcolOurs] >= 0 || l.cols[dcolTheirs] >= 0 || l.cols[dcolDivision] >= 0 {
		return
	}
	l.extra[j], l.cols[dcolBasis] = l.header[j], -1
}
