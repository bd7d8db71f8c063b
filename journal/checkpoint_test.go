package journal_test

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/qingdan/qingdan/internal/hardening"
	"github.com/qingdan/qingdan/journal"
	"github.com/qingdan/qingdan/matters"
	"golang.org/x/mod/sumdb/note"
)

func TestCheckpointText(t *testing.T) {
	root := journal.Hash{1, 2, 3}
	cp := journal.Checkpoint{Origin: "wuhu.example/journal", Size: 6728, Root: root}
	want := "wuhu.example/journal\n6728\n" + base64.StdEncoding.EncodeToString(root[:]) + "\n"
	if cp.String() != want {
		t.Errorf("String() = %q; want %q", cp.String(), want)
	}
	back, err := journal.ParseCheckpoint([]byte(want))
	if err != nil || back != cp {
		t.Errorf("ParseCheckpoint = %v, %v; want %v", back, err, cp)
	}
	b64 := base64.StdEncoding.EncodeToString(root[:])
	for _, bad := range []string{
		"", "\n", "o\n1\n", "o\n1\n" + b64, "o\n1\n" + b64 + "\nextension\n", "o\n01\n" + b64 + "\n", "o\n-1\n" + b64 + "\n",
		"o\n1000000000000000000\n" + b64 + "\n", "o\n1\n" + strings.TrimRight(b64, "=") + "\n", "o\n1\n" + b64[:len(b64)-2] + "\n",
		"o\n1\n" + base64.StdEncoding.EncodeToString(make([]byte, 31)) + "\n", "o o\n1\n" + b64 + "\n", "o+k\n1\n" + b64 + "\n",
		"\n1\n" + b64 + "\n", "o\r\n1\n" + b64 + "\n", "\xff\n1\n" + b64 + "\n", "o\n 1\n" + b64 + "\n",
	} {
		if c, err := journal.ParseCheckpoint([]byte(bad)); !errors.Is(err, journal.ErrInvalid) {
			t.Errorf("ParseCheckpoint(%q) = %v, %v; want ErrInvalid", bad, c, err)
		}
	}
}

func TestCheckpointSignature(t *testing.T) {
	s, v, _ := corpusKey(t)
	_, otherV, _ := keyFrom(t, corpusOrigin, 2)
	witness, witnessV, _ := keyFrom(t, "witness.example", 3)
	tree, _ := treeOf(t, eventJournal(t, 5))
	cp := tree.Checkpoint(corpusOrigin)
	msg, err := cp.Sign(s)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(msg, []byte(cp.String()+"\n\u2014 "+corpusOrigin+" ")) {
		t.Errorf("signed checkpoint %q is not the text, a blank line and the signature", msg)
	}
	got, err := journal.OpenCheckpoint(msg, v)
	if err != nil || got != cp {
		t.Fatalf("OpenCheckpoint = %v, %v; want %v", got, err, cp)
	}
	// Cosigned by a witness, it opens with either key.
	n, err := note.Open(msg, note.VerifierList(v))
	if err != nil {
		t.Fatal(err)
	}
	cosigned, err := note.Sign(n, s, witness)
	if err != nil {
		t.Fatal(err)
	}
	if got, err := journal.OpenCheckpoint(cosigned, v); err != nil || got != cp {
		t.Errorf("OpenCheckpoint(cosigned) = %v, %v", got, err)
	}
	if _, err := journal.OpenCheckpoint(cosigned, witnessV); !errors.Is(err, journal.ErrProof) {
		t.Errorf("OpenCheckpoint with the witness's key, not the origin's = %v; want ErrProof", err)
	}
	tests := []struct {
		name string
		msg  []byte
		v    note.Verifier
		want error
	}{
		{"another key of the same name", msg, otherV, journal.ErrProof},
		{"a changed size", bytes.Replace(msg, []byte("\n5\n"), []byte("\n4\n"), 1), v, journal.ErrProof},
		{"no signature", []byte(cp.String()), v, journal.ErrInvalid},
		{"not a note", []byte("hello"), v, journal.ErrInvalid},
		{"too long", bytes.Repeat([]byte("x"), 70000), v, journal.ErrInvalid},
	}
	for _, tt := range tests {
		if _, err := journal.OpenCheckpoint(tt.msg, tt.v); !errors.Is(err, tt.want) {
			t.Errorf("%s: OpenCheckpoint = %v; want %v", tt.name, err, tt.want)
		}
	}
	if _, err := cp.Sign(witness); !errors.Is(err, journal.ErrInvalid) {
		t.Errorf("Sign with a key of another name = %v; want ErrInvalid", err)
	}
}

func TestReceipt(t *testing.T) {
	s, v, _ := corpusKey(t)
	j := corpusBase(t)
	n := int64(len(lines(j)))
	b := receiptOf(t, j, 7, n, s)
	var rc journal.Receipt
	if err := json.Unmarshal(b, &rc); err != nil {
		t.Fatal(err)
	}
	e, cp, err := rc.Verify(v)
	if err != nil || e.Seq != 7 || cp.Size != n {
		t.Fatalf("Verify = %d, %v, %v; want entry 7 of %d", e.Seq, cp, err, n)
	}
	ev, err := e.Evaluation()
	if err != nil || ev.Subject != "城管局" {
		t.Errorf("the receipt's entry = %+v, %v; want the evaluation of 城管局", ev, err)
	}
	if again := hardening.JSONRoundTrip(t, rc); !bytes.Equal(again, b) {
		t.Errorf("receipt JSON round trip:\n%s\nwant\n%s", again, b)
	}
	for _, bad := range []string{`{}`, `[]`, `{"entry":"","proof":[],"checkpoint":""}`, strings.Replace(string(b), `"proof"`, `"extra":1,"proof"`, 1),
		strings.Replace(string(b), `城管局`, `住建局`, 1)} {
		var r journal.Receipt
		if err := json.Unmarshal([]byte(bad), &r); err == nil {
			t.Errorf("Unmarshal(%.80s…) succeeded", bad)
		}
	}
	// The proof is a list, even an empty one (entry 1 of a checkpoint of
	// 1): not null, not left out; a nil Proof is written as the empty list.
	one := receiptOf(t, j, 1, 1, s)
	if !bytes.Contains(one, []byte(`"proof":[],`)) {
		t.Fatalf("the receipt of entry 1 of 1 has a proof: %s", one)
	}
	for _, bad := range [][]byte{bytes.Replace(one, []byte(`"proof":[]`), []byte(`"proof":null`), 1), bytes.Replace(one, []byte(`"proof":[],`), nil, 1)} {
		var r journal.Receipt
		if err := json.Unmarshal(bad, &r); !errors.Is(err, journal.ErrInvalid) {
			t.Errorf("Unmarshal(%.60s…) = %v; want ErrInvalid", bad, err)
		}
	}
	var first journal.Receipt
	if err := json.Unmarshal(one, &first); err != nil {
		t.Fatal(err)
	}
	first.Proof = nil
	if again, err := json.Marshal(first); err != nil || !bytes.Equal(again, one) {
		t.Errorf("a receipt with a nil proof is written %s, %v; want %s", again, err, one)
	}
	// A receipt with a changed proof, or another entry, proves nothing.
	wrong := rc
	wrong.Proof = append(journal.Proof(nil), rc.Proof...)
	wrong.Proof[0][0] ^= 1
	if _, _, err := wrong.Verify(v); !errors.Is(err, journal.ErrProof) {
		t.Errorf("Verify with a changed proof = %v; want ErrProof", err)
	}
	l := lines(j)[7]
	if wrong.Entry, err = journal.ParseLine(l[:len(l)-1]); err != nil {
		t.Fatal(err)
	}
	wrong.Proof = rc.Proof
	if _, _, err := wrong.Verify(v); !errors.Is(err, journal.ErrProof) {
		t.Errorf("Verify of entry 8 with entry 7's proof = %v; want ErrProof", err)
	}
	tree, _ := treeOf(t, j)
	if _, err := tree.Receipt(e, []byte("not a checkpoint")); !errors.Is(err, journal.ErrInvalid) {
		t.Errorf("Receipt with no checkpoint = %v; want ErrInvalid", err)
	}
	if _, err := tree.Receipt(e, checkpointOf(t, eventJournal(t, 3), 3, s)); !errors.Is(err, journal.ErrInvalid) {
		t.Errorf("Receipt with another journal's checkpoint = %v; want ErrInvalid", err)
	}
}

// TestReceiptOfALongLine: a journal written with a MaxLine over the
// default has receipts, which read back, for its lines up to
// DefaultMaxLine, and none for a longer line.
func TestReceiptOfALongLine(t *testing.T) {
	s, _, _ := corpusKey(t)
	tree := journal.NewTree()
	var buf bytes.Buffer
	w := journal.NewWriter(&buf, &journal.Options{MaxLine: 4 << 20, Tree: tree})
	at := time.Date(2020, 6, 1, 9, 0, 0, 0, time.UTC)
	for i, note := range []string{"短", strings.Repeat("长", journal.DefaultMaxLine/3+1)} {
		if _, err := w.AppendEvent(matters.Event{Matter: "WH-1", Seq: i + 1, At: at, Kind: matters.Progress, Note: note}); err != nil {
			t.Fatal(err)
		}
	}
	var entries []journal.Entry
	for _, l := range lines(buf.Bytes()) {
		e, err := journal.ParseLine(l[:len(l)-1])
		if err != nil {
			t.Fatal(err)
		}
		entries = append(entries, e)
	}
	signed, err := tree.Checkpoint(s.Name()).Sign(s)
	if err != nil {
		t.Fatal(err)
	}
	rc, err := tree.Receipt(entries[0], signed)
	if err != nil {
		t.Fatalf("Receipt of a short line = %v", err)
	}
	b, err := json.Marshal(rc)
	var back journal.Receipt
	if err != nil || json.Unmarshal(b, &back) != nil {
		t.Errorf("the receipt of a short line does not read back: %v", err)
	}
	if _, err := tree.Receipt(entries[1], signed); !errors.Is(err, journal.ErrInvalid) || !strings.Contains(err.Error(), "longer than a receipt holds") {
		t.Errorf("Receipt of a line over DefaultMaxLine = %v; want ErrInvalid", err)
	}
	// Nor does a receipt made by hand of the longer line read back.
	p, err := tree.InclusionProof(2, 2)
	if err != nil {
		t.Fatal(err)
	}
	if b, err = json.Marshal(journal.Receipt{Entry: entries[1], Proof: p, Checkpoint: signed}); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &back); !errors.Is(err, journal.ErrInvalid) || !strings.Contains(err.Error(), "longer than a receipt holds") {
		t.Errorf("Unmarshal of a receipt of a line over DefaultMaxLine = %v; want ErrInvalid", err)
	}
}

// TestProofJSONRefusesNull: a proof's JSON form is a list of hashes, and
// null is none: encoding/json reads null into a Hash as nothing, the zero
// hash, so ["…", null] read as a proof of two hashes, and a receipt whose
// proof held a null read back (to fail Verify as a proof that does not
// prove, where verify.py refuses it as no receipt). A null hash is now
// refused when read, naming its place, and the null list is still nil,
// for the receipt to refuse.
func TestProofJSONRefusesNull(t *testing.T) {
	h := strings.Repeat("ab", 32)
	for _, c := range []struct {
		in      string
		want    journal.Proof
		wantErr string // "" for none
	}{
		{in: `[]`, want: journal.Proof{}},
		{in: `["` + h + `"]`, want: journal.Proof{{0xab, 0xab, 0xab, 0xab, 0xab, 0xab, 0xab, 0xab, 0xab, 0xab, 0xab, 0xab, 0xab, 0xab, 0xab, 0xab,
			0xab, 0xab, 0xab, 0xab, 0xab, 0xab, 0xab, 0xab, 0xab, 0xab, 0xab, 0xab, 0xab, 0xab, 0xab, 0xab}}},
		{in: `null`},
		{in: `[null]`, wantErr: "hash 1 of the proof is null"},
		{in: `["` + h + `", null]`, wantErr: "hash 2 of the proof is null"},
		{in: `[1]`, wantErr: "proof"},
		{in: `["` + h[:63] + `"]`, wantErr: "not 64 hexadecimal digits"},
	} {
		var p journal.Proof
		err := json.Unmarshal([]byte(c.in), &p)
		if c.wantErr == "" {
			if err != nil {
				t.Errorf("Unmarshal(%s) = %v", c.in, err)
			} else if diff := cmp.Diff(c.want, p); diff != "" {
				t.Errorf("Unmarshal(%s) mismatch (-want +got):\n%s", c.in, diff)
			}
			continue
		}
		if !errors.Is(err, journal.ErrInvalid) || !strings.Contains(err.Error(), c.wantErr) {
			t.Errorf("Unmarshal(%s) = %v, %v; want ErrInvalid saying %q", c.in, p, err, c.wantErr)
		}
	}
	s, _, _ := corpusKey(t)
	j := corpusBase(t)
	b := receiptOf(t, j, 7, int64(len(lines(j))), s)
	bad := bytes.Replace(b, []byte(`"proof":[`), []byte(`"proof":[null,`), 1)
	var rc journal.Receipt
	if err := json.Unmarshal(bad, &rc); !errors.Is(err, journal.ErrInvalid) || !strings.Contains(err.Error(), "hash 1 of the proof is null") {
		t.Errorf("Unmarshal of a receipt whose proof holds null = %v (a proof of %d hashes); want ErrInvalid", err, len(rc.Proof))
	}
}
