package main

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"math"
	"slices"
	"sync"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
	"golang.org/x/mod/sumdb/note"

	"github.com/qingdan/qingdan/grading"
	"github.com/qingdan/qingdan/journal"
	"github.com/qingdan/qingdan/matters"
	"github.com/qingdan/qingdan/matters/workday"
	"github.com/qingdan/qingdan/scoring"
)

// Config is what a service grades by.
type Config struct {
	Catalog *matters.Catalog // the lists: register, routes, admission, supervision
	Table   *scoring.Table   // the decision table the units are graded by
	// SnapshotEvery is how many entries the service appends between
	// snapshots; 0 means 5000, negative never.
	SnapshotEvery int64
	// SnapshotFailed, when set, is told of a snapshot that could not be
	// saved after an event. The event stands (it is in the journal); the
	// snapshot is tried again after the next one.
	SnapshotFailed func(error)
	// SnapshotRefused, when set, is told of a snapshot that does not
	// check out on start: the service rebuilds from the first row.
	SnapshotRefused func(error)
	// Signer, if set, signs the checkpoints the service publishes and
	// keeps (its name is their origin); Verifier, the verifier key of the
	// same key as note.NewVerifier reads it ("<name>+<hash>+<key>"),
	// checks the signatures of those kept on start, and is served to
	// whoever checks a receipt or a checkpoint (GET /key). Both or
	// neither.
	Signer   note.Signer
	Verifier string
	// Now is the clock the service stamps each event with (Event.At)
	// when it accepts it; nil means time.Now. It is read once an event,
	// under the lock that orders the journal, so that the journal's
	// events are in the order of their times as long as the clock does
	// not go back.
	Now func() time.Time
	// Callers is who may post events: the ID of the unit or body (the
	// actor of its events) that each bearer token speaks for, keyed by
	// the lowercase hex of the token's SHA-256 — hashes, so that whoever
	// reads the config cannot post. Tokens are random, 128 bits or more
	// (openssl rand -hex 32): a hash of a guessable one is no secret.
	// None: no one may post, unless OpenPosts.
	Callers map[string]string
	// OpenPosts, for local trials only, has the service take whoever
	// posts as the actor the event names, with no token: anyone may then
	// approve, resolve or answer as any unit. It excludes Callers.
	OpenPosts bool
	// ReceiptsPage is the most receipts a reply of GET /receipts holds
	// (MatterReceipts, SubjectReceipts); 0 or less means
	// DefaultReceiptsPage.
	ReceiptsPage int
}

// DefaultReceiptsPage is the most receipts a reply holds by default:
// about 2.5 MB of JSON Lines on the wuhu year (2.5 kB a receipt, its
// proof growing with the logarithm of the journal's size).
const DefaultReceiptsPage = 1000

// Service accepts the events of matters, grades them and keeps the
// journal of both in PostgreSQL. Its state — the matters, the book of
// evaluations, the journal's head — is always that of the journal's
// committed rows. It is safe for concurrent use: events are accepted one
// at a time, in the order of the journal.
type Service struct {
	store    *store
	cal      *workday.Calendar
	cfg      Config
	grade    scoring.Evaluator // cfg.Table, compiled
	verifier note.Verifier     // cfg.Verifier's, nil without a key

	mu    sync.Mutex
	state *journal.Rebuilt
	tree  *journal.Tree // the journal's tree, every hash: for proofs
	index *index        // the entries of each matter and each subject
	saved int64         // the head of the latest snapshot
	kept  int64         // the size of the largest checkpoint kept, -1 for none
}

// Open creates the tables if needed and rebuilds the state from the
// latest snapshot and the journal's rows after it, or from the first row
// if the snapshot does not check out; it refuses to start if the journal
// does not hold every checkpoint the service kept, and, unless OpenPosts,
// if the catalog has no register of units (an error wrapping
// errNoRegister).
func Open(ctx context.Context, pool *pgxpool.Pool, cfg Config) (*Service, error) {
	if cfg.Catalog == nil || cfg.Table == nil {
		return nil, errors.New("service: a catalog and a table are needed")
	}
	var verifier note.Verifier
	if cfg.Verifier != "" {
		var err error
		if verifier, err = note.NewVerifier(cfg.Verifier); err != nil {
			return nil, fmt.Errorf("service: the verifier key: %w", err)
		}
	}
	if (cfg.Signer == nil) != (verifier == nil) ||
		cfg.Signer != nil && (cfg.Signer.Name() != verifier.Name() || cfg.Signer.KeyHash() != verifier.KeyHash()) {
		return nil, errors.New("service: a signer needs its own verifier key, and a verifier its signer")
	}
	if err := checkCallers(cfg.Callers); err != nil {
		return nil, fmt.Errorf("service: %w", err)
	}
	if cfg.OpenPosts && len(cfg.Callers) > 0 {
		return nil, errors.New("service: an open service (OpenPosts) knows no callers: it takes the actor an event names")
	}
	if err := checkRegister(cfg.Catalog, cfg.OpenPosts); err != nil {
		return nil, fmt.Errorf("service: %w (a local trial, OpenPosts, may go without)", err)
	}
	cfg.Callers = maps.Clone(cfg.Callers) // the host's map may change; the service's does not
	if cfg.SnapshotEvery == 0 {
		cfg.SnapshotEvery = 5000
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	grade, err := cfg.Table.Compile()
	if err != nil {
		return nil, fmt.Errorf("service: %w", err)
	}
	s := &Service{store: &store{pool}, cal: workday.China(), cfg: cfg, grade: grade, verifier: verifier, kept: -1}
	if err := s.store.migrate(ctx); err != nil {
		return nil, err
	}
	if err := s.rebuild(ctx); err != nil {
		return nil, err
	}
	return s, nil
}

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
// answer read the actor, which a unit naming another would choose. An
// event the state refuses is checked again once the state has the rows
// committed after its head, if there are any (another service on the
// same database committed them); one whose entries another service
// took as it stored them is checked and stored after them (commit). The
// transaction runs to its end
// whatever becomes of ctx (its values are kept, its end ignored): a
// client that gives up while its event commits does not leave rows
// committed that the state lacks.
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
	acc, lines, err := s.prepare(sub)
	if errors.Is(err, errRefused) {
		// Refused by the state: another service on the same database may
		// have committed the events before this one. Catch up, and if
		// there was something to catch up with, check the event again.
		head := s.state.Head
		if err := s.resync(ctx, math.MaxInt64); err != nil {
			return Accepted{}, err
		}
		if s.state.Head != head {
			acc, lines, err = s.prepare(sub)
		}
	}
	if err != nil {
		return Accepted{}, err
	}
	// The commit, once begun, is not the request's to abandon: the
	// database may commit after the request's context has ended (a
	// cancel that comes too late), and the state must then have the rows.
	ctx = context.WithoutCancel(ctx)
	if acc, err = s.commit(ctx, sub, acc, lines); err != nil {
		return Accepted{}, err
	}
	// The event is committed: a snapshot that fails must not report it
	// refused or lost.
	if n := s.cfg.SnapshotEvery; n > 0 && s.state.Head.Seq-s.saved >= n {
		if err := s.snapshot(ctx); err != nil && s.cfg.SnapshotFailed != nil {
			s.cfg.SnapshotFailed(err)
		}
	}
	return acc, nil
}

// maxTaken is how many times in a row an event's entries may be taken by
// other services on the same database, the event sealed again after
// theirs each time, before Accept gives up (503).
const maxTaken = 8

// commit stores the lines of an event and of what it calls for
// (prepare's: acc.Head is the head they end at) in one transaction and
// applies them to the state. If the insert fails, the state catches up
// with the rows committed after its head (resync): if they end at
// acc.Head, they are the lines, byte for byte (a commit that went
// through, its reply lost), and the event is accepted; if another
// service took their entries, the event is checked and sealed again
// after them (prepare) and stored, up to maxTaken times, or refused as
// prepare refuses it; if no row was committed, the insert's error is
// returned, nothing changed. s.mu is held.
func (s *Service) commit(ctx context.Context, sub Submission, acc Accepted, lines [][]byte) (Accepted, error) {
	for taken := 0; ; taken++ {
		err := s.store.append(ctx, s.state.Head.Seq+1, lines)
		if err == nil {
			for _, l := range lines {
				if err := s.apply(l); err != nil {
					panic(fmt.Sprintf("service: the state refuses an entry it checked: %v", err))
				}
			}
			return acc, nil
		}
		head := s.state.Head
		if rerr := s.resync(ctx, acc.Head.Seq); rerr != nil || s.state.Head == head {
			return Accepted{}, errors.Join(err, rerr)
		}
		if s.state.Head == acc.Head {
			return acc, nil
		}
		if rerr := s.resync(ctx, math.MaxInt64); rerr != nil || taken == maxTaken {
			return Accepted{}, errors.Join(err, rerr)
		}
		if acc, lines, err = s.prepare(sub); err != nil {
			return Accepted{}, err
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

// resync applies the rows the journal holds after the state's head, up
// to entry to: those another service on the same database committed,
// and those of a commit that returned an error (the connection lost
// while committing), which may have committed. A row that is not the
// next entry is an error, and the state stays as it was. s.mu is held.
func (s *Service) resync(ctx context.Context, to int64) error {
	for line, err := range s.store.span(ctx, s.state.Head.Seq+1, to) {
		if err == nil {
			err = s.apply(line)
		}
		if err != nil {
			return fmt.Errorf("the journal after entry %d: %w", s.state.Head.Seq, err)
		}
	}
	return nil
}

// snapshot saves the state; s.mu is held.
func (s *Service) snapshot(ctx context.Context) error {
	snap, err := s.state.Snapshot()
	if err != nil {
		return err
	}
	if err := s.store.saveSnapshot(ctx, s.state.Head.Seq, snap); err != nil {
		return err
	}
	s.saved = s.state.Head.Seq
	return nil
}

// Snapshot saves the state now.
func (s *Service) Snapshot(ctx context.Context) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.snapshot(ctx)
}

// Scores returns the ranked scores of the period.
func (s *Service) Scores(p scoring.Period) []scoring.Score {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.state.Book.Scores(p)
}

// MatterView is one matter: its history, its evaluations with the
// amendments that count applied ([scoring.Book.Matter]), and every
// amendment of them in the journal, in journal order: of the amendments
// of one evaluation, the last counts; those before it are history too.
type MatterView struct {
	Matter      *matters.Matter      `json:"matter"`
	Evaluations []scoring.Evaluation `json:"evaluations"`
	Amendments  []scoring.Amendment  `json:"amendments"`
}

// Matter returns a matter's view, false if there is no such matter. The
// view is a copy: the events accepted after it do not change it, and a
// handler may encode it without the lock.
func (s *Service) Matter(id string) (MatterView, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	m := s.state.Matters[id]
	if m == nil {
		return MatterView{}, false
	}
	es, _ := s.state.Book.Matter(id) // the book holds the amendments that count only
	v := MatterView{Matter: m.Clone(), Evaluations: append([]scoring.Evaluation{}, es...), Amendments: []scoring.Amendment{}}
	for _, a := range s.state.Amendments {
		if a.Amendment.Matter == id {
			a.Amendment.At, a.Amendment.Facts = a.Amendment.At.In(workday.CST()), nil // as the book gives them
			v.Amendments = append(v.Amendments, a.Amendment)
		}
	}
	return v, true
}

// Head returns the journal's head and its checkpoint under origin.
func (s *Service) Head(origin string) (journal.Head, journal.Checkpoint) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.state.Head, s.state.Checkpoint(origin)
}
