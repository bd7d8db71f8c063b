package fsync

import (
	"io/fs"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

func TestDir(t *testing.T) {
	if runtime.GOOS == "windows" {
		if err := Dir("no such directory"); err != nil {
			t.Errorf("Dir on Windows = %v, want nil: it does nothing there", err)
		}
		return
	}
	dir := t.TempDir()
	for _, tt := range []struct {
		name string
		dir  string
		want error
	}{
		{"a directory", dir, nil},
		{"the working directory", ".", nil},
		{"no such directory", filepath.Join(dir, "none"), fs.ErrNotExist},
	} {
		if diff := cmp.Diff(tt.want, Dir(tt.dir), cmpopts.EquateErrors()); diff != "" {
			t.Errorf("%s: Dir(%q) mismatch (-want +got):\n%s", tt.name, tt.dir, diff)
		}
	}
}
