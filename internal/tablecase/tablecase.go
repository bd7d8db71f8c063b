// Package tablecase is the core that the test-helper packages
// accountabilitytest, scoringtest and assessmenttest share: a case's
// name, reading their cases from JSON, reporting a case's outcome
// ([Report]) and a policy's coverage ([Policy]: which rows the cases
// reached). [Recorder] and [Recorder.Check] are the fake T their own
// tests use.
package tablecase

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"

	"github.com/qingdan/qingdan/internal/jsonx"
)

// Name is the name of case i, as the helpers report it: name, or "#i" when
// name is empty.
func Name(name string, i int) string {
	if name == "" {
		return fmt.Sprintf("#%d", i)
	}
	return name
}

// MaxBytes is the most Read reads: a file of cases is written by hand.
const MaxBytes = 16 << 20

// Read reads a JSON array of cases strictly, as jsonx.Decode does: a
// field a case does not have, a key given twice or in another case, text
// that is not UTF-8, anything after the array and an input longer than
// MaxBytes are errors, so that a misspelt key cannot make a case pass; and
// so is a file of no cases (an empty array, null), which would test
// nothing and pass.
// Its errors begin "pkg: reading cases: " and wrap sentinel, the
// invalid-input error of the package the cases test.
func Read[C any](pkg string, sentinel error, r io.Reader) ([]C, error) {
	if r == nil {
		panic(pkg + ": ReadCases: nil io.Reader")
	}
	cs, err := read[C](sentinel, r)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", pkg, err)
	}
	return cs, nil
}

// read is [Read] with errors that begin "reading cases: ", for the caller
// to say whose and from where.
func read[C any](sentinel error, r io.Reader) ([]C, error) {
	var cs []C
	if err := jsonx.Wrap(jsonx.Read(r, MaxBytes, &cs), "reading cases", sentinel); err != nil {
		return nil, err
	}
	if len(cs) == 0 {
		return nil, fmt.Errorf("reading cases: no cases (an empty array or null): a file of no cases tests nothing: %w", sentinel)
	}
	return cs, nil
}

// ReadFile reads the cases of the JSON file at path with [Read], and at,
// where each case begins: "path:line", its line counted from 1. Its
// errors name pkg and the file once each: "pkg: open path: …" for a file
// that cannot be opened, "pkg: path: reading cases: …" for one that
// cannot be decoded, and for a file that is not JSON (a comma left out or
// left over) the line and column where it stops being JSON: "pkg:
// path:3:5: reading cases: …".
func ReadFile[C any](pkg string, sentinel error, path string) (cs []C, at []string, err error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %w", pkg, err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, MaxBytes+1))
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %w", pkg, err)
	}
	if cs, err = read[C](sentinel, bytes.NewReader(data)); err != nil {
		if se, ok := errors.AsType[*json.SyntaxError](err); ok {
			line, column := jsonx.Position(data, int(se.Offset)-1) // the offset is past the byte at fault
			return nil, nil, fmt.Errorf("%s: %s:%d:%d: %w", pkg, path, line, column, err)
		}
		return nil, nil, fmt.Errorf("%s: %s: %w", pkg, path, err)
	}
	for _, line := range lines(data) {
		at = append(at, path+":"+strconv.Itoa(line))
	}
	return cs, at, nil
}

// lines returns the line, counted from 1, on which each element of data,
// a JSON array that [Read] accepted, begins.
func lines(data []byte) []int {
	dec := json.NewDecoder(bytes.NewReader(data))
	if _, err := dec.Token(); err != nil { // [
		return nil
	}
	var out []int
	line, counted := 1, 0
	for dec.More() {
		start := int(dec.InputOffset())
		for start < len(data) && (data[start] == ',' || data[start] == ' ' || data[start] == '\t' || data[start] == '\n' || data[start] == '\r') {
			start++
		}
		line += bytes.Count(data[counted:start], []byte("\n"))
		counted = start
		out = append(out, line)
		var skip json.RawMessage
		if dec.Decode(&skip) != nil {
			return out
		}
	}
	return out
}

// Load reads the cases of the JSON file at path with [ReadFile] for a
// helper's RunFile, with where each begins. A file that cannot be read or
// decoded is reported through t.Errorf, and ok is false: the helper runs
// nothing.
func Load[C any](t Testing, pkg string, sentinel error, path string) (cs []C, at []string, ok bool) {
	if h, ok := t.(interface{ Helper() }); ok {
		h.Helper()
	}
	cs, at, err := ReadFile[C](pkg, sentinel, path)
	if err != nil {
		t.Errorf("%v", err)
		return nil, nil, false
	}
	return cs, at, true
}

// NoCases reports, through t.Errorf, that a helper's Run was given no
// cases (nil or an empty slice), as a file of no cases is refused: a
// table that asserts nothing would pass, and look as if it tested
// something.
//
//	scoringtest: Run: no cases (nil or empty): a table of no cases tests nothing
func NoCases(t Testing, pkg string) {
	if h, ok := t.(interface{ Helper() }); ok {
		h.Helper()
	}
	t.Errorf("%s: Run: no cases (nil or empty): a table of no cases tests nothing", pkg)
}

// Where is how a helper names case i in a report: `case "late"`, or, for a
// case read from a file, where it begins in the file first:
// `testdata/speed.json:12: case "late"`. at is what [Load] gave, or nil.
func Where(at []string, name string, i int) string {
	if i < len(at) {
		return at[i] + ": case " + strconv.Quote(Name(name, i))
	}
	return "case " + strconv.Quote(Name(name, i))
}
