package main

import (
	"fmt"
	"slices"
	"time"
)

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
