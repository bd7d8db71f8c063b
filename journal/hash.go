package journal

import (
	"database/sql/driver"
	"encoding/binary"
	"encoding/hex"
	"fmt"

	"github.com/qingdan/qingdan/internal/errtext"
	"github.com/qingdan/qingdan/internal/jsonx"
)

// Hash is the SHA-256 hash of one entry. Its text form, in JSON and in the
// journal, is 64 lower-case hexadecimal digits. The zero Hash is the
// predecessor of the first entry.
type Hash [32]byte

// String returns the hash as 64 lower-case hexadecimal digits.
func (h Hash) String() string { return hex.EncodeToString(h[:]) }

// IsZero reports whether h is the zero hash.
func (h Hash) IsZero() bool { return h == Hash{} }

// MarshalText returns the hash as 64 lower-case hexadecimal digits.
func (h Hash) MarshalText() ([]byte, error) {
	b := make([]byte, 64)
	hex.Encode(b, h[:])
	return b, nil
}

// UnmarshalText parses 64 hexadecimal digits, in either case.
func (h *Hash) UnmarshalText(b []byte) error {
	p, err := ParseHash(string(b))
	if err != nil {
		return err
	}
	*h = p
	return nil
}

// Value writes the hash to a database column (database/sql/driver.Valuer)
// as its text form, 64 lower-case hexadecimal digits — the zero Hash too,
// a value like any other.
func (h Hash) Value() (driver.Value, error) { return h.String(), nil }

// Scan reads a database column (database/sql.Scanner) of text, a string
// or []byte of 64 hexadecimal digits in either case. NULL, and any other
// type of value, is an error wrapping [ErrInvalid] (sql.Null[Hash] reads
// a column that may be NULL), and leaves h alone.
func (h *Hash) Scan(src any) error {
	switch s := src.(type) {
	case string:
		return h.UnmarshalText([]byte(s))
	case []byte:
		return h.UnmarshalText(s)
	}
	return fmt.Errorf("journal: cannot scan %T into a hash: want 64 hexadecimal digits as text: %w", src, ErrInvalid)
}

// ParseHash parses 64 hexadecimal digits, in either case, as a Hash.
// Anything else is an error wrapping [ErrInvalid].
func ParseHash(s string) (Hash, error) {
	var h Hash
	if len(s) != 64 {
		return h, fmt.Errorf("journal: hash %s is not 64 hexadecimal digits: %w", errtext.Quote(s), ErrInvalid)
	}
	if _, err := hex.Decode(h[:], []byte(s)); err != nil {
		return Hash{}, fmt.Errorf("journal: hash %s is not 64 hexadecimal digits: %w", errtext.Quote(s), ErrInvalid)
	}
	return h, nil
}

// Head is the last entry of a journal: its sequence number, which is also
// the number of entries, and its hash. The zero Head is an empty journal.
//
// A host publishes a head outside the journal now and then (in the minutes
// of a monthly review, to a supervisor, in a newspaper); [VerifyHead] later
// proves that the journal up to that entry is unchanged.
type Head struct {
	Seq  int64 `json:"seq"`
	Hash Hash  `json:"hash"`
}

// headJSON is a head's JSON form as it is read: a member left out, or
// null, is nil.
type headJSON struct {
	Seq  *int64 `json:"seq"`
	Hash *Hash  `json:"hash"`
}

// UnmarshalJSON reads the head's JSON form strictly: the members seq and
// hash, each once, spelt so and neither null, and no other; and a head of
// an entry (a Seq from 1 to 10^18-1) or of the empty journal (Seq 0 and
// the zero Hash). Anything else is an error wrapping [ErrInvalid], and
// leaves h unchanged.
func (h *Head) UnmarshalJSON(b []byte) error {
	var w headJSON
	if err := jsonx.Decode(b, &w); err != nil {
		return jsonx.WrapPart(err, ErrInvalid, "journal: head")
	}
	if w.Seq == nil || w.Hash == nil {
		return fmt.Errorf("journal: head: want its seq and hash: %w", ErrInvalid)
	}
	got := Head{Seq: *w.Seq, Hash: *w.Hash}
	if got.Seq < 0 || got.Seq > maxSeq || (got.Seq == 0 && !got.Hash.IsZero()) {
		return fmt.Errorf("journal: head %v names no entry: %w", got, ErrInvalid)
	}
	*h = got
	return nil
}

// String returns the head as "seq:hash".
func (h Head) String() string { return fmt.Sprintf("%d:%s", h.Seq, h.Hash) }

// encodeHex writes h as 64 lower-case hexadecimal digits, two at a time.
func encodeHex(dst *[64]byte, h *Hash) {
	for i, c := range h {
		binary.LittleEndian.PutUint16(dst[2*i:], hexPairs[c])
	}
}

// hexPairs holds the two lower-case hexadecimal digits of each byte, the
// first in the low byte.
var hexPairs = func() (t [256]uint16) {
	const digits = "0123456789abcdef"
	for c := range t {
		t[c] = uint16(digits[c>>4]) | uint16(digits[c&0xF])<<8
	}
	return t
}()
