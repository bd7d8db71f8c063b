package ledger

import "slices"

// A ledger keeps its millions of records, matter locations and bytes in
// chunks that never move: growing never copies what it holds, and a
// snapshot need only copy the chunks' headers.

// chunkBits sets the elements per chunk of a list kept in chunks: 1<<14,
// half a megabyte of records.
const chunkBits = 14

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
			// The first chunk grows as small ledgers need.
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

// share adds b, bytes of another arena, as a chunk of its own without
// copying them, and returns the chunk's index. Bytes an arena holds are
// never written again, and the chunk is full at b's length, so that
// neither arena writes into the other's bytes: room starts another chunk,
// or, for a first chunk, grows it into a copy.
func (a *arena) share(b []byte) int {
	a.chunks = append(a.chunks, b[:len(b):len(b)])
	a.lens = append(a.lens, uint32(len(b)))
	return len(a.chunks) - 1
}

// shareMin is the fewest bytes of another arena's chunk a merge shares
// rather than copies, so that a chunk shared keeps at most four times its
// bytes alive.
const shareMin = arenaChunk / 4

// full reports whether the arena has run out of chunk numbers.
func (a *arena) full() bool { return len(a.chunks) >= 1<<22-1 }

// snapshot returns a copy that later additions to a do not touch: the
// chunks' headers are copied, and their bytes are never rewritten.
func (a *arena) snapshot() arena {
	return arena{chunks: slices.Clone(a.chunks), lens: slices.Clone(a.lens)}
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

// growRun is grow for up to n elements from i on: it makes room for
// element i and returns the elements from i to i+n or to the end of i's
// chunk, whichever comes first, to be set in one loop.
func growRun[T any](chunks *[][]T, i, n int) []T {
	grow(chunks, i)
	chunk := (*chunks)[i>>chunkBits]
	j := i & (1<<chunkBits - 1)
	return chunk[j:min(len(chunk), j+n)]
}
