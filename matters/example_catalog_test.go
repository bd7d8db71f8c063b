package matters_test

import (
	"fmt"
	"time"

	"github.com/qingdan/qingdan/accountability"
	"github.com/qingdan/qingdan/matters"
	"github.com/qingdan/qingdan/matters/workday"
)

// The lists of one sub-district name each other; Validate finds where they
// disagree, and a report in Chinese prints each finding's Label.
func ExampleCatalog_Validate() {
	c := &matters.Catalog{
		Register: &accountability.Register{
			Units: []accountability.Unit{
				{ID: "CG", Name: "城市管理部", Kind: accountability.Office},
				{ID: "CGJ", Name: "市城市管理局", Kind: accountability.Department},
			},
			Responsibilities: []accountability.Responsibility{{Code: "ZZ-03", Duty: "实施综合管理", Unit: "CG",
				Boundaries: []accountability.Boundary{{With: "CGJ", Ours: "背街小巷", Theirs: "主次干道"}}}},
		},
		Directory: &matters.Directory{Routes: []matters.Route{
			{Type: "占道经营", Lead: "CGJ", Duty: "ZZ-03"},
			{Type: "违法建设", Lead: "NOBODY", Duty: "ZZ-03", Scope: "背街小巷"},
		}},
		Admission: &matters.Admission{Items: []matters.Item{
			{Code: "ZZ-03", Name: "为招商引资项目提供落地服务", List: matters.OtherWork, Unit: "CG"},
			{Code: "ZZ-03", Name: "完成年度招商引资任务", List: matters.OtherWork, Unit: "CG"},
		}},
	}
	for _, f := range c.Validate() {
		fmt.Printf("%s %s：%s（%s）\n", f.Severity.Label(), f.Path, f.Label(), f.Rule)
	}
	// Output:
	// 错误 directory.routes[违法建设].lead：基层治理事项“违法建设”的牵头单位 "NOBODY" 不是登记的单位（catalog.unit）
	// 警告 directory.routes[占道经营].lead：基层治理事项“占道经营”将全部事项派给市城市管理局（CGJ），但职责 ZZ-03 的职责边界规定“背街小巷”由城市管理部（CG）负责；应写明本条的适用范围（catalog.lead）
	// 错误 admission.items[ZZ-03]：准入事项 ZZ-03“完成年度招商引资任务”属于已取消的职能“招商引资”（取消街道招商引资职能）（catalog.excluded）
}

// A matter dispatched under one revision of the governance matter list is
// graded by that revision's route after the list changes.
func ExampleCatalog_RouteOf() {
	cst := workday.CST()
	adopted := func(y int, m time.Month) accountability.Adoption {
		eff := time.Date(y, m, 1, 0, 0, 0, 0, cst)
		return accountability.Adoption{Effective: eff, Status: accountability.Published, ApprovedBy: "区委编办", ApprovedAt: eff.AddDate(0, 0, -7)}
	}
	old := &matters.Directory{Version: "2024-1", Adoption: adopted(2024, 1), Routes: []matters.Route{{Type: "占道经营", Lead: "区城管局", ResolveDays: 3}}}
	c := &matters.Catalog{
		Directory: &matters.Directory{Version: "2024-2", Adoption: adopted(2024, 4), Routes: []matters.Route{{Type: "占道经营", Lead: "区城管局", ResolveDays: 5}}},
		History:   matters.History{Directories: []*matters.Directory{old}},
	}
	at := time.Date(2024, 3, 28, 9, 0, 0, 0, cst)
	m := &matters.Matter{}
	for _, e := range []matters.Event{
		{Matter: "M-7", Seq: 1, At: at, Kind: matters.Report, Actor: "赭山街道", Type: "占道经营"},
		{Matter: "M-7", Seq: 2, At: at.Add(10 * time.Minute), Kind: matters.Whistle, Actor: "赭山街道"},
	} {
		if err := m.Apply(e); err != nil {
			fmt.Println(err)
		}
	}
	inForce := c.At(at).Directory // the list in force when the matter is dispatched
	e, err := inForce.Dispatch(m, at.Add(20*time.Minute))
	if err != nil {
		fmt.Println(err)
	}
	if err := m.Apply(e); err != nil {
		fmt.Println(err)
	}
	r, err := c.RouteOf(m) // graded in May, under 2024-2
	if err != nil {
		fmt.Println(err)
	}
	fmt.Printf("dispatched under %s; graded with %d working days to resolve, not %d\n", e.Routes, r.ResolveDays, c.Directory.Routes[0].ResolveDays)
	// Output:
	// dispatched under 2024-1; graded with 3 working days to resolve, not 5
}
