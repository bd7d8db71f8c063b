package main

import (
	"slices"
	"time"
)

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
