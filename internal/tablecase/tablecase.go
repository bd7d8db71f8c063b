// Package tablecase is the core that the test-helper packages
// accountabilitytest and scoringtest share: a case's name, and reading
// their cases from JSON. [Recorder] and [Recorder.Check] are the fake T
// their own tests use.
package tablecase

import (
	"fmt"
	"io"
	"os"

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

// Read reads a JSON array of cases strictly: an unknown field is an
// error, so that a misspelt key cannot make a case pass, and so is
// anything after the array. Its errors begin "pkg: reading cases: ".
func Read[C any](pkg string, r io.Reader) ([]C, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("%s: reading cases: %w", pkg, err)
	}
	var cs []C
	if err := jsonx.Decode(data, &cs); err != nil {
		return nil, fmt.Errorf("%s: reading cases: %w", pkg, err)
	}
	return cs, nil
}

// ReadFile reads the cases of the JSON file at path with [Read]. Its
// errors begin "pkg: ", and name the file when it cannot be decoded.
func ReadFile[C any](pkg, path string) ([]C, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", pkg, err)
	}
	defer f.Close()
	cs, err := Read[C](pkg, f)
	if err != nil {
		return nil, fmt.Errorf("%s: %s: %w", pkg, path, err)
	}
	return cs, nil
}
