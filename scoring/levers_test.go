package scoring_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/qingdan/qingdan/locality/wuhu"
	"github.com/qingdan/qingdan/scoring"
)

// TestLeverTableSeesNoAttrs proves the evaluator's row of
// docs/policy.md's "What a host can change": a table cannot see
// Facts.Attrs. It has no condition on them — LoadTable refuses a rule
// with one as an unknown field — and grades facts with any Attrs as it
// grades them without, compiled or not; a host's Go evaluator reads them.
func TestLeverTableSeesNoAttrs(t *testing.T) {
	yes := true
	facts := []scoring.Facts{
		{Subject: "D1"},
		{Subject: "D1", Final: true, Responded: true, Resolved: true, Response: time.Hour, ResponseLimit: 4 * time.Hour,
			Resolution: 10 * time.Hour, ResolutionLimit: 72 * time.Hour, Quality: 5, Satisfied: &yes},
		{Subject: "D1", Responded: true, Response: 5 * time.Hour, ResponseLimit: 4 * time.Hour, Returned: true, Supervised: 1},
	}
	attrs := []map[string]string{{"grade": "excellent"}, {"poor": "true", "quality": "5"}, {"": ""}}
	table := wuhu.Table()
	compiled, err := table.Compile()
	if err != nil {
		t.Fatal(err)
	}
	for i, f := range facts {
		want, err := table.Evaluate(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, a := range attrs {
			f.Attrs = a
			for name, e := range map[string]scoring.Evaluator{"table": table, "compiled": compiled} {
				got, err := e.Evaluate(f)
				if err != nil {
					t.Fatal(err)
				}
				if diff := cmp.Diff(want, got); diff != "" {
					t.Errorf("facts %d with Attrs %v, %s: mismatch (-want +got):\n%s", i, a, name, diff)
				}
			}
		}
	}
	withAttrs := `{"version": "v", "scale": [{"code": "ok", "points": "1"}], "rules": [{"grade": "ok", "attrs": {"grade": "excellent"}}]}`
	if _, err := scoring.LoadTable(strings.NewReader(withAttrs)); !errors.Is(err, scoring.ErrInvalid) || !strings.Contains(err.Error(), "attrs") {
		t.Errorf("LoadTable of a rule with a condition on Attrs: %v, want ErrInvalid naming attrs", err)
	}
}
