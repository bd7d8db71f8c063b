package ledger

import (
	"encoding/binary"
	"unicode/utf8"
	"unsafe"
)

// maxReasons bounds the bytes of one entry's reasons, as reasonsSize
// counts them: 4 MiB less a byte, so that a length fits 22 bits.
const maxReasons = 1<<22 - 1

// ReasonsFit reports whether a ledger can keep rs as one entry's reasons:
// their bytes, each with its length, come to less than 4 MiB.
func ReasonsFit(rs []string) bool { return reasonsSize(rs) <= maxReasons }

// reasonsSize returns the bytes putReasons takes for rs, or a number over
// maxReasons.
func reasonsSize(rs []string) int {
	n := 0
	for _, s := range rs {
		n += len(s) + uvarintLen(len(s))
		if n > maxReasons {
			break
		}
	}
	return n
}

func uvarintLen(n int) int {
	l := 1
	for ; n >= 0x80; n >>= 7 {
		l++
	}
	return l
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

// validReasons reports whether rs are valid UTF-8 and fit.
func validReasons(rs []string) bool {
	for _, s := range rs {
		if !validText(s) {
			return false
		}
	}
	return reasonsSize(rs) <= maxReasons
}

// putReasons copies rs into the texts, each string after its length as a
// uvarint, notes where they are in reasonLocs — chunk (22 bits), offset
// (20 bits) and length (22 bits) — and returns 1 + that note's index; 0
// for no reasons. When rs equals the reasons last stored for k, it returns
// those instead, so that a run of entries with the same grade, policy and
// reasons stores them once. The caller checked the size.
func (l *Ledger) putReasons(k int32, rs []string) uint32 {
	if l.lastReasons(k, rs) {
		return l.kinds[k].reasons
	}
	return l.storeReasons(&l.kinds[k], rs)
}

// lastReasons reports whether rs are the reasons last stored for k.
func (l *Ledger) lastReasons(k int32, rs []string) bool {
	id := l.kinds[k].reasons
	if id == 0 {
		return len(rs) == 0
	}
	return sameReasons(reasonsBytes(&l.texts, l.reasonLocs[id-1]), rs)
}

// storeReasons is putReasons when rs are not k's last reasons.
func (l *Ledger) storeReasons(k *kind, rs []string) uint32 {
	n := reasonsSize(rs)
	if n == 0 {
		k.reasons = 0
		return 0
	}
	c := l.texts.room(n)
	off := l.texts.lens[c]
	buf := l.texts.chunks[c][off:off]
	for _, s := range rs {
		buf = binary.AppendUvarint(buf, uint64(len(s)))
		buf = append(buf, s...)
	}
	l.texts.lens[c] += uint32(n)
	l.reasonLocs = append(l.reasonLocs, uint64(c)<<42|uint64(off)<<22|uint64(n))
	k.reasons = uint32(len(l.reasonLocs))
	return k.reasons
}

// reasonsBytes returns the bytes putReasons stored.
func reasonsBytes(texts *arena, at uint64) []byte {
	c, off, n := at>>42, at>>22&(1<<20-1), at&(1<<22-1)
	return texts.chunks[c][off : off+n]
}

// sameReasons reports whether buf, which putReasons wrote, holds rs.
func sameReasons(buf []byte, rs []string) bool {
	for _, s := range rs {
		k := 1
		if len(s) < 0x80 { // a one-byte uvarint
			if len(buf) == 0 || buf[0] != byte(len(s)) {
				return false
			}
		} else {
			l, n := binary.Uvarint(buf)
			if n <= 0 || l != uint64(len(s)) {
				return false
			}
			k = n
		}
		if len(buf)-k < len(s) || string(buf[k:k+len(s)]) != s {
			return false
		}
		buf = buf[k+len(s):]
	}
	return len(buf) == 0
}

// getReasons reads back what putReasons stored.
func getReasons(texts *arena, locs []uint64, id uint32) []string {
	return appendReasons(nil, texts, locs, id, false)
}

// appendReasons appends to dst what putReasons stored, each reason copied,
// or with view read without a copy: the bytes of an arena are never
// written again (see strtab.view).
func appendReasons(dst []string, texts *arena, locs []uint64, id uint32, view bool) []string {
	if id == 0 {
		return dst
	}
	buf := reasonsBytes(texts, locs[id-1])
	for len(buf) > 0 {
		l, k := binary.Uvarint(buf)
		b := buf[k : k+int(l)]
		if view && len(b) > 0 {
			dst = append(dst, unsafe.String(&b[0], len(b)))
		} else {
			dst = append(dst, string(b))
		}
		buf = buf[k+int(l):]
	}
	return dst
}
