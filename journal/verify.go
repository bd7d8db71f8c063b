package journal

import (
	"errors"
	"fmt"
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

// VerifyHead checks that the journal in r still holds head, a head published
// earlier (as [Verify], [Writer.Head] or an append returned it): that the
// entries up to head.Seq are sound and that entry head.Seq has the hash
// head.Hash, so that nothing at or before it was changed since. Entries
// after it are not read: the journal may have grown, or end in a torn line.
// A journal that ends before head.Seq, or whose entry there has another
// hash, is a [*VerifyError] wrapping ErrHeadMismatch; a problem before that
// entry is reported as [Verify] reports it. A head that names no entry (a
// negative Seq, or Seq 0 with a non-zero Hash) is an error wrapping
// ErrInvalid. The zero Head, an empty journal, is held by every journal.
func VerifyHead(r io.Reader, head Head, opts *Options) error {
	if head.Seq < 0 || (head.Seq == 0 && !head.Hash.IsZero()) {
		return fmt.Errorf("journal: head %v names no entry: %w", head, ErrInvalid)
	}
	jr := NewReader(r, opts)
	for jr.head.Seq < head.Seq {
		if _, err := jr.next(); err != nil {
			if err == io.EOF {
				return jr.fail(ErrHeadMismatch, 0, "the journal ends after entry %d, before entry %d of the published head: entries were removed", jr.head.Seq, head.Seq)
			}
			return err
		}
	}
	if jr.head.Hash != head.Hash {
		return &VerifyError{
			Line: head.Seq, Found: head.Seq, Offset: jr.off - jr.last, Head: jr.head, Err: ErrHeadMismatch,
			Reason: fmt.Sprintf("entry %d's hash is %s, not the published %s: the journal was rewritten at or before it", head.Seq, jr.head.Hash, head.Hash),
		}
	}
	return nil
}
