package chaohu_test

import (
	"fmt"

	"github.com/qingdan/qingdan/accountability"
	"github.com/qingdan/qingdan/locality/chaohu"
)

// 中庙街道 checked against 一办五部两中心: its reserved slot is 文旅发展部, and
// its 生态环境部 was set up as a centre.
func ExampleTemplate() {
	tmpl := chaohu.Template()
	units := []accountability.Unit{{ID: "ZM", Name: "中庙街道", Kind: accountability.Subdistrict}}
	for i, name := range tmpl.Offices {
		kind := accountability.Office
		if name == "生态环境部" {
			kind = accountability.Center
		}
		units = append(units, accountability.Unit{ID: fmt.Sprint("B", i), Name: name, Kind: kind, Parent: "ZM"})
	}
	for i, name := range tmpl.Centers {
		units = append(units, accountability.Unit{ID: fmt.Sprint("C", i), Name: name, Kind: accountability.Center, Parent: "ZM"})
	}
	units = append(units, accountability.Unit{ID: "WL", Name: "文旅发展部", Kind: accountability.Office, Parent: "ZM", SelfSet: true})
	for _, f := range tmpl.Check(units, "ZM") {
		fmt.Println(f.Message)
	}
	// Output:
	// unit "B6" (生态环境部) of sub-district "ZM" is of kind center (事业机构); 巢湖市街道“一办五部两中心”+生态环境部+1个预留 prescribes kind office (内设机构)
}
