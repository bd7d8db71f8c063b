package accountability

// One row of a power list: its cells read into a Power.

import (
	"cmp"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"
)

// readPowerRow turns one record into a power and its bad cells. prev is
// the last power with a name, whose cells a sub-item's merged cells take;
// gb is read's; cont says the record continues the power before it (see
// continues), so its blank name and category are no bad cells. bc holds
// the bases of the power the record is or continues, by column: the
// record's are added to them, and, if it begins a power, are its Basis.
func (pr *PowerReader) readPowerRow(rec []string, row int, l *columnLayout, src source, prev *Power, gb, cont bool, bc *basisCells) (Power, []CellError) {
	var bad []CellError
	fail := func(j int, format string, args ...any) {
		line, _ := src.FieldPos(j)
		h := ""
		if j < len(l.header) {
			h = l.header[j]
		}
		args = append(args, ErrCell)
		bad = append(bad, CellError{Row: row, Line: line, Column: j + 1, Header: h, Value: rec[j], Err: fmt.Errorf(format+": %w", args...)})
	}
	var long []bool // the cells over MaxCellBytes, reported once
	for j, s := range rec {
		if len(s) > MaxCellBytes {
			fail(j, "longer than %d bytes (MaxCellBytes): %w", MaxCellBytes, ErrInvalid)
			rec[j] = "" // read as blank: nothing more is done with it
			if long == nil {
				long = make([]bool, len(rec))
			}
			long[j] = true
			continue
		}
		if !utf8.ValidString(s) {
			fail(j, "not UTF-8 text (save the spreadsheet as CSV in UTF-8 or GB18030)")
			rec[j] = strings.ToValidUTF8(s, "\uFFFD")
		} else if gb && strings.ContainsRune(s, utf8.RuneError) {
			fail(j, "not GB18030 text (a byte sequence GB18030 does not have; save the spreadsheet as CSV in UTF-8 or GB18030)")
		}
		if j >= len(l.header) && strings.TrimSpace(s) != "" {
			fail(j, "cell beyond the last column, with no header")
		}
	}
	cell := func(c int) (string, int) {
		j := l.cols[c]
		if j < 0 || j >= len(rec) {
			return "", j
		}
		return strings.TrimSpace(rec[j]), j
	}
	missing := func(c, j int) {
		if cont || long != nil && j >= 0 && j < len(rec) && long[j] {
			return
		}
		if j >= len(rec) {
			line, _ := src.FieldPos(0)
			bad = append(bad, CellError{Row: row, Line: line, Column: j + 1, Header: csvHeaders[c][0], Err: fmt.Errorf("%s is blank (the row is short): %w", csvHeaders[c][0], ErrCell)})
			return
		}
		fail(j, "%s is blank", csvHeaders[c][0])
	}
	var p Power
	keep := func(k, s string) {
		if p.Extra == nil {
			p.Extra = make(map[string]string) // not sized by the header, which may be wide and blank
		}
		p.Extra[k] = s
	}
	p.Sub, _ = cell(colSub)
	// A sub-item under merged cells: its blank name, type, subject, office
	// and tier are its parent's.
	name, nameAt := cell(colName)
	merged := p.Sub != "" && prev != nil && name == ""
	serial, serialAt := cell(colSerial)
	if serial != "" {
		if n, err := strconv.Atoi(serial); err != nil || n < 0 {
			fail(serialAt, "序号 is not a whole number")
		}
	}
	name = stripItemNumber(name, serial) // "1、伪造…的处罚", as the table numbers it
	if s, j := cell(colCategory); s == "" {
		if merged {
			p.Category = prev.Category
		} else {
			missing(colCategory, j)
		}
	} else if c, kept, err := pr.parseCategoryCell(s); err != nil {
		fail(j, "权力类型: %w", err)
	} else {
		p.Category = c
		if kept {
			keep(csvHeaders[colCategory][0], s)
		}
	}
	p.Code, _ = cell(colCode) // blank or absent in many lists: Register.Validate reports it
	switch {
	case name != "":
		p.Name = name
	case merged:
		p.Name = prev.Name
	default:
		missing(colName, nameAt)
	}
	p.Parent, _ = cell(colParent)
	p.Subject, _ = cell(colSubject)
	p.Office, _ = cell(colOffice)
	p.Tier, _ = cell(colTier)
	if merged {
		p.Subject = cmp.Or(p.Subject, prev.Subject)
		p.Office = cmp.Or(p.Office, prev.Office)
		p.Tier = cmp.Or(p.Tier, prev.Tier)
	}
	p.Forward, _ = cell(colForward)
	p.Flow, _ = cell(colFlow)
	if !cont {
		*bc = basisCells{}
	}
	for i, c := range basisCols {
		if s, _ := cell(c); s != "" {
			bc.cols[i], bc.laws[i] = addBases(bc.cols[i], s, basisKind(i), bc.laws[i])
		}
	}
	if !cont {
		p.Basis = bc.join()
	}
	if s, _ := cell(colDuties); s != "" {
		p.Duties = parseDuties(lines(s))
	}
	if s, _ := cell(colLiabilities); s != "" {
		p.LiabilityHeading, p.Liabilities = parseLiabilities(lines(s))
	}
	for _, c := range []int{colStatutory, colPromised} {
		s, j := cell(c)
		if s == "" || noLimit[s] {
			continue
		}
		if sameDay[s] {
			keep(csvHeaders[c][0], s)
			continue
		}
		n, loose, ok := parseDays(s)
		if !ok {
			fail(j, "%s is not a number of working days", csvHeaders[c][0])
			continue
		}
		if loose {
			keep(csvHeaders[c][0], s)
		}
		if c == colStatutory {
			p.StatutoryDays = n
		} else {
			p.PromisedDays = n
		}
	}
	for j := range rec { // the row's cells, not the header's: a row costs its own length
		if k, ok := l.extra[j]; ok {
			if s := strings.TrimSpace(rec[j]); s != "" {
				keep(k, s)
			}
		}
	}
	sort.SliceStable(bad, func(i, j int) bool { return bad[i].Column < bad[j].Column })
	return p, bad
}

// basisCols are the basis columns, in the order a power's bases are
// read.
var basisCols = [3]int{colSetting, colBasis, colAnyBasis}

// basisKind is the kind of the bases of the i-th of basisCols (职权依据:
// not stated).
func basisKind(i int) BasisKind {
	return [len(basisCols)]BasisKind{Setting, Implementing, 0}[i]
}

// basisCells are the bases of a power by column (those of 设定依据, of
// 实施依据, of 职权依据), while the records after the one that began it
// may continue it, and the law each column's last line cited in 《》
// (see addBases). continued says a record continued the power, whose
// Basis is then join's once it ends.
type basisCells struct {
	cols      [len(basisCols)][]Basis
	laws      [len(basisCols)]string
	continued bool
}

// join is the power's bases, those of each column after those of the
// columns before it.
func (bc *basisCells) join() []Basis { return slices.Concat(bc.cols[:]...) }

// addBases adds to bs the bases of the lines of a basis cell s (of each
// citation of a line that cites several: splitCitations), of kind, and
// returns them and the law the last line cited in 《》 ("" if it cited
// none). law is the one the line before the cell's first cited:
// "" but where the cell continues the one above it.
func addBases(bs []Basis, s string, kind BasisKind, law string) ([]Basis, string) {
	for _, l := range lines(s) {
		splitCitations(l, law, func(x string) { bs, law = addBasis(bs, x, kind, law) })
	}
	return bs, law
}

// addBasis adds to bs the basis of x, a line of a basis cell or a citation
// of one, as addBases does.
func addBasis(bs []Basis, x string, kind BasisKind, law string) ([]Basis, string) {
	b := parseBasis(x, law)
	b.Kind = kind
	whole := b.Law == x || b.Law == stripNumber(x) // a line that cites no law
	switch n := len(bs) - 1; {
	case n >= 0 && law != "" && articleRE.MatchString(x) && bs[n].Article == "" && bs[n].Text == "":
		// An article on the line after a law cited with none is that
		// citation's article.
		bs[n].Article, bs[n].Text = b.Article, b.Text
		return bs, law
	case n >= 0 && !whole && !strings.HasPrefix(b.Prefix, "【") && isRankTag(bs[n]):
		// A tag of rank on the line before a citation is its Prefix.
		b.Prefix = stripNumber(bs[n].Law) + b.Prefix
		bs[n] = b
	default:
		bs = append(bs, b)
	}
	if whole {
		return bs, ""
	}
	return bs, b.Law
}

// isRankTag reports whether b is a line that is only a tag of a law's
// rank ("【法律】", "1、【行政法规】"), read whole.
func isRankTag(b Basis) bool {
	t := stripNumber(b.Law)
	return b == Basis{Law: b.Law, Kind: b.Kind} && strings.HasPrefix(t, "【") && strings.HasSuffix(t, "】") && isBasisPrefix(t)
}

// multiValued are the columns whose cells hold one value a line.
var multiValued = []int{colSetting, colBasis, colAnyBasis, colDuties, colLiabilities}

// continues reports whether rec holds only further values of the power on
// the record before it: where the spreadsheet merged an item's cells over
// several rows, a row that holds its next duty, case or basis, or more of
// a column the importer does not model (责任岗位, 备注), and nothing else.
// Every non-blank cell of rec is in a multi-valued column or in one kept
// in Extra.
func (l *columnLayout) continues(rec []string) bool {
	for j, s := range rec {
		if _, kept := l.extra[j]; strings.TrimSpace(s) != "" && !kept && !slices.ContainsFunc(multiValued, func(c int) bool { return l.cols[c] == j }) {
			return false
		}
	}
	return true
}

// continueWith adds to p the duties and cases of c, read from a record
// that continues p's (whose bases read adds to p's once p ends), and the
// cells c keeps in Extra, which more adds once p ends. A line introducing
// cases is p's heading if p has neither a heading nor cases yet, and a
// case otherwise.
func (p *Power) continueWith(c *Power, more extraLines) {
	for k, v := range c.Extra {
		if len(more[k]) == 0 && p.Extra[k] != "" {
			more[k] = append(more[k], p.Extra[k])
		}
		more[k] = append(more[k], v)
	}
	p.Duties = append(p.Duties, c.Duties...)
	if h := c.LiabilityHeading; h != "" {
		if p.LiabilityHeading == "" && len(p.Liabilities) == 0 {
			p.LiabilityHeading = h
		} else {
			p.Liabilities = append(p.Liabilities, h)
		}
	}
	p.Liabilities = append(p.Liabilities, c.Liabilities...)
}

// extraLines are the cells of a power's Extra, by key, while records
// continue it: its own cell, if any, then those of the records, each on a
// line after the one above, joined once it ends (not as each comes, which
// would copy a power's cell once for every record that continues it).
type extraLines map[string][]string

// addTo sets in p's Extra the cells of m, one line each, and empties m.
func (m extraLines) addTo(p *Power) {
	for k, ls := range m {
		if p.Extra == nil {
			p.Extra = make(map[string]string, len(m))
		}
		p.Extra[k] = strings.Join(ls, "\n")
	}
	clear(m)
}
