package main

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"time"

	"github.com/qingdan/qingdan/matters"
)

// The PCG seed of the synthetic year. It is fixed, so every run prints the
// same year.
const (
	seedHi = 20190501 // the Wuhu reform began in May 2019
	seedLo = 746      // the matters whistled in its first year
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

// year is the synthetic year: every matter (whistled or not) in the order
// reported, with the plans behind them.
type year struct {
	matters []*matters.Matter
	plans   []*plan // as matters
	from    time.Time
	to      time.Time // the end of the year: later events have not happened yet
}

// received returns the matters received: those the sub-districts
// whistled on the digital city-management platform (街道吹哨), without the
// hotline's stream and the matters closed without a whistle.
func (y *year) received() []*matters.Matter {
	return y.where(func(p *plan) bool { return p.whistled && !p.hotline })
}

// hotline returns the matters of the 91580 hotline's stream.
func (y *year) hotline() []*matters.Matter {
	return y.where(func(p *plan) bool { return p.hotline })
}

// where returns the matters whose plans satisfy f, in the year's order.
func (y *year) where(f func(*plan) bool) []*matters.Matter {
	var out []*matters.Matter
	for i, m := range y.matters {
		if f(y.plans[i]) {
			out = append(out, m)
		}
	}
	return out
}

// generator draws the year.
type generator struct {
	w   *world
	r   *rand.Rand
	clk *clock
	typ []int // weights of w.syn.Types
}

// generate builds the synthetic year of w on the clock: exactly the
// calibrated numbers of matters received, resolved, surveyed and satisfied,
// every matter run through matters.Matter.Apply.
func generate(w *world, clk *clock) (*year, error) {
	g := &generator{w: w, r: rand.New(rand.NewPCG(seedHi, seedLo)), clk: clk}
	for _, t := range w.syn.Types {
		g.typ = append(g.typ, t.Weight)
	}
	y := &year{
		from: time.Date(w.city.Year, 1, 1, 0, 0, 0, 0, cst),
		to:   time.Date(w.city.Year+1, 1, 1, 0, 0, 0, 0, cst),
	}
	s := w.syn
	// Draw until the sub-districts have whistled the received count: the
	// hotline's matters drawn among them are a stream of their own, not
	// counted as received (see plan.hotline).
	var plans []*plan
	for whistles := 0; whistles < s.Received; {
		p, err := g.plan()
		if err != nil {
			return nil, err
		}
		if !p.hotline {
			whistles++
		}
		plans = append(plans, p)
	}

	if err := g.outcomes(plans); err != nil {
		return nil, err
	}
	for _, p := range plans {
		p.layout(w)
		if err := g.place(p, y); err != nil {
			return nil, err
		}
	}
	for range s.Unwhistled {
		p, err := g.unwhistled()
		if err != nil {
			return nil, err
		}
		plans = append(plans, p)
	}

	// Number the matters in the order reported, then run each through the
	// lifecycle, with the hourly supervision scan.
	slices.SortStableFunc(plans, func(a, b *plan) int { return a.events[0].At.Compare(b.events[0].At) })
	run := newRunner(w, clk.cal, y.to)
	for i, p := range plans {
		p.id = fmt.Sprintf("WH%d-%04d", w.city.Year, i+1)
		m, err := run.matter(p)
		if err != nil {
			return nil, fmt.Errorf("wuhu: generating %s: %w", p.id, err)
		}
		y.matters = append(y.matters, m)
	}
	y.plans = plans
	return y, nil
}

// outcomes decides, with exact counts, which received matters (the
// sub-districts' whistles) are still open at the end of the year, which of
// the resolved ones are surveyed (回访), which citizens are not satisfied,
// and which matters are sent back after a first "no". The hotline's
// matters are all resolved and all surveyed, their citizens dissatisfied
// in the received matters' proportion.
func (g *generator) outcomes(plans []*plan) error {
	s := g.w.syn
	// The longer a matter runs, the likelier it straddles the year's end;
	// one shorter than two days never does (it would have to be reported at
	// night). Half of the open ones drag on well past their limit.
	open := g.choose(plans, s.Received-s.Resolved, func(p *plan) int64 {
		h := int64(p.route.ResolveDays) * 24 * int64(p.lateFactor) / 100
		if !p.denied { // a refused suspension does not lengthen the matter
			h += int64(p.pause / time.Hour)
		}
		if h < 48 || p.hotline {
			return 0
		}
		return h + 120
	})
	if len(open) != s.Received-s.Resolved {
		return fmt.Errorf("%w: only %d matters can be open at the year's end", errPlace, len(open))
	}
	for _, p := range open {
		p.open = true
		if g.r.IntN(2) == 0 {
			p.late, p.lateFactor = true, 150+g.r.IntN(250)
		}
	}
	// Every matter the hotline brought is surveyed (point-to-point
	// feedback); received ones at random up to the count. A "no" is
	// likelier where the work was late or poor.
	var hotline, others []*plan
	for _, p := range plans {
		switch {
		case p.open:
		case p.hotline:
			hotline = append(hotline, p)
		default:
			others = append(others, p)
		}
	}
	received := g.choose(others, s.Surveyed, func(*plan) int64 { return 1 })
	surveyed := slices.Concat(hotline, received)
	for _, p := range surveyed {
		p.surveyed, p.satisfied = true, true
		p.lateVisit = p.hotline && g.percent(s.LateFeedback)
	}
	no := slices.Concat(g.choose(received, s.Surveyed-s.Satisfied, badness),
		g.choose(hotline, len(hotline)*(s.Surveyed-s.Satisfied)/max(1, s.Surveyed), badness))
	for _, p := range no {
		p.satisfied = false
	}
	for _, p := range g.choose(surveyed, s.Reopened, badness) {
		p.reopen = true
	}
	return nil
}

// badness weighs a plan's chance of a dissatisfied citizen.
func badness(p *plan) int64 {
	b := int64(1 + 5 - p.quality[0])
	if p.late {
		b += 4
	}
	if p.returned {
		b += 2
	}
	return b
}

// choose picks n distinct plans, each with a chance proportional to its
// weight, in the order picked; a plan of weight 0 or less is never picked,
// so fewer than n may come back.
func (g *generator) choose(from []*plan, n int, weight func(*plan) int64) []*plan {
	var left []*plan
	var w []int64
	var total int64
	for _, p := range from {
		if x := weight(p); x > 0 {
			left, w = append(left, p), append(w, x)
			total += x
		}
	}
	var out []*plan
	for len(out) < n && total > 0 {
		x := g.r.Int64N(total)
		i := 0
		for ; x >= w[i]; i++ {
			x -= w[i]
		}
		out = append(out, left[i])
		total -= w[i]
		left = slices.Delete(left, i, i+1)
		w = slices.Delete(w, i, i+1)
	}
	return out
}

// between returns a whole number of minutes in [lo, hi).
func (g *generator) between(lo, hi time.Duration) time.Duration {
	if hi <= lo {
		return lo.Truncate(time.Minute)
	}
	return (lo + time.Duration(g.r.Int64N(int64(hi-lo)))).Truncate(time.Minute)
}

// percent reports true with a chance of pct in 100.
func (g *generator) percent(pct int) bool { return g.r.IntN(100) < pct }

// weighted returns an index with a chance proportional to its weight.
func (g *generator) weighted(w []int) int {
	total := 0
	for _, x := range w {
		total += x
	}
	if total <= 0 {
		return 0
	}
	x := g.r.IntN(total)
	for i, v := range w {
		if x < v {
			return i
		}
		x -= v
	}
	return len(w) - 1
}

// pick returns one of the strings at random.
func (g *generator) pick(s []string) string { return s[g.r.IntN(len(s))] }

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
