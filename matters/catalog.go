package matters

import (
	"fmt"
	"slices"
	"time"

	"github.com/qingdan/qingdan/accountability"
	"github.com/qingdan/qingdan/internal/errtext"
	"github.com/qingdan/qingdan/matters/workday"
)

// Catalog is the lists of one jurisdiction in force together: the register
// of its units, powers and responsibilities (两单一图一点), the governance
// matter list that routes whistled matters ([Directory]), the admission
// lists ([Admission]) and the key tasks. The lists name each other — a
// route its lead unit and the responsibility it rests on, an admission
// item its unit and its code on the power list — and [Catalog.Validate]
// checks that they agree.
//
// History keeps the other revisions of the lists: earlier ones, which
// matters dispatched before a change followed, and ones adopted for a
// later date. [Catalog.At] says which revision of each list was in force
// at an instant, and [Catalog.RouteOf] finds the route a matter's dispatch
// followed in the revision it recorded.
//
// A nil list is an empty one: Validate then reports every name that the
// other lists give it. The zero Catalog holds nothing and sets no
// supervision. A Catalog is not
// modified by its methods and is safe for concurrent use by readers.
type Catalog struct {
	Register  *accountability.Register `json:"register,omitempty"`
	Directory *Directory               `json:"directory,omitempty"`
	Admission *Admission               `json:"admission,omitempty"`
	KeyTasks  KeyTasks                 `json:"keyTasks,omitempty"`
	History   History                  `json:"history,omitzero"`
	// Supervision holds the settings by which [Catalog.Apply] and
	// [Catalog.Due] supervise the jurisdiction's matters.
	Supervision Supervision `json:"supervision,omitzero"`
}

// History holds the revisions of a catalog's lists other than its own, in
// any order; a nil revision is none.
type History struct {
	Registers   []*accountability.Register `json:"registers,omitempty"`
	Directories []*Directory               `json:"directories,omitempty"`
	Admissions  []*Admission               `json:"admissions,omitempty"`
}

// pick returns the revision of one list in force at t, the catalog's own
// revision cur first, then those of history; nil if none is: published,
// with the latest Effective instant not after t, the first such revision
// winning a tie.
func pick[T any](cur *T, history []*T, adoption func(*T) accountability.Adoption, t time.Time) *T {
	var best *T
	var at time.Time
	consider := func(x *T) {
		if x == nil {
			return
		}
		if a := adoption(x); a.InForce(t) && (best == nil || a.Effective.After(at)) {
			best, at = x, a.Effective
		}
	}
	consider(cur)
	for _, h := range history {
		consider(h)
	}
	return best
}

// At returns the lists in force at t: of each list, among the catalog's
// own revision and those of History, the revision in force at t
// ([accountability.Adoption.InForce]) whose Effective instant is latest,
// or nil where no revision of the list is in force. A list without
// revisions — the catalog's own, with no adoption recorded and no History
// of that list — is in force at every instant, as [Catalog.Apply],
// [Catalog.Due] and [Catalog.RouteOf] read it. The key tasks and the
// Supervision, which have no revisions, are the catalog's own; the result
// has no History, so its methods know only the revisions in force at t
// (a matter dispatched under another is theirs to refuse: ask c). The
// lists are shared with c, not copied. It panics on a nil catalog.
func (c *Catalog) At(t time.Time) *Catalog {
	if c == nil {
		panic("matters: At of a nil *Catalog")
	}
	return &Catalog{
		Register:    current(c.Register, c.History.Registers, func(r *accountability.Register) accountability.Adoption { return r.Adoption }, t),
		Directory:   current(c.Directory, c.History.Directories, func(d *Directory) accountability.Adoption { return d.Adoption }, t),
		Admission:   current(c.Admission, c.History.Admissions, func(a *Admission) accountability.Adoption { return a.Adoption }, t),
		KeyTasks:    c.KeyTasks,
		Supervision: c.Supervision,
	}
}

// DirectoryVersion returns the revision of the governance matter list
// whose Version is version: the catalog's own, else the first of History's.
// A version no revision has is an error wrapping [ErrNoRevision]. It
// panics on a nil catalog.
func (c *Catalog) DirectoryVersion(version string) (*Directory, error) {
	if c == nil {
		panic("matters: DirectoryVersion of a nil *Catalog")
	}
	if c.Directory != nil && c.Directory.Version == version {
		return c.Directory, nil
	}
	for _, d := range c.History.Directories {
		if d != nil && d.Version == version {
			return d, nil
		}
	}
	return nil, fmt.Errorf("%w: no governance matter list of version %s", ErrNoRevision, errtext.Quote(version))
}

// unversioned reports whether the catalog's governance matter list has no
// revisions: one list, with no Version and no adoption recorded.
func (c *Catalog) unversioned() bool {
	return c.Directory != nil && c.Directory.Version == "" && c.Directory.Adoption == (accountability.Adoption{}) && !slices.ContainsFunc(c.History.Directories, notNil)
}

// notNil reports whether x is not nil: a revision, where History may hold
// nil ones (null in JSON), which are none.
func notNil[T any](x *T) bool { return x != nil }

// RouteOf returns the route that matter m's latest Dispatch followed, for
// grading and regrading the matter by the revision it was dispatched
// under, never by today's:
//
//   - the route for m's type in the revision whose Version the Dispatch
//     recorded (Event.Routes);
//   - for a Dispatch that recorded none, the route in the revision in
//     force at the Dispatch ([Catalog.At]) — or, when the catalog's list
//     has no revisions at all (no Version, no adoption, no History), in
//     that list.
//
// A matter with no Dispatch is an error wrapping [ErrNotDispatched]; a
// recorded version the catalog does not hold, or no revision in force at
// the Dispatch, [ErrNoRevision]; a type the revision does not list,
// [ErrNoRoute]. Each error names the matter. It panics on a nil catalog or
// matter.
func (c *Catalog) RouteOf(m *Matter) (Route, error) {
	switch {
	case c == nil:
		panic("matters: RouteOf of a nil *Catalog")
	case m == nil:
		panic("matters: Catalog.RouteOf: nil *Matter")
	}
	id := errtext.Quote(m.ID)
	var e *Event
	for i := len(m.Events) - 1; i >= 0; i-- {
		if m.Events[i].Kind == Dispatch {
			e = &m.Events[i]
			break
		}
	}
	if e == nil {
		return Route{}, fmt.Errorf("matter %s: %w", id, ErrNotDispatched)
	}
	var d *Directory
	switch {
	case e.Routes != "":
		var err error
		if d, err = c.DirectoryVersion(e.Routes); err != nil {
			return Route{}, fmt.Errorf("matter %s dispatched at seq %d: %w", id, e.Seq, err)
		}
	case c.unversioned():
		d = c.Directory
	default:
		if d = c.At(e.At).Directory; d == nil {
			return Route{}, fmt.Errorf("matter %s dispatched at seq %d records no revision, and %w: no governance matter list was in force at %s",
				id, e.Seq, ErrNoRevision, e.At.Format(time.RFC3339))
		}
	}
	r, err := d.Route(m.Type)
	if err != nil {
		return Route{}, fmt.Errorf("matter %s, %s: %w", id, errtext.Named("governance matter list", d.Version), err)
	}
	return r, nil
}

// Dispatch returns the Dispatch event that sends matter m to the units the
// directory's route for its type names, lead first, recording the
// directory's Version in Routes: the next Seq of m, at the instant given,
// by m's Owner. The caller applies it ([Matter.Apply]), which checks the
// rest. A type the directory does not list is an error wrapping
// [ErrNoRoute]; a nil directory, an empty one as in a [Catalog], lists
// none. It panics on a nil matter.
func (d *Directory) Dispatch(m *Matter, at time.Time) (Event, error) {
	if m == nil {
		panic("matters: Directory.Dispatch: nil *Matter")
	}
	r, err := d.Route(m.Type)
	if err != nil {
		return Event{}, fmt.Errorf("matter %s: %w", errtext.Quote(m.ID), err)
	}
	return Event{Matter: m.ID, Seq: len(m.Events) + 1, At: at.In(workday.CST()), Kind: Dispatch, Actor: m.Owner, Units: r.Units(), Routes: d.Version}, nil
}
