package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
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
