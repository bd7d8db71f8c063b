// Package cli is what the example programs share as commands: flags that
// take no arguments after them, and data read strictly, from the
// program's embedded files or from a file named on its command line, as
// JSON or with a library's own loader.
package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"

	"github.com/qingdan/qingdan/internal/jsonx"
)

// NewFlagSet returns the flag set of the program name, which writes the
// usage and the errors to stderr and leaves them to [Parse].
func NewFlagSet(name string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	return fs
}

// Parse parses args into fs, made by [NewFlagSet]. An argument after the
// flags is an error. When the program is to stop, stop is true and code is
// its exit code: 0 after -h or -help, 2 for bad usage.
func Parse(fs *flag.FlagSet, args []string) (code int, stop bool) {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0, true
		}
		return 2, true
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(fs.Output(), "%s: unexpected argument %q\n", fs.Name(), fs.Arg(0))
		fs.Usage()
		return 2, true
	}
	return 0, false
}

// Decode decodes the JSON file name of fsys, the program's embedded data,
// into v. A field that v does not have is an error, and so is anything
// after the value. The error names the file.
func Decode(fsys fs.FS, name string, v any) error {
	b, err := fs.ReadFile(fsys, name)
	return decode(b, err, name, v)
}

// MaxFileBytes is the longest file [Load] reads from the command line.
const MaxFileBytes = 64 << 20

// Load decodes into v, as [Decode] does, the JSON file at path, or name of
// fsys when path is empty: a file named on the command line in place of
// the embedded data. A file over [MaxFileBytes] is refused unread past the
// bound. The error names the file at path with what it holds ("register
// my.json: …").
func Load(fsys fs.FS, name, path, what string, v any) error {
	return load(fsys, name, path, what, v, MaxFileBytes)
}

// load is Load with a bound of limit bytes.
func load(fsys fs.FS, name, path, what string, v any, limit int64) error {
	if path == "" {
		return Decode(fsys, name, v)
	}
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	if err := jsonx.Read(f, limit, v); err != nil {
		return fmt.Errorf("%s %s: %w", what, path, err)
	}
	return nil
}

// Read reads the file name of fsys, the program's embedded data, with
// load, a library's loader such as assessment.LoadSheet, which bounds and
// checks what it reads. The error of loading names the file.
func Read[T any](fsys fs.FS, name string, load func(io.Reader) (T, error)) (T, error) {
	f, err := fsys.Open(name)
	return read(f, err, name, load)
}

// ReadFile is [Read] of the file at path, such as one named on the
// command line.
func ReadFile[T any](path string, load func(io.Reader) (T, error)) (T, error) {
	f, err := os.Open(path)
	return read(f, err, path, load)
}

// read reads f, which opening the file name gave with err, with load and
// closes it; an error of loading names the file.
func read[T any](f io.ReadCloser, err error, name string, load func(io.Reader) (T, error)) (T, error) {
	var zero T
	if err != nil {
		return zero, err
	}
	defer f.Close()
	v, err := load(f)
	if err != nil {
		return zero, fmt.Errorf("%s: %w", name, err)
	}
	return v, nil
}

// decode decodes b, which reading the file gave with err, into v; an error
// of decoding names the file as file.
func decode(b []byte, err error, file string, v any) error {
	if err != nil {
		return err
	}
	if err := jsonx.Decode(b, v); err != nil {
		return fmt.Errorf("%s: %w", file, err)
	}
	return nil
}
