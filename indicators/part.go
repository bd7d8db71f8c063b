package indicators

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/qingdan/qingdan/internal/deccmp"
	"github.com/qingdan/qingdan/internal/errtext"
	"github.com/qingdan/qingdan/matters"
	"github.com/qingdan/qingdan/matters/workday"
	"github.com/qingdan/qingdan/scoring"
	"github.com/qingdan/qingdan/scoring/reason"
)

// Part is one dispatched unit's part in one matter: what the rates count.
//
// Matter is the matter; Unit the unit dispatched to; Lead reports that the
// unit led the matter's latest dispatch naming it. Facts are the unit's
// facts as scoring.FactsFor reads them (response time and limit, the
// citizen's Satisfied answer). Solved is the citizen's latest answer
// whether the problem was solved (matters.Event.Solved), nil when none was
// given. Street is the owning sub-district's grade of the unit's answer
// (its evaluation in a scoring.Book), nil when it has not graded it.
type Part struct {
	Matter *matters.Matter
	Unit   string
	Lead   bool
	Facts  scoring.Facts
	Solved *bool
	Street *scoring.Result
}

// Parts returns the parts of the matters, in the order of ms and, within a
// matter, in the order the units were first dispatched to: one for each
// unit any Dispatch of the matter names. A matter never dispatched (the
// owner handled it) has no parts; nil matters are skipped. route gives
// each matter's route (for instance matters.Catalog.RouteOf); cal measures
// working time.
//
// grades are the owning sub-districts' evaluations as they count: each
// amended one with the Result of the amendment that counts, as
// scoring.Book.Matter gives them. (A book's Evaluations are those first
// recorded, amendments left out; and grades that hold an evaluation
// beside its amendment may count the evaluation, for an amendment may be
// dated at its instant.) For each part, of the evaluations of its matter
// and unit whose Evaluator is the matter's Owner, the one whose Stage is
// the highest becomes Street; among those of that stage the latest (At),
// and among those made at the same instant the one that sorts last by
// grade, points (by value), policy and reasons (reason.Compare), so that
// the choice never depends on the order of grades. Evaluations by anyone
// else are ignored.
//
// A matter listed twice (two of ms with one ID, or one matter of no ID
// twice) is an error wrapping [ErrInvalid]: its parts would count twice.
// Matters of no ID (built by hand) are told apart by pointer, as [Tally]
// tells them apart. Other errors name the matter
// and wrap route's error or scoring.FactsFor's. Parts panics if cal or
// route is nil.
func Parts(cal *workday.Calendar, ms []*matters.Matter, route func(*matters.Matter) (matters.Route, error), grades []scoring.Evaluation) ([]Part, error) {
	switch {
	case cal == nil:
		panic("indicators: Parts: nil *workday.Calendar")
	case route == nil:
		panic("indicators: Parts: nil route function")
	}
	type key struct{ matter, unit, evaluator string }
	street := make(map[key]*scoring.Evaluation)
	for i := range grades {
		g := &grades[i]
		k := key{g.Matter, g.Subject, g.Evaluator}
		if old, ok := street[k]; !ok || gradeCmp(g, old) > 0 {
			street[k] = g
		}
	}
	var out []Part
	listed := make(map[identity]struct{}, len(ms))
	for _, m := range ms {
		if m == nil {
			continue
		}
		k := identify(m)
		if _, twice := listed[k]; twice {
			return nil, fmt.Errorf("%w: matter %s is listed twice", ErrInvalid, errtext.Quote(m.ID))
		}
		listed[k] = struct{}{}
		units, lead := dispatched(m)
		if len(units) == 0 {
			continue
		}
		r, err := route(m)
		if err != nil {
			return nil, fmt.Errorf("indicators: route of matter %s: %w", errtext.Quote(m.ID), err)
		}
		solved := solvedAnswer(m)
		for _, u := range units {
			f, err := scoring.FactsFor(cal, m, u, r)
			if err != nil {
				return nil, fmt.Errorf("indicators: matter %s: %w", errtext.Quote(m.ID), err)
			}
			p := Part{Matter: m, Unit: u, Lead: lead[u], Facts: f, Solved: solved}
			// Only the owner's own evaluation is the sub-district's judgement.
			if g, ok := street[key{m.ID, u, m.Owner}]; ok {
				res := g.Result
				p.Street = &res
			}
			out = append(out, p)
		}
	}
	return out, nil
}

// identity is what tells a matter from another: its ID, or for a matter
// of no ID (built by hand), its pointer.
type identity struct {
	id string
	m  *matters.Matter
}

// identify returns the identity of m.
func identify(m *matters.Matter) identity {
	if m.ID == "" {
		return identity{m: m}
	}
	return identity{id: m.ID}
}

// gradeCmp orders two evaluations of one part as Parts chooses among
// them: by Stage, At, grade, points (by value), policy and reasons.
func gradeCmp(x, y *scoring.Evaluation) int {
	return cmp.Or(cmp.Compare(x.Stage, y.Stage), x.At.Compare(y.At),
		strings.Compare(x.Result.Grade, y.Result.Grade), deccmp.Cmp(x.Result.Points, y.Result.Points),
		strings.Compare(x.Result.Policy, y.Result.Policy), slices.CompareFunc(x.Result.Reasons, y.Result.Reasons, reason.Compare))
}

// dispatched returns the units any Dispatch of m names, in the order of
// first dispatch, and which of them led the latest Dispatch naming them.
func dispatched(m *matters.Matter) (units []string, lead map[string]bool) {
	for i := range m.Events {
		e := &m.Events[i]
		if e.Kind != matters.Dispatch {
			continue
		}
		for j, u := range e.Units {
			if !slices.Contains(units, u) {
				units = append(units, u)
			}
			if lead == nil {
				lead = make(map[string]bool, len(e.Units))
			}
			lead[u] = j == 0
		}
	}
	return units, lead
}

// solvedAnswer returns the latest Solved answer of m's Feedback events.
func solvedAnswer(m *matters.Matter) *bool {
	var s *bool
	for i := range m.Events {
		if e := &m.Events[i]; e.Kind == matters.Feedback && e.Solved != nil {
			v := *e.Solved
			s = &v
		}
	}
	return s
}

// ByUnit groups each part under its unit: every dispatched unit, lead or
// support, answers for its part.
func ByUnit(p Part) string { return p.Unit }

// ByLead groups each part whose unit led the matter under that unit and
// leaves out support units' parts.
func ByLead(p Part) string {
	if !p.Lead {
		return ""
	}
	return p.Unit
}

// BySubDistrict groups each part under the matter's Owner, the
// sub-district that whistled it.
func BySubDistrict(p Part) string {
	if p.Matter == nil {
		return ""
	}
	return p.Matter.Owner
}

// ByType groups each part under the matter's type.
func ByType(p Part) string {
	if p.Matter == nil {
		return ""
	}
	return p.Matter.Type
}

// ByMonth groups each part under the month the matter was reported, in
// China Standard Time, as "2026-03".
func ByMonth(p Part) string {
	if p.Matter == nil || len(p.Matter.Events) == 0 {
		return ""
	}
	return reported(p.Matter.Events[0].At)
}

func reported(t time.Time) string { return t.In(workday.CST()).Format("2006-01") }
