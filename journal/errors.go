package journal

import (
	"encoding/json"
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
	// ErrAnchor reports a journal that does not reach a published anchor or
	// whose entry at the anchor has another hash.
	ErrAnchor = errors.New("journal: anchor does not match")
	// ErrInvalid reports a payload that cannot be journaled exactly (invalid
	// UTF-8, a value encoding/json refuses), a payload that does not decode
	// into its kind, a line that is not an entry given to ParseLine, or an
	// argument that cannot be used (a nil io.Writer or io.Reader, a head or
	// anchor that names no entry).
	ErrInvalid = errors.New("journal: invalid entry")
)

// VerifyError describes the first line of a journal that is not a sound
// continuation of the entries before it. Everything before Offset is sound:
// Head.Seq entries, the last of which is Head, and Line is Head.Seq+1.
//
// For ErrAnchor, Line is the anchored entry (or the line after the end of
// a journal that stops short of it), Offset where that line starts, and Head
// the last entry read.
//
// In JSON, Err is written as the code "tampered", "torn", "lineTooLong" or
// "anchor" (absent if Err is nil or another error).
type VerifyError struct {
	Line   int64  `json:"line"`             // 1-based number of the offending line
	Found  int64  `json:"found,omitempty"`  // the sequence number that line claims, or 0 if it has none
	Offset int64  `json:"offset"`           // byte offset at which that line starts: the length of the sound prefix
	Head   Head   `json:"head"`             // the last sound entry; Head.Seq is the number of sound entries
	Reason string `json:"reason,omitempty"` // what is wrong, in words
	Err    error  `json:"-"`                // ErrTampered, ErrTorn, ErrLineTooLong or ErrAnchor
}

// sentinels are the errors a VerifyError carries, by JSON code.
var sentinels = map[string]error{"tampered": ErrTampered, "torn": ErrTorn, "lineTooLong": ErrLineTooLong, "anchor": ErrAnchor}

// verifyErrorFields has the fields of a VerifyError and none of its methods.
type verifyErrorFields VerifyError

// verifyErrorJSON is the JSON form of a VerifyError.
type verifyErrorJSON struct {
	verifyErrorFields
	Code string `json:"err,omitempty"`
}

// MarshalJSON writes the error with its sentinel as a code; a nil
// *VerifyError is null.
func (e *VerifyError) MarshalJSON() ([]byte, error) {
	if e == nil {
		return []byte("null"), nil
	}
	v := verifyErrorJSON{verifyErrorFields: verifyErrorFields(*e)}
	for code, s := range sentinels {
		if e.Err == s {
			v.Code = code
		}
	}
	return json.Marshal(v)
}

// UnmarshalJSON reads what MarshalJSON writes; an unknown code is an error.
func (e *VerifyError) UnmarshalJSON(b []byte) error {
	var v verifyErrorJSON
	if err := json.Unmarshal(b, &v); err != nil {
		return err
	}
	s, ok := sentinels[v.Code]
	if v.Code != "" && !ok {
		return fmt.Errorf("journal: unknown verification error code %q", clip(v.Code))
	}
	*e = VerifyError(v.verifyErrorFields)
	e.Err = s
	return nil
}

// Error returns the message, naming the line, its byte offset and what is
// wrong, for example "journal: tampered: line 5 (byte 1834): entry 5 is
// missing (found entry 6): it was removed or moved".
func (e *VerifyError) Error() string {
	return fmt.Sprintf("%v: line %d (byte %d): %s", e.Err, e.Line, e.Offset, e.Reason)
}

// Unwrap returns the sentinel: ErrTampered, ErrTorn, ErrLineTooLong or ErrAnchor.
func (e *VerifyError) Unwrap() error { return e.Err }
