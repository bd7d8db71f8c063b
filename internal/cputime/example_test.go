package cputime_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/qingdan/qingdan/internal/cputime"
)

// A benchmark defers the returned func, which reports cpu-ns/op when the
// loop is done.
func ExampleReport() {
	r := testing.Benchmark(func(b *testing.B) {
		defer cputime.Report(b)()
		for range b.N {
			_ = strings.Repeat("办", 64)
		}
	})
	_, ok := r.Extra["cpu-ns/op"]
	fmt.Println("cpu-ns/op reported:", ok)
	// Output:
	// cpu-ns/op reported: true
}
