package samples_test

import (
	"fmt"

	"github.com/qingdan/qingdan/internal/hardening/samples"
)

// The matters a row calls methods on: the zero one, one in progress, one
// whose state contradicts its events, and nil.
func ExampleMatters() {
	for _, m := range samples.Matters() {
		if m == nil {
			fmt.Println("nil")
			continue
		}
		fmt.Printf("%q %s, %d events\n", m.ID, m.State, len(m.Events))
	}
	// Output:
	// "" State(0), 0 events
	// "M1" accepted, 8 events
	// "M2" State(99), 2 events
	// nil
}
