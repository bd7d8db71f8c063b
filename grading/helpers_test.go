package grading_test

import (
	"fmt"
	"math/rand/v2"
	"strconv"
	"time"

	"github.com/qingdan/qingdan/scoring/reason"
	"github.com/shopspring/decimal"

	"github.com/qingdan/qingdan/grading"
	"github.com/qingdan/qingdan/matters"
	"github.com/qingdan/qingdan/matters/workday"
	"github.com/qingdan/qingdan/scoring"
)

// catalog is an unversioned governance matter list with one route.
func catalog() *matters.Catalog {
	return &matters.Catalog{Directory: &matters.Directory{Routes: []matters.Route{
		{Type: "占道经营", Lead: "D1", Respond: 4 * time.Hour, ResolveDays: 3},
	}}}
}

// evaluator grades on the citizen's answer, so that an amendment shows:
// "bad" when not satisfied, "ok" otherwise; "none" (the zero Result) for a
// subject named "Z", and a refusal for one named "R".
var evaluator = scoring.EvaluatorFunc(func(f scoring.Facts) (scoring.Result, error) {
	switch {
	case f.Subject == "Z":
		return scoring.Result{}, nil
	case f.Subject == "R":
		return scoring.Result{}, fmt.Errorf("%w: R is refused", scoring.ErrRefused)
	case f.Satisfied != nil && !*f.Satisfied:
		return scoring.Result{Grade: "bad", Points: decimal.NewFromInt(40), Policy: "test-1", Reasons: reason.Texts("not satisfied")}, nil
	}
	return scoring.Result{Grade: "ok", Points: decimal.NewFromInt(100), Policy: "test-1", Reasons: reason.Texts("satisfied or not asked")}, nil
})

// judge notes how far the matter it is given goes, and the stage.
func judge(m *matters.Matter, f *scoring.Facts) error {
	f.Attrs = map[string]string{"events": strconv.Itoa(len(m.Events))}
	f.Quality = 5
	return nil
}

func grader() grading.Grader {
	return grading.New(grading.Config{Catalog: catalog(), Evaluator: evaluator, Judge: judge})
}

var cal = workday.China()

// hour returns the instant h working-clock hours after 08:00 on Monday
// 1 June 2020 in China Standard Time.
func hour(h int) time.Time {
	return time.Date(2020, 6, 1, 8, 0, 0, 0, workday.CST()).Add(time.Duration(h) * time.Hour)
}

// ev is an event of matter "M", numbered in build.
func ev(k matters.Kind, actor string, units ...string) matters.Event {
	return matters.Event{Kind: k, Actor: actor, Units: units}
}

func answer(actor string, ok bool) matters.Event {
	return matters.Event{Kind: matters.Feedback, Actor: actor, Satisfied: &ok}
}

// build numbers events, an hour apart, and replays them.
func build(evs ...matters.Event) *matters.Matter {
	for i := range evs {
		evs[i].Matter, evs[i].Seq = "M", i+1
		if evs[i].At.IsZero() {
			evs[i].At = hour(i)
		}
		if evs[i].Kind == matters.Report && evs[i].Type == "" {
			evs[i].Type = "占道经营"
		}
	}
	m, err := matters.Replay(evs)
	if err != nil {
		panic(err)
	}
	return m
}

// randomMatter walks the lifecycle at random from r: at each step it tries
// a few events drawn from the units, keeping the first the matter accepts.
// Every history it returns is valid.
func randomMatter(r *rand.Rand, steps int) *matters.Matter {
	units := []string{"S1", "H", "D1", "D2", "D3", "Z", "X"}
	pick := func() string { return units[r.IntN(len(units))] }
	m := &matters.Matter{}
	report := matters.Event{Matter: "M", Seq: 1, Kind: matters.Report, Actor: "S1", Type: "占道经营", At: hour(0)}
	if r.IntN(2) == 0 {
		report.Actor, report.Units = "H", []string{"S1"}
	}
	if err := m.Apply(report); err != nil {
		panic(err)
	}
	at := hour(0)
	// The kinds that move a matter on come more often than the others.
	kinds := []matters.Kind{matters.Whistle, matters.Dispatch, matters.Accept, matters.Accept, matters.Progress, matters.Progress,
		matters.Resolve, matters.Resolve, matters.Resolve, matters.Close, matters.Close, matters.Close, matters.Close, matters.Feedback, matters.Feedback, matters.Feedback,
		matters.Reopen, matters.Return, matters.Suspend, matters.Resume, matters.Approve, matters.Deny, matters.Extend,
		matters.Urge, matters.Supervise, matters.Reply}
	for range steps {
		at = at.Add(time.Duration(r.IntN(30)) * time.Hour)
		for range 30 {
			// Each event's own note: a book refuses an amendment identical to
			// one it holds, as answers flipped back and forth at one instant
			// with one reason would give.
			e := matters.Event{Matter: "M", Seq: len(m.Events) + 1, At: at, Kind: kinds[r.IntN(len(kinds))], Actor: pick()}
			e.Note = "n" + strconv.Itoa(e.Seq)
			switch e.Kind {
			case matters.Dispatch:
				n := 1 + r.IntN(3)
				for range n {
					e.Units = append(e.Units, pick())
				}
			case matters.Approve, matters.Deny:
				e.Ref = m.Pending.Seq
			case matters.Extend:
				e.Days = 1 + r.IntN(3)
			case matters.Feedback:
				ok := r.IntN(2) == 0
				e.Satisfied = &ok
				for i := len(m.Events) - 1; i >= 0; i-- {
					if k := m.Events[i].Kind; k == matters.Reopen {
						break
					} else if k == matters.Feedback {
						e.Ref = m.Events[i].Seq
						break
					}
				}
			}
			if m.Apply(e) == nil {
				break
			}
		}
	}
	return m
}
