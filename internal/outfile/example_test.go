package outfile_test

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/qingdan/qingdan/internal/outfile"
)

// A program writes its output file whole: a run that fails before Commit
// leaves the file as it was.
func Example() {
	dir, err := os.MkdirTemp("", "outfile")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer os.RemoveAll(dir)
	name := filepath.Join(dir, "list.json")

	f, err := outfile.Create(name)
	if err != nil {
		fmt.Println(err)
		return
	}
	defer f.Abort() // after Commit, a no-op
	fmt.Fprintln(f, `{"powers": []}`)
	_, err = os.Stat(name)
	fmt.Println("before Commit:", err != nil)
	if err := f.Commit(); err != nil {
		fmt.Println(err)
		return
	}
	b, err := os.ReadFile(name)
	fmt.Printf("after Commit: %s%v\n", b, err)

	fmt.Println(outfile.WriteFile(dir, nil))
	// Output:
	// before Commit: true
	// after Commit: {"powers": []}
	// <nil>
	// is a directory
}
