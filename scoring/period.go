package scoring

import (
	"fmt"
	"time"

	"github.com/qingdan/qingdan/internal/errtext"
	"github.com/qingdan/qingdan/matters/workday"
)

// cst is China Standard Time, in which periods are cut: workday.CST(), the
// library's one copy of the zone.
var cst = workday.CST()

// Period is a half-open span of time [From, To). The zero Period, like any
// Period whose To is not after its From, holds no instant.
type Period struct {
	From time.Time `json:"from"`
	To   time.Time `json:"to"`
}

// Year returns the calendar year y in China Standard Time: the year-end
// composite (综合评分).
func Year(y int) Period {
	from := time.Date(y, time.January, 1, 0, 0, 0, 0, cst)
	return Period{From: from, To: from.AddDate(1, 0, 0)}
}

// Month returns month m of year y in China Standard Time: the monthly
// review (月点评). A month out of 1–12 is normalised as time.Date does.
func Month(y int, m time.Month) Period {
	from := time.Date(y, m, 1, 0, 0, 0, 0, cst)
	return Period{From: from, To: from.AddDate(0, 1, 0)}
}

// Week returns the week of t, Monday 00:00 to the next Monday 00:00 in
// China Standard Time: the weekly dispatch (周调度).
func Week(t time.Time) Period {
	d := Day(t).From
	back := (int(d.Weekday()) + 6) % 7 // days since Monday
	from := d.AddDate(0, 0, -back)
	return Period{From: from, To: from.AddDate(0, 0, 7)}
}

// Day returns the civil day of t in China Standard Time: the daily huddle
// (日碰头).
func Day(t time.Time) Period {
	c := t.In(cst)
	from := time.Date(c.Year(), c.Month(), c.Day(), 0, 0, 0, 0, cst)
	return Period{From: from, To: from.AddDate(0, 0, 1)}
}

// ParsePeriod parses a period written as a host writes one in a query or
// a column, in China Standard Time:
//
//   - "2020": the year ([Year]);
//   - "2020-06": the month ([Month]);
//   - "2020-06-01": the day ([Day]);
//   - "2020-W23": the ISO 8601 week, Monday to Monday ([Week]); week 1
//     is the week with the year's first Thursday, and a year has 52 or
//     53 weeks.
//
// Only these forms are read, exactly: four digits of a year from 0001 to
// 9998 (so that the period ends in a year JSON can write), two-digit
// months, days and weeks that exist, an upper-case W, no white space.
// Anything else is an error wrapping [ErrInvalid] that quotes the input.
func ParsePeriod(s string) (Period, error) {
	bad := func(why string) (Period, error) {
		return Period{}, fmt.Errorf("%w: period %s: %s; want 2020, 2020-06, 2020-06-01 or 2020-W23", ErrInvalid, errtext.Quote(s), why)
	}
	if len(s) > len("2020-06-01") {
		return bad("too long")
	}
	if len(s) < 4 {
		return bad("no year")
	}
	y, ok := digits(s[:4])
	if !ok || y < 1 || y > 9998 {
		return bad("the year is not four digits from 0001 to 9998")
	}
	rest := s[4:]
	switch {
	case rest == "":
		return Year(y), nil
	case len(rest) == 4 && rest[:2] == "-W":
		w, ok := digits(rest[2:])
		if !ok || w < 1 || w > 53 {
			return bad("the week is not two digits from 01 to 53")
		}
		jan4 := time.Date(y, time.January, 4, 0, 0, 0, 0, cst)
		p := Week(jan4.AddDate(0, 0, 7*(w-1)))
		if py, pw := p.From.ISOWeek(); py != y || pw != w {
			return bad(fmt.Sprintf("%d has no week %d", y, w))
		}
		return p, nil
	case len(rest) == 3 && rest[0] == '-', len(rest) == 6 && rest[0] == '-' && rest[3] == '-':
		m, ok := digits(rest[1:3])
		if !ok || m < 1 || m > 12 {
			return bad("the month is not two digits from 01 to 12")
		}
		if len(rest) == 3 {
			return Month(y, time.Month(m)), nil
		}
		d, ok := digits(rest[4:])
		if !ok || d < 1 || d > time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, cst).Day() {
			return bad("no such day")
		}
		return Day(time.Date(y, time.Month(m), d, 0, 0, 0, 0, cst)), nil
	}
	return bad("not a year, month, day or week")
}

// digits returns the number that s, ASCII digits only, writes.
func digits(s string) (int, bool) {
	n := 0
	for i := range len(s) {
		if s[i] < '0' || s[i] > '9' {
			return 0, false
		}
		n = n*10 + int(s[i]-'0')
	}
	return n, s != ""
}
