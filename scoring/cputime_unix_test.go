//go:build unix

package scoring_test

import (
	"syscall"
	"time"
)

// cpuTime returns the CPU time the process has used, user and system.
// Benchmarks report it per op beside the wall-clock ns/op, which a busy
// shared machine inflates.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
