//go:build !unix

package scoring_test

import "time"

// cpuTime is unknown here: benchmarks report 0 cpu-ns/op.
func cpuTime() time.Duration { return 0 }
