package matters

import (
	"time"

	"github.com/qingdan/qingdan/matters/workday"
)

// DueReadingAlone is [Catalog.Due] with every clock reading the calendar
// 1ns before the scan's instant itself, as Due did before it measured
// that nanosecond once per scan and took the clocks' readings then from
// theirs at the instant: the tests compare the two.
func DueReadingAlone(c *Catalog, cal *workday.Calendar, at time.Time, ms []*Matter) ([]Event, error) {
	s := newDueScan(cal, c, at)
	s.ticked = false
	return s.run(ms)
}
