package matters_test

import (
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/qingdan/qingdan/accountability"
	"github.com/qingdan/qingdan/matters"
)

// soundCatalog returns a fresh catalog whose lists agree: a sub-district
// (S) with its city-management office (CG) and social-affairs office (SW),
// the city's urban-management bureau (CGJ), a power and two
// responsibilities, one with a boundary that gives 背街小巷 to the office
// and 主次干道 to the bureau, routes on each side of it, admission items
// that name the power and a responsibility, and a key task.
func soundCatalog() *matters.Catalog {
	reg := &accountability.Register{
		Org: "中庙街道", Version: "2020-1",
		Units: []accountability.Unit{
			{ID: "S", Name: "中庙街道", Kind: accountability.Subdistrict},
			{ID: "CG", Name: "城市管理部", Kind: accountability.Office, Parent: "S"},
			{ID: "SW", Name: "社会事务部", Kind: accountability.Office, Parent: "S"},
			{ID: "CGJ", Name: "巢湖市城市管理局", Kind: accountability.Department},
		},
		Powers: []accountability.Power{
			{Code: "CF-001", Name: "对擅自占用城市道路经营的处罚", Category: accountability.Penalty, Subject: "CG",
				Basis: []accountability.Basis{{Law: "城市市容和环境卫生管理条例"}}, Duties: []accountability.Duty{{Text: "查处"}},
				StatutoryDays: 90, PromisedDays: 60},
			{Code: "JF-001", Name: "临时救助", Category: accountability.Payment, Subject: "SW",
				Basis: []accountability.Basis{{Law: "社会救助暂行办法"}}, Duties: []accountability.Duty{{Text: "审核"}}, PromisedDays: 15},
		},
		Responsibilities: []accountability.Responsibility{
			{Code: "ZZ-03", Duty: "实施综合管理", Unit: "CG", Powers: []string{"CF-001"}, Tasks: []string{"市容环境秩序管理"},
				Boundaries: []accountability.Boundary{{With: "CGJ", Ours: "背街小巷", Theirs: "主次干道"}}},
			{Code: "ZZ-04", Duty: "组织公共服务", Unit: "SW", Powers: []string{"JF-001"}, Tasks: []string{"社会救助"}},
		},
	}
	return &matters.Catalog{
		Register: reg,
		Directory: &matters.Directory{Version: "2020-1", Routes: []matters.Route{
			{Type: "占道经营（背街小巷）", Lead: "CG", Respond: 2 * time.Hour, ResolveDays: 3, Duty: "ZZ-03", Scope: "背街小巷"},
			{Type: "占道经营（主次干道）", Lead: "CGJ", Support: []string{"CG"}, Respond: 2 * time.Hour, ResolveDays: 5, Duty: "ZZ-03", Scope: "主次干道"},
			{Type: "困难群众救助", Lead: "SW", ResolveDays: 10, Duty: "ZZ-04"},
		}},
		Admission: &matters.Admission{Version: "2020-1", Items: []matters.Item{
			{Code: "CF-001", Name: "对擅自占用城市道路经营的处罚", List: matters.Duties, Unit: "CG"},
			{Code: "ZZ-04", Name: "组织公共服务", List: matters.Services, Unit: "SW"},
		}},
		KeyTasks: matters.KeyTasks{{ID: "KT-1", Name: "背街小巷环境整治", Owner: "S",
			Functions: []matters.Function{{Name: "执法", Lead: "CG", Support: []string{"CGJ"}}}}},
	}
}

func warn(rule, path, en, zh string) accountability.Finding {
	return accountability.Finding{Rule: rule, Severity: accountability.Warning, Path: path, Message: en, Chinese: zh}
}

func fail(rule, path, en, zh string) accountability.Finding {
	return accountability.Finding{Rule: rule, Severity: accountability.Error, Path: path, Message: en, Chinese: zh}
}

func TestSoundCatalogIsClean(t *testing.T) {
	c := soundCatalog()
	if got := c.Validate(); len(got) != 0 {
		t.Errorf("Validate(sound) = %v, want no findings", got)
	}
	if got := c.Register.Validate(); len(got.Errors()) != 0 {
		t.Errorf("the sound catalog's register has errors: %v", got.Errors())
	}
	if got := (&matters.Catalog{}).Validate(); len(got) != 0 {
		t.Errorf("Validate(zero) = %v, want no findings", got)
	}
}

// TestCatalogRules breaks a sound catalog in one way per case and wants
// exactly the findings that defect deserves, in English and in Chinese.
func TestCatalogRules(t *testing.T) {
	approvedAt := time.Date(2020, 2, 20, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name   string
		breakC func(c *matters.Catalog)
		want   accountability.Findings
	}{
		{"catalog.unit/route lead", func(c *matters.Catalog) { c.Directory.Routes[2].Lead = "NOBODY" }, accountability.Findings{
			fail("catalog.unit", "directory.routes[困难群众救助].lead", `route "困难群众救助": the lead names unit "NOBODY", which is no unit of the register`, `基层治理事项“困难群众救助”的牵头单位 "NOBODY" 不是登记的单位`),
		}},
		{"catalog.unit/route support", func(c *matters.Catalog) { c.Directory.Routes[1].Support = []string{"CG", "NOBODY"} }, accountability.Findings{
			fail("catalog.unit", "directory.routes[占道经营（主次干道）].support[1]", `route "占道经营（主次干道）": a support unit names unit "NOBODY", which is no unit of the register`, `基层治理事项“占道经营（主次干道）”的配合单位 "NOBODY" 不是登记的单位`),
		}},
		{"catalog.unit/admission item", func(c *matters.Catalog) { c.Admission.Items[0].Unit = "NOBODY" }, accountability.Findings{
			fail("catalog.unit", "admission.items[CF-001].unit", `admission item "CF-001" (对擅自占用城市道路经营的处罚) names unit "NOBODY", which is no unit of the register`, `准入事项 CF-001（对擅自占用城市道路经营的处罚）的承办单位 "NOBODY" 不是登记的单位`),
		}},
		{"catalog.unit/admission item with no name", func(c *matters.Catalog) { c.Admission.Items[0].Unit, c.Admission.Items[0].Name = "NOBODY", "" }, accountability.Findings{
			fail("catalog.unit", "admission.items[CF-001].unit", `admission item "CF-001" names unit "NOBODY", which is no unit of the register`, `准入事项 CF-001的承办单位 "NOBODY" 不是登记的单位`),
		}},
		{"catalog.unit/key task", func(c *matters.Catalog) {
			c.KeyTasks[0].Owner = "NOBODY"
			c.KeyTasks[0].Functions[0].Support = []string{"CGJ", "NOBODY"}
		}, accountability.Findings{
			fail("catalog.unit", "keyTasks[KT-1].owner", `key task "KT-1" (背街小巷环境整治): the owner names unit "NOBODY", which is no unit of the register`, `重点任务 KT-1（背街小巷环境整治）的牵头主体 "NOBODY" 不是登记的单位`),
			fail("catalog.unit", "keyTasks[KT-1].functions[执法].support[1]", `key task "KT-1", function "执法": a support unit names unit "NOBODY", which is no unit of the register`, `重点任务 KT-1 的“执法”职能的配合单位 "NOBODY" 不是登记的单位`),
		}},
		{"catalog.duty/unknown", func(c *matters.Catalog) { c.Directory.Routes[2].Duty = "ZZ-99" }, accountability.Findings{
			fail("catalog.duty", "directory.routes[困难群众救助].duty", `route "困难群众救助" rests on responsibility "ZZ-99", which is not on the responsibility list`, `基层治理事项“困难群众救助”所依据的职责 ZZ-99 不在责任清单中`),
		}},
		{"catalog.duty/none", func(c *matters.Catalog) { c.Directory.Routes[2].Duty = "" }, accountability.Findings{
			warn("catalog.duty", "directory.routes[困难群众救助].duty", `route "困难群众救助" names no responsibility it rests on (Duty)`, `基层治理事项“困难群众救助”未写明所依据的职责（责任清单编号）`),
		}},
		{"catalog.lead/neither", func(c *matters.Catalog) { c.Directory.Routes[2].Lead = "CG" }, accountability.Findings{
			fail("catalog.lead", "directory.routes[困难群众救助].lead", `route "困难群众救助": lead "CG" is neither the unit of responsibility ZZ-04 ("SW") nor a department its boundaries name`, `基层治理事项“困难群众救助”的牵头单位城市管理部（CG）既不是职责 ZZ-04（组织公共服务）的责任主体社会事务部（SW），也不是其职责边界所列的部门`),
		}},
		// The case: every 占道经营 to the bureau, though the boundary
		// keeps 背街小巷 for the sub-district.
		{"catalog.lead/boundary", func(c *matters.Catalog) {
			c.Directory.Routes = []matters.Route{{Type: "占道经营", Lead: "CGJ", ResolveDays: 5, Duty: "ZZ-03"}}
		}, accountability.Findings{
			warn("catalog.lead", "directory.routes[占道经营].lead", `route "占道经营" sends every matter to "CGJ", but the boundary of responsibility ZZ-03 with "CGJ" gives "背街小巷" to "CG"; state the route's Scope`, `基层治理事项“占道经营”将全部事项派给巢湖市城市管理局（CGJ），但职责 ZZ-03 的职责边界规定“背街小巷”由城市管理部（CG）负责；应写明本条的适用范围`),
		}},
		{"catalog.item", func(c *matters.Catalog) {
			c.Admission.Items = append(c.Admission.Items, matters.Item{Code: "QT-404", Name: "文明城市创建", List: matters.OtherWork, Unit: "S"})
		}, accountability.Findings{
			fail("catalog.item", "admission.items[QT-404]", `admission item "QT-404" (文明城市创建) names no power or responsibility of the register`, `准入事项 QT-404（文明城市创建）的编码在权力清单和责任清单中都没有`),
		}},
		// The case: a duty of 招商引资 that Register.Validate passes.
		{"catalog.excluded/duty", func(c *matters.Catalog) {
			c.Register.Responsibilities[0].Tasks = append(c.Register.Responsibilities[0].Tasks, "完成年度招商引资任务", "为招商引资项目提供落地服务")
		}, accountability.Findings{
			fail("catalog.excluded", "register.responsibilities[ZZ-03].tasks[1]", `a task of responsibility "ZZ-03" "完成年度招商引资任务" falls under the exclusion 招商引资: 取消街道招商引资职能`, `职责 ZZ-03 的工作事项“完成年度招商引资任务”属于已取消的职能“招商引资”（取消街道招商引资职能）`),
		}},
		{"catalog.excluded/route and own exclusion", func(c *matters.Catalog) {
			c.Admission.Excluded = []matters.Exclusion{{Name: "创卫检查"}}
			c.Directory.Routes[2].Type = "协税护税"
			c.KeyTasks[0].Name = "迎接创卫检查"
		}, accountability.Findings{
			fail("catalog.excluded", "directory.routes[协税护税]", `route "协税护税" falls under the exclusion 协税护税: 取消街道协税护税职能`, `基层治理事项“协税护税”属于已取消的职能“协税护税”（取消街道协税护税职能）`),
			fail("catalog.excluded", "keyTasks[KT-1]", `key task "KT-1" "迎接创卫检查" falls under the exclusion 创卫检查`, `重点任务 KT-1“迎接创卫检查”属于已取消的职能“创卫检查”`),
		}},
		{"catalog.limit", func(c *matters.Catalog) { c.Directory.Routes[2].ResolveDays = 20 }, accountability.Findings{
			warn("catalog.limit", "directory.routes[困难群众救助].resolveDays", `route "困难群众救助" allows 20 working days to resolve, more than the 15 that power JF-001 (临时救助) of responsibility ZZ-04 promises`, `基层治理事项“困难群众救助”的办结时限 20 个工作日，长于职责 ZZ-04 所依托权力 JF-001（临时救助）的承诺时限 15 个工作日`),
		}},
		{"catalog.revision", func(c *matters.Catalog) {
			c.Directory.Adoption = accountability.Adoption{Status: accountability.Published, ApprovedAt: approvedAt}
			c.History.Admissions = []*matters.Admission{{Version: "2019", Adoption: accountability.Adoption{Status: accountability.Approved, ApprovedBy: "区委编办", ApprovedAt: approvedAt, Effective: approvedAt.AddDate(0, 0, -1)}}}
		}, accountability.Findings{
			fail("catalog.revision", "directory", `directory "2020-1" is published but names no approver`, `基层治理事项清单 "2020-1" 已公布，但未写明审定机关`),
			fail("catalog.revision", "directory", `directory "2020-1" is published but has no effective date`, `基层治理事项清单 "2020-1" 已公布，但未写明施行日期`),
			fail("catalog.revision", "admission", `admission "2020-1" records no adoption, but History holds other revisions of the list: it is in force at no instant`, `事项准入清单 "2020-1" 未写明施行日期和公布状态，而另有历史版本，故在任何时候都不施行`),
			fail("catalog.revision", "history.admissions[0]", `admission "2019" was approved on 2020-02-20, after it took effect on 2020-02-19`, `事项准入清单 "2019" 于 2020-02-20 审定，晚于施行日期 2020-02-19`),
		}},
		// Two revisions of one list under one Version: a dispatch records
		// the Version, and RouteOf would grade it by the first of them.
		{"catalog.revision/version twice", func(c *matters.Catalog) {
			c.History.Directories = []*matters.Directory{{Version: c.Directory.Version, Routes: c.Directory.Routes[:1]}}
		}, accountability.Findings{
			fail("catalog.revision", "directory", `directory "2020-1" records no adoption, but History holds other revisions of the list: it is in force at no instant`, `基层治理事项清单 "2020-1" 未写明施行日期和公布状态，而另有历史版本，故在任何时候都不施行`),
			fail("catalog.revision", "history.directories[0]", `directory "2020-1" has the version of directory: a dispatch that records it cannot tell the two apart`, `基层治理事项清单 "2020-1" 与 directory 版本号相同，派单所记的版本无法区分二者`),
		}},
		// Two published revisions of one list that take effect at one
		// instant: which is in force from then would depend on their order.
		{"catalog.revision/one effective instant", func(c *matters.Catalog) {
			c.Directory.Adoption = published(day(2024, 4, 1))
			c.History.Directories = []*matters.Directory{
				{Version: "2024-1", Adoption: published(day(2024, 1, 1))},
				{Version: "2024-2b", Adoption: published(day(2024, 4, 1).UTC())},
				{Version: "2024-2c", Adoption: accountability.Adoption{Status: accountability.Approved, ApprovedBy: "区委编办", ApprovedAt: day(2024, 3, 1), Effective: day(2024, 4, 1)}},
			}
		}, accountability.Findings{
			fail("catalog.revision", "history.directories[1]", `directory "2024-2b" takes effect at 2024-04-01T00:00:00+08:00, as directory does: which of the two is in force from then cannot be told`, `基层治理事项清单 "2024-2b" 与 directory 的施行时间（2024-04-01T00:00:00+08:00）相同，无法确定此后施行哪一个`),
		}},
		// The catalog's own list with no adoption, beside revisions in
		// History: At and Apply never take it.
		{"catalog.revision/own revision unadopted", func(c *matters.Catalog) {
			c.History.Registers = []*accountability.Register{nil}
			c.History.Directories = []*matters.Directory{{Version: "2019", Adoption: published(day(2019, 1, 1))}}
		}, accountability.Findings{
			fail("catalog.revision", "directory", `directory "2020-1" records no adoption, but History holds other revisions of the list: it is in force at no instant`, `基层治理事项清单 "2020-1" 未写明施行日期和公布状态，而另有历史版本，故在任何时候都不施行`),
		}},
		// Approved on the day it took effect, but after: the dates alone
		// would read as one.
		{"catalog.revision/approved later that day", func(c *matters.Catalog) {
			c.Directory.Adoption = accountability.Adoption{Status: accountability.Approved, ApprovedBy: "区委编办", ApprovedAt: day(2024, 4, 1).Add(10 * time.Hour), Effective: day(2024, 4, 1)}
		}, accountability.Findings{
			fail("catalog.revision", "directory", `directory "2020-1" was approved on 2024-04-01T10:00:00+08:00, after it took effect on 2024-04-01T00:00:00+08:00`, `基层治理事项清单 "2020-1" 于 2024-04-01T10:00:00+08:00 审定，晚于施行日期 2024-04-01T00:00:00+08:00`),
		}},
		{"catalog.supervision", func(c *matters.Catalog) {
			c.Supervision = matters.Supervision{Supervisor: "区委督查室", EscalateDays: -1, FeedbackDays: 2, Reopens: -3, SuspendDays: -5, ExtendDays: -7}
		}, accountability.Findings{
			fail("catalog.supervision", "supervision.escalateDays", `supervision: escalateDays is -1, which is negative`, `督办设置的升级督办天数为负数（-1）`),
			fail("catalog.supervision", "supervision.reopens", `supervision: reopens is -3, which is negative`, `督办设置的重办次数上限为负数（-3）`),
			fail("catalog.supervision", "supervision.suspendDays", `supervision: suspendDays is -5, which is negative`, `督办设置的挂起时限为负数（-5）`),
			fail("catalog.supervision", "supervision.extendDays", `supervision: extendDays is -7, which is negative`, `督办设置的延期时限为负数（-7）`),
		}},
		// The catalog's supervisor is a body above the units, such as a
		// district's 督查室, off the register (区委督查室 above: nothing to
		// report); a unit the register lists is graded or part of one
		// graded, and Catalog.Apply refuses any other such supervisor.
		{"catalog.supervision/on the register", func(c *matters.Catalog) {
			c.Supervision = matters.Supervision{Supervisor: "CGJ", EscalateDays: 2}
		}, accountability.Findings{
			fail("catalog.supervision", "supervision.supervisor", `supervision: the register lists the supervisor "CGJ" as 市/区直部门 (department), which may not supervise a matter: the catalog's supervisor is a body above the units, off the register`, `督办单位巢湖市城市管理局（CGJ）是登记的市/区直部门，不能督办事项：督办单位应是各单位之上、不在登记中的机构`),
		}},
		{"catalog.supervision/an office on the register", func(c *matters.Catalog) {
			c.Supervision = matters.Supervision{Supervisor: "CG"}
		}, accountability.Findings{
			fail("catalog.supervision", "supervision.supervisor", `supervision: the register lists the supervisor "CG" as 内设机构 (office), which may not supervise a matter: the catalog's supervisor is a body above the units, off the register`, `督办单位城市管理部（CG）是登记的内设机构，不能督办事项：督办单位应是各单位之上、不在登记中的机构`),
		}},
	}
	covered := map[string]bool{}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := soundCatalog()
			tt.breakC(c)
			if diff := cmp.Diff(tt.want, c.Validate()); diff != "" {
				t.Errorf("Validate() mismatch (-want +got):\n%s", diff)
			}
		})
		rule, _, _ := strings.Cut(tt.name, "/")
		covered[rule] = true
	}
	for _, rule := range []string{"catalog.unit", "catalog.duty", "catalog.lead", "catalog.item", "catalog.excluded", "catalog.limit", "catalog.revision", "catalog.supervision"} {
		if !covered[rule] {
			t.Errorf("rule %s has no case", rule)
		}
	}
}

// TestCatalogCatchesWhatListsAlonePass: each list alone passes its own
// Validate, though they disagree.
func TestCatalogCatchesWhatListsAlonePass(t *testing.T) {
	c := soundCatalog()
	c.Directory.Routes[0].Lead = "NOBODY"
	c.Admission.Items[1].Unit = "NOBODY"
	c.KeyTasks[0].Functions[0].Lead = "NOBODY"
	c.Register.Responsibilities[1].Tasks = []string{"招商引资"}
	if err := c.Directory.Validate(); err != nil {
		t.Errorf("Directory.Validate() = %v", err)
	}
	if err := c.Admission.Validate(); err != nil {
		t.Errorf("Admission.Validate() = %v", err)
	}
	if err := c.KeyTasks.Validate(); err != nil {
		t.Errorf("KeyTasks.Validate() = %v", err)
	}
	if errs := c.Register.Validate().Errors(); len(errs) != 0 {
		t.Errorf("Register.Validate() = %v", errs)
	}
	rules := map[string]int{}
	for _, f := range c.Validate().Errors() {
		rules[f.Rule]++
	}
	if diff := cmp.Diff(map[string]int{"catalog.unit": 3, "catalog.excluded": 1}, rules); diff != "" {
		t.Errorf("catalog errors by rule mismatch (-want +got):\n%s", diff)
	}
}

func TestExclusionMatches(t *testing.T) {
	def := matters.DefaultExclusions()[0]
	for text, want := range map[string]bool{
		"招商引资":          true,
		"完成年度招商引资任务":    true,
		"为招商引资项目提供落地服务": false,
		"招商引资项目服务保障":    false,
		"招商引资及落地服务":     true, // two clauses: 招商引资 itself, then the service
		"落地服务、招商引资":     true,
		"招商引资项目服务":      true, // names no service the reform keeps
		"为企业提供落地服务":     false,
		"":              false,
		"招商":            false,
	} {
		if got := def.Matches(text); got != want {
			t.Errorf("招商引资.Matches(%q) = %v, want %v", text, got, want)
		}
	}
	// A name that holds a clause break (和) is matched in the clause it
	// spans, not lost by cutting it in two.
	land := matters.Exclusion{Name: "征地和拆迁", Allow: []string{"落地服务"}}
	for text, want := range map[string]bool{
		"征地和拆迁":          true,
		"负责征地和拆迁工作":      true,
		"为征地和拆迁项目提供落地服务": false,
		"征地和拆迁及落地服务":     true,
		"征地":             false,
	} {
		if got := land.Matches(text); got != want {
			t.Errorf("征地和拆迁.Matches(%q) = %v, want %v", text, got, want)
		}
	}
	if (matters.Exclusion{}).Matches("anything") || !(matters.Exclusion{Name: "协税护税"}).Matches("协助开展协税护税") {
		t.Error("an exclusion with no name matched, or one with no Allow did not")
	}
}
