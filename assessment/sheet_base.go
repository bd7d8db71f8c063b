package assessment

import (
	"database/sql/driver"

	"github.com/qingdan/qingdan/internal/enum"
)

// BaseKind says where a sheet's [Base] comes from. The zero value is not
// set, and a sheet without it is not valid.
type BaseKind int

// The bases of a sheet.
const (
	_             BaseKind = iota
	FixedBase              // "fixed" 固定分: the sheet's Base.Points
	CompositeBase          // "composite" 一事一评综合得分: the unit's composite, from its facts
	IndexBase              // "index" 三率指数: the unit's three-rate index, from its facts
)

var baseKinds = enum.New(enum.Spec[BaseKind]{
	Package: "assessment", Type: "BaseKind", What: "base",
	Codes:  []string{"", "fixed", "composite", "index"},
	Labels: []string{"", "固定分", "一事一评综合得分", "三率指数"},
	Err:    ErrSheet,
})

// String returns the code, or "BaseKind(n)" for a value out of range.
func (k BaseKind) String() string { return baseKinds.String(k) }

// Label returns the Chinese name, or String's form for a value out of range.
func (k BaseKind) Label() string { return baseKinds.Label(k) }

// ParseBaseKind parses a code or a Chinese label, ignoring surrounding
// white space; anything else, the empty text included, is an error
// wrapping [ErrSheet] that names it.
func ParseBaseKind(text string) (BaseKind, error) { return baseKinds.Parse(text) }

// MarshalText writes the code, and the empty text for the zero value; a
// value out of range is an error wrapping [ErrSheet].
func (k BaseKind) MarshalText() ([]byte, error) { return baseKinds.MarshalText(k) }

// UnmarshalText reads what [ParseBaseKind] reads; the empty text is the
// zero value (not set).
func (k *BaseKind) UnmarshalText(b []byte) error { return baseKinds.Unmarshal(b, k) }

// Value writes the code to a database column (database/sql/driver.Valuer),
// and NULL for the zero BaseKind; any other value that is not a BaseKind
// is an error wrapping [ErrSheet].
func (k BaseKind) Value() (driver.Value, error) { return baseKinds.Value(k) }

// Scan reads a database column (database/sql.Scanner): text as
// UnmarshalText reads it, and NULL as the zero BaseKind; any other type of
// value, such as a number, is an error wrapping [ErrSheet], and leaves k
// alone.
func (k *BaseKind) Scan(src any) error { return baseKinds.Scan(src, k) }
