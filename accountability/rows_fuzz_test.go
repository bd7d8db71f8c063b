package accountability

import (
	"bytes"
	"encoding/csv"
	"io"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/qingdan/qingdan/internal/hardening"
)

// spellings is the PowerReader of FuzzReadRows: a county's own names of
// categories, such as TestReadPowersCSVCategories reads.
var spellings = &PowerReader{Categories: map[string]Category{"行政审批": Licensing, "其他": Internal, "11": Forwarding}}

// FuzzReadRows reads rows of cells (in FuzzReadPowerRows's form: lines of
// cells separated by tabs, a line break in a cell written as \v) with the
// row readers FuzzReadPowerRows does not try: ReadResponsibilityRows when
// list is even, and a PowerReader of its own spellings (spellings) when it
// is odd. No rows panic the reader or take time out of proportion to their
// length, or are modified; every error wraps ErrCell or ErrInvalid and
// says in Chinese what is wrong; rows that read, as UTF-8 text a CSV file
// holds, read the same from that file, and what they read into writes a
// file that reads back the same.
func FuzzReadRows(f *testing.F) {
	for _, tt := range dutyForms {
		rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(tt.in, "\ufeff"))).ReadAll()
		if err != nil {
			f.Fatal(err)
		}
		f.Add(uint8(0), fuzzRowsText(rows))
	}
	f.Add(uint8(0), "主要职责\t具体工作事项\t责任科室\n甲\ta\t党建办\n\tb\t综治办\n\n\tc\t")
	f.Add(uint8(0), "职责类别\t主要职责\t依据\n党的建设\t甲\vx\t《法》\n\t\t")
	f.Add(uint8(0), "主要职责\t主要职责\n\xff\t")
	f.Add(uint8(1), "权力类型\t项目名称\t实施依据\n行政审批\t甲\t《法》第一条\n其 他\t乙\t\n11\t丙\t\n处罚\t丁\t")
	f.Add(uint8(1), "序号\t权力类型\t事项名称\n1\t行政 审批\t甲\n\t\t乙")
	f.Add(uint8(1), "权力类型\n\v")
	f.Fuzz(func(t *testing.T, list uint8, s string) {
		if list%2 == 0 {
			readsRows(t, s, ReadResponsibilityRows, ReadResponsibilitiesCSV, WriteResponsibilitiesCSV)
		} else {
			readsRows(t, s, spellings.ReadRows, spellings.ReadCSV, WritePowersCSV)
		}
	})
}

// readsRows checks, for FuzzReadPowerRows and FuzzReadRows, what readRows
// makes of the rows in s (in fuzzRows's form), against readCSV of their
// CSV and of write's CSV of what they read.
func readsRows[T any](t *testing.T, s string, readRows func([][]string) ([]T, error), readCSV func(io.Reader) ([]T, error), write func(io.Writer, []T) error) {
	t.Helper()
	rows, before := fuzzRows(s), fuzzRows(s)
	var (
		got []T
		err error
	)
	hardening.Linear(t, len(s), func() { got, err = readRows(rows) })
	if !slices.EqualFunc(rows, before, slices.Equal) {
		t.Fatalf("the reader modified its rows")
	}
	soundReadError(t, err)
	if err != nil || !utf8Rows(rows) {
		return
	}
	again, err := readCSV(bytes.NewReader(csvBytes(t, rows)))
	if err != nil {
		t.Fatalf("rows read, their CSV not: %v", err)
	}
	if !reflect.DeepEqual(got, again) { // as strict as cmp.Diff on these types, and cheaper
		t.Fatalf("rows and CSV mismatch (-rows +CSV):\n%s", cmp.Diff(got, again))
	}
	writesBack(t, got, readCSV, write)
}
