package errlist_test

import (
	"errors"
	"fmt"
	"strings"

	"github.com/qingdan/qingdan/internal/errlist"
)

func ExampleList() {
	errInvalid := errors.New("invalid")
	var l errlist.List
	for i := range 250 {
		if l.Full() {
			l.Add(errInvalid) // only counted
			continue
		}
		l.Addf("%w: item %d", errInvalid, i)
	}
	err := l.Err(errInvalid)
	lines := strings.Split(err.Error(), "\n")
	fmt.Println(len(lines), errors.Is(err, errInvalid))
	fmt.Println(lines[0])
	fmt.Println(lines[len(lines)-1])
	// Output:
	// 101 true
	// invalid: item 0
	// invalid: 150 more problems (only the first 100 are listed)
}
