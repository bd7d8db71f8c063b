package scoring_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"
	"testing/iotest"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/qingdan/qingdan/internal/hardening"
	"github.com/qingdan/qingdan/internal/jsonx"
	"github.com/qingdan/qingdan/locality/wuhu"
	"github.com/qingdan/qingdan/scoring"
	"github.com/qingdan/qingdan/scoring/reason"
	"github.com/shopspring/decimal"
)

// timely returns the facts of a matter answered and resolved within its limits.
func timely() scoring.Facts {
	return scoring.Facts{Matter: "M1", Subject: "D1", Responded: true, Response: 2 * time.Hour, ResponseLimit: 4 * time.Hour,
		Resolved: true, Final: true, Resolution: 40 * time.Hour, ResolutionLimit: 50 * time.Hour}
}

// twoGrades is a scale for small tables.
func twoGrades() scoring.Scale {
	return scoring.Scale{{Code: "good", Points: decimal.NewFromInt(85)}, {Code: "poor", Points: decimal.NewFromInt(40)}}
}

func TestTableReason(t *testing.T) {
	yes := true
	f := timely()
	f.Quality, f.Satisfied, f.Stage, f.Type = 5, &yes, 2, "占道经营"
	got, err := wuhu.Table().Evaluate(f)
	if err != nil {
		t.Fatal(err)
	}
	zero, one, four := decimal.Zero, decimal.NewFromInt(1), decimal.NewFromInt(4)
	want := []reason.Reason{{Rule: 6, Name: "on time, quality ≥ 4",
		Checks: []reason.Check{{Of: reason.Returned, Op: reason.Is, Threshold: zero}, {Of: reason.Supervised, Op: reason.AtMost, Threshold: zero},
			{Of: reason.ResponseOnTime, Op: reason.Is, Threshold: one}, {Of: reason.Quality, Op: reason.AtLeast, Threshold: four},
			{Of: reason.Satisfaction, Op: reason.AtLeast, Threshold: zero},
			{Of: reason.Resolution, Op: reason.AtMost, Threshold: one}},
		Figures: []reason.Figure{
			{Of: reason.Response, Done: true, Actual: 2 * time.Hour, Limit: 4 * time.Hour, Places: 2},
			{Of: reason.Resolution, Done: true, Actual: 40 * time.Hour, Limit: 50 * time.Hour, Places: 2},
			{Of: reason.Quality, Value: 5}, {Of: reason.Satisfaction, Value: 1}, {Of: reason.Stage, Value: 2}}, Type: "占道经营"}}
	if diff := cmp.Diff(want, got.Reasons); diff != "" {
		t.Errorf("Reasons mismatch (-want +got):\n%s", diff)
	}
	if s := got.Reasons[0].String(); s != `rule 6 "on time, quality ≥ 4": response 0.50 of limit, resolution 0.80 of limit, quality 5, satisfied, stage 2, type "占道经营"` {
		t.Errorf("text %s", s)
	}
	f = scoring.Facts{Response: 3 * time.Hour, ResolutionLimit: time.Hour}
	got, _ = wuhu.Table().Evaluate(f)
	if s := got.Reasons[0].String(); s != `rule 1 "never responded": not responded, so far 3h0m0s, no limit, not resolved, quality not given, no feedback` {
		t.Errorf("text %s", s)
	}
}

func TestTableRefuses(t *testing.T) {
	if _, err := (&scoring.Table{}).Evaluate(scoring.Facts{}); !errors.Is(err, scoring.ErrNoRule) {
		t.Errorf("zero table: %v", err)
	}
	gap := &scoring.Table{Version: "v", Scale: twoGrades(), Rules: []scoring.TableRule{{Grade: "good", Responded: new(bool)}}}
	*gap.Rules[0].Responded = true
	if r, err := gap.Evaluate(scoring.Facts{Matter: "M1"}); !errors.Is(err, scoring.ErrNoRule) || !r.IsZero() || !strings.Contains(err.Error(), `matter "M1"`) {
		t.Errorf("no rule matches: %v %v", r, err)
	}
	for _, bad := range []*scoring.Table{
		{Version: "v", Scale: twoGrades(), Rules: []scoring.TableRule{{Grade: "superb"}}},
		{Version: "v", Rules: []scoring.TableRule{{Grade: "good"}}}, // no scale
	} {
		if r, err := bad.Evaluate(scoring.Facts{}); !errors.Is(err, scoring.ErrInvalid) || !r.IsZero() || !strings.Contains(err.Error(), "not on the scale") {
			t.Errorf("grade not on the scale: %v %v", r, err)
		}
	}
}

// TestTableNeedsScale checks that the core supplies no scale: a table
// without one does not load, and says why.
func TestTableNeedsScale(t *testing.T) {
	_, err := scoring.LoadTable(strings.NewReader(`{"version":"v","rules":[{"grade":"good"}]}`))
	if !errors.Is(err, scoring.ErrInvalid) || !strings.Contains(err.Error(), `table "v" has no scale`) {
		t.Errorf("LoadTable without a scale: %v", err)
	}
	if strings.Contains(err.Error(), "not on the scale") {
		t.Errorf("LoadTable without a scale reports every grade as well: %v", err)
	}
	tab := wuhu.Table()
	tab.Scale = nil
	if err := tab.Validate(); !errors.Is(err, scoring.ErrInvalid) || !strings.Contains(err.Error(), "no scale") {
		t.Errorf("Validate without a scale: %v", err)
	}
}

func TestTableRuleJSON(t *testing.T) {
	yes, no := true, false
	x := decimal.RequireFromString("1.50")
	r := scoring.TableRule{Name: "n", Doc: "d", Grade: "good", Types: []string{"占道经营"},
		Responded: &yes, Resolved: &no, Returned: &no, Final: &yes, ResponseOnTime: &yes, ResolutionOnTime: &no,
		QualityGiven: &yes, QualityMin: 2, QualityMax: 4, Satisfaction: scoring.NotDissatisfied,
		ResponseAtMost: &x, ResponseOver: &x, ResolutionAtMost: &x, ResolutionOver: &x}
	b, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	want := `{"name":"n","doc":"d","grade":"good","types":["占道经营"],"responded":true,"resolved":false,"returned":false,"final":true,` +
		`"responseOnTime":true,"resolutionOnTime":false,"qualityGiven":true,"qualityMin":2,"qualityMax":4,"satisfaction":"notDissatisfied",` +
		`"responseAtMost":"1.5","responseOver":"1.5","resolutionAtMost":"1.5","resolutionOver":"1.5"}`
	if diff := cmp.Diff(want, string(b)); diff != "" {
		t.Errorf("TableRule JSON mismatch (-want +got):\n%s", diff)
	}
	back := scoring.TableRule{Name: "old", QualityMin: 5}
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(r, back); diff != "" {
		t.Errorf("TableRule round trip mismatch (-want +got):\n%s", diff)
	}
	if b, _ := json.Marshal(scoring.TableRule{Grade: "poor"}); string(b) != `{"grade":"poor"}` {
		t.Errorf("a rule without conditions = %s", b)
	}
	if err := json.Unmarshal([]byte(`{"grade":"poor","satisfaction":"any"}`), &back); err != nil || back.Satisfaction != scoring.AnySatisfaction {
		t.Errorf(`"any" = %v, %v`, back.Satisfaction, err)
	}
	for _, bad := range []string{
		`{"grade":"poor","qualityMinn":4}`,
		`{"grade":"poor","responseAtMost":"1e3"}`,
		`{"grade":"poor","satisfaction":"happy"}`,
	} {
		if err := json.Unmarshal([]byte(bad), &back); !errors.Is(err, scoring.ErrInvalid) {
			t.Errorf("Unmarshal(%s) = %v, want an error wrapping ErrInvalid", bad, err)
		}
	}
}

func TestLoadTable(t *testing.T) {
	tab, err := scoring.LoadTable(strings.NewReader(`{"version":"v","scale":[{"code":"fair","points":"70"},{"code":"good","points":"85"}],` +
		`"rules":[{"grade":"fair","satisfaction":"不满意"},{"grade":"good","satisfaction":" any "}]}`))
	if err != nil {
		t.Fatal(err)
	}
	if tab.Rules[0].Satisfaction != scoring.Dissatisfied || tab.Rules[1].Satisfaction != scoring.AnySatisfaction {
		t.Errorf("satisfactions read as %v, %v", tab.Rules[0].Satisfaction, tab.Rules[1].Satisfaction)
	}
	var buf bytes.Buffer
	if err := jsonx.Indent(&buf, tab); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(buf.String(), "any") || !strings.Contains(buf.String(), `"satisfaction": "dissatisfied"`) {
		t.Errorf("JSON written:\n%s", buf.String())
	}
}

func TestLoadTableErrors(t *testing.T) {
	tests := []struct {
		name string
		in   io.Reader
		want string
	}{
		{"empty", strings.NewReader(""), "decision table: json: no value: the input is empty or white space"},
		{"malformed", strings.NewReader(`{"version":`), "unexpected EOF"},
		{"unknown field", strings.NewReader(`{"version":"v","scale":[],"rules":[],"colour":"red"}`), `unknown field "colour"`},
		{"unknown rule field", strings.NewReader(`{"version":"v","rules":[{"grade":"poor","qualityMinn":4}]}`), `unknown field "qualityMinn"`},
		{"unknown satisfaction", strings.NewReader(`{"version":"v","rules":[{"grade":"poor","satisfaction":"happy"}]}`), `unknown satisfaction "happy"`},
		{"trailing data", strings.NewReader(`{"version":"v","scale":[{"code":"poor","points":"1"}],"rules":[{"grade":"poor"}]} {}`), "after the JSON value"},
		{"no version", strings.NewReader(`{"scale":[{"code":"poor","points":"1"}],"rules":[{"grade":"poor"}]}`), "no version"},
		{"no rules", strings.NewReader(`{"version":"v","scale":[{"code":"poor","points":"1"}]}`), "no rules"},
		{"bad scale", strings.NewReader(`{"version":"v","scale":[{"code":"a","points":"1"},{"code":"a","points":"2"}],"rules":[{"grade":"a"}]}`), `repeats code "a"`},
		{"grade without points", strings.NewReader(`{"version":"v","scale":[{"code":"a"}],"rules":[{"grade":"a"}]}`), `grade "a" has no points`},
		{"longer than 16 MiB", io.MultiReader(strings.NewReader(`{"version":"`), strings.NewReader(strings.Repeat("x", 16<<20)), strings.NewReader(`"}`)), "longer than"},
		{"read error", iotest.ErrReader(errors.New("disk gone")), "disk gone"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tab, err := scoring.LoadTable(tt.in)
			if !errors.Is(err, scoring.ErrInvalid) || tab != nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("LoadTable = %v, %v; want nil and an error wrapping ErrInvalid saying %q", tab, err, tt.want)
			}
		})
	}
}

// FuzzLoadTable loads arbitrary JSON as a table: no input may panic or
// take time out of proportion to its length; a table that loads validates, evaluates any facts whose quality is on
// the 0–5 scale (and refuses any other), and round-trips through its JSON.
func FuzzLoadTable(f *testing.F) {
	var buf bytes.Buffer
	if err := jsonx.Indent(&buf, wuhu.Table()); err != nil {
		f.Fatal(err)
	}
	scale := `"scale":[{"code":"poor","points":"40"},{"code":"good","points":"85"}]`
	f.Add(buf.Bytes(), int64(time.Hour), int64(4*time.Hour), 3)
	f.Add([]byte(`{"version":"v",`+scale+`,"rules":[{"grade":"poor","responseAtMost":"0.5"},{"grade":"good"}]}`), int64(1), int64(2), 0)
	f.Add([]byte(`{"version":"v",`+scale+`,"rules":[{"grade":"poor","responseOver":"0.000000000000000000000000000001"},{"grade":"good","resolutionAtMost":99999}]}`), int64(-1), int64(0), 7)
	f.Add([]byte(`{"version":"v","scale":[{"code":"a","points":"1"}],"rules":[{"grade":"a","satisfaction":"满意","types":["x"]}]}`), int64(0), int64(0), -1)
	f.Fuzz(func(t *testing.T, data []byte, response, limit int64, quality int) {
		var (
			tbl *scoring.Table
			err error
		)
		hardening.Linear(t, len(data), func() { tbl, err = scoring.LoadTable(bytes.NewReader(data)) })
		if err != nil {
			if !errors.Is(err, scoring.ErrInvalid) {
				t.Fatalf("LoadTable: %v does not wrap ErrInvalid", err)
			}
			return
		}
		if err := tbl.Validate(); err != nil {
			t.Fatalf("a loaded table does not validate: %v", err)
		}
		yes := quality%2 == 0
		facts := scoring.Facts{Responded: response%3 == 0, Response: time.Duration(response), ResponseLimit: time.Duration(limit),
			Resolution: time.Duration(limit), ResolutionLimit: time.Duration(response), Quality: quality, Satisfied: &yes}
		if quality < 0 || quality > 5 { // no judgement on the 1–5 scale: refused, then graded on one
			if _, err := tbl.Evaluate(facts); !errors.Is(err, scoring.ErrInvalid) {
				t.Fatalf("quality %d: Evaluate = %v; want ErrInvalid", quality, err)
			}
			facts.Quality = (quality%6 + 6) % 6
		}
		r, err := tbl.Evaluate(facts)
		if err != nil {
			t.Fatalf("a validated table refused %+v: %v", facts, err)
		}
		if _, ok := tbl.Scale.Grade(r.Grade); !ok || len(r.Reasons) != 1 {
			t.Fatalf("Evaluate = %+v", r)
		}
		compiled, err := tbl.Compile()
		if err != nil {
			t.Fatalf("a validated table does not compile: %v", err)
		}
		for _, f := range []scoring.Facts{facts, {Resolved: true, Resolution: time.Duration(response), ResolutionLimit: time.Duration(limit), Quality: quality}} {
			want, werr := tbl.Evaluate(f)
			got, gerr := compiled.Evaluate(f)
			if diff := cmp.Diff(want, got, decimalEqual); diff != "" || fmt.Sprint(werr) != fmt.Sprint(gerr) {
				t.Fatalf("the compiled table grades %+v otherwise (errors %v, %v); mismatch (-Evaluate +compiled):\n%s", f, werr, gerr, diff)
			}
		}
		var out bytes.Buffer
		if err := jsonx.Indent(&out, tbl); err != nil {
			t.Fatal(err)
		}
		back, err := scoring.LoadTable(&out)
		if err != nil {
			t.Fatalf("a saved table does not load: %v", err)
		}
		r2, err := back.Evaluate(facts)
		if err != nil || r2.Grade != r.Grade {
			t.Fatalf("the reloaded table grades %v %v, not %v", r2.Grade, err, r.Grade)
		}
	})
}

// BenchmarkTableEvaluate grades one set of facts with Wuhu's table.
func BenchmarkTableEvaluate(b *testing.B) {
	t := wuhu.Table()
	yes := true
	f := scoring.Facts{Matter: "M1", Subject: "D1", Responded: true, Response: 3 * time.Hour, ResponseLimit: 4 * time.Hour,
		Resolved: true, Resolution: 40 * time.Hour, ResolutionLimit: 72 * time.Hour, Quality: 3, Satisfied: &yes}
	// On time, but of quality 3 (not 4) and judged, so neither excellent
	// rule fires: rule 8, "on time", good, 85 points.
	r, err := t.Evaluate(f)
	if err != nil || r.Grade != "good" || !r.Points.Equal(decimal.New(85, 0)) || len(r.Reasons) != 1 || r.Reasons[0].Rule != 8 || r.Reasons[0].Name != "on time" {
		b.Fatalf("Evaluate = %+v, %v; want good, 85 points, by rule 8 \"on time\"", r, err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		if _, err := t.Evaluate(f); err != nil {
			b.Fatal(err)
		}
	}
}

// TestTableValidateDecimalsJSONReads: a table that Validate passes is one
// that LoadTable reads back from the JSON it writes, so Validate refuses a
// threshold or points that JSON could not read back (more than 64
// characters), naming the rule or grade.
func TestTableValidateDecimalsJSONReads(t *testing.T) {
	long := decimal.New(1, -63) // "0.000…01": 65 characters
	fits := decimal.New(1, -62) // 64 characters
	scale := func(p decimal.Decimal) scoring.Scale {
		return scoring.Scale{{Code: "poor", Points: decimal.New(40, 0)}, {Code: "good", Points: p}}
	}
	for _, tt := range []struct {
		name string
		tbl  scoring.Table
		want string // "" for a table that validates
	}{
		{"finest threshold", scoring.Table{Version: "v", Scale: scale(decimal.New(85, 0)),
			Rules: []scoring.TableRule{{Name: "slow", Grade: "poor", ResponseOver: &fits}, {Grade: "good"}}}, ""},
		{"threshold too long", scoring.Table{Version: "v", Scale: scale(decimal.New(85, 0)),
			Rules: []scoring.TableRule{{Name: "slow", Grade: "poor", ResponseOver: &long}, {Grade: "good"}}}, `rules[0] "slow" has responseOver`},
		{"points too long", scoring.Table{Version: "v", Scale: scale(decimal.New(85, 0).Add(long)),
			Rules: []scoring.TableRule{{Grade: "poor", ResponseOver: &fits}, {Grade: "good"}}}, `scale[1] "good" has points`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.tbl.Validate()
			if tt.want == "" {
				if err != nil {
					t.Fatalf("Validate = %v", err)
				}
				var buf bytes.Buffer
				if err := jsonx.Indent(&buf, &tt.tbl); err != nil {
					t.Fatal(err)
				}
				if _, err := scoring.LoadTable(&buf); err != nil {
					t.Errorf("LoadTable of a table Validate passes = %v", err)
				}
				return
			}
			if !errors.Is(err, scoring.ErrInvalid) || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Validate = %v, want an error wrapping ErrInvalid saying %q", err, tt.want)
			}
		})
	}
}

// TestTableLang: a table declares the language of its reasons; another
// than English or Chinese is refused.
func TestTableLang(t *testing.T) {
	tb := wuhu.Table()
	tb.Lang = reason.Chinese
	r, err := tb.Evaluate(timely())
	if err != nil {
		t.Fatal(err)
	}
	if got := r.Reasons[0].String(); !strings.HasPrefix(got, "规则 ") || !strings.Contains(got, "响应用时为时限的 0.50 倍") {
		t.Errorf("a Chinese table's reason reads %s", got)
	}
	tb.Lang = 5
	if err := tb.Validate(); !errors.Is(err, scoring.ErrInvalid) || !strings.Contains(err.Error(), "language") {
		t.Errorf("Validate of a table of language 5 = %v", err)
	}
	var back scoring.Table
	data, _ := json.Marshal(wuhu.Table())
	if err := json.Unmarshal([]byte(strings.Replace(string(data), `"version"`, `"lang":"fr","version"`, 1)), &back); !errors.Is(err, scoring.ErrInvalid) {
		t.Errorf("a table in French is read: %v", err)
	}
}

// TestTableEvaluateAllocations: Evaluate allocates as its documentation
// says: one block for the reason, its checks and its figures; another for
// the checks of a rule of more than two conditions, and another for the
// figures of facts of more than six (returned, urged, supervised and
// staged).
func TestTableEvaluateAllocations(t *testing.T) {
	yes := true
	tbl := &scoring.Table{Version: "v", Scale: twoGrades(), Rules: []scoring.TableRule{
		{Name: "three", Grade: "good", Responded: &yes, Resolved: &yes, Final: &yes},
		{Name: "rest", Grade: "poor"},
	}}
	many := scoring.Facts{Returned: true, Urged: 1, Supervised: 1, Stage: 2} // eight figures
	both := timely()
	both.Returned, both.Urged, both.Supervised, both.Stage = true, 1, 1, 2
	for _, c := range []struct {
		name string
		f    scoring.Facts
		want float64
	}{
		{"two conditions at most, four figures", scoring.Facts{}, 1},
		{"two conditions at most, six figures", scoring.Facts{Returned: true, Urged: 1}, 1},
		{"more than two conditions", timely(), 2},
		{"more than six figures", many, 2},
		{"both", both, 3},
	} {
		got := testing.AllocsPerRun(10, func() {
			if _, err := tbl.Evaluate(c.f); err != nil {
				t.Fatal(err)
			}
		})
		if got != c.want {
			t.Errorf("%s: %v allocations, want %v", c.name, got, c.want)
		}
	}
}

// TestLoadTableLinearInGrades: a table's grades cost LoadTable and Compile
// a look-up each, not a walk of the scale for every grade and every rule.
// A table of 8 MB — 150,000 grades, each the grade of one rule — took over
// a minute to load, the scale compared grade by grade with every earlier
// one, and each rule's grade looked for along it; it now loads and
// compiles within the budget of input its length. Grades of equal points
// or codes are still each refused.
func TestLoadTableLinearInGrades(t *testing.T) {
	const n = 150000
	var b bytes.Buffer
	b.WriteString(`{"version":"v","scale":[`)
	for i := range n {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, `{"code":"g%d","points":"%d"}`, i, i)
	}
	b.WriteString(`],"rules":[`)
	for i := range n {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, `{"grade":"g%d"}`, n-1-i)
	}
	b.WriteString(`]}`)
	var err error
	hardening.Linear(t, b.Len(), func() {
		var tab *scoring.Table
		if tab, err = scoring.LoadTable(bytes.NewReader(b.Bytes())); err == nil {
			_, err = tab.Compile()
		}
	})
	if err != nil {
		t.Fatalf("LoadTable and Compile: %v", err)
	}
	scale := scoring.Scale{{Code: "a", Points: decimal.RequireFromString("85")}, {Code: "b", Points: decimal.RequireFromString("70")},
		{Code: "c", Points: decimal.RequireFromString("85.0")}, {Code: "a", Points: decimal.RequireFromString("70.00")}}
	err = scale.Validate()
	for _, want := range []string{`scale[2] "c" has the points 85 of scale[0] "a"`, `scale[3] "a" has the points 70 of scale[1] "b"`, `scale[3] repeats code "a" of scale[0]`} {
		if !errors.Is(err, scoring.ErrInvalid) || !strings.Contains(fmt.Sprint(err), want) {
			t.Errorf("Validate = %v, want it to say %s", err, want)
		}
	}
}
