package matters_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/qingdan/qingdan/accountability"
	"github.com/qingdan/qingdan/matters"
)

// bigCatalog is a district's catalog: 60 units, 10,000 powers, 1,000
// responsibilities relying on ten powers each with a boundary, 2,000
// routes, 500 admission items and 50 key tasks, every name resolving, one
// defect in twenty routes so that findings are built too.
func bigCatalog() *matters.Catalog {
	reg := &accountability.Register{}
	for i := 0; i < 60; i++ {
		reg.Units = append(reg.Units, accountability.Unit{ID: fmt.Sprintf("U%02d", i), Name: fmt.Sprintf("单位%d", i), Kind: accountability.Office})
	}
	for i := 0; i < 10_000; i++ {
		reg.Powers = append(reg.Powers, accountability.Power{Code: fmt.Sprintf("P%05d", i), Name: fmt.Sprintf("对第%d类违法行为的处罚", i),
			Category: accountability.Penalty, Subject: reg.Units[i%60].ID, PromisedDays: 5 + i%30})
	}
	for i := 0; i < 1_000; i++ {
		x := accountability.Responsibility{Code: fmt.Sprintf("ZZ-%04d", i), Duty: fmt.Sprintf("职责%d", i), Unit: reg.Units[i%60].ID,
			Tasks:      []string{"巡查", "处置", "为招商引资项目提供落地服务"},
			Boundaries: []accountability.Boundary{{With: reg.Units[(i+1)%60].ID, Ours: "背街小巷", Theirs: "主次干道"}}}
		for j := 0; j < 10; j++ {
			x.Powers = append(x.Powers, reg.Powers[i*10+j].Code)
		}
		reg.Responsibilities = append(reg.Responsibilities, x)
	}
	dir := &matters.Directory{Version: "2024-1"}
	for i := 0; i < 2_000; i++ {
		x := &reg.Responsibilities[i%1000]
		r := matters.Route{Type: fmt.Sprintf("事项%d", i), Lead: x.Unit, Support: []string{x.Boundaries[0].With}, Respond: 4 * time.Hour,
			ResolveDays: 3, Duty: x.Code, Scope: "背街小巷"}
		if i%20 == 0 {
			r.Lead, r.Scope, r.ResolveDays = x.Boundaries[0].With, "", 40 // the boundary and the limit
		}
		dir.Routes = append(dir.Routes, r)
	}
	adm := &matters.Admission{Excluded: matters.DefaultExclusions()}
	for i := 0; i < 500; i++ {
		adm.Items = append(adm.Items, matters.Item{Code: reg.Powers[i*20].Code, Name: reg.Powers[i*20].Name, List: matters.Duties, Unit: reg.Powers[i*20].Subject})
	}
	var tasks matters.KeyTasks
	for i := 0; i < 50; i++ {
		tasks = append(tasks, matters.KeyTask{ID: fmt.Sprintf("KT-%d", i), Name: fmt.Sprintf("重点任务%d", i), Owner: "U00",
			Functions: []matters.Function{{Name: "执法", Lead: "U01", Support: []string{"U02", "U03"}}, {Name: "保障", Lead: "U04"}}})
	}
	return &matters.Catalog{Register: reg, Directory: dir, Admission: adm, KeyTasks: tasks}
}

// BenchmarkCatalogValidate cross-checks a district's catalog: 10,000
// powers, 2,000 routes, 500 admission items.
func BenchmarkCatalogValidate(b *testing.B) {
	c := bigCatalog()
	if n := len(c.Validate()); n != 200 {
		b.Fatalf("%d findings, want 200 (100 routes × boundary and limit)", n)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		_ = c.Validate()
	}
}
