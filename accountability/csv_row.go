package accountability

// One row of a power list: its cells read into a Power.

import (
	"cmp"
	"slices"
	"strings"
)

// readPowerRow turns one record into a power, reporting its bad cells on
// rc. prev is the last power with a name, whose cells a sub-item's merged
// cells take; cont says the record continues the power before it (see
// rowCells.continues), so its blank name and category are no bad cells.
// bc holds the bases of the power the record is or continues, by column:
// the record's are added to them, and, if it begins a power, are its Basis.
func (pr *PowerReader) readPowerRow(rc *rowCells, prev *Power, cont bool, bc *basisCells) Power {
	cell, fail := rc.cell, rc.fail
	missing := func(c, j int) {
		if !cont {
			rc.blank(c, j)
		}
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
	serial := rc.serial(colSerial)
	name = stripItemNumber(name, serial) // "1、伪造…的处罚", as the table numbers it
	if s, j := cell(colCategory); s == "" {
		if merged {
			p.Category = prev.Category
		} else {
			missing(colCategory, j)
		}
	} else if c, kept, err := pr.parseCategoryCell(s); err != nil {
		fail(j, categoryWant, "权力类型: %w", err)
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
			fail(j, csvHeaders[c][0]+"不是工作日数（应如“20个工作日”“即办”或“无”）", "%s is not a number of working days", csvHeaders[c][0])
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
	rc.extras(keep)
	return p
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

// multiValued are the columns whose cells hold one value a line: a record
// whose filled cells are all in them, or in columns kept in Extra,
// continues the power above it.
var multiValued = []int{colSetting, colBasis, colAnyBasis, colDuties, colLiabilities}

// continueWith adds to p the duties and cases of c, read from a record
// that continues p's (whose bases read adds to p's once p ends, as it does
// the cells c keeps in Extra). A line introducing cases is p's heading if
// p has neither a heading nor cases yet, and a case otherwise.
func (p *Power) continueWith(c *Power) {
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

// add adds the cells cont keeps, of a record that continues an item whose
// Extra is own, after the item's own cell, if any, under each key.
func (m extraLines) add(own, cont map[string]string) {
	for k, v := range cont {
		if len(m[k]) == 0 && own[k] != "" {
			m[k] = append(m[k], own[k])
		}
		m[k] = append(m[k], v)
	}
}

// addTo sets in extra, an item's Extra, the cells of m, one line each,
// and empties m.
func (m extraLines) addTo(extra *map[string]string) {
	for k, ls := range m {
		if *extra == nil {
			*extra = make(map[string]string, len(m))
		}
		(*extra)[k] = strings.Join(ls, "\n")
	}
	clear(m)
}
