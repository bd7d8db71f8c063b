package golden

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// fakeT records what Check reports.
type fakeT struct{ errors, fatals []string }

func (*fakeT) Helper() {}
func (f *fakeT) Errorf(format string, args ...any) {
	f.errors = append(f.errors, fmt.Sprintf(format, args...))
}
func (f *fakeT) Fatalf(format string, args ...any) {
	f.fatals = append(f.fatals, fmt.Sprintf(format, args...))
}

func TestCheck(t *testing.T) {
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Chdir(t.TempDir()); err != nil {
		t.Fatal(err)
	}
	defer func() {
		if err := os.Chdir(wd); err != nil {
			t.Fatal(err)
		}
	}()
	var f fakeT
	Check(&f, "testdata/out.golden", []byte("清单\n"), false)
	if len(f.fatals) != 1 || !strings.Contains(f.fatals[0], "-update") {
		t.Errorf("missing file: fatals %q; want one that tells how to create it", f.fatals)
	}

	f = fakeT{}
	Check(&f, "testdata/out.golden", []byte("清单\n"), true)
	if b, err := os.ReadFile(filepath.Join("testdata", "out.golden")); err != nil || string(b) != "清单\n" {
		t.Errorf("after -update the file holds %q, %v; want the output", b, err)
	}

	f = fakeT{}
	Check(&f, "testdata/out.golden", []byte("清单\n"), false)
	if len(f.errors)+len(f.fatals) != 0 {
		t.Errorf("same output: reported %q %q; want nothing", f.errors, f.fatals)
	}

	f = fakeT{}
	Check(&f, "testdata/out.golden", []byte("清单 changed\n"), false)
	if len(f.errors) != 1 || !strings.Contains(f.errors[0], "testdata/out.golden mismatch (-want +got)") {
		t.Errorf("changed output: errors %q; want one mismatch naming the file", f.errors)
	}
}

func TestJSON(t *testing.T) {
	path := filepath.Join(t.TempDir(), "v.golden")
	type item struct {
		Name string `json:"name"`
	}
	var f fakeT
	if b := JSON(&f, path, item{"清单"}, true); string(b) != `{"name":"清单"}` {
		t.Errorf("JSON returned %q; want the JSON without a newline", b)
	}
	if b, err := os.ReadFile(path); err != nil || string(b) != "{\"name\":\"清单\"}\n" {
		t.Errorf("after -update the file holds %q, %v; want the JSON and a newline", b, err)
	}
	JSON(&f, path, item{"清单"}, false)
	if len(f.errors)+len(f.fatals) != 0 {
		t.Errorf("same value: reported %q %q; want nothing", f.errors, f.fatals)
	}
	JSON(&f, path, item{"名单"}, false)
	if len(f.errors) != 1 || !strings.Contains(f.errors[0], "mismatch (-want +got)") {
		t.Errorf("changed value: errors %q; want one mismatch", f.errors)
	}
	f = fakeT{}
	if b := JSON(&f, path, func() {}, false); b != nil || len(f.fatals) != 1 || !strings.Contains(f.fatals[0], path) {
		t.Errorf("unmarshallable value: returned %q, fatals %q; want nil and one naming the file", b, f.fatals)
	}
}
