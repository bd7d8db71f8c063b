package journal

import (
	"bytes"
	"fmt"
	"io"
	"iter"
)

// Lines returns a reader of the journal whose lines, each without its line
// feed, seq yields in order — rows of a database table, read as the reader
// is read — for [Verify], [Rebuild], [RebuildAt], [Recover] and
// [NewReader], which check it exactly as they check a file. Each line is
// read with a line feed after it, so a journal kept in rows has no torn
// line: a row is stored whole or not at all. An error that seq yields
// ends the journal with that error (a [Reader] reports it as a failure
// to read the line, wrapped); a line that holds a line feed is not one
// line, and ends it with an error wrapping [ErrTampered].
//
// A nil seq has no lines. Close stops seq, for one read only in part (after an error, say):
// close the reader when done with it. seq is pulled with [iter.Pull2] and
// must not be used elsewhere until the reader is closed. The reader is not
// safe for concurrent use; Verify and Rebuild read it from one goroutine
// at a time.
func Lines(seq iter.Seq2[[]byte, error]) io.ReadCloser {
	if seq == nil {
		seq = func(func([]byte, error) bool) {}
	}
	next, stop := iter.Pull2(seq)
	return &lineReader{next: next, stop: stop}
}

type lineReader struct {
	next    func() ([]byte, error, bool)
	stop    func()
	pending []byte // what is left of the current line, its line feed included
	buf     []byte
	err     error // sticky: io.EOF at the end
}

func (r *lineReader) Read(p []byte) (int, error) {
	for len(r.pending) == 0 {
		if r.err != nil {
			return 0, r.err
		}
		line, err, ok := r.next()
		switch {
		case !ok:
			r.fail(io.EOF)
		case err != nil:
			r.fail(err)
		case bytes.IndexByte(line, '\n') >= 0:
			r.fail(fmt.Errorf("journal: a line of the sequence holds a line feed: %w", ErrTampered))
		default:
			r.buf = append(append(r.buf[:0], line...), '\n')
			r.pending = r.buf
		}
	}
	n := copy(p, r.pending)
	r.pending = r.pending[n:]
	return n, nil
}

func (r *lineReader) fail(err error) {
	r.err = err
	r.stop()
}

// Close stops the sequence; reading after it returns io.EOF, or the error
// that ended the journal before.
func (r *lineReader) Close() error {
	if r.err == nil {
		r.err = io.EOF
	}
	r.pending = nil
	r.stop()
	return nil
}
