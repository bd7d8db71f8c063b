package accountability

import (
	"fmt"
	"testing"
)

// smallFlowSizes are flowcharts as a power list draws them: about ten
// steps, and a few beyond.
var smallFlowSizes = []int{6, 10, 16, 32}

// BenchmarkSmallFlow indexes and walks one small flowchart, as
// Register.Validate does for every power's flow.
func BenchmarkSmallFlow(b *testing.B) {
	for _, n := range smallFlowSizes {
		f := bigFlow(n)
		checkBigCriticalPath(b, &f)
		checkBigOrder(b, &f)
		b.Run(fmt.Sprintf("CriticalPath/steps=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				if _, _, err := f.CriticalPath(); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(fmt.Sprintf("Order/steps=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				if _, err := f.Order(); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
