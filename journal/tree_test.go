package journal_test

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"math/bits"
	"sync"
	"testing"

	"github.com/qingdan/qingdan/internal/witness"
	"github.com/qingdan/qingdan/journal"
	"golang.org/x/mod/sumdb/tlog"
)

// mth is the Merkle tree hash of RFC 6962, section 2.1, written from the
// RFC: the reference the tree is held to.
func mth(leaves []journal.Hash) journal.Hash {
	switch len(leaves) {
	case 0:
		return sha256.Sum256(nil)
	case 1:
		return sha256.Sum256(append([]byte{0}, leaves[0][:]...))
	}
	k := 1
	for k*2 < len(leaves) {
		k *= 2
	}
	l, r := mth(leaves[:k]), mth(leaves[k:])
	return sha256.Sum256(append(append([]byte{1}, l[:]...), r[:]...))
}

// treeOf verifies a journal into a new tree and returns the tree and the
// entries' hashes.
func treeOf(t testing.TB, j []byte) (*journal.Tree, []journal.Hash) {
	t.Helper()
	tree := journal.NewTree()
	r := journal.NewReader(bytes.NewReader(j), &journal.Options{Tree: tree})
	var hs []journal.Hash
	for e, err := range r.All() {
		if err != nil {
			t.Fatal(err)
		}
		hs = append(hs, e.Hash)
	}
	return tree, hs
}

func TestTreeIsRFC6962(t *testing.T) {
	j := eventJournal(t, 70)
	tree, hs := treeOf(t, j)
	if tree.Size() != 70 || tree.Head() != mustVerify(t, j) {
		t.Fatalf("tree of %d entries, head %v; want 70, %v", tree.Size(), tree.Head(), mustVerify(t, j))
	}
	for n := 0; n <= 70; n++ {
		got, err := tree.Root(int64(n))
		if err != nil {
			t.Fatal(err)
		}
		if want := mth(hs[:n]); got != want {
			t.Errorf("Root(%d) = %v; RFC 6962 gives %v", n, got, want)
		}
	}
	// Verify's tree, on two workers, and a Writer's, are the same.
	for _, workers := range []int{1, 2} {
		vt := journal.NewTree()
		if _, err := journal.Verify(bytes.NewReader(j), &journal.Options{Tree: vt, Workers: workers}); err != nil {
			t.Fatal(err)
		}
		if a, b := vt.Checkpoint("o"), tree.Checkpoint("o"); a != b {
			t.Errorf("Verify on %d workers built %v; the Reader %v", workers, a, b)
		}
	}
	wt := journal.NewTree()
	var buf bytes.Buffer
	rewriteTo(t, journal.NewWriter(&buf, &journal.Options{Tree: wt}), j)
	if a, b := wt.Checkpoint("o"), tree.Checkpoint("o"); a != b {
		t.Errorf("the Writer built %v; the Reader %v", a, b)
	}
	if _, err := tree.Root(71); !errors.Is(err, journal.ErrInvalid) {
		t.Errorf("Root(71) of 70 entries = %v; want ErrInvalid", err)
	}
}

func TestInclusionProofs(t *testing.T) {
	const n = 40
	j := eventJournal(t, n)
	tree, _ := treeOf(t, j)
	ls := lines(j)
	for size := int64(1); size <= n; size++ {
		root, _ := tree.Root(size)
		cp := journal.Checkpoint{Origin: "o", Size: size, Root: root}
		for seq := int64(1); seq <= size; seq++ {
			e, err := journal.ParseLine(ls[seq-1][:len(ls[seq-1])-1])
			if err != nil {
				t.Fatal(err)
			}
			p, err := tree.InclusionProof(seq, size)
			if err != nil {
				t.Fatal(err)
			}
			if max := 1 + bits.Len64(uint64(size)); len(p) > max {
				t.Errorf("proof of %d in %d has %d hashes; want at most %d", seq, size, len(p), max)
			}
			if err := journal.VerifyInclusion(e, p, cp); err != nil {
				t.Errorf("VerifyInclusion(%d in %d) = %v", seq, size, err)
			}
			// Another entry, another size, a changed hash: none proves.
			other, _ := journal.ParseLine(ls[size%n][:len(ls[size%n])-1])
			if other.Seq != seq {
				if err := journal.VerifyInclusion(other, p, cp); !errors.Is(err, journal.ErrProof) {
					t.Errorf("entry %d with the proof of %d in %d = %v; want ErrProof", other.Seq, seq, size, err)
				}
			}
			if len(p) > 0 {
				bad := append(journal.Proof(nil), p...)
				bad[len(bad)/2][3] ^= 1
				if err := journal.VerifyInclusion(e, bad, cp); !errors.Is(err, journal.ErrProof) {
					t.Errorf("a changed proof of %d in %d = %v; want ErrProof", seq, size, err)
				}
				if err := journal.VerifyInclusion(e, p[:len(p)-1], cp); !errors.Is(err, journal.ErrProof) {
					t.Errorf("a short proof of %d in %d = %v; want ErrProof", seq, size, err)
				}
			}
			if size < n { // the checkpoint of one more entry
				root, _ := tree.Root(size + 1)
				wrong := journal.Checkpoint{Origin: "o", Size: size + 1, Root: root}
				if err := journal.VerifyInclusion(e, p, wrong); !errors.Is(err, journal.ErrProof) {
					t.Errorf("the proof of %d in %d against %d entries = %v; want ErrProof", seq, size, wrong.Size, err)
				}
			}
		}
	}
	for _, c := range [][2]int64{{0, 1}, {2, 1}, {1, n + 1}, {-1, 3}} {
		if _, err := tree.InclusionProof(c[0], c[1]); !errors.Is(err, journal.ErrInvalid) {
			t.Errorf("InclusionProof(%d, %d) = %v; want ErrInvalid", c[0], c[1], err)
		}
	}
}

func TestConsistencyProofs(t *testing.T) {
	const n = 33
	j := eventJournal(t, n)
	tree, _ := treeOf(t, j)
	forked, _ := treeOf(t, rechain(edit(j, 9, "第10次", "第十次"), 9))
	cp := func(tr *journal.Tree, size int64) journal.Checkpoint {
		root, err := tr.Root(size)
		if err != nil {
			t.Fatal(err)
		}
		return journal.Checkpoint{Origin: "o", Size: size, Root: root}
	}
	for m := int64(0); m <= n; m++ {
		for k := m; k <= n; k++ {
			p, err := tree.ConsistencyProof(m, k)
			if err != nil {
				t.Fatal(err)
			}
			if err := journal.VerifyConsistency(p, cp(tree, m), cp(tree, k)); err != nil {
				t.Errorf("VerifyConsistency(%d to %d) = %v", m, k, err)
			}
			if max := 2 * bits.Len64(uint64(k)); len(p) > max {
				t.Errorf("proof from %d to %d has %d hashes; want at most %d", m, k, len(p), max)
			}
			// The fork shares the first 9 entries only.
			fp, err := forked.ConsistencyProof(m, k)
			if err != nil {
				t.Fatal(err)
			}
			err = journal.VerifyConsistency(fp, cp(tree, m), cp(forked, k))
			if forks := m > 9; forks != errors.Is(err, journal.ErrProof) {
				t.Errorf("VerifyConsistency(%d of the journal to %d of its fork) = %v; want ErrProof: %v", m, k, err, forks)
			}
		}
	}
	other := cp(tree, n)
	other.Origin = "p"
	if err := journal.VerifyConsistency(nil, cp(tree, n), other); !errors.Is(err, journal.ErrProof) {
		t.Errorf("checkpoints of two origins = %v; want ErrProof", err)
	}
	if err := journal.VerifyConsistency(nil, cp(tree, n), cp(tree, n-1)); !errors.Is(err, journal.ErrProof) {
		t.Errorf("a smaller newer checkpoint = %v; want ErrProof", err)
	}
	// No journal of no entries has another root than the empty tree's,
	// so none extends the empty journal (or is extended by it).
	empty, notEmpty := cp(tree, 0), cp(tree, 0)
	notEmpty.Root[0] ^= 1
	for _, c := range [][2]journal.Checkpoint{{empty, notEmpty}, {notEmpty, empty}, {notEmpty, notEmpty}} {
		if err := journal.VerifyConsistency(nil, c[0], c[1]); !errors.Is(err, journal.ErrProof) {
			t.Errorf("VerifyConsistency(%v to %v) = %v; want ErrProof", c[0].Root, c[1].Root, err)
		}
	}
	if _, err := tree.ConsistencyProof(3, 2); !errors.Is(err, journal.ErrInvalid) {
		t.Errorf("ConsistencyProof(3, 2) = %v; want ErrInvalid", err)
	}
}

// TestFirstDifference finds the first entry of a rewritten journal that
// differs from the tree a witness kept, read back from its tiles checked
// against the published checkpoint.
func TestFirstDifference(t *testing.T) {
	const n = 600
	j := eventJournal(t, n)
	published, _ := treeOf(t, j)
	cp := published.Checkpoint("o")
	// The witness's copy: the published tree's tiles of height 2.
	mirror, err := witness.Mirror(published, 2, tlog.Tree{N: cp.Size, Hash: tlog.Hash(cp.Root)})
	if err != nil {
		t.Fatal(err)
	}
	for _, first := range []int{1, 2, 300, 511, 512, 513, n} {
		rewritten, _ := treeOf(t, rechain(edit(j, first-1, "次进展", "次處理"), first-1))
		if rewritten.Checkpoint("o") == cp {
			t.Fatalf("rewriting from %d left the root", first)
		}
		got, err := rewritten.FirstDifference(mirror, n)
		if err != nil || got != int64(first) {
			t.Errorf("FirstDifference of a journal rewritten from entry %d = %d, %v", first, got, err)
		}
	}
	if got, err := published.FirstDifference(mirror, n); got != 0 || err != nil {
		t.Errorf("FirstDifference of the journal itself = %d, %v; want 0", got, err)
	}
	if _, err := published.FirstDifference(mirror, n+1); !errors.Is(err, journal.ErrInvalid) {
		t.Errorf("FirstDifference beyond the tree = %v; want ErrInvalid", err)
	}
}

// TestTreeConcurrentUse makes proofs while a Writer adds entries.
func TestTreeConcurrentUse(t *testing.T) {
	tree := journal.NewTree()
	var buf bytes.Buffer
	w := journal.NewWriter(&buf, &journal.Options{Tree: tree})
	j := eventJournal(t, 300)
	var wg sync.WaitGroup
	wg.Add(1)
	done := make(chan struct{})
	go func() {
		defer wg.Done()
		defer close(done) // a failed append ends the proofs too
		for _, l := range lines(j) {
			e, _ := journal.ParseLine(l[:len(l)-1])
			if err := appendEntry(w, e); err != nil {
				t.Error(err)
				return
			}
		}
	}()
	for writing := true; writing; {
		select {
		case <-done:
			writing = false
		default:
		}
		size := tree.Size()
		if size == 0 {
			continue
		}
		cp := tree.Checkpoint("o")
		if cp.Size < size {
			t.Fatalf("checkpoint of %d entries after %d", cp.Size, size)
		}
		p, err := tree.InclusionProof(size, cp.Size)
		if err != nil {
			t.Fatal(err)
		}
		l := lines(j)[size-1]
		e, _ := journal.ParseLine(l[:len(l)-1])
		if err := journal.VerifyInclusion(e, p, cp); err != nil {
			t.Fatalf("the proof of entry %d in the checkpoint of %d, made while appending: %v", size, cp.Size, err)
		}
	}
	wg.Wait()
	if tree.Size() != 300 {
		t.Errorf("the tree has %d entries; want 300", tree.Size())
	}
}
