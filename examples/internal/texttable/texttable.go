// Package texttable lays out the examples' Chinese tables in aligned
// columns. A terminal gives a CJK character two columns and text/tabwriter
// counts it as one, which misaligns Chinese names; this package pads by
// display width instead.
package texttable

import (
	"io"
	"strings"
	"unicode/utf8"

	"github.com/shopspring/decimal"
)

// Table is a text table with a head row, a rule under it and the rows.
// The zero value is not usable; call [New].
type Table struct {
	head  []string
	right []bool // right-align this column (numbers)
	rows  [][]string
}

// New returns a table with the given heads; a head that starts with '>'
// names a right-aligned column (the '>' is not printed).
func New(heads ...string) *Table {
	t := &Table{head: make([]string, len(heads)), right: make([]bool, len(heads))}
	for i, h := range heads {
		if rest, ok := strings.CutPrefix(h, ">"); ok {
			t.right[i] = true
			h = rest
		}
		t.head[i] = h
	}
	return t
}

// Add appends a row; missing cells are empty and cells beyond the heads
// are dropped.
func (t *Table) Add(cells ...string) {
	if len(cells) > len(t.head) {
		cells = cells[:len(t.head)]
	}
	t.rows = append(t.rows, cells)
}

// Write prints the head, a rule of dashes and the rows, each line starting
// with indent.
func (t *Table) Write(w io.Writer, indent string) error {
	widths := widths(append([][]string{t.head}, t.rows...))
	rule := make([]string, len(widths))
	for i, n := range widths {
		rule[i] = strings.Repeat("-", n)
	}
	var b strings.Builder
	for _, l := range Format(append([][]string{t.head, rule}, t.rows...), t.right) {
		b.WriteString(indent)
		b.WriteString(l)
		b.WriteByte('\n')
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// Format lays rows out in columns two spaces apart, padded by display
// width; a column i with right[i] set is aligned right, the others left.
// Lines carry no trailing spaces.
func Format(rows [][]string, right []bool) []string {
	widths := widths(rows)
	lines := make([]string, 0, len(rows))
	for _, cells := range rows {
		var row strings.Builder
		for i, cell := range cells {
			if i > 0 {
				row.WriteString("  ")
			}
			pad := strings.Repeat(" ", widths[i]-Width(cell))
			if i < len(right) && right[i] {
				row.WriteString(pad + cell)
			} else {
				row.WriteString(cell + pad)
			}
		}
		lines = append(lines, strings.TrimRight(row.String(), " "))
	}
	return lines
}

// widths returns each column's display width, the widest cell's.
func widths(rows [][]string) []int {
	var w []int
	for _, r := range rows {
		for i, c := range r {
			if i >= len(w) {
				w = append(w, 0)
			}
			w[i] = max(w[i], Width(c))
		}
	}
	return w
}

// Width is the number of terminal columns s takes: two for each East Asian
// wide or full-width character, one for any other (invalid UTF-8 included).
func Width(s string) int {
	n := 0
	for _, r := range s {
		n += runeWidth(r)
	}
	return n
}

func runeWidth(r rune) int {
	switch {
	case r == utf8.RuneError, r < 0x1100:
		return 1
	case r <= 0x115F, // Hangul Jamo
		r >= 0x2E80 && r <= 0xA4CF && r != 0x303F, // CJK radicals … Yi, with CJK punctuation
		r >= 0xAC00 && r <= 0xD7A3,                // Hangul syllables
		r >= 0xF900 && r <= 0xFAFF,                // CJK compatibility ideographs
		r >= 0xFE30 && r <= 0xFE4F,                // CJK compatibility forms
		r >= 0xFF00 && r <= 0xFF60,                // full-width forms
		r >= 0xFFE0 && r <= 0xFFE6,
		r >= 0x20000 && r <= 0x3FFFD: // CJK extensions B…
		return 2
	}
	return 1
}

// Exact writes d for a cell with at least places decimals and as many more
// as it has, never rounded, so that a total printed beside its parts
// follows from them by hand: Exact(90.58, 2) is "90.58", Exact(89.645, 2)
// "89.645", Exact(90.4, 3) "90.400".
func Exact(d decimal.Decimal, places int32) string {
	return d.StringFixed(max(places, -d.Exponent()))
}
