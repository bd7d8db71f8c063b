//go:build !linux

package hardening

import "time"

// threadCPU is unknown here: Took counts wall-clock time.
func threadCPU() (time.Duration, bool) { return 0, false }
