package journal_test

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/qingdan/qingdan/journal"
	"golang.org/x/mod/sumdb/note"
)

// keyTasks are the corpus's base journal, a checkpoint and a receipt,
// each signed by keys in the forms the Go verifier reads that the
// corpus's key does not show: a public key whose base64 holds a plus
// sign (half of all keys), its hash in upper-case digits, and names of
// odd characters, control characters among them, which no checkpoint's
// origin holds. Written for the run only, with the Go verdicts.
func keyTasks(t *testing.T, dir string) []task {
	t.Helper()
	base := corpusBase(t)
	n := int64(len(lines(base)))
	var tasks []task
	add := func(name string, s note.Signer, vkey string) {
		v, err := note.NewVerifier(vkey)
		if err != nil {
			t.Fatal(err)
		}
		// Signed with note.Sign, not Checkpoint.Sign, which refuses an
		// origin that is not one.
		tree, _ := treeOf(t, base)
		msg, err := note.Sign(&note.Note{Text: tree.Checkpoint(s.Name()).String()}, s)
		if err != nil {
			t.Fatal(err)
		}
		l := lines(base)[6]
		e, err := journal.ParseLine(l[:len(l)-1])
		if err != nil {
			t.Fatal(err)
		}
		p, err := tree.InclusionProof(e.Seq, n)
		if err != nil {
			t.Fatal(err)
		}
		rc, err := journal.Receipt{Entry: e, Proof: p, Checkpoint: msg}.MarshalJSON()
		if err != nil {
			t.Fatal(err)
		}
		c := corpusCase{name: name, journal: base, checkpoints: [][]byte{msg}, receipts: [][]byte{rc}}
		tasks = append(tasks, writeCase(t, dir, c, vkey, v)...)
	}
	for seed := byte(10); ; seed++ {
		s, _, vkey := keyFrom(t, corpusOrigin, seed)
		if key := vkey[strings.LastIndexByte(vkey[:len(vkey)-44], '+')+1:]; strings.Contains(key, "+") {
			add(fmt.Sprintf("key-with-plus-%d", seed), s, vkey)
			break
		}
	}
	s, _, vkey := corpusKey(t)
	i := len(corpusOrigin) + 1
	add("key-hash-upper-case", s, vkey[:i]+strings.ToUpper(vkey[i:i+8])+vkey[i+8:])
	for i, name := range []string{"芜湖/留痕", "wuhu(journal)", "wuhu\x7fjournal", "wuhu\u0080journal", "wuhu\u009fjournal"} {
		s, _, vkey := keyFrom(t, name, 1)
		add(fmt.Sprintf("key-name-%d", i+1), s, vkey) // the name in a file's name: by its number
	}
	// A witness's name with a control character that is not ASCII's:
	// note.Open takes it, unchecked.
	s, v, vkey := corpusKey(t)
	w, _, _ := keyFrom(t, "witness\x7f", 3)
	text, _, _ := bytes.Cut(checkpointOf(t, base, n, s), []byte("\n\n"))
	cosigned, err := note.Sign(&note.Note{Text: string(text) + "\n"}, w, s)
	if err != nil {
		t.Fatal(err)
	}
	return append(tasks, writeCase(t, dir, corpusCase{name: "cosigned-by-odd-name", journal: base, checkpoints: [][]byte{cosigned}}, vkey, v)...)
}
