package matters

import (
	"slices"
	"time"
)

// Kind is the kind of a matter [Event]. The zero Kind means "not set". A
// Kind marshals as its code; its parser also accepts the Chinese label.
type Kind int

// The event kinds, with their codes.
const (
	Report   Kind = iota + 1 // 上报, "report": a matter is reported and gets its owner
	Whistle                  // 吹哨, "whistle": the owner blows the whistle
	Dispatch                 // 派单, "dispatch": the owner dispatches it to a lead and support units
	Accept                   // 应哨/报到, "accept": a dispatched unit answers the whistle
	Return                   // 退单, "return": a dispatched unit sends it back
	Suspend                  // 挂起, "suspend": the clock stops
	Resume                   // 恢复, "resume": the clock runs again
	Progress                 // 分时段, "progress": a stage of a long matter is done
	Resolve                  // 办结, "resolve": the lead reports it solved
	Reopen                   // 重办, "reopen": the owner sends a resolved matter back
	Close                    // 结案, "close": the owner closes it
	Feedback                 // 回访, "feedback": the citizen's answer, point to point
)

var kindEnum = &enum{
	name:   "kind",
	codes:  []string{"report", "whistle", "dispatch", "accept", "return", "suspend", "resume", "progress", "resolve", "reopen", "close", "feedback"},
	labels: []string{"上报", "吹哨", "派单", "应哨", "退单", "挂起", "恢复", "分时段", "办结", "重办", "结案", "回访"},
	alt:    map[string]int{"报到": int(Accept)},
}

// String returns the kind's code, such as "whistle".
func (k Kind) String() string { return kindEnum.code(int(k)) }

// Label returns the kind's Chinese name, such as "吹哨", or "" for an
// unknown Kind.
func (k Kind) Label() string { return kindEnum.label(int(k)) }

// ParseKind parses a kind's code or Chinese label (应哨 and 报到 both
// mean Accept).
func ParseKind(s string) (Kind, error) {
	v, err := kindEnum.parse(s)
	return Kind(v), err
}

// MarshalText returns the kind's code; the zero Kind and unknown values are an error.
func (k Kind) MarshalText() ([]byte, error) { return kindEnum.marshal(int(k)) }

// UnmarshalText parses a code or Chinese label, as [ParseKind] does.
func (k *Kind) UnmarshalText(b []byte) error {
	v, err := ParseKind(string(b))
	if err != nil {
		return err
	}
	*k = v
	return nil
}

// Event is one step of a matter's history. Seq numbers a matter's events
// 1, 2, 3, …; At is when it happened; Actor is the unit that acts. Type is
// the matter type (Report only). Units is, for a Report, the owning
// sub-district (else the Actor owns the matter) and, for a Dispatch, the
// units dispatched to, lead first, then support. Satisfied is the citizen's
// answer (Feedback only). Fields that an event's Kind does not use are kept
// in the history but have no effect. [Matter.Apply] says which events are
// legal when.
type Event struct {
	Matter    string    `json:"matter"`
	Seq       int       `json:"seq"`
	At        time.Time `json:"at"`
	Kind      Kind      `json:"kind,omitempty"`
	Actor     string    `json:"actor,omitempty"`
	Type      string    `json:"type,omitempty"`
	Units     []string  `json:"units,omitempty"`
	Note      string    `json:"note,omitempty"`
	Satisfied *bool     `json:"satisfied,omitempty"`
}

// clone returns a copy of e that shares no memory with it.
func (e Event) clone() Event {
	e.Units = slices.Clone(e.Units)
	if e.Satisfied != nil {
		s := *e.Satisfied
		e.Satisfied = &s
	}
	return e
}
