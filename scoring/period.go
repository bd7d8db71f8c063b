package scoring

import (
	"time"

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

// Contains reports whether From ≤ t < To.
func (p Period) Contains(t time.Time) bool { return !t.Before(p.From) && t.Before(p.To) }

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
