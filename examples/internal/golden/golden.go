// Package golden compares an example's output with a golden file of our
// own output in the test's testdata folder, or rewrites the file when the
// test runs with -update. It is for the examples' tests only.
package golden

import (
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

// Check compares got with testdata/name. With update set it writes got to
// the file instead. A difference is reported as "name mismatch (-want
// +got)"; a missing file tells how to create it.
func Check(t TB, name string, got []byte, update bool) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if update {
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
		t.Errorf("%s mismatch (-want +got):\n%s", name, diff)
	}
}
