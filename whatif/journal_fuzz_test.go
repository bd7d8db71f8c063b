package whatif_test

import (
	"bytes"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/qingdan/qingdan/internal/hardening"
	"github.com/qingdan/qingdan/journal"
	"github.com/qingdan/qingdan/matters"
	"github.com/qingdan/qingdan/scoring"
	"github.com/qingdan/qingdan/whatif"
)

// FuzzRegradeJournal reads journals of any content, which RegradeJournal
// reads twice (with journal.Rebuild, and line by line itself, for where
// each evaluation is): in time linear in the journal, it refuses what
// Rebuild refuses with Rebuild's error, and gives its Source each
// evaluation the rebuilt book holds with its matter as its events stood
// at some point of the journal (those Rebuild gives, up to some event),
// named as the evaluation names it, whether the Source reads the facts
// off the matter or from the decision records.
func FuzzRegradeJournal(f *testing.F) {
	y := journalYear(f, 2)
	ls := bytes.SplitAfter(y.log, []byte("\n"))
	f.Add(y.log, false)
	f.Add(y.log, true)
	f.Add(bytes.Join(ls[:len(ls)/2], nil), false)
	f.Add(append(bytes.Join(ls[:3], nil), "{}\n"...), true)
	_, strict := journalTables()
	f.Fuzz(func(t *testing.T, data []byte, recorded bool) {
		opts := &journal.Options{MaxLine: 8192}
		rb, rerr := journal.Rebuild(bytes.NewReader(data), opts)
		base := y.source()
		if recorded {
			base = whatif.Recorded
		}
		given := 0
		source := func(m *matters.Matter, ev scoring.Evaluation) (scoring.Facts, error) {
			given++
			if rerr != nil {
				t.Fatalf("the Source is given the evaluation of %s/%s/%d of a journal Rebuild refuses (%v)", ev.Matter, ev.Subject, ev.Stage, rerr)
			}
			held, _ := rb.Book.Matter(ev.Matter)
			if !slices.ContainsFunc(held, func(e scoring.Evaluation) bool {
				return e.Subject == ev.Subject && e.Evaluator == ev.Evaluator && e.Stage == ev.Stage
			}) {
				t.Fatalf("the Source is given the evaluation of %s/%s/%d, which the rebuilt book does not hold", ev.Matter, ev.Subject, ev.Stage)
			}
			var whole []matters.Event
			if w := rb.Matters[ev.Matter]; w != nil {
				whole = w.Events
			}
			if m.ID != ev.Matter || len(m.Events) > len(whole) {
				t.Fatalf("the evaluation of %s/%s/%d is given matter %q of %d events; the journal has %d", ev.Matter, ev.Subject, ev.Stage, m.ID, len(m.Events), len(whole))
			}
			if diff := cmp.Diff(whole[:len(m.Events)], m.Events); diff != "" {
				t.Fatalf("the evaluation of %s/%s/%d is given events that are not the journal's first; mismatch (-journal +given):\n%s", ev.Matter, ev.Subject, ev.Stage, diff)
			}
			return base(m, ev)
		}
		var err error
		hardening.Linear(t, len(data), func() {
			_, err = whatif.RegradeJournal(bytes.NewReader(data), opts, source, strict, scoring.Year(2026))
		})
		if rerr != nil && (err == nil || err.Error() != rerr.Error()) {
			t.Fatalf("RegradeJournal = %v; Rebuild refuses the journal: %v", err, rerr)
		}
		if err == nil && given != rb.Book.Len() {
			t.Fatalf("RegradeJournal gave its Source %d evaluations; the rebuilt book holds %d", given, rb.Book.Len())
		}
	})
}
