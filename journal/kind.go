package journal

import (
	"database/sql/driver"

	"github.com/qingdan/qingdan/internal/enum"
)

// Kind is the kind of an entry's payload. The zero Kind means "not set" and
// is never written to a journal.
type Kind int

// The kinds of entry.
const (
	KindEvent      Kind = iota + 1 // 事件: a matters.Event
	KindEvaluation                 // 评价: a scoring.Evaluation
	KindAmendment                  // 更正: a scoring.Amendment
)

// kinds holds the codes a journal line carries; they never change, so that
// journals stay byte for byte what they were.
var kinds = enum.New(enum.Spec[Kind]{
	Package: "journal", Type: "Kind", What: "entry kind",
	Codes:  []string{"", "event", "evaluation", "amendment"},
	Labels: []string{"", "事件", "评价", "更正"},
	Err:    ErrInvalid,
})

// String returns the kind's code ("event", "evaluation", "amendment"), or
// "Kind(n)" for a value that is not a kind, the zero Kind included.
func (k Kind) String() string { return kinds.String(k) }

// Label returns the kind's Chinese name (事件, 评价, 更正), or String's
// form for a value that is not a kind.
func (k Kind) Label() string { return kinds.Label(k) }

// ParseKind parses a kind's code or Chinese label, ignoring surrounding
// white space. Anything else, the empty string included, is an error
// wrapping [ErrInvalid].
func ParseKind(s string) (Kind, error) { return kinds.Parse(s) }

// MarshalText returns the kind's code, and the empty text for the zero
// Kind; any other value is an error wrapping [ErrInvalid].
func (k Kind) MarshalText() ([]byte, error) { return kinds.MarshalText(k) }

// UnmarshalText reads what [ParseKind] reads; the empty text is the zero
// Kind.
func (k *Kind) UnmarshalText(b []byte) error { return kinds.Unmarshal(b, k) }

// Value writes the code to a database column (database/sql/driver.Valuer),
// and NULL for the zero Kind; any other value that is not a Kind is an
// error wrapping [ErrInvalid].
func (k Kind) Value() (driver.Value, error) { return kinds.Value(k) }

// Scan reads a database column (database/sql.Scanner): text as
// UnmarshalText reads it, and NULL as the zero Kind; any other type of value, such as a
// number, is an error wrapping [ErrInvalid], and leaves k alone.
func (k *Kind) Scan(src any) error { return kinds.Scan(src, k) }
