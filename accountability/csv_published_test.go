package accountability

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestReadPublishedForms reads, one at a time, the forms of cell and
// header that real published lists (testdata/published) have and that the
// importer once refused or misread.
func TestReadPublishedForms(t *testing.T) {
	tests := []struct {
		name, in string
		want     []Power
	}{
		{
			// Most county and sub-district lists publish no item codes.
			name: "no code column",
			in:   "序号,权力类型,项目名称,实施依据\n1,行政确认,独生子女父母光荣证核发与注销,《安徽省人口与计划生育条例》第三十九条\n",
			want: []Power{{Name: "独生子女父母光荣证核发与注销", Category: Confirmation,
				Basis: []Basis{{Law: "安徽省人口与计划生育条例", Article: "第三十九条", Kind: Implementing}}}},
		},
		{
			name: "blank code cell",
			in:   "序号,权力类型,项目编码,项目名称,实施依据\n1,行政确认,,独生子女父母光荣证核发与注销,《安徽省人口与计划生育条例》第三十九条\n",
			want: []Power{{Name: "独生子女父母光荣证核发与注销", Category: Confirmation,
				Basis: []Basis{{Law: "安徽省人口与计划生育条例", Article: "第三十九条", Kind: Implementing}}}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ReadPowersCSV(strings.NewReader(tt.in))
			if err != nil {
				t.Fatalf("ReadPowersCSV() error = %v", err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("ReadPowersCSV() mismatch (-want +got):\n%s", diff)
			}
		})
	}
}
