package matters

import (
	"fmt"
	"time"

	"github.com/qingdan/qingdan/internal/errtext"
)

// This file holds how [Catalog.Due] finds the route a clock runs on: the
// lead's, that its dispatch followed, and the owner's of a platform's
// matter, in force at the Report.

// found is a route a scan found: r for the matter type typ in d.
type found struct {
	d   *Directory
	typ string
	r   *Route
}

// route returns the route the dispatch e of m followed, as RouteOf finds
// it, from an index of each revision built once per scan; a route for the
// revision and the type of the route found last is that one (on a
// platform's matter, the owner's is most often its lead's).
func (s *dueScan) route(m *Matter, e *Event) (*Route, error) {
	var d *Directory
	switch {
	case e.Routes != "":
		var err error
		if d, err = s.c.DirectoryVersion(e.Routes); err != nil {
			return nil, fmt.Errorf("matter %s, %s at seq %d: %w", errtext.Quote(m.ID), e.Kind, e.Seq, err)
		}
	default:
		if d = s.c.directoryAt(e.At); d == nil {
			return nil, fmt.Errorf("matter %s, %s at seq %d, records no revision, and %w: no governance matter list was in force at %s",
				errtext.Quote(m.ID), e.Kind, e.Seq, ErrNoRevision, e.At.Format(time.RFC3339))
		}
	}
	var r *Route
	switch {
	case d == s.last.d && m.Type == s.last.typ:
		r = s.last.r
	case s.index == nil:
		r = d.route(m.Type)
	default:
		ix, ok := s.index[d]
		if !ok {
			ix = make(map[string]*Route, len(d.Routes))
			for i := range d.Routes {
				if _, dup := ix[d.Routes[i].Type]; !dup {
					ix[d.Routes[i].Type] = &d.Routes[i]
				}
			}
			s.index[d] = ix
		}
		r = ix[m.Type]
	}
	s.last = found{d, m.Type, r}
	if r == nil {
		return nil, fmt.Errorf("matter %s, %s: %w for matter type %s", errtext.Quote(m.ID), errtext.Named("governance matter list", d.Version), ErrNoRoute, errtext.Quote(m.Type))
	}
	if r.Respond < 0 || r.ResolveDays < 0 {
		return nil, fmt.Errorf("matter %s: route %s has a negative limit: %w", errtext.Quote(m.ID), errtext.Quote(r.Type), ErrInvalid)
	}
	return r, nil
}
