package journal

import (
	"errors"
	"fmt"
	"io"
)

// Verify reads a whole journal and checks every entry and every link, and
// that the journal still holds each published checkpoint given (signed
// checkpoints opened with [OpenCheckpoint]): that it has at least as many
// entries and that the tree of those entries has the checkpoint's root.
//
// It returns the last entry (the zero Head for an empty journal) and nil,
// or the last sound entry and a [*VerifyError] naming the first line that
// is not a sound continuation: ErrTampered for a line that is not what a
// Writer wrote (an entry altered, removed, reordered, duplicated or
// inserted, anywhere but at the end; a payload not in the canonical form),
// ErrTorn for a last line cut short, ErrLineTooLong, or ErrHeadMismatch for
// a journal that stops short of a checkpoint (naming the first entry
// removed) or whose entries up to it have another root (naming the
// checkpoint's last entry). A journal cut short at a line boundary is
// sound to Verify without a checkpoint: only a published checkpoint or head
// shows it. A checkpoint of a size no journal has (negative, or over
// 10^18-1, which [ParseCheckpoint] refuses too) is an error wrapping
// ErrInvalid, not a journal said to stop short of it.
//
// Verify checks lines on Options.Workers goroutines. Its memory does not
// grow with the journal, unless Options.Tree is set.
func Verify(r io.Reader, opts *Options, published ...Checkpoint) (Head, error) {
	mustReader(r, "Verify")
	jr, err := scan(r, opts, published, -1)
	if err == nil || errors.Is(err, ErrTorn) {
		// A torn line before a published entry is entries removed.
		if unmet := jr.unmet(); unmet != nil {
			err = unmet
		}
	}
	return jr.head, err
}

// Recover reads a journal that may end in a torn line and returns its last
// sound entry and the length in bytes of the sound entries. If the only
// problem is a torn last line, the error is nil: truncate the journal to
// size (for a file, (*os.File).Truncate, then Sync) and resume writing with
// NewWriterAt(w, head, opts). Anything else wrong (ErrTampered,
// ErrLineTooLong, a read error, a journal that stops short of a published
// checkpoint given) is returned as the error, and the journal must not be
// truncated: it is evidence. [OpenFile] does all this for a file.
func Recover(r io.Reader, opts *Options, published ...Checkpoint) (head Head, size int64, err error) {
	mustReader(r, "Recover")
	jr, err := scan(r, opts, published, -1)
	if err == nil || errors.Is(err, ErrTorn) {
		if unmet := jr.unmet(); unmet != nil {
			return jr.head, jr.off, unmet
		}
		return jr.head, jr.off, nil
	}
	return jr.head, jr.off, err
}

// VerifyHead checks that the journal in r still holds head, a head published
// earlier (as [Verify], [Writer.Head] or an append returned it): that the
// entries up to head.Seq are sound and that entry head.Seq has the hash
// head.Hash, so that nothing at or before it was changed since. Entries
// after it are not checked: the journal may have grown, or end in a torn
// line. A journal that ends before head.Seq, or whose entry there has
// another hash, is a [*VerifyError] wrapping ErrHeadMismatch; a problem
// before that entry is reported as [Verify] reports it. A head that names
// no entry (a negative Seq, a Seq over 10^18-1, the largest a line
// carries, or Seq 0 with a non-zero Hash) is an error wrapping ErrInvalid,
// not a journal that lost entries. The zero Head, an empty journal, is
// held by every journal. A [Checkpoint] proves more for the same size (see
// [Verify]).
func VerifyHead(r io.Reader, head Head, opts *Options) error {
	mustReader(r, "VerifyHead")
	if head.Seq < 0 || head.Seq > maxSeq || (head.Seq == 0 && !head.Hash.IsZero()) {
		return fmt.Errorf("journal: head %v names no entry: %w", head, ErrInvalid)
	}
	jr, err := scan(r, opts, nil, head.Seq)
	if err != nil && !errors.Is(err, ErrTorn) {
		return err
	}
	if jr.head.Seq < head.Seq {
		// Ended, or torn, before the head: entries were removed, as Verify
		// reports a journal torn before a checkpoint.
		return jr.fail(ErrHeadMismatch, 0, "the journal ends after entry %d, before entry %d of the published head: entries from %d on were removed", jr.head.Seq, head.Seq, jr.head.Seq+1)
	}
	if jr.head.Hash != head.Hash {
		return &VerifyError{
			Line: head.Seq, Found: head.Seq, Offset: jr.off - jr.last, Head: jr.head, Err: ErrHeadMismatch,
			Reason: fmt.Sprintf("entry %d's hash is %s, not the published %s: the journal was rewritten at or before it", head.Seq, jr.head.Hash, head.Hash),
		}
	}
	return nil
}
