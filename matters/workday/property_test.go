package workday

import (
	"errors"
	"math"
	"math/rand/v2"
	"slices"
	"testing"
	"time"
)

// randomHours returns 1 to 4 spans in order: bounds on the half hour, at
// 00:00 or 24:00, or at any nanosecond, with touching spans allowed.
func randomHours(r *rand.Rand) []Span {
	var bounds []time.Duration
	for range 2 * (1 + r.IntN(4)) {
		switch r.IntN(5) {
		case 0:
			bounds = append(bounds, 0)
		case 1:
			bounds = append(bounds, 24*time.Hour)
		case 2:
			bounds = append(bounds, time.Duration(r.IntN(49))*30*time.Minute)
		default:
			bounds = append(bounds, time.Duration(r.Int64N(int64(24*time.Hour)+1)))
		}
	}
	slices.Sort(bounds)
	var out []Span
	for i := 0; i < len(bounds); i += 2 {
		if bounds[i] < bounds[i+1] {
			out = append(out, Span{Start: bounds[i], End: bounds[i+1]})
		}
	}
	return out
}

// TestPropertiesAnyHours holds calendars of random working hours to what
// the docs promise of every calendar, from instants on a span's bounds
// and a nanosecond either side of them as well as anywhere: AddDays is the
// day-by-day walk, Between(from, AddDays(from, n)) == n × Day(), and
// Between is the day-by-day sum.
func TestPropertiesAnyHours(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	for range 60 {
		hours := randomHours(r)
		c, err := New(Config{Hours: hours})
		if err != nil {
			t.Fatalf("hours %v: %v", hours, err)
		}
		spans := c.Hours()
		for range 150 {
			from := randomInstant(r)
			if r.IntN(2) == 0 {
				y, m, d := from.In(CST()).Date()
				s := spans[r.IntN(len(spans))]
				bound := []time.Duration{s.Start, s.End}[r.IntN(2)] + time.Duration(r.IntN(3)-1)
				from = time.Date(y, m, d, 0, 0, 0, 0, CST()).Add(max(bound, 0))
			}
			n := r.IntN(61) - 30
			got, err := c.AddDays(from, n)
			want, ok := slowAddDays(t, c, from, n)
			switch {
			case !ok && err == nil:
				t.Errorf("hours %v: AddDays(%v, %d) = %v; the walk leaves the data, want ErrOutOfRange", spans, from, n, got)
			case ok && (err != nil || !got.Equal(want)):
				t.Errorf("hours %v: AddDays(%v, %d) = %v, %v; day-by-day walk gives %v", spans, from, n, got, err, want)
			case ok:
				if w, err := c.Between(from, got); err != nil || w != time.Duration(n)*c.Day() {
					t.Errorf("hours %v: Between(%v, AddDays(…, %d)) = %v, %v; want %d × %v", spans, from, n, w, err, n, c.Day())
				}
			}
			to := from.Add(time.Duration(r.Int64N(int64(20 * 24 * time.Hour))))
			if to.After(dataEnd) {
				to = dataEnd
			}
			if w, err := c.Between(from, to); err != nil || w != slowBetween(t, c, from, to) {
				t.Errorf("hours %v: Between(%v, %v) = %v, %v; day-by-day walk gives %v", spans, from, to, w, err, slowBetween(t, c, from, to))
			}
		}
	}
}

// TestNoWorkingDay: a calendar whose one year is all days off has no
// working time; Between is 0 over it and AddDays of any count, however
// large, is ErrOutOfRange at once.
func TestNoWorkingDay(t *testing.T) {
	c, err := New(Config{NoChina: true, Schedules: []Schedule{{Year: 2030, Notice: "test", Holidays: []string{"2030-01-01/2030-12-31"}}}})
	if err != nil {
		t.Fatal(err)
	}
	start, end := time.Date(2030, 1, 1, 0, 0, 0, 0, CST()), time.Date(2031, 1, 1, 0, 0, 0, 0, CST())
	if w, err := c.Between(start, end); err != nil || w != 0 {
		t.Errorf("Between over the year = %v, %v; want 0", w, err)
	}
	at := time.Date(2030, 6, 3, 9, 0, 0, 0, CST()) // a Monday
	if ok, err := c.IsWorkday(at); err != nil || ok {
		t.Errorf("IsWorkday(%v) = %v, %v; want false", at, ok, err)
	}
	for _, n := range []int{0, 1, -1, math.MaxInt, math.MinInt} {
		if got, err := c.AddDays(at, n); !errors.Is(err, ErrOutOfRange) {
			t.Errorf("AddDays(%v, %d) = %v, %v; want ErrOutOfRange", at, n, got, err)
		}
	}
}
