package matters

import (
	"database/sql/driver"

	"github.com/qingdan/qingdan/internal/enum"
)

// The package's enumerations. Each is numbered from 1; its zero value
// means "not set". Each marshals as its code (the zero value as the empty
// text, left out of JSON by omitempty), and its parser accepts the code or
// the Chinese label, ignoring surrounding white space. Each String gives
// the code, and "Type(n)" for a value that is not named; Label gives the
// Chinese label, and String's form for a value that is not named. Parse
// and text errors wrap [ErrInvalid]; UnmarshalText leaves the value alone
// on an error.

// List names one of the three lists that bound a sub-district's work
// (事项准入).
type List int

// The lists.
const (
	Duties    List = iota + 1 // 权责清单, the list of powers and duties; code "duties"
	Services                  // 公共服务清单, the list of public services; code "services"
	OtherWork                 // 其他工作事项清单, the list of other work; code "other"
)

var lists = enum.New(enum.Spec[List]{
	Package: "matters", Type: "List", What: "list",
	Codes:  []string{"", "duties", "services", "other"},
	Labels: []string{"", "权责清单", "公共服务清单", "其他工作事项清单"},
	Err:    ErrInvalid,
})

// String returns the list's code, such as "duties".
func (l List) String() string { return lists.String(l) }

// Label returns the list's Chinese name, such as "权责清单".
func (l List) Label() string { return lists.Label(l) }

// ParseList parses a list's code or Chinese label.
func ParseList(s string) (List, error) { return lists.Parse(s) }

// MarshalText returns the list's code.
func (l List) MarshalText() ([]byte, error) { return lists.MarshalText(l) }

// UnmarshalText parses a code or Chinese label, as [ParseList] does.
func (l *List) UnmarshalText(b []byte) error { return lists.Unmarshal(b, l) }

// Value writes the code to a database column (database/sql/driver.Valuer),
// and NULL for the zero List; any other value that is not a List is an
// error wrapping [ErrInvalid].
func (l List) Value() (driver.Value, error) { return lists.Value(l) }

// Scan reads a database column (database/sql.Scanner): text as
// UnmarshalText reads it, and NULL as the zero List; any other type of value, such as a
// number, is an error wrapping [ErrInvalid], and leaves l alone.
func (l *List) Scan(src any) error { return lists.Scan(src, l) }

// Kind is the kind of a matter [Event].
type Kind int

// The event kinds, with their codes.
const (
	Report    Kind = iota + 1 // 上报, "report": a matter is reported and gets its owner
	Whistle                   // 吹哨, "whistle": the owner blows the whistle
	Dispatch                  // 派单, "dispatch": the owner dispatches it to a lead and support units
	Accept                    // 应哨/报到, "accept": a dispatched unit answers the whistle
	Return                    // 退单, "return": a request to send it back (a dispatched unit's, or the owner's to its platform)
	Suspend                   // 挂起, "suspend": a request that the clock stop
	Resume                    // 恢复, "resume": the clock runs again
	Progress                  // 分时段, "progress": a stage of a long matter is done
	Resolve                   // 办结, "resolve": the lead reports it solved
	Reopen                    // 重办, "reopen": the owner sends a resolved matter back
	Close                     // 结案, "close": the owner closes it
	Feedback                  // 回访, "feedback": the citizen's answer, point to point
	Approve                   // 批准, "approve": a request (suspend, extend, return) takes effect
	Deny                      // 驳回, "deny": a request is refused; the clock runs on
	Extend                    // 延期, "extend": a request to move the resolution deadline by Days working days
	Urge                      // 催办, "urge": the owner presses the dispatched units
	Supervise                 // 督办, "supervise": a supervising body above the owner takes the matter up
	Reply                     // 答复, "reply": the answer to the citizen, point to point
)

var kinds = enum.New(enum.Spec[Kind]{
	Package: "matters", Type: "Kind", What: "event kind",
	Codes: []string{"", "report", "whistle", "dispatch", "accept", "return", "suspend", "resume", "progress", "resolve", "reopen", "close", "feedback",
		"approve", "deny", "extend", "urge", "supervise", "reply"},
	Labels: []string{"", "上报", "吹哨", "派单", "应哨", "退单", "挂起", "恢复", "分时段", "办结", "重办", "结案", "回访",
		"批准", "驳回", "延期", "催办", "督办", "答复"},
	Aliases: map[string]Kind{"报到": Accept},
	Err:     ErrInvalid,
})

// String returns the kind's code, such as "whistle".
func (k Kind) String() string { return kinds.String(k) }

// Label returns the kind's Chinese name, such as "吹哨".
func (k Kind) Label() string { return kinds.Label(k) }

// ParseKind parses a kind's code or Chinese label (应哨 and 报到 both
// mean Accept).
func ParseKind(s string) (Kind, error) { return kinds.Parse(s) }

// MarshalText returns the kind's code.
func (k Kind) MarshalText() ([]byte, error) { return kinds.MarshalText(k) }

// UnmarshalText parses a code or Chinese label, as [ParseKind] does.
func (k *Kind) UnmarshalText(b []byte) error { return kinds.Unmarshal(b, k) }

// Value writes the code to a database column (database/sql/driver.Valuer),
// and NULL for the zero Kind; any other value that is not a Kind is an
// error wrapping [ErrInvalid].
func (k Kind) Value() (driver.Value, error) { return kinds.Value(k) }

// Scan reads a database column (database/sql.Scanner): text as
// UnmarshalText reads it, and NULL as the zero Kind; any other type of value, such as a
// number, is an error wrapping [ErrInvalid], and leaves k alone.
func (k *Kind) Scan(src any) error { return kinds.Scan(src, k) }

// State is where a matter stands in its lifecycle. The zero State is that
// of a matter with no events.
type State int

// The states, with their codes.
const (
	Reported   State = iota + 1 // 已上报, "reported"
	Whistled                    // 已吹哨, "whistled"
	Dispatched                  // 已派单, "dispatched"
	Accepted                    // 已应哨, "accepted": the lead has answered the whistle
	Resolved                    // 已办结, "resolved"
	Closed                      // 已结案, "closed"
)

var states = enum.New(enum.Spec[State]{
	Package: "matters", Type: "State", What: "state",
	Codes:  []string{"", "reported", "whistled", "dispatched", "accepted", "resolved", "closed"},
	Labels: []string{"", "已上报", "已吹哨", "已派单", "已应哨", "已办结", "已结案"},
	Err:    ErrInvalid,
})

// String returns the state's code, such as "dispatched".
func (s State) String() string { return states.String(s) }

// Label returns the state's Chinese name, such as "已派单".
func (s State) Label() string { return states.Label(s) }

// ParseState parses a state's code or Chinese label.
func ParseState(s string) (State, error) { return states.Parse(s) }

// MarshalText returns the state's code.
func (s State) MarshalText() ([]byte, error) { return states.MarshalText(s) }

// UnmarshalText parses a code or Chinese label, as [ParseState] does.
func (s *State) UnmarshalText(b []byte) error { return states.Unmarshal(b, s) }

// Value writes the code to a database column (database/sql/driver.Valuer),
// and NULL for the zero State; any other value that is not a State is an
// error wrapping [ErrInvalid].
func (s State) Value() (driver.Value, error) { return states.Value(s) }

// Scan reads a database column (database/sql.Scanner): text as
// UnmarshalText reads it, and NULL as the zero State; any other type of value, such as a
// number, is an error wrapping [ErrInvalid], and leaves s alone.
func (s *State) Scan(src any) error { return states.Scan(src, s) }

// Alert is how far a clock has run against its limit. The zero Alert is
// that of a clock with no limit.
type Alert int

// The alerts, with their codes.
const (
	OnTrack       Alert = iota + 1 // 正常, "ontrack": under half the limit used
	Half                           // 过半预警, "half": at least 50% used
	ThreeQuarters                  // 临期预警, "threequarters": at least 75% used
	Overdue                        // 超期, "overdue": more working time used than the limit
)

var alerts = enum.New(enum.Spec[Alert]{
	Package: "matters", Type: "Alert", What: "alert",
	Codes:  []string{"", "ontrack", "half", "threequarters", "overdue"},
	Labels: []string{"", "正常", "过半预警", "临期预警", "超期"},
	Err:    ErrInvalid,
})

// String returns the alert's code, such as "half".
func (a Alert) String() string { return alerts.String(a) }

// Label returns the alert's Chinese name, such as "过半预警".
func (a Alert) Label() string { return alerts.Label(a) }

// ParseAlert parses an alert's code or Chinese label.
func ParseAlert(s string) (Alert, error) { return alerts.Parse(s) }

// MarshalText returns the alert's code.
func (a Alert) MarshalText() ([]byte, error) { return alerts.MarshalText(a) }

// UnmarshalText parses a code or Chinese label, as [ParseAlert] does.
func (a *Alert) UnmarshalText(b []byte) error { return alerts.Unmarshal(b, a) }

// Value writes the code to a database column (database/sql/driver.Valuer),
// and NULL for the zero Alert; any other value that is not a Alert is an
// error wrapping [ErrInvalid].
func (a Alert) Value() (driver.Value, error) { return alerts.Value(a) }

// Scan reads a database column (database/sql.Scanner): text as
// UnmarshalText reads it, and NULL as the zero Alert; any other type of value, such as a
// number, is an error wrapping [ErrInvalid], and leaves a alone.
func (a *Alert) Scan(src any) error { return alerts.Scan(src, a) }

// Role is a unit's part in a key task's function.
type Role int

// The roles.
const (
	Leading    Role = iota + 1 // 牵头, "lead": the unit answers for the function
	Supporting                 // 配合, "support": the unit helps
)

var roles = enum.New(enum.Spec[Role]{
	Package: "matters", Type: "Role", What: "role",
	Codes:  []string{"", "lead", "support"},
	Labels: []string{"", "牵头", "配合"},
	Err:    ErrInvalid,
})

// String returns the role's code, "lead" or "support".
func (r Role) String() string { return roles.String(r) }

// Label returns the role's Chinese name, 牵头 or 配合.
func (r Role) Label() string { return roles.Label(r) }

// ParseRole parses a role's code or Chinese label.
func ParseRole(s string) (Role, error) { return roles.Parse(s) }

// MarshalText returns the role's code.
func (r Role) MarshalText() ([]byte, error) { return roles.MarshalText(r) }

// UnmarshalText parses a code or Chinese label, as [ParseRole] does.
func (r *Role) UnmarshalText(b []byte) error { return roles.Unmarshal(b, r) }

// Value writes the code to a database column (database/sql/driver.Valuer),
// and NULL for the zero Role; any other value that is not a Role is an
// error wrapping [ErrInvalid].
func (r Role) Value() (driver.Value, error) { return roles.Value(r) }

// Scan reads a database column (database/sql.Scanner): text as
// UnmarshalText reads it, and NULL as the zero Role; any other type of value, such as a
// number, is an error wrapping [ErrInvalid], and leaves r alone.
func (r *Role) Scan(src any) error { return roles.Scan(src, r) }
