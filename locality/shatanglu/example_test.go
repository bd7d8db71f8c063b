package shatanglu_test

import (
	"fmt"

	"github.com/qingdan/qingdan/accountability"
	"github.com/qingdan/qingdan/locality/shatanglu"
)

// 沙塘路街道's 5+3+1 with the agencies dispatched to it, which are no part
// of the layout: clean.
func ExampleTemplate() {
	tmpl := shatanglu.Template()
	units := []accountability.Unit{{ID: "STL", Name: "沙塘路街道", Kind: accountability.Subdistrict}}
	for i, name := range tmpl.Offices {
		units = append(units, accountability.Unit{ID: fmt.Sprint("O", i), Name: name, Kind: accountability.Office, Parent: "STL"})
	}
	for i, name := range tmpl.Centers {
		units = append(units, accountability.Unit{ID: fmt.Sprint("C", i), Name: name, Kind: accountability.Center, Parent: "STL"})
	}
	for i, name := range []string{"城管中队", "市场监管所", "司法所", "派出所"} {
		units = append(units, accountability.Unit{ID: fmt.Sprint("A", i), Name: name, Kind: accountability.Agency, Parent: "STL"})
	}
	fmt.Printf("%s: %d offices, %d centres, %d self-set; %d findings\n",
		tmpl.Name, len(tmpl.Offices), len(tmpl.Centers), tmpl.MaxSelfSet, len(tmpl.Check(units, "STL")))
	// Output:
	// 沙塘路街道“5+3+1”: 5 offices, 3 centres, 1 self-set; 0 findings
}
