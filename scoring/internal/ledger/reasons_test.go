package ledger

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
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
