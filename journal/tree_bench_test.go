package journal

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"sync"
	"testing"
	"time"

	"github.com/qingdan/qingdan/matters"
	"golang.org/x/mod/sumdb/tlog"
)

// bigTree is a tree of n entries and one real entry in it, at seq. Writing
// and hashing 10^7 lines for a benchmark would take minutes, so the tree
// is computed with tlog's stored-hash function (StoredHashesForRecordHash,
// as Tree.add does) over stand-in entry hashes — SHA-256 of the entry's
// number — but for the entry at seq, which is a real line whose hash is
// its leaf, so that its proofs check as any entry's do.
type bigTree struct {
	tree  *Tree
	entry Entry
}

var bigTrees sync.Map // n → *bigTree

func buildBig(b *testing.B, n int64) *bigTree {
	if v, ok := bigTrees.Load(n); ok {
		return v.(*bigTree)
	}
	start := time.Now()
	seq := n/2 + 12345
	var line bytes.Buffer
	w := NewWriterAt(&line, Head{Seq: seq - 1, Hash: Hash{1}}, nil)
	h, err := w.AppendEvent(matters.Event{Matter: "WH-2020-0001", Seq: 1, At: time.Date(2020, 6, 1, 9, 0, 0, 0, time.UTC), Kind: matters.Report, Actor: "JJ-01"})
	if err != nil {
		b.Fatal(err)
	}
	e, err := ParseLine(bytes.TrimSuffix(line.Bytes(), []byte("\n")))
	if err != nil || e.Hash != h.Hash {
		b.Fatal(e, err)
	}
	t := &Tree{chunks: make([][]tlog.Hash, 0, 2*n/chunkHashes+1)}
	for i := int64(0); i < n; i++ {
		eh := e.Hash
		if i != seq-1 { // a stand-in hash: splitmix64 of i, four times
			x := uint64(i)
			for k := 0; k < 4; k++ {
				x += 0x9E3779B97F4A7C15
				z := (x ^ x>>30) * 0xBF58476D1CE4E5B9
				z = (z ^ z>>27) * 0x94D049BB133111EB
				binary.LittleEndian.PutUint64(eh[8*k:], z^z>>31)
			}
		}
		t.add(Head{Seq: i + 1, Hash: eh})
	}
	b.Logf("built a tree of %d entries in %v (%d MB of hashes)", n, time.Since(start).Round(time.Millisecond), t.count*32>>20)
	bt := &bigTree{tree: t, entry: e}
	bigTrees.Store(n, bt)
	return bt
}

// BenchmarkProof makes and checks the inclusion proof of one entry, and
// the consistency proof between a checkpoint halfway and the whole, in
// trees of 10^6 and 10^7 entries, and reports their sizes.
func BenchmarkProof(b *testing.B) {
	for _, n := range []int64{1_000_000, 10_000_000} {
		label := map[int64]string{1_000_000: "1e6", 10_000_000: "1e7"}[n]
		prove := func(name string, proof func(bt *bigTree) (Proof, error)) {
			b.Run(name+"-prove-"+label, func(b *testing.B) {
				bt := buildBig(b, n)
				b.ReportAllocs()
				b.ResetTimer()
				var p Proof
				for range b.N {
					var err error
					if p, err = proof(bt); err != nil {
						b.Fatal(err)
					}
				}
				b.ReportMetric(float64(len(p)*32), "proof-B")
			})
		}
		prove("inclusion", func(bt *bigTree) (Proof, error) { return bt.tree.InclusionProof(bt.entry.Seq, n) })
		b.Run("inclusion-verify-"+label, func(b *testing.B) {
			bt := buildBig(b, n)
			cp := bt.tree.Checkpoint("o")
			p, err := bt.tree.InclusionProof(bt.entry.Seq, n)
			if err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			b.ResetTimer()
			for range b.N {
				if err := VerifyInclusion(bt.entry, p, cp); err != nil {
					b.Fatal(err)
				}
			}
		})
		prove("consistency", func(bt *bigTree) (Proof, error) { return bt.tree.ConsistencyProof(n/2+777, n) })
		b.Run("consistency-verify-"+label, func(b *testing.B) {
			bt := buildBig(b, n)
			oldRoot, err := bt.tree.Root(n/2 + 777)
			if err != nil {
				b.Fatal(err)
			}
			older, newer := Checkpoint{Origin: "o", Size: n/2 + 777, Root: oldRoot}, bt.tree.Checkpoint("o")
			p, err := bt.tree.ConsistencyProof(older.Size, newer.Size)
			if err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			b.ResetTimer()
			for range b.N {
				if err := VerifyConsistency(p, older, newer); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkTreeAdd adds entries to a tree, as a Writer or a Reader given
// one does for each entry: the tree's cost on top of an append's. Once
// the timer stops, the tree's root must be the one computed apart
// (rootOf).
func BenchmarkTreeAdd(b *testing.B) {
	t := NewTree()
	hash := func(i int64) Hash {
		var num [8]byte
		binary.BigEndian.PutUint64(num[:], uint64(i))
		return sha256.Sum256(num[:])
	}
	b.ReportAllocs()
	for i := range b.N {
		t.add(Head{Seq: int64(i) + 1, Hash: hash(int64(i))})
	}
	b.StopTimer()
	n := int64(b.N)
	if root, err := t.Root(n); err != nil || root != Hash(rootOf(0, n, hash)) {
		b.Fatalf("the tree of %d entries has root %v, %v; want %v", n, root, err, Hash(rootOf(0, n, hash)))
	}
}

// rootOf is the RFC 6962 Merkle tree hash of the entries from to to+n-1,
// whose hashes hash gives, computed by its recursive definition from
// tlog's leaf and node hashes rather than from a Tree's stored hashes.
func rootOf(from, n int64, hash func(int64) Hash) tlog.Hash {
	if n == 1 {
		h := hash(from)
		return tlog.RecordHash(h[:])
	}
	k := int64(1)
	for 2*k < n {
		k *= 2
	}
	return tlog.NodeHash(rootOf(from, k, hash), rootOf(from+k, n-k, hash))
}
