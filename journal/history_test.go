package journal_test

import (
	"bytes"
	"fmt"
	"math/rand"
	"sort"
	"testing"
	"time"

	"github.com/qingdan/qingdan/journal"
	"github.com/qingdan/qingdan/matters"
	"github.com/qingdan/qingdan/scoring"
	"github.com/qingdan/qingdan/scoring/reason"
	"github.com/shopspring/decimal"
)

// cst is China Standard Time; histories are generated in it so that the
// journal's conversion to UTC is exercised.
var cst = time.FixedZone("CST", 8*3600)

// step is one thing a host journals: exactly one of its fields is set.
type step struct {
	event      *matters.Event
	evaluation *scoring.Evaluation
	amendment  *scoring.Amendment
}

func (s step) at() time.Time {
	switch {
	case s.event != nil:
		return s.event.At
	case s.evaluation != nil:
		return s.evaluation.At
	default:
		return s.amendment.At
	}
}

// history generates a seeded, realistic history of n matters: their
// lifecycles through the whistle, evaluations at each stage and at the end,
// and some amendments, interleaved in time order as a host journals them.
func history(seed int64, n int, year int) []step {
	rng := rand.New(rand.NewSource(seed))
	subdistricts := []string{"JJ-01", "JJ-02", "JJ-03"}
	departments := []string{"城管局", "市场监管局", "住建局", "生态环境局", "水务局", "公安分局"}
	types := []string{"占道经营", "违法建设", "噪声扰民", "下水道堵塞", "垃圾清运"}
	grades := []struct {
		code   string
		points string
	}{{"excellent", "100"}, {"good", "85"}, {"fair", "70"}, {"poor", "40"}, {"good", "92.5"}}
	var steps []step
	for i := 0; i < n; i++ {
		id := fmt.Sprintf("WH-%d-%05d", year, i+1)
		owner := subdistricts[rng.Intn(len(subdistricts))]
		at := time.Date(year, time.January, 1, 8, 0, 0, 0, cst).
			Add(time.Duration(rng.Int63n(int64(360 * 24 * time.Hour))))
		seq := 0
		var evs []step
		add := func(k matters.Kind, actor string, f func(*matters.Event)) {
			seq++
			at = at.Add(time.Duration(rng.Int63n(int64(30*time.Hour))) + time.Duration(rng.Intn(1e9)))
			e := matters.Event{Matter: id, Seq: seq, At: at, Kind: k, Actor: actor}
			if f != nil {
				f(&e)
			}
			evs = append(evs, step{event: &e})
		}
		stage := 0
		grade := func(subject string, final bool) {
			stage++
			g := grades[rng.Intn(len(grades))]
			e := scoring.Evaluation{
				Matter: id, Subject: subject, Evaluator: owner, Stage: stage,
				At: at.Add(time.Duration(rng.Intn(3600)) * time.Second),
				Result: scoring.Result{
					Grade: g.code, Points: decimal.RequireFromString(g.points), Policy: "default/2020",
					Reasons: reason.Texts(fmt.Sprintf("final=%v", final), "<响应及时> & 处置到位"),
				},
			}
			evs = append(evs, step{evaluation: &e})
			if rng.Intn(8) == 0 {
				a := scoring.Amendment{Evaluation: e, Author: "街道党工委", Reason: "复核后更正等次"}
				a.At = e.At.Add(72 * time.Hour)
				a.Result.Grade, a.Result.Points = "fair", decimal.RequireFromString("70")
				evs = append(evs, step{amendment: &a})
			}
		}
		reporter := owner
		var units []string
		if rng.Intn(4) == 0 {
			reporter, units = "91580", []string{owner}
		}
		add(matters.Report, reporter, func(e *matters.Event) {
			e.Type, e.Units = types[rng.Intn(len(types))], units
			e.Note = "群众反映：" + e.Type
		})
		if rng.Intn(10) == 0 {
			add(matters.Close, owner, func(e *matters.Event) { e.Note = "街道自行处置" })
			steps = append(steps, evs...)
			continue
		}
		add(matters.Whistle, owner, nil)
		perm := rng.Perm(len(departments))
		lead := departments[perm[0]]
		dispatched := []string{lead}
		for _, p := range perm[1 : 1+rng.Intn(3)] {
			dispatched = append(dispatched, departments[p])
		}
		add(matters.Dispatch, owner, func(e *matters.Event) { e.Units = dispatched })
		if rng.Intn(6) == 0 {
			add(matters.Return, lead, func(e *matters.Event) { e.Note = "不属于本部门职责" })
			ret := seq
			add(matters.Approve, owner, func(e *matters.Event) { e.Ref, e.Note = ret, "同意退单" })
			lead = departments[perm[len(perm)-1]]
			dispatched = []string{lead}
			add(matters.Dispatch, owner, func(e *matters.Event) { e.Units = dispatched })
		}
		for _, u := range dispatched {
			add(matters.Accept, u, nil)
		}
		if rng.Intn(5) == 0 {
			add(matters.Suspend, owner, func(e *matters.Event) { e.Note = "等待汛期结束" })
			req := seq
			add(matters.Approve, reporter, func(e *matters.Event) { e.Ref, e.Note = req, "同意挂起" }) // the owner's own request: the platform decides, if any
			add(matters.Resume, lead, nil)
		}
		for k := rng.Intn(3); k > 0; k-- {
			add(matters.Progress, dispatched[rng.Intn(len(dispatched))], nil)
			grade(lead, false)
		}
		if rng.Intn(5) == 0 {
			steps = append(steps, evs...)
			continue
		}
		add(matters.Resolve, lead, nil)
		if rng.Intn(7) == 0 {
			add(matters.Reopen, owner, nil)
			add(matters.Resolve, lead, nil)
		}
		grade(lead, true)
		if rng.Intn(3) > 0 {
			yes := rng.Intn(10) > 0
			add(matters.Feedback, reporter, func(e *matters.Event) { e.Satisfied = &yes }) // the hotline asks about what it reported
		}
		if rng.Intn(2) == 0 {
			add(matters.Close, owner, nil)
		}
		steps = append(steps, evs...)
	}
	sort.SliceStable(steps, func(i, j int) bool { return steps[i].at().Before(steps[j].at()) })
	return steps
}

// write journals steps and returns the journal.
func write(t testing.TB, steps []step) []byte {
	t.Helper()
	var buf bytes.Buffer
	w := journal.NewWriter(&buf, nil)
	for i, s := range steps {
		if err := appendStep(w, s); err != nil {
			t.Fatalf("step %d: %v", i, err)
		}
	}
	return buf.Bytes()
}

func appendStep(w *journal.Writer, s step) error {
	var err error
	switch {
	case s.event != nil:
		_, err = w.AppendEvent(*s.event)
	case s.evaluation != nil:
		_, err = w.AppendEvaluation(*s.evaluation)
	default:
		_, err = w.AppendAmendment(*s.amendment)
	}
	return err
}

// lines splits a journal into its lines, each with its line feed.
func lines(b []byte) [][]byte {
	var out [][]byte
	for len(b) > 0 {
		i := bytes.IndexByte(b, '\n')
		if i < 0 {
			out = append(out, b)
			break
		}
		out = append(out, b[:i+1])
		b = b[i+1:]
	}
	return out
}

func join(ls [][]byte) []byte { return bytes.Join(ls, nil) }

// eventJournal returns a journal of n simple events of one matter.
func eventJournal(t testing.TB, n int) []byte {
	t.Helper()
	return eventJournalNoted(t, n, "第%d次进展")
}

// eventJournalNoted returns a journal of n events noted by format and their seq.
func eventJournalNoted(t testing.TB, n int, format string) []byte {
	t.Helper()
	var buf bytes.Buffer
	w := journal.NewWriter(&buf, nil)
	at := time.Date(2020, 6, 1, 9, 0, 0, 0, cst)
	for i := 1; i <= n; i++ {
		e := matters.Event{Matter: "WH-1", Seq: i, At: at.Add(time.Duration(i) * time.Minute), Kind: matters.Progress, Actor: "城管局", Note: fmt.Sprintf(format, i)}
		if _, err := w.AppendEvent(e); err != nil {
			t.Fatal(err)
		}
	}
	return buf.Bytes()
}
