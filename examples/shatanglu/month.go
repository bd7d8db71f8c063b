package main

import (
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/qingdan/qingdan/matters/workday"
	"github.com/qingdan/qingdan/scoring"
)

// member is one member of a dispatched agency's staff.
type member struct {
	ID   string `json:"id"`
	Name string `json:"name"`
	Unit string `json:"unit"` // the agency's unit ID
	Post string `json:"post"` // post category, a key of PostEvaluator.Posts
}

// postWork describes the tasks of one post category: their types and the
// limits to respond and to resolve.
type postWork struct {
	types            []string
	respond, resolve time.Duration
}

var work = map[string]postWork{
	"执法岗":   {[]string{"违法建设巡查", "占道经营", "油烟扰民", "违规户外广告"}, 2 * time.Hour, 72 * time.Hour},
	"监管岗":   {[]string{"食品安全检查", "无照经营", "价格投诉", "餐饮油烟监管"}, 4 * time.Hour, 120 * time.Hour},
	"法律服务岗": {[]string{"矛盾纠纷调解", "法律咨询", "社区矫正走访", "拆违政策解释"}, 24 * time.Hour, 240 * time.Hour},
	"警务岗":   {[]string{"110警情处置", "治安巡逻", "邻里纠纷", "拆违执法保障"}, 30 * time.Minute, 24 * time.Hour},
}

// task is one piece of work a staff member did on a working day, with the
// facts the sub-district grades.
type task struct {
	at    time.Time // evaluated at the end of the working day
	facts scoring.Facts
}

// workdays returns the working days of the month by the calendar, at
// midnight China Standard Time.
func workdays(cal *workday.Calendar, year int, month time.Month) ([]time.Time, error) {
	var out []time.Time
	for d := time.Date(year, month, 1, 0, 0, 0, 0, workday.CST()); d.Month() == month; d = d.AddDate(0, 0, 1) {
		ok, err := cal.IsWorkday(d)
		if err != nil {
			return nil, err
		}
		if ok {
			out = append(out, d)
		}
	}
	return out, nil
}

// simulate makes a month of tasks for the staff: on each working day each
// member does zero to two tasks. It is seeded by the month, so a month's
// tasks are the same on every run of the same staff in the same order (it
// draws member by member: another order draws another month). Each member has a steady pace, so some
// are reliably faster than others.
func simulate(days []time.Time, staff []member) []task {
	if len(days) == 0 {
		return nil
	}
	seed := uint64(days[0].Year()*100 + int(days[0].Month()))
	rng := rand.New(rand.NewPCG(seed, 2020))
	// pace is the share of a limit, in thousandths, that a member
	// typically takes. Integers only, so that every platform draws the
	// same month.
	pace := make([]int64, len(staff))
	for i := range staff {
		pace[i] = 450 + rng.Int64N(600)
	}
	var out []task
	n := 0
	for _, d := range days {
		for i, m := range staff {
			w, ok := work[m.Post]
			if !ok {
				continue
			}
			for range []int{0, 1, 1, 2}[rng.IntN(4)] {
				n++
				took := func(limit time.Duration) time.Duration {
					minutes := int64(limit/time.Minute) * pace[i] * (500 + rng.Int64N(1000)) / 1_000_000
					return time.Duration(minutes) * time.Minute
				}
				f := scoring.Facts{
					Matter:          fmt.Sprintf("STL-%s-%03d", d.Format("20060102"), n),
					Subject:         m.ID,
					Evaluator:       "STL",
					Type:            w.types[rng.IntN(len(w.types))],
					Final:           true,
					Responded:       true,
					Response:        took(w.respond),
					ResponseLimit:   w.respond,
					Resolved:        rng.IntN(20) > 0,
					ResolutionLimit: w.resolve,
					Quality:         3 + rng.IntN(3),
					Attrs:           map[string]string{PostAttr: m.Post},
				}
				if f.Resolved {
					f.Resolution = took(w.resolve)
				}
				if pace[i] > 900 && f.Quality > 3 {
					f.Quality-- // the slow are also the careless
				}
				if rng.IntN(5) < 3 { // three in five are surveyed
					yes := rng.IntN(100) < 93
					f.Satisfied = &yes
				}
				f.Returned = rng.IntN(60) == 0
				out = append(out, task{at: d.Add(17*time.Hour + 30*time.Minute), facts: f})
			}
		}
	}
	return out
}

// grade evaluates every task with e and records the results in a new book.
func grade(e scoring.Evaluator, tasks []task) (*scoring.Book, error) {
	b := scoring.NewBook(nil)
	for _, t := range tasks {
		r, err := e.Evaluate(t.facts)
		if err != nil {
			return nil, err
		}
		err = b.Record(scoring.Evaluation{
			Matter:    t.facts.Matter,
			Subject:   t.facts.Subject,
			Evaluator: t.facts.Evaluator,
			Stage:     t.facts.Stage,
			At:        t.at,
			Result:    r,
		})
		if err != nil {
			return nil, err
		}
	}
	return b, nil
}
