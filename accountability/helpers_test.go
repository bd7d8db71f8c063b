package accountability

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/qingdan/qingdan/internal/hardening"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden")

// testdata returns what testdata/name holds.
func testdata(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// The stages of a penalty's and of a licence's duties, in order.
var (
	penaltyStages   = []Stage{Filing, Investigation, Review, Notice, Decision, Delivery, Enforcement}
	licensingStages = []Stage{Acceptance, Review, Decision, Delivery, Supervision}
)

// staged returns a duty for each of stages in turn, with the text of the
// same place in texts.
func staged(stages []Stage, texts ...string) []Duty {
	if len(texts) != len(stages) {
		panic(fmt.Sprintf("%d texts for %d stages", len(texts), len(stages)))
	}
	ds := make([]Duty, len(stages))
	for i, s := range stages {
		ds[i] = Duty{Stage: s, Text: texts[i]}
	}
	return ds
}

// sound returns a fresh register on which no built-in rule finds anything:
// a sub-district's units, a penalty and a licence with their flowcharts,
// risk points, a separation and two responsibilities.
func sound() *Register {
	return &Register{
		Org:     "中庙街道",
		Version: "2020-1",
		Units: []Unit{
			{ID: "S", Name: "中庙街道", Kind: Subdistrict},
			{ID: "O1", Name: "党政办公室", Kind: Office, Parent: "S"},
			{ID: "O2", Name: "城市管理部", Kind: Office, Parent: "S"},
			{ID: "A1", Name: "城管中队", Kind: Agency, Parent: "S"},
			{ID: "D1", Name: "巢湖市城市管理局", Kind: Department},
		},
		Powers: []Power{
			{
				Code: "CF-001", Name: "对擅自占用城市道路经营的处罚", Category: Penalty, Subject: "A1",
				Basis: []Basis{{Law: "城市市容和环境卫生管理条例", Article: "第三十六条", Text: "擅自占用城市道路……责令改正，并可处以罚款"}},
				Duties: staged(penaltyStages,
					"对发现的违法行为予以审查，决定是否立案",
					"全面、客观、公正地调查，收集证据",
					"审理案件的事实、证据、依据和处罚意见",
					"告知当事人拟处罚的事实、理由、依据及陈述申辩权",
					"作出处罚决定，制作行政处罚决定书",
					"依法送达行政处罚决定书",
					"督促当事人履行处罚决定"),
				Liabilities:   []string{"没有法律依据实施处罚的", "擅自改变处罚种类、幅度的"},
				StatutoryDays: 90, PromisedDays: 60, Flow: "F1",
			},
			{
				Code: "XK-001", Name: "临时占用城市道路审批", Category: Licensing, Subject: "O2",
				Basis: []Basis{{Law: "城市道路管理条例", Article: "第三十一条"}},
				Duties: staged(licensingStages,
					"公示申请条件，一次性告知补正材料",
					"审查申请材料",
					"作出准予或不予许可的决定",
					"送达许可决定",
					"对占用道路情况进行监督检查"),
				Liabilities:   []string{"对符合条件的申请不予受理的"},
				StatutoryDays: 20, PromisedDays: 10, Flow: "F2",
				Grant: &Grant{From: "D1", Since: time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC), Partial: true, Scope: "仅限社区道路"},
			},
		},
		Responsibilities: []Responsibility{
			{Code: "ZZ-01", Duty: "城市管理综合执法", Tasks: []string{"查处占道经营"}, Unit: "O2", Powers: []string{"CF-001"},
				Boundaries: []Boundary{{With: "D1", Ours: "日常巡查与查处", Theirs: "业务指导与监督", Basis: "巢湖市街道体制改革实施方案"}}},
			{Code: "ZZ-02", Duty: "市政设施管理", Unit: "O1", Powers: []string{"XK-001"}},
		},
		Flows: []Flow{
			{ID: "F1", Name: "行政处罚流程", Steps: []Step{
				{ID: "a", Name: "开始", Kind: Start},
				{ID: "b", Name: "立案", Kind: Task, Stage: Filing, Post: "执法队员", Days: 1},
				{ID: "c", Name: "调查取证", Kind: Task, Stage: Investigation, Post: "执法队员", Days: 10},
				{ID: "d", Name: "审理", Kind: Task, Stage: Review, Post: "法制审核员", Days: 5},
				{ID: "e", Name: "告知", Kind: Task, Stage: Notice, Post: "执法队员", Days: 3},
				{ID: "g", Name: "是否陈述申辩", Kind: Gateway, Stage: Notice, Post: "执法队员"},
				{ID: "h", Name: "复核", Kind: Task, Stage: Review, Post: "法制审核员", Days: 2},
				{ID: "i", Name: "决定", Kind: Task, Stage: Decision, Post: "分管领导", Days: 2},
				{ID: "j", Name: "送达", Kind: Task, Stage: Delivery, Post: "执法队员", Days: 1},
				{ID: "k", Name: "执行", Kind: Task, Stage: Enforcement, Post: "执法队员", Days: 15},
				{ID: "z", Name: "结束", Kind: End},
			}, Edges: []Edge{
				{From: "a", To: "b"}, {From: "b", To: "c"}, {From: "c", To: "d"}, {From: "d", To: "e"},
				{From: "e", To: "g"}, {From: "g", To: "h", Label: "申辩"}, {From: "g", To: "i", Label: "不申辩"},
				{From: "h", To: "i"}, {From: "i", To: "j"}, {From: "j", To: "k"}, {From: "k", To: "z"},
			}},
			{ID: "F2", Name: "行政许可流程", Steps: []Step{
				{ID: "s", Name: "开始", Kind: Start},
				{ID: "a", Name: "受理", Kind: Task, Stage: Acceptance, Post: "窗口人员", Days: 1},
				{ID: "r", Name: "审查", Kind: Task, Stage: Review, Post: "审核员", Days: 5},
				{ID: "d", Name: "决定", Kind: Task, Stage: Decision, Post: "分管领导", Days: 2},
				{ID: "o", Name: "送达", Kind: Task, Stage: Delivery, Post: "窗口人员", Days: 1},
				{ID: "e", Name: "结束", Kind: End},
			}, Edges: []Edge{
				{From: "s", To: "a"}, {From: "a", To: "r"}, {From: "r", To: "d"}, {From: "d", To: "o"}, {From: "o", To: "e"},
			}},
		},
		Risks: []Risk{
			{ID: "R1", Flow: "F1", Step: "i", Text: "处罚畸轻畸重、以罚代刑", Likelihood: 3, Impact: 5, Level: High,
				Controls: []Control{{Text: "重大处罚集体讨论", Post: "主要负责人"}}, Owner: "分管领导"},
			{ID: "R2", Flow: "F1", Step: "c", Text: "取证不全、选择性执法", Likelihood: 3, Impact: 3, Level: Medium,
				Controls: []Control{{Text: "执法记录仪全程记录", Post: "执法队员"}}, Owner: "执法队员"},
			{ID: "R3", Flow: "F2", Step: "d", Text: "违规许可", Likelihood: 2, Impact: 3, Level: Low, Owner: "分管领导"},
		},
		Separations: []Separation{
			{Flow: "F1", Steps: [2]string{"c", "i"}, Reason: "调查与决定分离"},
			{Flow: "F1", Steps: [2]string{"c", "d"}, Reason: "调查与审核分离"},
		},
	}
}

// chain returns a flow of n steps in a line, start to end, each task taking
// a day.
func chain(id string, n int) Flow {
	f := Flow{ID: id, Name: "链", Steps: make([]Step, n), Edges: make([]Edge, 0, n-1)}
	for i := range f.Steps {
		f.Steps[i] = Step{ID: "s" + strconv.Itoa(i), Kind: Task, Days: 1}
		if i > 0 {
			f.Edges = append(f.Edges, Edge{From: f.Steps[i-1].ID, To: f.Steps[i].ID})
		}
	}
	f.Steps[0].Kind, f.Steps[0].Days = Start, 0
	f.Steps[n-1].Kind, f.Steps[n-1].Days = End, 0
	return f
}

func mustJSON(t testing.TB, v any) []byte {
	t.Helper()
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	return append(b, '\n')
}

// ruleCounts validates r and returns its findings, and how many each rule
// made.
func ruleCounts(r *Register) (Findings, map[string]int) {
	findings := r.Validate()
	rules := map[string]int{}
	for _, f := range findings {
		rules[f.Rule]++
	}
	return findings, rules
}

// readsAs checks what a reader read: readsAs(t, "ReadPowersCSV()",
// want)(ReadPowersCSV(r)) fails t unless the reader returned want and no
// error, and returns what it read.
func readsAs[T any](t *testing.T, what string, want []T) func(got []T, err error) []T {
	return func(got []T, err error) []T {
		t.Helper()
		if err != nil {
			t.Fatalf("%s error = %v", what, err)
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("%s mismatch (-want +got):\n%s", what, diff)
		}
		return got
	}
}

// fuzzList checks what read, one of the CSV readers, makes of data, as
// each promises: no panic, time linear in the input, an error that wraps
// ErrCell or ErrInvalid and whose bad cells are sound and say in Chinese
// what is wrong (so does the record the CSV format could not read), a
// list validate
// takes without panicking, and, read without error, a list that write
// writes and read reads back the same.
func fuzzList[T any](t *testing.T, data []byte, read func(io.Reader) ([]T, error), write func(io.Writer, []T) error, validate func([]T)) {
	var (
		list []T
		err  error
	)
	hardening.Linear(t, len(data), func() { list, err = read(bytes.NewReader(data)) })
	soundReadError(t, err)
	validate(list)
	if err != nil {
		return
	}
	writesBack(t, list, read, write)
}

// soundReadError fails the test unless err, a list reader's, is nil or
// wraps ErrCell or ErrInvalid, and its bad cells are sound and say in
// Chinese what is wrong (so does the record the CSV format could not
// read).
func soundReadError(t *testing.T, err error) {
	t.Helper()
	if err != nil && !errors.Is(err, ErrCell) && !errors.Is(err, ErrInvalid) {
		t.Fatalf("reading: %v wraps neither ErrCell nor ErrInvalid", err)
	}
	chineseEverywhere(t, err)
	if ce, ok := errors.AsType[*CSVError](err); ok {
		for _, c := range ce.Cells {
			if c.Row < 1 || c.Column < 0 || c.Err == nil || !errors.Is(c.Err, ErrCell) {
				t.Fatalf("bad cell error %+v", c)
			}
		}
	}
}

// writesBack fails the test unless write writes list, read without error,
// as a file that read reads back the same.
func writesBack[T any](t *testing.T, list []T, read func(io.Reader) ([]T, error), write func(io.Writer, []T) error) {
	t.Helper()
	var buf bytes.Buffer
	if err := write(&buf, list); err != nil {
		t.Fatalf("writing what was read: %v", err)
	}
	again, err := read(&buf)
	if err != nil {
		t.Fatalf("reading back what was written: %v\n%s", err, buf.String())
	}
	if reflect.DeepEqual(list, again) { // cheaper than cmp.Diff, which a fuzz target pays on every input
		return
	}
	if diff := cmp.Diff(list, again); diff != "" {
		t.Fatalf("write and read back mismatch (-want +got):\n%s", diff)
	}
}
