package ledger

import (
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

// TestSameReasons: the stored form of reasons is recognised as theirs, by
// the fast path for short texts too, and not as any other reasons'.
func TestSameReasons(t *testing.T) {
	lists := [][]reason.Reason{nil, reason.Texts(""), reason.Texts("rule"), reason.Texts("rule", "x"), reason.Texts(strings.Repeat("a", maxShortText)),
		reason.Texts(strings.Repeat("a", maxShortText+1)), reason.Texts("rulf"), {{Rule: 1, Text: "rule"}}, {{Type: "rule"}}, {{Name: "rule"}},
		{{Rule: 2, Checks: []reason.Check{{Of: reason.Quality, Op: reason.Is, Threshold: decimal.New(4, 0)}}}},
		{{Rule: 2, Checks: []reason.Check{{Of: reason.Quality, Op: reason.Is, Threshold: decimal.New(40, -1)}}}},
		{{Figures: []reason.Figure{{Of: reason.Response, Done: true, Actual: 5, Limit: 7, Places: 2}}}},
		{{Figures: []reason.Figure{{Of: reason.Response, Actual: 5, Limit: 7, Places: 2}}}}}
	for i, a := range lists {
		buf := appendReasons(nil, a)
		for j, b := range lists {
			if got := sameReasons(buf, b); got != (i == j) {
				t.Errorf("the stored form of list %d is that of list %d: %v", i, j, got)
			}
		}
	}
}
