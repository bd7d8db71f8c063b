package scoring_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/qingdan/qingdan/scoring"
)

func TestSatisfactionText(t *testing.T) {
	for s := scoring.AnySatisfaction; s <= scoring.NotDissatisfied; s++ {
		for _, text := range []string{s.String(), s.Label(), " " + s.Label() + "\t"} {
			got, err := scoring.ParseSatisfaction(text)
			if err != nil || got != s {
				t.Errorf("ParseSatisfaction(%q) = %v, %v, want %v", text, got, err, s)
			}
		}
		b, err := s.MarshalText()
		want := s.String()
		if s == scoring.AnySatisfaction {
			want = "" // omitted from a rule's JSON
		}
		if err != nil || string(b) != want {
			t.Errorf("MarshalText(%v) = %q, %v, want %q", s, b, err, want)
		}
		var back scoring.Satisfaction
		if err := back.UnmarshalText(b); err != nil || back != s {
			t.Errorf("UnmarshalText(%q) = %v, %v, want %v", b, back, err, s)
		}
	}
	if scoring.AnySatisfaction.String() != "any" || scoring.AnySatisfaction.Label() != "不限" {
		t.Errorf("AnySatisfaction = %q %q, want any 不限", scoring.AnySatisfaction, scoring.AnySatisfaction.Label())
	}
}

// TestSatisfactionDrift checks what every enum of the library does the
// same way: unnamed values print as "Satisfaction(n)", do not marshal, and
// every parse error names the input and wraps ErrInvalid.
func TestSatisfactionDrift(t *testing.T) {
	for _, tt := range []struct {
		s    scoring.Satisfaction
		want string
	}{{-1, "Satisfaction(-1)"}, {5, "Satisfaction(5)"}, {99, "Satisfaction(99)"}} {
		if tt.s.String() != tt.want || tt.s.Label() != tt.want {
			t.Errorf("String, Label = %q, %q, want %q", tt.s.String(), tt.s.Label(), tt.want)
		}
		if _, err := tt.s.MarshalText(); !errors.Is(err, scoring.ErrInvalid) {
			t.Errorf("MarshalText(%d) = %v, want ErrInvalid", int(tt.s), err)
		}
	}
	for _, bad := range []string{"", " ", "Satisfied", "happy", "满 意"} {
		_, err := scoring.ParseSatisfaction(bad)
		if !errors.Is(err, scoring.ErrInvalid) || !strings.Contains(err.Error(), `scoring: unknown satisfaction "`+bad+`"`) {
			t.Errorf("ParseSatisfaction(%q) = %v, want an error wrapping ErrInvalid that names it", bad, err)
		}
		var s scoring.Satisfaction
		if bad != "" && !errors.Is(s.UnmarshalText([]byte(bad)), scoring.ErrInvalid) {
			t.Errorf("UnmarshalText(%q) does not wrap ErrInvalid", bad)
		}
	}
}
