package journal

import (
	"fmt"

	"github.com/qingdan/qingdan/journal/internal/canon"
)

// Seal returns the line, without its line feed, of the entry that follows
// head with payload v — a [matters.Event], a [scoring.Evaluation] or a
// [scoring.Amendment] — and the head it makes: the bytes a [Writer] at
// head appending v writes, without writing them. A host that keeps its
// journal in a database seals the entries of one change against its
// head, each against the head the one before made, stores the lines in
// the transaction of the change, and once that commits takes the last
// head as its own (and, to keep state or a tree, gives the lines to
// [Rebuilt.Apply] or [Tree.Append], having checked them with
// [Rebuilt.Check] before it committed); if the transaction fails, it drops
// them and its head stays where it was. Seal changes nothing: calls with
// one head are independent.
//
// Seal refuses what a Writer refuses, with the same errors: a head that
// cannot be continued (see [NewWriterAt]), a payload without a canonical
// form or of another type, an amendment without its author or reason
// (ErrInvalid), a line longer than Options.MaxLine (ErrLineTooLong).
// Options other than MaxLine are not used.
func Seal(head Head, v any, opts *Options) (line []byte, next Head, err error) {
	if err := continuable(head); err != nil {
		return nil, head, err
	}
	k, payload, err := encodePayload(nil, v)
	if err != nil {
		return nil, head, err
	}
	var prevHex, sumHex [64]byte
	encodeHex(&prevHex, &head.Hash)
	next.Seq = head.Seq + 1
	line = appendFraming(make([]byte, 0, len(payload)+200), next.Seq, k, &prevHex)
	line = closeLine(append(line, payload...), &next.Hash, &sumHex)
	if max := opts.maxLine(); len(line) > max {
		return nil, head, fmt.Errorf("journal: %s: entry %d would be %d bytes, over the limit of %d: %w", describe(v), next.Seq, len(line), max, ErrLineTooLong)
	}
	return line, next, nil
}

// Append adds to the tree the entry of line (without its line feed),
// which must follow the tree's last entry, and returns the new head: how
// a tree follows a journal whose lines a host seals with [Seal] and
// stores itself, and how a host makes the tree of such a journal again
// from its lines. A line that is not an entry ([ParseLine]'s errors,
// naming the entry it follows: "the line after entry 41: …"), or whose
// entry does not follow the tree's head (another Seq or Prev), is an
// error wrapping [ErrInvalid] or [ErrTampered], and the tree is
// unchanged.
func (t *Tree) Append(line []byte) (Head, error) {
	mustNotNil(t, "Append", "Tree")
	p, sum, err := parseEntry(line)
	if err != nil {
		head := t.Head()
		return head, lineAfter(head.Seq, err)
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	if err := follows(t.head, p, sum); err != nil {
		return t.head, err
	}
	t.addLocked(Head{Seq: p.seq, Hash: sum})
	return t.head, nil
}

// follows reports, wrapping ErrInvalid, an entry (p, with hash sum) that
// is not the next after head.
func follows(head Head, p parsed, sum Hash) error {
	var headHex [64]byte
	encodeHex(&headHex, &head.Hash)
	if p.seq != head.Seq+1 || string(p.prevHex) != string(headHex[:]) {
		return fmt.Errorf("journal: entry %d (prev %s, hash %s) does not follow entry %d (hash %s): %w", p.seq, p.prevHex, sum, head.Seq, head.Hash, ErrInvalid)
	}
	return nil
}

// lineAfter names a line that parseEntry refused by the entry it
// follows, seq, as a line handed over without its place has no number
// of its own to trust: "the line after entry 41: …".
func lineAfter(seq int64, err error) error {
	return fmt.Errorf("journal: the line after entry %d: %w", seq, err)
}

// parseEntry parses one line as ParseLine does, returning its parts,
// which alias line, and its hash.
func parseEntry(line []byte) (parsed, Hash, error) {
	var sum Hash
	var sumHex [64]byte
	p, v, err := examine(new(canon.Scanner), line, false, &sum, &sumHex)
	if v != lineUnframed && v != lineBadHex && !isHex(p.prevHex) {
		// examine leaves prev's digits to the link, which a line on its
		// own does not have: its hashes' digits come before its hash.
		return p, sum, fmt.Errorf("journal: entry %d: prev is not 64 lower-case hexadecimal digits: %w", p.seq, ErrInvalid)
	}
	switch v {
	case lineSound:
		return p, sum, nil
	case lineBadHash:
		return p, sum, fmt.Errorf("journal: entry %d: content does not match its hash: %w", p.seq, ErrTampered)
	case lineUnframed:
		return p, sum, fmt.Errorf("journal: not a journal entry: %v: %w", err, ErrInvalid)
	}
	return p, sum, fmt.Errorf("journal: entry %d: %v: %w", p.seq, err, ErrInvalid)
}
