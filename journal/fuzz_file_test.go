//go:build linux || darwin || freebsd || netbsd || openbsd || dragonfly || illumos

package journal_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/qingdan/qingdan/journal"
)

// FuzzOpenFile opens files of any content: OpenFile opens what Recover
// takes and refuses what it refuses, with its error, leaving a refused
// file as it was;
// it truncates what it opens to Recover's size (a torn last line), and the
// File it returns holds Recover's head, last entry and tree, and appends
// after them an entry that verifies.
func FuzzOpenFile(f *testing.F) {
	j := eventJournal(f, 3)
	f.Add(j)
	f.Add(j[:len(j)-9])                                    // a torn last line
	f.Add(append(bytes.Clone(j), "\n{}"...))               // an empty line, then a torn one
	f.Add(bytes.Replace(j, []byte("第2"), []byte("第9"), 1)) // tampered
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, data []byte) {
		opts := &journal.Options{MaxLine: 4096}
		head, size, rerr := journal.Recover(bytes.NewReader(data), opts)
		name := filepath.Join(t.TempDir(), "j.jsonl")
		if err := os.WriteFile(name, data, 0o644); err != nil {
			t.Fatal(err)
		}
		jf, err := journal.OpenFile(name, opts)
		after, rferr := os.ReadFile(name)
		if rferr != nil {
			t.Fatal(rferr)
		}
		if err != nil {
			if rerr == nil || !strings.HasSuffix(err.Error(), rerr.Error()) {
				t.Fatalf("OpenFile = %v; Recover = %v, %v", err, head, rerr)
			}
			if !bytes.Equal(after, data) {
				t.Fatalf("OpenFile refused the journal (%v) and changed it:\n%q\n%q", err, data, after)
			}
			return
		}
		defer jf.Close()
		if rerr != nil {
			t.Fatalf("OpenFile opened a journal Recover refuses: %v", rerr)
		}
		if !bytes.Equal(after, data[:size]) {
			t.Fatalf("OpenFile left %d bytes; Recover's size is %d", len(after), size)
		}
		last, ok := jf.Last()
		if jf.Writer().Head() != head || ok != (head.Seq > 0) || jf.Tree().Size() != head.Seq {
			t.Fatalf("the File's head %v, last entry %v (%t), tree of %d; Recover's head %v",
				jf.Writer().Head(), last.Seq, ok, jf.Tree().Size(), head)
		}
		if ok && !bytes.HasSuffix(after, append(last.Line(), '\n')) {
			t.Fatalf("the File's last entry %s does not end the file", last.Line())
		}
		if _, err := jf.Writer().AppendEvent(crashEvent(int(head.Seq) + 1)); err != nil {
			t.Fatalf("appending to the journal opened: %v", err)
		}
		grown, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		if h, err := journal.Verify(bytes.NewReader(grown), opts); err != nil || h.Seq != head.Seq+1 {
			t.Fatalf("the journal opened and appended to verifies as %v, %v; want entry %d", h, err, head.Seq+1)
		}
	})
}
