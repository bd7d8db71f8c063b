package journal_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"

	"github.com/qingdan/qingdan/internal/hardening"
	"github.com/qingdan/qingdan/internal/hardening/samples"
	"github.com/qingdan/qingdan/journal"
	"github.com/qingdan/qingdan/matters"
	"golang.org/x/mod/sumdb/note"
)

// treeRows are the rows of the tree, checkpoints, proofs, receipts and
// files.
func treeRows() []hardening.Row {
	j := hostileJournals()[3] // two sound entries
	tree := journal.NewTree()
	if _, err := journal.Verify(bytes.NewReader(j), &journal.Options{Tree: tree}); err != nil {
		panic(err) // the fixture is sound
	}
	sizes := []int64{0, -1, 1, 2, 3, math.MaxInt64, math.MinInt64}
	cps := []journal.Checkpoint{{}, tree.Checkpoint("o"), {Origin: hardening.Huge, Size: -1}, {Origin: hardening.BadUTF8, Size: math.MaxInt64}}
	entries := []journal.Entry{{}, {Seq: 1, Kind: journal.KindEvent, Payload: []byte("{}")}, {Seq: math.MaxInt64, Kind: 99}}
	if e, err := journal.ParseLine(lines(j)[0][:len(lines(j)[0])-1]); err == nil {
		entries = append(entries, e)
	}
	proofs := []journal.Proof{nil, {}, make(journal.Proof, 200), {{1}}}
	skey, vkey, _ := note.GenerateKey(bytes.NewReader(make([]byte, 32)), "o")
	signer, _ := note.NewSigner(skey)
	verifier, _ := note.NewVerifier(vkey)
	signed, _ := tree.Checkpoint("o").Sign(signer)
	notes := [][]byte{nil, []byte("o\n2\n\n"), signed, []byte(hardening.Huge), bytes.Repeat([]byte("\n"), 1000)}
	for _, s := range hardening.Strings {
		notes = append(notes, []byte(s))
	}
	return []hardening.Row{
		{Name: "journal.NewTree", Run: func(c *hardening.Caller) { c.Call("NewTree()", func() { _ = journal.NewTree().Checkpoint("") }) }},
		{Name: "journal.Tree.Head", Run: func(c *hardening.Caller) {
			c.Call("tree.Head()", func() { _ = tree.Head() })
		}},
		{Name: "journal.Tree.Size", Run: func(c *hardening.Caller) { c.Call("tree.Size()", func() { _ = tree.Size() }) }},
		{Name: "journal.Tree.Root", Run: func(c *hardening.Caller) {
			for _, n := range sizes {
				c.Call(fmt.Sprintf("Root(%d)", n), func() { _, _ = tree.Root(n) })
			}
		}},
		{Name: "journal.Tree.ReadHashes", Run: func(c *hardening.Caller) {
			for _, xs := range [][]int64{nil, {0}, {-1}, {1 << 40}, {math.MinInt64, math.MaxInt64}} {
				c.Call(fmt.Sprintf("ReadHashes(%v)", xs), func() { _, _ = tree.ReadHashes(xs) })
			}
		}},
		{Name: "journal.Tree.Checkpoint", Run: func(c *hardening.Caller) {
			for _, s := range hardening.Strings {
				c.Call(fmt.Sprintf("Checkpoint(%q)", hardening.Clip(s)), func() { _ = tree.Checkpoint(s) })
			}
		}},
		{Name: "journal.Tree.InclusionProof", Run: func(c *hardening.Caller) {
			eachPair(c, "InclusionProof(sizes[%d], sizes[%d])", sizes, sizes, func(a, b int64) { _, _ = tree.InclusionProof(a, b) })
		}},
		{Name: "journal.Tree.ConsistencyProof", Run: func(c *hardening.Caller) {
			eachPair(c, "ConsistencyProof(sizes[%d], sizes[%d])", sizes, sizes, func(a, b int64) { _, _ = tree.ConsistencyProof(a, b) })
		}},
		{Name: "journal.Tree.FirstDifference", Run: func(c *hardening.Caller) {
			for _, n := range sizes {
				c.Call(fmt.Sprintf("FirstDifference(tree, %d)", n), func() { _, _ = tree.FirstDifference(journal.NewTree(), n) })
			}
		}},
		{Name: "journal.Tree.Receipt", Run: func(c *hardening.Caller) {
			eachPair(c, "Receipt(entry %d, note %d)", entries, notes, func(e journal.Entry, n []byte) { _, _ = tree.Receipt(e, n) })
		}},
		{Name: "journal.VerifyInclusion", Run: func(c *hardening.Caller) {
			for i, e := range entries {
				for k, p := range proofs {
					for l, cp := range cps {
						c.Call(fmt.Sprintf("VerifyInclusion(entry %d, proof %d, checkpoint %d)", i, k, l), func() { _ = journal.VerifyInclusion(e, p, cp) })
					}
				}
			}
		}},
		{Name: "journal.VerifyConsistency", Run: func(c *hardening.Caller) {
			for k, p := range proofs {
				for a, x := range cps {
					for b, y := range cps {
						c.Call(fmt.Sprintf("VerifyConsistency(proof %d, %d, %d)", k, a, b), func() { _ = journal.VerifyConsistency(p, x, y) })
					}
				}
			}
		}},
		{Name: "journal.Checkpoint.String", Run: func(c *hardening.Caller) {
			for i, cp := range cps {
				c.Call(fmt.Sprintf("checkpoint %d.String()", i), func() { _ = cp.String() })
			}
		}},
		{Name: "journal.Checkpoint.Sign", Run: func(c *hardening.Caller) {
			for i, cp := range cps {
				c.Call(fmt.Sprintf("checkpoint %d.Sign", i), func() { _, _ = cp.Sign(signer) })
			}
		}},
		{Name: "journal.ParseCheckpoint", Run: func(c *hardening.Caller) {
			for i, n := range notes {
				c.Call(fmt.Sprintf("ParseCheckpoint(note %d)", i), func() { _, _ = journal.ParseCheckpoint(n) })
			}
		}},
		{Name: "journal.Head.UnmarshalJSON", Run: func(c *hardening.Caller) {
			for _, in := range hardening.JSONInputs {
				c.Call(fmt.Sprintf("UnmarshalJSON(%q)", hardening.Clip(string(in))), func() { var h journal.Head; _ = h.UnmarshalJSON(in) })
			}
		}},
		{Name: "journal.Checkpoint.UnmarshalJSON", Run: func(c *hardening.Caller) {
			for _, in := range hardening.JSONInputs {
				c.Call(fmt.Sprintf("UnmarshalJSON(%q)", hardening.Clip(string(in))), func() { var cp journal.Checkpoint; _ = cp.UnmarshalJSON(in) })
			}
		}},
		{Name: "journal.OpenCheckpoint", Run: func(c *hardening.Caller) {
			for i, n := range notes {
				c.Call(fmt.Sprintf("OpenCheckpoint(note %d)", i), func() { _, _ = journal.OpenCheckpoint(n, verifier) })
			}
		}},
		{Name: "journal.Receipt.Verify", Run: func(c *hardening.Caller) {
			eachPair(c, "Receipt{entry %d, note %d}.Verify", entries, notes, func(e journal.Entry, n []byte) {
				_, _, _ = (&journal.Receipt{Entry: e, Proof: proofs[3], Checkpoint: n}).Verify(verifier)
			})
		}},
		{Name: "journal.Receipt.MarshalJSON", Run: func(c *hardening.Caller) {
			for i, e := range entries {
				c.Call(fmt.Sprintf("Receipt{entry %d}.MarshalJSON", i), func() { _, _ = json.Marshal(journal.Receipt{Entry: e, Checkpoint: notes[3]}) })
			}
		}},
		{Name: "journal.Receipt.UnmarshalJSON", Run: func(c *hardening.Caller) {
			for _, in := range hardening.JSONInputs {
				c.Call(fmt.Sprintf("UnmarshalJSON(%q)", hardening.Clip(string(in))), func() { var r journal.Receipt; _ = r.UnmarshalJSON(in) })
			}
		}},
		{Name: "journal.Proof.UnmarshalJSON", Run: func(c *hardening.Caller) {
			inputs := append(slices.Clone(hardening.JSONInputs), []byte(`[null]`), []byte(`[[]]`), []byte(`[{}]`))
			for _, in := range inputs {
				c.Call(fmt.Sprintf("UnmarshalJSON(%q)", hardening.Clip(string(in))), func() { var p journal.Proof; _ = p.UnmarshalJSON(in) })
			}
		}},
		{Name: "journal.Entry.Line", Run: func(c *hardening.Caller) {
			for i, e := range entries {
				c.Call(fmt.Sprintf("entry %d.Line()", i), func() { _ = e.Line() })
			}
		}},
		{Name: "journal.Entry.UnmarshalJSON", Run: func(c *hardening.Caller) {
			inputs := slices.Clone(hardening.JSONInputs)
			for _, e := range entries {
				if b, err := json.Marshal(e); err == nil {
					inputs = append(inputs, b)
				}
			}
			for _, in := range inputs {
				c.Call(fmt.Sprintf("UnmarshalJSON(%q)", hardening.Clip(string(in))), func() { var e journal.Entry; _ = e.UnmarshalJSON(in) })
			}
		}},
		{Name: "journal.Entry.Records", Run: func(c *hardening.Caller) {
			values := []any{nil, 1, matters.Event{}, matters.Event{Matter: hardening.BadUTF8}, samples.Evaluations()[0]}
			eachPair(c, "entry %d.Records(value %d)", entries, values, func(e journal.Entry, v any) { _ = e.Records(v) })
		}},
		{Name: "journal.RebuildAt", Run: func(c *hardening.Caller) {
			eachPair(c, "RebuildAt(journal %d, checkpoint %d)", hostileJournals(), cps, func(j []byte, cp journal.Checkpoint) {
				if s, _ := journal.RebuildAt(bytes.NewReader(j), cp, nil); s == nil {
					c.Fail("RebuildAt", "nil result")
				}
			})
		}},
		{Name: "journal.OpenFile", Run: func(c *hardening.Caller) {
			dir, err := os.MkdirTemp("", "hardening")
			if err != nil {
				c.Fail("MkdirTemp", "%v", err)
				return
			}
			defer os.RemoveAll(dir)
			for i, j := range hostileJournals() {
				name := filepath.Join(dir, fmt.Sprint(i))
				_ = os.WriteFile(name, j, 0o644)
				c.Call(fmt.Sprintf("OpenFile(journal %d)", i), func() {
					if f, err := journal.OpenFile(name, nil, cps[1]); err == nil {
						f.Close()
					}
				})
			}
			for _, name := range []string{"", dir, filepath.Join(dir, "no", "such"), filepath.Join(dir, hardening.BadUTF8)} {
				c.Call(fmt.Sprintf("OpenFile(%q)", name), func() {
					if f, err := journal.OpenFile(name, nil); err == nil {
						f.Close()
					}
				})
			}
		}},
		{Name: "journal.File.Writer", Run: func(c *hardening.Caller) {
			fileCall(c, func(f *journal.File) { _, _ = f.Writer().AppendEvent(matters.Event{}) })
		}},
		{Name: "journal.File.Tree", Run: func(c *hardening.Caller) { fileCall(c, func(f *journal.File) { _ = f.Tree().Size() }) }},
		{Name: "journal.File.Last", Run: func(c *hardening.Caller) { fileCall(c, func(f *journal.File) { _, _ = f.Last() }) }},
		{Name: "journal.File.Name", Run: func(c *hardening.Caller) { fileCall(c, func(f *journal.File) { _ = f.Name() }) }},
		{Name: "journal.File.Close", Run: func(c *hardening.Caller) {
			fileCall(c, func(f *journal.File) { _ = f.Close(); _ = f.Close() })
		}},
	}
}

// eachPair calls f on every pair of one of xs and one of ys, naming the
// call by format with the indices of the pair.
func eachPair[X, Y any](c *hardening.Caller, format string, xs []X, ys []Y, f func(X, Y)) {
	for i, x := range xs {
		for k, y := range ys {
			c.Call(fmt.Sprintf(format, i, k), func() { f(x, y) })
		}
	}
}

// fileCall opens a new journal file and calls f on it.
func fileCall(c *hardening.Caller, call func(*journal.File)) {
	dir, err := os.MkdirTemp("", "hardening")
	if err != nil {
		c.Fail("MkdirTemp", "%v", err)
		return
	}
	defer os.RemoveAll(dir)
	f, err := journal.OpenFile(filepath.Join(dir, "j.jsonl"), nil)
	if err != nil {
		c.Fail("OpenFile", "%v", err)
		return
	}
	defer f.Close()
	c.Call("File method", func() { call(f) })
}
