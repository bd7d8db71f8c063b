package names

import (
	"testing"
	"unicode/utf8"
)

var sink bool

// BenchmarkClean measures Clean on names as hosts write them, beside
// utf8.ValidString on the same names, the check every event's names pass
// through with it (matters.Matter.Apply).
func BenchmarkClean(b *testing.B) {
	for _, s := range []string{"赭山街道", "区市场监管局", "S1", "M-2024-000123"} {
		b.Run(s, func(b *testing.B) {
			for b.Loop() {
				sink = Clean(s)
			}
		})
		b.Run("utf8/"+s, func(b *testing.B) {
			for b.Loop() {
				sink = utf8.ValidString(s)
			}
		})
	}
}
