package clitest_test

import (
	"fmt"
	"io"

	"github.com/qingdan/qingdan/accountability"
	"github.com/qingdan/qingdan/examples/internal/clitest"
)

// printer is a clitest.TB that prints what the checks report. A test
// passes its *testing.T instead.
type printer struct{}

func (printer) Helper() {}

func (printer) Errorf(format string, args ...any) { fmt.Printf("Errorf: "+format+"\n", args...) }

func (printer) Fatalf(format string, args ...any) { fmt.Printf("Fatalf: "+format+"\n", args...) }

// run is a program that wants no arguments.
func run(args []string, stdout, stderr io.Writer) int {
	if len(args) > 0 {
		fmt.Fprintf(stderr, "prog: unexpected argument %q\n", args[0])
		return 2
	}
	fmt.Fprintln(stdout, "done")
	return 0
}

// A failing run passes when its exit code and stderr are as wanted, and is
// reported otherwise.
func ExampleFails() {
	clitest.Fails(printer{}, run, []string{"extra"}, 2, `unexpected argument "extra"`)
	fmt.Println("-- wrong code and message:")
	clitest.Fails(printer{}, run, []string{"extra"}, 1, "no such flag")
	// Output:
	// -- wrong code and message:
	// Errorf: run(["extra"]) = 2, want 1; stderr:
	// prog: unexpected argument "extra"
	//
	// Errorf: run(["extra"]) stderr = "prog: unexpected argument \"extra\"\n", want it to contain "no such flag"
}

// A finding that is not an error with both messages is marked, so that a
// comparison with the wanted rules and paths fails on it.
func ExampleRulesAt() {
	fs := accountability.Findings{
		{Rule: "wuhu.reform.fund", Severity: accountability.Error, Path: "streets[baoding]", Message: "below the minimum", Chinese: "低于最低"},
		{Rule: "wuhu.reform.posts", Severity: accountability.Warning, Path: "streets", Message: "35 posts", Chinese: "35 个"},
	}
	type ruleAt struct{ Rule, Path string }
	for _, r := range clitest.RulesAt[ruleAt](fs) {
		fmt.Printf("%s at %s\n", r.Rule, r.Path)
	}
	// Output:
	// wuhu.reform.fund at streets[baoding]
	// no Chinese, no message or not an error: wuhu.reform.posts at streets
}
