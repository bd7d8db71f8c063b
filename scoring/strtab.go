package scoring

import (
	"hash/maphash"
	"math/bits"
	"slices"
)

// strtab interns many strings (a book's matters) into dense ids: an
// open-addressing hash table of ids and hashes, with the strings' bytes
// copied into chunks of an arena. A lookup-or-insert is one probe
// sequence; the table holds no pointers for the garbage collector to
// follow, and keeps none of the caller's strings alive. The zero value is
// empty.
//
// The table is probed linearly from the slot the hash's top bits give.
// Each slot has a one-byte tag beside it in tags, eight times smaller than
// the slots: a probe reads the tags, and reads a slot only where the tag
// matches. A string not in the table — most strings a book is given — is
// found absent in the tags alone, which, being small, the caches hold far
// better than the slots.
//
// The slots of new strings are not written at once but kept in pending
// (their tags are) and written a batch at a time. A write to a random
// slot of a big table misses the caches; a book's lock waits for every
// write to finish, so one write per Record would cost a miss each, where
// a batch of writes overlaps their misses. A slot is looked for in
// pending before the table.
type strtab struct {
	seed    maphash.Seed
	tags    []uint8 // by slot: 0 for empty, else tagOf the hash
	slots   []tslot // a power of two; at most seven eighths full
	shift   uint8   // 32 - log2(len(slots)): a hash's slot is hash >> shift
	npend   int     // slots in pending
	pending [pendingSlots]pslot
	touched uint8    // see touch
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
// string's list of records in a Book (1 + its latest record, 0 for none).
// A string's bytes run from its offset to the next string's, or to the end
// of its chunk when it is the chunk's last: strings are added one after
// another, and a chunk that ran out of room never takes another.
type sloc struct {
	chunk, off uint32
	head       int32
}

// arenaChunk is the size of an arena chunk; a longer run of bytes gets a
// chunk of its own.
const arenaChunk = 1 << 20

// arena holds bytes in chunks that never move once full. The zero value
// is empty. Chunks are allocated at their full length and lens counts the
// bytes used of each, so that adding bytes writes no slice header (and no
// pointer for the garbage collector's write barrier).
type arena struct {
	chunks [][]byte
	lens   []uint32
}

// room makes sure the last chunk can take n more bytes and returns its
// index.
func (a *arena) room(n int) int {
	if c := len(a.chunks) - 1; c >= 0 {
		used := int(a.lens[c])
		if used+n <= len(a.chunks[c]) {
			return c
		}
		if c == 0 && used+n <= arenaChunk {
			// The first chunk grows as small books need.
			grown := make([]byte, min(arenaChunk, max(2*len(a.chunks[0]), used+n)))
			copy(grown, a.chunks[0][:used])
			a.chunks[0] = grown
			return 0
		}
	}
	size := max(arenaChunk, n)
	if len(a.chunks) == 0 && n <= arenaChunk {
		size = max(256, n)
	}
	a.chunks = append(a.chunks, make([]byte, size))
	a.lens = append(a.lens, 0)
	return len(a.chunks) - 1
}

// put copies s into the arena and returns where it is.
func (a *arena) put(s string) sloc {
	c := a.room(len(s))
	off := a.lens[c]
	copy(a.chunks[c][off:], s)
	a.lens[c] += uint32(len(s))
	return sloc{chunk: uint32(c), off: off}
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

// probe returns s's id; or, when s is not there, its hash and the slot
// where it would go (pos < 0 when the table has no slots yet).
func (t *strtab) probe(s string) (id int32, h uint32, pos int, ok bool) {
	h, first := t.start(s)
	id, pos, ok = t.finish(s, h, first)
	return id, h, pos, ok
}

// start hashes s and reads the first tag of its probe sequence. In a big
// table that read may miss the caches: a caller with other work to do does
// it between start and finish, while the read is under way.
func (t *strtab) start(s string) (h uint32, first uint8) {
	if t.slots == nil {
		return 0, 0
	}
	h = uint32(maphash.String(t.seed, s))
	return h, t.tags[h>>t.shift]
}

// hash returns s's hash, or 0 when the table has no slots (and no seed)
// yet.
func (t *strtab) hash(s string) uint32 {
	if t.slots == nil {
		return 0
	}
	return uint32(maphash.String(t.seed, s))
}

// touch reads the first tag of each hash's probe sequence, for a batch of
// lookups to come: the reads do not depend on one another, so that those
// that miss the caches overlap, and the lookups find the tags cached.
func (t *strtab) touch(hs []uint32) {
	if t.slots == nil {
		return
	}
	var sum uint8
	for _, h := range hs {
		sum += t.tags[h>>t.shift]
	}
	t.touched = sum // so that the reads are not left out
}

// restart is start for s, whose hash h returned earlier (the table may
// have grown since, but its seed stays).
func (t *strtab) restart(s string, h uint32) (uint32, uint8) {
	if t.slots == nil || h == 0 {
		return t.start(s)
	}
	return h, t.tags[h>>t.shift]
}

// finish is probe from what start returned.
func (t *strtab) finish(s string, h uint32, first uint8) (id int32, pos int, ok bool) {
	if t.slots == nil {
		return 0, -1, false
	}
	mask := len(t.slots) - 1
	pos = int(h >> t.shift)
	tag := tagOf(h)
	for tg := first; tg != 0; tg = t.tags[pos] {
		if tg == tag {
			if sl := t.slot(pos); sl.hash == h && string(t.bytes(sl.id-1)) == s {
				return sl.id - 1, pos, true
			}
		}
		pos = (pos + 1) & mask
	}
	return 0, pos, false
}

func (t *strtab) lookup(s string) (int32, bool) {
	id, _, _, ok := t.probe(s)
	return id, ok
}

// add adds s, which probe did not find, at the slot probe gave.
func (t *strtab) add(s string, h uint32, pos int) int32 {
	if pos < 0 {
		t.resize(16)
		h = uint32(maphash.String(t.seed, s))
		pos = t.free(h)
	} else if int(t.n+1)*8 > len(t.slots)*7 {
		t.resize(2 * len(t.slots))
		pos = t.free(h)
	}
	id := t.n
	t.tags[pos] = tagOf(h)
	if t.npend == pendingSlots {
		t.flush()
	}
	t.pending[t.npend] = pslot{pos, tslot{hash: h, id: id + 1}}
	t.npend++
	*grow(&t.locs, int(id)) = t.arena.put(s)
	t.n++
	return id
}

// grow makes room for element i of a list held in chunks of 1<<chunkBits,
// added to one at a time, and returns it. Chunks are allocated at their
// full length, so that adding writes no slice header (and no pointer for
// the garbage collector's write barrier); only the first chunk grows, as
// small lists need.
func grow[T any](chunks *[][]T, i int) *T {
	c, j := i>>chunkBits, i&(1<<chunkBits-1)
	if c == len(*chunks) {
		size := 1 << chunkBits
		if c == 0 {
			size = 16
		}
		*chunks = append(*chunks, make([]T, size))
	} else if c == 0 && j == len((*chunks)[0]) {
		grown := make([]T, 2*j)
		copy(grown, (*chunks)[0])
		(*chunks)[0] = grown
	}
	return &(*chunks)[c][j]
}

func (t *strtab) id(s string) int32 {
	id, h, pos, ok := t.probe(s)
	if ok {
		return id
	}
	return t.add(s, h, pos)
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

// full reports whether the arena has run out of chunk numbers.
func (a *arena) full() bool { return len(a.chunks) >= 1<<22-1 }

// snapshot returns a copy that later additions to a do not touch: the
// chunks' headers are copied, and their bytes are never rewritten.
func (a *arena) snapshot() arena {
	return arena{chunks: slices.Clone(a.chunks), lens: slices.Clone(a.lens)}
}

// snapshot returns a copy for reading names that later additions to t do
// not touch. Its heads are not to be read.
func (t *strtab) snapshot() strtab {
	return strtab{locs: slices.Clone(t.locs), n: t.n, arena: t.arena.snapshot()}
}
