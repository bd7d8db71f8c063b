package main

import (
	"cmp"
	"errors"
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
	id         string
	typ        *matterType
	route      matters.Route
	street     string
	hotline    bool // reported by the 91580 hotline for the sub-district
	whistled   bool // false: the sub-district handled it itself and closed it
	sample     string
	units      []string        // dispatched, lead first
	respond    []time.Duration // each unit's response (working time), as units
	quality    []int           // the sub-district's judgement of each unit, 1–5, as units
	stageQual  []int           // of the lead, per stage
	returned   bool            // the lead returns it once and is dispatched again
	suspend    string          // why it is suspended for a while; "" = never
	pause      time.Duration   // how long (working time)
	stages     int             // Progress events of a long matter (分时段)
	late       bool            // resolved over the limit
	lateFactor int             // active time in % of the resolution limit
	open       bool            // still open at the end of the year
	surveyed   bool            // asked (回访)
	satisfied  bool            // latest answer
	reopen     bool            // first answer no, sent back, resolved again

	steps  []step
	events []matters.Event
}

// step is one event of a plan at a working-time offset from the report.
type step struct {
	off       time.Duration
	kind      matters.Kind
	actor     string
	units     []string
	note      string
	satisfied *bool
}

// year is the synthetic year: every matter (whistled or not) in the order
// reported, with the plans behind them.
type year struct {
	matters []*matters.Matter
	plans   []*plan // as matters
	from    time.Time
	to      time.Time // the end of the year: later events have not happened yet
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
	var plans []*plan
	for range s.Received {
		p, err := g.plan()
		if err != nil {
			return nil, err
		}
		plans = append(plans, p)
	}

	if err := g.outcomes(plans); err != nil {
		return nil, err
	}
	for _, p := range plans {
		p.layout()
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
	// lifecycle.
	slices.SortStableFunc(plans, func(a, b *plan) int { return a.events[0].At.Compare(b.events[0].At) })
	for i, p := range plans {
		p.id = fmt.Sprintf("WH%d-%04d", w.city.Year, i+1)
		m := &matters.Matter{}
		for j := range p.events {
			p.events[j].Matter, p.events[j].Seq = p.id, j+1
			if err := m.Apply(p.events[j]); err != nil {
				return nil, fmt.Errorf("wuhu: generating %s: %w", p.id, err)
			}
		}
		y.matters = append(y.matters, m)
	}
	y.plans = plans
	return y, nil
}

// outcomes decides, with exact counts, which whistled matters are still
// open at the end of the year, which of the resolved ones are surveyed
// (回访), which citizens are not satisfied, and which matters are sent
// back after a first "no".
func (g *generator) outcomes(plans []*plan) error {
	s := g.w.syn
	// The longer a matter runs, the likelier it straddles the year's end;
	// one shorter than two days never does (it would have to be reported at
	// night). Half of the open ones drag on well past their limit.
	open := g.choose(plans, s.Received-s.Resolved, func(p *plan) int64 {
		h := int64(p.route.ResolveDays)*24*int64(p.lateFactor)/100 + int64(p.pause/time.Hour)
		if h < 48 {
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
	// Every resolved matter the hotline brought is surveyed (point-to-point
	// feedback), then others at random up to the count; a "no" is likelier
	// where the work was late or poor.
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
	surveyed := slices.Clip(hotline[:min(len(hotline), s.Surveyed)])
	surveyed = append(surveyed, g.choose(others, s.Surveyed-len(surveyed), func(*plan) int64 { return 1 })...)
	for _, p := range surveyed {
		p.surveyed, p.satisfied = true, true
	}
	for _, p := range g.choose(surveyed, s.Surveyed-s.Satisfied, badness) {
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
		hotline:  g.percent(g.w.syn.HotlinePercent),
		whistled: true,
		sample:   g.pick(t.Samples),
		units:    []string{route.Lead},
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
	}
	return p, nil
}

// layout places a plan's events at working-time offsets from its report.
func (p *plan) layout() {
	var s []step
	add := func(off time.Duration, kind matters.Kind, actor string, units []string, note string) {
		s = append(s, step{off: off, kind: kind, actor: actor, units: units, note: note})
	}
	reporter, note := p.street, p.sample
	if p.hotline {
		reporter, note = "91580", "91580 热线转派："+p.sample
	}
	add(0, matters.Report, reporter, []string{p.street}, note)
	// Fixed small delays keep the layout a pure function of the plan.
	at := 17 * time.Minute
	add(at, matters.Whistle, p.street, nil, "网格化服务管理中心上传平台吹哨")
	at += 9 * time.Minute
	dispatchNote := "按基层治理事项清单派单"
	if len(p.units) > 1 {
		dispatchNote = "街道党工委统筹，牵头与配合部门联合处置"
	}
	add(at, matters.Dispatch, p.street, p.units, dispatchNote)
	if p.returned {
		at += p.respond[0]/2 + time.Minute
		add(at, matters.Return, p.units[0], nil, "认为不属于本单位职责，申请退单")
		at += 47 * time.Minute
		add(at, matters.Dispatch, p.street, p.units, "经街道核定属该单位职责，依清单重新派单")
	}
	d := at
	var lastAccept time.Duration
	for i, u := range p.units {
		off := d + p.respond[i]
		lastAccept = max(lastAccept, off)
		note := "应哨报到，配合处置"
		if i == 0 {
			note = "应哨报到，牵头处置"
		}
		add(off, matters.Accept, u, nil, note)
	}
	limit := time.Duration(p.route.ResolveDays) * 24 * time.Hour
	if limit <= 0 {
		limit = 5 * 24 * time.Hour
	}
	active := max(limit*time.Duration(p.lateFactor)/100, lastAccept-d+time.Hour).Truncate(time.Minute)
	// wall maps active time after the dispatch to an offset, skipping the pause.
	suspendAt := time.Duration(-1)
	if p.suspend != "" {
		suspendAt = (lastAccept - d + (active-(lastAccept-d))/3).Truncate(time.Minute)
	}
	wall := func(a time.Duration) time.Duration {
		if suspendAt >= 0 && a > suspendAt {
			return d + a + p.pause
		}
		return d + a
	}
	if suspendAt >= 0 {
		add(d+suspendAt, matters.Suspend, p.units[0], nil, p.suspend)
		add(d+suspendAt+p.pause, matters.Resume, p.units[0], nil, "恢复处置")
	}
	for i := 1; i <= p.stages; i++ {
		a := (lastAccept - d) + (active-(lastAccept-d))*time.Duration(i)/time.Duration(p.stages+1)
		a = a.Truncate(time.Minute)
		if a == suspendAt {
			a += time.Minute
		}
		add(wall(a), matters.Progress, p.units[0], nil, fmt.Sprintf("第 %d 阶段处置完成", i))
	}
	at = wall(active)
	add(at, matters.Resolve, p.units[0], nil, "办结")
	if !p.open {
		answer := func(ok bool) {
			at += 26 * time.Hour
			n := "回访：满意"
			if !ok {
				n = "回访：不满意"
			}
			if p.hotline {
				n = "91580 点对点" + n
			}
			s = append(s, step{off: at, kind: matters.Feedback, actor: p.street, note: n, satisfied: &ok})
		}
		if p.reopen {
			answer(false)
			at += 2 * time.Hour
			add(at, matters.Reopen, p.street, nil, "回访不满意，街道重新交办")
			at += 40 * time.Hour
			add(at, matters.Resolve, p.units[0], nil, "整改后再次办结")
		}
		if p.surveyed {
			answer(p.satisfied)
		}
		at += 3 * time.Hour
		add(at, matters.Close, p.street, nil, "街道审核结案")
	}
	// Events at one instant keep the order they were added in.
	slices.SortStableFunc(s, func(a, b step) int { return cmp.Compare(a.off, b.off) })
	p.steps = s
}

// errPlace reports a matter the generator could not fit into the year.
var errPlace = errors.New("wuhu: cannot place matter in the year")

// place chooses when a plan's matter is reported and turns its steps into
// events: a matter resolved within the year starts on a random working day
// early enough to end by the year's end; an open one starts so that the
// year ends between its whistle and its resolution. Reports come in
// between 08:00 and 18:00.
func (g *generator) place(p *plan, y *year) error {
	last := p.steps[len(p.steps)-1].off
	var whistle, resolve time.Duration
	for _, st := range p.steps {
		switch {
		case st.kind == matters.Whistle:
			whistle = st.off
		case st.kind == matters.Resolve && resolve == 0:
			resolve = st.off
		}
	}
	for range 1000 {
		var start time.Time
		var err error
		if p.open {
			u := g.between(whistle+time.Minute, resolve)
			start, err = g.clk.sub(y.to, u)
		} else {
			day := y.from.AddDate(0, 0, g.r.IntN(366))
			start = day.Add(8*time.Hour + g.between(0, 10*time.Hour))
		}
		if err != nil {
			return err
		}
		if h := start.In(cst).Hour(); h < 8 || h >= 18 || start.Before(y.from) {
			continue
		}
		if ok, err := g.clk.isWorkday(start); err != nil {
			return err
		} else if !ok {
			continue
		}
		end, err := g.clk.add(start, last)
		if err != nil {
			return err
		}
		if !p.open && !end.Before(y.to) {
			continue
		}
		p.events = p.events[:0]
		var prev time.Time
		fits := true
		for _, st := range p.steps {
			at, err := g.clk.add(start, st.off)
			if err != nil {
				return err
			}
			if p.daytime(st.kind) {
				if at, err = g.clk.daytime(at); err != nil {
					return err
				}
			}
			if !prev.IsZero() && !at.After(prev) {
				at = prev.Add(3 * time.Minute) // people do one thing after another
			}
			prev = at
			if !at.Before(y.to) {
				// An open matter must still be open; a resolved one must
				// have ended within the year.
				fits = p.open && st.off >= resolve
				break
			}
			p.events = append(p.events, matters.Event{At: at, Kind: st.kind, Actor: st.actor, Type: typeIf(st.kind, p.typ.Type), Units: st.units,
				Routes: routesIf(st.kind, g.w.dir.Version), Note: st.note, Satisfied: st.satisfied})
		}
		if fits && (!p.open || len(p.events) < len(p.steps)) {
			return nil
		}
	}
	return fmt.Errorf("%w: a %s matter of %d steps", errPlace, p.typ.Type, len(p.steps))
}

// daytime reports whether the people who do an event of kind k on this
// plan's matter work in the daytime: the generator moves such events out
// of the night (see clock.daytime). The sub-district's own steps after the
// work (reopen, feedback, close) are daytime work; so are a department's
// accept of a matter with a response limit of 8 hours or more, and its
// suspensions, stages and resolution of a matter with 3 working days or
// more. Reports, whistles, dispatches and returns keep their times (the
// grid centre runs around the clock), and so do urgent matters: duty
// officers and repair crews answer them at any hour.
func (p *plan) daytime(k matters.Kind) bool {
	switch k {
	case matters.Reopen, matters.Feedback, matters.Close:
		return true
	case matters.Accept:
		return p.route.Respond >= 8*time.Hour
	case matters.Suspend, matters.Resume, matters.Progress, matters.Resolve:
		return p.route.ResolveDays >= 3
	}
	return false
}

// typeIf returns the matter type for a Report and "" otherwise.
func typeIf(k matters.Kind, t string) string {
	if k == matters.Report {
		return t
	}
	return ""
}

// routesIf is the version of the governance matter list a dispatch
// records, so that grading uses the routes it followed.
func routesIf(k matters.Kind, version string) string {
	if k == matters.Dispatch {
		return version
	}
	return ""
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
