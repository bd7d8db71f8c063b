package journal

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"

	"github.com/qingdan/qingdan/internal/errtext"
	"github.com/qingdan/qingdan/internal/jsonx"
	"github.com/qingdan/qingdan/journal/internal/canon"
	"github.com/qingdan/qingdan/matters"
	"github.com/qingdan/qingdan/scoring"
)

// Entry is one line of a journal. Its JSON form (encoding/json) has the same
// members as the journal line; the line itself, with HTML escaping off, is
// described in the package documentation. The JSON form reads back as
// strictly as the line ([Entry.UnmarshalJSON]). The zero Entry is no entry
// of any journal (entries start at Seq 1).
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

// ParseLine parses one journal line (without its line feed) and checks
// everything the line says about itself: its framing, its hashes' digits,
// its payload's canonical form (an error wrapping [ErrInvalid] for any of
// these) and its hash (an error wrapping [ErrTampered]). It does not check
// the link to the previous entry; a [Reader] does. The payload of the
// result is a copy.
func ParseLine(line []byte) (Entry, error) {
	p, sum, err := parseEntry(line)
	if err != nil {
		return Entry{}, err
	}
	e := Entry{Seq: p.seq, Kind: p.kind, Payload: bytes.Clone(p.payload), Hash: sum}
	decodeHex(&e.Prev, p.prevHex)
	return e, nil
}

// Line returns the entry's journal line, without its line feed: the line
// its Seq, Kind, Prev, Payload and Hash make, byte for byte.
func (e Entry) Line() []byte {
	var prevHex [64]byte
	hex.Encode(prevHex[:], e.Prev[:])
	b := appendFraming(nil, e.Seq, e.Kind, &prevHex)
	b = append(b, e.Payload...)
	return appendTail(b, e.Hash)
}

// Records reports whether e is the entry that appending v (a
// [matters.Event], a [scoring.Evaluation] or a [scoring.Amendment]) writes:
// the same kind and, byte for byte, the same payload. After a failed
// append, a host reopens the journal and asks whether its last entry
// records what it tried to append: then the append happened, and must not
// be made again.
func (e Entry) Records(v any) bool {
	k, payload, err := encodePayload(nil, v)
	return err == nil && k == e.Kind && bytes.Equal(payload, e.Payload)
}

// encodePayload appends the canonical payload of v to b and returns its
// kind. The error, wrapping ErrInvalid, names the member of v that has no
// canonical form, or says that v is not a payload.
func encodePayload(b []byte, v any) (Kind, []byte, error) {
	var err error
	var k Kind
	switch v := v.(type) {
	case matters.Event:
		k = KindEvent
		b, err = canon.AppendEvent(b, &v)
	case scoring.Evaluation:
		k = KindEvaluation
		b, err = canon.AppendEvaluation(b, &v)
	case scoring.Amendment:
		k = KindAmendment
		b, err = canon.AppendAmendment(b, &v)
	default:
		return 0, b, fmt.Errorf("journal: %T is not a payload: %w", v, ErrInvalid)
	}
	if err != nil {
		return k, b, fmt.Errorf("journal: %s: %w: %w", describe(v), ErrInvalid, err)
	}
	return k, b, nil
}

// canonical reports whether payload is the canonical form of a payload of
// kind k, reading with sc.
func canonical(sc *canon.Scanner, k Kind, payload []byte) bool {
	switch k {
	case KindEvent:
		return canon.Event.CheckWith(sc, payload)
	case KindEvaluation:
		return canon.Evaluation.CheckWith(sc, payload)
	case KindAmendment:
		return canon.Amendment.CheckWith(sc, payload)
	}
	return false
}

// verdict is what a line says about itself, before its link to the
// previous entry is checked.
type verdict int

const (
	lineSound        verdict = iota // framed, hashes in lower-case hexadecimal, hash right, payload canonical
	lineUnframed                    // not in the framing of an entry
	lineBadHex                      // framed, but the hash is not 64 lower-case hexadecimal digits
	lineBadHash                     // framed, but the hash is not that of the content
	lineNotCanonical                // framed and hashed right, but the payload is not canonical
)

// examine checks what a line says about itself: framing, the hash's
// digits, the hash, the payload (the order of the package documentation
// but for prev's digits, which the link checks: the verdict is the same). It
// stores the line's hash (its content's, whatever the line claims) in sum
// and sumHex once the framing is sound, and reads the payload with sc.
// When own is set, the caller owns line and lets examine change a byte of
// it while it hashes, and put it back. The error says what is wrong.
func examine(sc *canon.Scanner, line []byte, own bool, sum *Hash, sumHex *[64]byte) (parsed, verdict, error) {
	p, err := parseLine(line)
	if err != nil {
		return p, lineUnframed, err
	}
	sumLine(line, own, sum)
	encodeHex(sumHex, sum)
	hashOK := bytes.Equal(p.hashHex, sumHex[:]) // then it is lower-case hexadecimal
	if !hashOK && !isHex(p.hashHex) {
		return p, lineBadHex, errors.New("hash is not 64 lower-case hexadecimal digits")
	}
	// Prev is checked by its link: equal to the previous hash, it is
	// lower-case hexadecimal; if it is not, Reader.link says why.
	if !hashOK {
		return p, lineBadHash, errors.New("content does not match its hash")
	}
	if !canonical(sc, p.kind, p.payload) {
		return p, lineNotCanonical, fmt.Errorf("its %s payload is not in the canonical form", p.kind)
	}
	return p, lineSound, nil
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
	for _, c := range rest[:n] { // at most 18 digits: no overflow
		p.seq = p.seq*10 + int64(c-'0')
	}
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
	if len(b) != 64 {
		return false
	}
	for _, c := range b {
		if !lowerHex[c] {
			return false
		}
	}
	return true
}

// lowerHex[c] reports whether c is a lower-case hexadecimal digit.
var lowerHex = func() (t [256]bool) {
	for _, c := range "0123456789abcdef" {
		t[c] = true
	}
	return t
}()

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
// line's closing brace. The line must have passed parseLine. When own is
// set, it puts the brace in the line for a moment rather than copy it.
func sumLine(line []byte, own bool, out *Hash) {
	n := len(line) - hashTailSize
	if own {
		c := line[n]
		line[n] = '}'
		*out = sha256.Sum256(line[:n+1])
		line[n] = c
		return
	}
	if n+1 <= 512 { // the common case: hash one contiguous copy, on the stack
		var buf [512]byte
		copy(buf[:], line[:n])
		buf[n] = '}'
		*out = sha256.Sum256(buf[:n+1])
		return
	}
	d := sha256.New()
	d.Write(line[:n])
	d.Write(line[len(line)-1:])
	d.Sum(out[:0])
}

// appendFraming appends a line's members before its payload; prevHex is
// the previous entry's hash in hexadecimal.
func appendFraming(dst []byte, seq int64, k Kind, prevHex *[64]byte) []byte {
	dst = strconv.AppendInt(append(dst, linePrefix...), seq, 10)
	if k >= 1 && int(k) < len(kindMembers) {
		dst = append(dst, kindMembers[k]...)
	} else {
		dst = append(append(append(dst, kindPrefix...), k.String()...), prevPrefix...)
	}
	dst = append(dst, prevHex[:]...)
	return append(dst, payloadKey...)
}

// kindMembers holds, by kind, the text between a line's seq and its prev
// hash: `,"kind":"event","prev":"`.
var kindMembers = func() []string {
	out := []string{""}
	for k := KindEvent; k <= kinds.Max(); k++ {
		out = append(out, kindPrefix+k.String()+prevPrefix)
	}
	return out
}()

// appendTail appends a line's hash member and closing brace, without the
// line feed.
func appendTail(dst []byte, h Hash) []byte {
	dst = append(dst, hashKey...)
	dst = hex.AppendEncode(dst, h[:])
	return append(dst, hashSuffix...)
}
