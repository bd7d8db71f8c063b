package workday

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func TestSpanText(t *testing.T) {
	tests := []struct {
		in      string
		want    Span
		wantErr error
	}{
		{"08:30-12:00", Span{Start: 8*time.Hour + 30*time.Minute, End: 12 * time.Hour}, nil},
		{"00:00-24:00", Span{End: 24 * time.Hour}, nil},
		{"08:30:15-12:00", Span{Start: 8*time.Hour + 30*time.Minute + 15*time.Second, End: 12 * time.Hour}, nil},
		{"08:00:00.5-09:00", Span{Start: 8*time.Hour + 500*time.Millisecond, End: 9 * time.Hour}, nil},
		{"08:00:00.000000001-09:00", Span{Start: 8*time.Hour + 1, End: 9 * time.Hour}, nil},
		{"8:30-12:00", Span{}, ErrHours},
		{"08:30", Span{}, ErrHours},
		{"08:60-12:00", Span{}, ErrHours},
		{"24:01-24:00", Span{}, ErrHours},
		{"25:00-26:00", Span{}, ErrHours},
		{"08:00:00.-09:00", Span{}, ErrHours},
		{"08:00:00.1234567890-09:00", Span{}, ErrHours},
		{"08:00-09:00-10:00", Span{}, ErrHours},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := ParseSpan(tt.in)
			if !wantResult(t, fmt.Sprintf("ParseSpan(%q)", tt.in), got, err, tt.want, tt.wantErr) || tt.wantErr != nil {
				return
			}
			text, err := got.MarshalText()
			if err != nil || string(text) != tt.in {
				t.Errorf("MarshalText() = %q, %v; want %q", text, err, tt.in)
			}
		})
	}
	if _, err := (Span{Start: -1}).MarshalText(); !errors.Is(err, ErrHours) {
		t.Errorf("MarshalText of a span outside the day = %v, want ErrHours", err)
	}
}

func TestSpanJSONRoundTrip(t *testing.T) {
	in := append(append([]Span{}, officeHours...), fullDay, Span{Start: 1, End: 24*time.Hour - 1})
	data, err := json.Marshal(in)
	if err != nil {
		t.Fatal(err)
	}
	var got []Span
	if err := json.Unmarshal(data, &got); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(in, got); diff != "" {
		t.Errorf("spans mismatch (-want +got):\n%s", diff)
	}
}

// FuzzHours: no text panics ParseSpan or Span.UnmarshalText, which agree
// (a refused text leaves the span alone), and what they accept writes back
// to itself; no pair of spans panics New; what is accepted has the day its
// spans add up to.
func FuzzHours(f *testing.F) {
	f.Add("08:30-12:00", "14:30-17:30")
	f.Add("00:00-24:00", "")
	f.Add("12:00-08:00", "07:00-09:00")
	f.Add("08:00:00.5-09:00", "09:00-24:00")
	f.Fuzz(func(t *testing.T, a, b string) {
		var spans []Span
		for _, s := range []string{a, b} {
			if s == "" {
				continue
			}
			sp, err := ParseSpan(s)
			u := Span{Start: 7}
			if uerr := u.UnmarshalText([]byte(s)); (uerr == nil) != (err == nil) || err == nil && u != sp || err != nil && u != (Span{Start: 7}) {
				t.Fatalf("ParseSpan(%q) = %v, %v; UnmarshalText gives %v, %v", s, sp, err, u, uerr)
			}
			if err != nil {
				if !errors.Is(err, ErrHours) {
					t.Fatalf("ParseSpan(%q) error %v does not wrap ErrHours", s, err)
				}
				return
			}
			text, err := sp.MarshalText()
			if err != nil {
				t.Fatalf("MarshalText of parsed %q: %v", s, err)
			}
			if back, err := ParseSpan(string(text)); err != nil || back != sp {
				t.Fatalf("span %q → %q → %v, %v", s, text, back, err)
			}
			spans = append(spans, sp)
		}
		c, err := New(Config{Hours: spans})
		if err != nil {
			return
		}
		var sum time.Duration
		for _, s := range spans {
			sum += s.End - s.Start
		}
		if len(spans) == 0 {
			sum = 24 * time.Hour // no hours: the whole day works
		}
		if c.Day() != sum {
			t.Fatalf("Day() = %v, spans add up to %v", c.Day(), sum)
		}
		day := mustDay(t, "2026-03-02", 0, 0)
		if w, err := c.Between(day, day.AddDate(0, 0, 1)); err != nil || w != sum {
			t.Fatalf("Between over a working day = %v, %v; want %v", w, err, sum)
		}
	})
}

// TestHostileTextInErrors: an error repeats at most the start of a long
// input, and says how long it was.
func TestHostileTextInErrors(t *testing.T) {
	long := strings.Repeat("0", 1<<20)
	_, spanErr := ParseSpan(long)
	_, clockErr := ParseSpan("08:00-" + long)
	dateErr := Schedule{Year: 2028, Notice: "n", Holidays: []string{long}}.Validate()
	for name, err := range map[string]error{"span": spanErr, "clock": clockErr, "date": dateErr} {
		if err == nil || len(err.Error()) > 400 || !strings.Contains(err.Error(), "bytes)") {
			t.Errorf("%s: error of %d bytes, want a clipped one: %.400v", name, len(fmt.Sprint(err)), err)
		}
	}
}
