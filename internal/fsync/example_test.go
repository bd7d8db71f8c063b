package fsync_test

import (
	"fmt"

	"github.com/qingdan/qingdan/internal/fsync"
)

// After renaming a file into a directory, a program syncs the directory,
// so that the new name survives a crash.
func ExampleDir() {
	if err := fsync.Dir("."); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("synced")
	// Output: synced
}
