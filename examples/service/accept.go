package main

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"math"
	"slices"
	"time"

	"github.com/qingdan/qingdan/grading"
	"github.com/qingdan/qingdan/journal"
	"github.com/qingdan/qingdan/matters"
	"github.com/qingdan/qingdan/matters/workday"
	"github.com/qingdan/qingdan/scoring"
)

// Submission is an event to accept, with the owner's judgement of the
// quality of each unit it grades (1 to 5; absent, not judged). The event
// comes without its time (At, absent or the zero time): the service
// stamps it; and its actor is its caller, who may leave it out.
type Submission struct {
	Event   matters.Event  `json:"event"`
	Quality map[string]int `json:"quality,omitempty"`
}

// Accepted is what accepting an event recorded: the journal's new head,
// the event as journaled (with the time the service stamped it with),
// and the evaluations and amendments it called for.
type Accepted struct {
	Head        journal.Head         `json:"head"`
	Event       matters.Event        `json:"event"`
	Evaluations []scoring.Evaluation `json:"evaluations"`
	Amendments  []scoring.Amendment  `json:"amendments"`
}

// errRefused wraps the reasons an event is refused: the lifecycle's, the
// lists', the grading's.
var errRefused = errors.New("refused")

// errTimeGiven is an event that comes with its time: the service stamps
// an event itself, with the time it accepts it.
var errTimeGiven = errors.New("the service stamps an event with the time it accepts it: leave at out")

// Accept makes an event its caller's (the unit or body the host knows
// posts it: the handler, by its bearer token, Config.Callers), stamps it
// with the time it accepts it (Config.Now), applies it to its matter
// (checked by the catalog), grades what it calls for, and stores the
// event and its evaluations in the journal in one transaction; only once
// that commits does the state change. An event that gives its time is
// refused (errTimeGiven): the catalog checks only that a matter's events
// are in order, so a unit that chose the time of its own Accept or
// Resolve would choose its grade. An event that names an actor other
// than its caller is refused (errNotCaller), and one that names none is
// the caller's: the catalog's checks of who may approve, resolve or
// answer read the actor, which a unit naming another would choose. Unless
// OpenPosts, a caller that the register in force at the event's time
// does not list, and that is no body off the register the service knows,
// is refused (errNotInForce, wrapping errRefused): the catalog would take
// it for a hotline. The
// transaction holds the journal's lock (appendLock) and first applies
// the rows other services on the same database committed: the event is
// checked after them. It runs to its end whatever becomes of ctx (its
// values are kept, its end ignored): a client that gives up while its
// event commits does not leave rows committed that the state lacks. The
// service bounds it instead (Config.CommitTimeout), as it holds the lock
// every read waits for: a database that hangs fails the event, whose
// error, as each of the database's, names it. A commit that fails but
// went through (settle) accepts the event.
func (s *Service) Accept(ctx context.Context, caller string, sub Submission) (Accepted, error) {
	if at := sub.Event.At; !at.IsZero() {
		return Accepted{}, fmt.Errorf("event %s#%d gives its time, %s: %w", sub.Event.Matter, sub.Event.Seq, at.Format(time.RFC3339Nano), errTimeGiven)
	}
	if actor := sub.Event.Actor; actor != "" && actor != caller {
		return Accepted{}, fmt.Errorf("event %s#%d names %q as its actor; its caller is %q: %w", sub.Event.Matter, sub.Event.Seq, actor, caller, errNotCaller)
	}
	sub.Event.Actor = caller
	s.mu.Lock()
	defer s.mu.Unlock()
	sub.Event.At = s.cfg.Now().In(workday.CST()) // In drops the monotonic reading
	if !s.cfg.OpenPosts {
		if err := checkInForce(s.cfg.Catalog, s.off, sub.Event); err != nil {
			return Accepted{}, err
		}
	}
	// The commit, once begun, is not the request's to abandon: the
	// database may commit after the request's context has ended (a
	// cancel that comes too late), and the state must then have the rows.
	// It is the service's to bound: s.mu, which every read waits for, is
	// held.
	ctx, cancel := s.bounded(ctx)
	defer cancel()
	var acc Accepted
	var lines [][]byte
	err := s.store.append(ctx, func(q querier) (int64, [][]byte, error) {
		// Under the journal's lock: the rows other services committed
		// come before this event, which is checked after them.
		if err := s.resync(ctx, q, math.MaxInt64); err != nil {
			return 0, nil, err
		}
		var err error
		acc, lines, err = s.prepare(sub)
		return s.state.Head.Seq + 1, lines, err
	})
	if err != nil {
		if errors.Is(err, errRefused) {
			return Accepted{}, err
		}
		if lines != nil {
			acc, err = s.settle(ctx, err, acc)
		}
		if err != nil {
			return Accepted{}, fmt.Errorf("event %s#%d: %w", sub.Event.Matter, sub.Event.Seq, err)
		}
		return acc, nil
	}
	for _, l := range lines {
		if err := s.apply(l); err != nil {
			panic(fmt.Sprintf("service: the state refuses an entry it checked: %v", err))
		}
	}
	// The event is committed: a snapshot that fails must not report it
	// refused or lost.
	s.snapshotDue(ctx)
	return acc, nil
}

// bounded returns ctx's values, without its end, and a deadline of
// Config.CommitTimeout from now: what Accept waits on the database with.
func (s *Service) bounded(ctx context.Context) (context.Context, context.CancelFunc) {
	return s.within(context.WithoutCancel(ctx))
}

// within returns ctx with a deadline of Config.CommitTimeout from now, or
// ctx's if sooner: what a request waits on the database with.
func (s *Service) within(ctx context.Context) (context.Context, context.CancelFunc) {
	d := s.cfg.CommitTimeout
	if d <= 0 {
		d = DefaultCommitTimeout
	}
	return context.WithTimeout(ctx, d)
}

// settle is Accept after the commit of its lines (prepare's: acc.Head the
// head they end at) failed with err, which may have committed all the
// same (the connection lost as it committed): the state applies the rows
// committed after its head up to acc.Head's entry, and if they end at
// acc.Head, they are the lines, byte for byte, and the event is
// accepted; else err is returned. It reads the rows within a deadline
// of its own (bounded): the commit's may be what ran out. s.mu is held.
func (s *Service) settle(ctx context.Context, err error, acc Accepted) (Accepted, error) {
	ctx, cancel := s.bounded(ctx)
	defer cancel()
	if rerr := s.resync(ctx, s.store.pool, acc.Head.Seq); rerr != nil || s.state.Head != acc.Head {
		return Accepted{}, errors.Join(err, rerr)
	}
	s.snapshotDue(ctx)
	return acc, nil
}

// snapshotDue saves a snapshot if SnapshotEvery entries have been
// appended since the last, telling SnapshotFailed if it fails; s.mu is
// held.
func (s *Service) snapshotDue(ctx context.Context) {
	if n := s.cfg.SnapshotEvery; n > 0 && s.state.Head.Seq-s.saved >= n {
		if err := s.snapshot(ctx); err != nil && s.cfg.SnapshotFailed != nil {
			s.cfg.SnapshotFailed(err)
		}
	}
}

// prepare applies an event to a copy of its matter, grades what it calls
// for, and seals and checks the journal's lines of both against the
// state: what Accept commits, acc.Head the head the lines end at, or an
// error wrapping errRefused. s.mu is held.
func (s *Service) prepare(sub Submission) (Accepted, [][]byte, error) {
	e := sub.Event
	m := &matters.Matter{}
	if old := s.state.Matters[e.Matter]; old != nil {
		var err error
		if m, err = matters.Replay(old.Events); err != nil {
			return Accepted{}, nil, fmt.Errorf("matter %s: %w", e.Matter, err)
		}
	}
	if err := s.cfg.Catalog.Apply(s.cal, m, e); err != nil {
		return Accepted{}, nil, fmt.Errorf("%w: %w", errRefused, err)
	}
	grades, err := s.grader(sub.Quality).Grade(s.cal, m, len(m.Events)-1)
	if err != nil {
		return Accepted{}, nil, fmt.Errorf("%w: %w", errRefused, err)
	}
	if err := judgedGraded(sub, grades); err != nil {
		return Accepted{}, nil, fmt.Errorf("%w: %w", errRefused, err)
	}
	acc := Accepted{Event: m.Events[len(m.Events)-1], Evaluations: []scoring.Evaluation{}, Amendments: []scoring.Amendment{}}
	payloads := []any{m.Events[len(m.Events)-1]}
	for _, g := range grades {
		if g.Amendment != nil {
			payloads = append(payloads, *g.Amendment)
			acc.Amendments = append(acc.Amendments, *g.Amendment)
		} else {
			payloads = append(payloads, g.Evaluation)
			acc.Evaluations = append(acc.Evaluations, g.Evaluation)
		}
	}
	acc.Head = s.state.Head
	lines := make([][]byte, len(payloads))
	for i, p := range payloads {
		if lines[i], acc.Head, err = journal.Seal(acc.Head, p, nil); err != nil {
			return Accepted{}, nil, fmt.Errorf("%w: %w", errRefused, err)
		}
	}
	if err := s.state.Check(lines...); err != nil { // the book's rules, before anything is committed
		return Accepted{}, nil, fmt.Errorf("%w: %w", errRefused, err)
	}
	return acc, lines, nil
}

// judgedGraded refuses a quality judgement of a unit that the event does
// not grade (a misspelt unit, say), which the grader would never read, and
// one outside 1 to 5, which a table would grade as a quality given.
func judgedGraded(sub Submission, grades []grading.Grade) error {
	for _, u := range slices.Sorted(maps.Keys(sub.Quality)) {
		if q := sub.Quality[u]; q < 1 || q > 5 {
			return fmt.Errorf("event %s#%d: the quality %d given for %q is not 1 to 5", sub.Event.Matter, sub.Event.Seq, q, u)
		}
		if !slices.ContainsFunc(grades, func(g grading.Grade) bool { return g.Facts.Subject == u }) {
			return fmt.Errorf("event %s#%d: a quality is given for %q, whom it does not grade", sub.Event.Matter, sub.Event.Seq, u)
		}
	}
	return nil
}

// grader returns the library's grader (package grading) with the
// owner's quality judgements of this submission.
func (s *Service) grader(quality map[string]int) grading.Grader {
	return grading.New(grading.Config{Catalog: s.cfg.Catalog, Evaluator: s.grade, Judge: func(_ *matters.Matter, f *scoring.Facts) error {
		f.Quality = quality[f.Subject]
		return nil
	}})
}
