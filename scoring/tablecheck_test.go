package scoring_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/qingdan/qingdan/locality/wuhu"
	"github.com/qingdan/qingdan/scoring"
	"github.com/shopspring/decimal"
)

// TestTableRatioExact compares ratios at and around thresholds that do not
// fit a float.
func TestTableRatioExact(t *testing.T) {
	third := decimal.RequireFromString("0.333333333333333333333333") // 24 places: the big fallback
	tenth := decimal.RequireFromString("0.1")
	scale := wuhu.Scale()
	tbl := &scoring.Table{Version: "t", Scale: scale, Rules: []scoring.TableRule{
		{Name: "fast", Grade: "excellent", ResponseAtMost: &third},
		{Name: "tenth", Grade: "good", ResponseAtMost: &tenth},
		{Name: "else", Grade: "poor"},
	}}
	// Too fine to check region by region: it ends with an unconditional
	// rule, so it has no gaps, and Validate accepts it.
	if err := tbl.Validate(); err != nil {
		t.Errorf("Validate = %v", err)
	}
	half, quarter := decimal.RequireFromString("0.5"), decimal.RequireFromString("0.25")
	coarse := &scoring.Table{Version: "t", Scale: scale, Rules: []scoring.TableRule{
		{Name: "half", Grade: "excellent", ResponseAtMost: &half},
		{Name: "quarter", Grade: "good", ResponseAtMost: &quarter},
		{Name: "else", Grade: "poor"},
	}}
	if err := coarse.Validate(); err == nil || !strings.Contains(err.Error(), `rules[1] "quarter" can never fire`) {
		t.Errorf("Validate = %v, want rules[1] shadowed", err)
	}
	fine := &scoring.Table{Version: "t", Scale: scale, Rules: []scoring.TableRule{{Grade: "excellent", ResponseAtMost: &third}}}
	if err := fine.Validate(); err == nil || !strings.Contains(err.Error(), "end it with an unconditional rule") {
		t.Errorf("Validate = %v, want a request for an unconditional rule", err)
	}
	// A rule with an empty list of types sets no condition.
	unconditional := &scoring.Table{Version: "t", Scale: scale, Rules: []scoring.TableRule{{Grade: "excellent", ResponseAtMost: &third}, {Grade: "poor", Types: []string{}}}}
	if err := unconditional.Validate(); err != nil {
		t.Errorf("Validate = %v, want the empty Types to close every gap", err)
	}
	tests := []struct {
		actual, limit time.Duration
		want          string
	}{
		{1, 3, "poor"}, // 1/3 > 0.333…3
		{333333333333333333, 1000000000000000000, "excellent"},
		{333333333333333334, 1000000000000000000, "poor"}, // 0.333333333333333334 > 0.333333333333333333333333
		{0, 0, "excellent"},
	}
	for _, tt := range tests {
		got, err := tbl.Evaluate(scoring.Facts{Responded: true, Response: tt.actual, ResponseLimit: tt.limit})
		if err != nil || got.Grade != tt.want {
			t.Errorf("response %d of %d: %v %v, want %s", tt.actual, tt.limit, got.Grade, err, tt.want)
		}
	}
}

func TestTableValidate(t *testing.T) {
	src := `{
  "version": "bad-1",
  "scale": [{"code": "excellent", "points": "100"}, {"code": "good", "points": "85"}, {"code": "fair", "points": "70"}],
  "rules": [
    {"name": "on time", "grade": "excellent", "responseOnTime": true},
    {"name": "also on time", "grade": "good", "responseOnTime": true, "qualityMin": 4},
    {"name": "odd quality", "grade": "fair", "qualityMin": 5, "qualityMax": 3},
    {"name": "unknown", "grade": "superb", "responded": false},
    {"name": "negative", "grade": "fair", "responseOver": "-1", "qualityMin": 7}
  ]
}`
	_, err := scoring.LoadTable(strings.NewReader(src))
	if !errors.Is(err, scoring.ErrInvalid) {
		t.Fatalf("LoadTable: %v, want ErrInvalid", err)
	}
	for _, want := range []string{
		`rules[1] "also on time" can never fire: every case it matches is taken by rules[0] "on time"`,
		`rules[2] "odd quality" can never fire: its conditions contradict each other`,
		`rules[3] "unknown" gives grade "superb", which is not on the scale`,
		`rules[4] "negative" has the negative ratio responseOver -1`,
		`rules[4] "negative" has qualityMin 7`,
		`has gaps:`,
	} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("LoadTable error lacks %q:\n%v", want, err)
		}
	}
	tbl := &scoring.Table{Version: "v", Scale: wuhu.Scale(), Rules: []scoring.TableRule{{Grade: "poor", Satisfaction: 99}}}
	if err := tbl.Validate(); !errors.Is(err, scoring.ErrInvalid) || !strings.Contains(err.Error(), "unknown satisfaction 99") {
		t.Errorf("Validate = %v, want an unknown satisfaction", err)
	}
}

func TestTableGapExample(t *testing.T) {
	yes := true
	tbl := &scoring.Table{Version: "v", Scale: wuhu.Scale(), Rules: []scoring.TableRule{{Grade: "good", Responded: &yes}}}
	err := tbl.Validate()
	if err == nil || !strings.Contains(err.Error(), "has gaps") || !strings.Contains(err.Error(), "[not responded") {
		t.Errorf("Validate = %v, want a gap with an example", err)
	}
}

// BenchmarkTableValidate checks Wuhu's table region by region.
func BenchmarkTableValidate(b *testing.B) {
	t := wuhu.Table()
	b.ReportAllocs()
	for range b.N {
		if err := t.Validate(); err != nil {
			b.Fatal(err)
		}
	}
}
