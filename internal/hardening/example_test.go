package hardening_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/qingdan/qingdan/internal/hardening"
)

// recorder is the testing.TB that Covered reports to. Only Helper, Errorf,
// Fatal and Fatalf are defined; any other method would panic on the nil
// embedded TB, and Covered calls no other. A hardening test passes its
// *testing.T to Test instead, which runs Covered and the rows.
type recorder struct{ testing.TB }

func (recorder) Helper()                           {}
func (recorder) Errorf(format string, args ...any) { fmt.Printf(format+"\n", args...) }
func (recorder) Fatal(args ...any)                 { fmt.Println(args...) }
func (recorder) Fatalf(format string, args ...any) { fmt.Printf(format+"\n", args...) }

// Covered names each exported function and method of a package that has
// no row. The package in testdata/sample has F, T.M, T.P and G.M (the
// receiver of a generic type is named without its type parameters); its
// unexported functions, the methods of its unexported type and what its
// test files declare need no row.
func ExampleCovered() {
	rows := []hardening.Row{
		{Name: "sample.F", Run: func(c *hardening.Caller) { c.Call("F()", func() {}) }},
		{Name: "sample.G.M", Run: func(c *hardening.Caller) { c.Call("G[int, string]{}.M()", func() {}) }},
	}
	hardening.Covered(recorder{}, "testdata/sample", rows)
	// Output:
	// sample.T.M (testdata/sample/sample.go) has no hardening row
	// sample.T.P (testdata/sample/sample.go) has no hardening row
}

// The generic rows are named as Covered looks for them. The rows run only
// under Test or Run, which need a *testing.T, so this example shows their
// names, not what they call.
func ExampleErrorRows() {
	rows := hardening.ErrorRows[LimitError]("matters", "LimitError", true)
	rows = append(rows, hardening.MarshalRow[Points]("scoring.Points"))
	for _, r := range rows {
		fmt.Println(r.Name)
	}
	// Output:
	// matters.LimitError.Error
	// matters.LimitError.Unwrap
	// scoring.Points.MarshalJSON
}

// LimitError stands for an error type of the library.
type LimitError struct{ Err error }

func (e *LimitError) Error() string { return fmt.Sprint("limit: ", e.Err) }
func (e *LimitError) Unwrap() error { return e.Err }

// Points stands for a type of the library with its own JSON.
type Points int

func (p Points) MarshalJSON() ([]byte, error) { return fmt.Appendf(nil, `"%d"`, int(p)), nil }

// Frames keeps, of a stack that debug.Stack printed when a row's call
// panicked, the library's own frames: not the runtime's, not this
// package's and not the tests'.
func ExampleFrames() {
	stack := strings.Join([]string{
		"goroutine 7 [running]:",
		"runtime/debug.Stack()",
		"\t/usr/local/go/src/runtime/debug/stack.go:26 +0x5e",
		"github.com/qingdan/qingdan/internal/hardening.(*Caller).Call.func1()",
		"\t/src/qingdan/internal/hardening/hardening.go:90 +0x4f",
		"panic({0x5c1e20?, 0x6a3b10?})",
		"\t/usr/local/go/src/runtime/panic.go:787 +0x132",
		"github.com/qingdan/qingdan/matters.(*Matter).Apply(...)",
		"\t/src/qingdan/matters/matter.go:120 +0x1c",
		"github.com/qingdan/qingdan/matters_test.TestHardening.func3()",
		"\t/src/qingdan/matters/hardening_test.go:40 +0x2a",
	}, "\n")
	fmt.Println(hardening.Frames([]byte(stack)))
	// Output:
	// 	github.com/qingdan/qingdan/matters.(*Matter).Apply(...) at /src/qingdan/matters/matter.go:120 +0x1c
}

// Clip keeps a failure message readable when a row calls with a hostile
// value such as Huge: it keeps the first 120 bytes and notes the length.
func ExampleClip() {
	fmt.Println(hardening.Clip("short"))
	fmt.Println(hardening.Clip(strings.Repeat("0123456789", 13)))
	fmt.Println(len(hardening.Huge), "bytes:", strings.HasSuffix(hardening.Clip(hardening.Huge), "…(229376 bytes)"))
	// Output:
	// short
	// 012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789…(130 bytes)
	// 229376 bytes: true
}
