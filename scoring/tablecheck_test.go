package scoring_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/qingdan/qingdan/internal/hardening"
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

// TestTableValidateRegionCountOverflow builds a table whose count of
// regions, 2^17 types × 64 flag sets × 2^19 × 2^19 ratio points × 18,
// is beyond 2^64, 2^62 modulo it: Validate must still see that it is too
// large to check region by region, and return at once, rather than start
// a walk of a count that wrapped. (LoadTable reads such a table in about 14 MB of JSON.)
func TestTableValidateRegionCountOverflow(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a table of 131,072 rules")
	}
	const types, rats = 1<<17 - 1, 1 << 18 // types: and one other; rats: 0, 1 and 2^18-2 thresholds
	yes := true
	tbl := &scoring.Table{Version: "huge", Scale: wuhu.Scale()}
	first := scoring.TableRule{Grade: "good", Urged: &yes}
	for i := range types {
		first.Types = append(first.Types, "t"+strconv.Itoa(i))
	}
	tbl.Rules = append(tbl.Rules, first)
	n := int64(2) // 0 and 1 are the grid's own
	for n < rats {
		a, b := decimal.NewFromInt(n), decimal.NewFromInt(n+1)
		tbl.Rules = append(tbl.Rules, scoring.TableRule{Grade: "good",
			ResponseAtMost: &a, ResponseOver: &b, ResolutionAtMost: &a, ResolutionOver: &b})
		n += 2
	}
	done := make(chan error, 1)
	go func() { done <- tbl.Validate() }()
	select {
	case err := <-done:
		if !errors.Is(err, scoring.ErrInvalid) || !strings.Contains(err.Error(), "end it with an unconditional rule") {
			t.Errorf("Validate = %v, want a request for an unconditional rule", err)
		}
	case <-time.After(hardening.Budget(60 * time.Second)):
		t.Fatal("Validate walks a table whose count of regions overflows")
	}
}

// TestTableValidateManyTypes: a table's matter types cost Validate a
// look-up each, not a walk of every rule's list in every region. A table
// of 18 kB — 15 rules that each list the same 169 types — took seconds to
// validate, and one rule that lists one type a million times (4 MB of
// JSON) several seconds; the one now loads within the budget of input its length, and
// each validates in tens of milliseconds.
func TestTableValidateManyTypes(t *testing.T) {
	distinct := &scoring.Table{Version: "types", Scale: wuhu.Scale()}
	var all []string
	for i := range 169 {
		all = append(all, fmt.Sprintf("t%03d", i))
	}
	for r := range 15 {
		distinct.Rules = append(distinct.Rules, scoring.TableRule{Grade: "good", Types: all, QualityMin: r%5 + 1})
	}
	distinct.Rules = append(distinct.Rules, scoring.TableRule{Grade: "fair"})
	repeated := &scoring.Table{Version: "repeated", Scale: wuhu.Scale(), Rules: []scoring.TableRule{
		{Grade: "good", Types: slices.Repeat([]string{"x"}, 1<<20)}, {Grade: "fair"}}}
	for _, c := range []struct {
		tbl  *scoring.Table
		want string // in the error; "" for none
	}{{distinct, `rules[5] "" can never fire`}, {repeated, ""}} {
		if c.tbl == distinct {
			data, err := json.Marshal(c.tbl)
			if err != nil {
				t.Fatal(err)
			}
			hardening.Linear(t, len(data), func() { _, err = scoring.LoadTable(bytes.NewReader(data)) })
		}
		var err error
		if took := hardening.Took(func() { err = c.tbl.Validate() }); took > hardening.Budget(2*time.Second) { // tens of milliseconds
			t.Errorf("%s: Validate took %s", c.tbl.Version, took)
		}
		if c.want == "" && err != nil || c.want != "" && (err == nil || !strings.Contains(err.Error(), c.want)) {
			t.Errorf("%s: Validate = %.200v, want %q", c.tbl.Version, err, c.want)
		}
	}
}

// TestTableValidateQualityInRange: Validate looks at the qualities that
// Evaluate grades, 0 to 5, and no other (Evaluate refuses −1 or 6). A
// table whose rules take every quality from 0 to 5 has no gap, though
// none takes −1; and a rule that only a quality of −1 or 6 would reach
// can never fire, and is refused.
func TestTableValidateQualityInRange(t *testing.T) {
	yes, no := true, false
	gapless := &scoring.Table{Version: "v", Scale: wuhu.Scale(), Rules: []scoring.TableRule{
		{Name: "not given", Grade: "poor", QualityGiven: &no},
		{Name: "given", Grade: "good", QualityMin: 1},
	}}
	if err := gapless.Validate(); err != nil {
		t.Errorf("Validate of a table that grades every quality = %v, want nil", err)
	}
	for q := range 6 {
		if _, err := gapless.Evaluate(scoring.Facts{Quality: q}); err != nil {
			t.Errorf("Evaluate quality %d: %v", q, err)
		}
	}
	for _, tt := range []struct {
		name  string
		rules []scoring.TableRule
	}{
		{"below 1", []scoring.TableRule{
			{Name: "given", Grade: "good", QualityMin: 1},
			{Name: "dead", Grade: "fair", QualityGiven: &yes},
			{Name: "rest", Grade: "poor"},
		}},
		{"above 5", []scoring.TableRule{
			{Name: "given", Grade: "good", QualityMax: 5, QualityGiven: &yes},
			{Name: "dead", Grade: "fair", QualityMin: 3},
			{Name: "rest", Grade: "poor"},
		}},
	} {
		tbl := &scoring.Table{Version: "v", Scale: wuhu.Scale(), Rules: tt.rules}
		want := `rules[1] "dead" can never fire: every case it matches is taken by rules[0] "given"`
		if err := tbl.Validate(); !errors.Is(err, scoring.ErrInvalid) || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: Validate = %v, want %q", tt.name, err, want)
		}
	}
}

// TestTableValidateTrailingZeros: a threshold is its value, however many
// zeros it is written with — "0.5000000000000000000000" is checked region
// by region as "0.5" is (here: a gap found), not refused as too fine to
// check.
func TestTableValidateTrailingZeros(t *testing.T) {
	for _, s := range []string{"0.5", "0.50", "0.500000000000000000", "0.5000000000000000000000", "1.000000000000000000000000"} {
		x, yes := decimal.RequireFromString(s), true
		tbl := &scoring.Table{Version: "v", Scale: wuhu.Scale(), Rules: []scoring.TableRule{
			{Name: "fast", Grade: "good", Responded: &yes, ResponseAtMost: &x},
			{Name: "slow", Grade: "poor", Responded: &yes, ResponseOver: &x},
		}}
		err := tbl.Validate()
		if err == nil || !strings.Contains(err.Error(), `table "v" has gaps`) || strings.Contains(err.Error(), "too fine") {
			t.Errorf("threshold %s: Validate = %v; want the gap of facts not responded", s, err)
		}
	}
}

// TestTableValidateHugeExponent: Validate reports a threshold too long to
// write at once, without working with its value: a decimal of ten
// million places, made in Go, takes no time to refuse.
func TestTableValidateHugeExponent(t *testing.T) {
	for _, x := range []decimal.Decimal{decimal.New(1, -10_000_000), decimal.New(1, 10_000_000), decimal.New(5, -100_000_000)} {
		tbl := &scoring.Table{Version: "v", Scale: wuhu.Scale(), Rules: []scoring.TableRule{
			{Name: "a", Grade: "good", ResponseAtMost: &x},
			{Name: "rest", Grade: "poor"},
		}}
		start := time.Now()
		err := tbl.Validate()
		if took := time.Since(start); took > time.Second {
			t.Errorf("Validate of the threshold 1e%d took %v", x.Exponent(), took)
		}
		if !errors.Is(err, scoring.ErrInvalid) || !strings.Contains(err.Error(), "responseAtMost of more than 64 characters") {
			t.Errorf("Validate = %v; want the long threshold named", err)
		}
	}
}

// TestTableValidateTooFineSaysWhy: a table whose thresholds are too fine
// to check region by region is told so, not that it has 0 regions.
func TestTableValidateTooFineSaysWhy(t *testing.T) {
	fine := decimal.RequireFromString("0.333333333333333333333")
	tbl := &scoring.Table{Version: "v", Scale: wuhu.Scale(), Rules: []scoring.TableRule{{Name: "a", Grade: "good", ResponseAtMost: &fine}}}
	err := tbl.Validate()
	if err == nil || !strings.Contains(err.Error(), "(thresholds of more than 17 places, or too large to stand as durations)") {
		t.Errorf("Validate = %v; want it to say the thresholds are too fine", err)
	}
}
