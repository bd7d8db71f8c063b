package main

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"slices"
	"sync"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
	"golang.org/x/mod/sumdb/note"

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
	// Retired is the verifier keys of the keys the service signed with
	// before Signer, of the same name: a key is replaced (rotated, or
	// after a leak) by starting with the new Signer and Verifier and the
	// old verifier key here. The checkpoints kept signed with a retired
	// key are checked with it on start (without it, they check with no
	// key the service knows, and it refuses to start, naming the first);
	// GET /key serves them beside Verifier, for receipts of before. A
	// leaked key stays here too: what it signed before the leak is in the
	// copies outsiders keep, which is what binds.
	Retired []string
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
	// OffRegister is the IDs of the bodies off the catalog's register
	// that may post (Callers): the hotlines (platforms) and the
	// supervisors above the sub-districts other than the catalog's own
	// (Supervision.Supervisor), which the catalog lists nowhere. Open
	// refuses a caller whose ID no revision of the register lists and
	// that is neither one of these nor the catalog's supervisor: the
	// catalog takes an ID it does not list for a body off the register,
	// a hotline, which may report for a sub-district and so grade it, so
	// that a department's token given a misspelt ID would do so. An ID
	// here that the register lists, or that is empty, is refused too.
	OffRegister []string
	// OpenPosts, for local trials only, has the service take whoever
	// posts as the actor the event names, with no token: anyone may then
	// approve, resolve or answer as any unit. It excludes Callers.
	OpenPosts bool
	// CommitTimeout bounds how long accepting an event waits on the
	// database — for the journal's lock, which another service sharing
	// the database may hold, for the rows before it and for its
	// transaction — while it holds the lock that orders the journal,
	// which every read of the state waits for too: a database that hangs
	// fails the post (503) when it runs out, and the service serves on.
	// It runs whether or not the client is still there (Accept). It bounds
	// the reads that wait on the database too — GET /journal,
	// /consistency and /receipts, which keep the checkpoint they serve
	// (a commit, Publish) and, for receipts, read their rows — each within
	// its request, which a client that leaves ends sooner: a database
	// that hangs fails the read (503), and its connection goes back to
	// the pool. 0 or less means DefaultCommitTimeout.
	CommitTimeout time.Duration
	// ReceiptsPage is the most receipts a reply of GET /receipts holds
	// (MatterReceipts, SubjectReceipts); 0 or less means
	// DefaultReceiptsPage.
	ReceiptsPage int
}

// DefaultCommitTimeout is how long accepting an event, or a read, waits
// on the database by default: less than a service told to stop waits for
// the requests in flight (shutdownGrace), so that a request stuck on the
// database does not keep it from stopping.
const DefaultCommitTimeout = 20 * time.Second

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
	retired  []note.Verifier   // cfg.Retired's
	off      map[string]bool   // the bodies off the register it knows (offRegister)

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
// errNoRegister) or does not know a caller (errUnknownCaller, naming
// each; OffRegister).
func Open(ctx context.Context, pool *pgxpool.Pool, cfg Config) (*Service, error) {
	if cfg.Catalog == nil || cfg.Table == nil {
		return nil, errors.New("service: a catalog and a table are needed")
	}
	var verifier note.Verifier
	if cfg.Verifier != "" {
		var err error
		if verifier, err = journal.NewVerifier(cfg.Verifier); err != nil { // refuses a key anyone can sign for
			return nil, fmt.Errorf("service: the verifier key: %w", err)
		}
	}
	if (cfg.Signer == nil) != (verifier == nil) ||
		cfg.Signer != nil && (cfg.Signer.Name() != verifier.Name() || cfg.Signer.KeyHash() != verifier.KeyHash()) {
		return nil, errors.New("service: a signer needs its own verifier key, and a verifier its signer")
	}
	retired, err := retiredKeys(cfg.Retired, verifier)
	if err != nil {
		return nil, err
	}
	cfg.Retired = slices.Clone(cfg.Retired)
	if err := checkCallers(cfg.Callers); err != nil {
		return nil, fmt.Errorf("service: %w", err)
	}
	if cfg.OpenPosts && len(cfg.Callers) > 0 {
		return nil, errors.New("service: an open service (OpenPosts) knows no callers: it takes the actor an event names")
	}
	if err := checkRegister(cfg.Catalog, cfg.OpenPosts); err != nil {
		return nil, fmt.Errorf("service: %w (a local trial, OpenPosts, may go without)", err)
	}
	if !cfg.OpenPosts {
		if err := checkCallersKnown(cfg.Catalog, cfg.Callers, cfg.OffRegister); err != nil {
			return nil, fmt.Errorf("service: %w", err)
		}
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
	s := &Service{store: &store{pool}, cal: workday.China(), cfg: cfg, grade: grade, verifier: verifier, retired: retired, off: offRegister(cfg.Catalog, cfg.OffRegister), kept: -1}
	if err := s.store.migrate(ctx); err != nil {
		return nil, err
	}
	if err := s.rebuild(ctx); err != nil {
		return nil, err
	}
	return s, nil
}

// resync applies the rows the journal holds after the state's head, up
// to entry to, as q reads them (the transaction that holds the journal's
// lock, or the pool): those another service on the same database
// committed, and those of a commit that returned an error (the
// connection lost while committing), which may have committed. A row
// that is not the next entry is an error, and the state stays as it
// was. s.mu is held.
func (s *Service) resync(ctx context.Context, q querier, to int64) error {
	for line, err := range span(ctx, q, s.state.Head.Seq+1, to) {
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

// retiredKeys reads the verifier keys of retired keys (Config.Retired):
// each a verifier key anyone cannot sign for (journal.NewVerifier), of
// the name of the service's key v, not v's own, and listed once.
func retiredKeys(keys []string, v note.Verifier) ([]note.Verifier, error) {
	if len(keys) > 0 && v == nil {
		return nil, errors.New("service: retired verifier keys without a key of the service's own (Signer, Verifier)")
	}
	out := make([]note.Verifier, 0, len(keys))
	for i, k := range keys {
		r, err := journal.NewVerifier(k)
		switch {
		case err != nil:
			return nil, fmt.Errorf("service: retired verifier key %d: %w", i+1, err)
		case r.Name() != v.Name():
			return nil, fmt.Errorf("service: retired verifier key %d is of %q, not of the service's key's name %q: the journal's origin stays when its key is replaced", i+1, r.Name(), v.Name())
		case r.KeyHash() == v.KeyHash():
			return nil, fmt.Errorf("service: retired verifier key %d is the service's own verifier key", i+1)
		}
		for j, o := range out {
			if o.KeyHash() == r.KeyHash() {
				return nil, fmt.Errorf("service: retired verifier key %d is key %d again", i+1, j+1)
			}
		}
		out = append(out, r)
	}
	return out, nil
}
