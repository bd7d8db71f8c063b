package command

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"

	"github.com/qingdan/qingdan/internal/outfile"
)

// Read returns the contents of the file name, or of standard input for
// "-", refusing more than limit bytes. The error names the file. A UTF-8
// byte-order mark at the start, which Windows Notepad writes, is not
// returned: the library's JSON decoders refuse it, and its CSV reader
// drops it.
func (env *Env) Read(name string, limit int64) ([]byte, error) {
	r, err := env.Open(name)
	if err != nil {
		return nil, err
	}
	defer r.Close()
	b, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, pathError(Name(name), err)
	}
	if int64(len(b)) > limit {
		return nil, fmt.Errorf("%s: 超过 %d 字节", Name(name), limit)
	}
	return bytes.TrimPrefix(b, []byte("\uFEFF")), nil
}

// Open opens the file name for reading, or standard input for "-"; the
// caller closes it. Standard input is opened once: a second "-" (diff - -,
// or -table - with a journal -) would read it empty, and is an error. A
// regular file opened is one [Env.Write] then refuses. The error names
// the file.
func (env *Env) Open(name string) (io.ReadCloser, error) {
	if name == "-" {
		if env.stdinOpened {
			return nil, errors.New("标准输入只能读一次：- 只能给出一次")
		}
		env.stdinOpened = true
		return io.NopCloser(env.Stdin), nil
	}
	f, err := os.Open(name)
	if err != nil {
		return nil, pathError(name, err)
	}
	// A folder opens, and would fail at the first read, in the words of
	// whatever reads it.
	fi, err := f.Stat()
	if err == nil && fi.IsDir() {
		f.Close()
		return nil, fmt.Errorf("%s: %w", name, syscall.EISDIR)
	}
	if err == nil && fi.Mode().IsRegular() {
		env.read = append(env.read, fi)
	}
	return f, nil
}

// Write writes b to the file name, replacing it whole, or to standard
// output when name is "" or "-". The bytes go to a temporary file in the
// same directory, synced and renamed over name, and the directory synced
// (package outfile), so that a write that fails leaves name as it was and
// no partial file, and one done survives a crash; a file replaced keeps
// its mode, a new one has mode 0644. A symbolic link is written through:
// the file it points at is replaced, in that file's directory, and the
// link left as it is; a link to no file is refused, as cp refuses it. A
// file that is not a regular one (/dev/null, /dev/stdout, a named pipe)
// is written to, as the shell writes to it, not replaced; a folder is
// refused. So is a file the command read (by its name, a symbolic link or
// a hard link to it): output written over its input, import -o list.csv
// list.csv or journal receipt -o over the checkpoint, would lose what it
// read. The error names the file.
func (env *Env) Write(name string, b []byte) error {
	if name == "" || name == "-" {
		_, err := env.Stdout.Write(b)
		return err
	}
	target, err := resolve(name)
	if err != nil {
		return err
	}
	if fi, err := os.Stat(target); err == nil {
		for _, r := range env.read {
			if os.SameFile(fi, r) {
				return fmt.Errorf("%s: 是本命令读取的文件，不写入：会覆盖所读的内容", name)
			}
		}
	}
	if err := outfile.WriteFile(target, b); err != nil {
		return pathError(name, err)
	}
	return nil
}

// resolve returns the file that writing name replaces: name, or, where
// name is a symbolic link, the file it points at, so that the rename over
// it is made in its own directory rather than over the link. The error
// names name.
func resolve(name string) (string, error) {
	if fi, err := os.Lstat(name); err != nil || fi.Mode()&fs.ModeSymlink == 0 {
		return name, nil // a new file, or one outfile reports on
	}
	// A link to a file that is not a regular one is written through by
	// outfile: /dev/stdout into a pipe ends at a pipe with no name.
	if fi, err := os.Stat(name); err == nil && !fi.Mode().IsRegular() {
		return name, nil
	}
	target, err := filepath.EvalSymlinks(name)
	if errors.Is(err, fs.ErrNotExist) {
		link, _ := os.Readlink(name)
		return "", fmt.Errorf("%s: 是符号链接，所指的 %s 不存在，不写入", name, link)
	}
	if err != nil {
		return "", pathError(name, err)
	}
	return target, nil
}

// Print writes v to standard output as one line of JSON when asJSON,
// for programs to read, and otherwise calls text to write it in words.
func (env *Env) Print(asJSON bool, v any, text func()) error {
	if !asJSON {
		text()
		return nil
	}
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(env.Stdout, "%s\n", b)
	return err
}

// Name is how messages name the file name: "标准输入" for "-".
func Name(name string) string {
	if name == "-" {
		return "标准输入"
	}
	return name
}

// pathError names the file once: os's errors repeat the operation and
// the path (or, for a rename, both paths).
func pathError(name string, err error) error {
	var pe *fs.PathError
	var le *os.LinkError
	switch {
	case errors.As(err, &pe):
		err = pe.Err
	case errors.As(err, &le):
		err = le.Err
	}
	return fmt.Errorf("%s: %w", name, err)
}
