package qingdan_test

import (
	"io/fs"
	"path/filepath"
	"strings"
	"testing"
)

// libraryDirs returns the folders of the module below the root, the root
// included, that the checks of the whole library read: every folder but
// examples (programs and a module of their own), testdata and hidden ones.
func libraryDirs(t testing.TB) []string {
	t.Helper()
	var dirs []string
	err := filepath.WalkDir(".", func(path string, d fs.DirEntry, err error) error {
		switch {
		case err != nil:
			return err
		case !d.IsDir():
			return nil
		case path == "examples" || d.Name() == "testdata" || strings.HasPrefix(d.Name(), ".") && path != ".":
			return filepath.SkipDir
		}
		dirs = append(dirs, path)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return dirs
}

// libraryFiles returns the Go files of libraryDirs that are not tests.
func libraryFiles(t testing.TB) []string {
	t.Helper()
	var files []string
	for _, dir := range libraryDirs(t) {
		names, err := filepath.Glob(filepath.Join(dir, "*.go"))
		if err != nil {
			t.Fatal(err)
		}
		for _, name := range names {
			if !strings.HasSuffix(name, "_test.go") {
				files = append(files, name)
			}
		}
	}
	return files
}
