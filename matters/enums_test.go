package matters_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/qingdan/qingdan/matters"
)

// enumCase is one enumeration under test.
type enumCase struct {
	name   string // the Go type's name
	n      int    // its values are 1…n
	code   func(int) string
	label  func(int) string
	parse  func(string) (int, error)
	text   func(int) ([]byte, error)
	decode func([]byte) (int, error)
}

func enumOf[T interface {
	~int
	String() string
	Label() string
	MarshalText() ([]byte, error)
}](name string, n int, parse func(string) (T, error), unmarshal func(*T, []byte) error) enumCase {
	return enumCase{
		name:  name,
		n:     n,
		code:  func(v int) string { return T(v).String() },
		label: func(v int) string { return T(v).Label() },
		parse: func(s string) (int, error) { v, err := parse(s); return int(v), err },
		text:  func(v int) ([]byte, error) { return T(v).MarshalText() },
		decode: func(b []byte) (int, error) {
			var v T
			err := unmarshal(&v, b)
			return int(v), err
		},
	}
}

var enums = []enumCase{
	enumOf("List", 3, matters.ParseList, (*matters.List).UnmarshalText),
	enumOf("Kind", 18, matters.ParseKind, (*matters.Kind).UnmarshalText),
	enumOf("State", 6, matters.ParseState, (*matters.State).UnmarshalText),
	enumOf("Alert", 4, matters.ParseAlert, (*matters.Alert).UnmarshalText),
	enumOf("Role", 2, matters.ParseRole, (*matters.Role).UnmarshalText),
}

// TestEnums checks that every enumeration of the package behaves as the
// library's enumerations do, so that the next one added cannot drift: a
// named value has a distinct code and label, both parse back (white space
// around them ignored) and the code is its text; the zero value and an
// unknown value print as "Type(n)", label included; the zero value is the
// empty text and the empty text the zero value; anything else is refused
// with an error that names the input and wraps ErrInvalid.
func TestEnums(t *testing.T) {
	for _, e := range enums {
		t.Run(e.name, func(t *testing.T) {
			seen := map[string]bool{}
			for v := 1; v <= e.n; v++ {
				code, label := e.code(v), e.label(v)
				if code == "" || label == "" || seen[code] || seen[label] {
					t.Errorf("value %d: code %q, label %q empty or repeated", v, code, label)
				}
				seen[code], seen[label] = true, true
				for _, s := range []string{code, label, " " + code + "\t", "\n" + label} {
					if got, err := e.parse(s); err != nil || got != v {
						t.Errorf("parse(%q) = %d, %v; want %d", s, got, err, v)
					}
				}
				b, err := e.text(v)
				if err != nil || string(b) != code {
					t.Errorf("MarshalText(%d) = %s, %v; want %s", v, b, err, code)
				}
				if got, err := e.decode([]byte(label)); err != nil || got != v {
					t.Errorf("UnmarshalText(%q) = %d, %v", label, got, err)
				}
			}
			for _, v := range []int{0, -1, e.n + 1, 99} {
				want := fmt.Sprintf("%s(%d)", e.name, v)
				if e.code(v) != want || e.label(v) != want {
					t.Errorf("value %d: String %q, Label %q; want %q", v, e.code(v), e.label(v), want)
				}
			}
			if b, err := e.text(0); err != nil || len(b) != 0 {
				t.Errorf("MarshalText(0) = %q, %v; want the empty text", b, err)
			}
			if v, err := e.decode(nil); err != nil || v != 0 {
				t.Errorf("UnmarshalText(empty) = %d, %v; want 0", v, err)
			}
			for _, v := range []int{-1, e.n + 1, 99} {
				if _, err := e.text(v); !errors.Is(err, matters.ErrInvalid) {
					t.Errorf("MarshalText(%d) error = %v, want ErrInvalid", v, err)
				}
			}
			for _, bad := range []string{"", " ", "unknown", strings.ToUpper(e.code(1)), "0", "1", e.name + "(1)"} {
				_, err := e.parse(bad)
				if !errors.Is(err, matters.ErrInvalid) || !strings.Contains(err.Error(), fmt.Sprintf("%q", bad)) {
					t.Errorf("parse(%q) error = %v, want ErrInvalid naming it", bad, err)
				}
				if bad == "" {
					continue // the empty text is the zero value
				}
				if _, err := e.decode([]byte(bad)); !errors.Is(err, matters.ErrInvalid) {
					t.Errorf("UnmarshalText(%q) error = %v, want ErrInvalid", bad, err)
				}
			}
		})
	}
	if k, err := matters.ParseKind("报到"); err != nil || k != matters.Accept {
		t.Errorf("ParseKind(报到) = %v, %v; want accept", k, err)
	}
}

func TestEnumZeroOmitted(t *testing.T) {
	b, err := json.Marshal(matters.Event{Matter: "M", Seq: 1, At: t0})
	if err != nil || strings.Contains(string(b), "kind") {
		t.Errorf("zero Kind: %s, %v", b, err)
	}
	err = json.Unmarshal([]byte(`{"matter":"M","kind":"nonsense"}`), new(matters.Event))
	if !errors.Is(err, matters.ErrInvalid) || !strings.Contains(err.Error(), "nonsense") {
		t.Errorf("unknown kind error = %v, want ErrInvalid naming it", err)
	}
}
