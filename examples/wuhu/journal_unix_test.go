//go:build unix

package main

import (
	"bytes"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
	"testing"

	"github.com/qingdan/qingdan/journal"
)

// TestJournalDevice writes the journal to a file that is not a regular
// one — a named pipe here, /dev/null or /dev/stdout as -journal /dev/null
// gives them — and checks that it is written to, as the shell writes to
// it, and left as it is: renamed over, it would be replaced by a regular
// file (which, for /dev/null and a user allowed to write in /dev, breaks
// the machine).
func TestJournalDevice(t *testing.T) {
	t.Parallel()
	fifo := filepath.Join(t.TempDir(), "pipe")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	// The reading end is open first, so that opening the pipe to write
	// does not wait; it is read once the writing end is open, as a read
	// with no writer yet would end at once.
	r, err := os.OpenFile(fifo, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	jf, err := createJournal(fifo)
	if err != nil {
		t.Fatal(err)
	}
	defer jf.abort()
	type read struct {
		b   []byte
		err error
	}
	done := make(chan read)
	go func() {
		b, err := io.ReadAll(r)
		done <- read{b, err}
	}()
	info, err := jf.write(gradedYear(t))
	if err != nil {
		t.Fatal(err)
	}
	got := <-done
	if got.err != nil {
		t.Fatal(got.err)
	}
	if fi, err := os.Lstat(fifo); err != nil || fi.Mode().Type() != fs.ModeNamedPipe {
		t.Errorf("after writing the journal: %v, %v; want the named pipe left as it is", fi.Mode(), err)
	}
	head, err := journal.Verify(bytes.NewReader(got.b), nil)
	if err != nil {
		t.Fatalf("Verify what came through the pipe (%d bytes): %v", len(got.b), err)
	}
	if head.Seq != info.Entries || head.Hash != info.Head || info.File != fifo {
		t.Errorf("through the pipe: head %v; the program reports %d:%s of %s", head, info.Entries, info.Head, info.File)
	}
}
