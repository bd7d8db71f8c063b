package main

import (
	"bytes"
	"slices"
	"strings"
	"testing"

	"github.com/qingdan/qingdan/accountability"
	"github.com/qingdan/qingdan/examples/internal/cli"
)

// TestLayoutCounts checks that the template check's line counts the bodies
// the units hold rather than repeating the template's "5+3+1": the
// template's one self-set body is a maximum, so units without one pass the
// check and the line says so.
func TestLayoutCounts(t *testing.T) {
	var units []accountability.Unit
	if err := cli.Decode(dataFS, "data/units.json", &units); err != nil {
		t.Fatal(err)
	}
	noSelfSet := slices.DeleteFunc(slices.Clone(units), func(u accountability.Unit) bool { return u.SelfSet })
	for _, tc := range []struct {
		name  string
		units []accountability.Unit
		want  string
	}{
		{"built-in", units, "模板检查：符合（5 个办公室、3 个中心、1 个自设机构）；派驻机构 4 个"},
		{"no self-set body", noSelfSet, "模板检查：符合（5 个办公室、3 个中心、0 个自设机构）；派驻机构 4 个"},
	} {
		var out bytes.Buffer
		p := &printer{w: &out, units: tc.units}
		p.layout()
		if !strings.Contains(out.String(), tc.want) {
			t.Errorf("%s: layout printed\n%s\nwant a line %q", tc.name, out.String(), tc.want)
		}
	}
}
