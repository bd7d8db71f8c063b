package scoring

import (
	"hash/maphash"
	"slices"
)

// strtab interns many strings (a book's matters) into dense ids: an
// open-addressing hash table of ids and hashes, with the strings' bytes
// copied into chunks of an arena. A lookup-or-insert is one probe
// sequence; the table holds no pointers for the garbage collector to
// follow, and keeps none of the caller's strings alive. The zero value is
// empty.
type strtab struct {
	seed  maphash.Seed
	slots []tslot  // a power of two; at most seven eighths full
	locs  [][]sloc // by id, in chunks of 1<<chunkBits
	n     int32
	arena arena
}

type tslot struct {
	hash uint32
	id   int32 // 1 + the id; 0 for an empty slot
}

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
// is empty.
type arena struct {
	chunks [][]byte
}

// room makes sure the last chunk can take n more bytes and returns its
// index.
func (a *arena) room(n int) int {
	if len(a.chunks) == 0 || len(a.chunks[len(a.chunks)-1])+n > arenaChunk {
		c := 0 // the first chunk grows as small books need
		if len(a.chunks) > 0 {
			c = max(arenaChunk, n)
		}
		a.chunks = append(a.chunks, make([]byte, 0, c))
	}
	return len(a.chunks) - 1
}

// put copies s into the arena and returns where it is.
func (a *arena) put(s string) sloc {
	c := a.room(len(s))
	l := sloc{chunk: uint32(c), off: uint32(len(a.chunks[c]))}
	a.chunks[c] = append(a.chunks[c], s...)
	return l
}

// bytes returns the bytes of the string with the id, without copying.
func (t *strtab) bytes(id int32) []byte {
	l := t.loc(id)
	c := t.arena.chunks[l.chunk]
	end := uint32(len(c))
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

// start hashes s and reads the first slot of its probe sequence. In a big
// table that read misses the caches: a caller with other work to do does
// it between start and finish, while the read is under way.
func (t *strtab) start(s string) (h uint32, first tslot) {
	if t.slots == nil {
		return 0, tslot{}
	}
	h = uint32(maphash.String(t.seed, s))
	return h, t.slots[int(h)&(len(t.slots)-1)]
}

// finish is probe from what start returned.
func (t *strtab) finish(s string, h uint32, first tslot) (id int32, pos int, ok bool) {
	if t.slots == nil {
		return 0, -1, false
	}
	mask := len(t.slots) - 1
	pos = int(h) & mask
	for sl := first; ; sl = t.slots[pos] {
		if sl.id == 0 {
			return 0, pos, false
		}
		if sl.hash == h && string(t.bytes(sl.id-1)) == s {
			return sl.id - 1, pos, true
		}
		pos = (pos + 1) & mask
	}
}

func (t *strtab) lookup(s string) (int32, bool) {
	id, _, _, ok := t.probe(s)
	return id, ok
}

// add adds s, which probe did not find, at the slot probe gave.
func (t *strtab) add(s string, h uint32, pos int) int32 {
	if pos < 0 {
		t.grow()
		h = uint32(maphash.String(t.seed, s))
		pos = t.free(h)
	} else if int(t.n+1)*8 > len(t.slots)*7 {
		t.grow()
		pos = t.free(h)
	}
	id := t.n
	t.slots[pos] = tslot{hash: h, id: id + 1}
	if len(t.locs) == 0 || len(t.locs[len(t.locs)-1]) == 1<<chunkBits {
		c := 0 // the first chunk grows as small books need
		if len(t.locs) > 0 {
			c = 1 << chunkBits
		}
		t.locs = append(t.locs, make([]sloc, 0, c))
	}
	last := &t.locs[len(t.locs)-1]
	*last = append(*last, t.arena.put(s))
	t.n++
	return id
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
	pos := int(h) & mask
	for t.slots[pos].id != 0 {
		pos = (pos + 1) & mask
	}
	return pos
}

func (t *strtab) grow() { t.resize(2 * len(t.slots)) }

// resize moves the slots to a table of n, a power of two.
func (t *strtab) resize(n int) {
	if t.slots == nil {
		t.seed = maphash.MakeSeed()
		t.slots = make([]tslot, max(n, 16))
		return
	}
	old := t.slots
	t.slots = make([]tslot, n)
	slots, mask := t.slots, uint32(n-1)
	for _, sl := range old {
		if sl.id == 0 {
			continue
		}
		pos := sl.hash & mask
		for slots[pos].id != 0 {
			pos = (pos + 1) & mask
		}
		slots[pos] = sl
	}
}

// full reports whether the arena has run out of chunk numbers.
func (a *arena) full() bool { return len(a.chunks) >= 1<<22-1 }

// snapshot returns a copy that later additions to a do not touch: the
// chunks' headers are copied, and their bytes are never rewritten.
func (a *arena) snapshot() arena { return arena{chunks: slices.Clone(a.chunks)} }

// snapshot returns a copy for reading names that later additions to t do
// not touch. Its heads are not to be read.
func (t *strtab) snapshot() strtab {
	return strtab{locs: slices.Clone(t.locs), n: t.n, arena: t.arena.snapshot()}
}
