package matters

// SKELETON written by the lead: the matters helper owns this file and may
// restructure it, but the exported names and fields below are the contract
// (DESIGN.md §3) that scoring and the journal are built against.

import "time"

// Kind is the kind of a matter event.
type Kind int

// The event kinds.
const (
	Report Kind = iota + 1
	Whistle
	Dispatch
	Accept
	Return
	Suspend
	Resume
	Progress
	Resolve
	Reopen
	Close
	Feedback
)

// Event is one step of a matter's history.
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

// State is a matter's state.
type State int

// The states.
const (
	Reported State = iota + 1
	Whistled
	Dispatched
	Accepted
	Resolved
	Closed
)

// Matter is one whistled matter, rebuilt from its events.
type Matter struct {
	ID          string   `json:"id"`
	Type        string   `json:"type,omitempty"`
	Owner       string   `json:"owner,omitempty"`
	State       State    `json:"state,omitempty"`
	Lead        string   `json:"lead,omitempty"`
	Support     []string `json:"support,omitempty"`
	Coordinated bool     `json:"coordinated,omitempty"`
	Suspended   bool     `json:"suspended,omitempty"`
	Stage       int      `json:"stage,omitempty"`
	Events      []Event  `json:"events,omitempty"`
}

// Apply applies one event.
func (m *Matter) Apply(e Event) error { panic("skeleton") }

// Replay rebuilds a matter from its events.
func Replay(events []Event) (*Matter, error) { panic("skeleton") }
