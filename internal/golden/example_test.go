package golden_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/qingdan/qingdan/internal/golden"
)

// recorder is a golden.TB that keeps what Check reports. A test passes
// its *testing.T instead.
type recorder struct{ dir string }

func (*recorder) Helper() {}

func (r *recorder) Errorf(format string, args ...any) { r.print("Errorf", format, args) }

func (r *recorder) Fatalf(format string, args ...any) { r.print("Fatalf", format, args) }

// print prints the first line of a report (the diff under it is cmp's,
// whose text is deliberately unstable), with the temporary folder
// written as $DIR.
func (r *recorder) print(method, format string, args []any) {
	msg, _, _ := strings.Cut(fmt.Sprintf(format, args...), "\n")
	fmt.Println(method+":", strings.ReplaceAll(msg, r.dir, "$DIR"))
}

// A golden test's life: the file is missing until go test -update writes
// it; then the same output passes and a changed one is reported with the
// file's path. A test names its file testdata/name, relative to its
// package; this example works in a temporary folder.
func ExampleCheck() {
	dir, err := os.MkdirTemp("", "golden")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer os.RemoveAll(dir)
	t := &recorder{dir: dir}
	path := filepath.Join(dir, "testdata", "report.golden")

	fmt.Println("first run:")
	golden.Check(t, path, []byte("办结率 0.8298\n"), false)
	fmt.Println("with -update:")
	golden.Check(t, path, []byte("办结率 0.8298\n"), true)
	fmt.Println("same output:")
	golden.Check(t, path, []byte("办结率 0.8298\n"), false)
	fmt.Println("changed output:")
	golden.Check(t, path, []byte("办结率 0.8300\n"), false)
	// Output:
	// first run:
	// Fatalf: open $DIR/testdata/report.golden: no such file or directory (run go test -update to create it)
	// with -update:
	// same output:
	// changed output:
	// Errorf: $DIR/testdata/report.golden mismatch (-want +got):
}
