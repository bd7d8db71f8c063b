//go:build !(linux || darwin || freebsd || netbsd || openbsd || dragonfly || illumos)

package journal

import (
	"errors"
	"fmt"
	"os"
)

// canLock reports that this platform has no flock: OpenFile refuses.
const canLock = false

// lock refuses: this platform has no flock, and a File must not be opened
// for writing without one. Open the file yourself, make sure of one writer
// another way, and use Recover and NewWriterAt.
func lock(*os.File) error {
	return fmt.Errorf("no file lock on this platform: %w", errors.ErrUnsupported)
}
