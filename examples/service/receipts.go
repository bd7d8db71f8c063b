package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"iter"

	"github.com/qingdan/qingdan/journal"
)

// Receipts and consistency proofs: what an outsider verifies offline
// with the verifier key alone. The service keeps the journal's tree
// (journal.Tree: every hash, about 64 bytes an entry) and an index of
// the entries of each matter and each subject (about 16 bytes an
// entry) in memory, both made as the state is, from the rows on start
// and from each entry committed after: a receipt reads only its own
// entries' rows.

// errNoKey is a receipt asked of a service without a key: a receipt
// carries a signed checkpoint.
var errNoKey = errors.New("the service has no key (-key, -verifier): it signs no checkpoint, so it gives no receipts")

// errNotFound is a matter or a subject the journal has no entry of.
var errNotFound = errors.New("not found")

// errBadSize is a size of the journal that a consistency proof cannot
// start from.
var errBadSize = errors.New("no such size")

// apply applies a committed entry's line to the state, the tree and the
// index; s.mu is held. The state's error leaves all three as they were;
// the tree and the index take every line the state takes.
func (s *Service) apply(line []byte) error {
	if err := s.state.Apply(line); err != nil {
		return err
	}
	if _, err := s.tree.Append(line); err != nil {
		panic(fmt.Sprintf("service: the tree refuses an entry the state took: %v", err))
	}
	if err := s.index.add(line); err != nil {
		panic(fmt.Sprintf("service: the index refuses an entry the state took: %v", err))
	}
	return nil
}

// MatterReceipts returns the receipts of every entry of a matter — its
// events, its evaluations and their amendments — in journal order,
// against the journal's signed checkpoint, kept first (Publish): of the
// entries that checkpoint holds. It returns errNoKey if the service has
// no key, errNotFound if the journal has no entry of the matter.
func (s *Service) MatterReceipts(ctx context.Context, origin, id string) ([]*journal.Receipt, error) {
	return s.receipts(ctx, origin, "matter", id, s.index.matters)
}

// SubjectReceipts returns the receipts of every evaluation of a unit and
// of every amendment of one, as MatterReceipts does those of a matter.
func (s *Service) SubjectReceipts(ctx context.Context, origin, unit string) ([]*journal.Receipt, error) {
	return s.receipts(ctx, origin, "subject", unit, s.index.subjects)
}

// receipts returns the receipts of the entries that index (one of
// s.index's maps) lists under id, a what.
func (s *Service) receipts(ctx context.Context, origin, what, id string, index map[string][]int64) ([]*journal.Receipt, error) {
	if s.cfg.Signer == nil {
		return nil, errNoKey
	}
	s.mu.Lock()
	n := len(index[id])
	s.mu.Unlock()
	if n == 0 {
		return nil, fmt.Errorf("the journal has no entry of the %s %q: %w", what, id, errNotFound)
	}
	head, signed, err := s.Publish(ctx, origin)
	if err != nil {
		return nil, err
	}
	s.mu.Lock()
	var seqs []int64
	for _, seq := range index[id] { // in journal order: those of the checkpoint first
		if seq > head.Seq {
			break
		}
		seqs = append(seqs, seq)
	}
	s.mu.Unlock()
	lines, err := s.store.entries(ctx, seqs)
	if err != nil {
		return nil, err
	}
	out := make([]*journal.Receipt, len(lines))
	for i, line := range lines {
		e, err := journal.ParseLine(line)
		if err == nil && e.Seq != seqs[i] {
			err = fmt.Errorf("the row of entry %d holds entry %d: %w", seqs[i], e.Seq, journal.ErrTampered)
		}
		if err == nil {
			out[i], err = s.tree.Receipt(e, signed) // refuses a row that is not the tree's entry
		}
		if err != nil {
			return nil, fmt.Errorf("the receipt of entry %d: %w", seqs[i], err)
		}
	}
	return out, nil
}

// Consistency returns the proof that the journal's checkpoint, kept
// first (Publish), extends the journal's first from entries, and that
// checkpoint as Publish returns it: whoever holds a checkpoint of from
// entries checks with journal.VerifyConsistency that the journal only
// grew since. from must be between 1 and the checkpoint's size, else the
// error wraps errBadSize.
func (s *Service) Consistency(ctx context.Context, origin string, from int64) (journal.Proof, []byte, error) {
	if from < 1 {
		return nil, nil, fmt.Errorf("a proof from %d entries: %w; give a checkpoint's size, at least 1", from, errBadSize)
	}
	head, cp, err := s.Publish(ctx, origin)
	if err != nil {
		return nil, nil, err
	}
	if from > head.Seq {
		return nil, nil, fmt.Errorf("a proof from %d entries: %w: the journal has %d", from, errBadSize, head.Seq)
	}
	p, err := s.tree.ConsistencyProof(from, head.Seq)
	if err != nil {
		return nil, nil, err
	}
	if p == nil {
		p = journal.Proof{} // a list, empty, in JSON
	}
	return p, cp, nil
}

// index is where the journal holds the entries of each matter and of
// each subject: their sequence numbers, in journal order.
type index struct {
	last     int64              // the last entry indexed
	matters  map[string][]int64 // a matter's events, evaluations and amendments
	subjects map[string][]int64 // a unit's evaluations and amendments
	err      error              // the first line add could not read
}

func newIndex() *index {
	return &index{matters: map[string][]int64{}, subjects: map[string][]int64{}}
}

// add indexes the entry of a journal line, if it is the next; an entry
// indexed already is skipped. Only the members that place it are read,
// not the whole payload: the line is the journal's, checked by the state
// (or by Verify or Resume on start) as a whole.
func (x *index) add(line []byte) error {
	var e struct {
		Seq     int64 `json:"seq"`
		Payload struct {
			Matter  string `json:"matter"`
			Subject string `json:"subject"` // an evaluation's or an amendment's; an event has none
		} `json:"payload"`
	}
	if err := json.Unmarshal(line, &e); err != nil {
		return fmt.Errorf("indexing the entry after %d: %w", x.last, err)
	}
	switch {
	case e.Seq <= x.last:
		return nil
	case e.Seq != x.last+1 || e.Payload.Matter == "":
		return fmt.Errorf("indexing the entry after %d: entry %d of matter %q", x.last, e.Seq, e.Payload.Matter)
	}
	x.last = e.Seq
	x.matters[e.Payload.Matter] = append(x.matters[e.Payload.Matter], e.Seq)
	if e.Payload.Subject != "" {
		x.subjects[e.Payload.Subject] = append(x.subjects[e.Payload.Subject], e.Seq)
	}
	return nil
}

// tee indexes the lines of seq as they pass on. A line it cannot index
// passes on all the same, for the reader that checks it to refuse; the
// first such error stays in x.err.
func (x *index) tee(seq iter.Seq2[[]byte, error]) iter.Seq2[[]byte, error] {
	return func(yield func([]byte, error) bool) {
		for line, err := range seq {
			if err == nil {
				if err := x.add(line); err != nil && x.err == nil {
					x.err = err
				}
			}
			if !yield(line, err) {
				return
			}
		}
	}
}
