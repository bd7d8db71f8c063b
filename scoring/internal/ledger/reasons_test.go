package ledger

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/qingdan/qingdan/internal/jsonx"
	"github.com/qingdan/qingdan/scoring/reason"
	"github.com/shopspring/decimal"
)

// TestReasonsRoundTrip: the stored form of reasons reads back as they
// were, whatever the length of a reason (a length of one, two, three and
// four bytes) and the size of a threshold.
func TestReasonsRoundTrip(t *testing.T) {
	big := decimal.RequireFromString("-1234567890123456789012345678.25")
	table := reason.Reason{Rule: 300, Name: "按时，质量≥4", Lang: reason.Chinese, Type: "占道经营",
		Checks: []reason.Check{{Of: reason.Quality, Op: reason.AtLeast, Threshold: decimal.New(4, 0)}, {Of: reason.Response, Op: reason.Over, Threshold: big},
			{Of: reason.Satisfaction, Op: reason.Is, Threshold: decimal.New(-1, 0)}},
		Figures: []reason.Figure{{Of: reason.Response, Done: true, Actual: -5, Limit: 4 * time.Hour, Places: 40}, {Of: reason.Stage, Value: -7}}}
	for _, n := range []int{0, 100, 200, 20000, 3 << 20} {
		rs := []reason.Reason{table, reason.Text(strings.Repeat("长", n/3)), {}}
		buf := appendReasons([]byte("x"), rs)
		got := readReasons(buf[1:], false, &blocks{})
		if diff := cmp.Diff(rs, got); diff != "" {
			t.Errorf("text of %d bytes: mismatch (-want +got):\n%s", n, diff)
		}
	}
}

// TestSameReasons: reasons are recognised as those stored last for their
// grade and policy, and stored once for both entries, by the fast path for
// short texts and by their written form, and not as any other reasons'.
func TestSameReasons(t *testing.T) {
	june := time.Date(2020, 6, 15, 10, 0, 0, 0, time.UTC)
	table := reason.Reason{Rule: 2, Checks: []reason.Check{{Of: reason.Quality, Op: reason.Is, Threshold: decimal.New(4, 0)}}}
	lists := [][]reason.Reason{nil, reason.Texts(""), reason.Texts("rule"), reason.Texts("rule", "x"), reason.Texts(strings.Repeat("a", maxShortText)),
		reason.Texts(strings.Repeat("a", maxShortText+1)), reason.Texts("rulf"), {{Rule: 1, Text: "rule"}}, {{Type: "rule"}}, {{Name: "rule"}},
		{table}, {reason.Text("rule"), table}, {reason.Text("rulf"), table},
		{{Rule: 2, Checks: []reason.Check{{Of: reason.Quality, Op: reason.Is, Threshold: decimal.New(40, -1)}}}},
		{{Figures: []reason.Figure{{Of: reason.Response, Done: true, Actual: 5, Limit: 7, Places: 2}}}},
		{{Figures: []reason.Figure{{Of: reason.Response, Actual: 5, Limit: 7, Places: 2}}}}}
	for i, a := range lists {
		for j, b := range lists {
			var l Ledger
			for k, rs := range [][]reason.Reason{a, b} {
				e := entry(fmt.Sprint("M-", k), "D1", 0, june, "85")
				e.Reasons = rs
				if out := l.Add(&e); out != Added {
					t.Fatalf("lists %d and %d: Add(%v) = %v", i, j, e.Key, out)
				}
			}
			if got := l.recs.at(0).reasonsID() == l.recs.at(1).reasonsID(); got != (i == j) {
				t.Errorf("list %d after list %d stored as the same reasons: %v", j, i, got)
			}
			es := l.Unsorted()
			if diff := cmp.Diff([][]reason.Reason{a, b}, [][]reason.Reason{es[0].Reasons, es[1].Reasons}); diff != "" {
				t.Errorf("lists %d and %d read back mismatch (-want +got):\n%s", i, j, diff)
			}
		}
	}
}

// FuzzReasons adds an entry with arbitrary reasons to a ledger that holds
// the same reasons with every code and text made valid, for the same
// grade and policy: the ledger takes them exactly when ValidReasons
// does, and gives back what it took as it was, to the threshold's
// exponent.
func FuzzReasons(f *testing.F) {
	f.Add(1, 0, "n", "t", "type", 1, 1, int64(5), int32(-1), false, int64(90), int64(3600), 2, 1)
	f.Add(1, 256, "n", "t", "type", 256+1, 1, int64(5), int32(-1), false, int64(90), int64(3600), 2, 1)
	f.Add(-1, 256, "", "", "", 256+1, 256+1, int64(-1), int32(1<<30), true, int64(-1), int64(0), 83, -7)
	f.Add(0, 0, "\xff", "", "", 15, 0, int64(1)<<62, int32(-40), false, int64(0), int64(0), -1, 0)
	f.Fuzz(func(t *testing.T, rule, lang int, name, text, typ string, of, op int, coef int64, exp int32, done bool, actual, limit int64, places, value int) {
		r := reason.Reason{Rule: rule, Name: name, Lang: reason.Lang(lang), Type: typ, Text: text,
			Checks:  []reason.Check{{Of: reason.Of(of), Op: reason.Op(op), Threshold: decimal.New(coef, exp)}},
			Figures: []reason.Figure{{Of: reason.Of(of), Done: done, Actual: time.Duration(actual), Limit: time.Duration(limit), Places: places, Value: value}}}
		// sound is r made valid: each code by its low byte where that
		// names one, each text that is not UTF-8 replaced.
		code := func(v, n int) int {
			if v&0xff >= 1 && v&0xff <= n {
				return v & 0xff
			}
			return 1 + (v&0xff)%n
		}
		sound := r
		sound.Rule, sound.Lang = max(rule, 0), reason.Lang(code(lang, 2)-1)
		sound.Name, sound.Text, sound.Type = strings.ToValidUTF8(name, "?"), strings.ToValidUTF8(text, "?"), strings.ToValidUTF8(typ, "?")
		sound.Checks = []reason.Check{{Of: reason.Of(code(of, 14)), Op: reason.Op(code(op, 5)), Threshold: decimal.New(coef, exp)}}
		if !jsonx.DecimalFits(sound.Checks[0].Threshold) {
			sound.Checks[0].Threshold = decimal.New(coef%1000, exp%30)
		}
		sound.Figures = []reason.Figure{r.Figures[0]}
		sound.Figures[0].Of, sound.Figures[0].Places = reason.Of(code(of, 14)), min(max(places, 0), 82)
		var l Ledger
		e := entry("M-1", "D1", 0, time.Date(2020, 6, 15, 10, 0, 0, 0, time.UTC), "85")
		e.Reasons = []reason.Reason{sound}
		if out := l.Add(&e); out != Added {
			t.Fatalf("Add(%+v) = %v", sound, out)
		}
		e.Matter, e.Reasons = "M-2", []reason.Reason{r}
		valid := ValidReasons(e.Reasons)
		if out := l.Add(&e); (out == Added) != valid {
			t.Fatalf("Add(%+v) = %v, but ValidReasons = %v", r, out, valid)
		}
		if !valid {
			return
		}
		got, _ := l.Matter("M-2")
		if diff := cmp.Diff([]reason.Reason{r}, got[0].Reasons); diff != "" {
			t.Fatalf("reasons read back mismatch (-want +got):\n%s", diff)
		}
		if th := got[0].Reasons[0].Checks[0].Threshold; th.Exponent() != exp || th.CoefficientInt64() != coef {
			t.Fatalf("threshold read back as %v × 10^%d, want %v × 10^%d", th.CoefficientInt64(), th.Exponent(), coef, exp)
		}
	})
}
