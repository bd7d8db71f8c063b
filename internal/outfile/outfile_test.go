package outfile

import (
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// TestWriteFile writes files whole: a new one, one replaced, one in a
// folder that does not exist and a folder; after each the folder holds
// the files wanted with the contents and modes wanted, and no temporary
// file.
func TestWriteFile(t *testing.T) {
	dir := t.TempDir()
	old := filepath.Join(dir, "old.txt")
	if err := os.WriteFile(old, []byte("an older and longer content"), 0o600); err != nil {
		t.Fatal(err)
	}
	folder := filepath.Join(dir, "folder")
	if err := os.Mkdir(folder, 0o755); err != nil {
		t.Fatal(err)
	}
	type file struct {
		Contents string
		Mode     fs.FileMode
	}
	for _, tt := range []struct {
		name    string
		file    string
		err     error
		want    *file // the file after, nil for none
		wantErr string
	}{
		{name: "a new file has mode 0644", file: "new.txt", want: &file{"新", 0o644}},
		{name: "a file replaced keeps its mode", file: "old.txt", want: &file{"新", 0o600}},
		{name: "a folder that does not exist", file: "none/new.txt", err: fs.ErrNotExist, wantErr: "no such file or directory"},
		{name: "a folder is refused", file: "folder", err: syscall.EISDIR, wantErr: "is a directory"},
		// A name as long as file systems take (255 bytes) is written: its
		// temporary file's name is no longer.
		{name: "a name of 255 bytes", file: longName, want: &file{"新", 0o644}},
	} {
		name := filepath.Join(dir, tt.file)
		err := WriteFile(name, []byte("新"))
		if diff := cmp.Diff(tt.err, err, cmpopts.EquateErrors()); diff != "" {
			t.Errorf("%s: WriteFile error mismatch (-want +got):\n%s", tt.name, diff)
		}
		if err != nil && err.Error() != tt.wantErr {
			t.Errorf("%s: WriteFile error %q; want %q, naming no file: the caller names it", tt.name, err, tt.wantErr)
		}
		if tt.want == nil {
			continue
		}
		b, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		fi, err := os.Stat(name)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(*tt.want, file{string(b), fi.Mode()}); diff != "" {
			t.Errorf("%s: file after WriteFile mismatch (-want +got):\n%s", tt.name, diff)
		}
	}
	checkDir(t, dir, "folder", longName, "new.txt", "old.txt")
}

// longName is a file name of 255 bytes, the most ext4, XFS and tmpfs take.
var longName = strings.Repeat("长", 83) + "ab.txt"

// TestFailure: a file given up (Abort), or whose Commit fails, is left as
// it was, with no temporary file beside it; Abort after Commit, and after
// Abort, does nothing, and a second Commit is an error.
func TestFailure(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, "f.txt")
	if err := os.WriteFile(name, []byte("last year's"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name    string
		fail    func(f *File) error // gives up f, returning Commit's error
		wantErr bool
	}{
		{"aborted", func(f *File) error { f.Abort(); f.Abort(); return nil }, false},
		{"the temporary file lost before Commit", func(f *File) error {
			f.f.Close()
			err := f.Commit()
			f.Abort()
			return err
		}, true},
	} {
		f, err := Create(name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := f.Write([]byte("this year's")); err != nil {
			t.Fatal(err)
		}
		if err := tt.fail(f); (err != nil) != tt.wantErr {
			t.Errorf("%s: Commit error %v; want an error %t", tt.name, err, tt.wantErr)
		}
		if b, err := os.ReadFile(name); err != nil || string(b) != "last year's" {
			t.Errorf("%s: the file holds %q (%v); want it as it was", tt.name, b, err)
		}
		checkDir(t, dir, "f.txt")
	}

	f, err := Create(name)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.Write([]byte("this year's")); err != nil {
		t.Fatal(err)
	}
	if err := f.Commit(); err != nil {
		t.Fatal(err)
	}
	f.Abort()
	if err := f.Commit(); err == nil {
		t.Error("a second Commit succeeded; want an error")
	}
	if b, err := os.ReadFile(name); err != nil || string(b) != "this year's" {
		t.Errorf("after Commit and Abort the file holds %q (%v); want what was committed", b, err)
	}
	checkDir(t, dir, "f.txt")
}

// checkDir checks that dir holds the files names, and no other.
func checkDir(t *testing.T, dir string, names ...string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range entries {
		got = append(got, e.Name())
	}
	slices.Sort(names)
	if diff := cmp.Diff(names, got); diff != "" {
		t.Errorf("files in the folder mismatch (-want +got):\n%s", diff)
	}
}
