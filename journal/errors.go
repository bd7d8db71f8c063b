package journal

import (
	"errors"
	"fmt"
)

// Sentinel errors. Errors returned by this package wrap them, so test with
// [errors.Is].
var (
	// ErrTampered reports a journal whose lines are not what a Writer
	// wrote: an entry altered, removed, reordered, duplicated or inserted
	// anywhere but at the end, a line that is not an entry anywhere but
	// at the end, a last line that is framed as an entry but whose hash
	// does not match (never torn), or a payload that is not in the
	// canonical form. Removing entries from the end is not tampering the
	// journal can see by itself: a published [Checkpoint] or [Head] shows
	// it ([ErrHeadMismatch]).
	ErrTampered = errors.New("journal: tampered")
	// ErrTorn reports a last line without a line feed that is not framed as
	// an entry, or is the next entry in full but for its line feed, as a
	// crash in the middle of a write leaves it. Such a line never counted:
	// [Recover] tells where to truncate.
	ErrTorn = errors.New("journal: torn last line")
	// ErrLineTooLong reports a line longer than [Options].MaxLine: the
	// Reader refuses to hold it and the Writer refuses to write it.
	ErrLineTooLong = errors.New("journal: line too long")
	// ErrHeadMismatch reports a journal that no longer holds a published
	// head — a [Head] or a [Checkpoint]: it ends before that entry, or its
	// entries up to there have another hash or another tree root.
	ErrHeadMismatch = errors.New("journal: head does not match")
	// ErrProof reports a proof that does not prove: an entry not in a
	// checkpoint, a checkpoint that does not extend another, a checkpoint
	// without a valid signature by the journal's key.
	ErrProof = errors.New("journal: not proven")
	// ErrLocked reports a journal file that another Writer holds open
	// ([OpenFile]).
	ErrLocked = errors.New("journal: locked by another writer")
	// ErrInvalid reports a payload that cannot be journaled exactly (it
	// has no canonical form), a payload that does not decode into its
	// kind, a line that is not an entry given to [ParseLine], a head or a
	// checkpoint that names no entry or cannot be continued, a malformed
	// checkpoint, receipt or proof request, and a kind or a hash that does
	// not parse.
	ErrInvalid = errors.New("journal: invalid")
)

// VerifyError describes the first line of a journal that is not a sound
// continuation of the entries before it. Everything before Offset is sound:
// Head.Seq entries, the last of which is Head, and Line is Head.Seq+1.
// ([Resume] counts Offset from the start of the tail it is given, not of
// the journal.)
//
// For ErrHeadMismatch, Line is the entry of the published head or the last
// entry of the checkpoint (or the line after the end of a journal that
// stops short of it: the first entry removed), Offset where that line
// starts, and Head the last entry read. A checkpoint names its last entry
// only: which of the entries up to it differs, [Tree.FirstDifference]
// finds with the tree the checkpoint was made of.
//
// A host that reports the failure to others (over HTTP, in a ticket) takes
// the fields it needs, tests Err with [errors.Is], and sends them in its own
// form; Head has a JSON form.
type VerifyError struct {
	Line   int64  // 1-based number of the offending line
	Found  int64  // the sequence number that line claims, or 0 if it has none
	Offset int64  // byte offset at which that line starts: the length of the sound prefix
	Head   Head   // the last sound entry; Head.Seq is the number of sound entries
	Reason string // what is wrong, in words
	Err    error  // ErrTampered, ErrTorn, ErrLineTooLong or ErrHeadMismatch
}

// Error returns the message, naming the line, its byte offset and what is
// wrong, for example "journal: tampered: line 5 (byte 1834): entry 5 is
// missing (found entry 6): it was removed or moved".
func (e *VerifyError) Error() string {
	return fmt.Sprintf("%v: line %d (byte %d): %s", e.Err, e.Line, e.Offset, e.Reason)
}

// Unwrap returns the sentinel: ErrTampered, ErrTorn, ErrLineTooLong or
// ErrHeadMismatch.
func (e *VerifyError) Unwrap() error { return e.Err }
