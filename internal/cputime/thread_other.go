//go:build !linux

package cputime

import "time"

// Thread returns false: the CPU time of a thread is known on Linux only.
func Thread() (time.Duration, bool) { return 0, false }
