// Package fsync syncs what a file's own Sync does not reach: the
// directory that holds its name, so that a file created or renamed there
// is still there after a crash.
package fsync

import (
	"os"
	"runtime"
)

// Dir syncs the directory name, so that a name created in it, or renamed
// into it, survives a crash. Windows has no such sync, and its rename is
// durable as it is: there Dir does nothing.
func Dir(name string) error {
	if runtime.GOOS == "windows" {
		return nil
	}
	d, err := os.Open(name)
	if err != nil {
		return err
	}
	err = d.Sync()
	if cerr := d.Close(); err == nil {
		err = cerr
	}
	return err
}
