package scoring_test

import (
	"math/big"
	"math/rand/v2"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/qingdan/qingdan/locality/wuhu"
	"github.com/qingdan/qingdan/scoring"
	"github.com/shopspring/decimal"
)

// fineTable grades by response ratios 0.755 and 1.5, thresholds that two
// places cannot tell apart from their neighbours.
func fineTable(t *testing.T) *scoring.Table {
	t.Helper()
	x, y := decimal.RequireFromString("0.755"), decimal.RequireFromString("1.5")
	tb := &scoring.Table{Version: "fine/1", Scale: twoGrades(), Rules: []scoring.TableRule{
		{Name: "quick", Grade: "good", ResponseAtMost: &x},
		{Name: "slow", Grade: "poor", ResponseOver: &y},
		{Name: "else", Grade: "good"},
	}}
	if err := tb.Validate(); err != nil {
		t.Fatal(err)
	}
	return tb
}

// TestReasonNeverCrossesThreshold: the figures of a reason are rounded to
// 2 places unless that would put them on or across a threshold they are
// not on; then they get as many more places as it takes.
func TestReasonNeverCrossesThreshold(t *testing.T) {
	tests := []struct {
		name     string
		table    *scoring.Table
		response time.Duration
		limit    time.Duration
		grade    string
		want     string // the response figure in the reason
	}{
		{"4h0m10s of 4h is late, not 1.00", wuhu.Table(), 4*time.Hour + 10*time.Second, 4 * time.Hour, "fair", "response 1.001 of limit"},
		{"exactly the limit is on time and reads 1.00", wuhu.Table(), 4 * time.Hour, 4 * time.Hour, "excellent", "response 1.00 of limit"},
		{"just under the limit reads under it", wuhu.Table(), 4*time.Hour - time.Second, 4 * time.Hour, "excellent", "response 0.9999 of limit"},
		{"just under twice the limit is not over it", wuhu.Table(), 8*time.Hour - time.Second, 4 * time.Hour, "fair", "response 1.9999 of limit"},
		{"just over twice the limit is over it", wuhu.Table(), 8*time.Hour + time.Second, 4 * time.Hour, "poor", "response 2.0001 of limit"},
		{"a nanosecond over", wuhu.Table(), 4*time.Hour + 1, 4 * time.Hour, "fair", "response 1.0000000000001 of limit"},
		{"far from any threshold keeps 2 places", wuhu.Table(), 3 * time.Hour, 4 * time.Hour, "excellent", "response 0.75 of limit"},
		{"a table's own threshold of 3 places", fineTable(t), 755 * time.Minute, 1000 * time.Minute, "good", "response 0.755 of limit"},
		{"0.756 reads 0.76, on its side of 0.755", fineTable(t), 756 * time.Minute, 1000 * time.Minute, "good", "response 0.76 of limit"},
		{"0.7549 reads 0.75, on its side of 0.755", fineTable(t), 7549 * time.Minute, 10000 * time.Minute, "good", "response 0.75 of limit"},
		{"1.4999 does not read 1.50", fineTable(t), 14999 * time.Minute, 10000 * time.Minute, "good", "response 1.4999 of limit"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := timely()
			f.Response, f.ResponseLimit, f.Quality = tt.response, tt.limit, 5
			r, err := tt.table.Evaluate(f)
			if err != nil {
				t.Fatal(err)
			}
			if r.Grade != tt.grade || !strings.Contains(r.Reasons[0].String(), tt.want+",") {
				t.Errorf("Evaluate = %s %q, want %s with %q", r.Grade, r.Reasons[0].String(), tt.grade, tt.want)
			}
		})
	}
}

var figure = regexp.MustCompile(`response ([0-9.]+) of limit`)

// TestReasonSidesProperty: for random responses near the thresholds, the
// figure in the reason compares with every threshold of the table (and
// with 1) exactly as the ratio it stands for does.
func TestReasonSidesProperty(t *testing.T) {
	r := rand.New(rand.NewPCG(12, 16))
	thresholds := []*big.Rat{big.NewRat(1, 1), big.NewRat(755, 1000), big.NewRat(3, 2), big.NewRat(2, 1)}
	tables := []*scoring.Table{wuhu.Table(), fineTable(t)}
	own := [][]*big.Rat{{thresholds[0], thresholds[3]}, {thresholds[0], thresholds[1], thresholds[2]}}
	for range 5000 {
		limit := time.Duration(1+r.Int64N(1e6)) * time.Second
		th := thresholds[r.IntN(len(thresholds))]
		near := new(big.Rat).Mul(th, new(big.Rat).SetInt64(int64(limit)))
		response := time.Duration(new(big.Int).Quo(near.Num(), near.Denom()).Int64() + r.Int64N(2001) - 1000)
		if response < 0 {
			response = 0
		}
		for i, tb := range tables {
			f := timely()
			f.Response, f.ResponseLimit = response, limit
			res, err := tb.Evaluate(f)
			if err != nil {
				t.Fatal(err)
			}
			m := figure.FindStringSubmatch(res.Reasons[0].String())
			if m == nil {
				t.Fatalf("no response figure in %q", res.Reasons[0].String())
			}
			shown, ok := new(big.Rat).SetString(m[1])
			if !ok {
				t.Fatalf("figure %q is not a number", m[1])
			}
			ratio := new(big.Rat).SetFrac64(int64(response), int64(limit))
			for _, x := range own[i] {
				if shown.Cmp(x) != ratio.Cmp(x) {
					t.Fatalf("table %s: %v of %v reads %s, on the other side of %s from %s", tb.Version, response, limit, m[1], x.RatString(), ratio.FloatString(12))
				}
			}
		}
	}
}
