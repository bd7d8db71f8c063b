package wuhu_test

import (
	"fmt"

	"github.com/qingdan/qingdan/accountability"
	"github.com/qingdan/qingdan/locality/wuhu"
)

// A sub-district checked against 六办两中心: one office is missing, and a
// third office of its own is one too many.
func ExampleTemplate() {
	tmpl := wuhu.Template()
	units := []accountability.Unit{{ID: "S", Name: "某街道", Kind: accountability.Subdistrict}}
	for i, name := range tmpl.Offices[1:] { // no 综合保障办
		units = append(units, accountability.Unit{ID: fmt.Sprint("O", i), Name: name, Kind: accountability.Office, Parent: "S"})
	}
	for i, name := range tmpl.Centers {
		units = append(units, accountability.Unit{ID: fmt.Sprint("C", i), Name: name, Kind: accountability.Center, Parent: "S"})
	}
	for i, name := range []string{"城市更新办", "生态环境办", "文旅办"} {
		units = append(units, accountability.Unit{ID: fmt.Sprint("X", i), Name: name, Kind: accountability.Office, Parent: "S", SelfSet: true})
	}
	fmt.Println(tmpl.Name)
	for _, f := range tmpl.Check(units, "S") {
		fmt.Println(f.Rule, f.Path)
	}
	// Output:
	// 芜湖市街道“六办两中心”
	// template.selfset units[X2]
	// template.missing units[S]
}
