package assessment

import (
	"strconv"
	"strings"

	"github.com/qingdan/qingdan/internal/jsonx"
	"github.com/shopspring/decimal"
)

// Reason is why one item of a sheet moved a result, as data a host can
// render in its own words; [Reason.String] renders it in Chinese.
//
// Item is the item's number, 1-based, and Name its name; Fact is the fact
// it read, with its Count (a count fact) or its Rate (a rate fact). Each
// is the points per occurrence of a counting item, Band the band the rate
// fell in. Points are the points the item moved, after its cap; Capped
// says that the cap bound, so that Points are less than the count times
// Each, or than the band's points. Veto is set, and Points are 0, for a
// veto that fired; Label is then the label of the grade it sets, from the
// sheet's scale (its code when the grade has no label).
//
// Each, Band and Veto point into the sheet that made the reason: a
// caller that changes the sheet afterwards changes them too, and one that
// changes what they point at changes the sheet, which Apply may be reading
// on another goroutine. Copy them to change them.
type Reason struct {
	Item   int              `json:"item"`
	Name   string           `json:"name"`
	Fact   string           `json:"fact"`
	Count  int              `json:"count,omitempty"`
	Rate   *decimal.Decimal `json:"rate,omitempty"`
	Each   *decimal.Decimal `json:"each,omitempty"`
	Band   *Band            `json:"band,omitempty"`
	Points decimal.Decimal  `json:"points"`
	Capped bool             `json:"capped,omitempty"`
	Veto   *Veto            `json:"veto,omitempty"`
	Label  string           `json:"label,omitempty"`
}

// String says the reason in Chinese, as an assessment bulletin prints it:
//
//	被督办：督办 3 次，每次 -1 分，计 -3 分
//	超时办结：超时 12 次，每次 -0.5 分，共 -6 分，单项封顶，计 -5 分
//	响应率：响应率 0.92，不低于 0.9、低于 0.95，计 -1 分
//	重大责任事故：责任事故 1 次，一票否决，得分不高于 60 分
//	满意率过低：满意率 0.55，低于 0.6，一票否决，等次不高于不合格
//
// Numbers are written exactly, in their shortest form.
func (r Reason) String() string {
	var b strings.Builder
	b.WriteString(r.Name)
	b.WriteString("：")
	b.WriteString(r.Fact)
	if r.Rate != nil {
		b.WriteString(" ")
		b.WriteString(num(*r.Rate))
	} else {
		b.WriteString(" " + strconv.Itoa(r.Count) + " 次")
	}
	switch {
	case r.Veto != nil:
		if r.Rate != nil && r.Veto.Below != nil {
			b.WriteString("，低于 " + num(*r.Veto.Below))
		}
		b.WriteString("，一票否决，")
		if r.Veto.Points != nil {
			b.WriteString("得分不高于 " + num(*r.Veto.Points) + " 分")
		} else {
			label := r.Label
			if label == "" {
				label = r.Veto.Grade
			}
			b.WriteString("等次不高于" + label)
		}
		return b.String()
	case r.Each != nil:
		b.WriteString("，每次 " + signed(*r.Each) + " 分")
		if r.Capped {
			b.WriteString("，共 " + product(r.Count, *r.Each) + " 分，单项封顶")
		}
	case r.Band != nil:
		b.WriteString("，" + r.Band.describe())
		if r.Capped {
			b.WriteString("，应计 " + signed(r.Band.Points) + " 分，单项封顶")
		}
	}
	b.WriteString("，计 " + signed(r.Points) + " 分")
	return b.String()
}

// describe says the band's range: 不低于 0.9、低于 0.95.
func (b *Band) describe() string {
	var parts []string
	if b.From != nil {
		parts = append(parts, "不低于 "+num(*b.From))
	}
	if b.Below != nil {
		parts = append(parts, "低于 "+num(*b.Below))
	}
	if len(parts) == 0 {
		return "任何比率"
	}
	return strings.Join(parts, "、")
}

// tooLong stands in a reason for a number of over [jsonx.MaxDecimalLen]
// characters, which only a Reason built by hand holds: Apply refuses a
// sheet's such number.
const tooLong = "（数字过长，从略）"

// num writes d exactly, or says in Chinese that it is too long to.
func num(d decimal.Decimal) string {
	if !jsonx.DecimalFits(d) {
		return tooLong
	}
	return jsonx.FormatDecimal(d)
}

// signed writes d exactly with its sign: +2, -0.5, 0.
func signed(d decimal.Decimal) string { return withSign(d, num(d)) }

// withSign is s, the text of d, with a plus sign when d is positive and
// written.
func withSign(d decimal.Decimal, s string) string {
	if d.Sign() > 0 && s != tooLong {
		return "+" + s
	}
	return s
}

// product writes count × each exactly with its sign, as signed does.
// Where each fits, the product is at most 19 digits longer (count is an
// int), so it is written even when it is over jsonx.MaxDecimalLen: the
// uncapped total of a capped item is exact however large the count.
func product(count int, each decimal.Decimal) string {
	if !jsonx.DecimalFits(each) {
		return tooLong
	}
	p := decimal.NewFromInt(int64(count)).Mul(each)
	return withSign(p, jsonx.FormatDecimal(p))
}
