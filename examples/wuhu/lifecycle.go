package main

import (
	"fmt"
	"time"

	"github.com/qingdan/qingdan/matters"
	"github.com/qingdan/qingdan/matters/workday"
)

// runner runs plans through the lifecycle as a host does: every event
// through the checks of the city's lists in force (matters.Catalog.Apply:
// routes, admission, the reopening limit, the calendar's range), and, at
// every whole hour of a matter's life while its clocks run, the
// supervision scan (matters.Catalog.Due), whose urgings (催办) and
// supervisions (督办) are applied as they come.
type runner struct {
	cat *matters.Catalog
	cal *workday.Calendar
	end time.Time // the year's end: nothing happens from then on
}

func newRunner(w *world, cal *workday.Calendar, end time.Time) *runner {
	return &runner{cat: w.catalog(), cal: cal, end: end}
}

// matter builds the plan's matter: its events in turn, each decision
// deciding the request then waiting, with the hourly scans between them
// and after the last, to the year's end while the matter is open, or once
// after it is resolved (a matter reopened to the limit and still
// dissatisfied goes to supervision).
func (r *runner) matter(p *plan) (*matters.Matter, error) {
	m := &matters.Matter{}
	for _, e := range p.events {
		if err := r.scan(m, e.At); err != nil {
			return nil, err
		}
		e.Matter, e.Seq = p.id, len(m.Events)+1
		if e.Kind == matters.Approve || e.Kind == matters.Deny {
			e.Ref = m.Pending.Seq
		}
		if err := r.cat.Apply(r.cal, m, e); err != nil {
			return nil, err
		}
	}
	last := m.Events[len(m.Events)-1].At
	switch m.State {
	case matters.Dispatched, matters.Accepted:
		return m, r.scan(m, r.end.Add(-time.Nanosecond))
	case matters.Resolved, matters.Closed:
		if t := nextHour(last); t.Before(r.end) {
			return m, r.apply(m, t)
		}
	}
	return m, nil
}

// scan runs the supervision scan at each whole hour after the matter's
// latest event up to until, while the matter's clocks run.
func (r *runner) scan(m *matters.Matter, until time.Time) error {
	if len(m.Events) == 0 {
		return nil
	}
	for t := nextHour(m.Events[len(m.Events)-1].At); !t.After(until); t = t.Add(time.Hour) {
		if m.State != matters.Dispatched && m.State != matters.Accepted {
			return nil
		}
		if err := r.apply(m, t); err != nil {
			return err
		}
	}
	return nil
}

// apply runs the scan at t and applies what it calls for.
func (r *runner) apply(m *matters.Matter, t time.Time) error {
	due, err := r.cat.Due(r.cal, t, []*matters.Matter{m})
	if err != nil {
		return err
	}
	for _, e := range due {
		if err := r.cat.Apply(r.cal, m, e); err != nil {
			return fmt.Errorf("applying the scan's %s: %w", e.Kind, err)
		}
	}
	return nil
}

// nextHour returns the first whole hour after t.
func nextHour(t time.Time) time.Time { return t.Truncate(time.Hour).Add(time.Hour) }
