package main

import (
	"io"
	"strings"
	"unicode/utf8"
)

// table is a text table whose columns line up in a terminal: a CJK character
// takes two columns, everything else one.
type table struct {
	head  []string
	right []bool // right-align this column (numbers)
	rows  [][]string
}

// newTable returns a table with the given heads; a head that starts with '>'
// names a right-aligned column (the '>' is not printed).
func newTable(heads ...string) *table {
	t := &table{head: make([]string, len(heads)), right: make([]bool, len(heads))}
	for i, h := range heads {
		if rest, ok := strings.CutPrefix(h, ">"); ok {
			t.right[i] = true
			h = rest
		}
		t.head[i] = h
	}
	return t
}

// add appends a row; missing cells are empty.
func (t *table) add(cells ...string) { t.rows = append(t.rows, cells) }

// write prints the table, each line starting with indent. Two spaces separate
// the columns; the last column is not padded.
func (t *table) write(w io.Writer, indent string) error {
	widths := make([]int, len(t.head))
	for i, h := range t.head {
		widths[i] = width(h)
	}
	for _, r := range t.rows {
		for i := 0; i < len(r) && i < len(widths); i++ {
			widths[i] = max(widths[i], width(r[i]))
		}
	}
	var b strings.Builder
	line := func(cells []string) {
		b.WriteString(indent)
		var row strings.Builder
		for i := range widths {
			cell := ""
			if i < len(cells) {
				cell = cells[i]
			}
			if i > 0 {
				row.WriteString("  ")
			}
			pad := strings.Repeat(" ", widths[i]-width(cell))
			switch {
			case t.right[i]:
				row.WriteString(pad + cell)
			case i == len(widths)-1:
				row.WriteString(cell)
			default:
				row.WriteString(cell + pad)
			}
		}
		b.WriteString(strings.TrimRight(row.String(), " "))
		b.WriteByte('\n')
	}
	line(t.head)
	rule := make([]string, len(widths))
	for i, n := range widths {
		rule[i] = strings.Repeat("-", n)
	}
	line(rule)
	for _, r := range t.rows {
		line(r)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// width is the number of terminal columns s takes: two for each East Asian
// wide or full-width character, one for any other.
func width(s string) int {
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
