package journal

import (
	"bytes"
	"encoding/json"
	"fmt"

	"github.com/qingdan/qingdan/internal/jsonx"
	"golang.org/x/mod/sumdb/note"
)

// Receipt is what a host hands a department, or a citizen, for one entry:
// the entry, the signed checkpoint of the journal it is in, and the proof
// that it is in it. Whoever holds the receipt and the journal's verifier
// key checks it offline, without the journal ([Receipt.Verify]): the entry
// is in the journal the key holder signed, at its position, byte for byte.
// The proof has at most 1 + log₂ n hashes for a journal of n entries.
//
// A receipt proves inclusion in the checkpoint it carries, no more: that
// the checkpoint is the one the host published, and not a fork signed with
// the same key, is checked by comparing it with the published checkpoint
// (or, for a receipt against a later checkpoint, by proving with
// [VerifyConsistency] that it extends the published one). Nor does it
// tell what came after its entry: an evaluation amended later is still
// in the journal, and its receipt still verifies; the amendment is an
// entry of its own, with a receipt of its own, and no receipt proves that
// an entry has none.
//
// Its JSON form is an object with the members entry (the entry's line, as
// a JSON string), proof (a list of 64-digit hexadecimal hashes) and
// checkpoint (the signed note, as a JSON string).
type Receipt struct {
	Entry      Entry
	Proof      Proof
	Checkpoint []byte // the signed checkpoint, as Checkpoint.Sign returns it
}

// Receipt returns the receipt of entry e in the journal of the signed
// checkpoint signed, which the tree must hold (a checkpoint of this tree,
// as Checkpoint.Sign returned it). The signature is not checked here; the
// entry must be the tree's entry e.Seq. An entry or a checkpoint the tree
// does not hold is an error wrapping [ErrInvalid], and so is an entry
// whose line is longer than [DefaultMaxLine]: a receipt's JSON form, read
// back, holds no longer line (a journal written with a larger
// [Options].MaxLine has receipts for its shorter lines only).
func (t *Tree) Receipt(e Entry, signed []byte) (*Receipt, error) {
	mustNotNil(t, "Receipt", "Tree")
	if n := len(e.Line()); n > DefaultMaxLine {
		return nil, fmt.Errorf("journal: entry %d: a line of %d bytes, longer than a receipt holds (%d, DefaultMaxLine): %w", e.Seq, n, DefaultMaxLine, ErrInvalid)
	}
	cp, err := ParseCheckpoint(noteText(signed))
	if err != nil {
		return nil, err
	}
	if root, err := t.Root(cp.Size); err != nil || root != cp.Root {
		return nil, fmt.Errorf("journal: the tree does not hold the checkpoint of %d entries with root %v: %w", cp.Size, cp.Root, ErrInvalid)
	}
	p, err := t.InclusionProof(e.Seq, cp.Size)
	if err != nil {
		return nil, err
	}
	r := &Receipt{Entry: e, Proof: p, Checkpoint: bytes.Clone(signed)}
	if err := VerifyInclusion(e, p, cp); err != nil {
		return nil, fmt.Errorf("journal: entry %d is not the tree's: %w: %w", e.Seq, ErrInvalid, err)
	}
	return r, nil
}

// noteText returns the text of a signed note: up to its blank line.
func noteText(msg []byte) []byte {
	if i := bytes.Index(msg, []byte("\n\n")); i >= 0 {
		return msg[:i+1]
	}
	return msg
}

// Verify checks the receipt offline with the journal's verifier key (read
// with [NewVerifier]): the checkpoint's signature ([OpenCheckpoint]) and
// the entry's inclusion in it ([VerifyInclusion]). It returns the entry
// and the checkpoint, or the first of their errors.
func (r *Receipt) Verify(v note.Verifier) (Entry, Checkpoint, error) {
	mustNotNil(r, "Verify", "Receipt")
	if v == nil {
		panic("journal: Receipt.Verify: nil note.Verifier")
	}
	cp, err := OpenCheckpoint(r.Checkpoint, v)
	if err != nil {
		return Entry{}, Checkpoint{}, err
	}
	if err := VerifyInclusion(r.Entry, r.Proof, cp); err != nil {
		return Entry{}, Checkpoint{}, err
	}
	return r.Entry, cp, nil
}

type receiptJSON struct {
	Entry      string `json:"entry"`
	Proof      Proof  `json:"proof"`
	Checkpoint string `json:"checkpoint"`
}

// receiptRead is a receipt's JSON form as it is read: its proof's hashes
// as pointers, so that null is nil, and the strict decoder names the
// path to a hash at fault.
type receiptRead struct {
	Entry      string  `json:"entry"`
	Proof      []*Hash `json:"proof"`
	Checkpoint string  `json:"checkpoint"`
}

// maxReceipt bounds a receipt's JSON form: the longest line, a proof and
// a checkpoint, escaped.
const maxReceipt = 8*DefaultMaxLine + 2*maxNote

// MarshalJSON writes the receipt's JSON form; a nil Proof is the empty
// list.
func (r Receipt) MarshalJSON() ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	proof := r.Proof
	if proof == nil {
		proof = Proof{}
	}
	err := enc.Encode(receiptJSON{Entry: string(r.Entry.Line()), Proof: proof, Checkpoint: string(r.Checkpoint)})
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n")), err
}

// UnmarshalJSON reads the receipt's JSON form strictly (an object of at
// most 8,519,680 bytes, no other member, and a proof that is a list, empty
// or not: neither null nor left out, of hashes none null, as
// [Proof.UnmarshalJSON] reads it), and the entry's line, of at most
// [DefaultMaxLine] bytes, as [ParseLine] does: an error wraps [ErrInvalid]
// (or [ErrTampered] for an entry whose hash does not match). It does not
// verify the receipt: [Receipt.Verify] does.
func (r *Receipt) UnmarshalJSON(b []byte) error {
	if len(b) > maxReceipt {
		return fmt.Errorf("journal: a receipt of %d bytes, over %d: %w", len(b), maxReceipt, ErrInvalid)
	}
	var w receiptRead
	if err := jsonx.Decode(b, &w); err != nil {
		return fmt.Errorf("journal: receipt: %w: %w", ErrInvalid, err)
	}
	if w.Proof == nil {
		return fmt.Errorf("journal: receipt: no list of hashes as its proof: %w", ErrInvalid)
	}
	if len(w.Proof) > maxProof {
		return fmt.Errorf("journal: receipt: a proof of %d hashes, over %d: %w", len(w.Proof), maxProof, ErrInvalid)
	}
	if len(w.Entry) > DefaultMaxLine {
		return fmt.Errorf("journal: receipt: a line of %d bytes, longer than a receipt holds (%d, DefaultMaxLine): %w", len(w.Entry), DefaultMaxLine, ErrInvalid)
	}
	proof, err := proofOfRead(w.Proof)
	if err != nil {
		return fmt.Errorf("journal: receipt: %w", err)
	}
	e, err := ParseLine([]byte(w.Entry))
	if err != nil {
		return fmt.Errorf("journal: receipt: %w", err)
	}
	*r = Receipt{Entry: e, Proof: proof, Checkpoint: []byte(w.Checkpoint)}
	return nil
}
