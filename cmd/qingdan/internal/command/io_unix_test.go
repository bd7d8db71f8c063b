//go:build unix

package command

import (
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// TestWriteDevice: a file that is not a regular one — a named pipe here,
// /dev/null or /dev/stdout as -o /dev/null gives them — is written to, as
// the shell writes to it, and left as it is: renamed over, it would be
// replaced by a regular file (which, for /dev/null and a user allowed to
// write in /dev, breaks the machine).
func TestWriteDevice(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "pipe")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	// The reading end is open first, so that opening the pipe to write
	// does not wait.
	r, err := os.OpenFile(fifo, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	if err := (&Env{}).Write(fifo, []byte("清单")); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Lstat(fifo); err != nil || fi.Mode().Type() != fs.ModeNamedPipe {
		t.Errorf("after Write: %v, %v; want the named pipe left as it is", fi.Mode(), err)
	}
	buf := make([]byte, 16)
	if n, err := r.Read(buf); err != nil || string(buf[:n]) != "清单" {
		t.Errorf("read from the pipe %q, %v; want %q", buf[:n], err, "清单")
	}
}
