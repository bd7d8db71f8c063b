package matters_test

import (
	"errors"
	"fmt"
	"math/rand"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/qingdan/qingdan/internal/hardening/samples"
	"github.com/qingdan/qingdan/matters"
	"github.com/qingdan/qingdan/matters/workday"
)

// TestDueSharedReadings: Catalog.Due reads once per scan what its clocks
// share — the route found last, which the owner of a hotline's matter
// most often shares with its lead, and the index of each revision's
// routes — and returns what it returns for each matter scanned alone:
// over random legal histories cut at random events, on both calendars, at
// instants on and off the events and the working hours, with revisions
// and types the catalog lacks.
func TestDueSharedReadings(t *testing.T) {
	c := supervisedCatalog()
	c.Supervision.SuspendDays = 3
	c.Supervision.ExtendDays = 2
	c.Directory.Version = "2024"
	c.Directory.Adoption = published(at(1, 1, 0, 0))
	c.History.Directories = []*matters.Directory{{Version: "2023", Adoption: published(at(1, 1, 0, 0).AddDate(-1, 0, 0)),
		Routes: []matters.Route{{Type: "违法建设", Lead: lead, Respond: 2 * time.Hour, ResolveDays: 3}, {Type: "油烟扰民", Lead: sup2, ResolveDays: 1}}}}
	r := rand.New(rand.NewSource(12))
	var ms []*matters.Matter
	for seed := int64(1); len(ms) < 660; seed++ {
		events := legalHistory(t, seed, 40).Events
		if seed%3 != 0 { // a hotline's matter
			events = grow(t, seed, timed(t, tev(t0, matters.Report, hotline, owner)), 40).Events
		}
		for range 3 {
			cut := slices.Clone(events[:1+r.Intn(len(events))])
			cut[0].Type = []string{"违法建设", "违法建设", "油烟扰民", "招商引资"}[r.Intn(4)]
			for i := range cut {
				cut[i].Matter = fmt.Sprint("M-", len(ms))
				if cut[i].Kind == matters.Dispatch {
					cut[i].Routes = []string{"", "", "2024", "2023", "2019"}[r.Intn(5)]
				}
			}
			m, err := matters.Replay(cut)
			if err != nil {
				t.Fatalf("seed %d: %v", seed, err)
			}
			ms = append(ms, m)
		}
	}
	seen := map[string]int{}
	for _, cal := range []*workday.Calendar{workday.China(), samples.OfficeHours()} {
		for batch := range 30 {
			part := ms[batch*20 : batch*20+80] // more than Due indexes the routes above
			when := instant(t, r, cal, part)
			due, err := c.Due(cal, when, part)
			var each []matters.Event
			var errs []string
			for _, m := range part {
				d, err := c.Due(cal, when, []*matters.Matter{m})
				each = append(each, d...)
				if err != nil {
					errs = append(errs, err.Error())
				}
			}
			if diff := cmp.Diff(each, due); diff != "" || strings.Join(errs, "\n") != errText(err) {
				t.Fatalf("batch %d at %s: the batch and its matters scanned one by one differ; mismatch (-one by one +batch):\n%s\nerrors:\n%v\n%v", batch, when, diff, strings.Join(errs, "\n"), err)
			}
			for _, e := range due {
				if err := part[slices.IndexFunc(part, func(m *matters.Matter) bool { return m.ID == e.Matter })].Apply(e); err != nil {
					t.Fatal(err)
				}
				seen[e.Kind.String()]++
				if len(e.Units) > 0 {
					seen["naming the owner"]++
				}
				for _, note := range []string{"平台转办", "挂起", "升级", "；"} {
					if strings.Contains(e.Note, note) {
						seen[note]++
					}
				}
			}
			for _, sentinel := range []error{matters.ErrNoRoute, matters.ErrNoRevision, matters.ErrOrder} {
				if errors.Is(err, sentinel) {
					seen[sentinel.Error()]++
				}
			}
		}
	}
	// What the property says little without.
	for _, what := range []string{"urge", "supervise", "naming the owner", "平台转办", "挂起", "升级", "；",
		matters.ErrNoRoute.Error(), matters.ErrNoRevision.Error(), matters.ErrOrder.Error()} {
		if seen[what] == 0 {
			t.Errorf("no scan found %q: seen %v", what, seen)
		}
	}
}

// errText returns err's message, or "" for nil.
func errText(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

// instant returns a random instant at which to scan one of the matters
// ms: at its latest event, 1ns or some minutes after it, at a boundary of
// the office hours, or where one of its clocks may run out — 2 or 4 hours
// after its latest dispatch, some working days after its Report — if that
// is not before its latest event.
func instant(t *testing.T, r *rand.Rand, cal *workday.Calendar, ms []*matters.Matter) time.Time {
	events := ms[r.Intn(len(ms))].Events
	last := events[len(events)-1].At
	switch r.Intn(6) {
	case 0:
		return last
	case 1:
		return last.Add(time.Nanosecond)
	case 2:
		return last.Add(time.Duration(r.Intn(30*24*60)) * time.Minute)
	case 3:
		return time.Date(last.Year(), last.Month(), last.Day()+1+r.Intn(20), []int{8, 12, 14, 17}[r.Intn(4)], []int{0, 30}[r.Intn(2)], 0, 0, workday.CST())
	}
	for _, m := range ms { // the first matter whose clock runs out after its latest event
		when := m.Events[0].At
		if d := slices.IndexFunc(m.Events, func(e matters.Event) bool { return e.Kind == matters.Dispatch }); d >= 0 && r.Intn(2) == 0 {
			when = m.Events[d].At.Add(time.Duration(2+2*r.Intn(2)) * time.Hour)
		} else {
			var err error
			if when, err = cal.AddDays(when, 1+r.Intn(6)); err != nil {
				t.Fatal(err)
			}
		}
		if !when.Before(m.Events[len(m.Events)-1].At) {
			return when
		}
	}
	return last
}
