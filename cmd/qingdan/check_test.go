package main

import (
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/qingdan/qingdan/accountability"
)

// TestCellFindingEscapesHeader: the path of a bad cell's finding names its
// header as the library names text from the file, its invisible and
// control characters escaped and a long one cut. Before, a bidi override
// in a header was printed raw, and showed the rest of the line reversed.
func TestCellFindingEscapesHeader(t *testing.T) {
	long := strings.Repeat("备", 100)
	for _, tt := range []struct{ name, header, want string }{
		{"a bidi override", "备\u202e注", `第2行第3列（备\u202e注）`},
		{"a control character", "备\x01注", `第2行第3列（备\x01注）`},
		{"a long header", long, "第2行第3列（" + strings.Repeat("备", 21) + "… (300 bytes)）"},
	} {
		_, err := accountability.ReadPowersCSV(strings.NewReader("项目名称,权力类型," + tt.header + "\n甲,行政许可,\xff\n"))
		ce, ok := errors.AsType[*accountability.CSVError](err)
		if !ok {
			t.Fatalf("%s: error %v, want a *CSVError", tt.name, err)
		}
		var got []string
		for _, f := range cellFindings(ce) {
			got = append(got, f.Path)
		}
		if diff := cmp.Diff([]string{tt.want}, got); diff != "" {
			t.Errorf("%s: paths mismatch (-want +got):\n%s", tt.name, diff)
		}
	}
}
