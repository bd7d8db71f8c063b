// Package templatetest checks what every locality's body layout promises,
// for the tests of the locality packages, and gives each locality's
// Template its hardening row.
package templatetest

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/qingdan/qingdan/accountability"
	"github.com/qingdan/qingdan/internal/hardening"
)

// Want is what a locality's template is: its name, and how many offices,
// centres and self-set bodies it has.
type Want struct {
	Name                         string
	Offices, Centers, MaxSelfSet int
}

// Test checks the template tmpl returns, in four subtests: it is want,
// and its bodies are named, unpadded and listed once; a sub-district with
// exactly its bodies, and as many self-set ones as it allows, is clean,
// and one self-set body more is a template.selfset finding; each call
// returns a fresh value; and calls from several goroutines at once, each
// changing the template it gets, while they check one layout against one
// shared template, give what they give alone (go test -race checks what
// they share).
func Test(t *testing.T, tmpl func() accountability.Template, want Want) {
	t.Run("want", func(t *testing.T) {
		got := tmpl()
		if g := (Want{got.Name, len(got.Offices), len(got.Centers), got.MaxSelfSet}); g != want {
			t.Errorf("Template() = %q with %d offices, %d centres, %d self-set; want %q with %d, %d, %d",
				g.Name, g.Offices, g.Centers, g.MaxSelfSet, want.Name, want.Offices, want.Centers, want.MaxSelfSet)
		}
		seen := map[string]bool{}
		for _, n := range slices.Concat(got.Offices, got.Centers) {
			if n == "" || n != strings.TrimSpace(n) || seen[n] {
				t.Errorf("body %q: empty, padded or listed twice", n)
			}
			seen[n] = true
		}
	})
	t.Run("checks its own layout", func(t *testing.T) {
		tm := tmpl()
		units := layout(tm)
		if got := tm.Check(units, "S"); len(got) != 0 {
			t.Errorf("Check(its own layout) = %v, want no findings", got)
		}
		units = append(units, accountability.Unit{ID: "Y", Name: "多余", Kind: accountability.Office, Parent: "S", SelfSet: true})
		if got := tm.Check(units, "S"); len(got) != 1 || got[0].Rule != "template.selfset" {
			t.Errorf("Check(one self-set body too many) = %v, want one template.selfset finding", got)
		}
	})
	t.Run("fresh", func(t *testing.T) {
		a := tmpl()
		want := accountability.Template{Name: a.Name, Offices: slices.Clone(a.Offices), Centers: slices.Clone(a.Centers), MaxSelfSet: a.MaxSelfSet}
		a.Offices[0], a.Centers[0] = "changed", "changed"
		if diff := cmp.Diff(want, tmpl()); diff != "" {
			t.Errorf("Template() returns shared state: mismatch (-want +got):\n%s", diff)
		}
	})
	shared := tmpl()
	units := layout(shared)
	units = append(units[:len(units)-1:len(units)-1], accountability.Unit{ID: "Y", Name: "多余", Kind: accountability.Center, Parent: "S"})
	hardening.Agree(t, "concurrent", func(g, i int) any {
		own := tmpl()
		got := []any{fmt.Sprint(own), shared.Check(units, "S"), own.Check(units, fmt.Sprint("S", i%2))} // own as given, before the change below
		own.Offices[i%len(own.Offices)], own.Centers[g%len(own.Centers)] = "changed", "changed"
		return got
	})
}

// layout returns the units of a sub-district "S" with exactly tm's bodies
// and as many self-set ones as it allows.
func layout(tm accountability.Template) []accountability.Unit {
	units := []accountability.Unit{{ID: "S", Name: "街道", Kind: accountability.Subdistrict}}
	for i, n := range tm.Offices {
		units = append(units, accountability.Unit{ID: fmt.Sprint("O", i), Name: n, Kind: accountability.Office, Parent: "S"})
	}
	for i, n := range tm.Centers {
		units = append(units, accountability.Unit{ID: fmt.Sprint("C", i), Name: n, Kind: accountability.Center, Parent: "S"})
	}
	for i := range tm.MaxSelfSet {
		units = append(units, accountability.Unit{ID: fmt.Sprint("X", i), Name: fmt.Sprint("自设", i), Kind: accountability.Office, Parent: "S", SelfSet: true})
	}
	return units
}

// Hardening is a locality's hardening test ([hardening.Test]): it runs a
// row for pkg.Template, which fails if tmpl panics, and rows, those of
// the package's other exported functions, and checks that every exported
// function of the package has a row.
func Hardening(t *testing.T, pkg string, tmpl func() accountability.Template, rows ...hardening.Row) {
	t.Helper()
	hardening.Test(t, append([]hardening.Row{{Name: pkg + ".Template", Run: func(c *hardening.Caller) {
		c.Call("Template()", func() { _ = tmpl() })
	}}}, rows...))
}
