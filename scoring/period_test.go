package scoring_test

import (
	"testing"
	"time"

	"github.com/qingdan/qingdan/matters/workday"
	"github.com/qingdan/qingdan/scoring"
)

func TestPeriods(t *testing.T) {
	cst := workday.CST()
	at := func(y int, m time.Month, d, h int) time.Time { return time.Date(y, m, d, h, 0, 0, 0, cst) }
	thursday := at(2020, 6, 18, 15)
	for _, tt := range []struct {
		name     string
		p        scoring.Period
		from, to time.Time
	}{
		{"year", scoring.Year(2020), at(2020, 1, 1, 0), at(2021, 1, 1, 0)},
		{"month", scoring.Month(2020, time.February), at(2020, 2, 1, 0), at(2020, 3, 1, 0)},
		{"month 13 is next January", scoring.Month(2020, 13), at(2021, 1, 1, 0), at(2021, 2, 1, 0)},
		{"week from Monday", scoring.Week(thursday), at(2020, 6, 15, 0), at(2020, 6, 22, 0)},
		{"week of a Sunday", scoring.Week(at(2020, 6, 21, 23)), at(2020, 6, 15, 0), at(2020, 6, 22, 0)},
		{"day", scoring.Day(thursday), at(2020, 6, 18, 0), at(2020, 6, 19, 0)},
		{"day in China Standard Time", scoring.Day(time.Date(2020, 6, 17, 16, 30, 0, 0, time.UTC)), at(2020, 6, 18, 0), at(2020, 6, 19, 0)},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if !tt.p.From.Equal(tt.from) || !tt.p.To.Equal(tt.to) {
				t.Errorf("period %v – %v, want %v – %v", tt.p.From, tt.p.To, tt.from, tt.to)
			}
			if tt.p.From.Location() != cst {
				t.Errorf("period in %v, want workday.CST()", tt.p.From.Location())
			}
		})
	}
}
