package main

import (
	"bytes"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/qingdan/qingdan/examples/internal/cli"
)

func loadHires(t *testing.T) *hires {
	t.Helper()
	var h hires
	if err := cli.Decode(dataFS, "data/hires.json", &h); err != nil {
		t.Fatal(err)
	}
	return &h
}

func TestHiresCheck(t *testing.T) {
	tests := []struct {
		name   string
		change func(h *hires)
		want   []string // each must appear; none means no error
	}{
		{"built-in", func(*hires) {}, nil},
		{"a dispatched agency's staff", func(h *hires) { h.Hires[0].Unit = "STL-CGZD" }, []string{`hires[PY01] 刘春燕: unit "STL-CGZD" is not a body of the sub-district`}},
		{"a district department", func(h *hires) { h.Hires[0].Unit = "HS-ZJJ" }, []string{`unit "HS-ZJJ"`}},
		{"unknown post", func(h *hires) { h.Hires[1].Post = "保洁岗" }, []string{`post "保洁岗" is no category`}},
		{"ID twice", func(h *hires) { h.Hires[2].ID = "PY01" }, []string{`ID "PY01" empty or used twice`}},
		{"a score of no hire", func(h *hires) { h.Months[0].Scores[0].Person = "CG01" }, []string{"month 2020-01: CG01 is no hire"}},
		{"a score in another category", func(h *hires) { h.Months[1].Scores[0].Category = "窗口服务岗" }, []string{`month 2020-06: PY01 is no hire of category "窗口服务岗"`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			units, _, _, _ := fixtures(t)
			h := loadHires(t)
			tt.change(h)
			wantErrors(t, h.check(&printer{units: units}), tt.want)
		})
	}
}

// TestHiresMonth: the hires are appraised on their own month's scores,
// each within the category of their post, and a month with none says so.
func TestHiresMonth(t *testing.T) {
	units, _, _, _ := fixtures(t)
	h := loadHires(t)
	res, err := h.Appraisal.Appraise(h.Months[1].Scores)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, x := range res {
		got[x.Person] = x.Category + " " + x.Total.String() + " " + x.Grade
	}
	// 2020-06, by the weights of data/hires.json: e.g. PY07 (综合事务岗)
	// 58×0.6 + 65×0.2 + 70×0.2 = 61.8.
	want := map[string]string{
		"PY01": "网格管理岗 92.3 excellent", "PY02": "网格管理岗 74.4 basic", "PY03": "网格管理岗 93 excellent",
		"PY04": "窗口服务岗 93.8 excellent", "PY05": "窗口服务岗 88.3 competent",
		"PY06": "综合事务岗 90.8 excellent", "PY07": "综合事务岗 61.8 basic",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("2020-06 mismatch (-want +got):\n%s", diff)
	}
	var out bytes.Buffer
	if err := (&printer{w: &out, units: units}).hires(h, "2020-03"); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "本月无考核记录") {
		t.Errorf("a month without scores printed\n%s", out.String())
	}
}
