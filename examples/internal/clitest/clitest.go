// Package clitest runs an example program's run function in the program's
// tests: a run that must succeed and print its golden file, and a run that
// must fail with an exit code and say why on stderr.
package clitest

import (
	"bytes"
	"io"
	"strings"

	"github.com/qingdan/qingdan/internal/golden"
)

// TB is the part of *testing.T the checks use.
type TB = golden.TB

// Run is a program's run function: it parses args, prints to stdout and
// stderr, and returns the exit code.
type Run func(args []string, stdout, stderr io.Writer) int

// Golden runs the program with args, fails t unless it exits 0 and writes
// nothing to stderr, and checks its standard output against the golden file
// at path ([golden.Check], rewritten when update is true).
func Golden(t TB, run Run, args []string, path string, update bool) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	if code := run(args, &stdout, &stderr); code != 0 {
		t.Fatalf("run(%q) = %d, stderr:\n%s", args, code, stderr.String())
	}
	if stderr.Len() != 0 {
		t.Errorf("run(%q) wrote to stderr:\n%s", args, stderr.String())
	}
	golden.Check(t, path, stdout.Bytes(), update)
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
