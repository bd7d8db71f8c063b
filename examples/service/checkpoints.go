package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"

	"github.com/qingdan/qingdan/journal"
)

// Checkpoints: every checkpoint the service publishes it keeps first, in
// the table journal_checkpoint (append-only, like the journal), signed
// if it has a key; on start it requires the journal to hold every one
// kept, and refuses to start, naming the checkpoint, when it does not.
// A history cut short or rewritten with its hashes recomputed is then
// not taken silently, even with the snapshots deleted. What binds is a
// signature (no one without the key makes a checkpoint the service
// accepts) and, above all, the copies outsiders keep of what was
// published: whoever can write the database can delete kept checkpoints
// too, and then only an outsider's copy shows what was lost.

// Publish returns the journal's head and its checkpoint under origin —
// its text, or, if the service has a key, the signed note — once the
// checkpoint is kept (or one of its size was before). A checkpoint of
// that size kept with another root is an error: the journal was forked.
// It waits on the database until ctx ends or Config.CommitTimeout runs
// out, whichever is first: a database that hangs fails it (503).
func (s *Service) Publish(ctx context.Context, origin string) (journal.Head, []byte, error) {
	ctx, cancel := s.within(ctx)
	defer cancel()
	s.mu.Lock()
	head, cp, known := s.state.Head, s.state.Checkpoint(origin), s.kept
	s.mu.Unlock()
	msg := []byte(cp.String())
	if s.cfg.Signer != nil {
		var err error
		if msg, err = cp.Sign(s.cfg.Signer); err != nil {
			return journal.Head{}, nil, err
		}
	} else if _, err := journal.ParseCheckpoint(msg); err != nil {
		// Its text is kept, and read back on every start (open): one
		// that does not read would stop the service from starting again.
		return journal.Head{}, nil, err
	}
	if cp.Size == known {
		return head, msg, nil
	}
	stored, err := s.store.keep(ctx, cp.Size, msg)
	if err != nil {
		return journal.Head{}, nil, err
	}
	if !bytes.Equal(stored, msg) {
		old, err := s.open(kept{cp.Size, stored})
		if err != nil {
			return journal.Head{}, nil, err
		}
		if old.Root != cp.Root {
			return journal.Head{}, nil, fmt.Errorf("the checkpoint kept of %d entries has the root %v, the journal's is %v: %w", cp.Size, old.Root, cp.Root, journal.ErrHeadMismatch)
		}
	}
	s.mu.Lock()
	s.kept = max(s.kept, cp.Size)
	s.mu.Unlock()
	return head, msg, nil
}

// open reads a checkpoint kept: its signature checked if it has one and
// the service a verifier key (its own, or a retired one: Config.Retired),
// its text otherwise. One kept unsigned (before the service had a key) is
// taken as it is: a checkpoint added to the table only makes the check on
// start stricter.
func (s *Service) open(k kept) (journal.Checkpoint, error) {
	var cp journal.Checkpoint
	var err error
	text, _, signed := bytes.Cut(k.text, []byte("\n\n"))
	switch {
	case signed && s.verifier != nil:
		cp, err = journal.OpenCheckpoint(k.text, s.verifier)
		for _, r := range s.retired {
			if err == nil {
				break
			}
			if c, rerr := journal.OpenCheckpoint(k.text, r); rerr == nil {
				cp, err = c, nil
			}
		}
		if err != nil && len(s.retired) > 0 {
			err = fmt.Errorf("%w (nor by a retired key: Config.Retired, -retired)", err)
		}
	case signed:
		cp, err = journal.ParseCheckpoint(append(text[:len(text):len(text)], '\n'))
	default:
		cp, err = journal.ParseCheckpoint(k.text)
	}
	if err == nil && cp.Size != k.size {
		err = fmt.Errorf("it is of %d entries: %w", cp.Size, journal.ErrInvalid)
	}
	if err != nil {
		return cp, fmt.Errorf("the checkpoint kept at %d: %w", k.size, err)
	}
	return cp, nil
}

// rebuild sets the state, the tree and the index from the latest
// snapshot and the rows: the rows up to the snapshot's entry verified
// (journal.Verify, against the checkpoints kept of fewer entries) and
// their tree made, then the snapshot resumed with the rows from its entry
// on (journal.Resume, against the others). A snapshot that does not check
// out, or whose rows do not, is told to cfg.SnapshotRefused and the state
// rebuilt from the first row, against every checkpoint: the rows are the
// record, a snapshot is a cache. s.mu is held or not yet shared.
func (s *Service) rebuild(ctx context.Context) error {
	k, err := s.store.checkpoints(ctx)
	if err != nil {
		return err
	}
	cps := make([]journal.Checkpoint, len(k))
	for i := range k {
		if cps[i], err = s.open(k[i]); err != nil {
			return err
		}
		s.kept = cps[i].Size
	}
	snap, from, err := s.store.snapshot(ctx)
	if err != nil {
		return err
	}
	if snap != nil {
		i := 0
		for i < len(cps) && cps[i].Size < from {
			i++
		}
		s.tree, s.index = journal.NewTree(), newIndex()
		r := journal.Lines(s.index.tee(s.store.span(ctx, 1, from)))
		_, err = journal.Verify(r, &journal.Options{Tree: s.tree}, cps[:i]...)
		r.Close()
		if err == nil {
			s.state, err = journal.Resume(snap, s.index.tee(s.store.lines(ctx, from)), &journal.Options{Tree: s.tree}, cps[i:]...)
		}
		if err == nil {
			err = s.indexed()
		}
		// The snapshot's tree, which the state's checkpoints are of, must
		// be the rows' (s.tree, which the receipts and proofs are of):
		// Resume checks it only against the checkpoints kept of its
		// entries or more.
		if err == nil && s.state.Checkpoint("").Root != s.tree.Checkpoint("").Root {
			err = fmt.Errorf("its tree's root at entry %d is %v, the rows' %v: %w", s.state.Head.Seq, s.state.Checkpoint("").Root, s.tree.Checkpoint("").Root, journal.ErrInvalid)
		}
		if err == nil {
			s.saved = from
			return nil
		}
		if s.cfg.SnapshotRefused != nil {
			s.cfg.SnapshotRefused(fmt.Errorf("resuming from the snapshot at entry %d: %w; rebuilding from entry 1", from, err))
		}
	}
	s.saved = 0
	s.tree, s.index = journal.NewTree(), newIndex()
	if s.state, err = journal.Resume(nil, s.index.tee(s.store.lines(ctx, 1)), &journal.Options{Tree: s.tree}, cps...); err != nil {
		return named(err, cps)
	}
	return s.indexed()
}

// indexed reports whether the index holds every entry of the state: its
// error wraps journal.ErrInvalid and names the entry at fault.
func (s *Service) indexed() error {
	err := s.index.err
	if err == nil && s.index.last != s.state.Head.Seq {
		err = fmt.Errorf("the index ends at entry %d, the state at entry %d: %w", s.index.last, s.state.Head.Seq, journal.ErrInvalid)
	}
	if err != nil {
		return fmt.Errorf("the index of the entries up to %d: %w", s.state.Head.Seq, err)
	}
	return nil
}

// named names, in an error of the journal against the checkpoints cps
// (by size), the first checkpoint it does not hold: the first at or
// after the line the error names.
func named(err error, cps []journal.Checkpoint) error {
	var ve *journal.VerifyError
	if errors.Is(err, journal.ErrHeadMismatch) && errors.As(err, &ve) {
		for _, cp := range cps {
			if cp.Size >= ve.Line {
				return fmt.Errorf("the journal does not hold the checkpoint of %d entries it published (root %v): %w", cp.Size, cp.Root, err)
			}
		}
	}
	return fmt.Errorf("rebuilding from the journal: %w", err)
}
