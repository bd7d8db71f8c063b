package matters_test

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/qingdan/qingdan/internal/hardening"
	"github.com/qingdan/qingdan/internal/hardening/samples"
	"github.com/qingdan/qingdan/matters"
	"github.com/qingdan/qingdan/matters/workday"
)

// TestConcurrentReaders runs the read-only methods that the package
// documents as safe for concurrent use on shared values; run with -race.
// Each call returns what it returns alone.
func TestConcurrentReaders(t *testing.T) {
	m := fullLifecycle(t)
	d := testDirectory()
	a := testAdmission()
	ts := demolition()
	cal := workday.China()
	hardening.Agree(t, "Route, Status, Deadlines, ElapsedTo, Summarize, Admit, For and Clone on shared values", func(g, i int) any {
		r, rerr := d.Route("违法建设")
		status, serr := m.Status(cal, at(3, 8, 12, 0), r)
		dl, derr := m.Deadlines(cal, r)
		el, eerr := m.ElapsedTo(cal, 4)
		for _, err := range []error{rerr, serr, derr, eerr} {
			if err != nil {
				t.Error(err)
			}
		}
		return []any{r, status, dl, el, matters.Summarize([]*matters.Matter{m}), a.Admit(matters.Request{Item: "QZ-001"}), ts.For("城管中队"), m.Clone()}
	})
}

// TestConcurrentUse runs, from several goroutines at once and on hostile
// matters of the hardening test, what the package documents as safe for
// concurrent use; go test -race checks it, and each call returns what it
// returns alone.
func TestConcurrentUse(t *testing.T) {
	cal := workday.China()
	from := time.Date(2020, 1, 1, 9, 0, 0, 0, hardening.CST)
	adm := &matters.Admission{Items: []matters.Item{{Code: "A", Name: "占道经营", List: matters.Duties}}, Excluded: matters.DefaultExclusions()}
	dir := &matters.Directory{Routes: []matters.Route{{Type: "占道经营", Lead: "城管局", Respond: time.Hour, ResolveDays: 3}}}
	m := samples.Matters()[1]
	hardening.Agree(t, "Admission.Admit, Directory.Route, a Matter's read-only methods", func(g, i int) any {
		r, rerr := dir.Route("占道经营")
		el, eerr := m.Elapsed(cal, from.Add(48*time.Hour))
		dl, derr := m.Deadlines(cal, r)
		status, serr := m.Status(cal, from.Add(time.Duration(i)*time.Hour), r)
		return []any{adm.Admit(matters.Request{Title: "招商引资", Item: "A"}), r, fmt.Sprint(rerr), el, fmt.Sprint(eerr),
			dl, fmt.Sprint(derr), status, fmt.Sprint(serr), m.Clone(), matters.Summarize([]*matters.Matter{m})}
	})
}

// TestCatalogConcurrentReaders: Validate, At, DirectoryVersion and RouteOf
// on one shared catalog from several goroutines agree with one another;
// go test -race checks that they only read.
func TestCatalogConcurrentReaders(t *testing.T) {
	c := soundCatalog()
	c.History = revisedCatalog().History
	c.Directory.Routes = append(c.Directory.Routes, matters.Route{Type: "违法建设", Lead: "CG", Duty: "ZZ-03", Scope: "背街小巷"})
	m := dispatched(t, day(2024, 3, 20), "2024-1")
	hardening.Agree(t, "Catalog.Validate, At, DirectoryVersion, RouteOf", func(g, i int) any {
		d, err := c.DirectoryVersion("2024-1")
		if err != nil {
			t.Error(err)
		}
		r, err := c.RouteOf(m)
		if err != nil || r.ResolveDays != 3 {
			t.Errorf("RouteOf = %+v, %v", r, err)
		}
		return []any{c.Validate(), c.At(day(2024, 2, 1)), d, r}
	})
}

// TestDueConcurrentReaders: Catalog.Due and FeedbackLate, readers of a
// catalog, run from several goroutines on one catalog and the same
// matters — more than Due's threshold for indexing each revision's routes
// in its scan — and each call returns what it returns alone; go test
// -race checks that they only read.
func TestDueConcurrentReaders(t *testing.T) {
	c := supervisedCatalog()
	cal := workday.China()
	var ms []*matters.Matter
	for range 100 {
		ms = append(ms, timed(t, dispatchedAt(at(3, 4, 9, 0))...))
	}
	resolved := timed(t, slices.Concat(dispatchedAt(at(3, 4, 9, 0)), []matters.Event{tev(at(3, 4, 10, 0), matters.Accept, lead), tev(at(3, 5, 9, 0), matters.Resolve, lead)})...)
	hardening.Agree(t, "Catalog.Due and FeedbackLate on one catalog", func(g, i int) any {
		due, err := c.Due(cal, at(3, 20, 9, 0), ms)
		if err != nil || len(due) != 3*len(ms) {
			t.Errorf("Due = %d events, %v; want 3 a matter", len(due), err)
		}
		late, err := c.FeedbackLate(cal, resolved, at(3, 20, 9, 0))
		if err != nil || !late {
			t.Errorf("FeedbackLate = %v, %v; want late", late, err)
		}
		return []any{due, late}
	})
}

// TestCatalogApplyConcurrent: one catalog, with revisions of its
// governance matter list, takes every goroutine's matters through Apply
// at once — a Dispatch its directory makes, one off the route, a
// sub-district's return — and answers SendBack, while the goroutines read
// its lists' Validate, Dispatch and key tasks and one shared matter's
// running time and extensions. go test -race checks that the catalog and
// the shared values are only read; each call returns what it returns
// alone.
func TestCatalogApplyConcurrent(t *testing.T) {
	c := versionedCatalog()
	c.KeyTasks = demolition()
	cal := workday.China()
	shared := fullLifecycle(t)
	first, last := shared.Events[0].At, shared.Events[len(shared.Events)-1].At
	hardening.Agree(t, "Catalog.Apply and SendBack on one catalog, its lists' readers", func(g, i int) any {
		from := at(3, 4, 9, 0).Add(time.Duration(g*hardening.Each+i) * time.Hour)
		m := &matters.Matter{}
		var errs []string
		apply := func(e matters.Event) {
			e.Matter, e.Seq = fmt.Sprintf("M-%d-%d", g, i), len(m.Events)+1
			errs = append(errs, fmt.Sprint(c.Apply(cal, m, e)))
		}
		report := tev(from, matters.Report, owner)
		if i%2 == 1 {
			report.Type = "油烟扰民" // not admitted: the owner may send it back
		}
		apply(report)
		apply(tev(from.Add(time.Minute), matters.Whistle, owner))
		apply(tev(from.Add(2*time.Minute), matters.Dispatch, owner, outside)) // off the route: refused
		d, derr := c.At(from).Directory.Dispatch(m, from.Add(3*time.Minute))
		apply(d)
		apply(tev(from.Add(4*time.Minute), matters.Accept, lead))
		apply(tev(from.Add(5*time.Minute), matters.Return, sup1))
		back, berr := c.SendBack(m, owner, from.Add(6*time.Minute))
		if berr == nil {
			apply(back)
		}
		apply(tev(from.Add(7*time.Minute), matters.Resolve, lead))
		running, rerr := shared.Running(cal, first, last)
		runningFor, ferr := shared.RunningFor(cal, lead, first, last)
		return []any{m, errs, d, fmt.Sprint(derr), back, fmt.Sprint(berr), running, fmt.Sprint(rerr), runningFor, fmt.Sprint(ferr),
			shared.ExtendedDays(), shared.ExtendedDaysFor(lead), fmt.Sprint(c.Directory.Validate()), fmt.Sprint(c.Admission.Validate()),
			c.KeyTasks.Units(), fmt.Sprint(c.KeyTasks.Validate())}
	})
}
