package journal

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"hash"
	"io"
	"iter"
)

// Reader reads a journal entry by entry and checks each one against the
// entries before it as it goes, holding no more than one line
// ([Options].MaxLine) in memory. A Reader is not safe for concurrent use.
type Reader struct {
	br      *bufio.Reader
	maxLine int
	long    []byte // a line longer than the bufio buffer
	sha     hash.Hash
	head    Head
	headHex [64]byte // head.Hash in hexadecimal
	before  [64]byte // the prev hash of the entry at head, in hexadecimal
	off     int64    // bytes of sound entries
	last    int64    // bytes of the line of the entry at head
	err     error    // sticky
	sum     Hash
	sumHex  [64]byte
}

// NewReader returns a Reader of the journal in r. It panics if r is nil.
func NewReader(r io.Reader, opts *Options) *Reader {
	if r == nil {
		panic("journal: nil io.Reader")
	}
	limit := opts.maxLine()
	size := min(limit, 64<<10-1) + 1 // the whole line up to 64 KiB; longer ones are copied into long
	jr := &Reader{br: bufio.NewReaderSize(r, size), maxLine: limit, sha: sha256.New()}
	hex.Encode(jr.headHex[:], jr.head.Hash[:])
	return jr
}

// Head returns the last sound entry read so far; its Seq is the number of
// sound entries.
func (r *Reader) Head() Head { return r.head }

// Offset returns the number of bytes of the sound entries read so far: the
// length to truncate a torn journal to.
func (r *Reader) Offset() int64 { return r.off }

// Next returns the next entry, checked against the ones before it. At the
// end of a sound journal it returns io.EOF. The first problem is returned
// as a [*VerifyError] (wrapping ErrTampered, ErrTorn or ErrLineTooLong), a
// failure to read as the reader's error wrapped; after either, Next keeps
// returning the same error.
func (r *Reader) Next() (Entry, error) {
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

func (r *Reader) check() (parsed, error) {
	line, size, complete, tooLong, err := r.readLine()
	if err != nil {
		return parsed{}, err
	}
	if size == 0 {
		return parsed{}, io.EOF
	}
	if !complete {
		return parsed{}, r.fail(ErrTorn, 0, "the last line (%d bytes) has no line feed: a write was cut short", size)
	}
	if tooLong {
		return parsed{}, r.fail(ErrLineTooLong, 0, "the line is %d bytes, over the limit of %d", size-1, r.maxLine)
	}
	p, perr := parseLine(line)
	if perr != nil {
		return parsed{}, r.malformed(p.seq, perr)
	}
	sumLine(r.sha, line, &r.sum)
	hex.Encode(r.sumHex[:], r.sum[:])
	want := r.head.Seq + 1
	switch {
	case !bytes.Equal(p.hashHex, r.sumHex[:]):
		if !isHex(p.hashHex) {
			return p, r.malformed(p.seq, errors.New("hash is not 64 lower-case hexadecimal digits"))
		}
		return p, r.fail(ErrTampered, p.seq, "entry %d's content does not match its hash: it was altered", p.seq)
	case p.seq == want && bytes.Equal(p.prevHex, r.headHex[:]):
		// sound
	case !isHex(p.prevHex):
		return p, r.malformed(p.seq, errors.New("prev is not 64 lower-case hexadecimal digits"))
	case r.head.Seq > 0 && bytes.Equal(p.hashHex, r.headHex[:]):
		return p, r.fail(ErrTampered, p.seq, "the line repeats entry %d: it was duplicated", p.seq)
	case r.head.Seq > 0 && p.seq == r.head.Seq && bytes.Equal(p.prevHex, r.before[:]):
		return p, r.fail(ErrTampered, p.seq,
			"a second entry %d with the same predecessor as line %d: one of the two lines was inserted", p.seq, r.head.Seq)
	case p.seq > want:
		return p, r.fail(ErrTampered, p.seq, "entry %d is missing (found entry %d): it was removed or moved", want, p.seq)
	case r.head.Seq == 0 && p.seq == 1:
		return p, r.fail(ErrTampered, p.seq, "entry 1's prev hash is %s, not zeros: the journal does not start here", p.prevHex)
	case p.seq < want:
		return p, r.fail(ErrTampered, p.seq, "found entry %d again after entry %d: entries were reordered, or it was inserted", p.seq, r.head.Seq)
	default:
		return p, r.fail(ErrTampered, p.seq, "entry %d does not follow entry %d (its prev hash is %s, not %s): an entry before it was replaced, or it was inserted",
			p.seq, r.head.Seq, p.prevHex, r.headHex[:])
	}
	r.before = r.headHex
	r.head = Head{Seq: p.seq, Hash: r.sum}
	r.headHex = r.sumHex
	r.off += int64(size)
	r.last = int64(size)
	return p, nil
}

// malformed reports a line that is not an entry: torn if it is the last
// line, else tampered.
func (r *Reader) malformed(found int64, why error) error {
	last, err := r.atEOF()
	if err != nil {
		return err
	}
	if last {
		return r.fail(ErrTorn, found, "the last line is not a journal entry (%v): a write was cut short", why)
	}
	return r.fail(ErrTampered, found, "the line is not a journal entry: %v", why)
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
	if err == io.EOF {
		return line, size, false, false, nil
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
			return r.long, size, false, tooLong, nil
		case !errors.Is(err, bufio.ErrBufferFull):
			return nil, 0, false, false, fmt.Errorf("journal: reading line %d: %w", r.head.Seq+1, err)
		}
	}
}

// atEOF reports whether nothing follows the line just read.
func (r *Reader) atEOF() (bool, error) {
	_, err := r.br.Peek(1)
	if err == io.EOF {
		return true, nil
	}
	if err != nil {
		return false, fmt.Errorf("journal: reading after line %d: %w", r.head.Seq+1, err)
	}
	return false, nil
}
