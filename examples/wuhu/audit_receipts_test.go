package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"math/bits"
	"testing"

	"github.com/qingdan/qingdan/journal"
	"golang.org/x/mod/sumdb/note"
)

// TestAuditReceipts hands 城管局 (cgj) a receipt for each of its
// evaluations in the year, each checked offline with the published
// verifier key alone; receipts of a forked journal fail.
func TestAuditReceipts(t *testing.T) {
	t.Parallel()
	au := audit(t)
	year, signed := au.year(), au.signed[11]
	var receipts [][]byte
	r := journal.NewReader(bytes.NewReader(au.log), nil)
	for e, err := range r.All() {
		if err != nil {
			t.Fatal(err)
		}
		if e.Kind != journal.KindEvaluation {
			continue
		}
		if ev, err := e.Evaluation(); err != nil || ev.Subject != "cgj" {
			continue
		}
		rc, err := au.tree.Receipt(e, signed)
		if err != nil {
			t.Fatal(err)
		}
		b, err := json.Marshal(rc)
		if err != nil {
			t.Fatal(err)
		}
		receipts = append(receipts, b)
	}
	// The department: the receipts and the verifier key, nothing else.
	v, err := note.NewVerifier(au.vkey)
	if err != nil {
		t.Fatal(err)
	}
	size, maxProof := 0, 0
	for _, b := range receipts {
		var rc journal.Receipt
		if err := json.Unmarshal(b, &rc); err != nil {
			t.Fatal(err)
		}
		e, cp, err := rc.Verify(v)
		if err != nil || cp != year {
			t.Fatalf("receipt of entry %d: %v, %v", e.Seq, cp, err)
		}
		if ev, err := e.Evaluation(); err != nil || ev.Subject != "cgj" {
			t.Fatalf("receipt of entry %d holds %+v, %v", e.Seq, ev, err)
		}
		size += len(b)
		maxProof = max(maxProof, len(rc.Proof))
	}
	if len(receipts) != 472 || maxProof > 1+bits.Len64(uint64(year.Size)) {
		t.Errorf("%d receipts, proofs of up to %d hashes; want 472, at most %d", len(receipts), maxProof, 1+bits.Len64(uint64(year.Size)))
	}
	t.Logf("472 receipts for cgj: %d bytes in all, proofs of at most %d hashes, the journal %d bytes", size, maxProof, len(au.log))

	// A fork: the same year with one evaluation of cgj downgraded.
	seq := au.firstEvaluationAfter(t, 3000)
	forked := au.rewrite(t, seq)
	ftree := journal.NewTree()
	if _, err := journal.Verify(bytes.NewReader(forked), &journal.Options{Tree: ftree}); err != nil {
		t.Fatal(err)
	}
	l := bytes.SplitAfter(forked, []byte("\n"))[seq-1]
	fe, err := journal.ParseLine(l[:len(l)-1])
	if err != nil {
		t.Fatal(err)
	}
	fp, err := ftree.InclusionProof(seq, ftree.Size())
	if err != nil {
		t.Fatal(err)
	}
	// With the published checkpoint, the forked entry's proof fails.
	if _, _, err := (&journal.Receipt{Entry: fe, Proof: fp, Checkpoint: signed}).Verify(v); !errors.Is(err, journal.ErrProof) {
		t.Errorf("a forked entry's receipt with the published checkpoint = %v; want ErrProof", err)
	}
	// Signed by a key of the same name that is not the journal's: fails.
	skey, _, _ := note.GenerateKey(bytes.NewReader(bytes.Repeat([]byte{8}, 32)), origin)
	other, _ := note.NewSigner(skey)
	fsigned, _ := ftree.Checkpoint(origin).Sign(other)
	if _, _, err := (&journal.Receipt{Entry: fe, Proof: fp, Checkpoint: fsigned}).Verify(v); !errors.Is(err, journal.ErrProof) {
		t.Errorf("a forked receipt signed by another key = %v; want ErrProof", err)
	}
	// Signed by the journal's own key — the key holder forked it — the
	// receipt holds by itself; its checkpoint is not the one published,
	// and no proof joins the published months to it.
	fsigned, _ = ftree.Checkpoint(origin).Sign(au.signer)
	_, fcp, err := (&journal.Receipt{Entry: fe, Proof: fp, Checkpoint: fsigned}).Verify(v)
	if err != nil {
		t.Fatal(err)
	}
	if fcp == year {
		t.Error("the fork's checkpoint is the published one")
	}
	if err := journal.VerifyConsistency(journal.Proof{}, year, fcp); !errors.Is(err, journal.ErrProof) {
		t.Errorf("the published year and the fork's checkpoint, same size = %v; want ErrProof: two roots for one size are a fork", err)
	}
}

// TestAuditMonthsExtend proves each month's journal extends the month
// before's, with a few hashes each.
func TestAuditMonthsExtend(t *testing.T) {
	t.Parallel()
	au := audit(t)
	for m := 1; m < 12; m++ {
		older, newer := au.months[m-1], au.months[m]
		p, err := au.tree.ConsistencyProof(older.Size, newer.Size)
		if err != nil {
			t.Fatal(err)
		}
		if err := journal.VerifyConsistency(p, older, newer); err != nil {
			t.Errorf("month %d extends month %d: %v", m+1, m, err)
		}
		if len(p) > 2*bits.Len64(uint64(newer.Size)) {
			t.Errorf("month %d: a proof of %d hashes", m+1, len(p))
		}
		opened, err := journal.OpenCheckpoint(au.signed[m], au.verifier)
		if err != nil || opened != newer {
			t.Errorf("month %d's signed checkpoint opens as %v, %v", m+1, opened, err)
		}
	}
}

// TestAuditEditedLastLine edits the year's last line so that it no longer
// parses: tampered, not torn, and the documented recovery refuses to
// truncate it.
func TestAuditEditedLastLine(t *testing.T) {
	t.Parallel()
	au := audit(t)
	n := len(au.lines)
	last := au.lines[n-1]
	edited := append(bytes.Join(au.lines[:n-1], nil), append(bytes.Clone(last[:len(last)/2]), '\n')...)
	if _, err := journal.Verify(bytes.NewReader(edited), nil); !errors.Is(err, journal.ErrTampered) {
		t.Errorf("Verify = %v; want ErrTampered", err)
	}
	if _, _, err := journal.Recover(bytes.NewReader(edited), nil); !errors.Is(err, journal.ErrTampered) {
		t.Errorf("Recover = %v; want ErrTampered, and nothing to truncate", err)
	}
}
