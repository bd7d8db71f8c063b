package texttable_test

import (
	"fmt"
	"os"

	"github.com/qingdan/qingdan/examples/internal/texttable"
)

// A table of powers: the Chinese names take two columns a character, so
// the columns after them still line up in a terminal. A head that starts
// with '>' right-aligns its column.
func ExampleTable() {
	tb := texttable.New("编码", "事项名称", ">承诺", "实施主体")
	tb.Add("CF-001", "对未经批准堆放物料的处罚", "60", "城市管理部")
	tb.Add("JF-001", "临时救助", "15", "社会事务部")
	tb.Add("QT-003", "指导居民委员会换届选举", "15") // a missing cell is empty
	if err := tb.Write(os.Stdout, "  "); err != nil {
		fmt.Println(err)
	}
	// Output:
	//   编码    事项名称                  承诺  实施主体
	//   ------  ------------------------  ----  ----------
	//   CF-001  对未经批准堆放物料的处罚    60  城市管理部
	//   JF-001  临时救助                    15  社会事务部
	//   QT-003  指导居民委员会换届选举      15
}

// Width counts terminal columns, not runes or bytes: a CJK character and
// a full-width bracket take two, the multiplication sign one.
func ExampleWidth() {
	for _, s := range []string{"F-CF", "中庙街道", "（部分）", "3×5"} {
		fmt.Printf("%s: %d runes, %d columns\n", s, len([]rune(s)), texttable.Width(s))
	}
	// Output:
	// F-CF: 4 runes, 4 columns
	// 中庙街道: 4 runes, 8 columns
	// （部分）: 4 runes, 8 columns
	// 3×5: 3 runes, 3 columns
}

// Format lays out rows without a head rule, for a caller that prints the
// lines its own way; here the first and last columns are right-aligned.
func ExampleFormat() {
	lines := texttable.Format([][]string{
		{"排名", "部门", "得分"},
		{"1", "交通运输局", "94.23"},
		{"10", "城管局", "85.59"},
	}, []bool{true, false, true})
	for _, l := range lines {
		fmt.Printf("|%s|\n", l)
	}
	// Output:
	// |排名  部门         得分|
	// |   1  交通运输局  94.23|
	// |  10  城管局      85.59|
}
