package canon

import (
	"math"
	"math/big"
	"math/rand"
	"strings"
	"time"

	"github.com/qingdan/qingdan/matters"
	"github.com/qingdan/qingdan/scoring"
	"github.com/qingdan/qingdan/scoring/reason"
	"github.com/shopspring/decimal"
)

// The random payloads the properties of this package draw.

// texts a generator draws from: plain, empty, every kind of escape, HTML
// characters, line and paragraph separators, DEL, CJK and an emoji.
var sampleTexts = []string{
	"", "JJ-01", "城管局", "a\"b\\c", "<响应及时> & 处置到位", "\b\f\n\r\t", "\x00\x01\x1f", "\u2028\u2029", "\x7f",
	"e\u0301", "😀", "\ufffd", "tab\tend", `\u003c`, "long " + strings.Repeat("字", 40),
}

// badTexts are not valid UTF-8: they have no canonical form.
var badTexts = []string{"bad \xff", "\xed\xa0\x80", "\xc0\xaf"}

type gen struct{ r *rand.Rand }

func (g gen) text() string {
	if g.r.Intn(100) == 0 {
		return badTexts[g.r.Intn(len(badTexts))]
	}
	s := sampleTexts[g.r.Intn(len(sampleTexts))]
	if g.r.Intn(4) == 0 {
		s += sampleTexts[g.r.Intn(len(sampleTexts))]
	}
	return s
}

func (g gen) texts() []string {
	switch g.r.Intn(4) {
	case 0:
		return nil
	case 1:
		return []string{}
	}
	out := make([]string, 1+g.r.Intn(3))
	for i := range out {
		out[i] = g.text()
	}
	return out
}

func (g gen) time() time.Time {
	zones := []*time.Location{time.UTC, time.FixedZone("CST", 8*3600), time.FixedZone("W", -(9*3600 + 30*60))}
	sec := g.r.Int63n(253402300799+62135596800) - 62135596800 // years 0001 to 9999
	if g.r.Intn(10) == 0 {
		sec = -62167219200 + g.r.Int63n(1e7) // the year 0000
	}
	nsec := []int64{0, 500_000_000, 123_456_789, 1, 100}[g.r.Intn(5)]
	return time.Unix(sec, nsec).In(zones[g.r.Intn(len(zones))])
}

func (g gen) decimal() decimal.Decimal {
	switch g.r.Intn(6) {
	case 0:
		return decimal.Decimal{}
	case 1: // a coefficient beyond int64
		c, _ := new(big.Int).SetString(strings.Repeat("9", 19+g.r.Intn(20)), 10)
		return decimal.NewFromBigInt(c, int32(g.r.Intn(30)-15))
	case 2: // trailing zeros to drop
		return decimal.New(g.r.Int63n(1000)*1000, int32(-g.r.Intn(6)))
	}
	return decimal.New(g.r.Int63n(2e6)-1e6, int32(g.r.Intn(24)-12))
}

func (g gen) event() matters.Event {
	e := matters.Event{Matter: g.text(), Seq: g.r.Intn(5) - 1, At: g.time(), Kind: matters.Kind(g.r.Intn(21)),
		Actor: g.text(), Type: g.text(), Units: g.texts(), Routes: g.text(), Override: g.text(), Note: g.text(),
		Days: g.r.Intn(4) - 1, Ref: g.r.Intn(4), Supervisor: g.text()}
	if g.r.Intn(3) > 0 {
		b := g.r.Intn(2) == 0
		e.Satisfied = &b
	}
	if g.r.Intn(3) > 0 {
		b := g.r.Intn(2) == 0
		e.Solved = &b
	}
	return e
}

func (g gen) evaluation() scoring.Evaluation {
	e := scoring.Evaluation{Matter: g.text(), Subject: g.text(), Evaluator: g.text(), Stage: []int{0, 1, 2, -3, min(math.MaxInt, 1<<40)}[g.r.Intn(5)], At: g.time(),
		Result: scoring.Result{Grade: g.text(), Points: g.decimal(), Policy: g.text(), Reasons: g.reasons()}}
	if g.r.Intn(2) == 0 {
		e.Facts = g.facts()
	}
	return e
}

// reasons draws a list of reasons: texts, and reasons with a rule, checks
// and figures, now and then with a code out of range (no form).
func (g gen) reasons() []reason.Reason {
	if g.r.Intn(4) == 0 {
		return reason.Texts(g.texts()...)
	}
	rs := make([]reason.Reason, 1+g.r.Intn(2))
	for i := range rs {
		r := reason.Reason{Rule: g.r.Intn(3), Lang: reason.Lang(g.r.Intn(2)), Type: g.text(), Text: g.text()}
		if g.r.Intn(2) == 0 {
			r.Name = g.text()
		}
		for range g.r.Intn(3) {
			r.Checks = append(r.Checks, reason.Check{Of: reason.Of(1 + g.r.Intn(14)), Op: reason.Op(1 + g.r.Intn(5)), Threshold: g.decimal()})
		}
		for range g.r.Intn(4) {
			r.Figures = append(r.Figures, reason.Figure{Of: reason.Of(1 + g.r.Intn(14)), Done: g.r.Intn(2) == 0, Actual: g.duration(), Limit: g.duration(),
				Places: g.r.Intn(3) * 2, Value: g.r.Intn(5) - 2})
		}
		if g.r.Intn(200) == 0 {
			r.Lang = 7
		}
		if g.r.Intn(200) == 0 && len(r.Checks) > 0 {
			r.Checks[0].Of = 0
		}
		rs[i] = r
	}
	return rs
}

// duration draws a time.Duration: 0, small and large, negative, the ends.
func (g gen) duration() time.Duration {
	return []time.Duration{0, 1, 1500, 2 * time.Millisecond, 1500 * time.Microsecond, 3*time.Hour + time.Second/3, -5, math.MaxInt64, math.MinInt64, 90 * time.Minute}[g.r.Intn(10)]
}

// facts draws the facts of an evaluation.
func (g gen) facts() *scoring.Facts {
	f := &scoring.Facts{Matter: g.text(), Subject: g.text(), Evaluator: g.text(), Type: g.text(), Stage: g.r.Intn(3) - 1, Final: g.r.Intn(2) == 0,
		Response: g.duration(), ResponseLimit: g.duration(), Resolution: g.duration(), ResolutionLimit: g.duration(),
		Responded: g.r.Intn(2) == 0, Resolved: g.r.Intn(2) == 0, Returned: g.r.Intn(2) == 0, Urged: g.r.Intn(3), Supervised: g.r.Intn(3),
		Replied: g.r.Intn(2) == 0, Quality: g.r.Intn(7) - 1}
	if g.r.Intn(3) > 0 {
		b := g.r.Intn(2) == 0
		f.Satisfied = &b
	}
	if g.r.Intn(3) == 0 {
		f.Attrs = map[string]string{}
		for range g.r.Intn(4) {
			f.Attrs[g.text()] = g.text()
		}
	}
	return f
}

func (g gen) amendment() scoring.Amendment {
	return scoring.Amendment{Evaluation: g.evaluation(), Author: g.text(), Reason: g.text()}
}
