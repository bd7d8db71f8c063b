package journal

import (
	"errors"
	"fmt"
)

// Sentinel errors. Errors returned by this package wrap them, so test with
// [errors.Is].
var (
	// ErrTampered reports a journal whose chain is broken before its end: an
	// entry was altered, removed, reordered, duplicated or inserted, or a line
	// that is not an entry stands between entries.
	ErrTampered = errors.New("journal: tampered")
	// ErrTorn reports a last line cut short (no line feed) or not an entry,
	// as a crash in the middle of a write leaves it. [Recover] tells where
	// to truncate.
	ErrTorn = errors.New("journal: torn last line")
	// ErrLineTooLong reports a line longer than [Options].MaxLine: the
	// Reader refuses to hold it and the Writer refuses to write it.
	ErrLineTooLong = errors.New("journal: line too long")
	// ErrHeadMismatch reports a journal that no longer holds a published
	// [Head]: it ends before that entry, or its entry there has another hash.
	ErrHeadMismatch = errors.New("journal: head does not match")
	// ErrInvalid reports a payload that cannot be journaled exactly (invalid
	// UTF-8, a value encoding/json refuses), a payload that does not decode
	// into its kind, a line that is not an entry given to [ParseLine], a
	// head that names no entry or cannot be continued, and a kind or a hash
	// that does not parse.
	ErrInvalid = errors.New("journal: invalid")
)

// VerifyError describes the first line of a journal that is not a sound
// continuation of the entries before it. Everything before Offset is sound:
// Head.Seq entries, the last of which is Head, and Line is Head.Seq+1.
//
// For ErrHeadMismatch, Line is the entry of the published head (or the line
// after the end of a journal that stops short of it), Offset where that line
// starts, and Head the last entry read.
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
