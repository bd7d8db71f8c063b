package cputime

import "time"

// rusageThread is Linux's RUSAGE_THREAD, which package syscall does not
// name: the usage of the calling thread.
const rusageThread = 1

// Thread returns the CPU time, user and system, of the calling thread,
// and whether the platform says (Linux). A caller that measures a step
// with it locks its goroutine to the thread (runtime.LockOSThread).
func Thread() (time.Duration, bool) { return usage(rusageThread) }
