package accountability

import (
	"encoding"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"
)

// enum is what every enum of the package offers.
type enum interface {
	fmt.Stringer
	Label() string
	encoding.TextMarshaler
}

type enumCase struct {
	kind   string
	values []enum
	parse  func(string) (enum, error)
	// unmarshal decodes text into a fresh value.
	unmarshal func([]byte) (enum, error)
	// outOfRange is a value past the last constant.
	outOfRange enum
}

func enumCases() []enumCase {
	return []enumCase{
		{"category", []enum{Licensing, Penalty, Coercion, Levy, Payment, Inspection, Confirmation, Reward, Adjudication, OtherPower},
			func(s string) (enum, error) { return ParseCategory(s) },
			func(b []byte) (enum, error) { var v Category; err := v.UnmarshalText(b); return v, err }, Category(11)},
		{"stage", []enum{Acceptance, Filing, Investigation, Review, Notice, Decision, Delivery, Enforcement, Supervision, OtherStage},
			func(s string) (enum, error) { return ParseStage(s) },
			func(b []byte) (enum, error) { var v Stage; err := v.UnmarshalText(b); return v, err }, Stage(11)},
		{"unit kind", []enum{Subdistrict, Office, Center, Agency, Department},
			func(s string) (enum, error) { return ParseUnitKind(s) },
			func(b []byte) (enum, error) { var v UnitKind; err := v.UnmarshalText(b); return v, err }, UnitKind(6)},
		{"step kind", []enum{Start, Task, Gateway, End},
			func(s string) (enum, error) { return ParseStepKind(s) },
			func(b []byte) (enum, error) { var v StepKind; err := v.UnmarshalText(b); return v, err }, StepKind(5)},
		{"level", []enum{Low, Medium, High},
			func(s string) (enum, error) { return ParseLevel(s) },
			func(b []byte) (enum, error) { var v Level; err := v.UnmarshalText(b); return v, err }, Level(4)},
		{"severity", []enum{Warning, Error},
			func(s string) (enum, error) { return ParseSeverity(s) },
			func(b []byte) (enum, error) { var v Severity; err := v.UnmarshalText(b); return v, err }, Severity(3)},
		{"change kind", []enum{Added, Removed, Changed},
			func(s string) (enum, error) { return ParseChangeKind(s) },
			func(b []byte) (enum, error) { var v ChangeKind; err := v.UnmarshalText(b); return v, err }, ChangeKind(4)},
	}
}

func TestEnums(t *testing.T) {
	for _, ec := range enumCases() {
		t.Run(ec.kind, func(t *testing.T) {
			codes, labels := map[string]bool{}, map[string]bool{}
			for _, v := range ec.values {
				code, label := v.String(), v.Label()
				if code == "" || label == "" || codes[code] || labels[label] {
					t.Errorf("%v: code %q, label %q empty or not unique", v, code, label)
				}
				codes[code], labels[label] = true, true
				for _, s := range []string{code, label} {
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
			for _, bad := range []string{"", "nonsense", strings.ToUpper(ec.values[0].String()), " " + ec.values[0].String()} {
				_, err := ec.parse(bad)
				if !errors.Is(err, ErrUnknownCode) || !strings.Contains(err.Error(), fmt.Sprintf("%q", bad)) {
					t.Errorf("Parse(%q) error = %v, want ErrUnknownCode naming the input", bad, err)
				}
			}
			if _, err := ec.outOfRange.MarshalText(); !errors.Is(err, ErrUnknownCode) {
				t.Errorf("MarshalText(%d) error = %v, want ErrUnknownCode", ec.outOfRange, err)
			}
			if zero, err := ec.unmarshal(nil); err != nil || zero.String() != "" {
				t.Errorf("UnmarshalText(empty) = %v, %v; want the zero value", zero, err)
			}
		})
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
	if !errors.Is(err, ErrUnknownCode) || !strings.Contains(err.Error(), `"job"`) {
		t.Errorf("decoding kind \"job\": error = %v, want ErrUnknownCode naming it", err)
	}
	b, err := json.Marshal(Step{ID: "s"})
	if err != nil || string(b) != `{"id":"s"}` {
		t.Errorf("Marshal(zero enums) = %s, %v; want them omitted", b, err)
	}
	if _, err := json.Marshal(Step{ID: "s", Kind: 9}); !errors.Is(err, ErrUnknownCode) {
		t.Errorf("Marshal(kind 9) error = %v, want ErrUnknownCode", err)
	}
}

// FuzzParseEnums: no input panics a parser; whatever a parser accepts, it
// accepts again from the value's code and label, and the result is the same.
func FuzzParseEnums(f *testing.F) {
	for _, s := range []string{"licensing", "行政许可", "审理", "一级", "", "x", "\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, ec := range enumCases() {
			v, err := ec.parse(s)
			if err != nil {
				if !errors.Is(err, ErrUnknownCode) {
					t.Fatalf("%s: Parse(%q) error %v does not wrap ErrUnknownCode", ec.kind, s, err)
				}
				if utf8.ValidString(s) && !strings.Contains(err.Error(), fmt.Sprintf("%q", s)) {
					t.Fatalf("%s: Parse(%q) error %v does not name the input", ec.kind, s, err)
				}
				continue
			}
			for _, again := range []string{v.String(), v.Label()} {
				w, err := ec.parse(again)
				if err != nil || w != v {
					t.Fatalf("%s: Parse(%q) = %v, but Parse(%q) = %v, %v", ec.kind, s, v, again, w, err)
				}
			}
		}
	})
}
