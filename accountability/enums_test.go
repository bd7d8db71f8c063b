package accountability

import (
	"encoding"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
)

// coded is what every enum of the package offers.
type coded interface {
	fmt.Stringer
	Label() string
	encoding.TextMarshaler
}

type enumCase struct {
	typ    string // the Go type's name
	values []coded
	parse  func(string) (coded, error)
	// unmarshal decodes text into a fresh value.
	unmarshal func([]byte) (coded, error)
	// zero and unknown are the zero value and the value 99.
	zero, unknown coded
}

func enumCases() []enumCase {
	return []enumCase{
		enumCaseOf(ParseCategory, Licensing, Penalty, Coercion, Levy, Payment, Inspection, Confirmation, Reward, Adjudication, OtherPower, PublicService, Forwarding, Internal),
		enumCaseOf(ParseStage, Acceptance, Filing, Investigation, Review, Notice, Decision, Delivery, Enforcement, Supervision, OtherStage),
		enumCaseOf(ParseUnitKind, Subdistrict, Office, Center, Agency, Department),
		enumCaseOf(ParseStepKind, Start, Task, Gateway, End),
		enumCaseOf(ParseLevel, Low, Medium, High),
		enumCaseOf(ParseSeverity, Warning, Error),
		enumCaseOf(ParseChangeKind, Added, Removed, Changed),
		enumCaseOf(ParseStatus, Draft, Approved, Published),
		enumCaseOf(ParseBasisKind, Setting, Implementing),
	}
}

// enumCaseOf is the case of the enum type E: its Parse function and its
// values in order.
func enumCaseOf[E interface {
	~int
	coded
}, P interface {
	*E
	encoding.TextUnmarshaler
}](parse func(string) (E, error), values ...E) enumCase {
	c := enumCase{
		typ:       reflect.TypeFor[E]().Name(),
		parse:     func(s string) (coded, error) { return parse(s) },
		unmarshal: func(b []byte) (coded, error) { var v E; err := P(&v).UnmarshalText(b); return v, err },
		zero:      E(0),
		unknown:   E(99),
	}
	for _, v := range values {
		c.values = append(c.values, v)
	}
	return c
}

func TestEnums(t *testing.T) {
	for _, ec := range enumCases() {
		t.Run(ec.typ, func(t *testing.T) {
			codes, labels := map[string]bool{}, map[string]bool{}
			for _, v := range ec.values {
				code, label := v.String(), v.Label()
				if code == "" || label == "" || codes[code] || labels[label] {
					t.Errorf("%v: code %q, label %q empty or not unique", v, code, label)
				}
				codes[code], labels[label] = true, true
				for _, s := range []string{code, label, " " + code + "\t", "\n" + label} {
					got, err := ec.parse(s)
					if err != nil || got != v {
						t.Errorf("Parse(%q) = %v, %v; want %v", s, got, err, v)
					}
				}
				text, err := v.MarshalText()
				if err != nil || string(text) != code {
					t.Errorf("%v.MarshalText() = %q, %v; want %q", v, text, err, code)
				}
				got, err := ec.unmarshal([]byte(label))
				if err != nil || got != v {
					t.Errorf("UnmarshalText(%q) = %v, %v; want %v", label, got, err, v)
				}
			}
			for _, bad := range []string{"", " ", "nonsense", strings.ToUpper(ec.values[0].String()), ec.values[0].String() + "x"} {
				_, err := ec.parse(bad)
				if !errors.Is(err, ErrInvalid) || !strings.Contains(err.Error(), fmt.Sprintf("%q", bad)) {
					t.Errorf("Parse(%q) error = %v, want ErrInvalid naming the input", bad, err)
				}
			}
			if _, err := ec.unmarshal([]byte("nonsense")); !errors.Is(err, ErrInvalid) {
				t.Errorf("UnmarshalText(nonsense) error = %v, want ErrInvalid", err)
			}
			if _, err := ec.unknown.MarshalText(); !errors.Is(err, ErrInvalid) {
				t.Errorf("MarshalText(%d) error = %v, want ErrInvalid", ec.unknown, err)
			}
			if b, err := ec.zero.MarshalText(); err != nil || len(b) != 0 {
				t.Errorf("MarshalText(0) = %q, %v; want the empty text", b, err)
			}
			if zero, err := ec.unmarshal(nil); err != nil || zero != ec.zero {
				t.Errorf("UnmarshalText(empty) = %v, %v; want the zero value", zero, err)
			}
		})
	}
}

// TestEnumsUnnamed pins how a value that is not named prints, the zero
// value included, so that every enum of the library prints alike.
func TestEnumsUnnamed(t *testing.T) {
	var want, got []string
	for _, ec := range enumCases() {
		want = append(want, ec.typ+"(0)", ec.typ+"(0)", ec.typ+"(99)", ec.typ+"(99)")
		got = append(got, ec.zero.String(), ec.zero.Label(), ec.unknown.String(), ec.unknown.Label())
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("unnamed values mismatch (-want +got):\n%s", diff)
	}
}

func TestParseError(t *testing.T) {
	_, err := ParseCategory("行政审批")
	want := `accountability: unknown category "行政审批" (want one of licensing, penalty, coercion, levy, payment, inspection, confirmation, reward, adjudication, other, service, forwarding, internal, or a Chinese label): invalid`
	if err == nil || err.Error() != want {
		t.Errorf("ParseCategory(行政审批) error = %v, want %s", err, want)
	}
}

func TestEnumJSON(t *testing.T) {
	var s Step
	if err := json.Unmarshal([]byte(`{"id":"d","kind":"task","stage":"审理"}`), &s); err != nil {
		t.Fatal(err)
	}
	if s.Kind != Task || s.Stage != Review {
		t.Errorf("decoded %+v, want a review task", s)
	}
	err := json.Unmarshal([]byte(`{"id":"d","kind":"job"}`), &s)
	if !errors.Is(err, ErrInvalid) || !strings.Contains(err.Error(), `"job"`) {
		t.Errorf("decoding kind \"job\": error = %v, want ErrInvalid naming it", err)
	}
	b, err := json.Marshal(Step{ID: "s"})
	if err != nil || string(b) != `{"id":"s"}` {
		t.Errorf("Marshal(zero enums) = %s, %v; want them omitted", b, err)
	}
	if _, err := json.Marshal(Step{ID: "s", Kind: 9}); !errors.Is(err, ErrInvalid) {
		t.Errorf("Marshal(kind 9) error = %v, want ErrInvalid", err)
	}
}

// FuzzParseEnums: no input panics a parser; an error wraps ErrInvalid and
// names the input; whatever a parser accepts, it accepts again from the
// value's code and label, and the result is the same.
func FuzzParseEnums(f *testing.F) {
	for _, s := range []string{"licensing", "行政许可", "审理", "一级", "", "x", "\xff", " high "} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, ec := range enumCases() {
			v, err := ec.parse(s)
			if err != nil {
				if !errors.Is(err, ErrInvalid) {
					t.Fatalf("%s: Parse(%q) error %v does not wrap ErrInvalid", ec.typ, s, err)
				}
				if utf8.ValidString(s) && len(s) <= 64 && !strings.Contains(err.Error(), fmt.Sprintf("%q", s)) {
					t.Fatalf("%s: Parse(%q) error %v does not name the input", ec.typ, s, err)
				}
				continue
			}
			for _, again := range []string{v.String(), v.Label()} {
				w, err := ec.parse(again)
				if err != nil || w != v {
					t.Fatalf("%s: Parse(%q) = %v, but Parse(%q) = %v, %v", ec.typ, s, v, again, w, err)
				}
			}
		}
	})
}
