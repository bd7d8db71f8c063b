package journal

import (
	"crypto/sha256"
	"fmt"

	"golang.org/x/mod/sumdb/tlog"

	"github.com/qingdan/qingdan/internal/jsonx"
)

// Proof is a Merkle proof of a [Tree]: an inclusion proof (RFC 6962's
// audit path) or a consistency proof, its hashes in the order tlog and RFC
// 6962 give them. Its JSON form is a list of hashes, each 64 lower-case
// hexadecimal digits ([Proof.UnmarshalJSON] reads it back).
type Proof []Hash

// UnmarshalJSON reads a proof's JSON form strictly: a list of hashes,
// each 64 hexadecimal digits in either case, and never null, which
// encoding/json would read as the zero hash. Anything else is an error
// wrapping [ErrInvalid] that names the hash at fault (hash 1 is the
// first), and leaves p unchanged. null for the whole list is nothing, as
// encoding/json has it: p is unchanged, and a [Receipt] refuses a proof
// that is not a list.
func (p *Proof) UnmarshalJSON(b []byte) error {
	if string(b) == "null" {
		return nil
	}
	var w []*Hash
	if err := jsonx.Decode(b, &w); err != nil {
		return jsonx.WrapPart(err, ErrInvalid, "journal: proof")
	}
	out, err := proofOfRead(w)
	if err != nil {
		return err
	}
	*p = out
	return nil
}

// proofOfRead returns the proof of hashes read from JSON, where a hash
// read from null is nil: an error wrapping ErrInvalid, naming it.
func proofOfRead(w []*Hash) (Proof, error) {
	out := make(Proof, len(w))
	for i, h := range w {
		if h == nil {
			return nil, fmt.Errorf("journal: hash %d of the proof is null, not 64 hexadecimal digits: %w", i+1, ErrInvalid)
		}
		out[i] = *h
	}
	return out, nil
}

func proofOf(p []tlog.Hash) Proof {
	out := make(Proof, len(p))
	for i, h := range p {
		out[i] = Hash(h)
	}
	return out
}

func (p Proof) tlog() []tlog.Hash {
	out := make([]tlog.Hash, len(p))
	for i, h := range p {
		out[i] = tlog.Hash(h)
	}
	return out
}

// maxProof bounds the hashes of a proof: 2 log₂ 10^18.
const maxProof = 2 * 60

// VerifyInclusion checks, with nothing but its arguments, that e is entry
// e.Seq of the journal of the checkpoint cp: that e is sound in itself (its
// line's framing, canonical payload and hash, as [ParseLine] checks them)
// and that p proves its leaf in the tree of cp.Size entries whose root is
// cp.Root. It does not check cp's signature: [OpenCheckpoint] does, and
// [Receipt.Verify] does both. An entry that is not sound is an error
// wrapping ErrInvalid or ErrTampered; an entry beyond cp.Size, or a proof
// that does not prove, one wrapping [ErrProof].
func VerifyInclusion(e Entry, p Proof, cp Checkpoint) error {
	if _, err := ParseLine(e.Line()); err != nil {
		return err
	}
	if e.Seq > cp.Size || cp.Size > maxSeq || len(p) > maxProof {
		return fmt.Errorf("journal: entry %d is not in the checkpoint of %d entries: %w", e.Seq, cp.Size, ErrProof)
	}
	if err := tlog.CheckRecord(p.tlog(), cp.Size, tlog.Hash(cp.Root), e.Seq-1, leafHash(e.Hash)); err != nil {
		return fmt.Errorf("journal: entry %d is not in the checkpoint of %d entries with root %v: %w", e.Seq, cp.Size, cp.Root, ErrProof)
	}
	return nil
}

// VerifyConsistency checks, with nothing but its arguments, that p proves
// the journal of checkpoint newer to extend that of checkpoint older: the
// same first older.Size entries, so nothing in them was changed, removed
// or reordered since older was made. Checkpoints of two origins, a newer
// checkpoint smaller than the older, and a proof that does not prove are
// errors wrapping [ErrProof]. Every journal extends the empty one and
// itself, with the empty proof.
func VerifyConsistency(p Proof, older, newer Checkpoint) error {
	fail := func(why string) error {
		return fmt.Errorf("journal: the checkpoint of %d entries does not extend that of %d: %s: %w", newer.Size, older.Size, why, ErrProof)
	}
	switch {
	case older.Origin != newer.Origin:
		return fail(fmt.Sprintf("they are of two journals, %q and %q", older.Origin, newer.Origin))
	case older.Size < 0 || older.Size > newer.Size:
		return fail("it is smaller")
	case newer.Size > maxSeq:
		return fail("it has more entries than a journal can hold")
	case len(p) > maxProof:
		return fail("the proof is too long")
	case older.Size == 0:
		if older.Root != emptyRoot || (newer.Size == 0 && newer.Root != emptyRoot) || len(p) != 0 {
			return fail("the empty journal has another root")
		}
		return nil
	case older.Size == newer.Size:
		if older.Root != newer.Root || len(p) != 0 {
			return fail("two roots for as many entries: the journal was forked or rewritten")
		}
		return nil
	}
	if err := tlog.CheckTree(p.tlog(), newer.Size, tlog.Hash(newer.Root), older.Size, tlog.Hash(older.Root)); err != nil {
		return fail("the proof does not hold: the journal was forked or rewritten")
	}
	return nil
}

// emptyRoot is the root of the empty tree: SHA-256 of nothing.
var emptyRoot = Hash(sha256.Sum256(nil))

// frontier is the compact form of a tree being built: the roots of its
// complete subtrees, largest first, from which the root of the whole
// follows. It holds at most 63 hashes however many entries it has.
type frontier struct {
	n      int64
	hashes []tlog.Hash
}

func (f *frontier) add(h Hash) {
	x := leafHash(h)
	for m := f.n; m&1 == 1; m >>= 1 {
		x = tlog.NodeHash(f.hashes[len(f.hashes)-1], x)
		f.hashes = f.hashes[:len(f.hashes)-1]
	}
	f.hashes = append(f.hashes, x)
	f.n++
}

func (f *frontier) root() Hash {
	if f.n == 0 {
		return emptyRoot
	}
	r := f.hashes[len(f.hashes)-1]
	for i := len(f.hashes) - 2; i >= 0; i-- {
		r = tlog.NodeHash(f.hashes[i], r)
	}
	return Hash(r)
}
