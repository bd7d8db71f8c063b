package matters

import (
	"errors"
	"fmt"
	"strings"

	"github.com/qingdan/qingdan/internal/errlist"
)

// The errors of this package. Functions wrap them with context (the matter,
// event, item or path at fault), so test for them with [errors.Is].
var (
	// ErrOrder reports an event out of sequence: a Seq that is not the next
	// one, a time before the previous event's, or an event that belongs to
	// another matter.
	ErrOrder = errors.New("matters: out of order")
	// ErrTransition reports an event that the matter's state does not allow.
	ErrTransition = errors.New("matters: transition not allowed")
	// ErrActor reports an event by a unit that may not perform it.
	ErrActor = errors.New("matters: actor not allowed")
	// ErrNoRoute reports a matter type that a [Directory] does not list.
	ErrNoRoute = errors.New("matters: no route")
	// ErrOffRoute reports a dispatch to units other than those the route
	// of the matter's type names, without the owner's reason for it
	// (Event.Override); [Catalog.Apply] refuses it.
	ErrOffRoute = errors.New("matters: dispatch off the route")
	// ErrNotDispatched reports a matter that has no dispatch where one is
	// needed: a clock asked of a matter with no Dispatch at or before the
	// instant asked about, or whose lead returned it and which awaits a new
	// dispatch. Packages built on matters wrap it too, for a unit the
	// matter was never dispatched to.
	ErrNotDispatched = errors.New("matters: not dispatched")
	// ErrNoRevision reports a revision of a list that a [Catalog] does not
	// hold: a Version no revision has, or an instant at which no revision
	// was in force.
	ErrNoRevision = errors.New("matters: no such revision")
	// ErrInvalid reports malformed input: an event without a time (or with
	// one outside the years 1 to 9999, or in a zone whose offset is not
	// whole minutes under 24 hours), with text that is not valid UTF-8 or
	// is over 4 MiB, or that lacks what its kind needs, a
	// matter whose state contradicts its events, an unknown code, a problem found by a Validate method, or a
	// list that LoadCatalog, LoadDirectory or LoadAdmission cannot read.
	ErrInvalid = errors.New("matters: invalid")
)

// EventError is the error [Matter.Apply] returns for a rejected event. It
// names the matter, the event's Seq, Kind and Actor, and says why; Err is
// one of [ErrOrder], [ErrTransition], [ErrActor] or [ErrInvalid], and
// from [Catalog.Apply] also [ErrNoRoute], [ErrOffRoute], [ErrNoRevision]
// or an error wrapping workday.ErrOutOfRange.
type EventError struct {
	Matter string
	Seq    int
	Kind   Kind
	Actor  string
	Reason string
	Err    error
}

// Error returns, for example,
// `matters: matter "M1" seq 3 accept by "U9": U9 is not a dispatched unit: actor not allowed`.
func (e *EventError) Error() string {
	msg := "<nil>"
	if e.Err != nil {
		msg = strings.TrimPrefix(e.Err.Error(), "matters: ")
	}
	return fmt.Sprintf("matters: matter %q seq %d %s by %q: %s: %s", e.Matter, e.Seq, e.Kind, e.Actor, e.Reason, msg)
}

// Unwrap returns Err.
func (e *EventError) Unwrap() error { return e.Err }

// problems collects validation problems, each wrapping ErrInvalid: the
// first errlist.Max of them, each naming at most a line of its input, and
// the number of the others; err joins them.
type problems struct{ l errlist.List }

func (p *problems) add(format string, args ...any) {
	p.l.Addf(format+": %w", append(args, ErrInvalid)...)
}

func (p *problems) err() error { return p.l.Err(ErrInvalid) }

// keyed returns the path of entry i of list, an entry whose key is key:
// list[key], or list[i] when the key is empty, a problem it reports with
// the format missing and its args. A key that an earlier entry has, first
// says which, it reports with the format dup, of the key and the two
// entries' indexes.
func (p *problems) keyed(first map[string]int, list, key string, i int, dup, missing string, args ...any) string {
	if key == "" {
		path := fmt.Sprintf("%s[%d]", list, i)
		p.add("%s: "+missing, append([]any{path}, args...)...)
		return path
	}
	path := fmt.Sprintf("%s[%s]", list, key)
	if j, ok := first[key]; ok {
		p.add("%s: "+dup, path, key, j, i)
	} else {
		first[key] = i
	}
	return path
}
