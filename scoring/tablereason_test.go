package scoring

import (
	"math"
	"math/big"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/qingdan/qingdan/scoring/internal/ratio"
)

// TestAppendTwoPlaces checks ratio.Append at 2 places, the figure of most
// reasons, against big.Rat, at the edges of its range and of its rounding.
func TestAppendTwoPlaces(t *testing.T) {
	const edge = (1<<63 - 1) / 400
	limits := []int64{1, 2, 3, 7, 100, int64(time.Hour), 3 * int64(time.Hour), int64(72 * time.Hour), edge - 1, edge, edge + 1, math.MaxInt64}
	for _, l := range limits {
		for _, a := range []int64{0, 1, l / 3, l/2 - 1, l / 2, l/2 + 1, l - 1, l, l + 1, 2*l - 1, 2 * l, 10 * l, 999 * l, edge, edge + 1, math.MaxInt64} {
			if a < 0 {
				continue
			}
			if got, want := ratio.Append(nil, a, l, 2), roundRat(new(big.Rat).SetFrac64(a, l), 2).StringFixed(2); string(got) != want {
				t.Errorf("ratio.Append(%d, %d, 2) = %s, want %s", a, l, got, want)
			}
		}
	}
}

// referenceRatio writes actual/limit the plain way: rounded half up to 2
// places, or as many more as it takes to compare with 1 (the limit, the
// one threshold of a reason without a table) as the ratio does.
func referenceRatio(b []byte, actual, limit int64) []byte {
	r := new(big.Rat).SetFrac64(actual, limit)
	one := big.NewRat(1, 1)
	for places := int32(2); ; places++ {
		d := roundRat(r, places)
		if d.Rat().Cmp(one) == r.Cmp(one) {
			return append(b, d.StringFixed(places)...)
		}
	}
}

// referenceReason writes a reason the plain way, with strconv's quoting
// and referenceRatio: what reason must write byte for byte.
func referenceReason(i int, name string, f *Facts) string {
	b := []byte("rule " + strconv.Itoa(i+1))
	if name != "" {
		b = strconv.AppendQuote(append(b, ' '), name)
	}
	b = append(b, ": "...)
	figure := func(b []byte, name, missing string, done bool, actual, limit time.Duration) []byte {
		if done {
			b = append(b, name...)
		} else {
			b = append(b, missing...)
			if actual <= 0 {
				return b
			}
			b = append(b, ", so far"...)
		}
		b = append(b, ' ')
		if limit <= 0 {
			return append(append(b, max(actual, 0).String()...), ", no limit"...)
		}
		return append(referenceRatio(b, int64(max(actual, 0)), int64(limit)), " of limit"...)
	}
	b = figure(b, "response", "not responded", f.Responded, f.Response, f.ResponseLimit)
	b = figure(append(b, ", "...), "resolution", "not resolved", f.Resolved, f.Resolution, f.ResolutionLimit)
	if f.Returned {
		b = append(b, ", returned"...)
	}
	if f.Urged > 0 {
		b = strconv.AppendInt(append(b, ", urged "...), int64(f.Urged), 10)
	}
	if f.Supervised > 0 {
		b = strconv.AppendInt(append(b, ", supervised "...), int64(f.Supervised), 10)
	}
	if f.Quality != 0 {
		b = strconv.AppendInt(append(b, ", quality "...), int64(f.Quality), 10)
	} else {
		b = append(b, ", quality not given"...)
	}
	switch {
	case f.Satisfied == nil:
		b = append(b, ", no feedback"...)
	case *f.Satisfied:
		b = append(b, ", satisfied"...)
	default:
		b = append(b, ", dissatisfied"...)
	}
	if f.Stage > 0 {
		b = strconv.AppendInt(append(b, ", stage "...), int64(f.Stage), 10)
	}
	if f.Type != "" {
		b = strconv.AppendQuote(append(b, ", type "...), f.Type)
	}
	return string(b)
}

// TestReasonMatchesReference writes the reasons of many facts both ways:
// every flag and answer, times negative, zero, ordinary and near the
// largest duration, no limits, qualities and stages out of range, and
// names and types that need escaping.
func TestReasonMatchesReference(t *testing.T) {
	rng := rand.New(rand.NewPCG(16, 2))
	texts := []string{"", "on time, quality ≥ 4", "占道经营", "违章搭建（夜间）", `a "b"`, "tab\t", "\xff\xfe", "\u2028", "\U0001F600", strings.Repeat("很长的类型", 40)}
	times := []time.Duration{-5, 0, 1, time.Second, 3 * time.Hour, 72 * time.Hour, (1<<63 - 1) / 400, (1<<63-1)/400 + 1, math.MaxInt64}
	yes, no := true, false
	answers := []*bool{nil, &yes, &no}
	for range 20000 {
		f := Facts{Responded: rng.IntN(2) == 0, Resolved: rng.IntN(2) == 0, Returned: rng.IntN(2) == 0, Urged: rng.IntN(3), Supervised: rng.IntN(3),
			Response: times[rng.IntN(len(times))], ResponseLimit: times[rng.IntN(len(times))],
			Resolution: times[rng.IntN(len(times))], ResolutionLimit: times[rng.IntN(len(times))],
			Quality: rng.IntN(16) - 3, Stage: rng.IntN(16) - 3, Satisfied: answers[rng.IntN(3)], Type: texts[rng.IntN(len(texts))]}
		if rng.IntN(2) == 0 {
			f.Response, f.Resolution = time.Duration(rng.Int64N(int64(1000*time.Hour))), time.Duration(rng.Int64N(int64(1000*time.Hour)))
		}
		i, name := rng.IntN(120), texts[rng.IntN(len(texts))]
		if got, want := (&Table{}).reason(i, &TableRule{Name: name}, &f)[0].String(), referenceReason(i, name, &f); got != want {
			t.Fatalf("reason of %+v:\n got %s\nwant %s", f, got, want)
		}
		if got, want := describe(&f), referenceReason(0, "", &f)[len("rule 1: "):]; got != want {
			t.Fatalf("describe of %+v:\n got %s\nwant %s", f, got, want)
		}
	}
}

// FuzzReason compares reason with the plain way of writing it.
func FuzzReason(f *testing.F) {
	f.Add("on time, quality ≥ 4", "占道经营", int64(time.Hour), int64(4*time.Hour), 5, 2, true)
	f.Add("a\"b", "\xff", int64(-1), int64(0), -3, 0, false)
	f.Fuzz(func(t *testing.T, name, typ string, actual, limit int64, quality, stage int, done bool) {
		yes := quality%2 == 0
		fs := Facts{Responded: done, Resolved: !done, Response: time.Duration(actual), ResponseLimit: time.Duration(limit),
			Resolution: time.Duration(limit), ResolutionLimit: time.Duration(actual), Quality: quality, Stage: stage, Satisfied: &yes, Type: typ}
		if got, want := (&Table{}).reason(stage&7, &TableRule{Name: name}, &fs)[0].String(), referenceReason(stage&7, name, &fs); got != want {
			t.Errorf("reason:\n got %s\nwant %s", got, want)
		}
	})
}
