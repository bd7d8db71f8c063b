package accountability

import (
	"encoding/csv"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/qingdan/qingdan/internal/errtext"
)

// WritePowersCSV writes powers as a UTF-8 CSV spreadsheet with a byte-order
// mark (so that spreadsheet programs detect UTF-8) and the headers 序号,
// 权力类型, 项目编码, 项目名称, 子项, 实施依据, 责任事项, 追责情形, 实施主体, 法定时限,
// 承诺时限, 流程图, 主项编码, 设定依据, 承办机构, 实施层级, 审核转报, then
// 职权依据 if a power has a basis of no stated kind, followed by one column
// for each key of the powers' Extra maps, in sorted order: the layout
// [ReadPowersCSV] reads. Categories are written as their Chinese labels
// (an [OtherPower] as the word Extra keeps under 权力类型, such as 行政调解),
// multi-valued cells one value a line: a basis as "《法律名称》第X条：条文",
// or "前缀《法律名称》（注）第X条：条文" with its Prefix and Note (under 设定依据 if its Kind is [Setting], under 实施依据 if it is
// [Implementing], under 职权依据 otherwise), a duty as "1.受理责任：内容", a liability as "1.情形" after the
// LiabilityHeading, if any, on a line of its own (the first duty or case
// as "（1）…" where its text would make "1.…" a line of several numbered
// ones, "甲；2.乙", and as "1）…" where it would make "（1）…" one too:
// ReadPowersCSV reads that back as one);
// a limit of 0 as a blank cell, or as the word Extra keeps under the
// column's header ("即时办结"); a name that starts with a number
// ReadPowersCSV would take for the item's (the 序号 written, "1、x") after
// that number again ("1、1、x").
//
// A cell that would begin with =, +, -, @, a tab or a carriage return —
// a formula, or the start of one, for a spreadsheet program that opens the
// file (=HYPERLINK(…) in a published list is CSV injection) — is written
// with a leading apostrophe, which a spreadsheet shows as text and does
// not keep in the value; so is a cell that begins with an apostrophe.
// ReadPowersCSV removes that apostrophe again.
//
// A power that would make a cell longer than [MaxCellBytes] is refused,
// before anything is written, with an error wrapping [ErrInvalid] that
// names the power and the column.
//
// Whatever ReadPowersCSV read without error, it reads back the same from
// WritePowersCSV's output. Values it could not have produced (text with
// line breaks in a multi-valued field, an Extra key
// that is a header ReadPowersCSV knows, say) may read back differently.
func WritePowersCSV(w io.Writer, powers []Power) error {
	mustWriter(w, "WritePowersCSV")
	if err := checkCells(powers); err != nil {
		return err
	}
	var extra []string
	for i := range powers {
		for k := range powers[i].Extra {
			if _, known := powerColumns.index[k]; !known { // a column's header: its cell, when blank
				extra = append(extra, k)
			}
		}
	}
	slices.Sort(extra)
	extra = slices.Compact(extra)
	header := make([]string, numCols, int(numCols)+len(extra))
	for c := range header {
		header[c] = csvHeaders[c][0]
	}
	header = append(header, extra...)
	// 职权依据 holds the bases of no stated kind, and is written only when
	// a power has one: the layout's other columns stay as they were.
	keep := func(rec []string) []string { return rec }
	if !slices.ContainsFunc(powers, kindless) {
		keep = func(rec []string) []string { return slices.Delete(slices.Clone(rec), colAnyBasis, colAnyBasis+1) }
	}
	rec := make([]string, len(header))
	return writeTable(w, powerList, keep(header), len(powers),
		func(i int) string { return "power " + errtext.Quote(powers[i].Code) },
		func(i int, write func([]string)) {
			fillRecord(rec, &powers[i], i, extra)
			write(keep(rec))
		})
}

// writeTable writes a list's table to w as [WritePowersCSV] documents: a
// byte-order mark, the header, then the records of each of n items, which
// records makes, calling write with each in turn (it may reuse a record
// once write returns); each cell neutralised. list names the list and
// item(i) the i-th item in errors. First the header and every record are
// made and measured, so that a header or an item that makes a cell longer
// than MaxCellBytes is refused before anything is written.
func writeTable(w io.Writer, list string, header []string, n int, item func(i int) string, records func(i int, write func(rec []string))) error {
	for _, h := range header {
		if len(h) > MaxCellBytes {
			return fmt.Errorf("accountability: writing %s: a column's header (an Extra key) of %d bytes, over %d (MaxCellBytes): %w", list, len(h), MaxCellBytes, ErrInvalid)
		}
	}
	var err error
	for i := range n {
		records(i, func(rec []string) {
			for j := range rec {
				if len(rec[j]) > MaxCellBytes && err == nil {
					err = fmt.Errorf("accountability: writing %s: %s: column %s would hold %d bytes, over %d (MaxCellBytes): %w",
						list, item(i), errtext.Quote(header[j]), len(rec[j]), MaxCellBytes, ErrInvalid)
				}
			}
		})
		if err != nil {
			return err
		}
	}
	if _, err := io.WriteString(w, "\ufeff"); err != nil {
		return fmt.Errorf("accountability: writing %s: %w", list, err)
	}
	cw := csv.NewWriter(w)
	head := make([]string, len(header))
	for j := range header {
		head[j] = neutralise(header[j])
	}
	if err := cw.Write(head); err != nil {
		return fmt.Errorf("accountability: writing %s: %w", list, err)
	}
	for i := range n {
		records(i, func(rec []string) {
			for j := range rec {
				rec[j] = neutralise(rec[j])
			}
			if werr := cw.Write(rec); werr != nil && err == nil {
				err = fmt.Errorf("accountability: writing %s: %s: %w", list, item(i), werr)
			}
		})
		if err != nil {
			return err
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("accountability: writing %s: %w", list, err)
	}
	return nil
}

// kindless reports whether p has a basis of no stated kind, which is
// written under 职权依据.
func kindless(p Power) bool {
	return p.Extra[csvHeaders[colAnyBasis][0]] != "" ||
		slices.ContainsFunc(p.Basis, func(b Basis) bool { return b.Kind != Setting && b.Kind != Implementing })
}

// fillRecord sets rec to the cells of power p, the i-th, with the
// columns of extra after the known ones.
func fillRecord(rec []string, p *Power, i int, extra []string) {
	rec[colSerial] = strconv.Itoa(i + 1)
	rec[colCategory] = ""
	if w := p.Extra[csvHeaders[colCategory][0]]; p.Category == OtherPower && otherPowers[strings.Join(strings.Fields(w), "")] {
		rec[colCategory] = w // the list's word, which reads as OtherPower
	} else if p.Category != 0 {
		rec[colCategory] = p.Category.Label()
	}
	rec[colCode], rec[colName], rec[colSub], rec[colParent] = p.Code, nameCell(p.Name, i+1), p.Sub, p.Parent
	rec[colSubject], rec[colOffice], rec[colTier], rec[colForward], rec[colFlow] = p.Subject, p.Office, p.Tier, p.Forward, p.Flow
	var set, impl, any []string
	for _, x := range p.Basis {
		switch x.Kind {
		case Setting:
			set = append(set, formatBasis(x))
		case Implementing:
			impl = append(impl, formatBasis(x))
		default:
			any = append(any, formatBasis(x))
		}
	}
	rec[colSetting], rec[colBasis], rec[colAnyBasis] = strings.Join(set, "\n"), strings.Join(impl, "\n"), strings.Join(any, "\n")
	var d []string
	for j, x := range p.Duties {
		var heading string
		switch {
		case x.Stage == Review && p.Category == Penalty:
			heading = "审理责任：" // a penalty's review is called 审理
		case x.Stage != 0:
			heading = x.Stage.Label() + "责任："
		}
		d = append(d, numbered(j, heading+x.Text))
	}
	rec[colDuties] = strings.Join(d, "\n")
	var l []string
	if p.LiabilityHeading != "" {
		l = append(l, p.LiabilityHeading)
	}
	for j, x := range p.Liabilities {
		l = append(l, numbered(j, x))
	}
	rec[colLiabilities] = strings.Join(l, "\n")
	rec[colStatutory], rec[colPromised] = daysCell(p, colStatutory, p.StatutoryDays), daysCell(p, colPromised, p.PromisedDays)
	for c := range numCols {
		if rec[c] == "" {
			rec[c] = p.Extra[csvHeaders[c][0]]
		}
	}
	for j, k := range extra {
		rec[int(numCols)+j] = p.Extra[k]
	}
}

// checkCells refuses powers with a text longer than MaxCellBytes before
// anything is built or written; a cell joined from several values is
// checked as it is built.
func checkCells(powers []Power) error {
	for i := range powers {
		p := &powers[i]
		texts := []string{p.Code, p.Name, p.Sub, p.Parent, p.Subject, p.Office, p.Tier, p.Forward, p.Flow, p.LiabilityHeading}
		for _, b := range p.Basis {
			texts = append(texts, b.Prefix, b.Law, b.Note, b.Article, b.Text)
		}
		for _, d := range p.Duties {
			texts = append(texts, d.Text)
		}
		texts = append(texts, p.Liabilities...)
		for k, v := range p.Extra {
			texts = append(texts, k, v)
		}
		for _, t := range texts {
			if len(t) > MaxCellBytes {
				return fmt.Errorf("accountability: writing power list: power %s: a text of %d bytes, over %d (MaxCellBytes): %w",
					errtext.Quote(p.Code), len(t), MaxCellBytes, ErrInvalid)
			}
		}
	}
	return nil
}

func formatBasis(b Basis) string {
	if b.Article == "" && b.Text == "" && b.Note == "" && b.Prefix == "" && b.Law != "" {
		return b.Law // read back whole, as it was read
	}
	s := b.Prefix + "《" + b.Law + "》"
	if b.Note != "" {
		s += "（" + b.Note + "）"
	}
	s += b.Article
	if b.Text != "" {
		s += "：" + b.Text
	}
	return s
}

// daysCell is the cell of a time limit of n days in column c: the word the
// list had, kept in Extra under the column's header, where it reads as n
// ("20天", "即时办结"), else the number.
func daysCell(p *Power, c, n int) string {
	if w := p.Extra[csvHeaders[c][0]]; w != "" {
		if sameDay[w] && n == 0 {
			return w
		}
		if m, loose, ok := parseDays(w); ok && loose && m == n {
			return w
		}
	}
	return formatDays(n)
}

func formatDays(n int) string {
	if n <= 0 {
		return ""
	}
	return strconv.Itoa(n)
}
