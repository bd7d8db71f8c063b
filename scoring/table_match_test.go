package scoring_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/qingdan/qingdan/scoring"
	"github.com/shopspring/decimal"
)

// TestTableMatch checks that Match names the rule whose number the
// Result's Reason quotes, and -1 when no rule matches.
func TestTableMatch(t *testing.T) {
	yes, no := true, false
	tb := &scoring.Table{Version: "t-1", Scale: scoring.Scale{{Code: "a", Points: decimal.NewFromInt(1)}}, Rules: []scoring.TableRule{
		{Name: "happy", Grade: "a", Satisfaction: scoring.Satisfied},
		{Name: "returned", Grade: "a", Returned: &yes},
		{Name: "quiet", Grade: "a", Returned: &no},
	}}
	for _, c := range []struct {
		name string
		f    scoring.Facts
		want int
	}{
		{"first row", scoring.Facts{Satisfied: &yes}, 0},
		{"second row", scoring.Facts{Returned: true}, 1},
		{"third row", scoring.Facts{}, 2},
	} {
		got, ok := tb.Match(c.f)
		if !ok || got != c.want {
			t.Errorf("%s: Match = %d, %v, want %d, true", c.name, got, ok, c.want)
		}
		r, err := tb.Evaluate(c.f)
		if err != nil || !strings.HasPrefix(r.Reasons[0].String(), fmt.Sprintf("rule %d ", got+1)) {
			t.Errorf("%s: Evaluate = %v, %v; its reason does not quote rule %d", c.name, r, err, got+1)
		}
	}
	none := &scoring.Table{Rules: []scoring.TableRule{{Grade: "a", Returned: &yes}}}
	if got, ok := none.Match(scoring.Facts{}); ok || got != -1 {
		t.Errorf("Match with no matching rule = %d, %v, want -1, false", got, ok)
	}
	var nilTable *scoring.Table
	if got, ok := nilTable.Match(scoring.Facts{}); ok || got != -1 {
		t.Errorf("nil table: Match = %d, %v, want -1, false", got, ok)
	}
}
