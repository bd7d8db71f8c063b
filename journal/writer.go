package journal

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"sync"

	"github.com/qingdan/qingdan/journal/internal/canon"

	"github.com/qingdan/qingdan/matters"
	"github.com/qingdan/qingdan/scoring"
)

// Writer appends entries to a journal. Each entry is written with a single
// Write call of its whole line, line feed included, and counts once that
// call returns without error and Options.Sync, if set, returns nil: only
// then does an append return the new head (it is acknowledged). What a
// host must do for an acknowledged entry to survive a crash is in the
// package documentation (# Durability); [OpenFile] does it.
//
// A Writer is safe for concurrent use: appends are serialised, and the order
// in which they are made is the order of the journal. Once a Write or a Sync
// fails, the journal may or may not hold the entry, whole or torn, so every
// later append returns that first error: reopen the journal ([OpenFile], or
// [Recover] and [NewWriterAt]) and ask its last entry whether it
// [Entry.Records] what was appended before appending it again. A Writer
// does not buffer.
//
// An append that the Writer refuses writes nothing and leaves the Writer
// usable: ErrInvalid for a payload that has no canonical form (a string
// that is not valid UTF-8 or is over 4 MiB, a time outside the years 0000
// to 9999, an unknown enum, a decimal longer than 64 characters, a reason
// with a rule below 0, places outside 0 to 82 or more than 64 checks or
// figures, an amendment without its author or its reason),
// ErrLineTooLong for an entry longer than Options.MaxLine. The Writer does
// not check that events follow the lifecycle: journal what
// (*matters.Matter).Apply and the Book accepted.
type Writer struct {
	mu      sync.Mutex
	w       io.Writer
	sync    func() error
	tree    *Tree
	maxLine int
	head    Head
	headHex [64]byte // head.Hash in hexadecimal
	err     error
	line    []byte
	enc     canon.Encoder
}

// NewWriter returns a Writer that starts a new journal on w: its first entry
// has sequence number 1. It panics if w is nil.
func NewWriter(w io.Writer, opts *Options) *Writer {
	if w == nil {
		panic("journal: NewWriter: nil io.Writer")
	}
	return NewWriterAt(w, Head{}, opts)
}

// NewWriterAt returns a Writer that continues a journal whose last entry is
// head, as [Verify] or [Recover] return it; w must write after that entry
// (a file opened with os.O_APPEND after truncation to the sound length). The
// zero Head starts a new journal. A head with a negative Seq, a Seq of
// 10^18-1 or more (the journal is full), or Seq 0 and a non-zero Hash,
// cannot be continued, nor can a head other than that of Options.Tree when
// it is set: every append returns an error wrapping ErrInvalid.
// NewWriterAt panics if w is nil.
func NewWriterAt(w io.Writer, head Head, opts *Options) *Writer {
	if w == nil {
		panic("journal: NewWriterAt: nil io.Writer")
	}
	jw := &Writer{w: w, maxLine: opts.maxLine(), head: head}
	encodeHex(&jw.headHex, &head.Hash)
	if opts != nil {
		jw.sync, jw.tree = opts.Sync, opts.Tree
	}
	switch err := continuable(head); {
	case err != nil:
		jw.err = err
	case jw.tree != nil && jw.tree.Head() != head:
		jw.err = fmt.Errorf("journal: cannot continue after head %v with a tree whose last entry is %v: %w", head, jw.tree.Head(), ErrInvalid)
	}
	return jw
}

// continuable reports, as an error wrapping ErrInvalid, a head that
// cannot be continued: a negative Seq, a full journal, or Seq 0 with a
// non-zero Hash.
func continuable(head Head) error {
	if head.Seq < 0 || head.Seq >= maxSeq || (head.Seq == 0 && !head.Hash.IsZero()) {
		return fmt.Errorf("journal: cannot continue after head %v: %w", head, ErrInvalid)
	}
	return nil
}

// Head returns the last entry written: the zero Head if none was, or the head
// the Writer was made with.
func (w *Writer) Head() Head {
	mustNotNil(w, "Head", "Writer")
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.head
}

// AppendEvent appends a matter event and returns the new head. Its time is
// written in UTC (the same instant).
func (w *Writer) AppendEvent(e matters.Event) (Head, error) {
	mustNotNil(w, "AppendEvent", "Writer")
	return w.append(KindEvent, &e)
}

// AppendEvaluation appends an evaluation and returns the new head. Its time
// is written in UTC (the same instant).
func (w *Writer) AppendEvaluation(e scoring.Evaluation) (Head, error) {
	mustNotNil(w, "AppendEvaluation", "Writer")
	return w.append(KindEvaluation, &e)
}

// AppendAmendment appends an amendment of an evaluation (the original entry
// stays) and returns the new head. Its time is written in UTC. An amendment
// names its Author and its Reason; one without either is ErrInvalid. Which
// amendment of an evaluation counts is decided by position: the last in the
// journal (see [Rebuild]).
func (w *Writer) AppendAmendment(a scoring.Amendment) (Head, error) {
	mustNotNil(w, "AppendAmendment", "Writer")
	return w.append(KindAmendment, &a)
}

// append appends an entry of kind k whose payload v points to (see
// encode) and returns the new head; an error names the payload.
func (w *Writer) append(k Kind, v any) (Head, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	line, err := w.begin(k)
	if err == nil {
		line, err = w.encode(line, v)
	}
	if err = w.finish(line, err); err != nil {
		return w.head, w.explain(err, describe(v))
	}
	return w.head, nil
}

// encode appends payload v, a *matters.Event, a *scoring.Evaluation or a
// *scoring.Amendment (which has no canonical form without its author and
// its reason), to line.
// w.mu is held.
func (w *Writer) encode(line []byte, v any) ([]byte, error) {
	switch v := v.(type) {
	case *matters.Event:
		return w.enc.AppendEvent(line, v)
	case *scoring.Evaluation:
		return w.enc.AppendEvaluation(line, v)
	case *scoring.Amendment:
		return w.enc.AppendAmendment(line, v)
	}
	panic("journal: not a payload") // append is given no other type
}

func describeEvaluation(what string, e scoring.Evaluation) string {
	return fmt.Sprintf("%s of %q on matter %q by %q, stage %d", what, e.Subject, e.Matter, e.Evaluator, e.Stage)
}

// describe names a payload, or what a pointer to one points to, in an
// error message.
func describe(v any) string {
	switch v := v.(type) {
	case *matters.Event:
		return describe(*v)
	case *scoring.Evaluation:
		return describe(*v)
	case *scoring.Amendment:
		return describe(*v)
	case matters.Event:
		return fmt.Sprintf("event %q#%d", v.Matter, v.Seq)
	case scoring.Evaluation:
		return describeEvaluation("evaluation", v)
	case scoring.Amendment:
		return describeEvaluation("amendment", v.Evaluation)
	}
	return "payload" // not reached: v is one of the above
}

// begin starts the line of the next entry, of kind k: its members before
// the payload. w.mu is held.
func (w *Writer) begin(k Kind) ([]byte, error) {
	if w.err != nil {
		return nil, w.err
	}
	if w.head.Seq >= maxSeq {
		return nil, fmt.Errorf("the journal is full at entry %d: %w", w.head.Seq, ErrInvalid)
	}
	return appendFraming(w.line[:0], w.head.Seq+1, k, &w.headHex), nil
}

// finish ends the line that begin started and the payload followed, or
// returns err, an error of either: it hashes the line and writes it. An
// error of the payload's encoding wraps ErrInvalid. w.mu is held.
func (w *Writer) finish(line []byte, err error) error {
	if line != nil {
		w.line = line[:0] // keep the buffer
	}
	if err == w.err && err != nil {
		return err
	}
	if err != nil {
		if !errors.Is(err, ErrInvalid) {
			err = fmt.Errorf("%w: %w", ErrInvalid, err)
		}
		return err
	}
	seq := w.head.Seq + 1
	if len(line)+hashTailSize > w.maxLine {
		return fmt.Errorf("entry %d would be %d bytes, over the limit of %d: %w", seq, len(line)+hashTailSize, w.maxLine, ErrLineTooLong)
	}
	var sum Hash
	var sumHex [64]byte
	line = closeLine(line, &sum, &sumHex)
	line = append(line, '\n')
	w.line = line[:0]
	n, err := w.w.Write(line)
	if err == nil && n < len(line) {
		err = io.ErrShortWrite
	}
	if err == nil && w.sync != nil {
		err = w.sync()
	}
	if err != nil {
		w.err = &writeError{seq: seq, err: err}
		return w.err
	}
	w.head = Head{Seq: seq, Hash: sum}
	w.headHex = sumHex
	if w.tree != nil {
		w.tree.add(w.head)
	}
	return nil
}

// closeLine ends a line whose members before the hash were appended: it
// hashes them (the hash covers the line without its hash member: the
// content so far and the closing brace), stores the hash in sum and
// sumHex, and appends the hash member and the brace, without a line feed.
func closeLine(line []byte, sum *Hash, sumHex *[64]byte) []byte {
	line = append(line, '}')
	*sum = Hash(sha256.Sum256(line))
	encodeHex(sumHex, sum)
	line = append(line[:len(line)-1], hashKey...)
	line = append(line, sumHex[:]...)
	return append(line, hashSuffix...)
}

// explain names the payload in an error of begin or finish. A failed
// write is named once, when it happens; every later append returns that
// error as it is.
func (w *Writer) explain(err error, what string) error {
	if we, ok := err.(*writeError); ok {
		if we.what == "" {
			we.what = what
			return we
		}
		return err
	}
	return fmt.Errorf("journal: %s: %w", what, err)
}

// writeError is a failed write or sync, which the Writer keeps returning.
type writeError struct {
	seq  int64
	what string
	err  error
}

func (e *writeError) Error() string {
	return fmt.Sprintf("journal: writing entry %d (%s): %v", e.seq, e.what, e.err)
}

func (e *writeError) Unwrap() error { return e.err }
