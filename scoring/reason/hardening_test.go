package reason_test

// Hardening: every exported function and method of package reason, called
// with zero values, codes out of range, huge and invalid texts, returns an
// error or a sound result and never panics. TestHardeningCoversEverything
// keeps the rows complete.

import (
	"fmt"
	"math"
	"testing"
	"time"

	"github.com/qingdan/qingdan/internal/hardening"
	"github.com/qingdan/qingdan/scoring/reason"
	"github.com/shopspring/decimal"
)

func TestHardening(t *testing.T) { hardening.Run(t, hardeningRows()) }

func TestHardeningCoversEverything(t *testing.T) { hardening.Covered(t, ".", hardeningRows()) }

// oddReasons are reasons with every field at an edge.
func oddReasons() []reason.Reason {
	big := decimal.RequireFromString("123456789012345678901234567890.5")
	return []reason.Reason{
		{},
		{Rule: -1, Name: hardening.BadUTF8, Lang: 99, Text: hardening.Huge, Type: hardening.BadUTF8},
		{Rule: math.MaxInt, Lang: reason.Chinese, Name: "a\"b", Type: "\x00",
			Checks: []reason.Check{{}, {Of: 99, Op: -1, Threshold: big}, {Of: reason.Quality, Op: reason.AtLeast, Threshold: hardening.Decimals[2]}},
			Figures: []reason.Figure{{}, {Of: reason.Response, Actual: math.MinInt64, Limit: 1, Places: 99},
				{Of: reason.Resolution, Done: true, Actual: math.MaxInt64, Limit: 3, Places: -5},
				{Of: reason.Response, Actual: 5, Limit: -time.Hour}, {Of: reason.Stage, Value: math.MinInt}, {Of: 42, Value: 7}}},
	}
}

// FuzzEnumText: no text panics ParseLang, ParseOf, ParseOp or their
// types' UnmarshalText or Scan; each agrees with its parser on any text but the
// empty one, and what it accepts parses again from its code and label and
// writes back (MarshalText, Value) to the same value.
func FuzzEnumText(f *testing.F) {
	hardening.FuzzEnums(f, hardeningEnums...)
}

// hardeningEnums are the enums of the package, for their rows and FuzzEnumText.
var hardeningEnums = []hardening.EnumCase{
	hardening.EnumOf[reason.Lang]("reason", "Lang", reason.ParseLang),
	hardening.EnumOf[reason.Of]("reason", "Of", reason.ParseOf),
	hardening.EnumOf[reason.Op]("reason", "Op", reason.ParseOp),
}

func hardeningRows() []hardening.Row {
	rows := hardening.EnumsRows(hardeningEnums...)
	each := func(name string, f func(c *hardening.Caller, desc string, r reason.Reason)) hardening.Row {
		return hardening.Row{Name: name, Run: func(c *hardening.Caller) {
			for i, r := range oddReasons() {
				desc := fmt.Sprintf("%s on reason %d", name, i)
				c.Call(desc, func() { f(c, desc, r) })
			}
		}}
	}
	rows = append(rows,
		each("reason.Reason.String", func(_ *hardening.Caller, _ string, r reason.Reason) { _ = r.String() }),
		each("reason.Reason.In", func(_ *hardening.Caller, _ string, r reason.Reason) { _, _ = r.In(reason.Chinese), r.In(7) }),
		each("reason.Reason.Append", func(_ *hardening.Caller, _ string, r reason.Reason) { _ = r.Append(nil, -1) }),
		each("reason.Reason.IsZero", func(_ *hardening.Caller, _ string, r reason.Reason) { _ = r.IsZero() }),
		each("reason.Reason.Validate", func(c *hardening.Caller, desc string, r reason.Reason) {
			if err := r.Validate(); err == nil && !r.IsZero() {
				c.Fail(desc, "an odd reason is valid")
			}
		}),
		each("reason.Compare", func(c *hardening.Caller, desc string, r reason.Reason) {
			if reason.Compare(r, r) != 0 {
				c.Fail(desc, "a reason is not equal to itself")
			}
			_ = reason.Compare(r, reason.Reason{})
		}),
		each("reason.AppendFigures", func(_ *hardening.Caller, _ string, r reason.Reason) {
			_ = reason.AppendFigures(nil, r.Figures, reason.Chinese)
		}),
		hardening.MarshalRow("reason.Reason", oddReasons()...),
		hardening.UnmarshalRow[reason.Reason]("reason.Reason"),
		hardening.MarshalRow("reason.Check", reason.Check{Of: 99}, reason.Check{Of: reason.Type, Op: reason.In, Threshold: hardening.Decimals[4]}),
		hardening.UnmarshalRow[reason.Check]("reason.Check"),
		hardening.MarshalRow("reason.Figure", reason.Figure{Of: -3}, reason.Figure{Of: reason.Response, Actual: math.MinInt64}),
		hardening.UnmarshalRow[reason.Figure]("reason.Figure"),
		hardening.Row{Name: "reason.Text", Run: func(c *hardening.Caller) {
			c.Call("Text(huge)", func() { _ = reason.Text(hardening.Huge).String() })
		}},
		hardening.Row{Name: "reason.Texts", Run: func(c *hardening.Caller) {
			c.Call("Texts()", func() { _ = reason.Texts() })
			c.Call("Texts(bad)", func() { _ = reason.Texts(hardening.BadUTF8, "") })
		}},
		hardening.Row{Name: "reason.Op.Sign", Run: func(c *hardening.Caller) {
			for _, o := range []reason.Op{-1, 0, reason.AtMost, reason.In, 6, 100} {
				c.Call(fmt.Sprintf("Op(%d).Sign()", int(o)), func() { _ = o.Sign() })
			}
		}},
	)
	return rows
}
