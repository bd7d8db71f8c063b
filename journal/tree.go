package journal

import (
	"fmt"
	"sync"

	"golang.org/x/mod/sumdb/tlog"
)

// Tree is the Merkle tree of a journal (RFC 6962, as the Go checksum
// database and Certificate Transparency build theirs): leaf i is entry i+1,
// its data the entry's 32-byte hash. The journal is the record; a tree is
// derived from it — by a [Reader], [Verify] or [Rebuild] given the tree in
// [Options].Tree, which add each sound entry they read, or by a [Writer]
// given it, which adds each entry it writes — and answers for it with
// roots, checkpoints, proofs and receipts.
//
// A Tree keeps its hashes in the order of tlog's stored hash index
// (tlog.StoredHashIndex), about 64 bytes per entry, in memory. It is a
// tlog.HashReader: tlog.ReadTileData serves its tiles, and
// tlog.TileHashReader reads tiles back, checked against a checkpoint.
// (tlog rather than github.com/transparency-dev/merkle, which hashes and
// proves the same RFC 6962 tree: tlog comes with the tile layout and the
// signed notes, golang.org/x/mod/sumdb/note, that the checkpoints use, in
// one golang.org/x module the Go toolchain itself relies on.)
//
// The zero Tree is empty and ready to use; [NewTree] returns one too.
// Every method panics on a nil *Tree, naming itself. A Tree is safe for
// concurrent use: proofs can be made while a Writer adds entries.
type Tree struct {
	mu     sync.RWMutex
	head   Head
	chunks [][]tlog.Hash
	count  int64 // stored hashes
}

// chunkHashes is the number of hashes in a chunk of a tree: 2 MiB.
const chunkHashes = 1 << 16

// NewTree returns the tree of an empty journal.
func NewTree() *Tree { return &Tree{} }

// Head returns the last entry in the tree; its Seq is the tree's size.
func (t *Tree) Head() Head {
	mustNotNil(t, "Head", "Tree")
	t.mu.RLock()
	defer t.mu.RUnlock()
	return t.head
}

// Size returns the number of entries in the tree.
func (t *Tree) Size() int64 {
	mustNotNil(t, "Size", "Tree")
	return t.Head().Seq
}

// add adds the entry at head, which follows the tree's last entry: its
// reader or writer checked it.
func (t *Tree) add(head Head) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.addLocked(head)
}

// addLocked adds the entry at head; t.mu is held.
func (t *Tree) addLocked(head Head) {
	hashes, err := tlog.StoredHashesForRecordHash(head.Seq-1, leafHash(head.Hash), stored{t})
	if err != nil {
		panic("journal: a tree lost its hashes: " + err.Error()) // stored hashes are never removed
	}
	for _, h := range hashes {
		c := t.count / chunkHashes
		if c == int64(len(t.chunks)) {
			t.chunks = append(t.chunks, make([]tlog.Hash, 0, chunkHashes))
		}
		t.chunks[c] = append(t.chunks[c], h)
		t.count++
	}
	t.head = head
}

// leafHash is the hash of the leaf of an entry whose hash is h:
// SHA-256(0x00 || h).
func leafHash(h Hash) tlog.Hash { return tlog.RecordHash(h[:]) }

// stored reads a tree's hashes; its caller holds the tree's lock.
type stored struct{ t *Tree }

func (s stored) ReadHashes(indexes []int64) ([]tlog.Hash, error) {
	out := make([]tlog.Hash, len(indexes))
	for i, x := range indexes {
		if x < 0 || x >= s.t.count {
			return nil, fmt.Errorf("journal: the tree of %d entries has no stored hash %d: %w", s.t.head.Seq, x, ErrInvalid)
		}
		out[i] = s.t.chunks[x/chunkHashes][x%chunkHashes]
	}
	return out, nil
}

// ReadHashes returns the hashes at the given stored hash indexes
// (tlog.StoredHashIndex), as tlog.HashReader does; an index the tree does
// not hold yet is an error wrapping [ErrInvalid].
func (t *Tree) ReadHashes(indexes []int64) ([]tlog.Hash, error) {
	mustNotNil(t, "ReadHashes", "Tree")
	t.mu.RLock()
	defer t.mu.RUnlock()
	return stored{t}.ReadHashes(indexes)
}

// Root returns the root hash of the tree of the first size entries; size
// must be between 0 and the tree's size, else the error wraps
// [ErrInvalid]. The root of the empty tree is SHA-256 of nothing.
func (t *Tree) Root(size int64) (Hash, error) {
	mustNotNil(t, "Root", "Tree")
	t.mu.RLock()
	defer t.mu.RUnlock()
	if size < 0 || size > t.head.Seq {
		return Hash{}, fmt.Errorf("journal: no root of %d entries in a tree of %d: %w", size, t.head.Seq, ErrInvalid)
	}
	h, err := tlog.TreeHash(size, stored{t})
	return Hash(h), err
}

// Checkpoint returns the checkpoint of the whole tree under origin, to
// sign and publish ([Checkpoint.Sign]).
func (t *Tree) Checkpoint(origin string) Checkpoint {
	mustNotNil(t, "Checkpoint", "Tree")
	t.mu.RLock()
	defer t.mu.RUnlock()
	h, err := tlog.TreeHash(t.head.Seq, stored{t})
	if err != nil {
		panic("journal: a tree lost its hashes: " + err.Error())
	}
	return Checkpoint{Origin: origin, Size: t.head.Seq, Root: Hash(h)}
}

// InclusionProof returns the proof that entry seq is in the tree of the
// first size entries: at most 1 + log₂ size hashes, read in as many steps.
// Check it with [VerifyInclusion]. seq must be between 1 and size, and
// size at most the tree's size, else the error wraps [ErrInvalid].
func (t *Tree) InclusionProof(seq, size int64) (Proof, error) {
	mustNotNil(t, "InclusionProof", "Tree")
	t.mu.RLock()
	defer t.mu.RUnlock()
	if seq < 1 || seq > size || size > t.head.Seq {
		return nil, fmt.Errorf("journal: no proof of entry %d in the first %d of %d entries: %w", seq, size, t.head.Seq, ErrInvalid)
	}
	p, err := tlog.ProveRecord(size, seq-1, stored{t})
	return proofOf(p), err
}

// ConsistencyProof returns the proof that the tree of the first newSize
// entries extends that of the first oldSize: that the journal between two
// checkpoints only grew. It has at most 2 log₂ newSize hashes; check it
// with [VerifyConsistency]. The sizes must satisfy 0 ≤ oldSize ≤ newSize
// ≤ the tree's size, else the error wraps [ErrInvalid]; every tree
// extends the empty one, and itself, with an empty proof.
func (t *Tree) ConsistencyProof(oldSize, newSize int64) (Proof, error) {
	mustNotNil(t, "ConsistencyProof", "Tree")
	t.mu.RLock()
	defer t.mu.RUnlock()
	if oldSize < 0 || oldSize > newSize || newSize > t.head.Seq {
		return nil, fmt.Errorf("journal: no proof from %d to %d entries in a tree of %d: %w", oldSize, newSize, t.head.Seq, ErrInvalid)
	}
	if oldSize == 0 || oldSize == newSize {
		return Proof{}, nil
	}
	p, err := tlog.ProveTree(newSize, oldSize, stored{t})
	return proofOf(p), err
}

// FirstDifference compares the first size entries of the tree with those
// of another tree of at least size entries, whose stored hashes old reads
// — an earlier copy of the journal's tree, or its tiles as a witness
// mirrored them, read with tlog.TileHashReader so that they are checked
// against a checkpoint. It returns the sequence number of the first entry
// that differs, and 0 if none does, reading O(log size) hashes of each
// tree. size must be between 0 and the tree's size, else the error wraps
// [ErrInvalid]; old's errors are returned as they are. The tree is not
// held while old reads, so old may be the tree itself, or another tree
// that a Writer adds to meanwhile.
func (t *Tree) FirstDifference(old tlog.HashReader, size int64) (int64, error) {
	mustNotNil(t, "FirstDifference", "Tree")
	if n := t.Size(); size < 0 || size > n {
		return 0, fmt.Errorf("journal: no first %d entries in a tree of %d: %w", size, n, ErrInvalid)
	}
	same := func(level int, n int64) (bool, error) {
		x := []int64{tlog.StoredHashIndex(level, n)}
		a, err := t.ReadHashes(x) // the first size entries' hashes never change
		if err != nil {
			return false, err
		}
		b, err := old.ReadHashes(x)
		if err != nil {
			return false, err
		}
		if len(b) != 1 {
			return false, fmt.Errorf("journal: the other tree returned %d hashes for 1: %w", len(b), ErrInvalid)
		}
		return a[0] == b[0], nil
	}
	// The first size leaves are complete subtrees, largest first; find
	// the first that differs, then go down it to the leaf.
	lo := int64(0)
	for level := 62; level >= 0; level-- {
		if size-lo < 1<<level {
			continue
		}
		eq, err := same(level, lo>>level)
		if err != nil {
			return 0, err
		}
		if eq {
			lo += 1 << level
			continue
		}
		for ; level > 0; level-- {
			eq, err := same(level-1, lo>>(level-1))
			if err != nil {
				return 0, err
			}
			if eq {
				lo += 1 << (level - 1)
			}
		}
		return lo + 1, nil
	}
	return 0, nil
}
