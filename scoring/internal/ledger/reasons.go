package ledger

import (
	"bytes"
	"encoding/binary"
	"math"
	"math/big"
	"time"
	"unicode/utf8"
	"unsafe"

	"github.com/qingdan/qingdan/internal/jsonx"
	"github.com/qingdan/qingdan/scoring/reason"
	"github.com/shopspring/decimal"
)

// An entry's reasons are kept in the texts arena in a binary form of
// their own, one after another, each after its length as a uvarint:
//
//	reason: uvarint rule, code lang, text name, text text, text type,
//	        uvarint n, n checks, uvarint m, m figures
//	check:  code of, code op, decimal threshold
//	figure: code of, byte done, varint actual, varint limit,
//	        uvarint places, varint value
//	text:   uvarint length, bytes
//	code:   a byte, 0xff for a value outside 0–0xfe (see code)
//	decimal: byte 0, varint coefficient, varint exponent — when the
//	         coefficient fits an int64 —; else byte 1, text of its string;
//	         byte 2 alone for a decimal JSON could not write (see
//	         appendDecimal), which ValidReasons refuses
//
// Every entry's reasons are written into the ledger's scratch buffer once
// as they arrive: that form is compared with the reasons last stored for
// the entry's grade and policy, measured against the bound, and copied.

// maxReasons bounds the bytes of one entry's reasons in that form: 4 MiB
// less a byte, so that a length fits 22 bits.
const maxReasons = 1<<22 - 1

// ReasonsFit reports whether a ledger can keep rs as one entry's reasons:
// their stored form comes to less than 4 MiB.
func ReasonsFit(rs []reason.Reason) bool { return len(appendReasons(nil, rs)) <= maxReasons }

// appendReasons appends the stored form of rs.
func appendReasons(b []byte, rs []reason.Reason) []byte {
	for i := range rs {
		r := &rs[i]
		at := len(b)
		b = append(b, 0) // room for a length below 128, most reasons'; see putLength
		b = binary.AppendUvarint(b, uint64(r.Rule))
		b = append(b, code(r.Lang))
		b = appendText(b, r.Name)
		b = appendText(b, r.Text)
		b = appendText(b, r.Type)
		b = binary.AppendUvarint(b, uint64(len(r.Checks)))
		for j := range r.Checks {
			c := &r.Checks[j]
			b = append(b, code(c.Of), code(c.Op))
			b = appendDecimal(b, c.Threshold)
		}
		b = binary.AppendUvarint(b, uint64(len(r.Figures)))
		for j := range r.Figures {
			f := &r.Figures[j]
			done := byte(0)
			if f.Done {
				done = 1
			}
			b = append(b, code(f.Of), done)
			b = binary.AppendVarint(b, int64(f.Actual))
			b = binary.AppendVarint(b, int64(f.Limit))
			b = binary.AppendUvarint(b, uint64(f.Places))
			b = binary.AppendVarint(b, int64(f.Value))
		}
		b = putLength(b, at)
	}
	return b
}

// code returns the byte a language, figure or comparison is stored as:
// its value, or 0xff, which names none, for a value past 0xfe or below
// 0 — so that a code no reason may have (which ValidReasons refuses) is
// never stored as one it may, such as Lang(256) as English, and found the
// same as reasons stored already.
func code[T ~int](v T) byte {
	if uint(v) >= 0xff {
		return 0xff
	}
	return byte(v)
}

// putLength writes the length of b[at+1:] as a uvarint at b[at:], where
// one byte was left for it, moving the bytes right when it needs more.
func putLength(b []byte, at int) []byte {
	n := uint64(len(b) - at - 1)
	if n < 0x80 {
		b[at] = byte(n)
		return b
	}
	var l [binary.MaxVarintLen64]byte
	k := binary.PutUvarint(l[:], n)
	end := len(b)
	b = append(b, l[:k-1]...)   // grow; copy moves overlapping bytes right
	copy(b[at+k:], b[at+1:end]) // the body, after the length's k bytes
	copy(b[at:], l[:k])
	return b
}

func appendText(b []byte, s string) []byte {
	b = binary.AppendUvarint(b, uint64(len(s)))
	return append(b, s...)
}

// appendDecimal appends d: its coefficient and exponent, the coefficient
// as a varint when it has at most 18 digits, else as its decimal digits
// (not d's text, which would read back at another exponent: 2^62 × 10^38
// as × 10^0). A decimal of more digits that JSON could not write is byte
// 2 alone, not its digits: they may run to thousands of millions, and
// ValidReasons refuses the reason (so that the form is never stored, nor
// equal to one stored).
func appendDecimal(b []byte, d decimal.Decimal) []byte {
	if d.NumDigits() <= 18 {
		return binary.AppendVarint(binary.AppendVarint(append(b, 0), d.CoefficientInt64()), int64(d.Exponent()))
	}
	if !jsonx.DecimalFits(d) {
		return append(b, 2)
	}
	return binary.AppendVarint(appendText(append(b, 1), d.Coefficient().String()), int64(d.Exponent()))
}

// ValidReasons reports whether JSON can write each of rs and read it back
// (see reason.Reason.Validate): what a ledger checks of the reasons it
// has not seen last for an entry's grade and policy.
func ValidReasons(rs []reason.Reason) bool {
	for i := range rs {
		if rs[i].Validate() != nil {
			return false
		}
	}
	return true
}

// lastReasonsAre reports whether rs are the reasons last stored for k.
// Reasons of short texts are compared with the stored form as it is read
// (see sameTexts); others are written into the scratch buffer and
// compared byte by byte, and written says they were: a table's reasons,
// whose figures mostly differ from the last, would otherwise be read
// alongside and then written all the same.
func (l *Ledger) lastReasonsAre(k int32, rs []reason.Reason) (same, written bool) {
	id := l.kinds[k].reasons
	if id == 0 {
		return len(rs) == 0, false
	}
	stored := reasonsBytes(&l.texts, l.reasonLocs[id-1])
	if same, ok := sameTexts(stored, rs); ok {
		return same, false
	}
	l.scratch = appendReasons(l.scratch[:0], rs)
	return bytes.Equal(stored, l.scratch), true
}

// sameTexts reports whether buf, which appendReasons wrote, holds rs,
// when each of rs is a short reason of text, or the reasons before it
// already differ (ok); ok is false when it cannot tell.
func sameTexts(buf []byte, rs []reason.Reason) (same, ok bool) {
	for i := range rs {
		r := &rs[i]
		if len(r.Text) > maxShortText || !textOnly(r) {
			return false, false
		}
		// The stored form of a short reason of text, byte by byte: its
		// length, rule 0, English, no name, the text, no type, no checks,
		// no figures.
		n := len(r.Text)
		if len(buf) < n+8 || buf[0] != byte(n+7) || buf[1]|buf[2]|buf[3] != 0 || buf[4] != byte(n) ||
			string(buf[5:5+n]) != r.Text || buf[5+n]|buf[6+n]|buf[7+n] != 0 {
			return false, true
		}
		buf = buf[n+8:]
	}
	return len(buf) == 0, true
}

// maxShortText is the longest text whose reason's stored form has a
// length of one byte (less than 0x80 with its 7 other bytes).
const maxShortText = 0x7f - 7

// textOnly reports whether r holds nothing but Text.
func textOnly(r *reason.Reason) bool {
	return r.Rule == 0 && r.Lang == reason.English && r.Name == "" && r.Type == "" && len(r.Checks) == 0 && len(r.Figures) == 0
}

// validText is utf8.ValidString, quicker on the short ASCII texts (codes,
// IDs) a ledger mostly sees: it looks at those a byte at a time, inlined.
func validText(s string) bool {
	if len(s) > 16 {
		return utf8.ValidString(s)
	}
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return utf8.ValidString(s[i:])
		}
	}
	return true
}

// putReasons stores the reasons of the stored form buf, and returns 1 +
// the index of where they are in reasonLocs; 0 for no reasons. When buf
// is the form of the reasons last stored for k, it returns those instead,
// so that a run of entries with the same grade, policy and reasons stores
// them once. The caller checked the size.
func (l *Ledger) putReasons(k int32, buf []byte) uint32 {
	if l.lastReasons(k, buf) {
		return l.kinds[k].reasons
	}
	return l.storeReasons(&l.kinds[k], buf)
}

// lastReasons reports whether buf is the stored form of the reasons last
// stored for k.
func (l *Ledger) lastReasons(k int32, buf []byte) bool {
	id := l.kinds[k].reasons
	if id == 0 {
		return len(buf) == 0
	}
	return bytes.Equal(reasonsBytes(&l.texts, l.reasonLocs[id-1]), buf)
}

// storeReasons is putReasons when buf is not k's last reasons.
func (l *Ledger) storeReasons(k *kind, buf []byte) uint32 {
	if len(buf) == 0 {
		k.reasons = 0
		return 0
	}
	k.reasons = l.copyReasons(buf)
	return k.reasons
}

// reasonsBytes returns the bytes putReasons stored.
func reasonsBytes(texts *arena, at uint64) []byte {
	c, off, n := at>>42, at>>22&(1<<20-1), at&(1<<22-1)
	return texts.chunks[c][off : off+n]
}

// getReasons reads back what putReasons stored, each text copied. One
// reason, as a table gives one, takes one allocation: a block that holds
// it with up to two checks and six figures (see readBlock).
func getReasons(texts *arena, locs []uint64, id uint32) []reason.Reason {
	if id == 0 {
		return nil
	}
	buf := reasonsBytes(texts, locs[id-1])
	var room blocks
	if n, k := binary.Uvarint(buf); k > 0 && uint64(len(buf)-k) == n { // one reason
		blk := new(readBlock)
		room = blocks{rs: blk.rs[:], cs: blk.cs[:], fs: blk.fs[:]}
	}
	return readReasons(buf, false, &room)
}

// countReasons counts the reasons of a stored form.
func countReasons(buf []byte) int {
	n := 0
	for len(buf) > 0 {
		l, k := binary.Uvarint(buf)
		buf = buf[k+int(l):]
		n++
	}
	return n
}

// readReasons reads the reasons of a stored form, which appendReasons
// wrote, into room; with view, their texts are read without a copy.
func readReasons(buf []byte, view bool, room *blocks) []reason.Reason {
	rs := room.reasons(countReasons(buf))[:0]
	for len(buf) > 0 {
		n, k := binary.Uvarint(buf)
		d := decoder{b: buf[k : k+int(n)], view: view}
		buf = buf[k+int(n):]
		r := reason.Reason{Rule: int(d.uvarint())}
		r.Lang = reason.Lang(d.byte())
		r.Name, r.Text, r.Type = d.text(), d.text(), d.text()
		if n := d.uvarint(); n > 0 {
			r.Checks = room.checks(int(n))
			for j := range r.Checks {
				c := &r.Checks[j]
				c.Of, c.Op = reason.Of(d.byte()), reason.Op(d.byte())
				c.Threshold = d.decimal()
			}
		}
		if n := d.uvarint(); n > 0 {
			r.Figures = room.figures(int(n))
			for j := range r.Figures {
				f := &r.Figures[j]
				f.Of, f.Done = reason.Of(d.byte()), d.byte() == 1
				f.Actual, f.Limit = time.Duration(d.varint()), time.Duration(d.varint())
				f.Places, f.Value = int(d.uvarint()), int(d.varint())
			}
		}
		rs = append(rs, r)
	}
	return rs
}

// readBlock holds one reason read back, with room for the checks and
// figures most of a table's reasons have.
type readBlock struct {
	rs [1]reason.Reason
	cs [2]reason.Check
	fs [6]reason.Figure
}

// blocks is the room reasons are read into: what is left of the blocks
// made so far, each slice taken from one capped at its length. When a
// block lacks room, a new one of max(n, size) is made: size 0 makes each
// list its own allocation.
type blocks struct {
	rs   []reason.Reason
	cs   []reason.Check
	fs   []reason.Figure
	size int
}

func (b *blocks) reasons(n int) []reason.Reason { return take(&b.rs, n, b.size) }
func (b *blocks) checks(n int) []reason.Check   { return take(&b.cs, n, b.size) }
func (b *blocks) figures(n int) []reason.Figure { return take(&b.fs, n, 4*b.size) }

// take returns the first n of *room, capped, and leaves the rest in
// *room; a new block of max(n, size) when *room has fewer than n.
func take[T any](room *[]T, n, size int) []T {
	if n > len(*room) {
		*room = make([]T, max(n, size))
	}
	out := (*room)[:n:n]
	*room = (*room)[n:]
	return out
}

// smallDecimals are the thresholds -1 to 5, the flags', answers' and
// qualities' of a table's checks, made once: a decimal read back shares
// its value (a decimal.Decimal is never changed in place).
var smallDecimals = [...]decimal.Decimal{decimal.New(-1, 0), decimal.New(0, 0), decimal.New(1, 0), decimal.New(2, 0),
	decimal.New(3, 0), decimal.New(4, 0), decimal.New(5, 0)}

// decoder reads the stored form of one reason; with view, its texts are
// read without a copy.
type decoder struct {
	b    []byte
	view bool
}

func (d *decoder) byte() byte {
	c := d.b[0]
	d.b = d.b[1:]
	return c
}

func (d *decoder) uvarint() uint64 {
	v, k := binary.Uvarint(d.b)
	d.b = d.b[k:]
	return v
}

func (d *decoder) varint() int64 {
	v, k := binary.Varint(d.b)
	d.b = d.b[k:]
	return v
}

func (d *decoder) text() string {
	n := d.uvarint()
	var s string
	switch {
	case n == 0:
	case d.view:
		s = unsafe.String(&d.b[0], n)
	default:
		s = string(d.b[:n])
	}
	d.b = d.b[n:]
	return s
}

func (d *decoder) decimal() decimal.Decimal {
	if d.byte() == 0 {
		c := d.varint()
		e := d.varint()
		if e < math.MinInt32 || e > math.MaxInt32 {
			return decimal.Zero
		}
		if e == 0 && c >= -1 && c <= 5 {
			return smallDecimals[c+1]
		}
		return decimal.New(c, int32(e))
	}
	c, ok := new(big.Int).SetString(d.text(), 10)
	if e := d.varint(); ok && e >= math.MinInt32 && e <= math.MaxInt32 {
		return decimal.NewFromBigInt(c, int32(e))
	}
	return decimal.Zero // not stored: Book refuses a threshold JSON cannot read
}
