package journal

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/qingdan/qingdan/internal/fsync"
)

// File is a journal in a file, open for appending by one [Writer], with
// the durability the package documentation states (# Durability): every
// acknowledged append is synced to the file's storage before it returns,
// the file's creation is synced to its directory, and no other File, in
// this process or another, holds the file open for writing at the same
// time. It keeps the journal's [Tree] up to date.
//
// Close releases the file. A File is safe for concurrent use.
type File struct {
	f    *os.File
	name string
	w    *Writer
	tree *Tree
	last Entry
}

// OpenFile opens the journal in the named file for appending, creating it
// (mode 0644) if it does not exist. It
//
//   - creates the file if it does not exist, and syncs its directory (an
//     existing file's too, which a failed OpenFile may have created), so
//     that a crash does not lose the name;
//   - locks the file, or returns an error wrapping [ErrLocked] when
//     another File holds it (an exclusive flock, released when the File
//     is closed or its process ends; on a platform without flock,
//     OpenFile returns an error wrapping errors.ErrUnsupported);
//   - reads and verifies the journal ([Recover], with the checkpoints
//     published given), builds its tree, and truncates a torn last line,
//     which never counted; a journal that is not sound is not touched and
//     its error is returned;
//   - syncs the file, so that whatever it holds is on storage before
//     anything is appended after it;
//   - returns a File whose Writer syncs the file after each entry.
//
// opts configure MaxLine and Workers; Sync and Tree are the File's own,
// and options that set them are an error wrapping [ErrInvalid].
func OpenFile(name string, opts *Options, published ...Checkpoint) (*File, error) {
	if !canLock {
		return nil, fmt.Errorf("journal: opening %s: no file lock on this platform: %w", name, errors.ErrUnsupported)
	}
	if opts != nil && (opts.Sync != nil || opts.Tree != nil) {
		return nil, fmt.Errorf("journal: opening %s: the options set Sync or Tree, which a File keeps itself: %w", name, ErrInvalid)
	}
	f, err := openOrCreate(name)
	if err != nil {
		return nil, err
	}
	jf, err := open(f, name, opts, published)
	if err != nil {
		f.Close()
		return nil, err
	}
	return jf, nil
}

// openOrCreate opens the file for reading and appending, creating it if
// it does not exist, and syncs its directory: also when the file exists,
// since the OpenFile that created it may have failed, or its process
// died, before its own sync of the directory, and an entry acknowledged
// in a file whose name is lost is lost.
func openOrCreate(name string) (*os.File, error) {
	f, err := os.OpenFile(name, os.O_RDWR|os.O_APPEND|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, fs.ErrExist) {
		f, err = os.OpenFile(name, os.O_RDWR|os.O_APPEND, 0)
	}
	if err != nil {
		return nil, fmt.Errorf("journal: %w", err)
	}
	if err := fsync.Dir(filepath.Dir(name)); err != nil {
		f.Close()
		return nil, fmt.Errorf("journal: opening %s: syncing its directory: %w", name, err)
	}
	return f, nil
}

func open(f *os.File, name string, opts *Options, published []Checkpoint) (*File, error) {
	if err := lock(f); err != nil {
		return nil, fmt.Errorf("journal: opening %s: %w", name, err)
	}
	tree := NewTree()
	o := Options{Tree: tree}
	if opts != nil {
		o.MaxLine, o.Workers = opts.MaxLine, opts.Workers
	}
	jr, err := scan(io.NewSectionReader(f, 0, 1<<62), &o, published, -1)
	if err == nil || errors.Is(err, ErrTorn) {
		err = jr.unmet()
	}
	if err != nil {
		return nil, fmt.Errorf("journal: opening %s: %w", name, err)
	}
	jf := &File{f: f, name: name, tree: tree}
	if fi, err := f.Stat(); err != nil {
		return nil, fmt.Errorf("journal: opening %s: %w", name, err)
	} else if fi.Size() > jr.off {
		if err := f.Truncate(jr.off); err != nil {
			return nil, fmt.Errorf("journal: opening %s: truncating its torn last line: %w", name, err)
		}
	}
	if err := f.Sync(); err != nil {
		return nil, fmt.Errorf("journal: opening %s: %w", name, err)
	}
	if jr.head.Seq > 0 {
		line := make([]byte, jr.last-1)
		if _, err := f.ReadAt(line, jr.off-jr.last); err != nil {
			return nil, fmt.Errorf("journal: opening %s: reading its last entry: %w", name, err)
		}
		if jf.last, err = ParseLine(line); err != nil {
			return nil, fmt.Errorf("journal: opening %s: its last entry changed as it was opened: %w", name, err)
		}
	}
	jf.w = NewWriterAt(f, jr.head, &Options{MaxLine: o.MaxLine, Sync: f.Sync, Tree: tree})
	return jf, nil
}

// Writer returns the File's Writer: each append is synced to storage
// before it returns. After an append fails, the Writer refuses every
// other: close the File, open it again, and append again only what its
// [File.Last] entry does not record ([Entry.Records]).
func (f *File) Writer() *Writer {
	mustNotNil(f, "Writer", "File")
	return f.w
}

// Tree returns the journal's tree, kept up to date by the Writer.
func (f *File) Tree() *Tree {
	mustNotNil(f, "Tree", "File")
	return f.tree
}

// Last returns the last entry of the journal as it was opened, and false
// for an empty journal.
func (f *File) Last() (Entry, bool) {
	mustNotNil(f, "Last", "File")
	return f.last, f.last.Seq > 0
}

// Name returns the file's name, as given to OpenFile.
func (f *File) Name() string {
	mustNotNil(f, "Name", "File")
	return f.name
}

// Close closes the file, which releases its lock. Appends after Close
// fail.
func (f *File) Close() error {
	mustNotNil(f, "Close", "File")
	return f.f.Close()
}
