package main

import (
	"bytes"
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/qingdan/qingdan/accountability"
	"github.com/qingdan/qingdan/examples/internal/cli"
	"github.com/qingdan/qingdan/examples/internal/clitest"
	"github.com/qingdan/qingdan/locality/chaohu"
	"github.com/qingdan/qingdan/staff"
	"github.com/shopspring/decimal"
)

func TestRunGolden(t *testing.T) {
	clitest.Golden(t, run, nil, "testdata/chaohu.golden")
}

// TestRunSections: every section of the report, 一 to 十一, starts after a
// blank line, as a reader scanning for the next one expects.
func TestRunSections(t *testing.T) {
	var stdout, stderr bytes.Buffer
	if code := run(nil, &stdout, &stderr); code != 0 {
		t.Fatalf("run = %d, stderr:\n%s", code, stderr.String())
	}
	lines := strings.Split(stdout.String(), "\n")
	var heads []string
	for i, l := range lines {
		if head, _, ok := strings.Cut(l, "、"); ok && head != "" && strings.Trim(head, "一二三四五六七八九十") == "" {
			heads = append(heads, head)
			if i == 0 || lines[i-1] != "" {
				t.Errorf("section %s does not start after a blank line: %q follows %q", head, l, lines[max(i-1, 0)])
			}
		}
	}
	want := []string{"一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一"}
	if diff := cmp.Diff(want, heads); diff != "" {
		t.Errorf("sections mismatch (-want +got):\n%s", diff)
	}
}

// TestRunOut checks that -out writes every flowchart as DOT and Mermaid, and
// that without it nothing is written.
func TestRunOut(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "flows")
	var stdout, stderr bytes.Buffer
	if code := run([]string{"-out", dir}, &stdout, &stderr); code != 0 {
		t.Fatalf("run -out = %d, stderr:\n%s", code, stderr.String())
	}
	reg := mustLoad(t, "data/register-2020.json")
	got, err := fs.Glob(os.DirFS(dir), "*")
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	for _, f := range reg.Flows {
		want = append(want, f.ID+".dot", f.ID+".mmd")
	}
	slices.Sort(want)
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("files written mismatch (-want +got):\n%s", diff)
	}
	dot, err := os.ReadFile(filepath.Join(dir, "F-CF.dot"))
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{"digraph", "作出处罚决定", "街道主任"} {
		if !bytes.Contains(dot, []byte(s)) {
			t.Errorf("F-CF.dot does not contain %q", s)
		}
	}
	if !strings.Contains(stdout.String(), "已写出 16 个流程图文件") {
		t.Errorf("output does not say that 16 files were written")
	}
}

func TestRunErrors(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	broken := write("broken.json", `{"org": "某街道", "powers": [`)
	typo := write("typo.json", `{"org": "某街道", "powerz": []}`)
	badEnum := write("enum.json", `{"powers": [{"code": "X", "name": "某事项", "category": "行政审批"}]}`)
	file := write("file", "")
	tests := []struct {
		name   string
		args   []string
		code   int
		stderr []string
	}{
		{"unknown flag", []string{"-nope"}, 2, []string{"flag provided but not defined: -nope"}},
		{"argument", []string{"extra"}, 2, []string{`unexpected argument "extra"`}},
		{"missing register", []string{"-register", filepath.Join(dir, "none.json")}, 1, []string{"none.json"}},
		{"truncated register", []string{"-register", broken}, 1, []string{"register " + broken, "unexpected EOF"}},
		{"unknown field", []string{"-register", typo}, 1, []string{`unknown field "powerz"`}},
		{"unknown category", []string{"-register", badEnum}, 1, []string{"行政审批"}},
		{"out is a file", []string{"-out", file}, 1, []string{"flowchart folder"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { clitest.Fails(t, run, tt.args, tt.code, tt.stderr...) })
	}
}

// TestRunDefectiveRegister checks that a register with errors is reported
// in full and fails the run.
func TestRunDefectiveRegister(t *testing.T) {
	draft, _, err := brokenDraft(mustLoad(t, "data/register-2020.json"))
	if err != nil {
		t.Fatal(err)
	}
	file := writeJSON(t, "draft.json", draft)
	var stdout, stderr bytes.Buffer
	if code := run([]string{"-register", file}, &stdout, &stderr); code != 1 {
		t.Errorf("run = %d, want 1", code)
	}
	if !strings.Contains(stderr.String(), "has 4 errors") {
		t.Errorf("stderr = %q, want it to count 4 errors", stderr.String())
	}
	if !strings.Contains(stdout.String(), "（sod.violation）") {
		t.Errorf("the report does not list the findings")
	}
}

// TestFindingsInChinese: every finding section 六 prints, of the register
// and of the defective draft, and of the catalog's cross-checks, has its
// Chinese message, so the report prints no English.
func TestFindingsInChinese(t *testing.T) {
	reg := mustLoad(t, "data/register-2020.json")
	draft, _, err := brokenDraft(reg)
	if err != nil {
		t.Fatal(err)
	}
	c, err := loadLists(reg)
	if err != nil {
		t.Fatal(err)
	}
	var all accountability.Findings
	all = append(all, reg.Validate(stagesRule)...)
	all = append(all, draft.Validate(stagesRule)...)
	all = append(all, c.Validate()...)
	if len(all) < 7 {
		t.Fatalf("%d findings, want the register's warning, the draft's five and the catalog's one: %v", len(all), all)
	}
	for _, f := range all {
		if f.Chinese == "" || f.Label() != f.Chinese {
			t.Errorf("%s at %s has no Chinese message: %q", f.Rule, f.Path, f.Message)
		}
	}
}

func mustLoad(t *testing.T, name string) *accountability.Register {
	t.Helper()
	var r accountability.Register
	if err := cli.Decode(dataFS, name, &r); err != nil {
		t.Fatal(err)
	}
	return &r
}

// TestFigures checks the key figures of the output from the data directly.
func TestFigures(t *testing.T) {
	reg := mustLoad(t, "data/register-2020.json")
	old := mustLoad(t, "data/register-2019.json")

	if len(reg.Responsibilities) != 7 {
		t.Errorf("main duties = %d, want 7", len(reg.Responsibilities))
	}
	if len(reg.Powers) != 13 {
		t.Errorf("powers = %d, want 13", len(reg.Powers))
	}
	cats := map[accountability.Category]bool{}
	for _, p := range reg.Powers {
		cats[p.Category] = true
		if p.Flow == "" || len(p.Basis) == 0 || len(p.Duties) == 0 || len(p.Liabilities) == 0 {
			t.Errorf("power %s lacks a flow, basis, duties or liabilities", p.Code)
		}
	}
	for _, c := range []accountability.Category{accountability.Penalty, accountability.Inspection,
		accountability.Confirmation, accountability.Payment, accountability.Coercion, accountability.OtherPower} {
		if !cats[c] {
			t.Errorf("no power of category %s", c.Label())
		}
	}
	if fs := chaohu.Template().Check(reg.Units, "ZM"); len(fs) != 0 {
		t.Errorf("layout findings: %v", fs)
	}

	type brief struct{ Rule, Severity, Path string }
	briefs := func(fs accountability.Findings) []brief {
		var out []brief
		for _, f := range fs {
			out = append(out, brief{f.Rule, f.Severity.String(), f.Path})
		}
		return out
	}
	// The published list: no error, and the one deliberate warning.
	want := []brief{{"risk.decision", "warning", "flows[F-GL].steps[d]"}}
	if diff := cmp.Diff(want, briefs(reg.Validate(stagesRule))); diff != "" {
		t.Errorf("2020 findings mismatch (-want +got):\n%s", diff)
	}
	if fs := old.Validate(stagesRule); fs.Err() != nil {
		t.Errorf("2019 list has errors: %v", fs.Err())
	}
	// The draft: each deliberate defect found once, by its rule.
	draft, defects, err := brokenDraft(reg)
	if err != nil {
		t.Fatal(err)
	}
	if len(defects) != 4 {
		t.Errorf("defects = %d, want 4: %q", len(defects), defects)
	}
	wantErrs := []brief{
		{"power.promised", "error", "powers[CF-002].promisedDays"},
		{"risk.level", "error", "risks[R-DB-2]"},
		{"sod.violation", "error", "separations[F-CF:i,r]"},
		{"resp.power", "error", "responsibilities[ZZ-04].powers[4]"},
	}
	if diff := cmp.Diff(wantErrs, briefs(draft.Validate(stagesRule).Errors())); diff != "" {
		t.Errorf("draft errors mismatch (-want +got):\n%s", diff)
	}
	if reg.Powers[1].PromisedDays == draft.Powers[1].PromisedDays {
		t.Errorf("brokenDraft changed the register it copied")
	}

	// 2019 → 2020: 临时救助 granted, 招商引资 cleared out, 低保 promised faster.
	var changes []string
	for _, c := range accountability.Diff(old, reg) {
		if c.List == "powers" || c.List == "responsibilities" {
			changes = append(changes, c.Kind.String()+" "+c.Key)
		}
	}
	wantChanges := []string{"changed QR-001", "changed QR-002", "added JF-001", "removed QT-009", "changed ZZ-02", "changed ZZ-04"}
	if diff := cmp.Diff(wantChanges, changes); diff != "" {
		t.Errorf("2019 → 2020 changes mismatch (-want +got):\n%s", diff)
	}
}

func TestStagesRule(t *testing.T) {
	reg := &accountability.Register{Powers: []accountability.Power{
		{Code: "A", Name: "甲", Category: accountability.Penalty, Duties: []accountability.Duty{
			{Stage: accountability.Filing}, {Stage: accountability.Decision},
		}},
		{Code: "B", Name: "乙", Category: accountability.Payment}, // not checked
		{Code: "C", Name: "丙", Category: accountability.Confirmation, Duties: []accountability.Duty{
			{Stage: accountability.Acceptance}, {Stage: accountability.Review}, {Stage: accountability.Decision},
			{Stage: accountability.Delivery}, {Stage: accountability.Supervision},
		}},
	}}
	fs := reg.Run(stagesRule)
	if len(fs) != 1 || fs[0].Path != "powers[A].duties" || fs[0].Severity != accountability.Warning {
		t.Fatalf("findings = %v, want one warning at powers[A].duties", fs)
	}
	if want := "权力甲（A）的责任事项缺少调查取证、审查、告知、送达、执行环节"; fs[0].Chinese != want {
		t.Errorf("Chinese message = %q, want %q", fs[0].Chinese, want)
	}
	for _, s := range []string{"调查取证", "审查", "告知", "送达", "执行"} {
		if !strings.Contains(fs[0].Message, s) {
			t.Errorf("message %q does not name the missing stage %s", fs[0].Message, s)
		}
	}
}

func TestCompetition(t *testing.T) {
	var c competition
	if err := cli.Decode(dataFS, "data/competition.json", &c); err != nil {
		t.Fatal(err)
	}
	cands, bar, err := c.candidates()
	if err != nil {
		t.Fatal(err)
	}
	if len(bar) != 1 || bar[0].ID != "C12" {
		t.Errorf("barred = %v, want only C12 (不称职 in 2018)", bar)
	}
	quotas := map[string]int{}
	seats := 0
	for _, p := range c.Posts {
		quotas[p.Code] = p.Quota
		seats += p.Quota
	}
	// The source: each sub-district offered nearly 20 posts (近20个岗位).
	if seats != 19 {
		t.Errorf("posts offered = %d, want 19", seats)
	}
	placed, err := staff.Select(cands, c.Weights, quotas)
	if err != nil {
		t.Fatal(err)
	}
	selected := map[string]int{}
	for _, p := range placed {
		if p.Selected {
			selected[p.Candidate.Post]++
		}
	}
	if diff := cmp.Diff(quotas, selected); diff != "" {
		t.Errorf("selected per post mismatch (-quota +selected):\n%s", diff)
	}
	// 刘芳: 0.7×90.58 + 0.1×(100 + 85 + 85) = 63.406 + 27 = 90.406.
	for _, p := range placed {
		if p.Candidate.ID == "C04" && (p.Total.String() != "90.406" || p.Rank != 1 || !p.Selected) {
			t.Errorf("刘芳: total %s rank %d selected %v, want 90.406, 1, true", p.Total, p.Rank, p.Selected)
		}
	}

	bad := c
	bad.Candidates = []applicant{
		{ID: "X1", Name: "某甲", Post: "P01", Appraisals: map[string]string{"2019": "良好", "2018": "称职"}},
	}
	_, _, err = bad.candidates()
	for _, want := range []string{`appraisal "良好" of 2019`, "no appraisal for 2017"} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("candidates() error = %v, want it to report %q", err, want)
		}
	}
}

// TestCrossChecks: the catalog of the embedded lists has exactly its one
// deliberate inconsistency, in Chinese; the lists pass their own checks;
// and a lead that is no unit of the register is caught.
func TestCrossChecks(t *testing.T) {
	var reg accountability.Register
	if err := cli.Decode(dataFS, "data/register-2020.json", &reg); err != nil {
		t.Fatal(err)
	}
	c, err := loadLists(&reg)
	if err != nil {
		t.Fatal(err)
	}
	for name, err := range map[string]error{"directory": c.Directory.Validate(), "admission": c.Admission.Validate(), "key tasks": c.KeyTasks.Validate()} {
		if err != nil {
			t.Errorf("the %s alone: %v", name, err)
		}
	}
	fs := c.Validate()
	if len(fs) != 1 || fs[0].Rule != "catalog.lead" || fs[0].Severity != accountability.Warning || fs[0].Path != "directory.routes[占道经营].lead" || !strings.Contains(fs[0].Label(), "背街小巷") {
		t.Errorf("cross-checks = %v, want the one warning on 占道经营", fs)
	}
	c.Directory.Routes[1].Lead = "ZM-CGJ" // a typo for ZM-CGB
	if errs := c.Validate().Errors(); len(errs) != 1 || errs[0].Rule != "catalog.unit" || !strings.Contains(errs[0].Label(), "不是登记的单位") {
		t.Errorf("cross-checks of a mistyped lead = %v", errs)
	}
}

// TestRunCountsWhereErrorsAre: the 2019 register, given with -register,
// has no error of its own; the catalog's cross-checks of the 2020 routes
// and admission against it find three, and stderr says so, in the
// singular where there is one.
func TestRunCountsWhereErrorsAre(t *testing.T) {
	clitest.Fails(t, run, []string{"-register", "data/register-2019.json"}, 1,
		"chaohu: the cross-checks of the 2019 lists found 3 errors (see 六、校验); the checks of 九 to 十一 found 1 error\n")
	var stdout, stderr bytes.Buffer
	run([]string{"-register", "data/register-2019.json"}, &stdout, &stderr)
	if strings.Contains(stderr.String(), "list of") {
		t.Errorf("stderr = %q, want no error counted against the list itself", stderr.String())
	}
}

// TestRunNamesTheSections: a register whose errors are found outside
// section 六 fails the run, and stderr points to the sections that found
// them rather than to 六、校验, which found none.
func TestRunNamesTheSections(t *testing.T) {
	b, err := dataFS.ReadFile("data/register-2020.json")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, old, new string
		stderr         []string
		not            []string
	}{
		{"a centre renamed: the layout check alone", `"name": "党群服务中心", "kind": "center"`, `"name": "党群中心", "kind": "center"`,
			[]string{"the layout has 2 errors (see 一、机构设置)"}, []string{"六、校验", "九 to 十一"}},
		{"a centre made an office: the layout, the team and the front desk", `"name": "党群服务中心", "kind": "center"`, `"name": "党群服务中心", "kind": "office"`,
			[]string{"the layout has 1 error (see 一、机构设置)", "the checks of 九 to 十一 found 2 errors"}, []string{"六、校验"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if !bytes.Contains(b, []byte(tt.old)) {
				t.Fatalf("register-2020.json has no %s", tt.old)
			}
			file := filepath.Join(t.TempDir(), "register.json")
			if err := os.WriteFile(file, bytes.Replace(b, []byte(tt.old), []byte(tt.new), 1), 0o644); err != nil {
				t.Fatal(err)
			}
			clitest.Fails(t, run, []string{"-register", file}, 1, tt.stderr...)
			var stdout, stderr bytes.Buffer
			run([]string{"-register", file}, &stdout, &stderr)
			for _, s := range tt.not {
				if strings.Contains(stderr.String(), s) {
					t.Errorf("stderr = %q, want no %q", stderr.String(), s)
				}
			}
		})
	}
}

// TestRunRegisterWithoutDeskItem: a register given with -register that
// lacks an item of the front desk's list prints the item's code alone in
// section 十一, with no name and no stray space before the next item.
func TestRunRegisterWithoutDeskItem(t *testing.T) {
	reg := mustLoad(t, "data/register-2020.json")
	reg.Powers = slices.DeleteFunc(reg.Powers, func(p accountability.Power) bool { return p.Code == "JF-001" })
	file := writeJSON(t, "register.json", reg)
	var stdout, stderr bytes.Buffer
	run([]string{"-register", file}, &stdout, &stderr)
	const want = "党群服务中心窗口一窗受理 4 项：QR-001 困难群众（最低生活保障对象）认定、QR-002 特困人员救助供养认定、JF-001、JF-002 八十周岁以上老年人高龄津贴发放"
	if !slices.Contains(strings.Split(stdout.String(), "\n"), "  "+want) {
		t.Errorf("section 十一 does not print\n\t%s\nstdout:\n%s", want, stdout.String())
	}
}

// writeJSON writes v as JSON to a file name in a temporary folder of t's
// and returns its path.
func writeJSON(t *testing.T, name string, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(file, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return file
}

// TestCompetitionEveryApplicantShown: an applicant barred from the
// competition for a post that is not offered, and a post offered twice
// under one code, are errors, as an eligible applicant for a post not
// offered already was (Select found no quota for it): before, the barred
// applicant was counted among those who applied and were barred yet
// listed under no post, and a second P01 overwrote the first's quota
// while its seats were counted twice.
func TestCompetitionEveryApplicantShown(t *testing.T) {
	var c competition
	if err := cli.Decode(dataFS, "data/competition.json", &c); err != nil {
		t.Fatal(err)
	}
	c.Candidates = append(c.Candidates, applicant{ID: "X1", Name: "某甲", Post: "P99", Score: decimal.NewFromInt(95),
		Appraisals: map[string]string{"2019": "称职", "2018": "不称职", "2017": "称职"}})
	c.Posts = append(c.Posts, post{Code: "P01", Unit: "党政办公室", Name: "综合文字岗", Quota: 1})
	var out strings.Builder
	err := (&report{w: &out}).competition(&c)
	for _, want := range []string{`candidate X1 某甲: post "P99" is not offered`, `post "P01" is offered twice`} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("competition error = %v, want it to report %q", err, want)
		}
	}
}

// TestCompetitionIDUsedTwice: two applicants under one ID are an error,
// barred or not. Before, Select saw only the eligible one, and the table
// printed beside its total the name, score and grades of whichever of the
// two came first in the data.
func TestCompetitionIDUsedTwice(t *testing.T) {
	var c competition
	if err := cli.Decode(dataFS, "data/competition.json", &c); err != nil {
		t.Fatal(err)
	}
	c.Candidates = append([]applicant{{ID: "C04", Name: "某乙", Post: "P01", Score: decimal.NewFromInt(60),
		Appraisals: map[string]string{"2019": "不称职", "2018": "称职", "2017": "称职"}}}, c.Candidates...)
	var out strings.Builder
	err := (&report{w: &out}).competition(&c)
	if want := "applicant ID C04 is used twice"; err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("competition error = %v, want it to report %q; printed:\n%s", err, want, out.String())
	}
}

// TestCompetitionPrintsExactFigures: a score of 3 places, and a total of
// 4, are printed as they are, so that the total follows by hand from the
// printed score. Before, 89.645 printed as 89.65 and its total 89.7515
// (0.7×89.645 + 0.1×(85 + 100 + 85) = 62.7515 + 27) as 89.752, while
// 0.7×89.65 + 27 = 89.755.
func TestCompetitionPrintsExactFigures(t *testing.T) {
	var c competition
	if err := cli.Decode(dataFS, "data/competition.json", &c); err != nil {
		t.Fatal(err)
	}
	c.Posts = []post{{Code: "P01", Unit: "党政办公室", Name: "综合文字岗", Quota: 1}}
	c.Candidates = []applicant{{ID: "X1", Name: "某丙", Post: "P01", Score: decimal.RequireFromString("89.645"),
		Appraisals: map[string]string{"2019": "称职", "2018": "优秀", "2017": "称职"}}}
	var out strings.Builder
	if err := (&report{w: &out}).competition(&c); err != nil {
		t.Fatal(err)
	}
	row := ""
	for _, l := range strings.Split(out.String(), "\n") {
		if strings.Contains(l, "某丙") {
			row = strings.Join(strings.Fields(l), " ")
		}
	}
	if want := "1 某丙 89.645 称职 优秀 称职 89.7515 拟聘"; row != want {
		t.Errorf("row = %q, want %q", row, want)
	}
}
