package accountability

import (
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/qingdan/qingdan/internal/errtext"
)

// WriteResponsibilitiesCSV writes responsibilities as a UTF-8 CSV
// spreadsheet with a byte-order mark, in the layout
// [ReadResponsibilitiesCSV] reads: the headers 序号, 职责编码, 职责类别,
// 主要职责, 具体工作事项, 责任单位, 权力编码, then, if a responsibility has a
// boundary, 相关部门, 本部门职责, 相关部门职责, 相关依据, followed by one
// column for each key of the responsibilities' Extra maps, in sorted
// order, but a key that is a header ReadResponsibilitiesCSV reads into a
// field (a basis header such as 依据 is written where no boundary column
// is, as ReadResponsibilitiesCSV keeps it).
//
// Each responsibility is a row: its place in the list as 序号 (1, 2, …),
// its Code, Category, Duty (after the number again where
// ReadResponsibilitiesCSV would take a number off it as the table's, as
// [WritePowersCSV] writes a name), its tasks one a line, numbered as
// WritePowersCSV numbers the cases of 追责情形 ("1.…", "2.…"), its Unit, its
// Powers one a line, its Extra and its first boundary. Each further
// boundary is a row of its own right under it, its other cells blank,
// which ReadResponsibilitiesCSV reads as a row that continues the duty.
//
// A cell is neutralised as WritePowersCSV neutralises it (a formula, or
// the start of one, is written after an apostrophe), and a responsibility
// that would make a cell longer than [MaxCellBytes] is refused, before
// anything is written, with an error wrapping [ErrInvalid] that names it
// and the column.
//
// Whatever ReadResponsibilitiesCSV read without error, it reads back the
// same from WriteResponsibilitiesCSV's output. Values it could not have
// produced (a task with a line break, a boundary of no filled field, an
// Extra key that is a header it knows, say) may read back differently.
func WriteResponsibilitiesCSV(w io.Writer, rs []Responsibility) error {
	mustWriter(w, "WriteResponsibilitiesCSV")
	bounded := slices.ContainsFunc(rs, func(x Responsibility) bool { return len(x.Boundaries) > 0 })
	cols := dcolWith // the modelled columns written: those before it, and a boundary's if bounded
	if bounded {
		cols = dcolDivision
	}
	var extra []string
	for i := range rs {
		for k := range rs[i].Extra {
			if c, known := dutyColumns.index[k]; !known || !bounded && c == dcolBasis {
				extra = append(extra, k)
			}
		}
	}
	slices.Sort(extra)
	extra = slices.Compact(extra)
	header := make([]string, cols, cols+len(extra))
	for c := range header {
		header[c] = dutyColumns.name(c)
	}
	header = append(header, extra...)
	rec := make([]string, len(header))
	return writeTable(w, responsibilityList, header, len(rs),
		func(i int) string { return "responsibility " + errtext.Quote(rs[i].Code) },
		func(i int, write func([]string)) {
			x := &rs[i]
			clear(rec)
			rec[dcolSerial], rec[dcolCode], rec[dcolCategory] = strconv.Itoa(i+1), x.Code, x.Category
			rec[dcolDuty], rec[dcolUnit] = nameCell(x.Duty, i+1), x.Unit
			tasks := make([]string, len(x.Tasks))
			for j, t := range x.Tasks {
				tasks[j] = numbered(j, t)
			}
			rec[dcolTasks], rec[dcolPowers] = strings.Join(tasks, "\n"), strings.Join(x.Powers, "\n")
			for j, k := range extra {
				rec[cols+j] = x.Extra[k]
			}
			for j, b := range x.Boundaries {
				if j > 0 {
					clear(rec) // a row of its own, under the duty's
				}
				rec[dcolWith], rec[dcolOurs], rec[dcolTheirs], rec[dcolBasis] = b.With, b.Ours, b.Theirs, b.Basis
				write(rec)
			}
			if len(x.Boundaries) == 0 {
				write(rec)
			}
		})
}
