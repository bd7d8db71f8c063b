package hardening

import (
	"runtime"
	"time"

	"github.com/qingdan/qingdan/internal/cputime"
)

// Took runs f and returns the CPU time it took, where the platform says
// (Linux: the time of the thread f runs on, which Took keeps to itself),
// and the wall-clock time elsewhere. It is the time a budget guards: a
// machine loaded with other work slows f's wall clock, not its CPU time.
// Work f hands to other goroutines is not counted; the guarded steps run
// on the caller's.
func Took(f func()) time.Duration {
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	startCPU, cpuOK := cputime.Thread()
	start := time.Now()
	f()
	wall := time.Since(start)
	if end, ok := cputime.Thread(); cpuOK && ok {
		return min(end-startCPU, wall)
	}
	return wall
}

// Allocated runs f and returns the bytes it allocated on the heap
// (runtime.MemStats.TotalAlloc before and after): the measure of a bound
// on memory, which, unlike time, a loaded machine does not move. Work of
// other goroutines meanwhile counts too; the tests that use it run none.
func Allocated(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}
