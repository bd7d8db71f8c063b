package journal

import (
	"bytes"
	"encoding/json"
	"fmt"

	"github.com/qingdan/qingdan/internal/errtext"
	"github.com/qingdan/qingdan/internal/jsonx"
)

// entryJSON is an entry's JSON form as it is read: a member left out, or
// null, is nil. The kind and the hashes are read as text, to be checked
// as the line holds them.
type entryJSON struct {
	Seq     *int64          `json:"seq"`
	Kind    *string         `json:"kind"`
	Prev    *string         `json:"prev"`
	Payload json.RawMessage `json:"payload"`
	Hash    *string         `json:"hash"`
}

// UnmarshalJSON reads the entry's JSON form strictly: the members seq,
// kind, prev, payload and hash, each once, spelt so and none null, and no
// other; and an entry that [ParseLine] reads from the line they make: a
// seq from 1 to 10^18-1, the kind's code (not its label), prev and hash
// in lower-case hexadecimal, a payload in the canonical form and the hash
// of the line. White space in the payload, and the escapes \u003c, \u003e
// and \u0026 that encoding/json writes for <, > and &, are read as the
// line has them, so that what json.Marshal or json.MarshalIndent writes
// of an entry reads back. Anything else is an error wrapping [ErrInvalid]
// ([ErrTampered] for a hash that is not the line's), and leaves e
// unchanged.
func (e *Entry) UnmarshalJSON(b []byte) error {
	var w entryJSON
	if err := jsonx.Decode(b, &w); err != nil {
		return jsonx.WrapPart(err, ErrInvalid, "journal: entry")
	}
	if w.Seq == nil || w.Kind == nil || w.Prev == nil || w.Payload == nil || w.Hash == nil {
		return fmt.Errorf("journal: entry: want its seq, kind, prev, payload and hash: %w", ErrInvalid)
	}
	seq := *w.Seq
	if seq < 1 || seq > maxSeq {
		return fmt.Errorf("journal: entry %d: seq is not from 1 to %d: %w", seq, int64(maxSeq), ErrInvalid)
	}
	k := kindOf([]byte(*w.Kind))
	if k == 0 {
		return fmt.Errorf("journal: entry %d: kind %s is not a kind's code (%s, %s or %s): %w", seq, errtext.Quote(*w.Kind), KindEvent, KindEvaluation, KindAmendment, ErrInvalid)
	}
	var prevHex [64]byte
	var sum Hash
	if !isHex([]byte(*w.Prev)) || !isHex([]byte(*w.Hash)) {
		return fmt.Errorf("journal: entry %d: prev or hash is not 64 lower-case hexadecimal digits: %w", seq, ErrInvalid)
	}
	copy(prevHex[:], *w.Prev)
	decodeHex(&sum, []byte(*w.Hash))
	var payload bytes.Buffer
	if err := json.Compact(&payload, w.Payload); err != nil || payload.Bytes()[0] != '{' {
		return fmt.Errorf("journal: entry %d: payload is not a JSON object: %w", seq, ErrInvalid)
	}
	line := appendFraming(nil, seq, k, &prevHex)
	line = appendTail(appendUnescapedHTML(line, payload.Bytes()), sum)
	got, err := ParseLine(line)
	if err != nil {
		return err
	}
	*e = got
	return nil
}

// appendUnescapedHTML appends to dst the JSON value v with each escape
// \u003c, \u003e and \u0026 (encoding/json's HTML escaping, which the
// canonical form never has) replaced by the character it stands for;
// every other escape is left as it is.
func appendUnescapedHTML(dst, v []byte) []byte {
	for i := 0; i < len(v); i++ {
		c := v[i]
		if c != '\\' || i+1 == len(v) {
			dst = append(dst, c)
			continue
		}
		if v[i+1] == 'u' && i+6 <= len(v) {
			if r, ok := htmlEscapes[string(v[i+2:i+6])]; ok {
				dst = append(dst, r)
				i += 5
				continue
			}
		}
		dst = append(dst, c, v[i+1]) // an escape, its backslash's too
		i++
	}
	return dst
}

// htmlEscapes holds the characters encoding/json escapes as HTML, by the
// hexadecimal digits of their escapes.
var htmlEscapes = map[string]byte{"003c": '<', "003e": '>', "0026": '&'}
