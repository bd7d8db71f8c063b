package scoring

import (
	"math"
	"math/big"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// TestAppendQuoted checks that appendQuoted writes what strconv.AppendQuote
// writes: for ASCII, Chinese, the punctuation of rule names, controls,
// quotes, invalid UTF-8 and runes to escape, alone and in runs of every
// length around the 8-byte word it checks at once.
func TestAppendQuoted(t *testing.T) {
	pieces := []string{"", "a", "on time, quality ≥ 4", "quality 1–2", "占道经营", "违章搭建（夜间）", "《条例》第三十六条",
		`say "hi"`, `back\slash`, "tab\there", "new\nline", "\x7f", "\xff", "\xe4\xb8", "\xed\xa0\x80", "\u00a0", "\u3000",
		"\u2028", "\ufeff", "\U0001F600", "ｶﾅ", "ひらがな・カタカナ", "x\u0301", "\u200b", "𠀀", "\u4dbf\u4dc0", "\u9fff\ua000"}
	for _, a := range pieces {
		for _, b := range pieces {
			for n := range 18 {
				s := a + strings.Repeat("x", n) + b
				want := strconv.AppendQuote([]byte("x"), s)
				if got := appendQuoted([]byte("x"), s); string(got) != string(want) {
					t.Errorf("appendQuoted(%q) = %s, want %s", s, got, want)
				}
			}
		}
	}
}

// TestPrintable3 checks every rune of printable3 against strconv.IsPrint
// and its 3-byte encoding, so that the fast path of appendQuoted agrees
// with strconv on the Unicode tables of the Go it is built with.
func TestPrintable3(t *testing.T) {
	for _, p := range printable3 {
		for r := p[0]; r <= p[1]; r++ {
			if !strconv.IsPrint(r) || utf8.RuneLen(r) != 3 {
				t.Fatalf("rune %U of printable3 is not a printable 3-byte rune", r)
			}
		}
	}
	if !isPrint3(cjkFirst) || !isPrint3(cjkLast) || isPrint3(0x3000) || isPrint3(0x2028) {
		t.Error("isPrint3 does not follow printable3")
	}
}

// FuzzAppendQuoted compares appendQuoted with strconv.AppendQuote.
func FuzzAppendQuoted(f *testing.F) {
	for _, s := range []string{"on time, quality ≥ 4", "占道经营", "a\"b", "\xff", "\u2028", "abcdefgh12345678"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := appendQuoted(nil, s), strconv.AppendQuote(nil, s); string(got) != string(want) {
			t.Errorf("appendQuoted(%q) = %s, want %s", s, got, want)
		}
	})
}

// TestAppendRatioFast checks the fast path of a reason's ratios against
// appendRatio, at the edges of its range and of its rounding.
func TestAppendRatioFast(t *testing.T) {
	limits := []int64{1, 2, 3, 7, 100, int64(time.Hour), 3 * int64(time.Hour), int64(72 * time.Hour), maxRatioTime - 1, maxRatioTime, maxRatioTime + 1, math.MaxInt64}
	for _, l := range limits {
		for _, a := range []int64{0, 1, l / 3, l/2 - 1, l / 2, l/2 + 1, l - 1, l, l + 1, 2*l - 1, 2 * l, 10 * l, 999 * l, maxRatioTime, maxRatioTime + 1, math.MaxInt64} {
			if a < 0 {
				continue
			}
			if got, want := appendRatioFast(nil, a, l), appendRatio(nil, a, l); string(got) != string(want) {
				t.Errorf("appendRatioFast(%d, %d) = %s, want %s", a, l, got, want)
			}
		}
	}
	for q := range 2000 {
		if got, want := appendRatioFast(nil, int64(q), 100), appendRatio(nil, int64(q), 100); string(got) != string(want) {
			t.Errorf("appendRatioFast(%d, 100) = %s, want %s", q, got, want)
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
	times := []time.Duration{-5, 0, 1, time.Second, 3 * time.Hour, 72 * time.Hour, maxRatioTime, maxRatioTime + 1, math.MaxInt64}
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
		if got, want := (*Table)(nil).reason(i, &TableRule{Name: name}, &f), referenceReason(i, name, &f); got != want {
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
		if got, want := (*Table)(nil).reason(stage&7, &TableRule{Name: name}, &fs), referenceReason(stage&7, name, &fs); got != want {
			t.Errorf("reason:\n got %s\nwant %s", got, want)
		}
	})
}
