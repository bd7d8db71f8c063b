package matters_test

import (
	"testing"
	"time"

	"github.com/qingdan/qingdan/internal/hardening"
	"github.com/qingdan/qingdan/internal/hardening/samples"
	"github.com/qingdan/qingdan/matters"
	"github.com/qingdan/qingdan/matters/workday"
)

// TestConcurrentReaders runs the read-only methods that the package
// documents as safe for concurrent use on shared values; run with -race.
func TestConcurrentReaders(t *testing.T) {
	m := fullLifecycle(t)
	d := testDirectory()
	a := testAdmission()
	ts := demolition()
	cal := workday.China()
	want := matters.Summarize([]*matters.Matter{m})
	hardening.Concurrently(t, "Route, Status, Deadlines, ElapsedTo, Summarize, Admit, For and Clone on shared values", func(g, i int) {
		r, err := d.Route("违法建设")
		if err != nil {
			t.Error(err)
			return
		}
		if _, err := m.Status(cal, at(3, 8, 12, 0), r); err != nil {
			t.Error(err)
		}
		if _, err := m.Deadlines(cal, r); err != nil {
			t.Error(err)
		}
		if _, err := m.ElapsedTo(cal, 4); err != nil {
			t.Error(err)
		}
		if got := matters.Summarize([]*matters.Matter{m}); got.Received != want.Received {
			t.Errorf("Summarize = %+v", got)
		}
		a.Admit(matters.Request{Item: "QZ-001"})
		ts.For("城管中队")
		_ = m.Clone()
	})
}

// TestConcurrentUse runs, from several goroutines at once and on hostile
// matters of the hardening test, what the package documents as safe for
// concurrent use; go test -race checks it.
func TestConcurrentUse(t *testing.T) {
	cal := workday.China()
	from := time.Date(2020, 1, 1, 9, 0, 0, 0, hardening.CST)
	adm := &matters.Admission{Items: []matters.Item{{Code: "A", Name: "占道经营", List: matters.Duties}}, Excluded: matters.DefaultExclusions()}
	dir := &matters.Directory{Routes: []matters.Route{{Type: "占道经营", Lead: "城管局", Respond: time.Hour, ResolveDays: 3}}}
	m := samples.Matters()[1]
	hardening.Concurrently(t, "Admission.Admit, Directory.Route, a Matter's read-only methods", func(g, i int) {
		_ = adm.Admit(matters.Request{Title: "招商引资", Item: "A"})
		r, _ := dir.Route("占道经营")
		_, _ = m.Elapsed(cal, from.Add(48*time.Hour))
		_, _ = m.Deadlines(cal, r)
		_, _ = m.Status(cal, from.Add(time.Duration(i)*time.Hour), r)
		_ = m.Clone()
		_ = matters.Summarize([]*matters.Matter{m})
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
	want := len(c.Validate())
	hardening.Concurrently(t, "Catalog.Validate, At, DirectoryVersion, RouteOf", func(g, i int) {
		if n := len(c.Validate()); n != want {
			t.Errorf("Validate gave %d findings, want %d", n, want)
		}
		_ = c.At(day(2024, 2, 1))
		if _, err := c.DirectoryVersion("2024-1"); err != nil {
			t.Error(err)
		}
		if r, err := c.RouteOf(m); err != nil || r.ResolveDays != 3 {
			t.Errorf("RouteOf = %+v, %v", r, err)
		}
	})
}
