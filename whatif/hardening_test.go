package whatif_test

// Hardening: every exported function and method of package whatif, called
// with empty and hostile books, facts, journals and matters, returns an
// error or a sound result and never panics. TestHardeningCoversEverything
// keeps the rows complete.

import (
	"bytes"
	"fmt"
	"math"
	"testing"
	"time"

	"github.com/qingdan/qingdan/internal/hardening"
	"github.com/qingdan/qingdan/journal"
	"github.com/qingdan/qingdan/locality/wuhu"
	"github.com/qingdan/qingdan/matters"
	"github.com/qingdan/qingdan/matters/workday"
	"github.com/qingdan/qingdan/scoring"
	"github.com/qingdan/qingdan/whatif"
)

func TestHardening(t *testing.T) { hardening.Run(t, hardeningRows(t)) }

func TestHardeningCoversEverything(t *testing.T) { hardening.Covered(t, ".", hardeningRows(t)) }

// hostileFacts are facts a host might pass: none, empty ones, hostile
// names and figures, and facts of evaluations no book holds.
func hostileFacts() [][]scoring.Facts {
	return [][]scoring.Facts{nil, {{}}, {{Matter: hardening.BadUTF8, Subject: hardening.Huge, Evaluator: "s", Stage: -1,
		Response: -time.Hour, ResponseLimit: -1, Quality: 99}}, {{Matter: "M0", Subject: "unit0", Evaluator: "s", Stage: min(math.MaxInt, 1<<40), Final: true}}}
}

func hardeningRows(t *testing.T) []hardening.Row {
	book, facts := whatIfYear(t, 5)
	y := journalYear(t, 3)
	return []hardening.Row{
		{Name: "whatif.Regrade", Run: func(c *hardening.Caller) {
			for i, b := range []*scoring.Book{{}, scoring.NewBook(nil), book} {
				for j, fs := range append(hostileFacts(), facts) {
					for k, e := range []scoring.Evaluator{scoring.First(), wuhu.Table(), &scoring.Table{}} {
						for _, p := range []scoring.Period{{}, scoring.Year(2026)} {
							desc := fmt.Sprintf("Regrade(book %d, facts %d, evaluator %d, period)", i, j, k)
							c.Call(desc, func() {
								w, err := whatif.Regrade(b, fs, e, p)
								if err == nil && (w.Book == nil || w.Book.Len() != b.Len()) {
									c.Fail(desc, "a what-if book of %d evaluations for %d recorded", w.Book.Len(), b.Len())
								}
							})
						}
					}
				}
			}
		}},
		{Name: "whatif.RegradeJournal", Run: func(c *hardening.Caller) {
			_, strict := journalTables()
			inputs := append(append([][]byte{}, hardening.JSONInputs...), y.log, y.log[:len(y.log)/2], bytes.Repeat([]byte("\n"), 10))
			for i, in := range inputs {
				for j, opts := range []*journal.Options{nil, {MaxLine: 10}, {MaxLine: -1, Workers: 3}} {
					desc := fmt.Sprintf("RegradeJournal(input %d, options %d, …)", i, j)
					c.Call(desc, func() {
						w, err := whatif.RegradeJournal(bytes.NewReader(in), opts, y.source(), strict, scoring.Year(2026))
						if err == nil && w.Book == nil {
							c.Fail(desc, "no what-if book and no error")
						}
					})
				}
			}
		}},
		{Name: "whatif.FactsFor", Run: func(c *hardening.Caller) {
			src := whatif.FactsFor(workday.China(), routeOf)
			for i, m := range []*matters.Matter{{}, {ID: hardening.BadUTF8, Type: "噪音"}, {Type: "噪音", Events: []matters.Event{{}}}} {
				for j, ev := range []scoring.Evaluation{{}, {Matter: hardening.Huge, Subject: hardening.BadUTF8, Stage: -1}} {
					c.Call(fmt.Sprintf("FactsFor(China, routes)(matter %d, evaluation %d)", i, j), func() { _, _ = src(m, ev) })
				}
			}
		}},
		{Name: "whatif.Recorded", Run: func(c *hardening.Caller) {
			for i, ev := range []scoring.Evaluation{{}, {Matter: hardening.BadUTF8, Facts: &scoring.Facts{}}, {Matter: hardening.Huge, Stage: -1, Facts: &hostileFacts()[2][0]}} {
				for j, m := range []*matters.Matter{nil, {}} {
					desc := fmt.Sprintf("Recorded(matter %d, evaluation %d)", j, i)
					c.Call(desc, func() {
						f, err := whatif.Recorded(m, ev)
						if err == nil && ev.Facts == nil || err != nil && ev.Facts != nil {
							c.Fail(desc, "facts %+v, error %v", f, err)
						}
					})
				}
			}
		}},
		hardening.UnmarshalRow[whatif.Report]("whatif.Report"),
	}
}
