package texttable

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"
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
		if got := Width(tt.s); got != tt.want {
			t.Errorf("Width(%q) = %d, want %d", tt.s, got, tt.want)
		}
	}
}

func TestWrite(t *testing.T) {
	tb := New("编号", "名称", ">天数", "说明")
	tb.Add("CF-001", "对未经批准堆放物料的处罚", "60", "城市管理部")
	tb.Add("JF-1", "临时救助", "5")
	tb.Add("QT-003", "指导居民委员会换届选举", "115", "党政办公室", "dropped")
	var b strings.Builder
	if err := tb.Write(&b, "  "); err != nil {
		t.Fatal(err)
	}
	want := strings.Join([]string{
		"  编号    名称                      天数  说明",
		"  ------  ------------------------  ----  ----------",
		"  CF-001  对未经批准堆放物料的处罚    60  城市管理部",
		"  JF-1    临时救助                     5",
		"  QT-003  指导居民委员会换届选举     115  党政办公室",
		"",
	}, "\n")
	if diff := cmp.Diff(want, b.String()); diff != "" {
		t.Errorf("Write mismatch (-want +got):\n%s", diff)
	}
}

func TestFormat(t *testing.T) {
	got := Format([][]string{
		{"排名", "部门", "得分"},
		{"1", "交通运输局", "94.23"},
		{"10", "城管局", "85.59", "extra"},
	}, []bool{true, false, true})
	want := []string{
		"排名  部门         得分",
		"   1  交通运输局  94.23",
		"  10  城管局      85.59  extra",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Format mismatch (-want +got):\n%s", diff)
	}
}

func TestExact(t *testing.T) {
	for _, tt := range []struct {
		d      string
		places int32
		want   string
	}{
		{"90.58", 2, "90.58"},
		{"89.645", 2, "89.645"}, // not rounded to 89.65
		{"90.4", 3, "90.400"},
		{"90.40", 2, "90.40"},
		{"88", 2, "88.00"},
		{"-4.5", 2, "-4.50"},
		{"89.7515", 3, "89.7515"}, // not rounded to 89.752
	} {
		if got := Exact(decimal.RequireFromString(tt.d), tt.places); got != tt.want {
			t.Errorf("Exact(%s, %d) = %q, want %q", tt.d, tt.places, got, tt.want)
		}
	}
}
