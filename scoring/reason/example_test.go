package reason_test

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/qingdan/qingdan/scoring"
	"github.com/qingdan/qingdan/scoring/reason"
)

// A table declares its language with "lang": a Chinese table's reasons
// are written in Chinese; a host may ask for them in English too, and
// reads the comparisons and figures as data.
func Example_chineseTable() {
	t, err := scoring.LoadTable(strings.NewReader(`{
	  "version": "示例/1", "lang": "zh",
	  "scale": [{"code": "good", "label": "好", "points": "100"}, {"code": "fair", "label": "一般", "points": "70"}],
	  "rules": [
	    {"name": "按时，质量≥4", "grade": "good", "responseOnTime": true, "qualityMin": 4},
	    {"name": "其他", "grade": "fair"}
	  ]}`))
	if err != nil {
		fmt.Println(err)
		return
	}
	yes := true
	r, err := t.Evaluate(scoring.Facts{Matter: "M1", Subject: "城管局", Type: "占道经营",
		Responded: true, Response: 3 * time.Hour, ResponseLimit: 4 * time.Hour, Quality: 5, Satisfied: &yes})
	if err != nil {
		fmt.Println(err)
		return
	}
	why := r.Reasons[0]
	fmt.Println(why)
	fmt.Println(why.In(reason.English))
	for _, c := range why.Checks {
		fmt.Println(c.Of.Label(), c.Op.Sign(), c.Threshold)
	}
	b, _ := json.Marshal(why.Checks[1])
	fmt.Println(string(b))
	// Output:
	// 规则 1「按时，质量≥4」：响应用时为时限的 0.75 倍，未办结，质量 5，满意，类型「占道经营」
	// rule 1 "按时，质量≥4": response 0.75 of limit, not resolved, quality 5, satisfied, type "占道经营"
	// 按时响应 = 1
	// 质量 ≥ 4
	// {"of":"quality","op":"atLeast","threshold":"4"}
}

// A host's own evaluator gives its reasons as text; they are written as
// JSON strings, as before reasons had structure.
func ExampleTexts() {
	rs := reason.Texts("市民满意", "按时办结")
	b, _ := json.Marshal(rs)
	fmt.Println(string(b), rs[0])
	// Output:
	// ["市民满意","按时办结"] 市民满意
}

// A figure is exact: the ratio is its times; Places only says how many
// decimals the text shows — more where two would read as on the limit.
func ExampleFigure() {
	f := reason.Figure{Of: reason.Response, Done: true, Actual: 4*time.Hour + 10*time.Second, Limit: 4 * time.Hour, Places: 3}
	fmt.Println(string(reason.AppendFigures(nil, []reason.Figure{f}, reason.English)))
	fmt.Println(string(reason.AppendFigures(nil, []reason.Figure{f}, reason.Chinese)))
	// Output:
	// response 1.001 of limit
	// 响应用时为时限的 1.001 倍
}
