//go:build unix

package outfile

import (
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// TestInPlace: a file that is not a regular one — a named pipe here,
// /dev/null or /dev/stdout as -o /dev/null gives them — is written to, as
// the shell writes to it, and left as it is: renamed over, it would be
// replaced by a regular file (which, for /dev/null and a user allowed to
// write in /dev, breaks the machine). So is a symbolic link to it.
func TestInPlace(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "pipe")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "link")
	if err := os.Symlink(fifo, link); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{fifo, link} {
		// The reading end is open first, so that opening the pipe to
		// write does not wait.
		r, err := os.OpenFile(fifo, os.O_RDONLY|syscall.O_NONBLOCK, 0)
		if err != nil {
			t.Fatal(err)
		}
		if err := WriteFile(name, []byte("清单")); err != nil {
			t.Fatalf("WriteFile(%s): %v", name, err)
		}
		b, err := io.ReadAll(r)
		r.Close()
		if err != nil || string(b) != "清单" {
			t.Errorf("%s: read from the pipe %q, %v; want %q", name, b, err, "清单")
		}
		if fi, err := os.Lstat(fifo); err != nil || fi.Mode().Type() != fs.ModeNamedPipe {
			t.Errorf("%s: after WriteFile: %v, %v; want the named pipe left as it is", name, fi.Mode(), err)
		}
	}
	if fi, err := os.Lstat(link); err != nil || fi.Mode().Type() != fs.ModeSymlink {
		t.Errorf("after WriteFile: %v, %v; want the link left as it is", fi.Mode(), err)
	}
	checkDir(t, dir, "link", "pipe")
}
