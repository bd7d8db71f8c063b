package main

import (
	"bytes"
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"iter"
	"slices"
	"strconv"

	"github.com/qingdan/qingdan/journal"
)

// Receipts and consistency proofs: what an outsider verifies offline
// with the verifier key and a checkpoint they saw published (see the
// package doc). The service keeps the journal's tree
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
// start from, or an entry receipts cannot start after: more than the
// journal has.
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

// MatterReceipts returns the receipts of the entries of a matter — its
// events, its evaluations and their amendments — after the entry after
// (0 for all), in journal order, at most Config.ReceiptsPage of them,
// all against the journal's signed checkpoint, kept first (Publish): of
// the entries that checkpoint holds. more reports whether that
// checkpoint holds more, for the next page: after the last entry
// returned. It returns errNoKey if the service has no key, errNotFound
// if the journal has no entry of the matter, errBadSize if after is not
// between 0 and the journal's size, and no receipt, keeping no
// checkpoint, if the journal has no entry of the matter after after. It
// waits on the database as Publish does, Config.CommitTimeout at most for
// the checkpoint and the rows together; its error names the matter.
func (s *Service) MatterReceipts(ctx context.Context, origin, id string, after int64) (rcs []*journal.Receipt, more bool, err error) {
	return s.receipts(ctx, origin, "matter", id, after, s.index.matters)
}

// SubjectReceipts returns the receipts of the evaluations of a unit and
// of the amendments of one, as MatterReceipts does those of a matter.
func (s *Service) SubjectReceipts(ctx context.Context, origin, unit string, after int64) (rcs []*journal.Receipt, more bool, err error) {
	return s.receipts(ctx, origin, "subject", unit, after, s.index.subjects)
}

// receipts returns a page of the receipts of the entries that index (one
// of s.index's maps) lists under id, a what. What makes a request bad is
// checked before the checkpoint is kept: a bad request costs the
// database no write.
func (s *Service) receipts(ctx context.Context, origin, what, id string, after int64, index map[string][]int64) ([]*journal.Receipt, bool, error) {
	if s.cfg.Signer == nil {
		return nil, false, errNoKey
	}
	s.mu.Lock()
	seqs, size := index[id], s.state.Head.Seq
	s.mu.Unlock()
	switch {
	case len(seqs) == 0:
		return nil, false, fmt.Errorf("the journal has no entry of the %s %q: %w", what, id, errNotFound)
	case after < 0 || after > size:
		return nil, false, fmt.Errorf("receipts after entry %d: %w: the journal, as this service has read it, has %d", after, errBadSize, size)
	case seqs[len(seqs)-1] <= after:
		return nil, false, nil
	}
	ctx, cancel := s.within(ctx)
	defer cancel()
	head, signed, err := s.Publish(ctx, origin)
	if err != nil {
		return nil, false, fmt.Errorf("the receipts of the %s %q: %w", what, id, err)
	}
	s.mu.Lock()
	seqs, more := pageOf(index[id], after, head.Seq, cmp.Or(max(s.cfg.ReceiptsPage, 0), DefaultReceiptsPage))
	s.mu.Unlock()
	lines, err := s.store.entries(ctx, seqs)
	if err != nil {
		return nil, false, fmt.Errorf("the receipts of the %s %q: %w", what, id, err)
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
			return nil, false, fmt.Errorf("the receipt of entry %d: %w", seqs[i], err)
		}
	}
	return out, more, nil
}

// pageOf returns the first n of the entries of seqs (in journal order)
// after the entry after and up to the entry last, a copy, and whether
// there are more.
func pageOf(seqs []int64, after, last int64, n int) ([]int64, bool) {
	i, _ := slices.BinarySearch(seqs, after+1)
	j, _ := slices.BinarySearch(seqs, last+1)
	if j-i > n {
		return slices.Clone(seqs[i : i+n]), true
	}
	return slices.Clone(seqs[i:j]), false
}

// Consistency returns the proof that the journal's checkpoint, kept
// first (Publish), extends the journal's first from entries, and that
// checkpoint as Publish returns it: whoever holds a checkpoint of from
// entries checks with journal.VerifyConsistency that the journal only
// grew since. from must be between 1 and the journal's size, else the
// error wraps errBadSize; it is checked before the checkpoint is kept,
// so that a bad request costs the database no write (the journal only
// grows: the checkpoint then kept is of from entries or more). It waits
// on the database as Publish does; its error names from.
func (s *Service) Consistency(ctx context.Context, origin string, from int64) (journal.Proof, []byte, error) {
	if from < 1 {
		return nil, nil, fmt.Errorf("a proof from %d entries: %w; give a checkpoint's size, at least 1", from, errBadSize)
	}
	if size := s.size(); from > size {
		return nil, nil, fmt.Errorf("a proof from %d entries: %w: the journal, as this service has read it, has %d", from, errBadSize, size)
	}
	head, cp, err := s.Publish(ctx, origin)
	if err != nil {
		return nil, nil, fmt.Errorf("a proof from %d entries: %w", from, err)
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

// size returns the number of entries of the journal the state holds.
func (s *Service) size() int64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.state.Head.Seq
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
// indexed already is skipped, and a line it cannot place is an error
// that wraps journal.ErrInvalid and names the entry it was to be. The
// line is the journal's, checked as a whole by the state (or by Verify
// or Resume on start): add reads only what places it (place).
func (x *index) add(line []byte) error {
	seq, matter, subject, err := place(line)
	switch {
	case err != nil:
		return fmt.Errorf("indexing entry %d: %w: %w", x.last+1, journal.ErrInvalid, err)
	case seq <= x.last:
		return nil
	case seq != x.last+1 || matter == "":
		return fmt.Errorf("indexing entry %d: the line holds entry %d of matter %q: %w", x.last+1, seq, matter, journal.ErrInvalid)
	}
	x.last = seq
	x.matters[matter] = append(x.matters[matter], seq)
	if subject != "" {
		x.subjects[subject] = append(x.subjects[subject], seq)
	}
	return nil
}

// place returns the sequence number of a journal line's entry, the
// matter of its payload and, for an evaluation or an amendment, the
// subject: as placeCanonical reads them from a line in the canonical
// form, else as encoding/json does.
func place(line []byte) (seq int64, matter, subject string, err error) {
	if seq, matter, subject, ok := placeCanonical(line); ok {
		return seq, matter, subject, nil
	}
	var e struct {
		Seq     int64 `json:"seq"`
		Payload struct {
			Matter  string `json:"matter"`
			Subject string `json:"subject"` // an evaluation's or an amendment's; an event has none
		} `json:"payload"`
	}
	err = json.Unmarshal(line, &e)
	return e.Seq, e.Payload.Matter, e.Payload.Subject, err
}

// placeCanonical is place for a line in the canonical form (package
// journal's documentation), which begins {"seq":N,"kind":"K","prev":"<64
// digits>","payload":{"matter":"M" and, but for an event, goes on
// ,"subject":"U": it reads that much of the line, where encoding/json
// would read it all, about twelve times as long (every row is indexed on
// start). It returns false for a line that does not begin so.
func placeCanonical(line []byte) (seq int64, matter, subject string, ok bool) {
	rest, ok := bytes.CutPrefix(line, []byte(`{"seq":`))
	if !ok {
		return 0, "", "", false
	}
	digits, rest, ok := bytes.Cut(rest, []byte(`,"kind":"`))
	seq, err := strconv.ParseInt(string(digits), 10, 64)
	if !ok || err != nil {
		return 0, "", "", false
	}
	kind, rest, ok := bytes.Cut(rest, []byte(`","prev":"`))
	if !ok || len(rest) < 64 {
		return 0, "", "", false
	}
	if rest, ok = bytes.CutPrefix(rest[64:], []byte(`","payload":{"matter":`)); !ok {
		return 0, "", "", false
	}
	if matter, rest, ok = jsonString(rest); !ok || string(kind) == "event" {
		return seq, matter, "", ok
	}
	if rest, ok = bytes.CutPrefix(rest, []byte(`,"subject":`)); !ok {
		return 0, "", "", false
	}
	subject, _, ok = jsonString(rest)
	return seq, matter, subject, ok
}

// jsonString reads the JSON string at the start of b, and returns it and
// what follows it; false if b does not start with one.
func jsonString(b []byte) (string, []byte, bool) {
	if len(b) == 0 || b[0] != '"' {
		return "", nil, false
	}
	for i := 1; i < len(b); i++ {
		switch b[i] {
		case '\\':
			i++
		case '"':
			var s string
			if json.Unmarshal(b[:i+1], &s) != nil {
				return "", nil, false
			}
			return s, b[i+1:], true
		}
	}
	return "", nil, false
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
