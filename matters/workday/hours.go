package workday

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/qingdan/qingdan/internal/errtext"
)

// ErrHours reports invalid working hours: a span outside the day, an empty
// or reversed span, or spans out of order or overlapping.
var ErrHours = errors.New("workday: invalid working hours")

// fullDay is the default working hours: the whole day.
var fullDay = Span{Start: 0, End: 24 * time.Hour}

// Span is one stretch of working hours within a day, [Start, End), as
// offsets from midnight China Standard Time: Span{8*time.Hour + 30*time.Minute,
// 12 * time.Hour} is 08:30–12:00. End may be 24h (midnight ending the day).
// The zero Span is empty and is rejected by [New].
//
// A Span marshals as text (and so as a JSON string) in the form
// "08:30-12:00"; seconds and fractions of a second are written only when
// present ("08:30:15-12:00", "08:00:00.5-09:00"), so every Span inside a
// day round-trips exactly.
type Span struct {
	Start time.Duration
	End   time.Duration
}

// ParseSpan parses a span written "HH:MM-HH:MM" (seconds "HH:MM:SS" and a
// fraction "HH:MM:SS.fffffffff" are accepted too), with 24:00 allowed as an
// end. It checks the form and that each clock time lies within the day; it
// does not check that Start is before End (New does, with the other spans).
func ParseSpan(s string) (Span, error) {
	a, b, ok := strings.Cut(s, "-")
	if !ok {
		return Span{}, fmt.Errorf("%w: span %s: want HH:MM-HH:MM", ErrHours, errtext.Quote(s))
	}
	start, err := parseClock(a)
	if err != nil {
		return Span{}, fmt.Errorf("%w: span %s: start: %v", ErrHours, errtext.Quote(s), err)
	}
	end, err := parseClock(b)
	if err != nil {
		return Span{}, fmt.Errorf("%w: span %s: end: %v", ErrHours, errtext.Quote(s), err)
	}
	return Span{Start: start, End: end}, nil
}

// String returns the span as "08:30-12:00", or with its raw durations when
// a bound lies outside the day.
func (s Span) String() string {
	if !inDay(s.Start) || !inDay(s.End) {
		return fmt.Sprintf("[%v, %v)", s.Start, s.End)
	}
	return formatClock(s.Start) + "-" + formatClock(s.End)
}

// MarshalText encodes the span as "08:30-12:00". A bound outside the day is
// an error.
func (s Span) MarshalText() ([]byte, error) {
	if !inDay(s.Start) || !inDay(s.End) {
		return nil, fmt.Errorf("%w: span %v: bound outside 00:00–24:00", ErrHours, s)
	}
	return []byte(s.String()), nil
}

// UnmarshalText decodes a span written as [ParseSpan] accepts.
func (s *Span) UnmarshalText(text []byte) error {
	v, err := ParseSpan(string(text))
	if err != nil {
		return err
	}
	*s = v
	return nil
}

func inDay(d time.Duration) bool { return d >= 0 && d <= 24*time.Hour }

// formatClock writes an offset within [0, 24h] as HH:MM[:SS[.fffffffff]].
func formatClock(d time.Duration) string {
	h := d / time.Hour
	m := d % time.Hour / time.Minute
	sec := d % time.Minute / time.Second
	ns := d % time.Second
	out := fmt.Sprintf("%02d:%02d", h, m)
	if sec != 0 || ns != 0 {
		out += fmt.Sprintf(":%02d", sec)
	}
	if ns != 0 {
		out += strings.TrimRight(fmt.Sprintf(".%09d", ns), "0")
	}
	return out
}

// parseClock reads HH:MM, HH:MM:SS or HH:MM:SS.f… (1–9 digits of fraction).
func parseClock(s string) (time.Duration, error) {
	fields := strings.Split(s, ":")
	if len(fields) != 2 && len(fields) != 3 {
		return 0, fmt.Errorf("clock %s: want HH:MM or HH:MM:SS", errtext.Quote(s))
	}
	h, err := twoDigits(fields[0], 24)
	if err != nil {
		return 0, fmt.Errorf("clock %s: hour: %v", errtext.Quote(s), err)
	}
	m, err := twoDigits(fields[1], 59)
	if err != nil {
		return 0, fmt.Errorf("clock %s: minute: %v", errtext.Quote(s), err)
	}
	d := time.Duration(h)*time.Hour + time.Duration(m)*time.Minute
	if len(fields) == 3 {
		secs, frac, hasFrac := strings.Cut(fields[2], ".")
		sec, err := twoDigits(secs, 59)
		if err != nil {
			return 0, fmt.Errorf("clock %s: second: %v", errtext.Quote(s), err)
		}
		d += time.Duration(sec) * time.Second
		if hasFrac {
			if len(frac) == 0 || len(frac) > 9 || strings.Trim(frac, "0123456789") != "" {
				return 0, fmt.Errorf("clock %s: fraction: want 1 to 9 digits", errtext.Quote(s))
			}
			ns, _ := strconv.Atoi(frac + strings.Repeat("0", 9-len(frac)))
			d += time.Duration(ns)
		}
	}
	if d > 24*time.Hour {
		return 0, fmt.Errorf("clock %s: after 24:00", errtext.Quote(s))
	}
	return d, nil
}

func twoDigits(s string, max int) (int, error) {
	if len(s) != 2 || s[0] < '0' || s[0] > '9' || s[1] < '0' || s[1] > '9' {
		return 0, fmt.Errorf("%s: want two digits", errtext.Quote(s))
	}
	n := int(s[0]-'0')*10 + int(s[1]-'0')
	if n > max {
		return 0, fmt.Errorf("%s: more than %d", errtext.Quote(s), max)
	}
	return n, nil
}

// checkHours returns every problem of a set of working hours.
func checkHours(spans []Span) []error {
	var errs []error
	for i, s := range spans {
		switch {
		case !inDay(s.Start) || !inDay(s.End):
			errs = append(errs, fmt.Errorf("%w: hours[%d] %v: outside 00:00–24:00", ErrHours, i, s))
		case s.Start >= s.End:
			errs = append(errs, fmt.Errorf("%w: hours[%d] %v: ends before it starts or is empty", ErrHours, i, s))
		}
		if i > 0 && s.Start < spans[i-1].End {
			errs = append(errs, fmt.Errorf("%w: hours[%d] %v: starts before hours[%d] %v ends (spans must be in order and must not overlap)",
				ErrHours, i, s, i-1, spans[i-1]))
		}
	}
	return errs
}
