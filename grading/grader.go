package grading

import (
	"errors"
	"fmt"
	"maps"

	"github.com/qingdan/qingdan/internal/errtext"
	"github.com/qingdan/qingdan/matters"
	"github.com/qingdan/qingdan/matters/workday"
	"github.com/qingdan/qingdan/scoring"
)

// ErrRange reports a range of events a matter's history does not have.
var ErrRange = errors.New("grading: events out of range")

// Grade is one record a matter's history calls for: an evaluation to
// record (scoring.Book.Record), or an amendment of one recorded before
// (scoring.Book.Amend). Exactly one of Evaluation and Amendment is set:
// Amendment is nil for an evaluation, and Evaluation the zero Evaluation
// for an amendment.
type Grade struct {
	// Seq is the event that called for the grade; a journal keeps the
	// grade after it.
	Seq int
	// Facts are the facts graded: scoring.FactsFor's, completed by the
	// host's Judge.
	Facts scoring.Facts
	// Evaluation is the evaluation to record: the facts' matter, subject,
	// evaluator and stage (scoring.Facts.Evaluation), at the event's time,
	// with the evaluator's Result, and the Facts themselves (a copy of
	// Facts): the decision record a journal keeps.
	Evaluation scoring.Evaluation
	// Amendment is the amendment to record: the corrected evaluation, at
	// the event's time, by the event's actor, for the reason the event's
	// note gives (or one naming the answer, when it has none).
	Amendment *scoring.Amendment
}

// Grader finds the grades a matter's history calls for.
//
// Grade returns the grades that the events of m after the first after
// call for (all of them for after 0; those of the latest event for
// len(m.Events)-1), each graded on the matter as far as its event, in the
// order of the events; a grader documents the order of the grades of one
// event. It must be deterministic, and grading the events one by one must
// give what grading them together does. It must not change m or keep it.
// Grade may be called concurrently when the evaluator and the judge
// allow it. Errors name the matter and the event.
type Grader interface {
	Grade(cal *workday.Calendar, m *matters.Matter, after int) ([]Grade, error)
}

// Config is what the standard grader needs. Catalog and Evaluator are
// required.
type Config struct {
	// Catalog finds the route each matter's dispatch followed
	// ([matters.Catalog.RouteOf]), and the route in force when a platform
	// reported a matter, which its owner is held to ([matters.Catalog.At]).
	Catalog *matters.Catalog
	// Evaluator grades the facts. A zero Result with no error (nothing to
	// say about these facts) calls for no grade.
	Evaluator scoring.Evaluator
	// Judge, when set, completes the facts before they are graded with
	// what a matter's history does not hold — Quality, the sub-district's
	// judgement, or Attrs. It is called with the matter as far as the
	// event (the grader's replay of it, which Judge must neither change
	// nor keep) and the facts to complete: a stage's (Final false) or the
	// Close's and an amendment's (Final true). It may refuse with an
	// error, which Grade returns. A Judge that changes any other field
	// (the matter, unit, stage, times, counts, the citizen's answer) makes
	// Grade fail with an error wrapping scoring.ErrInvalid: those are the
	// history's, and a grade recorded under a changed key or time would
	// not be the one the journal's history gives.
	//
	// Judge and Evaluator are called again for the Close's facts when
	// Grade is asked only for events after the Close (a Feedback's
	// amendments): who the Close graded, which those amend, depends on
	// what the evaluator had to say. So both must give the same answer
	// for the same facts each time, and a call must have no effect a host
	// counts (a Judge that asks a person, or logs each judgement, should
	// look up the answer it gave before).
	Judge func(m *matters.Matter, f *scoring.Facts) error
}

// New returns the standard grader (see the package documentation) for c.
// The grades of one event come in this order: the lead, the support units
// in the order of the dispatch, then the owner of a platform's matter. It
// is safe for concurrent use when c's evaluator and judge are. It panics
// when c has no catalog or no evaluator.
func New(c Config) Grader {
	switch {
	case c.Catalog == nil:
		panic("grading: New: Config without a Catalog")
	case c.Evaluator == nil:
		panic("grading: New: Config without an Evaluator")
	}
	return &standard{c}
}

type standard struct{ c Config }

func (g *standard) Grade(cal *workday.Calendar, m *matters.Matter, after int) ([]Grade, error) {
	switch {
	case cal == nil:
		panic("grading: Grade: nil *workday.Calendar")
	case m == nil:
		panic("grading: Grade: nil *matters.Matter")
	case after < 0 || after > len(m.Events):
		return nil, fmt.Errorf("%w: matter %s has %d events; the grades after the first %d asked for", ErrRange, errtext.Quote(m.ID), len(m.Events), after)
	}
	var out []Grade
	part := &matters.Matter{Events: make([]matters.Event, 0, len(m.Events))} // m as far as the event
	var final []string                                                       // the subjects graded at the Close, in order
	var answer *bool                                                         // the answer their grades stand on
	for i := range m.Events {
		e := &m.Events[i]
		if err := part.Apply(*e); err != nil {
			return nil, fmt.Errorf("grading: matter %s: %w", errtext.Quote(m.ID), err)
		}
		var units []string
		switch {
		case e.Kind == matters.Progress && e.Actor == part.Owner:
			units = append([]string{part.Lead}, part.Support...)
		case e.Kind == matters.Progress && e.Actor == part.Platform:
			units = []string{part.Owner}
		case e.Kind == matters.Close && (part.Lead != "" || part.Platform != ""):
			units = closeSubjects(part)
			answer = latestAnswer(part)
		case e.Kind == matters.Feedback && len(final) > 0 && e.Satisfied != nil && !sameAnswer(answer, e.Satisfied):
			answer = e.Satisfied
			units = final
		default:
			continue
		}
		if i < after && e.Kind != matters.Close {
			continue // graded before; only the Close's subjects are needed
		}
		gs, err := g.grade(cal, part, e, units)
		if err != nil {
			return nil, err
		}
		if e.Kind == matters.Close {
			final = final[:0]
			for j := range gs {
				final = append(final, gs[j].Facts.Subject)
			}
		}
		if i < after {
			continue
		}
		if e.Kind == matters.Feedback {
			for j := range gs {
				gs[j].Amendment = amendment(e, gs[j].Evaluation)
				gs[j].Evaluation = scoring.Evaluation{}
			}
		}
		out = append(out, gs...)
	}
	return out, nil
}

// grade grades units on part, the matter as far as event e, in order,
// leaving out those the evaluator has nothing to say about.
func (g *standard) grade(cal *workday.Calendar, part *matters.Matter, e *matters.Event, units []string) ([]Grade, error) {
	id := errtext.Quote(part.ID)
	gs := make([]Grade, 0, len(units))
	for _, u := range units {
		route, err := routeOf(g.c.Catalog, part, u)
		if err != nil {
			return nil, fmt.Errorf("grading: matter %s, event %d (%s): %w", id, e.Seq, e.Kind, err)
		}
		f := new(scoring.Facts) // the decision record, which a journal keeps
		if *f, err = scoring.FactsFor(cal, part, u, route); err != nil {
			return nil, fmt.Errorf("grading: matter %s, event %d (%s), unit %s: %w", id, e.Seq, e.Kind, errtext.Quote(u), err)
		}
		if g.c.Judge != nil {
			history := *f // its Satisfied pointer the caller's, as is *f's
			var answer *bool
			if f.Satisfied != nil {
				v := *f.Satisfied
				answer = &v
			}
			if err := g.c.Judge(part, f); err != nil {
				return nil, fmt.Errorf("grading: matter %s, event %d (%s), unit %s: judge: %w", id, e.Seq, e.Kind, errtext.Quote(u), err)
			}
			if !judged(&history, answer, f) {
				return nil, fmt.Errorf("grading: matter %s, event %d (%s), unit %s: judge changed facts the history fixes (it may set Quality and Attrs alone): %w",
					id, e.Seq, e.Kind, errtext.Quote(u), scoring.ErrInvalid)
			}
		}
		r, err := g.c.Evaluator.Evaluate(*f)
		if err != nil {
			return nil, fmt.Errorf("grading: matter %s, event %d (%s), unit %s: %w", id, e.Seq, e.Kind, errtext.Quote(u), err)
		}
		if r.IsZero() {
			continue
		}
		ev := f.Evaluation(e.At, r)
		ev.Facts = f
		gs = append(gs, Grade{Seq: e.Seq, Facts: apart(*f), Evaluation: ev})
	}
	return gs, nil
}

// judged reports whether after differs from before, the facts the
// history gave (answer their citizen's answer, as it was), in Quality and
// Attrs alone: the fields Judge completes. The others — the matter, unit,
// stage, times, counts and the citizen's answer — are the record's, which
// a judgement must not rewrite. Every field of Facts is named here, field
// by field, so that the check allocates nothing; TestJudgedNamesEveryField
// fails when a field is added to Facts and not here.
func judged(before *scoring.Facts, answer *bool, after *scoring.Facts) bool {
	if (answer == nil) != (after.Satisfied == nil) || answer != nil && *answer != *after.Satisfied {
		return false
	}
	return before.Matter == after.Matter && before.Subject == after.Subject && before.Evaluator == after.Evaluator &&
		before.Type == after.Type && before.Stage == after.Stage && before.Final == after.Final &&
		before.Response == after.Response && before.ResponseLimit == after.ResponseLimit &&
		before.Resolution == after.Resolution && before.ResolutionLimit == after.ResolutionLimit &&
		before.Responded == after.Responded && before.Resolved == after.Resolved && before.Returned == after.Returned &&
		before.Urged == after.Urged && before.Supervised == after.Supervised && before.Replied == after.Replied
}

// apart returns f with an Attrs and a citizen's answer of its own, so
// that a host editing a Grade's Facts leaves the decision record of its
// Evaluation as graded.
func apart(f scoring.Facts) scoring.Facts {
	f.Attrs = maps.Clone(f.Attrs)
	if f.Satisfied != nil {
		answer := *f.Satisfied
		f.Satisfied = &answer
	}
	return f
}

// amendment makes evaluation ev, graded at Feedback e after the Close, an
// amendment by e's actor.
func amendment(e *matters.Event, ev scoring.Evaluation) *scoring.Amendment {
	reason := e.Note
	if reason == "" {
		reason = fmt.Sprintf("结案后回访（事件 %d）：%s", e.Seq, answerText(*e.Satisfied))
	}
	return &scoring.Amendment{Evaluation: ev, Author: e.Actor, Reason: reason}
}

// answerText is the citizen's answer as the records of the reform write
// it, in Chinese as the catalog's notes are.
func answerText(ok bool) string {
	if ok {
		return "市民满意"
	}
	return "市民不满意"
}

// latestAnswer returns the citizen's latest answer on m, nil if none.
func latestAnswer(m *matters.Matter) *bool {
	for i := len(m.Events) - 1; i >= 0; i-- {
		if e := &m.Events[i]; e.Kind == matters.Feedback && e.Satisfied != nil {
			return e.Satisfied
		}
	}
	return nil
}

// sameAnswer reports whether a and b are the same answer, nil for none.
func sameAnswer(a, b *bool) bool { return a == nil && b == nil || a != nil && b != nil && *a == *b }

// Func adapts an ordinary function to [Grader], so that a host can wrap
// or replace the standard grader without a type of its own.
type Func func(cal *workday.Calendar, m *matters.Matter, after int) ([]Grade, error)

// Grade calls f(cal, m, after). It panics if f, cal or m is nil, as the
// standard grader does.
func (f Func) Grade(cal *workday.Calendar, m *matters.Matter, after int) ([]Grade, error) {
	switch {
	case f == nil:
		panic("grading: Grade of a nil Func")
	case cal == nil:
		panic("grading: Func.Grade: nil *workday.Calendar")
	case m == nil:
		panic("grading: Func.Grade: nil *matters.Matter")
	}
	return f(cal, m, after)
}
