package workday

import (
	"encoding/json"
	"errors"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// FuzzParseSchedules: no input panics; what is accepted validates, and
// survives a JSON round trip and New.
func FuzzParseSchedules(f *testing.F) {
	f.Add(chinaJSON)
	f.Add([]byte(`{"year":2028,"notice":"n","holidays":["2027-12-31/2028-01-02"],"workdays":["2028-01-22"]}`))
	f.Add([]byte(`[{"year":2028,"notice":"n","holidays":["2028-01-02/2027-12-31"]},{"year":2028}]`))
	f.Add([]byte(`{"year":1949,"notice":"n","holidays":["1948-12-01/1949-12-31"]}`))
	f.Add([]byte(`null`))
	f.Fuzz(func(t *testing.T, data []byte) {
		ss, err := ParseSchedules(data)
		if err != nil {
			if !errors.Is(err, ErrSchedule) {
				t.Fatalf("error %v does not wrap ErrSchedule", err)
			}
			return
		}
		for _, s := range ss {
			if err := s.Validate(); err != nil {
				t.Fatalf("accepted schedule %d does not validate: %v", s.Year, err)
			}
		}
		out, err := json.Marshal(ss)
		if err != nil {
			t.Fatal(err)
		}
		again, err := ParseSchedules(out)
		if err != nil {
			t.Fatalf("re-parsing %s: %v", out, err)
		}
		if diff := cmp.Diff(ss, again); diff != "" {
			t.Fatalf("round trip mismatch (-want +got):\n%s", diff)
		}
		c, err := New(WithoutChina(), WithSchedules(ss...))
		if err != nil {
			return // years not consecutive
		}
		first, _ := c.Years()
		if _, err := c.IsWorkday(time.Date(first, 1, 1, 12, 0, 0, 0, CST())); err != nil {
			t.Fatalf("IsWorkday on the first covered day: %v", err)
		}
	})
}

// FuzzHours: no pair of spans panics New; what is accepted has the day
// its spans add up to.
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
		c, err := New(WithHours(spans...))
		if err != nil {
			return
		}
		var sum time.Duration
		for _, s := range spans {
			sum += s.End - s.Start
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

// FuzzBetweenAddDays: no instants and no count panic; the answers keep the
// documented relations.
func FuzzBetweenAddDays(f *testing.F) {
	f.Add(int64(1771000000), int64(0), int64(1772000000), int64(5), 3, false)
	f.Add(int64(0), int64(0), int64(-62135596800), int64(0), -1, true)
	f.Add(int64(1830268800), int64(0), int64(1546272000), int64(999999999), 1<<62, true)
	f.Add(int64(-1<<62), int64(-1), int64(1<<62), int64(1<<40), -1<<62, false)
	office := office(f)
	f.Fuzz(func(t *testing.T, fromSec, fromNs, toSec, toNs int64, n int, useOffice bool) {
		c := China()
		if useOffice {
			c = office
		}
		from, to := time.Unix(fromSec, fromNs), time.Unix(toSec, toNs)
		w, err := c.Between(from, to)
		if err == nil {
			back, err := c.Between(to, from)
			if err != nil || back != -w {
				t.Fatalf("Between(to, from) = %v, %v; want %v", back, err, -w)
			}
		} else if !errors.Is(err, ErrOutOfRange) {
			t.Fatalf("Between error %v does not wrap ErrOutOfRange", err)
		}
		if _, err := c.IsWorkday(from); err != nil && !errors.Is(err, ErrOutOfRange) {
			t.Fatalf("IsWorkday error %v does not wrap ErrOutOfRange", err)
		}
		got, err := c.AddDays(from, n)
		if err != nil {
			if !errors.Is(err, ErrOutOfRange) {
				t.Fatalf("AddDays error %v does not wrap ErrOutOfRange", err)
			}
			return
		}
		if w, err := c.Between(from, got); err != nil || w != time.Duration(n)*c.Day() {
			t.Fatalf("Between(from, AddDays(from, %d)) = %v, %v; want %v", n, w, err, time.Duration(n)*c.Day())
		}
	})
}

// FuzzCalendarJSON: no input panics UnmarshalJSON; a calendar it accepts
// encodes back to the same data.
func FuzzCalendarJSON(f *testing.F) {
	seed, err := json.Marshal(office(f))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(seed)
	f.Add([]byte(`{"hours":["09:00-17:00"],"schedules":[{"year":2030,"notice":"n","holidays":["2030-10-01/2030-10-07"],"workdays":["2030-09-29"]}]}`))
	f.Add([]byte(`{"hours":[],"schedules":[]}`))
	f.Add([]byte(`{"hours":["17:00-09:00"],"schedules":[{"year":3000}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		var c Calendar
		if err := json.Unmarshal(data, &c); err != nil {
			return
		}
		out, err := json.Marshal(&c)
		if err != nil {
			t.Fatalf("encoding an accepted calendar: %v", err)
		}
		var again Calendar
		if err := json.Unmarshal(out, &again); err != nil {
			t.Fatalf("decoding %s: %v", out, err)
		}
		if diff := cmp.Diff(c.Schedules(), again.Schedules()); diff != "" {
			t.Fatalf("schedules mismatch (-want +got):\n%s", diff)
		}
		if diff := cmp.Diff(c.Hours(), again.Hours()); diff != "" {
			t.Fatalf("hours mismatch (-want +got):\n%s", diff)
		}
	})
}
