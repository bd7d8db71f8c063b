package reason

import (
	"database/sql/driver"
	"errors"

	"github.com/qingdan/qingdan/internal/enum"
)

// ErrInvalid reports a reason that cannot be read: JSON that is malformed,
// has unknown fields, an unknown code, or a figure out of range.
var ErrInvalid = errors.New("reason: invalid")

// Lang is the language a reason is written in. The zero value is English.
type Lang int

// The languages.
const (
	English Lang = iota // "en" 英文
	Chinese             // "zh" 中文
)

var langs = enum.New(enum.Spec[Lang]{
	Package: "reason", Type: "Lang", What: "language",
	Codes:  []string{"en", "zh"},
	Labels: []string{"英文", "中文"},
	Err:    ErrInvalid,
})

// String returns the code, or "Lang(n)" for a value out of range.
func (l Lang) String() string { return langs.String(l) }

// Label returns the Chinese name, or String's form for a value out of range.
func (l Lang) Label() string { return langs.Label(l) }

// ParseLang parses a code ("en", "zh") or a Chinese label; anything else is
// an error wrapping [ErrInvalid].
func ParseLang(text string) (Lang, error) { return langs.Parse(text) }

// MarshalText writes the code, and the empty text for English; a value out
// of range is an error wrapping [ErrInvalid].
func (l Lang) MarshalText() ([]byte, error) { return langs.MarshalText(l) }

// UnmarshalText reads what [ParseLang] reads; the empty text is English.
func (l *Lang) UnmarshalText(b []byte) error { return langs.Unmarshal(b, l) }

// Of names the figure a [Check] compares or a [Figure] gives. The zero
// value is "not set".
type Of int

// The figures.
const (
	_                Of = iota
	Response            // "response" 响应: the response time over its limit
	Resolution          // "resolution" 办结: the resolution time over its limit
	Responded           // "responded" 已响应
	Resolved            // "resolved" 已办结
	Returned            // "returned" 退单
	Final               // "final" 已终结: the matter is resolved or closed
	Urged               // "urged" 催办: how many times
	Supervised          // "supervised" 督办: how many times
	ResponseOnTime      // "responseOnTime" 按时响应
	ResolutionOnTime    // "resolutionOnTime" 按时办结
	Quality             // "quality" 质量: 1–5, 0 not given
	Satisfaction        // "satisfaction" 满意度: 1 satisfied, -1 dissatisfied, 0 no answer
	Stage               // "stage" 阶段
	Type                // "type" 类型: the matter type
)

var ofs = enum.New(enum.Spec[Of]{
	Package: "reason", Type: "Of", What: "figure",
	Codes: []string{"", "response", "resolution", "responded", "resolved", "returned", "final", "urged", "supervised",
		"responseOnTime", "resolutionOnTime", "quality", "satisfaction", "stage", "type"},
	Labels: []string{"", "响应", "办结", "已响应", "已办结", "退单", "已终结", "催办", "督办",
		"按时响应", "按时办结", "质量", "满意度", "阶段", "类型"},
	Err:      ErrInvalid,
	Required: true,
})

// String returns the code, or "Of(n)" for a value out of range.
func (o Of) String() string { return ofs.String(o) }

// Label returns the Chinese name, or String's form for a value out of range.
func (o Of) Label() string { return ofs.Label(o) }

// ParseOf parses a code ("response") or a Chinese label; anything else is
// an error wrapping [ErrInvalid].
func ParseOf(text string) (Of, error) { return ofs.Parse(text) }

// MarshalText writes the code; the zero value and a value out of range are
// errors wrapping [ErrInvalid].
func (o Of) MarshalText() ([]byte, error) { return ofs.MarshalText(o) }

// UnmarshalText reads what [ParseOf] reads.
func (o *Of) UnmarshalText(b []byte) error { return ofs.Unmarshal(b, o) }

// Op is the comparison a [Check] made. The zero value is "not set".
type Op int

// The comparisons: the figure against the check's threshold.
const (
	_       Op = iota
	AtMost     // "atMost" ≤
	Over       // "over" >
	AtLeast    // "atLeast" ≥
	Is         // "is" =: a flag (1 yes, 0 no), or a condition named by Text
	In         // "in" ∈: the matter type is one of the rule's
)

var ops = enum.New(enum.Spec[Op]{
	Package: "reason", Type: "Op", What: "comparison",
	Codes:    []string{"", "atMost", "over", "atLeast", "is", "in"},
	Labels:   []string{"", "不超过", "超过", "不低于", "是", "属于"},
	Aliases:  map[string]Op{"≤": AtMost, ">": Over, "≥": AtLeast, "=": Is, "∈": In},
	Err:      ErrInvalid,
	Required: true,
})

// String returns the code, or "Op(n)" for a value out of range.
func (o Op) String() string { return ops.String(o) }

// Label returns the Chinese name, or String's form for a value out of range.
func (o Op) Label() string { return ops.Label(o) }

// ParseOp parses a code ("atMost"), a sign ("≤") or a Chinese label;
// anything else is an error wrapping [ErrInvalid].
func ParseOp(text string) (Op, error) { return ops.Parse(text) }

// Sign returns the mathematical sign of the comparison (≤, >, ≥, =, ∈).
func (o Op) Sign() string {
	if o > 0 && int(o) < len(signs) {
		return signs[o]
	}
	return o.String()
}

var signs = [...]string{"", "≤", ">", "≥", "=", "∈"}

// MarshalText writes the code; the zero value and a value out of range are
// errors wrapping [ErrInvalid].
func (o Op) MarshalText() ([]byte, error) { return ops.MarshalText(o) }

// UnmarshalText reads what [ParseOp] reads.
func (o *Op) UnmarshalText(b []byte) error { return ops.Unmarshal(b, o) }

// Value writes the code to a database column (database/sql/driver.Valuer),
// as MarshalText does.
func (l Lang) Value() (driver.Value, error) { return langs.Value(l) }

// Scan reads a database column (database/sql.Scanner): text as
// UnmarshalText reads it.
func (l *Lang) Scan(src any) error { return langs.Scan(src, l) }

// Value writes the code to a database column (database/sql/driver.Valuer),
// as MarshalText does.
func (o Of) Value() (driver.Value, error) { return ofs.Value(o) }

// Scan reads a database column (database/sql.Scanner): text as
// UnmarshalText reads it.
func (o *Of) Scan(src any) error { return ofs.Scan(src, o) }

// Value writes the code to a database column (database/sql/driver.Valuer),
// as MarshalText does.
func (o Op) Value() (driver.Value, error) { return ops.Value(o) }

// Scan reads a database column (database/sql.Scanner): text as
// UnmarshalText reads it.
func (o *Op) Scan(src any) error { return ops.Scan(src, o) }
