package scoring

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"
)

// testScale is a scale for the package's own tests: four grades with the
// points of Wuhu's (locality/wuhu.Scale), which a test of this package
// cannot import.
func testScale() Scale {
	return Scale{
		{Code: "excellent", Label: "好", Points: decimal.NewFromInt(100)},
		{Code: "good", Label: "较好", Points: decimal.NewFromInt(85)},
		{Code: "fair", Label: "一般", Points: decimal.NewFromInt(70)},
		{Code: "poor", Label: "差", Points: decimal.NewFromInt(40)},
	}
}

func TestScaleGrade(t *testing.T) {
	s := testScale()
	for _, tt := range []struct {
		code string
		want Grade
		ok   bool
	}{
		{"good", s[1], true},
		{"poor", s[3], true},
		{"较好", Grade{}, false}, // a label is not a code
		{"", Grade{}, false},
		{"Good", Grade{}, false},
	} {
		got, ok := s.Grade(tt.code)
		if ok != tt.ok || !cmp.Equal(got, tt.want) {
			t.Errorf("Grade(%q) = %v, %v; want %v, %v", tt.code, got, ok, tt.want, tt.ok)
		}
	}
	if _, ok := Scale(nil).Grade("good"); ok {
		t.Errorf("a nil scale has a grade")
	}
}

func TestScaleFloor(t *testing.T) {
	d := decimal.RequireFromString
	s := testScale()
	for _, tt := range []struct {
		points string
		want   string
	}{
		{"100", "excellent"}, {"1000", "excellent"}, {"99.99", "good"}, {"85", "good"},
		{"70", "fair"}, {"69.999999", "poor"}, {"40", "poor"}, {"0", "poor"}, {"-5", "poor"},
		// A cut-off is its value, whatever its exponent.
		{"85.00", "good"}, {"84.99999999999999999999999999999", "fair"}, {"100.000000000000000000000000", "excellent"},
	} {
		g, ok := s.Floor(d(tt.points))
		if !ok || g.Code != tt.want {
			t.Errorf("Floor(%s) = %s, %v; want %s", tt.points, g.Code, ok, tt.want)
		}
	}
	// Nor do the exponents of the scale's points.
	written := Scale{{Code: "good", Points: d("85.000")}, {Code: "fair", Points: decimal.New(7, 1)}, {Code: "excellent", Points: decimal.New(1000, -1)}}
	for p, want := range map[string]string{"85": "good", "84.9": "fair", "70": "fair", "99.99": "good", "100": "excellent", "1": "fair"} {
		if g, _ := written.Floor(d(p)); g.Code != want {
			t.Errorf("Floor(%s) on a scale of points written otherwise = %s, want %s", p, g.Code, want)
		}
	}
	// The order of the grades does not matter.
	rev := Scale{s[3], s[1], s[0], s[2]}
	if g, _ := rev.Floor(d("86")); g.Code != "good" {
		t.Errorf("Floor on a shuffled scale = %s, want good", g.Code)
	}
	if g, ok := Scale(nil).Floor(d("1")); ok || g != (Grade{}) {
		t.Errorf("Floor on an empty scale = %v, %v", g, ok)
	}
}

func TestScaleValidate(t *testing.T) {
	d := decimal.RequireFromString
	if err := testScale().Validate(); err != nil {
		t.Errorf("Validate = %v", err)
	}
	for _, tt := range []struct {
		name  string
		scale Scale
		want  []string
	}{
		{"empty", nil, []string{"scale has no grades"}},
		{"no code", Scale{{Points: d("1")}}, []string{"scale[0] has no code"}},
		{"every problem", Scale{{Code: "a", Label: "甲", Points: d("1")}, {Code: "a", Label: "甲", Points: d("1.0")}},
			[]string{`scale[1] repeats code "a" of scale[0]`, `scale[1] "a" repeats label "甲" of scale[0]`, `scale[1] "a" has the points 1 of scale[0] "a"`}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.scale.Validate()
			if !errors.Is(err, ErrInvalid) {
				t.Fatalf("Validate = %v, want ErrInvalid", err)
			}
			for _, want := range tt.want {
				if !strings.Contains(err.Error(), want) {
					t.Errorf("Validate error lacks %q:\n%v", want, err)
				}
			}
		})
	}
}

func TestGradeJSON(t *testing.T) {
	g := Grade{Code: "good", Label: "较好", Points: decimal.RequireFromString("85.50")}
	b, err := json.Marshal(g)
	if err != nil || string(b) != `{"code":"good","label":"较好","points":"85.5"}` {
		t.Errorf("Marshal = %s, %v", b, err)
	}
	var back Grade
	if err := json.Unmarshal(b, &back); err != nil || !cmp.Equal(g, back) {
		t.Errorf("Unmarshal = %v, %v; want %v", back, err, g)
	}
	if err := json.Unmarshal([]byte(`{"code":"x","points":90}`), &back); err != nil || back.Label != "" || !back.Points.Equal(decimal.NewFromInt(90)) {
		t.Errorf("Unmarshal of a bare number into a used Grade = %v, %v", back, err)
	}
	for _, tt := range []struct{ in, want string }{
		{`{"code":"a"}`, `grade "a" has no points`},
		{`{"code":"a","points":null}`, `grade "a" has no points`},
		{`{"code":"a","points":"1","lable":"x"}`, "unknown field"},
		{`{"code":"a","points":"1e2"}`, "plain decimal"},
	} {
		err := json.Unmarshal([]byte(tt.in), &back)
		if !errors.Is(err, ErrInvalid) || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("Unmarshal(%s) = %v, want ErrInvalid saying %q", tt.in, err, tt.want)
		}
	}
}

// TestScaleFloorNotValidated: Floor gives what its doc says on a scale
// that has not been validated, as a naive reading of the doc does: a grade
// without a code is a grade like any other (it was taken for "none found"
// and passed over for a lower one), and of two grades with the same
// points, which Validate refuses, the first in the scale.
func TestScaleFloorNotValidated(t *testing.T) {
	d := decimal.RequireFromString
	// naive is the doc read literally: the most points not above p, else
	// the fewest; the first in the scale among equal points.
	naive := func(s Scale, p decimal.Decimal) (Grade, bool) {
		best, low := -1, -1
		for i, g := range s {
			if g.Points.LessThanOrEqual(p) && (best < 0 || g.Points.GreaterThan(s[best].Points)) {
				best = i
			}
			if low < 0 || g.Points.LessThan(s[low].Points) {
				low = i
			}
		}
		switch {
		case best >= 0:
			return s[best], true
		case low >= 0:
			return s[low], true
		}
		return Grade{}, false
	}
	scales := []Scale{
		{{Code: "", Label: "无代码", Points: d("90")}, {Code: "b", Points: d("50")}, {Code: "c", Points: d("20")}},
		{{Code: "b", Points: d("50")}, {Points: d("90")}, {Code: "c", Points: d("20")}},
		{{Code: "b", Points: d("50")}, {Code: "c", Points: d("20")}, {Label: "最低", Points: d("10")}},
		{{Label: "alone", Points: d("10")}},
		{{Code: "first", Points: d("50")}, {Code: "second", Points: d("50.0")}, {Code: "low", Points: d("5")}, {Code: "low2", Points: d("5.00")}},
		{{Label: "x", Points: d("50")}, {Label: "y", Points: d("50")}},
	}
	for i, s := range scales {
		for _, p := range []string{"-1", "5", "10", "15", "20", "49.9", "50", "60", "90", "95"} {
			wantG, wantOK := naive(s, d(p))
			gotG, gotOK := s.Floor(d(p))
			if diff := cmp.Diff(wantG, gotG, cmp.Comparer(decimal.Decimal.Equal)); diff != "" || gotOK != wantOK {
				t.Errorf("scales[%d].Floor(%s): ok %v, want %v; mismatch (-want +got):\n%s", i, p, gotOK, wantOK, diff)
			}
		}
	}
}
