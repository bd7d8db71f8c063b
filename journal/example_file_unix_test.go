//go:build linux || darwin || freebsd || netbsd || openbsd || dragonfly || illumos

package journal_test

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/qingdan/qingdan/journal"
)

// A host appends to a journal file: each append is synced before it
// returns, and no other writer can open the file meanwhile.
func ExampleOpenFile() {
	dir, err := os.MkdirTemp("", "journal")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer os.RemoveAll(dir)
	name := filepath.Join(dir, "2020.jsonl")
	f, err := journal.OpenFile(name, nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, e := range whistle() {
		if _, err := f.Writer().AppendEvent(e); err != nil {
			fmt.Println(err) // reopen, and append only what File.Last does not record
			return
		}
	}
	_, err = journal.OpenFile(name, nil)
	fmt.Println("a second writer:", errors.Is(err, journal.ErrLocked))
	f.Close()

	f, err = journal.OpenFile(name, nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	defer f.Close()
	last, _ := f.Last()
	fmt.Println("reopened after entry", last.Seq, "records the accept:", last.Records(whistle()[3]))
	// Output:
	// a second writer: true
	// reopened after entry 4 records the accept: true
}
