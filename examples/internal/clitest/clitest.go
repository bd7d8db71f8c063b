// Package clitest runs an example program's run function in the program's
// tests: a run that must succeed and print its golden file, and a run that
// must fail with an exit code and say why on stderr. It gives the tests
// that import it the -update flag, which rewrites the golden files.
package clitest

import (
	"bytes"
	"flag"
	"io"
	"strings"

	"github.com/qingdan/qingdan/internal/golden"
)

// TB is the part of *testing.T the checks use.
type TB = golden.TB

// Run is a program's run function: it parses args, prints to stdout and
// stderr, and returns the exit code.
type Run func(args []string, stdout, stderr io.Writer) int

// update is the -update flag of the tests: [Check] rewrites the golden
// files instead of comparing with them.
var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// Check compares got with the golden file at path as [golden.Check] does,
// or rewrites the file when the test runs with -update.
func Check(t TB, path string, got []byte) {
	t.Helper()
	golden.Check(t, path, got, *update)
}

// Golden runs the program with args, fails t unless it exits 0 and writes
// nothing to stderr, and checks its standard output against the golden file
// at path ([Check]).
func Golden(t TB, run Run, args []string, path string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	if code := run(args, &stdout, &stderr); code != 0 {
		t.Fatalf("run(%q) = %d, stderr:\n%s", args, code, stderr.String())
	}
	if stderr.Len() != 0 {
		t.Errorf("run(%q) wrote to stderr:\n%s", args, stderr.String())
	}
	Check(t, path, stdout.Bytes())
}

// Fails runs the program with args and fails t unless it exits with code
// and its stderr contains each of the strings in stderr.
func Fails(t TB, run Run, args []string, code int, stderr ...string) {
	t.Helper()
	var out, errs bytes.Buffer
	if got := run(args, &out, &errs); got != code {
		t.Errorf("run(%q) = %d, want %d; stderr:\n%s", args, got, code, errs.String())
	}
	for _, s := range stderr {
		if !strings.Contains(errs.String(), s) {
			t.Errorf("run(%q) stderr = %q, want it to contain %q", args, errs.String(), s)
		}
	}
}
