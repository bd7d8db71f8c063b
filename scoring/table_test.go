package scoring

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/iotest"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// golden compares got with testdata/name, or rewrites it under -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(want, got) {
		t.Errorf("%s mismatch (-want +got):\n%s", name, cmp.Diff(string(want), string(got)))
	}
}

func yes() *bool { return ptr(true) }
func no() *bool  { return ptr(false) }

// timely returns the facts of a matter answered and resolved within its limits.
func timely() Facts {
	return Facts{Matter: "M1", Subject: "D1", Responded: true, Response: 2 * time.Hour, ResponseLimit: 4 * time.Hour,
		Resolved: true, Final: true, Resolution: 40 * time.Hour, ResolutionLimit: 50 * time.Hour}
}

func TestDefaultTableRows(t *testing.T) {
	tests := []struct {
		name   string
		change func(*Facts)
		grade  string
		rule   string
	}{
		{"zero facts", func(f *Facts) { *f = Facts{} }, "poor", "rule 1 "},
		{"never responded", func(f *Facts) { f.Responded = false }, "poor", "rule 1 "},
		{"response just over twice", func(f *Facts) { f.Response = 8*time.Hour + 1 }, "poor", "rule 2 "},
		{"response exactly twice", func(f *Facts) { f.Response = 8 * time.Hour; f.Quality = 5 }, "fair", "rule 9 "},
		{"resolution over twice so far", func(f *Facts) { f.Resolved, f.Final, f.Resolution = false, false, 101*time.Hour }, "poor", "rule 3 "},
		{"dissatisfied", func(f *Facts) { f.Quality, f.Satisfied = 5, no() }, "fair", "rule 4 "},
		{"poor quality", func(f *Facts) { f.Quality = 2 }, "fair", "rule 5 "},
		{"on time, quality 4", func(f *Facts) { f.Quality = 4 }, "excellent", "rule 6 "},
		{"on time, quality 5, satisfied", func(f *Facts) { f.Quality, f.Satisfied = 5, yes() }, "excellent", "rule 6 "},
		{"on time, quality not judged, satisfied", func(f *Facts) { f.Satisfied = yes() }, "excellent", "rule 7 "},
		{"on time but returned", func(f *Facts) { f.Quality, f.Returned = 5, true }, "good", "rule 8 "},
		{"on time, quality 3", func(f *Facts) { f.Quality = 3 }, "good", "rule 8 "},
		{"on time, no judgement, no feedback", func(*Facts) {}, "good", "rule 8 "},
		{"a stage on track", func(f *Facts) { f.Resolved, f.Final, f.Stage, f.Quality = false, false, 1, 4 }, "excellent", "rule 6 "},
		{"late response", func(f *Facts) { f.Response, f.Quality = 5*time.Hour, 5 }, "fair", "rule 9 "},
		{"no limits at all", func(f *Facts) { f.ResponseLimit, f.ResolutionLimit, f.Quality = 0, 0, 5 }, "excellent", "rule 6 "},
		{"negative times", func(f *Facts) { f.Response, f.Resolution, f.Quality = -time.Hour, -time.Hour, 4 }, "excellent", "rule 6 "},
	}
	table := DefaultTable()
	scale := DefaultScale()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := timely()
			tt.change(&f)
			got, err := table.Evaluate(f)
			if err != nil {
				t.Fatal(err)
			}
			g, _ := scale.Grade(tt.grade)
			want := Result{Grade: tt.grade, Points: g.Points, Policy: "wuhu-2020.1"}
			if diff := cmp.Diff(want, got, cmpIgnoreReasons); diff != "" {
				t.Errorf("Evaluate mismatch (-want +got):\n%s", diff)
			}
			if len(got.Reasons) != 1 || !strings.HasPrefix(got.Reasons[0], tt.rule) {
				t.Errorf("Reasons = %q, want one starting %q", got.Reasons, tt.rule)
			}
		})
	}
}

var cmpIgnoreReasons = cmp.FilterPath(func(p cmp.Path) bool { return p.Last().String() == ".Reasons" }, cmp.Ignore())

func TestTableReason(t *testing.T) {
	f := timely()
	f.Quality, f.Satisfied, f.Stage, f.Type = 5, yes(), 2, "占道经营"
	got, err := DefaultTable().Evaluate(f)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{`rule 6 "on time, quality ≥ 4": response 0.50 of limit, resolution 0.80 of limit, quality 5, satisfied, stage 2, type "占道经营"`}
	if diff := cmp.Diff(want, got.Reasons); diff != "" {
		t.Errorf("Reasons mismatch (-want +got):\n%s", diff)
	}
	f = Facts{Response: 3 * time.Hour, ResolutionLimit: time.Hour}
	got, _ = DefaultTable().Evaluate(f)
	want = []string{`rule 1 "never responded": not responded, so far 3h0m0s, no limit, not resolved, quality not given, no feedback`}
	if diff := cmp.Diff(want, got.Reasons); diff != "" {
		t.Errorf("Reasons mismatch (-want +got):\n%s", diff)
	}
}

// TestTableRatioExact compares ratios at and around thresholds that do not
// fit a float.
func TestTableRatioExact(t *testing.T) {
	third := decimal.RequireFromString("0.333333333333333333333333") // 24 places: the big fallback
	tbl := &Table{Version: "t", Rules: []TableRule{
		{Name: "fast", Grade: "excellent", ResponseAtMost: &third},
		{Name: "tenth", Grade: "good", ResponseAtMost: ptr(decimal.RequireFromString("0.1"))},
		{Name: "else", Grade: "poor"},
	}}
	// Too fine to check region by region: it ends with an unconditional
	// rule, so it has no gaps, and Validate accepts it.
	if err := tbl.Validate(); err != nil {
		t.Errorf("Validate = %v", err)
	}
	coarse := &Table{Version: "t", Rules: []TableRule{
		{Name: "half", Grade: "excellent", ResponseAtMost: ptr(decimal.RequireFromString("0.5"))},
		{Name: "quarter", Grade: "good", ResponseAtMost: ptr(decimal.RequireFromString("0.25"))},
		{Name: "else", Grade: "poor"},
	}}
	if err := coarse.Validate(); err == nil || !strings.Contains(err.Error(), `rules[1] "quarter" can never fire`) {
		t.Errorf("Validate = %v, want rules[1] shadowed", err)
	}
	fine := &Table{Version: "t", Rules: []TableRule{{Grade: "excellent", ResponseAtMost: &third}}}
	if err := fine.Validate(); err == nil || !strings.Contains(err.Error(), "end it with an unconditional rule") {
		t.Errorf("Validate = %v, want a request for an unconditional rule", err)
	}
	tests := []struct {
		actual, limit time.Duration
		want          string
	}{
		{1, 3, "poor"}, // 1/3 > 0.333…3
		{333333333333333333, 1000000000000000000, "excellent"},
		{333333333333333334, 1000000000000000000, "excellent"}, // 0.333333333333333334 ≤ 0.333333333333333333333333? no
		{0, 0, "excellent"},
	}
	tests[2].want = "poor"
	for _, tt := range tests {
		got, err := tbl.Evaluate(Facts{Responded: true, Response: tt.actual, ResponseLimit: tt.limit})
		if err != nil || got.Grade != tt.want {
			t.Errorf("response %d of %d: %v %v, want %s", tt.actual, tt.limit, got.Grade, err, tt.want)
		}
	}
}

func TestTableValidate(t *testing.T) {
	src := `{
  "version": "bad-1",
  "rules": [
    {"name": "on time", "grade": "excellent", "responseOnTime": true},
    {"name": "also on time", "grade": "good", "responseOnTime": true, "qualityMin": 4},
    {"name": "odd quality", "grade": "fair", "qualityMin": 5, "qualityMax": 3},
    {"name": "unknown", "grade": "superb", "responded": false},
    {"name": "negative", "grade": "fair", "responseOver": "-1", "qualityMin": 7}
  ]
}`
	_, err := LoadTable(strings.NewReader(src))
	if !errors.Is(err, ErrInvalid) {
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
	for _, tt := range []struct{ name, src, want string }{
		{"unknown field", `{"version":"v","rules":[{"grade":"poor","qualityMinn":4}]}`, "unknown field"},
		{"unknown satisfaction", `{"version":"v","rules":[{"grade":"poor","satisfaction":"happy"}]}`, `satisfaction "happy"`},
		{"no version", `{"rules":[{"grade":"poor"}]}`, "no version"},
		{"no rules", `{"version":"v"}`, "no rules"},
		{"bad scale", `{"version":"v","scale":[{"code":"a","points":"1"},{"code":"a","points":"2"}],"rules":[{"grade":"a"}]}`, `repeats code "a"`},
		{"grade without points", `{"version":"v","scale":[{"code":"a"}],"rules":[{"grade":"a"}]}`, `grade "a" has no points`},
		{"trailing data", `{"version":"v","rules":[{"grade":"poor"}]} {}`, "invalid character"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := LoadTable(strings.NewReader(tt.src))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("LoadTable: %v, want an error saying %q", err, tt.want)
			}
		})
	}
	// The Chinese label of a satisfaction is accepted.
	tbl, err := LoadTable(strings.NewReader(`{"version":"v","rules":[{"grade":"fair","satisfaction":"不满意"},{"grade":"good"}]}`))
	if err != nil || tbl.Rules[0].Satisfaction != Dissatisfied {
		t.Errorf("LoadTable with 不满意: %v, %+v", err, tbl)
	}
}

func TestTableGapExample(t *testing.T) {
	tbl := &Table{Version: "v", Rules: []TableRule{{Grade: "good", Responded: yes()}}}
	err := tbl.Validate()
	if err == nil || !strings.Contains(err.Error(), "has gaps") || !strings.Contains(err.Error(), "[not responded") {
		t.Errorf("Validate = %v, want a gap with an example", err)
	}
}

func TestTableJSON(t *testing.T) {
	var buf bytes.Buffer
	if err := DefaultTable().Save(&buf); err != nil {
		t.Fatal(err)
	}
	golden(t, "default_table.golden", buf.Bytes())
	back, err := LoadTable(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(DefaultTable(), back); diff != "" {
		t.Errorf("table round trip mismatch (-want +got):\n%s", diff)
	}
	if err := DefaultTable().Validate(); err != nil {
		t.Errorf("DefaultTable does not validate: %v", err)
	}
}

func TestTableRefuses(t *testing.T) {
	var nilTable *Table
	if _, err := nilTable.Evaluate(Facts{}); !errors.Is(err, ErrNoRule) {
		t.Errorf("nil table: %v", err)
	}
	if _, err := (&Table{}).Evaluate(Facts{}); !errors.Is(err, ErrNoRule) {
		t.Errorf("zero table: %v", err)
	}
	bad := &Table{Version: "v", Rules: []TableRule{{Grade: "superb"}}}
	if r, err := bad.Evaluate(Facts{}); !errors.Is(err, ErrInvalid) || !r.IsZero() {
		t.Errorf("unknown grade: %v %v", r, err)
	}
}

func TestResultJSON(t *testing.T) {
	r, _ := DefaultTable().Evaluate(timely())
	b, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	var back Result
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(r, back); diff != "" {
		t.Errorf("Result round trip mismatch (-want +got):\n%s", diff)
	}
	f := timely()
	f.Satisfied, f.Attrs, f.Quality = yes(), map[string]string{"k": "v"}, 3
	b, _ = json.Marshal(f)
	if !strings.Contains(string(b), `"response":"2h0m0s"`) {
		t.Errorf("Facts JSON %s: durations are not duration strings", b)
	}
	var fb Facts
	if err := json.Unmarshal(b, &fb); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(f, fb); diff != "" {
		t.Errorf("Facts round trip mismatch (-want +got):\n%s", diff)
	}
	if err := json.Unmarshal([]byte(`{"response":7200000000000}`), &fb); err != nil || fb.Response != 2*time.Hour {
		t.Errorf("nanoseconds: %v %v", fb.Response, err)
	}
	if err := json.Unmarshal([]byte(`{"response":"soon"}`), &fb); err == nil {
		t.Errorf("a bad duration was accepted")
	}
}

func TestLoadTableErrors(t *testing.T) {
	tests := []struct {
		name string
		in   io.Reader
	}{
		{"nil reader", nil},
		{"empty", strings.NewReader("")},
		{"malformed", strings.NewReader(`{"version":`)},
		{"unknown field", strings.NewReader(`{"version":"v","scale":[],"rules":[],"colour":"red"}`)},
		{"trailing data", strings.NewReader(`{"version":"v"} {}`)},
		{"longer than 16 MiB", io.MultiReader(strings.NewReader(`{"version":"`), strings.NewReader(strings.Repeat("x", 16<<20)), strings.NewReader(`"}`))},
		{"read error", iotest.ErrReader(errors.New("disk gone"))},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tab, err := LoadTable(tt.in)
			if !errors.Is(err, ErrInvalid) || tab != nil {
				t.Errorf("LoadTable = %v, %v; want nil and an error wrapping ErrInvalid", tab, err)
			}
		})
	}
}
