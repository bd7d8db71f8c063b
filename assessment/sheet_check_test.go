package assessment_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/qingdan/qingdan/assessment"
	"github.com/qingdan/qingdan/scoring"
	"github.com/shopspring/decimal"
)

// TestSheetValidate spoils the sound sheet of testdata one way at a time
// and wants exactly the findings named.
func TestSheetValidate(t *testing.T) {
	const at = `assessment: bad sheet: sheet "测试考核细则/2026"`
	tests := []struct {
		name  string
		spoil func(s *assessment.Sheet)
		want  []string // nil: valid
	}{
		{"sound", func(*assessment.Sheet) {}, nil},
		{"an item's cap can never bind", func(s *assessment.Sheet) { s.Items[2].Cap = dp("3") }, []string{
			at + ` items[2] "响应率" has the cap 3, which can never bind: no band moves more than 3 points`,
		}},
		{"a cap that binds", func(s *assessment.Sheet) { s.Items[2].Cap = dp("2.5") }, nil},
		{"the total cap on additions can never bind", func(s *assessment.Sheet) { s.MaxBonus = dp("5") }, []string{
			at + `: maxBonus 5 can never bind: the items together move at most 5 points that way`,
		}},
		{"a deduction without a cap lets maxDeduction bind", func(s *assessment.Sheet) { s.MaxDeduction = dp("1000") }, nil},
		{"the total cap on deductions can never bind", func(s *assessment.Sheet) {
			s.Items[0].Cap = dp("2")
			s.MaxDeduction = dp("9.5") // 2 + 4 + 3
		}, []string{
			at + `: maxDeduction 9.5 can never bind: the items together move at most 9 points that way`,
		}},
		{"items that can never fire", func(s *assessment.Sheet) {
			s.Items[0].Each = dp("0")
			s.Items[2].Bands = append(s.Items[2].Bands,
				assessment.Band{From: dp("1.2"), Points: d("5")},
				assessment.Band{Below: dp("0"), Points: d("-5")},
				assessment.Band{From: dp("0.96"), Below: dp("0.96"), Points: d("1")},
				assessment.Band{From: dp("0.95"), Below: dp("0.99"), Points: d("0")})
			s.Items[5].Veto.Below = dp("0")
		}, []string{
			at + ` items[0] "被督办" can never fire: each occurrence moves 0 points`,
			at + ` items[2] "响应率" bands[3] can never fire: it starts above 1 (from 1.2), and a rate is 0 to 1`,
			at + ` items[2] "响应率" bands[4] can never fire: it ends at or below 0 (below 0), and a rate is 0 to 1`,
			at + ` items[2] "响应率" bands[5] can never fire: it is empty (from 0.96, below 0.96)`,
			at + ` items[2] "响应率" bands[6] can never fire: it moves 0 points`,
			at + ` items[5] "响应率过低" can never fire: no rate is below 0`,
			at + `: maxDeduction 10 can never bind: the items together move at most 9 points that way`, // 被督办 moves none now
		}},
		{"bands overlap", func(s *assessment.Sheet) {
			s.Items[2].Bands[1].From = dp("0.85")
			s.Items[2].Bands = append(s.Items[2].Bands, assessment.Band{From: dp("0.995"), Below: dp("0.999"), Points: d("2")})
		}, []string{
			at + ` items[2] "响应率" bands[0] and bands[1] overlap: a rate of 0.85 falls in both`,
			at + ` items[2] "响应率" bands[2] and bands[3] overlap: a rate of 0.995 falls in both`,
		}},
		{"unknown facts and wrong kinds", func(s *assessment.Sheet) {
			s.Items[0].Fact = "督 办"
			s.Items[1].Fact = "响应率"
			s.Items[2].Fact = "超时"
			s.Items[3].Fact = ""
		}, []string{
			at + ` items[0] "被督办" reads the unknown fact "督 办" (not among the sheet's counts and rates)`,
			at + ` items[1] "超时办结" counts occurrences (each) of "响应率", which is a rate`,
			at + ` items[2] "响应率" bands "超时", which is a count`,
			at + ` items[3] "市级表扬" reads no fact`,
		}},
		{"names", func(s *assessment.Sheet) {
			s.Version = ""
			s.Items[1].Name = "被督办"
			s.Items[3].Name = ""
			s.Counts = append(s.Counts, "督办", "")
			s.Rates = append(s.Rates, "表扬")
		}, []string{
			`assessment: bad sheet: sheet "" has no version`,
			`assessment: bad sheet: sheet "": fact "督办" is declared twice, in counts and counts`,
			`assessment: bad sheet: sheet "" counts[5] has no name`,
			`assessment: bad sheet: sheet "": fact "表扬" is declared twice, in counts and rates`,
			`assessment: bad sheet: sheet "" items[1] "被督办" has the name of items[0]`,
			`assessment: bad sheet: sheet "" items[3] "" has no name`,
		}},
		{"base", func(s *assessment.Sheet) { s.Base.Points = dp("100") }, []string{
			at + `: the base is the unit's 一事一评综合得分, given with its facts; it has no points`,
		}},
		{"fixed base", func(s *assessment.Sheet) { s.Base = assessment.Base{From: assessment.FixedBase} }, []string{
			at + `: the fixed base has no points`,
		}},
		{"no base", func(s *assessment.Sheet) { s.Base = assessment.Base{} }, []string{
			at + `: base BaseKind(0) is not fixed, composite or index`,
		}},
		{"modes and caps", func(s *assessment.Sheet) {
			s.Items[0].Bands = s.Items[2].Bands
			s.Items[1].Each = nil
			s.Items[3].Cap = dp("-1")
			s.Items[4].Cap = dp("1")
			s.MaxBonus = dp("0")
		}, []string{
			at + ` items[0] "被督办" gives more than one of each, bands and veto`,
			at + ` items[0] "被督办" bands "督办", which is a count`,
			at + ` items[1] "超时办结" does nothing: give each, bands or veto`,
			at + ` items[3] "市级表扬" has the cap -1: a cap is a positive number of points`,
			at + ` items[4] "重大责任事故" has a cap, but a veto moves no points`,
			at + `: maxBonus is 0: a cap is a positive number of points`,
		}},
		{"vetoes", func(s *assessment.Sheet) {
			s.Items[4].Veto = &assessment.Veto{Grade: "none", Below: dp("0.5")}
			s.Items[5].Veto = &assessment.Veto{Points: dp("59"), Grade: "fail", Below: dp("1.5")}
		}, []string{
			at + ` items[4] "重大责任事故": the veto's grade "none" is not on the sheet's scale`,
			at + ` items[4] "重大责任事故": a veto on a count fires at one occurrence; below is for a rate`,
			at + ` items[5] "响应率过低": a veto sets either points or a grade, not both`,
			at + ` items[5] "响应率过低" fires for every rate: every rate is below 1.5`,
		}},
		{"a grade veto without a scale", func(s *assessment.Sheet) { s.Scale = nil }, []string{
			at + ` items[4] "重大责任事故": the veto sets grade "fail", but the sheet has no scale`,
		}},
		{"a bad scale", func(s *assessment.Sheet) { s.Scale = append(s.Scale, scoring.Grade{Code: "fail", Points: d("10")}) }, []string{
			at + `: scale: scoring: invalid: scale[4] repeats code "fail" of scale[3]`,
		}},
		{"hostile numbers", func(s *assessment.Sheet) {
			huge := decimal.New(1, 1<<30)
			s.Items[0].Each = &huge
			s.Items[2].Bands[0].Points = huge
			s.MaxBonus = &huge
		}, []string{
			at + ` items[0] "被督办" each is longer than 64 characters`,
			at + ` items[2] "响应率" bands[0] points is longer than 64 characters`,
			at + `: maxBonus is longer than 64 characters`,
		}},
		{"long names", func(s *assessment.Sheet) { s.Items[0].Name = strings.Repeat("长", 100) }, []string{
			at + `: items[0] name "` + strings.Repeat("长", 21) + `"… (300 bytes) is longer than 256 bytes`,
		}},
		{"empty", func(s *assessment.Sheet) {
			*s = assessment.Sheet{Version: "v", Base: assessment.Base{From: assessment.IndexBase}}
		}, []string{
			`assessment: bad sheet: sheet "v" has no items`,
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := loadSheet(t)
			tt.spoil(s)
			checkErr(t, "Validate", s.Validate(), assessment.ErrSheet, tt.want)
		})
	}
}

// TestSheetValidateCapped: a sheet with thousands of problems reports the
// first 100 and counts the rest.
func TestSheetValidateCapped(t *testing.T) {
	s := &assessment.Sheet{Version: "v", Base: assessment.Base{From: assessment.CompositeBase}}
	for range 5000 {
		s.Items = append(s.Items, assessment.Item{Name: "x", Fact: "nope"})
	}
	err := s.Validate()
	lines := strings.Split(err.Error(), "\n")
	if !errors.Is(err, assessment.ErrSheet) || len(lines) != 101 || lines[100] != "assessment: bad sheet: 14899 more problems (only the first 100 are listed)" {
		t.Errorf("Validate of 5,000 bad items: %d lines, last %q", len(lines), lines[len(lines)-1])
	}
}
