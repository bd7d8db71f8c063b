package journal_test

// Hardening: every exported function and method of package journal,
// called with zero values, nil slices and maps, zero times, negative
// durations and huge inputs, returns an error or a sound result and never
// panics. TestHardening also keeps the rows complete: a new
// exported function without a row here fails it.

import (
	"bytes"
	"fmt"
	"io"
	"math"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/qingdan/qingdan/internal/hardening"
	"github.com/qingdan/qingdan/internal/hardening/samples"
	"github.com/qingdan/qingdan/journal"
	"github.com/qingdan/qingdan/matters"
	"github.com/qingdan/qingdan/scoring"
)

// TestHardening checks that every exported function of the package, and
// every exported method of an exported type, has a row, and runs the rows:
// each makes its calls, failing on a panic or an unsound result.
func TestHardening(t *testing.T) { hardening.Test(t, hardeningRows()) }

// hardeningRows has a row for each exported function and method of the
// package.
func hardeningRows() []hardening.Row {
	var rows []hardening.Row
	add := func(r ...hardening.Row) { rows = append(rows, r...) }

	add(hardening.EnumsRows(hardeningEnums...)...)
	add(hardening.ErrorRows[journal.VerifyError]("journal", "VerifyError", true)...)
	add(journalRows()...)
	add(treeRows()...)
	add(databaseRows()...)
	return rows
}

// hostileJournals are journal bytes a reader must survive.
func hostileJournals() [][]byte {
	var buf bytes.Buffer
	w := journal.NewWriter(&buf, nil)
	_, _ = w.AppendEvent(matters.Event{Matter: "M", Seq: 1, At: hardening.Times[1], Kind: matters.Report, Actor: "A", Type: "T"})
	_, _ = w.AppendEvaluation(scoring.Evaluation{Matter: "M", Subject: "S", Evaluator: "A", At: hardening.Times[1], Result: scoring.Result{Grade: "good"}})
	j := buf.Bytes()
	return [][]byte{nil, {}, []byte("\n"), j, j[:len(j)-3], append(bytes.Clone(j), j...), []byte(hardening.Huge), []byte(hardening.Huge + "\n" + hardening.Huge), bytes.Repeat([]byte("\n"), 1<<16), []byte(hardening.BadUTF8)}
}

// journalRows are the rows of the reader, the writer and the functions
// over whole journals.
func journalRows() []hardening.Row {
	events := []matters.Event{{}, {Matter: hardening.BadUTF8}, {At: hardening.Times[4], Kind: matters.Kind(99)}, {At: hardening.Times[2], Units: make([]string, 10000), Note: hardening.Huge}}
	evals := samples.Evaluations()
	heads := []journal.Head{{}, {Seq: -1}, {Seq: math.MaxInt64, Hash: journal.Hash{1}}, {Seq: 0, Hash: journal.Hash{2}}}
	opts := []*journal.Options{nil, {}, {MaxLine: -1}, {MaxLine: 1}, {MaxLine: math.MaxInt}}
	writers := []io.Writer{io.Discard, &bytes.Buffer{}}
	return []hardening.Row{
		{Name: "journal.NewWriter", Run: func(c *hardening.Caller) {
			for i, w := range writers {
				for j, o := range opts {
					c.Call(fmt.Sprintf("NewWriter(writer %d, options %d)", i, j), func() {
						_, _ = journal.NewWriter(w, o).AppendEvent(events[0])
					})
				}
			}
		}},
		{Name: "journal.NewWriterAt", Run: func(c *hardening.Caller) {
			for i, w := range writers {
				for j, h := range heads {
					c.Call(fmt.Sprintf("NewWriterAt(writer %d, head %d)", i, j), func() {
						_, _ = journal.NewWriterAt(w, h, nil).AppendEvent(events[0])
					})
				}
			}
		}},
		{Name: "journal.Writer.AppendEvent", Run: func(c *hardening.Caller) {
			for i, o := range opts {
				w := journal.NewWriter(io.Discard, o)
				for j, e := range events {
					c.Call(fmt.Sprintf("AppendEvent(event %d) with options %d", j, i), func() { _, _ = w.AppendEvent(e) })
				}
			}
		}},
		{Name: "journal.Writer.AppendEvaluation", Run: func(c *hardening.Caller) {
			w := journal.NewWriter(io.Discard, nil)
			for j, e := range evals {
				c.Call(fmt.Sprintf("AppendEvaluation(evaluation %d)", j), func() { _, _ = w.AppendEvaluation(e) })
			}
		}},
		{Name: "journal.Writer.AppendAmendment", Run: func(c *hardening.Caller) {
			w := journal.NewWriter(io.Discard, nil)
			for j, e := range evals {
				c.Call(fmt.Sprintf("AppendAmendment(evaluation %d)", j), func() {
					_, _ = w.AppendAmendment(scoring.Amendment{Evaluation: e, Author: hardening.Huge, Reason: "复核"})
				})
			}
		}},
		{Name: "journal.Writer.Head", Run: func(c *hardening.Caller) {
			c.Call("NewWriter(io.Discard, nil).Head()", func() { _ = journal.NewWriter(io.Discard, nil).Head() })
		}},
		{Name: "journal.NewReader", Run: func(c *hardening.Caller) {
			for k, o := range opts {
				c.Call(fmt.Sprintf("NewReader(empty, options %d).Next()", k), func() {
					if _, err := journal.NewReader(bytes.NewReader(nil), o).Next(); err != io.EOF {
						c.Fail("Next on an empty journal", "%v, want io.EOF", err)
					}
				})
			}
		}},
		{Name: "journal.Reader.Next", Run: func(c *hardening.Caller) {
			for i, j := range hostileJournals() {
				for k, o := range opts {
					c.Call(fmt.Sprintf("Next over journal %d with options %d", i, k), func() {
						r := journal.NewReader(bytes.NewReader(j), o)
						for n := 0; n < 1<<17; n++ {
							if _, err := r.Next(); err != nil {
								return
							}
						}
						c.Fail("Next", "did not stop")
					})
				}
			}
		}},
		{Name: "journal.Reader.All", Run: func(c *hardening.Caller) {
			for i, j := range hostileJournals() {
				c.Call(fmt.Sprintf("All over journal %d", i), func() {
					for range journal.NewReader(bytes.NewReader(j), nil).All() {
						break
					}
					for range journal.NewReader(bytes.NewReader(j), nil).All() {
					}
				})
			}
		}},
		{Name: "journal.Reader.Head", Run: func(c *hardening.Caller) {
			c.Call("NewReader(empty, nil).Head()", func() { _ = journal.NewReader(bytes.NewReader(nil), nil).Head() })
		}},
		{Name: "journal.Reader.Offset", Run: func(c *hardening.Caller) {
			c.Call("NewReader(empty, nil).Offset()", func() { _ = journal.NewReader(bytes.NewReader(nil), nil).Offset() })
		}},
		{Name: "journal.Verify", Run: func(c *hardening.Caller) {
			for i, j := range hostileJournals() {
				for k, o := range opts {
					c.Call(fmt.Sprintf("Verify(journal %d, options %d)", i, k), func() { _, _ = journal.Verify(bytes.NewReader(j), o) })
				}
			}
		}},
		{Name: "journal.Recover", Run: func(c *hardening.Caller) {
			for i, j := range hostileJournals() {
				c.Call(fmt.Sprintf("Recover(journal %d)", i), func() {
					if _, size, err := journal.Recover(bytes.NewReader(j), nil); err == nil && (size < 0 || size > int64(len(j))) {
						c.Fail("Recover", "size %d of %d bytes", size, len(j))
					}
				})
			}
		}},
		{Name: "journal.VerifyHead", Run: func(c *hardening.Caller) {
			for i, j := range hostileJournals() {
				for k, h := range heads {
					c.Call(fmt.Sprintf("VerifyHead(journal %d, head %d)", i, k), func() { _ = journal.VerifyHead(bytes.NewReader(j), h, nil) })
				}
			}
		}},
		{Name: "journal.Rebuild", Run: func(c *hardening.Caller) {
			for i, j := range hostileJournals() {
				c.Call(fmt.Sprintf("Rebuild(journal %d)", i), func() {
					if s, _ := journal.Rebuild(bytes.NewReader(j), nil); s == nil {
						c.Fail("Rebuild", "nil result")
					}
				})
			}
		}},
		{Name: "journal.ParseLine", Run: func(c *hardening.Caller) {
			for i, j := range hostileJournals() {
				c.Call(fmt.Sprintf("ParseLine(journal %d)", i), func() { _, _ = journal.ParseLine(j) })
			}
		}},
		{Name: "journal.NewVerifier", Run: func(c *hardening.Caller) {
			for _, s := range append(hardening.Strings, "a+00000000+", "a+00000000+AQ==", "a+00000000+"+strings.Repeat("A", 44)) {
				c.Call(fmt.Sprintf("NewVerifier(%q)", hardening.Clip(s)), func() { _, _ = journal.NewVerifier(s) })
			}
		}},
		{Name: "journal.ParseHash", Run: func(c *hardening.Caller) {
			for _, s := range append(hardening.Strings, strings.Repeat("0", 64), strings.Repeat("Z", 64)) {
				c.Call(fmt.Sprintf("ParseHash(%q)", hardening.Clip(s)), func() { _, _ = journal.ParseHash(s) })
			}
		}},
		{Name: "journal.Hash.String", Run: func(c *hardening.Caller) { c.Call("Hash{}.String()", func() { _ = journal.Hash{}.String() }) }},
		{Name: "journal.Hash.IsZero", Run: func(c *hardening.Caller) { c.Call("Hash{}.IsZero()", func() { _ = journal.Hash{}.IsZero() }) }},
		{Name: "journal.Hash.MarshalText", Run: func(c *hardening.Caller) {
			c.Call("Hash{}.MarshalText()", func() { b, _ := journal.Hash{}.MarshalText(); _ = utf8.Valid(b) })
		}},
		{Name: "journal.Hash.Value", Run: func(c *hardening.Caller) {
			for _, h := range []journal.Hash{{}, {0xff, 1}} {
				desc := fmt.Sprintf("Hash(%s).Value()", h)
				c.Call(desc, func() {
					v, err := h.Value()
					var back journal.Hash
					if err != nil || back.Scan(v) != nil || back != h {
						c.Fail(desc, "= %v, %v; does not scan back", v, err)
					}
				})
			}
		}},
		{Name: "journal.Hash.Scan", Run: func(c *hardening.Caller) {
			for _, src := range []any{nil, int64(1), true, "", []byte(nil), hardening.BadUTF8, hardening.Huge, strings.Repeat("zz", 32), make([]byte, 32)} {
				desc := fmt.Sprintf("(*Hash).Scan(%T %s)", src, hardening.Clip(fmt.Sprint(src)))
				c.Call(desc, func() { var h journal.Hash; c.WantErr(desc, h.Scan(src)) })
			}
		}},
		{Name: "journal.Hash.UnmarshalText", Run: func(c *hardening.Caller) {
			for _, s := range hardening.Strings {
				c.Call(fmt.Sprintf("UnmarshalText(%q)", hardening.Clip(s)), func() { var h journal.Hash; c.WantErr("Hash.UnmarshalText", h.UnmarshalText([]byte(s))) })
			}
		}},
		{Name: "journal.Head.String", Run: func(c *hardening.Caller) {
			for _, h := range heads {
				c.Call(fmt.Sprintf("%#v.String()", h), func() { _ = h.String() })
			}
		}},
		{Name: "journal.Entry.Event", Run: func(c *hardening.Caller) { entryCalls(c, func(e journal.Entry) { _, _ = e.Event() }) }},
		{Name: "journal.Entry.Evaluation", Run: func(c *hardening.Caller) { entryCalls(c, func(e journal.Entry) { _, _ = e.Evaluation() }) }},
		{Name: "journal.Entry.Amendment", Run: func(c *hardening.Caller) { entryCalls(c, func(e journal.Entry) { _, _ = e.Amendment() }) }},
	}
}

// entryCalls calls f on entries of every kind, and of none, with each of
// the hostile JSON payloads.
func entryCalls(c *hardening.Caller, f func(journal.Entry)) {
	for _, k := range []journal.Kind{0, journal.KindEvent, journal.KindEvaluation, journal.KindAmendment, 99} {
		for _, p := range hardening.JSONInputs {
			c.Call(fmt.Sprintf("Entry{Kind: %d, Payload: %q}", int(k), hardening.Clip(string(p))), func() { f(journal.Entry{Kind: k, Payload: p}) })
		}
	}
}

// FuzzEnumText: no text panics ParseKind, Kind.UnmarshalText or Kind.Scan;
// they agree,
// and what they accept parses again from its code and label and marshals
// back to the same kind.
func FuzzEnumText(f *testing.F) {
	hardening.FuzzEnums(f, hardeningEnums...)
}

// hardeningEnums are the enums of the package, for their rows and FuzzEnumText.
var hardeningEnums = []hardening.EnumCase{
	hardening.EnumOf[journal.Kind]("journal", "Kind", journal.ParseKind),
}

// FuzzParseHash: no text panics ParseHash, Hash.UnmarshalText or Hash.Scan
// (of the text as a string or as bytes); they agree, a refused column
// leaves the hash alone, and a hash they accept was 64 hexadecimal digits,
// which its String and MarshalText give back in lower case and its Value
// scans back to.
func FuzzParseHash(f *testing.F) {
	for _, s := range hardening.Strings {
		if s != hardening.Huge { // the row tries it; as a seed it slows fuzzing
			f.Add(s)
		}
	}
	f.Add(strings.Repeat("0", 64))
	f.Add(strings.Repeat("Z", 64))
	f.Add(strings.Repeat("aB", 32))
	f.Add(journal.Hash{1, 2, 0xff}.String())
	f.Fuzz(func(t *testing.T, s string) {
		h, err := journal.ParseHash(s)
		var u journal.Hash
		if uerr := u.UnmarshalText([]byte(s)); (uerr == nil) != (err == nil) || u != h {
			t.Fatalf("ParseHash(%q) = %v, %v; UnmarshalText gives %v, %v", s, h, err, u, uerr)
		}
		for _, src := range []any{s, []byte(s)} {
			v := journal.Hash{7} // what a refused column leaves alone
			want := h
			if err != nil {
				want = v
			}
			if serr := v.Scan(src); (serr == nil) != (err == nil) || v != want {
				t.Fatalf("ParseHash(%q) = %v, %v; Scan of it as %T gives %v, %v", s, h, err, src, v, serr)
			}
		}
		if err != nil {
			return
		}
		var back journal.Hash
		if val, err := h.Value(); err != nil || back.Scan(val) != nil || back != h {
			t.Fatalf("ParseHash(%q) = %v: its Value %v, %v scans back as %v", s, h, val, err, back)
		}
		b, err := h.MarshalText()
		if err != nil || string(b) != strings.ToLower(s) || h.String() != string(b) {
			t.Fatalf("ParseHash(%q) = %v: MarshalText %q, %v; String %q", s, h, b, err, h.String())
		}
		if h.IsZero() != (h == journal.Hash{}) {
			t.Fatalf("%v.IsZero() = %v", h, h.IsZero())
		}
	})
}
