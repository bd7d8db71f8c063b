package journal_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"slices"

	"github.com/qingdan/qingdan/internal/hardening"
	"github.com/qingdan/qingdan/internal/hardening/samples"
	"github.com/qingdan/qingdan/journal"
	"github.com/qingdan/qingdan/matters"
	"github.com/qingdan/qingdan/scoring"
)

// databaseRows are the rows of what a host that keeps its journal in a
// database calls: Seal, Lines, Tree.Append and the state's Apply,
// Checkpoint, Snapshot and Resume.
func databaseRows() []hardening.Row {
	heads := []journal.Head{{}, {Seq: -1}, {Seq: 1<<62 + 1, Hash: journal.Hash{1}}, {Seq: 0, Hash: journal.Hash{2}}, {Seq: 1e18 - 1}}
	payloads := []any{nil, "text", matters.Event{}, matters.Event{Matter: hardening.BadUTF8, At: hardening.Times[1]},
		matters.Event{At: hardening.Times[2], Units: make([]string, 10000), Note: hardening.Huge}, scoring.Amendment{}, scoring.Amendment{Author: "a", Reason: "r"}}
	for _, e := range samples.Evaluations() {
		payloads = append(payloads, e)
	}
	rowsOf := func(j []byte) func(yield func([]byte, error) bool) {
		return func(yield func([]byte, error) bool) {
			for _, l := range bytes.SplitAfter(j, []byte("\n")) {
				if !yield(l, nil) { // with line feeds, and the empty last row
					return
				}
			}
		}
	}
	lineRows := func(j []byte) func(yield func([]byte, error) bool) {
		return func(yield func([]byte, error) bool) {
			for _, l := range bytes.Split(j, []byte("\n")) {
				if !yield(l, nil) {
					return
				}
			}
		}
	}
	snapshots := func() [][]byte {
		out := [][]byte{nil, {}, []byte("{}"), []byte(`{"sum":"` + hardening.Huge + `"}`), []byte(hardening.Huge), []byte(hardening.BadUTF8)}
		for _, j := range hostileJournals() {
			s, _ := journal.Rebuild(bytes.NewReader(j), nil)
			if b, err := s.Snapshot(); err == nil {
				out = append(out, b, b[:len(b)/2], bytes.Replace(b, []byte(`"tree":[`), []byte(`"tree":["`+journal.Hash{}.String()+`",`), 1))
			}
		}
		return out
	}
	return []hardening.Row{
		{Name: "journal.Seal", Run: func(c *hardening.Caller) {
			for i, h := range heads {
				for j, v := range payloads {
					c.Call(fmt.Sprintf("Seal(head %d, payload %d)", i, j), func() {
						line, next, err := journal.Seal(h, v, nil)
						if err != nil && (line != nil || next != h) {
							c.Fail("Seal", "a refusal returned a line or moved the head")
						}
					})
				}
			}
		}},
		{Name: "journal.Lines", Run: func(c *hardening.Caller) {
			for i, j := range hostileJournals() {
				for k, seq := range []func(func([]byte, error) bool){rowsOf(j), lineRows(j)} {
					c.Call(fmt.Sprintf("Verify(Lines(journal %d, rows %d))", i, k), func() {
						r := journal.Lines(seq)
						defer r.Close()
						_, _ = journal.Verify(r, nil)
						_, _ = io.Copy(io.Discard, r)
					})
				}
			}
		}},
		{Name: "journal.Tree.Append", Run: func(c *hardening.Caller) {
			for i, j := range hostileJournals() {
				c.Call(fmt.Sprintf("Tree.Append(lines of journal %d)", i), func() {
					tree := journal.NewTree()
					for _, l := range bytes.Split(j, []byte("\n")) {
						_, _ = tree.Append(l)
					}
				})
			}
		}},
		{Name: "journal.Rebuilt.Apply", Run: func(c *hardening.Caller) {
			for i, j := range hostileJournals() {
				c.Call(fmt.Sprintf("Rebuilt.Apply(lines of journal %d)", i), func() {
					s, _ := journal.Rebuild(bytes.NewReader(nil), nil)
					for _, st := range []*journal.Rebuilt{s, {}, {Head: journal.Head{Seq: -1}}} {
						for _, l := range bytes.Split(j, []byte("\n")) {
							before := st.Head
							if err := st.Apply(l); err != nil && st.Head != before {
								c.Fail("Apply", "a refused line moved the head")
							}
						}
					}
				})
			}
		}},
		{Name: "journal.Rebuilt.Check", Run: func(c *hardening.Caller) {
			for i, j := range hostileJournals() {
				c.Call(fmt.Sprintf("Rebuilt.Check(lines of journal %d)", i), func() {
					s, _ := journal.Rebuild(bytes.NewReader(nil), nil)
					ls := bytes.Split(j, []byte("\n"))
					for _, st := range []*journal.Rebuilt{s, {}} {
						_ = st.Check(ls...)
						_ = st.Check()
						_ = st.Check(nil)
					}
				})
			}
		}},
		{Name: "journal.Rebuilt.Checkpoint", Run: func(c *hardening.Caller) {
			for i, j := range hostileJournals() {
				c.Call(fmt.Sprintf("Rebuild(journal %d).Checkpoint", i), func() {
					s, _ := journal.Rebuild(bytes.NewReader(j), nil)
					_ = s.Checkpoint(hardening.BadUTF8)
				})
			}
		}},
		{Name: "journal.Rebuilt.Snapshot", Run: func(c *hardening.Caller) {
			for i, j := range hostileJournals() {
				c.Call(fmt.Sprintf("Rebuild(journal %d).Snapshot", i), func() {
					s, _ := journal.Rebuild(bytes.NewReader(j), nil)
					_, _ = s.Snapshot()
				})
			}
		}},
		{Name: "journal.Rebuilt.UnmarshalJSON", Run: func(c *hardening.Caller) {
			inputs := slices.Clone(hardening.JSONInputs)
			for _, j := range hostileJournals() {
				s, _ := journal.Rebuild(bytes.NewReader(j), nil)
				if b, err := json.Marshal(s); err == nil {
					inputs = append(inputs, b, b[:len(b)/2], bytes.Replace(b, []byte(`"head":{`), []byte(`"amendments":[{}],"head":{`), 1))
				}
			}
			for _, in := range inputs {
				c.Call(fmt.Sprintf("UnmarshalJSON(%q)", hardening.Clip(string(in))), func() { var s journal.Rebuilt; _ = s.UnmarshalJSON(in) })
			}
		}},
		{Name: "journal.Amended.UnmarshalJSON", Run: func(c *hardening.Caller) {
			inputs := append(slices.Clone(hardening.JSONInputs), []byte(`{"seq":2,"amends":1,"counts":true,"amendment":{}}`),
				[]byte(`{"seq":-1,"amends":-2,"counts":false,"amendment":{"author":"`+hardening.BadUTF8+`"}}`))
			for _, in := range inputs {
				c.Call(fmt.Sprintf("UnmarshalJSON(%q)", hardening.Clip(string(in))), func() { var a journal.Amended; _ = a.UnmarshalJSON(in) })
			}
		}},
		{Name: "journal.Resume", Run: func(c *hardening.Caller) {
			for i, snap := range snapshots() {
				for k, j := range hostileJournals() {
					c.Call(fmt.Sprintf("Resume(snapshot %d, journal %d)", i, k), func() {
						_, _ = journal.Resume(snap, lineRows(j), nil)
						_, _ = journal.Resume(snap, lineRows(j), &journal.Options{Tree: journal.NewTree()}, journal.Checkpoint{Size: -1}, journal.Checkpoint{Size: 1 << 62})
					})
				}
			}
		}},
	}
}
