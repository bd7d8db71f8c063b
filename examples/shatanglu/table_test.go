package main

import (
	"strings"
	"testing"
)

func TestWidth(t *testing.T) {
	tests := []struct {
		s    string
		want int
	}{
		{"", 0},
		{"F-CF", 4},
		{"中庙街道", 8},
		{"（部分）", 8}, // full-width brackets
		{"3×5", 3},  // × is narrow
		{"R-CF-1 二级", 11},
		{"\xff", 1}, // invalid UTF-8 counts one column
	}
	for _, tt := range tests {
		if got := width(tt.s); got != tt.want {
			t.Errorf("width(%q) = %d, want %d", tt.s, got, tt.want)
		}
	}
}

// TestTableAligns checks that every cell of a column starts at the same
// display column, whatever mix of CJK and ASCII the rows hold.
func TestTableAligns(t *testing.T) {
	tb := newTable("编号", "名称", ">天数", "说明")
	tb.add("CF-001", "对未经批准堆放物料的处罚", "60", "城市管理部")
	tb.add("JF-1", "临时救助", "5")
	tb.add("QT-003", "指导居民委员会换届选举", "115", "党政办公室")
	var b strings.Builder
	if err := tb.write(&b, "  "); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n")
	if len(lines) != 5 {
		t.Fatalf("got %d lines, want 5:\n%s", len(lines), b.String())
	}
	// The right-aligned third column ends at the same display column.
	end := -1
	for i, l := range lines {
		cells := strings.Fields(l)
		if i == 1 || len(cells) < 3 {
			continue
		}
		prefix := l[:strings.Index(l, cells[2])+len(cells[2])]
		if end == -1 {
			end = width(prefix)
		} else if w := width(prefix); w != end {
			t.Errorf("line %d: column 3 ends at %d, want %d:\n%s", i, w, end, b.String())
		}
	}
	for i, l := range lines {
		if l != strings.TrimRight(l, " ") {
			t.Errorf("line %d has trailing spaces: %q", i, l)
		}
	}
}
