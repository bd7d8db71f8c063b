package workday

import (
	"math/rand/v2"
	"testing"
	"time"
)

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
