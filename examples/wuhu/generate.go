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
	seedLo = 746      // the matters whistled in 2020 so far (今年以来), as the source reports
)

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
