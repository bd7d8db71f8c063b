package enum_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/qingdan/qingdan/internal/enum"
	"github.com/qingdan/qingdan/internal/errtext"
)

var errTest = errors.New("test: invalid")

type color int

var colors = enum.New(enum.Spec[color]{
	Package: "test", Type: "Color", What: "colour",
	Codes:   []string{"", "red", "green"},
	Labels:  []string{"", "红", "绿"},
	Aliases: map[string]color{"赤": 1},
	Err:     errTest,
})

type answer int

var answers = enum.New(enum.Spec[answer]{
	Package: "test", Type: "Answer",
	Codes:  []string{"any", "yes"},
	Labels: []string{"任意", "是"},
	Err:    errTest,
})

func TestString(t *testing.T) {
	type row struct {
		v           int
		code, label string
		named       bool
	}
	for _, c := range []struct {
		name string
		got  func(int) row
		want []row
	}{
		{"zero not set", func(v int) row {
			return row{v, colors.String(color(v)), colors.Label(color(v)), colors.Named(color(v))}
		},
			[]row{{-1, "Color(-1)", "Color(-1)", false}, {0, "Color(0)", "Color(0)", false}, {1, "red", "红", true}, {2, "green", "绿", true}, {3, "Color(3)", "Color(3)", false}}},
		{"zero named", func(v int) row {
			return row{v, answers.String(answer(v)), answers.Label(answer(v)), answers.Named(answer(v))}
		},
			[]row{{-1, "Answer(-1)", "Answer(-1)", false}, {0, "any", "任意", true}, {1, "yes", "是", true}, {2, "Answer(2)", "Answer(2)", false}, {3, "Answer(3)", "Answer(3)", false}}},
	} {
		t.Run(c.name, func(t *testing.T) {
			var got []row
			for _, w := range c.want {
				got = append(got, c.got(w.v))
			}
			if diff := cmp.Diff(c.want, got, cmp.AllowUnexported(row{})); diff != "" {
				t.Errorf("mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestParse(t *testing.T) {
	for _, c := range []struct {
		in   string
		want color
		err  string
	}{
		{"red", 1, ""},
		{" 绿\t", 2, ""},
		{"赤", 1, ""},
		{"", 0, `test: unknown colour "" (want one of red, green, or a Chinese label): invalid`},
		{"blue", 0, `test: unknown colour "blue" (want one of red, green, or a Chinese label): invalid`},
		{strings.Repeat("x", 100), 0, `test: unknown colour "` + strings.Repeat("x", 64) + `"… (100 bytes) (want one of red, green, or a Chinese label): invalid`},
	} {
		got, err := colors.Parse(c.in)
		if got != c.want {
			t.Errorf("Parse(%q) = %d, want %d", c.in, got, c.want)
		}
		if c.err == "" && err != nil {
			t.Errorf("Parse(%q): %v", c.in, err)
		}
		if c.err != "" {
			if err == nil || err.Error() != c.err || !errors.Is(err, errTest) {
				t.Errorf("Parse(%q) error = %v, want %q wrapping the sentinel", c.in, err, c.err)
			}
		}
	}
	if v, err := answers.Parse("任意"); v != 0 || err != nil {
		t.Errorf("Parse of the named zero = %d, %v", v, err)
	}
}

// TestParseChinese: a text Parse refuses says in Chinese, through the
// error's Chinese method (which jsonx's Chinese messages add), the labels
// it takes, the named zero's among them; an error that is not about a text
// says nothing there.
func TestParseChinese(t *testing.T) {
	type chinese interface{ Chinese() string }
	zh := func(err error) string {
		var c chinese
		if !errors.As(err, &c) {
			return "no Chinese method"
		}
		return c.Chinese()
	}
	_, colorErr := colors.Parse("blue")
	_, answerErr := answers.Parse("no")
	_, marshalErr := colors.MarshalText(color(7))
	got := []string{zh(colorErr), zh(answerErr), zh(marshalErr)}
	want := []string{"应为红、绿之一（或其英文代码）", "应为任意、是之一（或其英文代码）", ""}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Chinese mismatch (-want +got):\n%s", diff)
	}
}

// TestLookup: Lookup reads what Parse reads, and says it did; on what
// Parse refuses it says it did not.
func TestLookup(t *testing.T) {
	for _, in := range []string{"red", " 绿\t", "赤", "", " ", "blue", "Red"} {
		want, err := colors.Parse(in)
		got, ok := colors.Lookup(in)
		if got != want || ok != (err == nil) {
			t.Errorf("Lookup(%q) = %d, %t; Parse gives %d, %v", in, got, ok, want, err)
		}
	}
	if v, ok := answers.Lookup("任意"); v != 0 || !ok {
		t.Errorf("Lookup of the named zero = %d, %t", v, ok)
	}
}

func TestText(t *testing.T) {
	for v := color(-1); v <= 3; v++ {
		b, err := colors.MarshalText(v)
		switch {
		case v == 0:
			if err != nil || len(b) != 0 {
				t.Errorf("MarshalText(0) = %q, %v; want empty", b, err)
			}
		case colors.Named(v):
			back, err2 := colors.UnmarshalText(b)
			if err != nil || err2 != nil || back != v {
				t.Errorf("round trip of %d: %q, %v, %d, %v", v, b, err, back, err2)
			}
		default:
			if !errors.Is(err, errTest) {
				t.Errorf("MarshalText(%d) error = %v, want the sentinel", v, err)
			}
		}
	}
	if v, err := colors.UnmarshalText(nil); v != 0 || err != nil {
		t.Errorf("UnmarshalText(empty) = %d, %v", v, err)
	}
	if b, err := answers.MarshalText(0); err != nil || len(b) != 0 {
		t.Errorf("named zero marshals as %q, %v; want empty", b, err)
	}
}

// TestUnmarshal: Unmarshal sets the value to what UnmarshalText reads, and
// leaves it alone on an error.
func TestUnmarshal(t *testing.T) {
	for _, tt := range []struct {
		in      string
		want    color
		wantErr bool
	}{
		{"green", 2, false},
		{"", 0, false},
		{"purple", 3, true}, // unchanged
	} {
		v := color(3)
		err := colors.Unmarshal([]byte(tt.in), &v)
		if v != tt.want || (err != nil) != tt.wantErr || (err != nil && !errors.Is(err, errTest)) {
			t.Errorf("Unmarshal(%q) = %d, %v; want %d, error %v wrapping the sentinel", tt.in, v, err, tt.want, tt.wantErr)
		}
	}
}

var shapes = enum.New(enum.Spec[color]{
	Package: "test", Type: "Shape", What: "shape",
	Codes:    []string{"", "round"},
	Labels:   []string{"", "圆"},
	Err:      errTest,
	Required: true,
})

// TestRequired: a required enum refuses to write its zero value as text
// and to read the empty text, but keeps NULL for it in a column.
func TestRequired(t *testing.T) {
	if b, err := shapes.MarshalText(0); b != nil || err == nil || err.Error() != "test: invalid: shape not set" || !errors.Is(err, errTest) {
		t.Errorf("MarshalText(0) = %q, %v; want the error \"test: invalid: shape not set\"", b, err)
	}
	v := color(1)
	if err := shapes.Unmarshal(nil, &v); v != 1 || !errors.Is(err, errTest) {
		t.Errorf("Unmarshal(empty) = %d, %v; want 1 left alone and the sentinel", v, err)
	}
	if b, err := shapes.MarshalText(1); string(b) != "round" || err != nil {
		t.Errorf("MarshalText(1) = %q, %v", b, err)
	}
	if d, err := shapes.Value(0); d != nil || err != nil {
		t.Errorf("Value(0) = %v, %v; want NULL", d, err)
	}
	if err := shapes.Scan(nil, &v); v != 0 || err != nil {
		t.Errorf("Scan(NULL) = %d, %v; want 0", v, err)
	}
}

func TestNewPanicsOnBadSpec(t *testing.T) {
	for name, s := range map[string]enum.Spec[color]{
		"no sentinel":              {Package: "p", Type: "T", Codes: []string{"", "a"}, Labels: []string{"", "甲"}},
		"lengths":                  {Package: "p", Type: "T", Codes: []string{"", "a"}, Labels: []string{""}, Err: errTest},
		"duplicate":                {Package: "p", Type: "T", Codes: []string{"", "a", "a"}, Labels: []string{"", "甲", "乙"}, Err: errTest},
		"duplicate, code as label": {Package: "p", Type: "T", Codes: []string{"", "a", "a"}, Labels: []string{"", "甲", "a"}, Err: errTest},
		"untrimmed code":           {Package: "p", Type: "T", Codes: []string{"", "a "}, Labels: []string{"", "甲"}, Err: errTest},
		"untrimmed label":          {Package: "p", Type: "T", Codes: []string{"", "a"}, Labels: []string{"", "　甲"}, Err: errTest},
		"untrimmed alias":          {Package: "p", Type: "T", Codes: []string{"", "a"}, Labels: []string{"", "甲"}, Aliases: map[string]color{" b": 1}, Err: errTest},
		"empty alias":              {Package: "p", Type: "T", Codes: []string{"z", "a"}, Labels: []string{"零", "甲"}, Aliases: map[string]color{"": 1}, Err: errTest},
		"empty code":               {Package: "p", Type: "T", Codes: []string{"", ""}, Labels: []string{"", "甲"}, Err: errTest},
		"alias collides":           {Package: "p", Type: "T", Codes: []string{"", "a"}, Labels: []string{"", "甲"}, Aliases: map[string]color{"a": 1}, Err: errTest},
		"alias out of range":       {Package: "p", Type: "T", Codes: []string{"", "a"}, Labels: []string{"", "甲"}, Aliases: map[string]color{"b": 5}, Err: errTest},
		"named and required":       {Package: "p", Type: "T", Codes: []string{"z", "a"}, Labels: []string{"零", "甲"}, Err: errTest, Required: true},
		// Parse would read the alias as the zero value, which is not named:
		// a value not set, and for a Required enum one never read.
		"alias of an unnamed zero": {Package: "p", Type: "T", Codes: []string{"", "a"}, Labels: []string{"", "甲"}, Aliases: map[string]color{"无": 0}, Err: errTest},
	} {
		t.Run(name, func(t *testing.T) {
			defer func() {
				if recover() == nil {
					t.Error("New did not panic")
				}
			}()
			enum.New(s)
		})
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{"red", "红", " 赤 ", "", "Color(1)", "\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, err := colors.Parse(s)
		if err != nil {
			if !errors.Is(err, errTest) || v != 0 {
				t.Fatalf("Parse(%q) = %d, %v", s, v, err)
			}
			// errtext.Quote repeats at most 64 bytes of input, each
			// escaped in at most 4 bytes ("\xff"), whatever its length.
			if max := 4*errtext.MaxQuoted + 120; len(err.Error()) > max {
				t.Fatalf("error of %d bytes, over %d", len(err.Error()), max)
			}
			return
		}
		if !colors.Named(v) {
			t.Fatalf("Parse(%q) = %d, not a named value", s, v)
		}
		if back, err := colors.Parse(colors.String(v)); back != v || err != nil {
			t.Fatalf("code of %d does not parse back: %d, %v", v, back, err)
		}
	})
}
