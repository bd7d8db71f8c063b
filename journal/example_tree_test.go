package journal_test

import (
	"bytes"
	"crypto/rand"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/qingdan/qingdan/journal"
	"golang.org/x/mod/sumdb/note"
)

// The monthly review: the host signs a checkpoint of its journal and
// publishes it; an auditor later checks the journal against it.
func ExampleCheckpoint() {
	// Once: a key named after the journal. The signer key stays with the
	// host (or better, with whoever signs for it); the verifier key is
	// published.
	skey, vkey, err := note.GenerateKey(rand.Reader, "jj01.wuhu.example/journal")
	if err != nil {
		fmt.Println(err)
		return
	}
	signer, _ := note.NewSigner(skey)
	verifier, _ := journal.NewVerifier(vkey) // what an outsider reads the published key with

	tree := journal.NewTree()
	log := logOf(whistle(), tree)
	signed, err := tree.Checkpoint(signer.Name()).Sign(signer)
	if err != nil {
		fmt.Println(err)
		return
	}

	// The auditor, with the published verifier key and checkpoint.
	cp, err := journal.OpenCheckpoint(signed, verifier)
	if err != nil {
		fmt.Println(err)
		return
	}
	_, err = journal.Verify(bytes.NewReader(log), nil, cp)
	fmt.Println("holds the checkpoint:", err == nil)
	// The last entry removed: a sound chain, but not the checkpoint's.
	ls := bytes.SplitAfter(log, []byte("\n"))
	_, err = journal.Verify(bytes.NewReader(bytes.Join(ls[:3], nil)), nil, cp)
	fmt.Println("cut short:", errors.Is(err, journal.ErrHeadMismatch))
	// Output:
	// holds the checkpoint: true
	// cut short: true
}

// A receipt for one entry, checked by its holder with nothing but the
// journal's verifier key.
func ExampleReceipt() {
	skey, vkey, _ := note.GenerateKey(rand.Reader, "jj01.wuhu.example/journal")
	signer, _ := note.NewSigner(skey)

	tree := journal.NewTree()
	log := logOf(whistle(), tree)
	signed, _ := tree.Checkpoint(signer.Name()).Sign(signer)

	// The host finds the entry and makes its receipt.
	r := journal.NewReader(bytes.NewReader(log), nil)
	var dispatch journal.Entry
	for e, err := range r.All() {
		if err != nil {
			fmt.Println(err)
			return
		}
		if e.Seq == 3 {
			dispatch = e
		}
	}
	rc, err := tree.Receipt(dispatch, signed)
	if err != nil {
		fmt.Println(err)
		return
	}
	b, _ := json.Marshal(rc)

	// 城管局, offline, with the receipt and the published verifier key.
	var got journal.Receipt
	if err := json.Unmarshal(b, &got); err != nil {
		fmt.Println(err)
		return
	}
	verifier, _ := journal.NewVerifier(vkey) // what an outsider reads the published key with
	e, cp, err := got.Verify(verifier)
	if err != nil {
		fmt.Println(err)
		return
	}
	ev, _ := e.Event()
	fmt.Printf("entry %d of %d: %s %v\n", e.Seq, cp.Size, ev.Kind, ev.Units)
	// Output:
	// entry 3 of 4: dispatch [城管局 市场监管局]
}

// This month's checkpoint extends last month's: proved with a few hashes,
// without either journal.
func ExampleVerifyConsistency() {
	tree := journal.NewTree()
	w := journal.NewWriter(new(bytes.Buffer), &journal.Options{Tree: tree})
	events := whistle()
	for _, e := range events[:2] {
		_, _ = w.AppendEvent(e)
	}
	may := tree.Checkpoint("jj01.wuhu.example/journal")
	for _, e := range events[2:] {
		_, _ = w.AppendEvent(e)
	}
	june := tree.Checkpoint("jj01.wuhu.example/journal")
	proof, err := tree.ConsistencyProof(may.Size, june.Size)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("hashes:", len(proof), "extends:", journal.VerifyConsistency(proof, may, june) == nil)
	// Output:
	// hashes: 1 extends: true
}
