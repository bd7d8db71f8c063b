package accountability

// One row of a responsibility list: its duty's cells, its tasks, powers
// and boundary, and how it continues the duty above it.

import (
	"fmt"
	"slices"
	"strings"
	"unicode"

	"github.com/qingdan/qingdan/internal/errtext"
)

// dutyRow is one record of a responsibility list, read: the cells that
// say which duty it is, and, in x, what it adds to that duty (its unit,
// tasks, powers, boundary and the cells kept in Extra). The positions are
// those of the cells, as rowCells.cell gives them.
type dutyRow struct {
	serial, code, category, duty string
	dutyAt, categoryAt, unitAt   int
	long                         bool // its 序号, 职责编码 or 主要职责 was too long, and read as blank
	x                            Responsibility
}

// readDutyRow reads a record, reporting its bad cells on rc.
func readDutyRow(rc *rowCells) dutyRow {
	var d dutyRow
	d.serial = rc.serial(dcolSerial)
	code, codeAt := rc.cell(dcolCode)
	d.category, d.categoryAt = rc.cell(dcolCategory)
	duty, at := rc.cell(dcolDuty)
	d.code, d.duty, d.dutyAt = code, stripItemNumber(duty, d.serial), at // "1、负责…", as the table numbers it
	d.long = rc.tooLong(at) || rc.tooLong(codeAt) || rc.tooLong(rc.l.cols[dcolSerial])
	d.x.Unit, d.unitAt = rc.cell(dcolUnit)
	if ls := lines(cellOf(rc, dcolTasks)); len(ls) > 0 {
		d.x.Tasks = readCases(ls[0], ls[1:]) // one a line, or numbered on one, as cases are
	}
	if codes := strings.FieldsFunc(cellOf(rc, dcolPowers), func(r rune) bool { return unicode.IsSpace(r) || strings.ContainsRune("、，,；;", r) }); len(codes) > 0 {
		d.x.Powers = codes // a cell of separators alone, such as "、", names no power: Powers stays nil, as a blank cell leaves it
	}
	if b, ok := readBoundary(rc); ok {
		d.x.Boundaries = []Boundary{b}
	}
	rc.extras(func(k, s string) {
		if d.x.Extra == nil {
			d.x.Extra = make(map[string]string)
		}
		d.x.Extra[k] = s
	})
	return d
}

// cellOf is the cell of column c, trimmed.
func cellOf(rc *rowCells, c int) string {
	s, _ := rc.cell(c)
	return s
}

// readBoundary reads the boundary a record gives its duty; ok is false if
// it fills no cell of one. Each cell is read line by line, without blank
// lines; a 职责分工 cell is split between Ours and Theirs: the lines that
// begin, after a number, with a department that 相关部门 names are Theirs.
func readBoundary(rc *rowCells) (b Boundary, ok bool) {
	with := cellOf(rc, dcolWith)
	ours, theirs := cellOf(rc, dcolOurs), cellOf(rc, dcolTheirs)
	basis, division := cellOf(rc, dcolBasis), cellOf(rc, dcolDivision)
	if with == "" && ours == "" && theirs == "" && basis == "" && division == "" {
		return b, false
	}
	o, t := lines(ours), lines(theirs)
	if division != "" {
		depts := strings.FieldsFunc(with, func(r rune) bool { return r == '\n' || r == '\r' || strings.ContainsRune("、，,", r) })
		for _, l := range lines(division) {
			n := stripNumber(l)
			if slices.ContainsFunc(depts, func(d string) bool {
				d = strings.TrimSpace(d)
				return d != "" && strings.HasPrefix(n, d)
			}) {
				t = append(t, l)
			} else {
				o = append(o, l)
			}
		}
	}
	return Boundary{With: with, Ours: strings.Join(o, "\n"), Theirs: strings.Join(t, "\n"), Basis: strings.Join(lines(basis), "\n")}, true
}

// continues reports whether the row continues duty x, of 序号 serial, on
// the row above it: its 主要职责, 序号 and 职责编码 are each blank (not read
// as blank for their length) or x's.
func (d *dutyRow) continues(x *Responsibility, serial string) bool {
	return !d.long && (d.duty == "" || d.duty == x.Duty) && (d.serial == "" || d.serial == serial) && (d.code == "" || d.code == x.Code)
}

// addTo adds the row to duty x, which it continues: its tasks, powers and
// boundary after x's, and its cells kept in Extra to more, which adds them
// to x's once x ends. Its category and unit, if filled, are x's where x
// has none, and a bad cell where x has another.
func (d *dutyRow) addTo(rc *rowCells, x *Responsibility, more extraLines) {
	one := func(field *string, v string, at int) {
		switch {
		case v == "" || v == *field:
		case *field == "":
			*field = v
		default:
			h := rc.l.header[at]
			rc.fail(at, fmt.Sprintf("%s与上一行职责的“%s”不同：这一行主要职责为空或相同，是上一行职责的续行，一项职责只有一个%s", h, errtext.Cut(*field), h),
				"%s is not the duty's, %s, on the row above, which the row continues (its 主要职责 blank or the same): a duty has one", h, errtext.Quote(*field))
		}
	}
	one(&x.Category, d.category, d.categoryAt)
	one(&x.Unit, d.x.Unit, d.unitAt)
	x.Tasks = append(x.Tasks, d.x.Tasks...)
	x.Powers = append(x.Powers, d.x.Powers...)
	x.Boundaries = append(x.Boundaries, d.x.Boundaries...)
	more.add(x.Extra, d.x.Extra)
}
