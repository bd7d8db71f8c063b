// Package outfile writes a program's output file whole, as -o and
// -journal name it: to a temporary file beside it, synced and renamed over
// it, so that a run that fails leaves the file as it was and no partial
// file. A file that is not a regular one (/dev/null, /dev/stdout, a named
// pipe) is written to in place, as the shell's > writes to it: renamed
// over, it would be replaced by a regular file, which for /dev/null, run
// as root, breaks the machine. A folder is refused.
package outfile

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
	"unicode/utf8"

	"github.com/qingdan/qingdan/internal/fsync"
)

// File is an output file being written. Write to it, then Commit it, or
// Abort it; Abort after Commit does nothing, so that a deferred Abort
// cleans up after any failure.
type File struct {
	name    string
	f       *os.File    // the temporary file, or name itself when in place
	inPlace bool        // name is not a regular file: f is name, opened to write
	mode    fs.FileMode // of the file replaced, or 0644 for a new one
	done    bool        // committed or aborted
}

// maxTempBase is the most bytes of the file's name its temporary file's
// name keeps: with the dot before, a random number of up to ten digits and
// ".tmp" after, that name stays within the 255 bytes file systems take, so
// a file whose own name fits in them can be written.
const maxTempBase = 255 - len("."+".4294967295.tmp")

// tempBase is base, cut to at most maxTempBase bytes at a character's
// start, for the temporary file's name.
func tempBase(base string) string {
	if len(base) <= maxTempBase {
		return base
	}
	n := maxTempBase
	for n > 0 && !utf8.RuneStart(base[n]) {
		n--
	}
	return base[:n]
}

// Create starts writing the file name. Where name is a regular file or
// does not exist, a temporary file is created beside it; a file replaced
// keeps its mode, a new one has mode 0644. Where name is a folder, the
// error is syscall.EISDIR; where it is another file that is not a regular
// one, it is opened to write, and truncated, now. Symbolic links are not
// followed: a link is replaced, except a link to a file that is not a
// regular one, which is written through. The error, as Commit's, does not
// name the file: the caller names it once.
func Create(name string) (*File, error) {
	mode := fs.FileMode(0o644)
	if fi, err := os.Stat(name); err == nil {
		switch {
		case fi.IsDir():
			return nil, syscall.EISDIR
		case !fi.Mode().IsRegular():
			f, err := os.OpenFile(name, os.O_WRONLY|os.O_TRUNC, 0)
			if err != nil {
				return nil, cause(err)
			}
			return &File{name: name, f: f, inPlace: true}, nil
		}
		mode = fi.Mode().Perm()
	}
	f, err := os.CreateTemp(filepath.Dir(name), "."+tempBase(filepath.Base(name))+".*.tmp")
	if err != nil {
		return nil, cause(err)
	}
	return &File{name: name, f: f, mode: mode}, nil
}

// Write writes p to the file, as io.Writer does. Nothing written counts
// before Commit, except in a file written in place.
func (f *File) Write(p []byte) (int, error) {
	n, err := f.f.Write(p)
	return n, cause(err)
}

// Commit completes the file: the temporary file is given its mode, synced,
// renamed over the file and its directory synced, so that the file, once
// committed, survives a crash; a file written in place is closed. On
// error the temporary file is removed and the file left as it was.
func (f *File) Commit() error {
	if f.done {
		return errors.New("outfile: Commit after Commit or Abort")
	}
	f.done = true
	if f.inPlace {
		return cause(f.f.Close())
	}
	err := f.f.Chmod(f.mode)
	if err == nil {
		err = f.f.Sync()
	}
	if cerr := f.f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(f.f.Name(), f.name)
	}
	if err == nil {
		err = fsync.Dir(filepath.Dir(f.name))
	}
	if err != nil {
		os.Remove(f.f.Name())
	}
	return cause(err)
}

// Abort gives up the file, unless it was committed or aborted: the
// temporary file is removed, and the file left as it was. What was written
// to a file written in place stays written.
func (f *File) Abort() {
	if f.done {
		return
	}
	f.done = true
	f.f.Close()
	if !f.inPlace {
		os.Remove(f.f.Name())
	}
}

// WriteFile writes b to the file name whole, as Create, Write and Commit
// do.
func WriteFile(name string, b []byte) error {
	f, err := Create(name)
	if err != nil {
		return err
	}
	defer f.Abort()
	if _, err := f.Write(b); err != nil {
		return err
	}
	return f.Commit()
}

// cause strips the operation and the paths os puts in its errors (the
// temporary file's, or for a rename both), so that the caller names the
// file once.
func cause(err error) error {
	var pe *fs.PathError
	var le *os.LinkError
	switch {
	case errors.As(err, &pe):
		return pe.Err
	case errors.As(err, &le):
		return le.Err
	}
	return err
}
