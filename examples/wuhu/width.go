package main

import (
	"strings"

	"github.com/qingdan/qingdan/examples/internal/texttable"
)

// table lays out rows of cells in aligned columns, two spaces apart,
// padding by display width (a Chinese character takes two columns);
// columns whose align byte is 'r' are aligned right (numbers), the rest
// left.
type table struct {
	align string // one byte per column: 'l' or 'r'
	rows  [][]string
}

// add appends a row.
func (t *table) add(cells ...string) { t.rows = append(t.rows, cells) }

// String renders the table, each line without trailing spaces.
func (t *table) String() string {
	right := make([]bool, len(t.align))
	for i := range right {
		right[i] = t.align[i] == 'r'
	}
	var b strings.Builder
	for _, l := range texttable.Format(t.rows, right) {
		b.WriteString(l)
		b.WriteByte('\n')
	}
	return b.String()
}
