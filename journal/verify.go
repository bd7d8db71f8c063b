package journal

import (
	"errors"
	"io"
)

// Verify reads a whole journal and checks every entry and every link. It
// returns the last entry (the zero Head for an empty journal) and nil, or
// the last sound entry and a [*VerifyError] naming the first line that is
// not a sound continuation: ErrTampered for an entry altered, removed,
// reordered, duplicated or inserted, ErrTorn for a last line cut short,
// ErrLineTooLong. Its memory does not grow with the journal.
func Verify(r io.Reader, opts *Options) (Head, error) {
	jr := NewReader(r, opts)
	for {
		if _, err := jr.next(); err != nil {
			if err == io.EOF {
				return jr.head, nil
			}
			return jr.head, err
		}
	}
}

// Recover reads a journal that may end in a torn line and returns its last
// sound entry and the length in bytes of the sound entries. If the only
// problem is a torn last line, the error is nil: truncate the journal to
// size (for a file, (*os.File).Truncate) and resume writing with
// NewWriterAt(w, head, opts). Anything else wrong (ErrTampered,
// ErrLineTooLong, a read error) is returned as the error, and the journal
// must not be truncated: it is evidence.
func Recover(r io.Reader, opts *Options) (head Head, size int64, err error) {
	jr := NewReader(r, opts)
	for {
		_, err := jr.next()
		if err == nil {
			continue
		}
		if err == io.EOF || errors.Is(err, ErrTorn) {
			return jr.head, jr.off, nil
		}
		return jr.head, jr.off, err
	}
}
