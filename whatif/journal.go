package whatif

import (
	"bytes"
	"fmt"
	"io"

	"github.com/qingdan/qingdan/internal/errtext"
	"github.com/qingdan/qingdan/journal"
	"github.com/qingdan/qingdan/matters"
	"github.com/qingdan/qingdan/matters/workday"
	"github.com/qingdan/qingdan/scoring"
)

// Source gives the facts a recorded evaluation ev was graded on, read off
// m, its matter as the journal recorded it when the evaluation was
// appended — or, for an evaluation amended with facts of its own (as
// package grading amends after a citizen's later answer), when the latest
// such amendment was, unless the facts read there describe another stage
// of the matter: the matter's events journaled before it, replayed; or taken
// from ev.Facts, the decision record the journal holds for ev — the facts
// journaled with the latest of the evaluation and its amendments that
// carries some — nil when it holds none. The facts must be those of ev —
// its Matter, Subject, Evaluator and stage (see
// [scoring.Facts.Evaluation]). A Source must not change or keep m or
// ev.Facts.
type Source func(m *matters.Matter, ev scoring.Evaluation) (scoring.Facts, error)

// FactsFor returns the Source that reads the facts of an evaluation with
// scoring.FactsFor on calendar cal, for the evaluation's subject, on the
// route that route gives its matter (such as (*matters.Catalog).RouteOf,
// which finds the route in the revision of the governance matter list the
// dispatch followed). A matter's events do not record everything an
// evaluator may read: the sub-district's quality judgement (Facts.Quality)
// and a host's Attrs are for the host to add, in a Source that calls this
// one (or read from the facts a journal recorded with each evaluation:
// [Recorded]).
// An evaluation of a matter the journal has no event of before it is an
// error wrapping [ErrInvalid], naming the evaluation.
// FactsFor panics if cal or route is nil, and the Source it returns if
// given a nil matter (RegradeJournal never gives one).
func FactsFor(cal *workday.Calendar, route func(*matters.Matter) (matters.Route, error)) Source {
	switch {
	case cal == nil:
		panic("whatif: FactsFor: nil *workday.Calendar")
	case route == nil:
		panic("whatif: FactsFor: nil route function")
	}
	return func(m *matters.Matter, ev scoring.Evaluation) (scoring.Facts, error) {
		if m == nil {
			panic("whatif: FactsFor: nil *matters.Matter")
		}
		if len(m.Events) == 0 {
			return scoring.Facts{}, fmt.Errorf("%w: the evaluation of %s: the journal has no event of its matter before it", ErrInvalid, where(&ev))
		}
		r, err := route(m)
		if err != nil {
			return scoring.Facts{}, fmt.Errorf("whatif: route of matter %s: %w", errtext.Quote(m.ID), err)
		}
		return scoring.FactsFor(cal, m, ev.Subject, r)
	}
}

// Recorded is the Source of the facts the journal recorded with each
// evaluation (scoring.Evaluation.Facts, the decision record): the what-if
// then grades exactly what was graded, the sub-district's quality
// judgement and a host's Attrs included. It reads nothing off the
// matter, so a journal of evaluations without their matters' events
// regrades with it. An evaluation the journal holds no facts for is an
// error wrapping [ErrInvalid].
func Recorded(_ *matters.Matter, ev scoring.Evaluation) (scoring.Facts, error) {
	if ev.Facts == nil {
		return scoring.Facts{}, fmt.Errorf("%w: the journal holds no facts for the evaluation of %s", ErrInvalid, where(&ev))
	}
	return *ev.Facts, nil
}

// RegradeJournal regrades, as [Regrade] does, the evaluations of the
// journal in r, rebuilt with journal.Rebuild (opts are its options): the
// recorded book is the rebuilt one, with the amendment that counts for
// each amended evaluation, and the facts of each evaluation are those
// facts gives, from its matter as the journal recorded it when the
// evaluation, or the latest amendment of it that carries facts, was
// appended: the amendment's, unless the facts read there are another
// evaluation's (a later stage of the matter). The journal is read once.
//
// An evaluation of a matter the journal has no event of before it —
// a host that journals evaluations only, or journals one before its
// matter's first event — is given to facts with a Matter of no events
// (its ID the evaluation's matter): [Recorded] needs none; [FactsFor]
// refuses it.
//
// Errors are Rebuild's, those of facts (naming the evaluation), an
// [ErrInvalid] error for an evaluation whose facts describe another
// evaluation, and Regrade's.
// RegradeJournal panics if r, facts or e is nil.
func RegradeJournal(r io.Reader, opts *journal.Options, facts Source, e scoring.Evaluator, p scoring.Period) (Report, error) {
	switch {
	case r == nil:
		panic("whatif: RegradeJournal: nil io.Reader")
	case facts == nil:
		panic("whatif: RegradeJournal: nil Source")
	case e == nil:
		panic("whatif: RegradeJournal: nil scoring.Evaluator")
	}
	pos := &positions{max: maxLine(opts), events: map[string]int{}, at: map[key]int{}, amended: map[key]int{}, facts: map[key]*scoring.Facts{}}
	rb, err := journal.Rebuild(io.TeeReader(r, pos), opts)
	if err != nil {
		return Report{}, err
	}
	var fs []scoring.Facts
	var asOf asOfCache
	for ev := range rb.Book.All() { // in journal order
		whole := rb.Matters[ev.Matter]
		k := keyOf(&ev)
		ev.Facts = pos.facts[k]
		ats := []int{pos.at[k]}
		if n, ok := pos.amended[k]; ok {
			ats = []int{n, pos.at[k]} // the amendment's matter, unless it describes a later stage
		}
		var f scoring.Facts
		for _, n := range ats {
			m, err := asOf.matter(ev.Matter, whole, n)
			if err != nil {
				return Report{}, fmt.Errorf("whatif: the evaluation of %s: %w", where(&ev), err)
			}
			if f, err = facts(m, ev); err != nil {
				return Report{}, fmt.Errorf("whatif: facts of the evaluation of %s: %w", where(&ev), err)
			}
			if matches(&f, &ev) {
				break
			}
		}
		if !matches(&f, &ev) {
			return Report{}, fmt.Errorf("%w: the facts read for the evaluation of %s are those of %s", ErrInvalid, where(&ev),
				where(&scoring.Evaluation{Matter: f.Matter, Subject: f.Subject, Evaluator: f.Evaluator, Stage: stageOf(&f)}))
		}
		fs = append(fs, f)
	}
	return Regrade(rb.Book, fs, e, p)
}

// asOfCache replays a matter up to an evaluation, keeping the last replay:
// the evaluations of one matter at one point follow each other.
type asOfCache struct {
	whole *matters.Matter
	n     int
	m     *matters.Matter
}

// matter returns whole, matter id, as it was after its first n events: a
// Matter of no events when the journal holds none of it (whole nil) or
// none before (n 0).
func (c *asOfCache) matter(id string, whole *matters.Matter, n int) (*matters.Matter, error) {
	if whole == nil || n == 0 {
		return &matters.Matter{ID: id}, nil
	}
	if n >= len(whole.Events) {
		return whole, nil
	}
	if c.whole != whole || c.n != n {
		m, err := matters.Replay(whole.Events[:n])
		if err != nil {
			return nil, err
		}
		c.whole, c.n, c.m = whole, n, m
	}
	return c.m, nil
}

// maxLine is the longest line the journal's reader accepts.
func maxLine(opts *journal.Options) int {
	if opts == nil || opts.MaxLine <= 0 {
		return journal.DefaultMaxLine
	}
	return opts.MaxLine
}

// positions watches the bytes journal.Rebuild reads and notes, for each
// evaluation, how many events of its matter came before it in the
// journal, and before the latest amendment of it that carries facts, and
// the facts last recorded with it or an amendment of it. It
// reads each line on its own; a line Rebuild refuses is Rebuild's to
// report, so it ignores what it cannot read.
type positions struct {
	line    []byte
	max     int
	skip    bool                   // the line is longer than max
	events  map[string]int         // by matter: its events so far
	at      map[key]int            // by evaluation: its matter's events before it
	amended map[key]int            // by evaluation: its matter's events before its latest amendment with facts
	facts   map[key]*scoring.Facts // by evaluation: the facts last recorded with it
}

func (p *positions) Write(b []byte) (int, error) {
	n := len(b)
	for len(b) > 0 {
		i := bytes.IndexByte(b, '\n')
		part := b
		if i >= 0 {
			part = b[:i]
		}
		if !p.skip {
			p.line = append(p.line, part...)
			p.skip = len(p.line) > p.max
		}
		if i < 0 {
			break
		}
		if !p.skip {
			p.take(p.line)
		}
		p.line, p.skip = p.line[:0], false
		b = b[i+1:]
	}
	return n, nil
}

// take notes one whole line.
func (p *positions) take(line []byte) {
	e, err := journal.ParseLine(line)
	if err != nil {
		return
	}
	switch e.Kind {
	case journal.KindEvent:
		if ev, err := e.Event(); err == nil {
			p.events[ev.Matter]++
		}
	case journal.KindEvaluation:
		if ev, err := e.Evaluation(); err == nil {
			p.at[keyOf(&ev)] = p.events[ev.Matter]
			p.facts[keyOf(&ev)] = ev.Facts
		}
	case journal.KindAmendment:
		if a, err := e.Amendment(); err == nil && a.Facts != nil {
			p.amended[keyOf(&a.Evaluation)] = p.events[a.Matter]
			p.facts[keyOf(&a.Evaluation)] = a.Facts
		}
	}
}
