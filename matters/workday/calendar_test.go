package workday

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// officeHours is 08:30–12:00 and 14:30–17:30: a working day of 6h30m.
var officeHours = []Span{
	{Start: 8*time.Hour + 30*time.Minute, End: 12 * time.Hour},
	{Start: 14*time.Hour + 30*time.Minute, End: 17*time.Hour + 30*time.Minute},
}

func office(t testing.TB) *Calendar {
	t.Helper()
	c, err := New(Config{Hours: officeHours})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// calendarFor is office(t) if inOffice is set, China() if not.
func calendarFor(t testing.TB, inOffice bool) *Calendar {
	t.Helper()
	if inOffice {
		return office(t)
	}
	return China()
}

// wantResult reports whether call gave got, err as wanted: an error
// wrapping wantErr if that is not nil, else want and no error. If not, it
// says so.
func wantResult[T comparable](t testing.TB, call string, got T, err error, want T, wantErr error) bool {
	t.Helper()
	switch {
	case wantErr != nil && !errors.Is(err, wantErr):
		t.Errorf("%s = %v, %v; want an error wrapping %v", call, got, err, wantErr)
	case wantErr == nil && (err != nil || got != want):
		t.Errorf("%s = %v, %v; want %v", call, got, err, want)
	default:
		return true
	}
	return false
}

func TestDay(t *testing.T) {
	if got := China().Day(); got != 24*time.Hour {
		t.Errorf("China().Day() = %v, want 24h", got)
	}
	if got := office(t).Day(); got != 6*time.Hour+30*time.Minute {
		t.Errorf("office hours Day() = %v, want 6h30m", got)
	}
}

func TestIsWorkday(t *testing.T) {
	west := time.FixedZone("UTC-7", -7*3600)
	tests := []struct {
		name string
		at   time.Time
		want bool
	}{
		{"ordinary Monday", mustDay(t, "2026-03-02", 9, 0), true},
		{"ordinary Saturday", mustDay(t, "2026-03-07", 9, 0), false},
		{"Spring Festival weekday off", mustDay(t, "2026-02-17", 9, 0), false},
		{"make-up Saturday", mustDay(t, "2026-02-14", 9, 0), true},
		{"first second of make-up Saturday, given in UTC", time.Date(2026, 2, 13, 16, 0, 0, 0, time.UTC), true},
		{"last second of the Friday before, given in UTC", time.Date(2026, 2, 13, 15, 59, 59, 0, time.UTC), true},
		{"Sunday in CST while still Saturday in UTC", time.Date(2026, 2, 14, 16, 0, 0, 0, time.UTC), false},
		{"make-up Saturday 10 October, given at UTC−7 on the 9th", time.Date(2026, 10, 9, 17, 0, 0, 0, west), true},
		{"first covered day (a holiday)", mustDay(t, "2019-01-01", 0, 0), false},
		{"last covered day", time.Date(2027, 12, 31, 23, 59, 59, 999999999, CST()), true},
	}
	c := China()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := c.IsWorkday(tt.at)
			if err != nil {
				t.Fatalf("IsWorkday(%v): %v", tt.at, err)
			}
			if got != tt.want {
				t.Errorf("IsWorkday(%v) = %v, want %v", tt.at, got, tt.want)
			}
		})
	}
}

func TestOutOfRange(t *testing.T) {
	tests := []struct {
		name string
		at   time.Time
		date string // the date the message must name; "" for the zero time
	}{
		{"zero time", time.Time{}, ""},
		{"last second before the first year", time.Date(2018, 12, 31, 23, 59, 59, 0, CST()), "2018-12-31"},
		{"first second after the last year", time.Date(2028, 1, 1, 0, 0, 1, 0, CST()), "2028-01-01"},
		{"2028 in CST, still 2027 in UTC", time.Date(2027, 12, 31, 16, 0, 1, 0, time.UTC), "2028-01-01"},
		{"far future", time.Date(9999, 1, 1, 0, 0, 0, 0, time.UTC), "9999-01-01"},
		{"far past", time.Date(-5000, 1, 1, 0, 0, 0, 0, time.UTC), ""},
	}
	c := China()
	inRange := mustDay(t, "2026-03-02", 9, 0)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			check := func(what string, err error) {
				t.Helper()
				if !errors.Is(err, ErrOutOfRange) {
					t.Errorf("%s: err = %v, want ErrOutOfRange", what, err)
				} else if tt.date != "" && !strings.Contains(err.Error(), tt.date) {
					t.Errorf("%s: error %q does not name %s", what, err, tt.date)
				}
			}
			_, err := c.IsWorkday(tt.at)
			check("IsWorkday", err)
			_, err = c.Between(inRange, tt.at)
			check("Between(in range, t)", err)
			_, err = c.Between(tt.at, inRange)
			check("Between(t, in range)", err)
			_, err = c.AddDays(tt.at, 1)
			check("AddDays", err)
		})
	}
}

func TestBetween(t *testing.T) {
	h := time.Hour
	tests := []struct {
		name     string
		office   bool // 08:30–12:00 and 14:30–17:30; else the whole day
		from, to time.Time
		want     time.Duration
	}{
		{"same instant", false, mustDay(t, "2026-03-02", 10, 0), mustDay(t, "2026-03-02", 10, 0), 0},
		// Fri 13 Feb 2026 10:00 → Wed 25 Feb 10:00: 14h of Friday, Saturday 14
		// (make-up) whole, 15–23 off, Tuesday 24 whole, 10h of Wednesday.
		{"across the Spring Festival", false, mustDay(t, "2026-02-13", 10, 0), mustDay(t, "2026-02-25", 10, 0), 14*h + 24*h + 24*h + 10*h},
		{"backwards is negative", false, mustDay(t, "2026-02-25", 10, 0), mustDay(t, "2026-02-13", 10, 0), -(14*h + 24*h + 24*h + 10*h)},
		// Fri 18 Sep 12:00 → Mon 12 Oct 12:00: 12h; Sun 20 Sep (make-up); Mon–Thu
		// 21–24; 25–27 Mid-Autumn off; Mon–Wed 28–30; 1–7 Oct off; Thu 8, Fri 9,
		// Sat 10 (make-up); Sun 11 off; 12h of Monday 12.
		{"across Mid-Autumn and National Day", false, mustDay(t, "2026-09-18", 12, 0), mustDay(t, "2026-10-12", 12, 0), 12*h + 24*h + 4*24*h + 3*24*h + 3*24*h + 12*h},
		{"midnight to midnight of a working day", false, mustDay(t, "2026-02-13", 0, 0), mustDay(t, "2026-02-14", 0, 0), 24 * h},
		{"midnight to midnight across days off", false, mustDay(t, "2026-02-15", 0, 0), mustDay(t, "2026-02-24", 0, 0), 0},
		// Sat 14 Feb 23:00 CST (make-up) → Sun 15 Feb 01:00 CST (off), given in UTC.
		{"across midnight into a holiday, in UTC", false, time.Date(2026, 2, 14, 15, 0, 0, 0, time.UTC), time.Date(2026, 2, 14, 17, 0, 0, 0, time.UTC), h},
		{"up to the midnight ending the data", false, mustDay(t, "2027-12-31", 0, 0), mustDay(t, "2028-01-01", 0, 0), 24 * h},
		{"from the first covered instant", false, mustDay(t, "2019-01-01", 0, 0), mustDay(t, "2019-01-03", 0, 0), 24 * h},
		{"office: morning and afternoon", true, mustDay(t, "2026-03-02", 10, 0), mustDay(t, "2026-03-02", 15, 0), 2*h + 30*time.Minute},
		{"office: lunch break", true, mustDay(t, "2026-03-02", 12, 0), mustDay(t, "2026-03-02", 14, 30), 0},
		{"office: inside lunch", true, mustDay(t, "2026-03-02", 12, 30), mustDay(t, "2026-03-02", 13, 0), 0},
		{"office: a whole working day", true, mustDay(t, "2026-03-02", 0, 0), mustDay(t, "2026-03-03", 0, 0), 6*h + 30*time.Minute},
		{"office: evening to morning", true, mustDay(t, "2026-03-02", 18, 0), mustDay(t, "2026-03-03", 8, 0), 0},
		{"office: Sunday to Monday's start", true, mustDay(t, "2026-03-01", 10, 0), mustDay(t, "2026-03-02", 8, 30), 0},
		// Fri 13 Feb 16:00 → Tue 24 Feb 09:00: 1h30 on Friday, 6h30 on the
		// make-up Saturday, 30m on Tuesday.
		{"office: across the Spring Festival", true, mustDay(t, "2026-02-13", 16, 0), mustDay(t, "2026-02-24", 9, 0), 90*time.Minute + 390*time.Minute + 30*time.Minute},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := calendarFor(t, tt.office)
			got, err := c.Between(tt.from, tt.to)
			wantResult(t, fmt.Sprintf("Between(%v, %v)", tt.from, tt.to), got, err, tt.want, nil)
		})
	}
}

func TestAddDays(t *testing.T) {
	tests := []struct {
		name   string
		office bool
		from   time.Time
		n      int
		want   time.Time
	}{
		{"zero days on a working day", false, mustDay(t, "2026-02-13", 10, 0), 0, mustDay(t, "2026-02-13", 10, 0)},
		{"onto a make-up Saturday", false, mustDay(t, "2026-02-13", 10, 0), 1, mustDay(t, "2026-02-14", 10, 0)},
		{"over the Spring Festival", false, mustDay(t, "2026-02-13", 10, 0), 2, mustDay(t, "2026-02-24", 10, 0)},
		{"back over the Spring Festival", false, mustDay(t, "2026-02-24", 10, 0), -1, mustDay(t, "2026-02-14", 10, 0)},
		{"zero days from a holiday: start of the next working day", false, mustDay(t, "2026-02-15", 10, 0), 0, mustDay(t, "2026-02-24", 0, 0)},
		{"one day from a holiday", false, mustDay(t, "2026-02-15", 10, 0), 1, mustDay(t, "2026-02-25", 0, 0)},
		// From Sunday 15 Feb back: the end of Saturday 14 (make-up), then one
		// working day back: the end of Friday 13, which is Saturday's midnight.
		{"one day back from a holiday", false, mustDay(t, "2026-02-15", 10, 0), -1, mustDay(t, "2026-02-14", 0, 0)},
		{"over National Day", false, mustDay(t, "2026-09-30", 9, 0), 1, mustDay(t, "2026-10-08", 9, 0)},
		// Working days after Fri 18 Sep: Sun 20 (make-up), 21–24, 28–30, 8 Oct, 9 Oct.
		{"ten days over National Day with its make-up days", false, mustDay(t, "2026-09-18", 9, 0), 10, mustDay(t, "2026-10-09", 9, 0)},
		{"to the last covered day", false, mustDay(t, "2027-12-30", 9, 0), 1, mustDay(t, "2027-12-31", 9, 0)},
		{"office: from Sunday, counted from Monday 08:30", true, mustDay(t, "2026-03-01", 10, 0), 1, mustDay(t, "2026-03-03", 8, 30)},
		{"office: at lunch keeps the clock", true, mustDay(t, "2026-03-02", 13, 0), 1, mustDay(t, "2026-03-03", 13, 0)},
		{"office: back from Saturday, from Friday 17:30", true, mustDay(t, "2026-03-07", 10, 0), -1, mustDay(t, "2026-03-05", 17, 30)},
		{"office: onto the make-up Saturday", true, mustDay(t, "2026-02-13", 16, 0), 1, mustDay(t, "2026-02-14", 16, 0)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := calendarFor(t, tt.office)
			got, err := c.AddDays(tt.from, tt.n)
			if err != nil {
				t.Fatalf("AddDays: %v", err)
			}
			if !got.Equal(tt.want) || got.Location() != CST() {
				t.Errorf("AddDays(%v, %d) = %v, want %v (in CST)", tt.from, tt.n, got, tt.want)
			}
			w, err := c.Between(tt.from, got)
			if err != nil || w != time.Duration(tt.n)*c.Day() {
				t.Errorf("Between(from, AddDays(from, %d)) = %v, %v; want %v", tt.n, w, err, time.Duration(tt.n)*c.Day())
			}
		})
	}
}

// TestEndOfData: the midnight ending the last year bounds a Between, but
// its date (1 January of the next year) has no data.
func TestEndOfData(t *testing.T) {
	end := time.Date(2028, 1, 1, 0, 0, 0, 0, CST())
	if _, err := China().IsWorkday(end); !errors.Is(err, ErrOutOfRange) {
		t.Errorf("IsWorkday(%v) = %v, want ErrOutOfRange", end, err)
	}
	if _, err := China().AddDays(end, 0); !errors.Is(err, ErrOutOfRange) {
		t.Errorf("AddDays(%v, 0) = %v, want ErrOutOfRange", end, err)
	}
	if got, err := China().Between(end, end); err != nil || got != 0 {
		t.Errorf("Between(end, end) = %v, %v; want 0", got, err)
	}
}

// TestAddDaysOutOfRange: a count that runs past the data is
// ErrOutOfRange, saying how many working days (one day in the singular)
// in which direction from which date, and which edge it crosses.
func TestAddDaysOutOfRange(t *testing.T) {
	const prefix = "workday: date out of range: "
	// The largest and the most negative int: 64 or 32 bits by the platform.
	most, mostBelow := strconv.Itoa(math.MaxInt), strconv.FormatUint(uint64(math.MaxInt)+1, 10)
	tests := []struct {
		name string
		from time.Time
		n    int
		want string
	}{
		{"past the last year", mustDay(t, "2027-12-31", 9, 0), 1, "1 working day after 2027-12-31 (CST) runs past the end of 2027, the edge of the data"},
		{"from the last holiday forward", mustDay(t, "2027-12-26", 9, 0), 5, "5 working days after 2027-12-26 (CST) runs past the end of 2027, the edge of the data"},
		{"before the first year", mustDay(t, "2019-01-02", 9, 0), -1, "1 working day before 2019-01-02 (CST) runs past the start of 2019, the edge of the data"},
		{"back from the first holiday", mustDay(t, "2019-01-01", 9, 0), -1, "1 working day before 2019-01-01 (CST) runs past the start of 2019, the edge of the data"},
		{"huge n", mustDay(t, "2026-03-02", 9, 0), math.MaxInt, most + " working days after 2026-03-02 (CST) runs past the end of 2027, the edge of the data"},
		{"huge negative n", mustDay(t, "2026-03-02", 9, 0), math.MinInt, mostBelow + " working days before 2026-03-02 (CST) runs past the start of 2019, the edge of the data"},
		{"huge n from a holiday", mustDay(t, "2026-02-15", 9, 0), math.MaxInt, most + " working days after 2026-02-15 (CST) runs past the end of 2027, the edge of the data"},
		{"huge negative n from a holiday", mustDay(t, "2026-02-15", 9, 0), math.MinInt, mostBelow + " working days before 2026-02-15 (CST) runs past the start of 2019, the edge of the data"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := China().AddDays(tt.from, tt.n)
			if !errors.Is(err, ErrOutOfRange) {
				t.Fatalf("AddDays(%v, %d) = %v, %v; want ErrOutOfRange", tt.from, tt.n, got, err)
			}
			if diff := cmp.Diff(prefix+tt.want, err.Error()); diff != "" {
				t.Errorf("AddDays(%v, %d) error mismatch (-want +got):\n%s", tt.from, tt.n, diff)
			}
		})
	}
}

func TestZeroCalendar(t *testing.T) {
	at := mustDay(t, "2026-03-02", 9, 0)
	var c Calendar
	if _, err := c.IsWorkday(at); !errors.Is(err, ErrOutOfRange) {
		t.Errorf("IsWorkday: %v, want ErrOutOfRange", err)
	}
	if _, err := c.Between(at, at); !errors.Is(err, ErrOutOfRange) {
		t.Errorf("Between: %v, want ErrOutOfRange", err)
	}
	if _, err := c.AddDays(at, 1); !errors.Is(err, ErrOutOfRange) {
		t.Errorf("AddDays: %v, want ErrOutOfRange", err)
	}
	if d := c.Day(); d != 0 {
		t.Errorf("Day() = %v, want 0", d)
	}
	if f, l := c.Years(); f != 0 || l != 0 {
		t.Errorf("Years() = %d, %d; want 0, 0", f, l)
	}
	if c.Hours() != nil || c.Schedules() != nil {
		t.Errorf("Hours() = %v, Schedules() = %v; want nil", c.Hours(), c.Schedules())
	}
}

var (
	dataStart = time.Date(2019, 1, 1, 0, 0, 0, 0, CST())
	dataEnd   = time.Date(2028, 1, 1, 0, 0, 0, 0, CST())
)

// randomInstant returns an instant within the data, often on a boundary
// that matters: midnight or the edge of a span of office hours.
func randomInstant(r *rand.Rand) time.Time {
	days := int(dataEnd.Sub(dataStart) / (24 * time.Hour))
	day := dataStart.AddDate(0, 0, r.IntN(days))
	switch r.IntN(4) {
	case 0:
		return day
	case 1:
		s := officeHours[r.IntN(len(officeHours))]
		return day.Add([]time.Duration{s.Start, s.End}[r.IntN(2)])
	default:
		return day.Add(time.Duration(r.Int64N(int64(24 * time.Hour))))
	}
}

// slowBetween walks day by day: for each working day, the overlap of
// [from, to) with each span. It is the definition that Between computes
// with prefix sums.
func slowBetween(t *testing.T, c *Calendar, from, to time.Time) time.Duration {
	if to.Before(from) {
		return -slowBetween(t, c, to, from)
	}
	var sum time.Duration
	y, m, d := from.In(CST()).Date()
	for day := time.Date(y, m, d, 0, 0, 0, 0, CST()); day.Before(to); day = day.AddDate(0, 0, 1) {
		ok, err := c.IsWorkday(day)
		if err != nil {
			t.Fatalf("IsWorkday(%v): %v", day, err)
		}
		if !ok {
			continue
		}
		for _, s := range c.Hours() {
			lo, hi := day.Add(s.Start), day.Add(s.End)
			if lo.Before(from) {
				lo = from
			}
			if hi.After(to) {
				hi = to
			}
			if hi.After(lo) {
				sum += hi.Sub(lo)
			}
		}
	}
	return sum
}

func TestBetweenProperties(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for _, c := range []*Calendar{China(), office(t)} {
		for i := 0; i < 300; i++ {
			a, b, x := randomInstant(r), randomInstant(r), randomInstant(r)
			if i%3 != 0 { // mostly short spans; every third anywhere in the data
				b = a.Add(time.Duration(r.Int64N(int64(40 * 24 * time.Hour))))
				if !b.Before(dataEnd) {
					b = dataEnd
				}
			}
			ab, err1 := c.Between(a, b)
			bx, err2 := c.Between(b, x)
			ax, err3 := c.Between(a, x)
			ba, err4 := c.Between(b, a)
			if err1 != nil || err2 != nil || err3 != nil || err4 != nil {
				t.Fatalf("Between errors: %v %v %v %v", err1, err2, err3, err4)
			}
			if ab+bx != ax {
				t.Errorf("Day %v: Between(a,b)+Between(b,x) = %v + %v != Between(a,x) = %v (a=%v b=%v x=%v)", c.Day(), ab, bx, ax, a, b, x)
			}
			if ab != -ba {
				t.Errorf("Between(a,b) = %v but Between(b,a) = %v", ab, ba)
			}
			lo, hi := time.Duration(0), b.Sub(a)
			if hi < 0 {
				lo, hi = hi, 0
			}
			if ab < lo || ab > hi {
				t.Errorf("Between(%v, %v) = %v, outside [%v, %v]", a, b, ab, lo, hi)
			}
			if i%3 != 0 {
				if want := slowBetween(t, c, a, b); ab != want {
					t.Errorf("Day %v: Between(%v, %v) = %v, day-by-day walk gives %v", c.Day(), a, b, ab, want)
				}
			}
		}
	}
}

// slowAddDays walks day by day from from's date, counting working days.
func slowAddDays(t *testing.T, c *Calendar, from time.Time, n int) (time.Time, bool) {
	from = from.In(CST())
	y, m, d := from.Date()
	day := time.Date(y, m, d, 0, 0, 0, 0, CST())
	clock := from.Sub(day)
	isWork := func(d time.Time) (bool, bool) {
		ok, err := c.IsWorkday(d)
		return ok, err == nil
	}
	w, ok := isWork(day)
	if !ok {
		return time.Time{}, false
	}
	hours := c.Hours()
	if !w && n >= 0 {
		clock = hours[0].Start
		for w = false; !w; day = day.AddDate(0, 0, 1) {
			if w, ok = isWork(day); !ok {
				return time.Time{}, false
			}
			if w {
				break
			}
		}
	} else if !w {
		clock = hours[len(hours)-1].End
		for ; !w; day = day.AddDate(0, 0, -1) {
			if w, ok = isWork(day); !ok {
				return time.Time{}, false
			}
			if w {
				break
			}
		}
	}
	step := 1
	if n < 0 {
		step, n = -1, -n
	}
	for n > 0 {
		day = day.AddDate(0, 0, step)
		w, ok := isWork(day)
		if !ok {
			return time.Time{}, false
		}
		if w {
			n--
		}
	}
	return day.Add(clock), true
}

func TestAddDaysProperties(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for _, c := range []*Calendar{China(), office(t)} {
		for i := 0; i < 400; i++ {
			from := randomInstant(r)
			n := r.IntN(601) - 300
			got, err := c.AddDays(from, n)
			want, ok := slowAddDays(t, c, from, n)
			if !ok {
				if err == nil {
					t.Errorf("AddDays(%v, %d) = %v; the walk leaves the data, want ErrOutOfRange", from, n, got)
				}
				continue
			}
			if err != nil || !got.Equal(want) {
				t.Errorf("Day %v: AddDays(%v, %d) = %v, %v; day-by-day walk gives %v", c.Day(), from, n, got, err, want)
				continue
			}
			if w, err := c.Between(from, got); err != nil || w != time.Duration(n)*c.Day() {
				t.Errorf("Between(%v, AddDays(…, %d)) = %v, %v; want %d × %v", from, n, w, err, n, c.Day())
			}
		}
	}
}

// TestConcurrentUse reads one calendar from several goroutines; run with
// -race it shows that a Calendar is safe for concurrent use.
func TestConcurrentUse(t *testing.T) {
	c := China()
	done := make(chan time.Duration)
	for g := 0; g < 4; g++ {
		go func(seed uint64) {
			r := rand.New(rand.NewPCG(seed, seed))
			var sum time.Duration
			for i := 0; i < 200; i++ {
				a, b := randomInstant(r), randomInstant(r)
				w, _ := c.Between(a, b)
				sum += w
				if _, err := c.AddDays(a, 3); err == nil {
					sum++
				}
			}
			done <- sum
		}(uint64(g))
	}
	for g := 0; g < 4; g++ {
		<-done
	}
	if c.Day() != 24*time.Hour {
		t.Errorf("Day() = %v after concurrent use", c.Day())
	}
}

// FuzzBetweenAddDays: no instants and no count panic; the answers keep the
// documented relations.
func FuzzBetweenAddDays(f *testing.F) {
	f.Add(int64(1771000000), int64(0), int64(1772000000), int64(5), 3, false)
	f.Add(int64(0), int64(0), int64(-62135596800), int64(0), -1, true)
	f.Add(int64(1830268800), int64(0), int64(1546272000), int64(999999999), min(math.MaxInt, 1<<62), true)
	f.Add(int64(-1<<62), int64(-1), int64(1<<62), int64(1<<40), max(math.MinInt, -1<<62), false)
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
