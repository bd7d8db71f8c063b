package assessment_test

import (
	"bytes"
	"fmt"
	"io"
	"math"
	"strings"
	"testing"

	"github.com/qingdan/qingdan/assessment"
	"github.com/qingdan/qingdan/internal/hardening"
	"github.com/qingdan/qingdan/scoring"
	"github.com/shopspring/decimal"
)

// hostileSheets are sheets no call may panic on: the zero sheet, one of
// hostile numbers and names, one whose items do everything at once (the
// three invalid), and a valid one of many facts.
func hostileSheets() []*assessment.Sheet {
	h := func(i int) *decimal.Decimal { v := hardening.Decimals[i]; return &v }
	many := &assessment.Sheet{Version: "many", Base: assessment.Base{From: assessment.FixedBase, Points: h(1)}}
	for i := range 40 {
		many.Counts = append(many.Counts, fmt.Sprint("c", i))
		many.Rates = append(many.Rates, fmt.Sprint("r", i))
		many.Items = append(many.Items, assessment.Item{Name: fmt.Sprint(i), Fact: fmt.Sprint("c", i), Each: h(1)},
			assessment.Item{Name: fmt.Sprint("r", i), Fact: fmt.Sprint("r", i), Bands: []assessment.Band{{Points: *h(1)}}})
	}
	return []*assessment.Sheet{
		{},
		{Version: hardening.BadUTF8, Base: assessment.Base{From: assessment.FixedBase, Points: h(2)}, Counts: []string{"", hardening.Huge, "c", "c"},
			Rates: []string{"r", "c"}, MaxBonus: h(3), MaxDeduction: h(4), Scale: scoring.Scale{{Code: "g", Points: hardening.Decimals[2]}, {}},
			Items: []assessment.Item{
				{Name: hardening.Huge, Fact: "c", Each: h(2), Cap: h(3)},
				{Fact: "r", Bands: []assessment.Band{{From: h(3), Below: h(4), Points: hardening.Decimals[2]}, {Points: hardening.Decimals[4]}}, Cap: h(1)},
				{Fact: "r", Veto: &assessment.Veto{Points: h(2), Below: h(3)}},
				{Fact: "c", Veto: &assessment.Veto{Grade: "g"}},
				{Fact: "c", Veto: &assessment.Veto{Grade: "none"}},
				{Fact: "nope", Each: h(1), Bands: []assessment.Band{{}}, Veto: &assessment.Veto{}},
				{},
			}},
		{Version: "every", Base: assessment.Base{From: assessment.BaseKind(-7), Points: h(1)}, Counts: []string{"c"}, Rates: []string{"r"},
			Items: []assessment.Item{{Fact: "c", Each: h(1), Bands: []assessment.Band{{Points: *h(1)}}}, {Fact: "r", Veto: &assessment.Veto{}}}},
		many,
	}
}

// hostileFacts are facts no call may panic on.
func hostileFacts() []assessment.Facts {
	h := func(i int) *decimal.Decimal { v := hardening.Decimals[i]; return &v }
	return []assessment.Facts{
		{},
		{Unit: hardening.BadUTF8, Base: h(2), Counts: map[string]int{"c": -1, "": min(math.MaxInt, 1<<62), hardening.Huge: 1}, Rates: map[string]decimal.Decimal{"r": hardening.Decimals[2], "c": {}}},
		{Unit: "u", Base: h(4), Counts: map[string]int{"c": min(math.MaxInt, 1<<62), "c1": 3}, Rates: map[string]decimal.Decimal{"r": hardening.Decimals[3], "r1": decimal.New(5, -1)}},
		{Unit: hardening.Huge, Base: h(1), Counts: map[string]int{"c": 1}, Rates: map[string]decimal.Decimal{"r": decimal.New(1, -1000)}},
	}
}

// sheetRows are the rows of the sheet's functions and methods.
func sheetRows() []hardening.Row {
	h := func(i int) *decimal.Decimal { v := hardening.Decimals[i]; return &v }
	band := assessment.Band{From: h(2), Below: h(3), Points: hardening.Decimals[4]}
	veto := assessment.Veto{Points: h(2), Grade: hardening.BadUTF8, Below: h(4)}
	rows := hardening.EnumRows[assessment.BaseKind]("assessment", "BaseKind", assessment.ParseBaseKind)
	return append(rows, []hardening.Row{
		hardening.UnmarshalRow[assessment.Sheet]("assessment.Sheet"),
		hardening.UnmarshalRow[assessment.Base]("assessment.Base"),
		hardening.UnmarshalRow[assessment.Item]("assessment.Item"),
		hardening.UnmarshalRow[assessment.Band]("assessment.Band"),
		hardening.UnmarshalRow[assessment.Veto]("assessment.Veto"),
		hardening.UnmarshalRow[assessment.Facts]("assessment.Facts"),
		hardening.UnmarshalRow[assessment.Result]("assessment.Result"),
		hardening.UnmarshalRow[assessment.Reason]("assessment.Reason"),
		hardening.MarshalRow("assessment.Sheet", *hostileSheets()[1], *hostileSheets()[2]),
		hardening.MarshalRow("assessment.Base", assessment.Base{From: 99, Points: h(2)}),
		hardening.MarshalRow("assessment.Item", hostileSheets()[1].Items...),
		hardening.MarshalRow("assessment.Band", band),
		hardening.MarshalRow("assessment.Veto", veto),
		hardening.MarshalRow("assessment.Facts", hostileFacts()...),
		hardening.MarshalRow("assessment.Result", assessment.Result{Unit: hardening.BadUTF8, Base: hardening.Decimals[2], Points: hardening.Decimals[4],
			Reasons: []assessment.Reason{{Rate: h(3), Band: &band, Veto: &veto}}}),
		hardening.MarshalRow("assessment.Reason", assessment.Reason{Rate: h(3), Each: h(2), Band: &band, Veto: &veto, Points: hardening.Decimals[4]}),
		{Name: "assessment.Reason.String", Run: func(c *hardening.Caller) {
			for i, r := range []assessment.Reason{{}, {Name: hardening.Huge, Rate: h(2), Band: &band, Capped: true}, {Each: h(3), Count: -1, Capped: true},
				{Rate: h(4), Veto: &veto}, {Veto: &assessment.Veto{}}, {Band: &assessment.Band{}}} {
				c.Call(fmt.Sprintf("reason %d .String()", i), func() { _ = r.String() })
			}
		}},
		{Name: "assessment.LoadSheet", Run: func(c *hardening.Caller) {
			ins := append(hardening.JSONInputs, []byte(`{"version":"v","base":{"from":"index"},"items":[{"name":"x","fact":"x","each":"1e9"}]}`))
			for _, in := range ins {
				desc := fmt.Sprintf("LoadSheet(%q)", hardening.Clip(string(in)))
				c.Call(desc, func() {
					s, err := assessment.LoadSheet(bytes.NewReader(in))
					c.WantErr(desc, err)
					if s != nil {
						c.Fail(desc, "a sheet with an error")
					}
				})
			}
			c.Call("LoadSheet(a failing reader)", func() {
				_, err := assessment.LoadSheet(io.MultiReader(strings.NewReader("{"), iotestErr{}))
				c.WantErr("LoadSheet(a failing reader)", err)
			})
		}},
		{Name: "assessment.Sheet.Validate", Run: func(c *hardening.Caller) {
			for i, s := range hostileSheets() {
				desc := fmt.Sprintf("sheet %d .Validate()", i)
				c.Call(desc, func() {
					if err := s.Validate(); i < 3 {
						c.WantErr(desc, err)
					}
				})
			}
		}},
		{Name: "assessment.Sheet.Apply", Run: func(c *hardening.Caller) {
			for i, s := range hostileSheets() {
				for j, f := range hostileFacts() {
					desc := fmt.Sprintf("sheet %d .Apply(facts %d)", i, j)
					c.Call(desc, func() {
						r, err := s.Apply(f)
						if sum := r.Base.Add(r.Bonus).Add(r.Deduction); err == nil && r.Points.GreaterThan(sum) {
							c.Fail(desc, "points %s above base + bonus + deduction %s", r.Points, sum)
						}
					})
				}
			}
		}},
	}...)
}

// iotestErr is a reader that fails.
type iotestErr struct{}

func (iotestErr) Read([]byte) (int, error) { return 0, fmt.Errorf("read fails") }

// TestNilReceiverPanics: a nil sheet is a programmer's error, which
// panics with a message that names the method, not a bare nil dereference.
func TestNilReceiverPanics(t *testing.T) {
	for _, tt := range []struct {
		name string
		f    func()
		want string
	}{
		{"Validate", func() { _ = (*assessment.Sheet)(nil).Validate() }, "assessment: Validate of a nil *Sheet"},
		{"Apply", func() { _, _ = (*assessment.Sheet)(nil).Apply(assessment.Facts{}) }, "assessment: Apply of a nil *Sheet"},
	} {
		if r := hardening.PanicOf(tt.f); fmt.Sprint(r) != tt.want {
			t.Errorf("%s: recovered %v, want %q", tt.name, r, tt.want)
		}
	}
}
