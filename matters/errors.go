package matters

import (
	"errors"
	"fmt"
	"strings"

	"github.com/qingdan/qingdan/internal/errlist"
	"github.com/qingdan/qingdan/internal/errtext"
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
// `matters: matter "M1" seq 5 accept by "U9": "U9" already accepted at seq 4: transition not allowed`.
// Matter and Actor are quoted, as a unit that Reason names is, and each
// is cut to its first 64 bytes when it is longer: `units[0] "区教育局" is not on
// the matter`.
func (e *EventError) Error() string {
	msg := "<nil>"
	if e.Err != nil {
		msg = strings.TrimPrefix(e.Err.Error(), "matters: ")
	}
	return fmt.Sprintf("matters: matter %s seq %d %s by %s: %s: %s", errtext.Quote(e.Matter), e.Seq, e.Kind, errtext.Quote(e.Actor), e.Reason, msg)
}

// Unwrap returns Err.
func (e *EventError) Unwrap() error { return e.Err }

// Problem is one problem that [Directory.Validate], [Admission.Validate]
// or [KeyTasks.Validate] reports, in the error they return: its Path, such
// as routes[违法建设].support[1], and what is wrong, in English and in
// Chinese, as a report printed in Chinese shows it (find each with
// errors.As on the joined error's Unwrap() []error). Strings from the
// input are cut to a line. It unwraps to [ErrInvalid].
type Problem struct {
	Path    string
	Message string
	Chinese string
}

// Error returns "path: message: matters: invalid".
func (p *Problem) Error() string { return p.Path + ": " + p.Message + ": " + ErrInvalid.Error() }

// Unwrap returns [ErrInvalid].
func (p *Problem) Unwrap() error { return ErrInvalid }

// problems collects validation problems, each a *Problem: the first
// errlist.Max of them, each naming at most a line of its input, and the
// number of the others; err joins them.
type problems struct{ l errlist.List }

// add reports the problem at path, described by the formats en and zh of
// args (which may pick their arguments, as %[2]d does).
func (p *problems) add(path, en, zh string, args ...any) {
	if p.l.Full() {
		p.l.Add(ErrInvalid) // only counted
		return
	}
	args = errlist.Cut(args)
	p.l.Add(&Problem{Path: errtext.Cut(path), Message: fmt.Sprintf(en, args...), Chinese: fmt.Sprintf(zh, args...)})
}

func (p *problems) err() error { return p.l.Err(ErrInvalid) }

// keyed returns the path of entry i of list, an entry whose key is key:
// list[key], or list[i] when the key is empty, a problem it reports with
// the formats missing (en, zh) and its args. A key that an earlier entry
// has, first says which, it reports with the formats dup, of the key and
// the two entries' indexes, from 0 (%[2]d, %[3]d) and from 1 (%[4]d,
// %[5]d).
func (p *problems) keyed(first map[string]int, list, key string, i int, dup, missing [2]string, args ...any) string {
	if key == "" {
		path := fmt.Sprintf("%s[%d]", list, i)
		p.add(path, missing[0], missing[1], args...)
		return path
	}
	path := fmt.Sprintf("%s[%s]", list, key)
	if j, ok := first[key]; ok {
		p.add(path, dup[0], dup[1], key, j, i, j+1, i+1)
	} else {
		first[key] = i
	}
	return path
}
