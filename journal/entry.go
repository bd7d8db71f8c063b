package journal

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"hash"
	"strconv"

	"github.com/qingdan/qingdan/internal/errtext"
	"github.com/qingdan/qingdan/internal/jsonx"
	"github.com/qingdan/qingdan/matters"
	"github.com/qingdan/qingdan/scoring"
)

// Entry is one line of a journal. Its JSON form (encoding/json) has the same
// members as the journal line; the line itself, with HTML escaping off, is
// described in the package documentation. The zero Entry is no entry of any
// journal (entries start at Seq 1).
type Entry struct {
	Seq     int64           `json:"seq"`
	Kind    Kind            `json:"kind,omitempty"`
	Prev    Hash            `json:"prev"`
	Payload json.RawMessage `json:"payload,omitempty"`
	Hash    Hash            `json:"hash"`
}

// The fixed parts of a line.
const (
	linePrefix   = `{"seq":`
	kindPrefix   = `,"kind":"`
	prevPrefix   = `","prev":"`
	payloadKey   = `","payload":`
	hashKey      = `,"hash":"`
	hashSuffix   = `"}`
	hashTailSize = len(hashKey) + 64 + len(hashSuffix) // 75 bytes
	maxSeq       = 1e18 - 1                            // the largest sequence number: 18 digits
)

// Event decodes the payload of an entry of kind KindEvent. Unknown payload
// fields are an error: what cannot be rebuilt exactly is refused.
func (e Entry) Event() (matters.Event, error) {
	var v matters.Event
	err := e.decode(KindEvent, &v)
	return v, err
}

// Evaluation decodes the payload of an entry of kind KindEvaluation.
func (e Entry) Evaluation() (scoring.Evaluation, error) {
	var v scoring.Evaluation
	err := e.decode(KindEvaluation, &v)
	return v, err
}

// Amendment decodes the payload of an entry of kind KindAmendment.
func (e Entry) Amendment() (scoring.Amendment, error) {
	var v scoring.Amendment
	err := e.decode(KindAmendment, &v)
	return v, err
}

func (e Entry) decode(k Kind, v any) error {
	if e.Kind != k {
		return fmt.Errorf("journal: entry %d is %s, not %s: %w", e.Seq, e.Kind, k, ErrInvalid)
	}
	return decodePayload(e.Seq, k, e.Payload, v)
}

// decodePayload decodes a payload strictly: a field its type does not have,
// or data after the object, is an error wrapping ErrInvalid.
func decodePayload(seq int64, k Kind, payload []byte, v any) error {
	if err := jsonx.Decode(payload, v); err != nil {
		return fmt.Errorf("journal: entry %d: decoding its %s: %w: %w", seq, k, ErrInvalid, err)
	}
	return nil
}

// ParseLine parses one journal line (without its line feed), checks that
// its payload is a JSON object and that its hash matches its content. It
// does not check the link to the previous entry; a [Reader] does. The
// payload of the result is a copy.
func ParseLine(line []byte) (Entry, error) {
	p, err := parseLine(line)
	if err != nil {
		return Entry{}, fmt.Errorf("journal: not a journal entry: %v: %w", err, ErrInvalid)
	}
	e := Entry{Seq: p.seq, Kind: p.kind, Payload: bytes.Clone(p.payload)}
	if !decodeHex(&e.Prev, p.prevHex) || !decodeHex(&e.Hash, p.hashHex) {
		return Entry{}, fmt.Errorf("journal: entry %d: a hash is not 64 lower-case hexadecimal digits: %w", p.seq, ErrInvalid)
	}
	if !json.Valid(p.payload) {
		return Entry{}, fmt.Errorf("journal: entry %d: the payload is not a JSON object: %w", p.seq, ErrInvalid)
	}
	var h Hash
	sumLine(sha256.New(), line, &h)
	if h != e.Hash {
		return Entry{}, fmt.Errorf("journal: entry %d: content does not match its hash: %w", p.seq, ErrTampered)
	}
	return e, nil
}

// parsed is a line split into its parts; the slices alias the line.
type parsed struct {
	seq     int64
	kind    Kind
	prevHex []byte // 64 bytes, not yet checked to be hexadecimal
	payload []byte // from { to }, not yet checked to be JSON
	hashHex []byte // 64 bytes, not yet checked to be hexadecimal
}

// parseLine splits a line in the exact format of the package documentation.
// It leaves to its callers what the hash covers: the hexadecimal digits of
// the hashes and the JSON of the payload. The error says what is wrong,
// without a sentinel.
func parseLine(line []byte) (parsed, error) {
	var p parsed
	rest, ok := bytes.CutPrefix(line, []byte(linePrefix))
	if !ok {
		return p, fmt.Errorf("does not start with %s", linePrefix)
	}
	n := 0
	for n < len(rest) && rest[n] >= '0' && rest[n] <= '9' {
		n++
	}
	if n == 0 || n > 18 || rest[0] == '0' {
		return p, fmt.Errorf("seq is not a positive decimal number of at most 18 digits")
	}
	seq, err := strconv.ParseInt(string(rest[:n]), 10, 64)
	if err != nil {
		return p, fmt.Errorf("seq: %v", err)
	}
	p.seq = seq
	rest, ok = bytes.CutPrefix(rest[n:], []byte(kindPrefix))
	if !ok {
		return p, fmt.Errorf("no kind after seq")
	}
	i := bytes.IndexByte(rest, '"')
	if i < 0 {
		return p, fmt.Errorf("kind is not closed")
	}
	if p.kind = kindOf(rest[:i]); p.kind == 0 {
		return p, fmt.Errorf("unknown kind %s", errtext.Quote(string(rest[:i])))
	}
	rest, ok = bytes.CutPrefix(rest[i:], []byte(prevPrefix))
	if !ok || len(rest) < 64 {
		return p, fmt.Errorf("no prev hash after kind")
	}
	p.prevHex = rest[:64]
	rest, ok = bytes.CutPrefix(rest[64:], []byte(payloadKey))
	if !ok {
		return p, fmt.Errorf("no payload after prev")
	}
	if len(rest) < hashTailSize+2 {
		return p, fmt.Errorf("no payload and hash")
	}
	tail := rest[len(rest)-hashTailSize:]
	if !bytes.HasPrefix(tail, []byte(hashKey)) || !bytes.HasSuffix(tail, []byte(hashSuffix)) {
		return p, fmt.Errorf(`does not end with ,"hash":"<64 lower-case hexadecimal digits>"}`)
	}
	p.hashHex = tail[len(hashKey) : len(hashKey)+64]
	p.payload = rest[:len(rest)-hashTailSize]
	if p.payload[0] != '{' || p.payload[len(p.payload)-1] != '}' {
		return p, fmt.Errorf("payload is not a JSON object")
	}
	return p, nil
}

// kindOf returns the kind whose code is exactly b, or 0: a line carries the
// code, never a label, white space or another spelling.
func kindOf(b []byte) Kind {
	for k := KindEvent; k <= kinds.Max(); k++ {
		if string(b) == k.String() {
			return k
		}
	}
	return 0
}

// isHex reports whether b is 64 lower-case hexadecimal digits.
func isHex(b []byte) bool {
	var h Hash
	return decodeHex(&h, b)
}

// decodeHex decodes 64 lower-case hexadecimal digits into h.
func decodeHex(h *Hash, b []byte) bool {
	if len(b) != 2*len(h) {
		return false
	}
	for i := range h {
		hi, lo := unhex(b[2*i]), unhex(b[2*i+1])
		if hi > 15 || lo > 15 {
			return false
		}
		h[i] = hi<<4 | lo
	}
	return true
}

// unhex returns the value of a lower-case hexadecimal digit, or 255.
func unhex(c byte) byte {
	switch {
	case '0' <= c && c <= '9':
		return c - '0'
	case 'a' <= c && c <= 'f':
		return c - 'a' + 10
	}
	return 255
}

// sumLine stores in out the hash of a line: SHA-256 over the line without
// its hash member, which is the line up to that member followed by the
// line's closing brace. The line must have passed parseLine.
func sumLine(d hash.Hash, line []byte, out *Hash) {
	d.Reset()
	d.Write(line[:len(line)-hashTailSize])
	d.Write(line[len(line)-1:])
	d.Sum(out[:0])
}

// appendLine appends the line of an entry (with its line feed) to dst,
// stores the entry's hash in h and returns the extended dst.
func appendLine(dst []byte, h *Hash, d hash.Hash, seq int64, k Kind, prev Hash, payload []byte) []byte {
	start := len(dst)
	dst = append(dst, linePrefix...)
	dst = strconv.AppendInt(dst, seq, 10)
	dst = append(dst, kindPrefix...)
	dst = append(dst, k.String()...)
	dst = append(dst, prevPrefix...)
	dst = hex.AppendEncode(dst, prev[:])
	dst = append(dst, payloadKey...)
	dst = append(dst, payload...)
	dst = append(dst, '}')
	d.Reset()
	d.Write(dst[start:])
	d.Sum(h[:0])
	dst = append(dst[:len(dst)-1], hashKey...)
	dst = hex.AppendEncode(dst, h[:])
	dst = append(dst, hashSuffix...)
	dst = append(dst, '\n')
	return dst
}
