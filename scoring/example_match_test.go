package scoring_test

import (
	"fmt"

	"github.com/qingdan/qingdan/scoring"
	"github.com/shopspring/decimal"
)

// Match says which row of a table grades a set of facts, without grading
// them: what a coverage report (scoringtest.Cover) counts.
func ExampleTable_Match() {
	yes := true
	table := &scoring.Table{Version: "t-1", Scale: scoring.Scale{{Code: "ok", Points: decimal.NewFromInt(100)}}, Rules: []scoring.TableRule{
		{Name: "returned", Grade: "ok", Returned: &yes},
		{Name: "otherwise", Grade: "ok"},
	}}
	i, ok := table.Match(scoring.Facts{Returned: true})
	fmt.Println(i, ok, table.Rules[i].Name)
	i, ok = table.Match(scoring.Facts{})
	fmt.Println(i, ok, table.Rules[i].Name)
	// Output:
	// 0 true returned
	// 1 true otherwise
}
