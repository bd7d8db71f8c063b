package cli

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"
)

func TestParse(t *testing.T) {
	for _, tt := range []struct {
		args   []string
		code   int
		stop   bool
		stderr string // in the output; "" for none
	}{
		{nil, 0, false, ""},
		{[]string{"-n", "3"}, 0, false, ""},
		{[]string{"-h"}, 0, true, "-n"},
		{[]string{"-nope"}, 2, true, "flag provided but not defined: -nope"},
		{[]string{"-n", "3", "extra"}, 2, true, `prog: unexpected argument "extra"`},
	} {
		var out bytes.Buffer
		fs := NewFlagSet("prog", &out)
		fs.Int("n", 0, "a number")
		code, stop := Parse(fs, tt.args)
		if code != tt.code || stop != tt.stop || (tt.stderr == "") != (out.Len() == 0) || !strings.Contains(out.String(), tt.stderr) {
			t.Errorf("Parse(%q) = %d, %v with output %q; want %d, %v and %q", tt.args, code, stop, out.String(), tt.code, tt.stop, tt.stderr)
		}
	}
}

func TestLoad(t *testing.T) {
	fsys := fstest.MapFS{"data/a.json": {Data: []byte(`{"n": 1}`)}, "data/typo.json": {Data: []byte(`{"m": 1}`)}}
	dir := t.TempDir()
	file := filepath.Join(dir, "b.json")
	if err := os.WriteFile(file, []byte(`{"n": 2} {}`), 0o644); err != nil {
		t.Fatal(err)
	}
	type value struct {
		N int `json:"n"`
	}
	var v value
	if err := Load(fsys, "data/a.json", "", "value", &v); err != nil || v.N != 1 {
		t.Errorf("Load of the built-in data = %+v, %v; want n 1", v, err)
	}
	for _, tt := range []struct {
		err  error
		want string
	}{
		{Decode(fsys, "data/typo.json", &v), `data/typo.json: json: unknown field "m"`},
		{Decode(fsys, "data/none.json", &v), "data/none.json"},
		{Load(fsys, "data/a.json", file, "value", &v), "value " + file + ": trailing data"},
		{Load(fsys, "data/a.json", filepath.Join(dir, "none.json"), "value", &v), "none.json"},
		{load(fsys, "data/a.json", file, "value", &v, 5), "value " + file + ": input is longer than 5 bytes"},
	} {
		if tt.err == nil || !strings.Contains(tt.err.Error(), tt.want) {
			t.Errorf("error %v, want one with %q", tt.err, tt.want)
		}
	}
}

func TestRead(t *testing.T) {
	fsys := fstest.MapFS{"data/a.txt": {Data: []byte("甲")}, "data/empty.txt": {}}
	dir := t.TempDir()
	file := filepath.Join(dir, "b.txt")
	if err := os.WriteFile(file, []byte("乙"), 0o644); err != nil {
		t.Fatal(err)
	}
	// load stands for a library's loader: it refuses an empty input.
	load := func(r io.Reader) (string, error) {
		b, err := io.ReadAll(r)
		if len(b) == 0 && err == nil {
			err = errors.New("empty")
		}
		return string(b), err
	}
	type result struct {
		V   string
		Err string // "" for none
	}
	errText := func(v string, err error) result {
		if err != nil {
			return result{v, err.Error()}
		}
		return result{v, ""}
	}
	for _, tt := range []struct {
		name string
		got  result
		want result
	}{
		{"embedded", errText(Read(fsys, "data/a.txt", load)), result{"甲", ""}},
		{"embedded, loader fails", errText(Read(fsys, "data/empty.txt", load)), result{"", "data/empty.txt: empty"}},
		{"embedded, missing", errText(Read(fsys, "data/none.txt", load)), result{"", "open data/none.txt: file does not exist"}},
		{"file", errText(ReadFile(file, load)), result{"乙", ""}},
		{"file, loader fails", errText(ReadFile(dir, load)), result{"", dir + ": read " + dir + ": is a directory"}},
		{"file, missing", errText(ReadFile(filepath.Join(dir, "none.txt"), load)), result{"", "open " + filepath.Join(dir, "none.txt") + ": no such file or directory"}},
	} {
		if diff := cmp.Diff(tt.want, tt.got); diff != "" {
			t.Errorf("%s: mismatch (-want +got):\n%s", tt.name, diff)
		}
	}
}
