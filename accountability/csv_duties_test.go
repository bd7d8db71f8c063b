package accountability

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/qingdan/qingdan/internal/golden"
)

// dutyForms are the layouts and edges of a responsibility list, each with
// the responsibilities it reads into: TestReadResponsibilitiesCSV reads
// them, FuzzReadResponsibilitiesCSV starts from them.
var dutyForms = []struct {
	name, in string
	want     []Responsibility
}{
	{
		name: "tasks numbered on a line, and one a line",
		in:   "序号,主要职责,具体工作事项\n1,负责党的建设,\"1.抓好党员教育；2.抓好组织建设\n3.做好宣传\"\n",
		want: []Responsibility{{Code: "ZZ-01", Duty: "负责党的建设", Tasks: []string{"抓好党员教育；", "抓好组织建设", "做好宣传"}}},
	},
	{
		// One task a row under a 主要职责 merged over them, and a 职责类别
		// merged over two duties; a continuation row may repeat the unit.
		name: "tasks one a row under merged cells",
		in:   "序号,职责类别,主要职责,具体工作事项,责任科室\n1,党的建设,负责党建,1.a,党建办\n,,,2.b,\n,,,（3）c,党建办\n2,,负责宣传,d,党建办\n3,平安建设,负责调解,e,综治中心\n",
		want: []Responsibility{
			{Code: "ZZ-01", Duty: "负责党建", Category: "党的建设", Tasks: []string{"a", "b", "c"}, Unit: "党建办"},
			{Code: "ZZ-02", Duty: "负责宣传", Category: "党的建设", Tasks: []string{"d"}, Unit: "党建办"},
			{Code: "ZZ-03", Duty: "负责调解", Category: "平安建设", Tasks: []string{"e"}, Unit: "综治中心"},
		},
	},
	{
		// A sheet whose merged cells were filled on every row.
		name: "the duty repeated on every row",
		in:   "主要职责,具体工作事项\n负责党建,a\n负责党建,b\n负责宣传,c\n",
		want: []Responsibility{{Code: "ZZ-01", Duty: "负责党建", Tasks: []string{"a", "b"}}, {Code: "ZZ-02", Duty: "负责宣传", Tasks: []string{"c"}}},
	},
	{
		// A duty's code: its 职责编码, else ZZ- and its 序号, else its place.
		name: "codes",
		in:   "序号,职责编码,主要职责\n1,DJ-01,甲\n12,,乙\n,,丙\n",
		want: []Responsibility{{Code: "DJ-01", Duty: "甲"}, {Code: "ZZ-12", Duty: "乙"}, {Code: "ZZ-03", Duty: "丙"}},
	},
	{
		// A code from a duty's place is never one the list gives, nor
		// another's: 丙's place is 3, the code of 甲's 序号, so it takes
		// the first code after that no duty has (ZZ-04 is 丁's 职责编码,
		// ZZ-05 戊's place). Before, 丙 was ZZ-03 as 甲 was, a repeat
		// (resp.duplicate) nobody wrote.
		name: "codes from places taken",
		in:   "序号,职责编码,主要职责\n3,,甲\n,,乙\n,,丙\n,ZZ-04,丁\n,,戊\n1,,己\n,,庚\n,,辛\n",
		want: []Responsibility{{Code: "ZZ-03", Duty: "甲"}, {Code: "ZZ-02", Duty: "乙"}, {Code: "ZZ-06", Duty: "丙"},
			{Code: "ZZ-04", Duty: "丁"}, {Code: "ZZ-05", Duty: "戊"}, {Code: "ZZ-01", Duty: "己"}, {Code: "ZZ-07", Duty: "庚"}, {Code: "ZZ-08", Duty: "辛"}},
	},
	{
		// Two codes moved: each after its place, and the second after the
		// first.
		name: "codes from places taken, twice",
		in:   "序号,主要职责\n2,甲\n3,乙\n,丙\n,丁\n4,戊\n",
		want: []Responsibility{{Code: "ZZ-02", Duty: "甲"}, {Code: "ZZ-03", Duty: "乙"}, {Code: "ZZ-05", Duty: "丙"}, {Code: "ZZ-06", Duty: "丁"}, {Code: "ZZ-04", Duty: "戊"}},
	},
	{
		// The list's own numbers stand: two duties of one 序号 share its
		// code (resp.duplicate reports them), and a 序号 may be a 职责编码
		// of another duty's.
		name: "codes from one 序号",
		in:   "序号,职责编码,主要职责\n2,,甲\n2,,乙\n,ZZ-07,丙\n7,,丁\n",
		want: []Responsibility{{Code: "ZZ-02", Duty: "甲"}, {Code: "ZZ-02", Duty: "乙"}, {Code: "ZZ-07", Duty: "丙"}, {Code: "ZZ-07", Duty: "丁"}},
	},
	{
		name: "a number the table put before the duty",
		in:   "序号,主要职责\n1,1、负责党建\n2,（2）负责宣传\n3,1、丙\n",
		want: []Responsibility{{Code: "ZZ-01", Duty: "负责党建"}, {Code: "ZZ-02", Duty: "负责宣传"}, {Code: "ZZ-03", Duty: "1、丙"}},
	},
	{
		name: "powers",
		in:   "主要职责,权力编码\n甲,\"CF-001、CF-002\nXK-001\"\n,QT-001；QT-002\n",
		want: []Responsibility{{Code: "ZZ-01", Duty: "甲", Powers: []string{"CF-001", "CF-002", "XK-001", "QT-001", "QT-002"}}},
	},
	{
		// 备注 and a column of no header, continued on a line of their own.
		name: "columns kept in Extra",
		in:   "主要职责,具体工作事项,备注,\n甲,a,注一,x\n,b,注二,\n乙,,,\n",
		want: []Responsibility{
			{Code: "ZZ-01", Duty: "甲", Tasks: []string{"a", "b"}, Extra: map[string]string{"备注": "注一\n注二", "第4列": "x"}},
			{Code: "ZZ-02", Duty: "乙"},
		},
	},
	{
		// A list of duties, with no column of a boundary: its 依据 is the
		// duty's, which no field models.
		name: "a duty's basis",
		in:   "主要职责,依据\n甲,《中国共产党章程》\n",
		want: []Responsibility{{Code: "ZZ-01", Duty: "甲", Extra: map[string]string{"依据": "《中国共产党章程》"}}},
	},
	{
		// 职责分工 in one cell: the lines that begin with the department
		// (after a number) are theirs; a row naming two departments; a
		// second department's row under the duty's merged cells.
		name: "boundaries with the division in one cell",
		in: "序号,职责事项,相关部门（单位）,职责分工,相关依据\n" +
			"1,占道经营治理,区城管局,\"1.街道：巡查劝导，上报。\n2.区城管局：依法查处。\",\"《条例》第十四条\n\n《办法》\"\n" +
			",,区市场监管局,区市场监管局负责查处无照经营。,\n" +
			"2,违法建设治理,\"区城管局、区住建局\",\"街道负责巡查制止。\n区城管局负责查处。\n区住建局负责督促物业。\",\n",
		want: []Responsibility{
			{Code: "ZZ-01", Duty: "占道经营治理", Boundaries: []Boundary{
				{With: "区城管局", Ours: "1.街道：巡查劝导，上报。", Theirs: "2.区城管局：依法查处。", Basis: "《条例》第十四条\n《办法》"},
				{With: "区市场监管局", Theirs: "区市场监管局负责查处无照经营。"}}},
			{Code: "ZZ-02", Duty: "违法建设治理", Boundaries: []Boundary{
				{With: "区城管局、区住建局", Ours: "街道负责巡查制止。", Theirs: "区城管局负责查处。\n区住建局负责督促物业。"}}},
		},
	},
	{
		name: "boundaries with the division in two columns",
		in:   "序号,职责事项,相关部门,街道职责,相关部门职责,依据\n1,垃圾分类,区城管局,宣传督导,统筹考核,《方案》\n,,,,,《条例》\n",
		want: []Responsibility{{Code: "ZZ-01", Duty: "垃圾分类", Boundaries: []Boundary{
			{With: "区城管局", Ours: "宣传督导", Theirs: "统筹考核", Basis: "《方案》"}, {Basis: "《条例》"}}}},
	},
	{
		name: "a list of duties with their boundaries",
		in:   "序号,主要职责,具体工作事项,相关部门,本部门职责,相关部门职责\n1,甲,a,区城管局,巡查,执法\n,,b,,,\n2,乙,c,,,\n",
		want: []Responsibility{
			{Code: "ZZ-01", Duty: "甲", Tasks: []string{"a", "b"}, Boundaries: []Boundary{{With: "区城管局", Ours: "巡查", Theirs: "执法"}}},
			{Code: "ZZ-02", Duty: "乙", Tasks: []string{"c"}},
		},
	},
	{
		name: "headers spaced, a byte-order mark, a neutralised formula",
		in:   "\ufeff序 号, 主要职责 ,具体 工作事项\n1,'=甲,'+a\n",
		want: []Responsibility{{Code: "ZZ-01", Duty: "=甲", Tasks: []string{"+a"}}},
	},
}

func TestReadResponsibilitiesCSV(t *testing.T) {
	for _, tt := range dutyForms {
		t.Run(tt.name, func(t *testing.T) {
			readsAs(t, "ReadResponsibilitiesCSV()", tt.want)(ReadResponsibilitiesCSV(strings.NewReader(tt.in)))
			// The rows of the same sheet read alike.
			rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(tt.in, "\ufeff"))).ReadAll()
			if err != nil {
				t.Fatal(err)
			}
			readsAs(t, "ReadResponsibilityRows()", tt.want)(ReadResponsibilityRows(rows))
		})
	}
}

// TestReadResponsibilitiesCSVBadCells: each bad cell is named by its row,
// column and header, and the responsibilities are still returned, but
// for a list that fails whole.
func TestReadResponsibilitiesCSVBadCells(t *testing.T) {
	tests := []struct {
		name, in string
		cells    []string // "row:column (header): a part of the message"
		n        int      // responsibilities returned; -1 for none (nil)
	}{
		{"a blank 主要职责", "序号,主要职责\n1,甲\n2,\n", []string{"3:2 (主要职责): 主要职责 is blank"}, 2},
		{"a short row", "序号,具体工作事项,主要职责\n1,a\n", []string{"2:3 (主要职责): 主要职责 is blank (the row is short)"}, 1},
		{"a row after a blank row is a duty of its own", "序号,主要职责,具体工作事项\n1,甲,a\n,,\n,,b\n", []string{"4:2 (主要职责): 主要职责 is blank"}, 2},
		{"a 序号 that is no whole number", "序号,主要职责\n一,甲\n", []string{"2:1 (序号): 序号 is not a whole number"}, 1},
		{"a continuation row of another unit", "主要职责,具体工作事项,责任科室\n甲,a,党建办\n,b,综治办\n",
			[]string{`3:3 (责任科室): 责任科室 is not the duty's, "党建办", on the row above`}, 1},
		{"a continuation row of another category", "职责类别,主要职责,具体工作事项\n党的建设,甲,a\n平安建设,,b\n",
			[]string{`3:1 (职责类别): 职责类别 is not the duty's, "党的建设"`}, 1},
		{"a cell beyond the last column", "主要职责\n甲,x\n", []string{"2:2 (): cell beyond the last column"}, 1},
		// A 主要职责 too long to read is read as blank, but the row is a
		// duty of its own, not the duty above continued.
		{"a long 主要职责", "主要职责,具体工作事项\n甲,a\n" + strings.Repeat("名", MaxCellBytes/3+1) + ",b\n",
			[]string{"3:1 (主要职责): longer than 262144 bytes (MaxCellBytes)"}, 2},
		{"not UTF-8", "主要职责,具体工作事项\n甲,\xff\n", []string{"2:2 (具体工作事项): not UTF-8 text"}, 1},
		{"no duty column", "序号,具体工作事项\n1,a\n", []string{"1:0 (主要职责): required column 主要职责 is missing (or one of 职责, 职责名称"}, -1},
		{"a duty column twice", "主要职责,职责\n甲,乙\n", []string{"1:2 (职责): column 主要职责 appears twice (also column 1)"}, -1},
		{"an empty file", "", []string{"1:0 (): empty file, no header row"}, -1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ReadResponsibilitiesCSV(strings.NewReader(tt.in))
			ce, ok := errors.AsType[*CSVError](err)
			if !ok || ce.List != "responsibility list" || !strings.HasPrefix(err.Error(), "accountability: responsibility list: ") {
				t.Fatalf("ReadResponsibilitiesCSV() error = %v, want a *CSVError of the responsibility list", err)
			}
			if len(ce.Cells) != len(tt.cells) {
				t.Fatalf("bad cells %v, want %q", ce.Cells, tt.cells)
			}
			for i, c := range ce.Cells {
				at := fmt.Sprintf("%d:%d (%s): ", c.Row, c.Column, c.Header)
				if want := tt.cells[i]; !strings.HasPrefix(want, at) || !strings.Contains(c.Err.Error(), strings.TrimPrefix(want, at)) || !errors.Is(c.Err, ErrCell) {
					t.Errorf("bad cell %d: %s%v, want %s", i, at, c.Err, want)
				}
			}
			if tt.n < 0 && got != nil || tt.n >= 0 && len(got) != tt.n {
				t.Errorf("%d responsibilities (nil: %t), want %d", len(got), got == nil, tt.n)
			}
		})
	}
}

// TestReadResponsibilityLists imports the samples of the layouts of a
// responsibility list in testdata/responsibilities (LAYOUTS.md: they are
// constructed, not published) and checks the duties, the bad cells and
// Register.Validate's findings; the golden files hold all three, as our
// own JSON.
func TestReadResponsibilityLists(t *testing.T) {
	tests := []struct {
		file  string
		codes []string // the responsibilities' codes and duties, "code duty"
		rules map[string]int
	}{
		// The units are the list's offices, no unit of a register: resp.unit.
		{file: "duties-merged.csv", codes: []string{"ZZ-01 负责街道党的建设工作，落实全面从严治党主体责任。", "ZZ-02 负责辖区意识形态和宣传思想文化工作。",
			"ZZ-03 负责辖区矛盾纠纷排查化解。", "ZZ-04 负责辖区招商引资和企业服务工作。"},
			rules: map[string]int{"resp.unit": 4}},
		// A table of boundaries names no unit: resp.unit for each duty.
		{file: "boundaries-division.csv", codes: []string{"ZZ-01 占道经营治理", "ZZ-02 居民小区违法建设治理"},
			rules: map[string]int{"resp.unit": 2}},
		{file: "boundaries-two-columns-gb18030.csv", codes: []string{"ZZ-01 生活垃圾分类", "ZZ-02 食品安全监管"},
			rules: map[string]int{"resp.unit": 2}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			rs, err := ReadResponsibilitiesCSV(bytes.NewReader(testdata(t, "responsibilities/"+tt.file)))
			if err != nil {
				t.Fatalf("ReadResponsibilitiesCSV() error = %v", err)
			}
			var codes []string
			for _, x := range rs {
				codes = append(codes, x.Code+" "+x.Duty)
			}
			findings, rules := ruleCounts(&Register{Responsibilities: rs})
			if diff := cmp.Diff(tt.codes, codes); diff != "" {
				t.Errorf("responsibilities mismatch (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.rules, rules); diff != "" {
				t.Errorf("findings mismatch (-want +got):\n%s\n%v", diff, findings)
			}
			got, err := json.MarshalIndent(struct {
				Responsibilities []Responsibility `json:"responsibilities"`
				Findings         Findings         `json:"findings"`
			}{rs, findings}, "", "\t")
			if err != nil {
				t.Fatal(err)
			}
			golden.Check(t, filepath.Join("testdata", "responsibilities", strings.TrimSuffix(tt.file, ".csv")+".golden"), append(got, '\n'), *update)
		})
	}
}

// writtenResponsibilities are responsibilities of every field, as
// ReadResponsibilitiesCSV reads them: a duty numbered as a table numbers
// one, a task that would read as two, formulas, several boundaries.
func writtenResponsibilities() []Responsibility {
	return []Responsibility{
		{Code: "ZZ-01", Duty: "1、城市管理综合执法", Category: "城市管理", Tasks: []string{"查处占道经营；2.不是第二项", "1.5万元以下的罚款"}, Unit: "O2",
			Powers: []string{"CF-001", "CF-002"}, Extra: map[string]string{"备注": "巢湖\n2020", "=HYPERLINK(\"x\")": "'引号"},
			Boundaries: []Boundary{{With: "D1", Ours: "日常巡查与查处", Theirs: "业务指导与监督", Basis: "巢湖市街道体制改革实施方案"}, {With: "区市场监管局", Theirs: "-查处无照经营"}}},
		{Code: "=SUM(A1)", Duty: "市政设施管理", Category: "城市管理", Unit: "O1"},
	}
}

// TestReadSerialFullWidth: a 序号 typed in full-width digits (１２, as a
// Chinese input method in full-width mode types them) is the same whole
// number as in ASCII digits, as numbers read alike elsewhere: no bad cell,
// a duty coded by it, a power's name stripped of it.
func TestReadSerialFullWidth(t *testing.T) {
	duties, err := ReadResponsibilitiesCSV(strings.NewReader("序号,主要职责\n１２,１２、负责党建\n１２,负责党建\n"))
	if err != nil {
		t.Fatalf("ReadResponsibilitiesCSV error = %v", err)
	}
	if diff := cmp.Diff([]Responsibility{{Code: "ZZ-12", Duty: "负责党建"}}, duties); diff != "" {
		t.Errorf("duties mismatch (-want +got):\n%s", diff)
	}
	powers, err := ReadPowersCSV(strings.NewReader("序号,权力类型,项目名称\n３,行政处罚,3、对甲的处罚\n"))
	if err != nil {
		t.Fatalf("ReadPowersCSV error = %v", err)
	}
	if diff := cmp.Diff([]Power{{Category: Penalty, Name: "对甲的处罚"}}, powers); diff != "" {
		t.Errorf("powers mismatch (-want +got):\n%s", diff)
	}
}

func TestWriteResponsibilitiesCSV(t *testing.T) {
	want := writtenResponsibilities()
	var buf bytes.Buffer
	if err := WriteResponsibilitiesCSV(&buf, want); err != nil {
		t.Fatal(err)
	}
	golden.Check(t, "testdata/responsibilities-written.csv", buf.Bytes(), *update)
	noFormulas(t, buf.String())
	got, err := ReadResponsibilitiesCSV(&buf)
	if err != nil {
		t.Fatalf("ReadResponsibilitiesCSV(WriteResponsibilitiesCSV(rs)) error = %v", err)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("round trip mismatch (-want +got):\n%s", diff)
	}
	// A cell over MaxCellBytes is refused before anything is written.
	long := []Responsibility{{Code: "ZZ-09", Duty: "甲", Tasks: []string{strings.Repeat("a", MaxCellBytes)}}}
	buf.Reset()
	err = WriteResponsibilitiesCSV(&buf, long)
	if !errors.Is(err, ErrInvalid) || !strings.Contains(err.Error(), `responsibility "ZZ-09": column "具体工作事项" would hold`) || buf.Len() != 0 {
		t.Errorf("WriteResponsibilitiesCSV(a long task) = %v, wrote %d bytes", err, buf.Len())
	}
}

// FuzzReadResponsibilitiesCSV: no input panics the importer, or takes time
// out of proportion to its length; every error wraps ErrCell or
// ErrInvalid, and says in Chinese what is wrong with each cell; whatever reads without error reads back the same once
// written.
func FuzzReadResponsibilitiesCSV(f *testing.F) {
	for _, tt := range dutyForms {
		f.Add([]byte(tt.in))
	}
	for _, name := range []string{"duties-merged.csv", "boundaries-division.csv", "boundaries-two-columns-gb18030.csv"} {
		f.Add(testdata(f, "responsibilities/"+name))
	}
	f.Add([]byte("主要职责,具体工作事项,责任科室\n甲,a,党建办\n,b,综治办\n\n,c,\n"))
	f.Add([]byte("职责类别,主要职责,依据,相关依据\n党的建设,甲,x,y\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzList(t, data, ReadResponsibilitiesCSV, WriteResponsibilitiesCSV, func(rs []Responsibility) {
			_ = (&Register{Responsibilities: rs}).Validate()
		})
	})
}
