package main

import (
	"fmt"
	"time"

	"github.com/qingdan/qingdan/matters"
)

// plan is one matter as the generator draws it, before it is laid out in
// time: the parts the sub-district's grading reads (quality per unit and
// per stage) stay with it after the matter is built.
type plan struct {
	id     string
	typ    *matterType
	route  matters.Route
	street string
	// hotline: brought by the 91580 hotline, reported for the sub-district
	// or kept and assigned: Chaohu's two-way dispatch (双向派单) shown on
	// Wuhu's data, a stream of its own, not among the matters received
	// (the sub-districts' whistles on the digital city-management platform).
	hotline    bool
	assigned   bool // the hotline keeps it and dispatches it to the department itself (派单)
	sentBack   bool // reported for the sub-district, which hands it back: not on its admission lists
	whistled   bool // false: the sub-district handled it itself and closed it
	sample     string
	units      []string        // dispatched, lead first
	respond    []time.Duration // each unit's response (working time), as units
	quality    []int           // the sub-district's judgement of each unit, 1–5, as units
	stageQual  []int           // of the lead, per stage
	returned   bool            // the lead asks to return it once, and is refused
	suspend    string          // why the lead asks to suspend it; "" = never
	denied     bool            // the suspension is refused
	pause      time.Duration   // how long (working time), if granted
	extendDays int             // the working days the lead asks for, late; 0 = none
	extended   bool            // the extension is granted
	stages     int             // Progress events of a long matter (分时段)
	late       bool            // resolved over the limit
	lateFactor int             // active time in % of the resolution limit
	open       bool            // still open at the end of the year
	surveyed   bool            // asked (回访)
	lateVisit  bool            // asked late
	satisfied  bool            // latest answer
	reopen     bool            // first answer no, sent back, resolved again

	steps  []step
	events []matters.Event
}

// owner is the unit that owns the plan's matter once it is dispatched:
// the hotline for a matter it keeps or gets back, else the sub-district.
func (p *plan) owner(hotline string) string {
	if p.assigned || p.sentBack {
		return hotline
	}
	return p.street
}

// step is one event of a plan at a working-time offset from the report.
// A decision (Approve or Deny) decides the request then waiting.
type step struct {
	off        time.Duration
	kind       matters.Kind
	actor      string
	units      []string
	note       string
	satisfied  *bool
	solved     *bool
	days       int
	supervisor string
}

// quality draws the sub-district's judgement of a department's work.
func (g *generator) quality(dept string) int {
	q := g.w.profileOf(dept).Quality
	return 5 - g.weighted(q[:])
}

// plan draws one whistled matter.
func (g *generator) plan() (*plan, error) {
	t := &g.w.syn.Types[g.weighted(g.typ)]
	route, err := g.w.dir.Route(t.Type)
	if err != nil {
		return nil, err
	}
	p := &plan{
		typ:      t,
		route:    route,
		street:   g.w.city.Subdistricts[g.r.IntN(len(g.w.city.Subdistricts))].ID,
		whistled: true,
		sample:   g.pick(t.Samples),
		units:    []string{route.Lead},
	}
	switch x := g.r.IntN(100); {
	case x < g.w.syn.AssignedPercent:
		p.hotline, p.assigned = true, true
	case x < g.w.syn.AssignedPercent+g.w.syn.HotlinePercent:
		p.hotline = true
		p.sentBack = !g.w.adm.Admit(matters.Request{Title: t.Type, From: g.w.city.Hotline.ID}).Admitted
	}
	if len(route.Support) > 0 && g.percent(t.Coordinated) {
		p.units = route.Units()
	}
	limit := route.Respond
	if limit <= 0 {
		limit = 4 * time.Hour
	}
	for _, u := range p.units {
		pr := g.w.profileOf(u)
		if g.percent(pr.RespondOnTime) {
			p.respond = append(p.respond, g.between(limit/20+time.Minute, limit*9/10))
		} else {
			p.respond = append(p.respond, g.between(limit*11/10, limit*3))
		}
		p.quality = append(p.quality, g.quality(u))
	}
	lead := g.w.profileOf(route.Lead)
	p.returned = g.percent(lead.Returns)
	if g.percent(t.Suspend) {
		p.suspend = g.pick(t.SuspendNotes)
		p.denied = g.percent(g.w.syn.SuspendDenied)
		p.pause = time.Duration(3+g.r.IntN(18))*24*time.Hour + g.between(0, 8*time.Hour)
	}
	if route.ResolveDays >= 5 && g.percent(t.Staged) {
		p.stages = 2 + g.r.IntN(3)
		for range p.stages {
			p.stageQual = append(p.stageQual, g.quality(route.Lead))
		}
	}
	if g.percent(lead.ResolveOnTime) {
		p.lateFactor = 15 + g.r.IntN(80)
	} else {
		p.late, p.lateFactor = true, 110+g.r.IntN(140)
		p.quality[0] = max(1, p.quality[0]-1)
		if route.ResolveDays > 0 && g.percent(g.w.syn.ExtendPercent) {
			// As many days as the lateness, rounded up: granted, they
			// bring the matter back within its limit.
			over := time.Duration(route.ResolveDays) * 24 * time.Hour * time.Duration(p.lateFactor-100) / 100
			p.extendDays = int((over + 24*time.Hour - 1) / (24 * time.Hour))
			p.extended = g.percent(g.w.syn.ExtendApproved)
		}
	}
	return p, nil
}

// unwhistled draws a matter the sub-district handles itself: reported by
// its grid workers and closed without a whistle (not counted as received).
func (g *generator) unwhistled() (*plan, error) {
	name := g.pick(g.w.syn.UnwhistledTypes)
	var t *matterType
	for i := range g.w.syn.Types {
		if g.w.syn.Types[i].Type == name {
			t = &g.w.syn.Types[i]
		}
	}
	p := &plan{typ: t, street: g.w.city.Subdistricts[g.r.IntN(len(g.w.city.Subdistricts))].ID, sample: g.pick(t.Samples)}
	from := time.Date(g.w.city.Year, 1, 1, 0, 0, 0, 0, cst)
	for range 1000 {
		start := from.AddDate(0, 0, g.r.IntN(365)).Add(8*time.Hour + g.between(0, 9*time.Hour))
		ok, err := g.clk.isWorkday(start)
		if err != nil {
			return nil, err
		}
		if !ok {
			continue
		}
		closed, err := g.clk.add(start, g.between(30*time.Minute, 6*time.Hour))
		if err != nil {
			return nil, err
		}
		p.events = []matters.Event{
			{At: start, Kind: matters.Report, Actor: p.street, Type: t.Type, Note: p.sample},
			{At: closed, Kind: matters.Close, Actor: p.street, Note: "街道城市管理办自行处置，未吹哨"},
		}
		return p, nil
	}
	return nil, fmt.Errorf("%w: a matter handled without a whistle", errPlace)
}
