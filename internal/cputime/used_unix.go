//go:build unix

package cputime

import (
	"syscall"
	"time"
)

// used returns the CPU time the process has used, user and system.
func used() time.Duration {
	d, _ := usage(syscall.RUSAGE_SELF)
	return d
}

// usage returns the CPU time, user and system, that getrusage reports
// for who.
func usage(who int) (time.Duration, bool) {
	var ru syscall.Rusage
	if err := syscall.Getrusage(who, &ru); err != nil {
		return 0, false
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano()), true
}
