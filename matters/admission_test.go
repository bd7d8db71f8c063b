package matters_test

import (
	"strings"
	"testing"

	"github.com/qingdan/qingdan/matters"
)

func testAdmission() *matters.Admission {
	return &matters.Admission{
		Items: []matters.Item{
			{Code: "QZ-001", Name: "违法建设巡查制止", List: matters.Duties, Unit: "城市管理办"},
			{Code: "GF-012", Name: "城乡居民基本医疗保险参保登记", List: matters.Services, Unit: "为民服务中心"},
			{Code: "QT-003", Name: "文明城市创建", List: matters.OtherWork, Unit: "党群工作办"},
			{Code: "QT-003", Name: "重复的编码", List: matters.OtherWork},
		},
		Excluded: matters.DefaultExclusions(),
	}
}

func TestAdmit(t *testing.T) {
	a := testAdmission()
	approval := &matters.Approval{By: "区委编办", Ref: "区编办〔2024〕3号", At: at(3, 1, 0, 0)}
	tests := []struct {
		name     string
		r        matters.Request
		admitted bool
		item     string
		reason   []string // parts the reason must contain
	}{
		{"listed by code", matters.Request{Title: "拆除某小区楼顶违建", From: "区城管局", Item: "QZ-001"}, true, "QZ-001",
			[]string{"admitted", "QZ-001", "违法建设巡查制止", "权责清单", "城市管理办"}},
		{"listed by exact name", matters.Request{Title: "城乡居民基本医疗保险参保登记"}, true, "GF-012",
			[]string{"admitted", "GF-012", "公共服务清单"}},
		{"other work", matters.Request{Title: "文明城市创建"}, true, "QT-003", []string{"其他工作事项清单"}},
		{"the first of two items with one code wins", matters.Request{Title: "x", Item: "QT-003"}, true, "QT-003", []string{"文明城市创建"}},
		{"a name that is only similar is unlisted", matters.Request{Title: "违法建设巡查"}, false, "",
			[]string{"refused", "none of the lists", "准入审批"}},
		{"an unknown code is unlisted", matters.Request{Title: "违法建设巡查制止", Item: "QZ-999"}, false, "",
			[]string{"refused", "QZ-999", "names no listed item"}},
		{"unlisted with an approval", matters.Request{Title: "防汛物资清点", From: "区应急局", Approval: approval}, true, "",
			[]string{"admitted by approval", "区委编办", "区编办〔2024〕3号", "2024-03-01"}},
		{"an approval that names no approver", matters.Request{Title: "防汛物资清点", Approval: &matters.Approval{Ref: "x"}}, false, "",
			[]string{"refused", "names no approver"}},
		{"excluded: 招商引资", matters.Request{Title: "完成年度招商引资任务"}, false, "",
			[]string{"refused", "招商引资", "no approval"}},
		{"excluded even with an approval: 协税护税", matters.Request{Title: "协税护税工作", Approval: approval}, false, "",
			[]string{"refused", "协税护税"}},
		{"excluded even when a listed code is given", matters.Request{Title: "招商引资", Item: "QZ-001"}, false, "",
			[]string{"refused", "招商引资"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := a.Admit(tt.r)
			if d.Admitted != tt.admitted {
				t.Errorf("Admitted = %v, want %v (reason %q)", d.Admitted, tt.admitted, d.Reason)
			}
			code := ""
			if d.Item != nil {
				code = d.Item.Code
			}
			if code != tt.item {
				t.Errorf("Item = %q, want %q", code, tt.item)
			}
			for _, part := range tt.reason {
				if !strings.Contains(d.Reason, part) {
					t.Errorf("Reason %q does not contain %q", d.Reason, part)
				}
			}
		})
	}
}

func TestAdmitExcludedItem(t *testing.T) {
	a := &matters.Admission{
		Items:    []matters.Item{{Code: "X-1", Name: "招商引资项目服务", List: matters.OtherWork}},
		Excluded: matters.DefaultExclusions(),
	}
	d := a.Admit(matters.Request{Title: "项目服务", Item: "X-1"})
	if d.Admitted || d.Item != nil || !strings.Contains(d.Reason, "item X-1") {
		t.Errorf("Admit of an excluded item = %+v, want a refusal naming item X-1", d)
	}
}

// TestAdmitZero: the zero Admission, and a nil one (an empty list, as a
// Catalog reads it), refuse unapproved work and admit approved work.
func TestAdmitZero(t *testing.T) {
	for name, a := range map[string]*matters.Admission{"zero": {}, "nil": nil} {
		if d := a.Admit(matters.Request{Title: "x"}); d.Admitted || d.Reason == "" {
			t.Errorf("%s Admission admitted unapproved work: %+v", name, d)
		}
		if d := a.Admit(matters.Request{Title: "x", Approval: &matters.Approval{By: "区委"}}); !d.Admitted {
			t.Errorf("%s Admission refused approved work: %+v", name, d)
		}
		if err := a.Validate(); err != nil {
			t.Errorf("%s Admission: Validate() = %v", name, err)
		}
	}
}

// TestAdmitNeedsAListedItem: an item on none of the three lists (its list
// left out, or unknown) does not admit work, nor does an item with no name
// admit a request with no title; both want an approval, as unlisted work
// does, and an excluded item is still refused.
func TestAdmitNeedsAListedItem(t *testing.T) {
	a := &matters.Admission{
		Items: []matters.Item{
			{Code: "X-1", Name: "文明城市创建"},
			{Code: "X-2", Name: "防汛物资清点", List: 9},
			{Code: "X-3", List: matters.OtherWork},
			{Code: "X-4", Name: "招商引资", List: 0},
		},
		Excluded: matters.DefaultExclusions(),
	}
	approval := &matters.Approval{By: "区委编办"}
	for _, tt := range []struct {
		r        matters.Request
		admitted bool
		reason   string
	}{
		{matters.Request{Title: "文明城市创建"}, false, `refused: item X-1 "文明城市创建" names none of the three lists, so "文明城市创建" is on none of the lists`},
		{matters.Request{Title: "清点物资", Item: "X-2"}, false, `refused: item X-2 "防汛物资清点" names none of the three lists, so "清点物资" is on none of the lists`},
		{matters.Request{Title: "清点物资", Item: "X-2", Approval: approval}, true, `admitted by approval (准入审批) by 区委编办: item X-2 "防汛物资清点" names none of the three lists`},
		{matters.Request{}, false, `refused: "" is on none of the lists`},
		{matters.Request{Title: "项目服务", Item: "X-4", Approval: approval}, false, `refused: item X-4 "招商引资" falls under the exclusion 招商引资`},
	} {
		d := a.Admit(tt.r)
		if d.Admitted != tt.admitted || d.Item != nil || !strings.HasPrefix(d.Reason, tt.reason) {
			t.Errorf("Admit(%+v) = %v, %v, %q; want %v, no item, a reason starting %q", tt.r, d.Admitted, d.Item, d.Reason, tt.admitted, tt.reason)
		}
	}
}

func TestAdmitCopiesTheItem(t *testing.T) {
	a := testAdmission()
	d := a.Admit(matters.Request{Item: "QZ-001"})
	d.Item.Name = "changed"
	if a.Items[0].Name == "changed" {
		t.Error("Decision.Item aliases the admission's item")
	}
}

func TestAdmissionValidate(t *testing.T) {
	a := testAdmission()
	a.Items = append(a.Items,
		matters.Item{Name: "没有编码", List: matters.Duties},
		matters.Item{Code: "N-1", List: matters.Services},
		matters.Item{Code: "N-2", Name: "没有清单"},
		matters.Item{Code: "N-3", Name: "未知清单", List: 9},
		matters.Item{Code: "N-4", Name: "招商引资服务", List: matters.OtherWork},
	)
	a.Excluded = append(a.Excluded, matters.Exclusion{Reason: "no name", Also: []string{""}}, matters.Exclusion{Name: "招商引资"},
		matters.Exclusion{Name: "创卫检查", Also: []string{"迎检"}, Allow: []string{"检查", "", "迎", "服务"}})
	err := a.Validate()
	want := []string{
		"items[QT-003]: code QT-003 is used by items 2 and 3",
		"items[4]: item \"没有编码\" has no code",
		"items[N-1]: item has no name",
		"items[N-2]: item \"没有清单\" names no list",
		"items[N-3]: item \"未知清单\" names an unknown list 9",
		"items[N-4]: item \"招商引资服务\" falls under the exclusion 招商引资",
		"excluded[2]: exclusion has no name",
		"excluded[2].also[0]: empty phrase",
		"excluded[招商引资]: exclusion named twice",
		`excluded[创卫检查].allow[0]: "检查" is part of "创卫检查", so every title under "创卫检查" is allowed`,
		"excluded[创卫检查].allow[1]: empty phrase",
		`excluded[创卫检查].allow[2]: "迎" is part of "迎检", so every title under "迎检" is allowed`,
	}
	wantProblems(t, err, want)
	if err := testAdmission().Validate(); err == nil {
		t.Error("Validate found no duplicate code")
	}
	sound := &matters.Admission{Items: testAdmission().Items[:3], Excluded: matters.DefaultExclusions()}
	if err := sound.Validate(); err != nil {
		t.Errorf("Validate of a sound admission = %v", err)
	}
}

func TestDefaultExclusionsIsACopy(t *testing.T) {
	a := matters.DefaultExclusions()
	a[0].Name = "changed"
	if matters.DefaultExclusions()[0].Name != "招商引资" {
		t.Error("DefaultExclusions returns shared memory")
	}
}

// TestAdmitRealPhrasings: work is pushed onto sub-districts under many
// names. With an approval in hand, what falls under 招商引资 or 协税护税 is
// still refused, however it is phrased, and the services the reform keeps
// for investment projects (做好企业服务、改善营商环境、促进项目落地) are not.
func TestAdmitRealPhrasings(t *testing.T) {
	a := &matters.Admission{Excluded: matters.DefaultExclusions()}
	approval := &matters.Approval{By: "区委编办", Ref: "区编办〔2024〕3号"}
	for title, refused := range map[string]bool{
		"招商引资任务分解":           true,
		"完成年度招商引资任务":         true,
		"配合开展招商":             true,
		"组织企业参加招商推介会":        true,
		"协助区投资促进中心开展招商活动":    true,
		"落实招商指标":             true,
		"做好项目招引工作":           true,
		"协税护税":               true,
		"协助税务部门征收":           true,
		"协助税务部门征收税款":         true,
		"开展社会综合治税":           true,
		"做好辖区税源排查":           true,
		"招商引资及落地服务":          true, // the clause 招商引资 stands alone
		"完成招商引资任务并做好落地服务":    true,
		"为企业办理落地手续":          false,
		"为招商引资项目提供落地服务":      false,
		"为招商引资项目办理落地手续":      false,
		"招商引资项目帮办代办":         false,
		"做好招商引资企业服务":         false,
		"优化招商引资项目营商环境":       false,
		"为招商推介会签约项目提供服务保障":   false,
		"协调招商银行设立社区便民服务点":    false, // a bank, not investment attraction
		"为纳税人提供办税咨询":         false,
		"为招商引资项目提供跟踪服务和要素保障": false,
		"为招商引资和技改项目提供落地服务":   false, // 为 names whom the work serves
		"为招商引资和技改项目提供资金":     true,
		"为完成招商引资任务，做好落地服务":   true, // the 为 clause ends at the comma
		"完成招商引资任务并为企业提供落地服务": true,
	} {
		d := a.Admit(matters.Request{Title: title, Approval: approval})
		if d.Admitted == refused {
			t.Errorf("Admit(%q with an approval) = %v, %q; want refused %v", title, d.Admitted, d.Reason, refused)
		}
	}
	d := a.Admit(matters.Request{Title: "配合开展招商", Approval: approval})
	if want := `refused: title "配合开展招商" falls under the exclusion 招商引资 (as 开展招商): 取消街道招商引资职能; no approval can admit it`; d.Reason != want {
		t.Errorf("Reason = %q, want %q", d.Reason, want)
	}
}
