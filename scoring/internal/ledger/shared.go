package ledger

import (
	"bytes"
	"hash/maphash"

	"github.com/qingdan/qingdan/scoring/reason"
)

// sharedReasons reads the reasons of records for [Ledger.InOrder]: a
// stored form seen lately is read once, and the entries that stored the
// same bytes — the same reasons, under one id or several — share what was
// read, while the memo holds it (one form a slot, by a hash of its bytes:
// a form whose slot another form took since is read again); the reasons, checks and figures of different forms are read into
// blocks of many, not one allocation each. Texts are read without a copy.
type sharedReasons struct {
	seed  maphash.Seed
	room  blocks
	memo  [sharedMemo]sharedForm
	texts *arena
	locs  []uint64
}

// sharedForm is a stored form and the reasons read from it.
type sharedForm struct {
	buf []byte // a view of the arena, whose bytes never change
	rs  []reason.Reason
}

// sharedMemo is how many stored forms a sharedReasons remembers, by a
// hash of their bytes; sharedBlock is how many reasons and checks, and
// four times how many figures, a block holds (each block less than 32
// KiB, the largest of Go's small allocations).
const (
	sharedMemo  = 64
	sharedBlock = 128
)

func newSharedReasons(t *tables) *sharedReasons {
	return &sharedReasons{seed: maphash.MakeSeed(), room: blocks{size: sharedBlock}, texts: &t.texts, locs: t.reasonLocs}
}

// read returns the reasons stored under id, not 0.
func (s *sharedReasons) read(id uint32) []reason.Reason {
	buf := reasonsBytes(s.texts, s.locs[id-1])
	m := &s.memo[maphash.Bytes(s.seed, buf)%sharedMemo]
	if m.rs == nil || !bytes.Equal(m.buf, buf) {
		m.buf, m.rs = buf, readReasons(buf, true, &s.room)
	}
	return m.rs
}
