package assessmenttest

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/qingdan/qingdan/assessment"
	"github.com/qingdan/qingdan/internal/tablecase"
	"github.com/shopspring/decimal"
)

// coverCases reach 被督办 (twice), 响应率, 市级表扬 and 重大责任事故;
// never 超时办结 nor 响应率过低. The refused case reaches nothing.
func coverCases() []Case {
	return []Case{
		{Name: "督办", Facts: assessment.Facts{Unit: "a", Base: d("90"), Counts: map[string]int{"督办": 1}}},
		{Facts: assessment.Facts{Unit: "b", Base: d("90"), Counts: map[string]int{"督办": 2, "表扬": 1}, Rates: map[string]decimal.Decimal{"响应率": *d("0.9")}}},
		{Name: "事故", Facts: assessment.Facts{Unit: "c", Base: d("90"), Counts: map[string]int{"责任事故": 1}}},
		{Name: "refused", Facts: assessment.Facts{Unit: "d", Counts: map[string]int{"超时": 3}}, Err: "no base"},
	}
}

func TestCover(t *testing.T) {
	got := Cover(testSheet(t), coverCases())
	want := Coverage{Sheet: "测试考核细则/2026", Rows: []Row{
		{Item: 1, Name: "被督办", Cases: []string{"督办", "#1"}},
		{Item: 2, Name: "超时办结"},
		{Item: 3, Name: "响应率", Cases: []string{"#1"}},
		{Item: 4, Name: "市级表扬", Cases: []string{"#1"}},
		{Item: 5, Name: "重大责任事故", Cases: []string{"事故"}},
		{Item: 6, Name: "响应率过低"},
	}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Cover mismatch (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]Row{{Item: 2, Name: "超时办结"}, {Item: 6, Name: "响应率过低"}}, got.Unreached()); diff != "" {
		t.Errorf("Unreached mismatch (-want +got):\n%s", diff)
	}
	wantText := `sheet "测试考核细则/2026": 4 of 6 items reached
item 1 "被督办": 2 cases
item 2 "超时办结": never reached
item 3 "响应率": 1 case
item 4 "市级表扬": 1 case
item 5 "重大责任事故": 1 case
item 6 "响应率过低": never reached`
	if got.String() != wantText {
		t.Errorf("String() = %q, want %q", got.String(), wantText)
	}
	if got := (Row{Item: 7}).String(); got != "item 7" {
		t.Errorf("an unnamed row = %q", got)
	}
}

func TestRequireCoverage(t *testing.T) {
	s := testSheet(t)
	all := append(coverCases(),
		Case{Name: "超时", Facts: assessment.Facts{Unit: "e", Base: d("90"), Counts: map[string]int{"超时": 3}}},
		Case{Name: "过低", Facts: assessment.Facts{Unit: "f", Base: d("90"), Rates: map[string]decimal.Decimal{"响应率": *d("0.3")}}})
	for _, tt := range []struct {
		name  string
		cases []Case
		want  []string
	}{
		{"two items unreached", coverCases(), []string{`sheet "测试考核细则/2026": no case reaches item 2 "超时办结", item 6 "响应率过低"`}},
		{"every item reached", all, nil},
		{"no cases", nil, []string{`sheet "测试考核细则/2026": no case reaches item 1 "被督办", item 2 "超时办结", item 3 "响应率", item 4 "市级表扬", item 5 "重大责任事故", item 6 "响应率过低"`}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var rec tablecase.HelperRecorder
			RequireCoverage(&rec, s, tt.cases)
			rec.Check(t, "RequireCoverage", tt.want)
			if len(rec.Reports) == 1 && rec.Reports[0] != tt.want[0] {
				t.Errorf("RequireCoverage reported %q, want exactly %q", rec.Reports[0], tt.want[0])
			}
			// Both mark themselves, so that a failure is reported at the test's line.
			if diff := cmp.Diff([]string{"assessmenttest.RequireCoverage", "tablecase.Require"}, rec.Callers); diff != "" {
				t.Errorf("callers of Helper mismatch (-want +got):\n%s", diff)
			}
		})
	}
}
