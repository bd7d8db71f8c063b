package chaohu

import (
	"fmt"
	"strings"
	"testing"

	"github.com/qingdan/qingdan/accountability"
)

func TestTemplate(t *testing.T) {
	tmpl := Template()
	if tmpl.Name != "巢湖市街道“一办五部两中心”+生态环境部+1个预留" || len(tmpl.Offices) != 7 || len(tmpl.Centers) != 2 || tmpl.MaxSelfSet != 1 {
		t.Errorf("Template() = %q with %d offices, %d centres, %d self-set; want %q with 7, 2, 1",
			tmpl.Name, len(tmpl.Offices), len(tmpl.Centers), tmpl.MaxSelfSet, "巢湖市街道“一办五部两中心”+生态环境部+1个预留")
	}
	seen := map[string]bool{}
	for _, n := range append(append([]string(nil), tmpl.Offices...), tmpl.Centers...) {
		if n == "" || n != strings.TrimSpace(n) || seen[n] {
			t.Errorf("body %q: empty, padded or listed twice", n)
		}
		seen[n] = true
	}
}

// TestTemplateChecksItsOwnLayout: a sub-district with exactly the bodies
// of the template, and as many self-set ones as it allows, is clean.
func TestTemplateChecksItsOwnLayout(t *testing.T) {
	tmpl := Template()
	units := []accountability.Unit{{ID: "S", Name: "街道", Kind: accountability.Subdistrict}}
	for i, n := range tmpl.Offices {
		units = append(units, accountability.Unit{ID: fmt.Sprint("O", i), Name: n, Kind: accountability.Office, Parent: "S"})
	}
	for i, n := range tmpl.Centers {
		units = append(units, accountability.Unit{ID: fmt.Sprint("C", i), Name: n, Kind: accountability.Center, Parent: "S"})
	}
	for i := range tmpl.MaxSelfSet {
		units = append(units, accountability.Unit{ID: fmt.Sprint("X", i), Name: fmt.Sprint("自设", i), Kind: accountability.Office, Parent: "S", SelfSet: true})
	}
	if got := tmpl.Check(units, "S"); len(got) != 0 {
		t.Errorf("Check(its own layout) = %v, want no findings", got)
	}
	units = append(units, accountability.Unit{ID: "Y", Name: "多余", Kind: accountability.Office, Parent: "S", SelfSet: true})
	if got := tmpl.Check(units, "S"); len(got) != 1 || got[0].Rule != "template.selfset" {
		t.Errorf("Check(one self-set body too many) = %v, want one template.selfset finding", got)
	}
}

func TestTemplateIsFresh(t *testing.T) {
	a := Template()
	a.Offices[0], a.Centers[0] = "changed", "changed"
	if b := Template(); b.Offices[0] != "党政办公室" || b.Centers[0] == "changed" {
		t.Errorf("Template() returns shared state: %v", b)
	}
}
