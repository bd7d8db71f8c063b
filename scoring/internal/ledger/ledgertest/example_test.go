package ledgertest_test

import (
	"fmt"
	"unicode/utf8"

	"github.com/qingdan/qingdan/scoring/internal/ledger/ledgertest"
)

// How many of the edge IDs a book accepts: the valid UTF-8, non-empty ones.
func ExampleEdgeIDs() {
	valid := 0
	for _, id := range ledgertest.EdgeIDs() {
		if id != "" && utf8.ValidString(id) {
			valid++
		}
	}
	fmt.Println(len(ledgertest.EdgeIDs()), valid)
	// Output:
	// 50 43
}
