// Package golden compares a test's output with a golden file of our own
// output, or rewrites the file when the test runs with -update. It is for
// tests only.
package golden

import (
	"encoding/json"
	"os"
	"path/filepath"

	"github.com/google/go-cmp/cmp"
)

// TB is the part of testing.TB that Check uses.
type TB interface {
	Helper()
	Errorf(format string, args ...any)
	Fatalf(format string, args ...any)
}

// Check compares got with the file at path, relative to the test's
// package, usually testdata/name. With update set it writes got to the
// file instead, making its folder if need be. A difference is reported as
// "path mismatch (-want +got)"; a missing file tells how to create it.
func Check(t TB, path string, got []byte, update bool) {
	t.Helper()
	if update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatalf("writing %s: %v", path, err)
			return
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatalf("writing %s: %v", path, err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
		return
	}
	if diff := cmp.Diff(string(want), string(got)); diff != "" {
		t.Errorf("%s mismatch (-want +got):\n%s", path, diff)
	}
}

// JSON marshals v with encoding/json and checks it, with a final newline,
// against the file at path as [Check] does. It returns the JSON without the
// newline, for a test that reads it back; nil, after a Fatalf, if v cannot
// be marshalled.
func JSON(t TB, path string, v any, update bool) []byte {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
		return nil
	}
	Check(t, path, append(b[:len(b):len(b)], '\n'), update)
	return b
}
