package samples_test

import (
	"fmt"
	"time"

	"github.com/qingdan/qingdan/internal/hardening/samples"
	"github.com/qingdan/qingdan/matters/workday"
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

// Working time from 11:00 to 15:00 on a Monday, on the office-hours
// calendar, is the hour before lunch and the half hour after it.
func ExampleOfficeHours() {
	day := func(h, m int) time.Time { return time.Date(2020, 6, 1, h, m, 0, 0, workday.CST()) }
	d, err := samples.OfficeHours().Between(day(11, 0), day(15, 0))
	fmt.Println(d, err)
	// Output: 1h30m0s <nil>
}
