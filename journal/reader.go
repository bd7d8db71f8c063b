package journal

import (
	"bufio"
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"io"
	"iter"
	"slices"

	"github.com/qingdan/qingdan/journal/internal/canon"
)

// Reader reads a journal entry by entry and checks each one against the
// entries before it as it goes, holding no more than one line
// ([Options].MaxLine) in memory. A Reader is not safe for concurrent use.
type Reader struct {
	br      *bufio.Reader
	maxLine int
	long    []byte // a line longer than the bufio buffer
	head    Head
	headHex [64]byte // head.Hash in hexadecimal
	before  [64]byte // the prev hash of the entry at head, in hexadecimal
	off     int64    // bytes of sound entries
	last    int64    // bytes of the line of the entry at head
	err     error    // sticky
	sum     Hash
	sumHex  [64]byte
	sc      canon.Scanner
	tree    *Tree        // Options.Tree: each sound entry is added
	front   *frontier    // the tree's compact form, when marks are checked
	marks   []Checkpoint // published checkpoints still to check, smallest first
}

// NewReader returns a Reader of the journal in r. It panics if r is nil.
// With Options.Tree set, each sound entry read is added to the tree, which
// must be empty: else every Next returns an error wrapping ErrInvalid.
func NewReader(r io.Reader, opts *Options) *Reader {
	mustReader(r, "NewReader")
	limit := opts.maxLine()
	size := min(limit, 64<<10-1) + 1 // the whole line up to 64 KiB; longer ones are copied into long
	jr := &Reader{br: bufio.NewReaderSize(r, size), maxLine: limit, tree: opts.tree()}
	encodeHex(&jr.headHex, &jr.head.Hash)
	if jr.tree != nil { // a nil tree is none to fill (Options.Tree)
		if n := jr.tree.Size(); n != 0 {
			jr.err = fmt.Errorf("journal: reading a journal into a tree of %d entries, not an empty one: %w", n, ErrInvalid)
		}
	}
	return jr
}

// Head returns the last sound entry read so far; its Seq is the number of
// sound entries.
func (r *Reader) Head() Head {
	mustNotNil(r, "Head", "Reader")
	return r.head
}

// Offset returns the number of bytes of the sound entries read so far: the
// length to truncate a torn journal to.
func (r *Reader) Offset() int64 {
	mustNotNil(r, "Offset", "Reader")
	return r.off
}

// Next returns the next entry, checked against the ones before it. At the
// end of a sound journal it returns io.EOF. The first problem is returned
// as a [*VerifyError] (wrapping ErrTampered, ErrTorn or ErrLineTooLong), a
// failure to read as the reader's error wrapped; after either, Next keeps
// returning the same error.
func (r *Reader) Next() (Entry, error) {
	mustNotNil(r, "Next", "Reader")
	p, err := r.next()
	if err != nil {
		return Entry{}, err
	}
	e := Entry{Seq: p.seq, Kind: p.kind, Payload: bytes.Clone(p.payload), Hash: r.head.Hash}
	decodeHex(&e.Prev, p.prevHex)
	return e, nil
}

// All returns an iterator over the remaining entries. It stops after the
// last entry, or after yielding the first error (never io.EOF). It is
// single-use: it reads from r.
func (r *Reader) All() iter.Seq2[Entry, error] {
	mustNotNil(r, "All", "Reader")
	return func(yield func(Entry, error) bool) {
		for {
			e, err := r.Next()
			if err == io.EOF {
				return
			}
			if !yield(e, err) || err != nil {
				return
			}
		}
	}
}

// next reads and checks one entry; the payload aliases the read buffer and
// is valid until the next call.
func (r *Reader) next() (parsed, error) {
	if r.err != nil {
		return parsed{}, r.err
	}
	p, err := r.check()
	if err == nil {
		err = r.accept()
	}
	if err != nil {
		r.err = err
	}
	return p, err
}

func (r *Reader) fail(sentinel error, found int64, format string, args ...any) error {
	return &VerifyError{
		Line:   r.head.Seq + 1,
		Found:  found,
		Offset: r.off,
		Head:   r.head,
		Reason: fmt.Sprintf(format, args...),
		Err:    sentinel,
	}
}

// check reads one line and checks it: what it says about itself
// (examine), then its link to the entry before it. A line without a line
// feed at the end of the journal is torn unless it is framed as an entry
// and is not that entry in full: a crash leaves a prefix of the line being
// written, and the only framed prefix of a line is the whole entry.
func (r *Reader) check() (parsed, error) {
	line, size, complete, tooLong, err := r.readLine()
	if err != nil {
		return parsed{}, err
	}
	if size == 0 {
		return parsed{}, io.EOF
	}
	if tooLong {
		if !complete {
			return parsed{}, r.fail(ErrTorn, 0, "the last line (%d bytes) has no line feed: a write was cut short", size)
		}
		return parsed{}, r.fail(ErrLineTooLong, 0, "the line is %d bytes, over the limit of %d", size-1, r.maxLine)
	}
	p, v, why := examine(&r.sc, line, true, &r.sum, &r.sumHex)
	if v == lineUnframed {
		if !complete {
			return parsed{}, r.fail(ErrTorn, 0, "the last line (%d bytes) has no line feed and is not an entry (%v): a write was cut short", size, why)
		}
		return parsed{}, r.fail(ErrTampered, p.seq, "the line is not a journal entry: %v", why)
	}
	err = r.link(p, v, why)
	if !complete {
		if err == nil {
			return parsed{}, r.fail(ErrTorn, p.seq, "the last line is entry %d in full but for its line feed: its write was cut short, and it never counted", p.seq)
		}
		if ve, ok := err.(*VerifyError); ok {
			ve.Reason += "; the last line has no line feed, but a cut-short write leaves no such line"
		}
		return parsed{}, err
	}
	if err != nil {
		return parsed{}, err
	}
	r.advance(p, int64(size))
	return p, nil
}

// link checks a framed line against the entry before it, and reports what
// examine found wrong with it in that light.
func (r *Reader) link(p parsed, v verdict, why error) error {
	want := r.head.Seq + 1
	switch {
	case v == lineBadHex:
		return r.fail(ErrTampered, p.seq, "entry %d: %v", p.seq, why)
	case v == lineBadHash:
		return r.fail(ErrTampered, p.seq, "entry %d's content does not match its hash: it was altered", p.seq)
	case p.seq == want && bytes.Equal(p.prevHex, r.headHex[:]):
		if v == lineNotCanonical {
			return r.fail(ErrTampered, p.seq, "entry %d: %v: it was not written by a Writer, or was rewritten and rehashed", p.seq, why)
		}
		return nil
	case !isHex(p.prevHex):
		return r.fail(ErrTampered, p.seq, "entry %d: prev is not 64 lower-case hexadecimal digits", p.seq)
	case r.head.Seq > 0 && bytes.Equal(p.hashHex, r.headHex[:]):
		return r.fail(ErrTampered, p.seq, "the line repeats entry %d: it was duplicated", p.seq)
	case r.head.Seq > 0 && p.seq == r.head.Seq && bytes.Equal(p.prevHex, r.before[:]):
		return r.fail(ErrTampered, p.seq,
			"a second entry %d with the same predecessor as line %d: one of the two lines was inserted", p.seq, r.head.Seq)
	case p.seq > want:
		return r.fail(ErrTampered, p.seq, "entry %d is missing (found entry %d): it was removed or moved", want, p.seq)
	case r.head.Seq == 0 && p.seq == 1:
		return r.fail(ErrTampered, p.seq, "entry 1's prev hash is %s, not zeros: the journal does not start here", p.prevHex)
	case p.seq < want:
		return r.fail(ErrTampered, p.seq, "found entry %d again after entry %d: entries were reordered, or it was inserted", p.seq, r.head.Seq)
	default:
		return r.fail(ErrTampered, p.seq, "entry %d does not follow entry %d (its prev hash is %s, not %s): an entry before it was replaced, or it was inserted",
			p.seq, r.head.Seq, p.prevHex, r.headHex[:])
	}
}

// advance makes a sound line of size bytes, whose hash is in r.sum, the
// head.
func (r *Reader) advance(p parsed, size int64) {
	copy(r.before[:], p.prevHex)
	r.head = Head{Seq: p.seq, Hash: r.sum}
	r.headHex = r.sumHex
	r.off += size
	r.last = size
}

// accept adds the entry at the head to the tree, and checks it against the
// published checkpoint that ends there, if any.
func (r *Reader) accept() error {
	if r.tree != nil {
		r.tree.add(r.head)
	}
	if r.front == nil {
		return nil
	}
	r.front.add(r.head.Hash)
	for len(r.marks) > 0 && r.marks[0].Size == r.head.Seq {
		cp := r.marks[0]
		r.marks = r.marks[1:]
		if root := r.front.root(); root != cp.Root {
			return &VerifyError{
				Line: cp.Size, Found: cp.Size, Offset: r.off - r.last, Head: r.head, Err: ErrHeadMismatch,
				Reason: fmt.Sprintf("the tree of the first %d entries has the root %v, not the checkpoint's %v: an entry up to %d was changed since the checkpoint was made",
					cp.Size, root, cp.Root, cp.Size),
			}
		}
	}
	return nil
}

// expect makes the reader check the checkpoints as it reads; a checkpoint
// of size 0 is checked at once.
func (r *Reader) expect(cps []Checkpoint) error {
	if len(cps) == 0 {
		return nil
	}
	if err := checkSizes(cps); err != nil {
		return err
	}
	r.marks = slices.SortedFunc(slices.Values(cps), func(a, b Checkpoint) int { return cmp.Compare(a.Size, b.Size) })
	r.front = &frontier{}
	for len(r.marks) > 0 && r.marks[0].Size == 0 {
		if r.marks[0].Root != emptyRoot {
			return fmt.Errorf("journal: a checkpoint of no entries with the root %v, not that of the empty tree: %w", r.marks[0].Root, ErrInvalid)
		}
		r.marks = r.marks[1:]
	}
	return nil
}

// checkSizes refuses, wrapping ErrInvalid, a checkpoint of a size no
// journal has: negative, or over 10^18-1 (the largest seq a line carries,
// and a checkpoint's text), which a journal would otherwise be said to
// stop short of.
func checkSizes(cps []Checkpoint) error {
	for _, cp := range cps {
		if cp.Size < 0 || cp.Size > maxSeq {
			return fmt.Errorf("journal: a checkpoint of %d entries, which no journal has (0 to 10^18-1): %w", cp.Size, ErrInvalid)
		}
	}
	return nil
}

// unmet reports the first checkpoint the journal, which ended after the
// head, stops short of.
func (r *Reader) unmet() error {
	if len(r.marks) == 0 {
		return nil
	}
	cp := r.marks[0]
	return r.fail(ErrHeadMismatch, 0, "the journal ends after entry %d, before entry %d of the published checkpoint: entries from %d on were removed",
		r.head.Seq, cp.Size, r.head.Seq+1)
}

// readLine reads one line. size counts its bytes with the line feed, also
// for a line too long to keep; complete is false for a last line without a
// line feed. size 0 means the end of the journal.
func (r *Reader) readLine() (line []byte, size int, complete, tooLong bool, err error) {
	line, err = r.br.ReadSlice('\n')
	size = len(line)
	if err == nil {
		return line[:len(line)-1], size, true, size-1 > r.maxLine, nil
	}
	if err == io.EOF { // a last line without a line feed: up to the buffer, which holds one byte over the limit
		return line, size, false, size > r.maxLine, nil
	}
	if !errors.Is(err, bufio.ErrBufferFull) {
		return nil, 0, false, false, fmt.Errorf("journal: reading line %d: %w", r.head.Seq+1, err)
	}
	r.long = append(r.long[:0], line...)
	for {
		line, err = r.br.ReadSlice('\n')
		size += len(line)
		if !tooLong {
			if size-1 > r.maxLine {
				tooLong = true
				r.long = r.long[:0]
			} else {
				r.long = append(r.long, line...)
			}
		}
		switch {
		case err == nil:
			if tooLong {
				return nil, size, true, true, nil
			}
			return r.long[:len(r.long)-1], size, true, false, nil
		case err == io.EOF:
			return r.long, size, false, tooLong || size > r.maxLine, nil
		case !errors.Is(err, bufio.ErrBufferFull):
			return nil, 0, false, false, fmt.Errorf("journal: reading line %d: %w", r.head.Seq+1, err)
		}
	}
}

// mustReader panics on a nil reader, naming the function it was given to:
// a journal that is not there is a programmer's error, not an empty one.
func mustReader(r io.Reader, fn string) {
	if r == nil {
		panic("journal: " + fn + ": nil io.Reader")
	}
}

// mustNotNil panics on a method called on a nil *typ, naming it: a journal
// value that is not there is a programmer's error.
func mustNotNil[T any](p *T, method, typ string) {
	if p == nil {
		panic("journal: " + method + " of a nil *" + typ)
	}
}
