package accountability

import (
	"database/sql/driver"
	"time"

	"github.com/qingdan/qingdan/internal/enum"
)

// Status is how far a list revision has got: drafted (草稿, 送审稿),
// approved (已审定) by the body that signs it off, then published (已公布).
// The zero value means "not recorded": a revision with no status is never
// in force by date.
//
// Its methods behave as the package documentation's Enums section says.
type Status int

// The statuses of a list revision, in the order a revision goes through
// them.
const (
	Draft     Status = iota + 1 // draft, 草稿
	Approved                    // approved, 已审定
	Published                   // published, 已公布
)

var statuses = enum.New(enum.Spec[Status]{
	Package: "accountability", Type: "Status", What: "revision status",
	Codes:   []string{"", "draft", "approved", "published"},
	Labels:  []string{"", "草稿", "已审定", "已公布"},
	Aliases: map[string]Status{"送审稿": Draft, "征求意见稿": Draft, "已批准": Approved, "审定": Approved, "公布": Published, "已发布": Published},
	Err:     ErrInvalid,
})

// String returns the status's code, such as "published".
func (s Status) String() string { return statuses.String(s) }

// Label returns the status's Chinese name, such as "已公布".
func (s Status) Label() string { return statuses.Label(s) }

// MarshalText returns the status's code.
func (s Status) MarshalText() ([]byte, error) { return statuses.MarshalText(s) }

// UnmarshalText reads what [ParseStatus] reads.
func (s *Status) UnmarshalText(b []byte) error { return statuses.Unmarshal(b, s) }

// Value writes the code to a database column (database/sql/driver.Valuer),
// and NULL for the zero Status; any other value that is not a Status is an
// error wrapping [ErrInvalid].
func (s Status) Value() (driver.Value, error) { return statuses.Value(s) }

// Scan reads a database column (database/sql.Scanner): text as
// UnmarshalText reads it, and NULL as the zero Status; any other type of value, such as a
// number, is an error wrapping [ErrInvalid], and leaves s alone.
func (s *Status) Scan(src any) error { return statuses.Scan(src, s) }

// ParseStatus parses a status's code ("approved"), its Chinese label
// ("已审定") or a common spelling ("送审稿", "已批准", "已发布"), ignoring
// surrounding white space. Anything else is an error wrapping [ErrInvalid]
// that names the input.
func ParseStatus(s string) (Status, error) { return statuses.Parse(s) }

// Adoption records how one revision of a list — the register here, the
// governance matter list and the admission lists in package matters — was
// adopted: Effective is the instant from which it is in force (施行日期),
// Status how far it has got, and ApprovedBy and ApprovedAt who approved it
// and when (审定机关, 审定日期). The list's own Version field names the
// revision; the lists embed an Adoption beside it.
//
// A revision is in force at an instant t when it is Published and its
// Effective instant is set and not after t ([Adoption.InForce]); of several
// such revisions of one list, the one with the latest Effective instant
// governs. The zero Adoption records nothing and is never in force by date.
//
// In JSON the fields are effective, status, approvedBy and approvedAt;
// zero values are left out.
type Adoption struct {
	Effective  time.Time `json:"effective,omitzero"`
	Status     Status    `json:"status,omitempty"`
	ApprovedBy string    `json:"approvedBy,omitempty"`
	ApprovedAt time.Time `json:"approvedAt,omitzero"`
}

// InForce reports whether the revision is in force at t: published, with an
// Effective instant at or before t. Whether a later revision replaced it is
// for the caller, who holds the other revisions, to say.
func (a Adoption) InForce(t time.Time) bool {
	return a.Status == Published && !a.Effective.IsZero() && !t.Before(a.Effective)
}
