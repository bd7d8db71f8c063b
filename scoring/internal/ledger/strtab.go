package ledger

import (
	"hash/maphash"
	"math/bits"
	"slices"
	"unsafe"
)

// strtab interns many strings (a ledger's matters) into dense ids, with the
// strings' bytes copied into chunks of an arena. Its big arrays hold no
// pointers for the garbage collector to follow (the sequence index's map
// holds one for every page of 256 numbers), and it keeps none of the
// caller's strings alive. The zero value is empty.
//
// A string that ends in a number is found by that number in the sequence
// index, seq, when the index keeps it (see seqIndex); any other string in
// an open-addressing hash table of ids and hashes. Each string is looked
// for in one of the two only.
//
// The hash table is probed linearly from the slot the hash's top bits
// give. Each slot has a one-byte tag beside it in tags, eight times
// smaller than the slots: a probe reads the tags, and reads a slot only
// where the tag matches. A string not in the table — most strings a ledger
// is given — is found absent in the tags alone, which, being small, the
// caches hold better than the slots.
//
// The slots of new strings are not written at once but kept in pending
// (their tags are) and written a batch at a time. A write to a random
// slot of a big table misses the caches; the lock Book holds around each
// Add waits for every write to finish, so one write per Add would cost a
// miss each, where a batch of writes overlaps their misses. A slot is
// looked for in pending before the table.
type strtab struct {
	seed    maphash.Seed
	tags    []uint8 // by slot: 0 for empty, else tagOf the hash
	slots   []tslot // a power of two; at most seven eighths full
	shift   uint8   // 32 - log2(len(slots)): a hash's slot is hash >> shift
	npend   int     // slots in pending
	pending [pendingSlots]pslot
	touched uint8    // a sum of what start reads ahead, so that the reads stay
	hashed  int      // strings in the hash table
	seq     seqIndex // strings that end in a number
	locs    [][]sloc // by id, in chunks of 1<<chunkBits
	n       int32
	arena   arena
}

// pendingSlots is the most slot writes strtab holds back.
const pendingSlots = 64

// pslot is a slot write held back: the slot and what goes there.
type pslot struct {
	pos int
	sl  tslot
}

// slot returns the slot at pos, which its tag says is taken: a pending
// one, the latest first (a string looked up again soon after it was added
// is found there without reading the table), or else the table's.
func (t *strtab) slot(pos int) tslot {
	for i := t.npend - 1; i >= 0; i-- {
		if t.pending[i].pos == pos {
			return t.pending[i].sl
		}
	}
	return t.slots[pos]
}

// flush writes the pending slots.
func (t *strtab) flush() {
	for _, p := range t.pending[:t.npend] {
		t.slots[p.pos] = p.sl
	}
	t.npend = 0
}

type tslot struct {
	hash uint32
	id   int32 // 1 + the id
}

// tagOf returns the tag of a hash: its low seven bits, and the top bit
// set. The slot comes from the top bits, so in tables of up to 2^25 slots
// the two are independent.
func tagOf(h uint32) uint8 { return uint8(h) | 0x80 }

// sloc locates a string in the arena, and carries the head of the
// string's list of records in a Ledger (1 + its latest record, 0 for none).
// A string's bytes run from its offset to the next string's, or to the end
// of its chunk when it is the chunk's last: strings are added one after
// another, and a chunk that ran out of room never takes another.
type sloc struct {
	chunk, off uint32
	head       int32
}

// bytes returns the bytes of the string with the id, without copying.
func (t *strtab) bytes(id int32) []byte {
	l := t.loc(id)
	c := t.arena.chunks[l.chunk]
	end := t.arena.lens[l.chunk]
	if id+1 < t.n {
		if next := t.loc(id + 1); next.chunk == l.chunk {
			end = next.off
		}
	}
	return c[l.off:end]
}

func (t *strtab) loc(id int32) *sloc {
	return &t.locs[id>>chunkBits][id&(1<<chunkBits-1)]
}

func (t *strtab) len() int { return int(t.n) }

func (t *strtab) name(id int32) string { return string(t.bytes(id)) }

// view returns the string with the id without copying it, for looking it
// up in another strtab: the bytes of an arena are never written again, so
// the string stays as it is, but it keeps its chunk alive for as long as
// it is kept.
func (t *strtab) view(id int32) string {
	b := t.bytes(id)
	if len(b) == 0 {
		return ""
	}
	return unsafe.String(&b[0], len(b))
}

// where is what start found out about a string: where it is kept, and
// what finish and add need.
type where struct {
	mode  seqMode  // the sequence index, or the hash table
	key   pageKey  // in the sequence index: its page's key,
	page  *seqPage // the page (nil when there is none yet),
	slot  int      // and the slot
	h     uint32   // in the hash table: the hash,
	first uint8    // the first tag of its probe, read by start,
	pos   int      // and, set by finish, the free slot (-1: no table yet)
}

// start finds where s is kept and reads the first place it may be: its
// slot of a page, or its first tag in the hash table. In a big table that
// read may miss the caches: a caller with other work to do does it
// between start and finish, while the read is under way.
func (t *strtab) start(s string) (w where) {
	w.mode, w.key, w.page, w.slot = t.seq.locate(s)
	if w.mode == inPage {
		if w.page != nil {
			t.touched += uint8(w.page[w.slot])
		}
		return w
	}
	if t.slots != nil {
		w.h = uint32(maphash.String(t.seed, s))
		w.first = t.tags[w.h>>t.shift]
	}
	return w
}

// finish returns s's id, if the table has s, from what start returned.
func (t *strtab) finish(s string, w *where) (id int32, ok bool) {
	if w.mode == inPage {
		if w.page == nil || w.page[w.slot] == 0 {
			return 0, false
		}
		return w.page[w.slot] - 1, true
	}
	if t.slots == nil {
		w.pos = -1
		return 0, false
	}
	mask := len(t.slots) - 1
	pos := int(w.h >> t.shift)
	tag := tagOf(w.h)
	for tg := w.first; tg != 0; tg = t.tags[pos] {
		if tg == tag {
			if sl := t.slot(pos); sl.hash == w.h && string(t.bytes(sl.id-1)) == s {
				return sl.id - 1, true
			}
		}
		pos = (pos + 1) & mask
	}
	w.pos = pos
	return 0, false
}

func (t *strtab) lookup(s string) (int32, bool) {
	w := t.start(s)
	return t.finish(s, &w)
}

func (t *strtab) id(s string) int32 {
	w := t.start(s)
	if id, ok := t.finish(s, &w); ok {
		return id
	}
	return t.add(s, &w)
}

// add adds s, which finish did not find, where start and finish said.
func (t *strtab) add(s string, w *where) int32 {
	id := t.n
	t.index(s, w, id)
	*grow(&t.locs, int(id)) = t.arena.put(s)
	t.n++
	return id
}

// index puts the id of s where start and finish said s goes: add's first
// step, and all of it for a string that has its id and name already (see
// addPlanned).
func (t *strtab) index(s string, w *where, id int32) {
	if w.mode == inPage {
		t.seq.add(s, w.key, w.page, w.slot, id)
	} else {
		if w.mode == toSpill {
			t.seq.spill(w.key)
		}
		t.hashAdd(s, w.h, w.pos, id)
	}
}

// hashAdd adds s with the id to the hash table, at the slot finish gave.
func (t *strtab) hashAdd(s string, h uint32, pos int, id int32) {
	if pos < 0 {
		t.resize(16)
		h = uint32(maphash.String(t.seed, s))
		pos = t.free(h)
	} else if (t.hashed+1)*8 > len(t.slots)*7 {
		t.resize(2 * len(t.slots))
		pos = t.free(h)
	}
	t.tags[pos] = tagOf(h)
	if t.npend == pendingSlots {
		t.flush()
	}
	t.pending[t.npend] = pslot{pos, tslot{hash: h, id: id + 1}}
	t.npend++
	t.hashed++
}

// free returns the first empty slot for hash h.
func (t *strtab) free(h uint32) int {
	mask := len(t.slots) - 1
	pos := int(h >> t.shift)
	for t.tags[pos] != 0 {
		pos = (pos + 1) & mask
	}
	return pos
}

// resize moves the slots to a table of n, a power of two from 16 to 2^31.
// A slot's position is its hash's top bits, so the slots are read in order
// and written in order too.
func (t *strtab) resize(n int) {
	if t.slots == nil {
		t.seed = maphash.MakeSeed()
	}
	t.flush()
	old := t.slots
	t.tags, t.slots, t.shift = make([]uint8, n), make([]tslot, n), uint8(32-bits.Len(uint(n-1)))
	tags, slots, mask := t.tags, t.slots, n-1
	for _, sl := range old {
		if sl.id == 0 {
			continue
		}
		pos := int(sl.hash >> t.shift)
		for tags[pos] != 0 {
			pos = (pos + 1) & mask
		}
		tags[pos], slots[pos] = tagOf(sl.hash), sl
	}
}

// snapshot returns a copy for reading names and heads that later
// additions to t do not touch.
func (t *strtab) snapshot() *strtab {
	locs := make([][]sloc, len(t.locs))
	for i, c := range t.locs {
		locs[i] = slices.Clone(c)
	}
	return &strtab{locs: locs, n: t.n, arena: t.arena.snapshot()}
}
