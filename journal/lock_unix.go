//go:build linux || darwin || freebsd || netbsd || openbsd || dragonfly || illumos

package journal

import (
	"errors"
	"fmt"
	"os"
	"syscall"
)

// canLock reports that lock locks.
const canLock = true

// lock takes an exclusive flock on the file, without waiting: another open
// file description holding it, in this process or another, is ErrLocked.
// The lock goes when the file is closed, or its process ends.
func lock(f *os.File) error {
	for {
		err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
		switch {
		case err == nil:
			return nil
		case errors.Is(err, syscall.EINTR):
			continue
		case errors.Is(err, syscall.EWOULDBLOCK):
			return ErrLocked
		}
		return fmt.Errorf("locking: %w", err)
	}
}
