package matters_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/qingdan/qingdan/matters"
)

func demolition() matters.KeyTasks {
	return matters.KeyTasks{
		{ID: "ZD-2024-01", Name: "违法建设拆除", Owner: "沙塘路街道", Functions: []matters.Function{
			{Name: "执法", Lead: "城管中队", Support: []string{"派出所"}},
			{Name: "政策解读", Lead: "司法所", Support: []string{"城管中队"}},
			{Name: "安保", Lead: "派出所"},
		}},
		{ID: "ZD-2024-02", Name: "食品安全整治", Owner: "沙塘路街道", Functions: []matters.Function{
			{Name: "检查", Lead: "市场监管所", Support: []string{"城管中队"}},
		}},
	}
}

func TestKeyTasksFor(t *testing.T) {
	ts := demolition()
	tests := []struct {
		unit string
		want []matters.Assignment
	}{
		{"城管中队", []matters.Assignment{
			{Task: "ZD-2024-01", TaskName: "违法建设拆除", Function: "执法", Role: matters.Leading},
			{Task: "ZD-2024-01", TaskName: "违法建设拆除", Function: "政策解读", Role: matters.Supporting},
			{Task: "ZD-2024-02", TaskName: "食品安全整治", Function: "检查", Role: matters.Supporting},
		}},
		{"派出所", []matters.Assignment{
			{Task: "ZD-2024-01", TaskName: "违法建设拆除", Function: "执法", Role: matters.Supporting},
			{Task: "ZD-2024-01", TaskName: "违法建设拆除", Function: "安保", Role: matters.Leading},
		}},
		{"司法所", []matters.Assignment{{Task: "ZD-2024-01", TaskName: "违法建设拆除", Function: "政策解读", Role: matters.Leading}}},
		{"区教育局", nil},
		{"", nil},
	}
	for _, tt := range tests {
		t.Run(tt.unit, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, ts.For(tt.unit)); diff != "" {
				t.Errorf("For(%q) mismatch (-want +got):\n%s", tt.unit, diff)
			}
		})
	}
	if diff := cmp.Diff([]string{"城管中队", "派出所", "司法所", "市场监管所"}, ts.Units()); diff != "" {
		t.Errorf("Units mismatch (-want +got):\n%s", diff)
	}
}

func TestKeyTasksValidate(t *testing.T) {
	if err := demolition().Validate(); err != nil {
		t.Errorf("Validate of sound tasks = %v", err)
	}
	ts := append(demolition(),
		matters.KeyTask{ID: "ZD-2024-01", Name: "重复"},
		matters.KeyTask{Name: "没有编号", Functions: []matters.Function{
			{Name: "执法", Lead: "城管中队"},
			{Name: "执法", Lead: "城管中队"},
			{Lead: "派出所", Support: []string{"派出所", "", "司法所", "司法所"}},
			{Name: "宣传"},
		}},
	)
	err := ts.Validate()
	want := []string{
		"tasks[ZD-2024-01]: ID ZD-2024-01 is used by tasks 0 and 2",
		`tasks[ZD-2024-01]: task "重复" has no function`,
		`tasks[3]: task "没有编号" has no ID`,
		"tasks[3].functions[执法]: function named twice",
		"tasks[3].functions[2]: function has no name",
		"tasks[3].functions[2].support[0]: lead 派出所 also supports",
		"tasks[3].functions[2].support[1]: empty unit",
		"tasks[3].functions[2].support[3]: unit 司法所 supports twice",
		"tasks[3].functions[宣传]: no lead unit",
	}
	wantProblems(t, err, want)
}
