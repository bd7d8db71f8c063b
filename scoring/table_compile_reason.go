package scoring

// The reason a compiled table gives: written field by field into memory
// allocated in one block per Result (by Evaluate) or once for a Result a
// host reuses (by evaluateInto), with each figure's places found against
// the table's thresholds worked out at Compile.

import (
	"math/bits"
	"time"

	"github.com/qingdan/qingdan/scoring/reason"
)

// evaluateInto grades f as Evaluate does, into *dst, writing the reason
// into memory dst already holds from an earlier call (see EvaluateInto).
func (c *compiled) evaluateInto(dst *Result, f *Facts) error {
	if err := checkFigures(c.t.Version, f); err != nil {
		*dst = Result{}
		return err
	}
	i := c.match(f)
	if i < 0 {
		*dst = Result{}
		return c.noRule(f)
	}
	r := &c.rules[i]
	rs := dst.Reasons
	if cap(rs) != 2 || rs[:2][1].Rule != intoMark || cap(rs[:2][1].Figures) < maxFigures {
		b := new(intoBlock)
		b.rs[1] = reason.Reason{Rule: intoMark, Checks: b.cs[:0], Figures: b.fs[:]}
		rs = b.rs[:]
	}
	rs = rs[:2]
	rr, own := &rs[0], &rs[1]
	if cap(own.Checks) < len(r.checks) {
		own.Checks = make([]reason.Check, 0, len(r.checks))
	}
	fs := own.Figures[:figureCount(f)]
	clear(fs)
	*rr = reason.Reason{}
	c.fill(rr, own.Checks[:0], fs, i, r, f)
	*dst = Result{Grade: r.grade.Code, Points: r.grade.Points, Policy: c.policy, Reasons: rs[:1]}
	return nil
}

// intoBlock is the memory evaluateInto writes reasons into, allocated
// once for a Result: two reasons, of which the Result shows the first.
// The second, beyond the slice's length, holds the room for checks and
// figures (so that a rule with no checks, whose reason has none, does not
// lose it) and marks the memory as evaluateInto's own with its Rule,
// intoMark, which no reason has: memory that a Result got elsewhere (from
// an evaluator of the host's, or from a Book) is never written over.
type intoBlock struct {
	rs [2]reason.Reason
	cs [inlineChecks]reason.Check
	fs [maxFigures]reason.Figure
}

// intoMark is the Rule of an intoBlock's second reason.
const intoMark = -1

// reason4 and reason8 hold a compiled table's reason, its checks and its
// figures in one allocation: four figures are what most facts give, eight
// the most; most rules check one or two conditions.
type (
	reason4 struct {
		rs [1]reason.Reason
		cs [inlineChecks]reason.Check
		fs [4]reason.Figure
	}
	reason8 struct {
		rs [1]reason.Reason
		cs [inlineChecks]reason.Check
		fs [maxFigures]reason.Figure
	}
)

// newReason returns a reason, room for the checks of r and n figures,
// zero, in one block (the checks of a rule of more than two conditions in
// another).
func newReason(r *compiledRule, n int) ([]reason.Reason, []reason.Check, []reason.Figure) {
	var rs []reason.Reason
	var cs, fs = []reason.Check(nil), []reason.Figure(nil)
	if n <= 4 {
		b := new(reason4)
		rs, cs, fs = b.rs[:], b.cs[:0], b.fs[:n]
	} else {
		b := new(reason8)
		rs, cs, fs = b.rs[:], b.cs[:0], b.fs[:n]
	}
	if len(r.checks) > inlineChecks {
		cs = make([]reason.Check, 0, len(r.checks))
	}
	return rs, cs, fs
}

// fill writes into rr, a zero reason, the reason of rule i (r) for f:
// Table.reason with the checks prepared and the places found against the
// prepared thresholds. cs has room for r's checks; fs holds f's figures,
// zero.
func (c *compiled) fill(rr *reason.Reason, cs []reason.Check, fs []reason.Figure, i int, r *compiledRule, f *Facts) {
	c.sides[0].set(&fs[0], reason.Response, f.Responded, f.Response, f.ResponseLimit)
	c.sides[1].set(&fs[1], reason.Resolution, f.Resolved, f.Resolution, f.ResolutionLimit)
	setCounts(fs[2:], f)
	// Field by field, into memory that is zero: a pointer written alone
	// costs the collector less than a struct copied over (and Text, empty,
	// costs nothing).
	if r.checks != nil { // the caller's own, as Evaluator promises; field by field, as below
		cs = cs[:len(r.checks)]
		for j := range r.checks {
			c, x := &cs[j], &r.checks[j]
			c.Of, c.Op, c.Threshold = x.Of, x.Op, x.Threshold
		}
		rr.Checks = cs
	}
	rr.Rule, rr.Name, rr.Lang, rr.Figures, rr.Type = i+1, r.name, c.lang, fs, f.Type
}

// set sets fg, a zero figure, as timeFigure gives it, with the places
// found against the prepared thresholds.
func (s *side) set(fg *reason.Figure, of reason.Of, done bool, actual, limit time.Duration) {
	fg.Of, fg.Done, fg.Actual, fg.Limit = of, done, actual, limit
	if limit > 0 && (done || actual > 0) {
		a, l := int64(max(actual, 0)), int64(limit)
		if s.twoPlaces(a, l) {
			fg.Places = 2
		} else {
			fg.Places = s.full.places(a, l)
		}
	}
}

// twoPlaces reports whether actual/limit, shown with 2 places, surely
// compares with 1 and every threshold as the ratio does
// (sides.agreeHundredths); where it does not, or it cannot tell cheaply,
// sides.places chooses. The figure shown, q hundredths, is
// ⌊(200 × actual + limit) / (2 × limit)⌋ (half up); it can only read
// wrongly against a threshold of X hundredths when q is X, that is when
// (2X − 1) × limit ≤ 200 × actual < (2X + 1) × limit, and then only if
// the ratio is not X hundredths itself.
func (s *side) twoPlaces(actual, limit int64) bool {
	ah, al := bits.Mul64(uint64(actual), 200)
	if hi, _ := bits.Mul64(uint64(limit), 1<<63); s.exact || ah >= hi {
		return false // a threshold not of whole hundredths, or a q that may not fit 64 bits
	}
	for _, x := range s.hundredths {
		var lh, ll uint64 // (2X − 1) × limit, 0 for a threshold of 0 (q is 0 from 0 on)
		if x > 0 {
			lh, ll = bits.Mul64(2*x-1, uint64(limit))
		}
		hh, hl := bits.Mul64(2*x+1, uint64(limit))
		if less128(ah, al, lh, ll) || !less128(ah, al, hh, hl) {
			continue // q is not x
		}
		xh, xl := bits.Mul64(x, uint64(limit))
		return ah == 2*xh+xl>>63 && al == xl<<1 // the figure is the ratio itself
	}
	return true
}

// less128 reports whether ah:al < bh:bl.
func less128(ah, al, bh, bl uint64) bool { return ah < bh || ah == bh && al < bl }
