package accountability

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/qingdan/qingdan/internal/golden"
)

func TestReadPowersCSV(t *testing.T) {
	got, err := ReadPowersCSV(bytes.NewReader(testdata(t, "powers.csv")))
	if err != nil {
		t.Fatalf("ReadPowersCSV() error = %v", err)
	}
	want := []Power{
		{
			Code: "CF-001", Name: "对擅自占用城市道路经营的处罚", Category: Penalty, Subject: "A1",
			Basis: []Basis{
				{Law: "城市市容和环境卫生管理条例", Article: "第三十六条", Text: "擅自占用城市道路的，责令改正。", Kind: Implementing},
				{Law: "安徽省城市管理领域相对集中行政处罚权办法", Article: "第五条", Kind: Implementing},
			},
			Duties: append(staged(penaltyStages,
				"对违法行为予以审查，决定是否立案。",
				"全面、客观、公正地调查。",
				"审理案件事实。",
				"告知当事人陈述申辩权。",
				"作出处罚决定。",
				"依法送达。",
				"督促履行。"), Duty{Text: "其他法律法规规章文件规定应履行的责任。"}),
			Liabilities:   []string{"没有法律依据实施处罚的；", "擅自改变处罚种类、幅度的；"},
			StatutoryDays: 90, PromisedDays: 60,
			Extra: map[string]string{"备注": "巢湖"},
		},
		{
			Code: "XK-001", Name: "临时占用城市道路审批", Sub: "社区道路", Category: Licensing, Subject: "O2",
			Basis: []Basis{{Law: "城市道路管理条例", Article: "第三十一条", Kind: Implementing}},
			Duties: staged(licensingStages,
				"一次性告知",
				"审查材料",
				"作出决定",
				"送达",
				"监督检查"),
			Liabilities:   []string{"对符合条件的申请不予受理的"},
			StatutoryDays: 20, PromisedDays: 10,
		},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("ReadPowersCSV() mismatch (-want +got):\n%s", diff)
	}
}

// TestReadPowersCSVDays: a time limit in working days (a number, 日 or
// 工作日) reads as it is; one in 天, which lists put for working and
// calendar days alike, reads as its number with the cell kept in Extra, so
// that nothing says more than the list did; 自然日 is not working days.
func TestReadPowersCSVDays(t *testing.T) {
	for _, tt := range []struct {
		cell      string
		days      int
		extra     map[string]string
		wantError bool
	}{
		{"20", 20, nil, false},
		{"20个工作日", 20, nil, false},
		{"20工作日", 20, nil, false},
		{"20日", 20, nil, false},
		{"20天", 20, map[string]string{"法定时限": "20天"}, false},
		{"２０", 20, nil, false},
		{"２０个工作日", 20, nil, false},
		{"１５日", 15, nil, false},
		{"２０天", 20, map[string]string{"法定时限": "２０天"}, false},
		{"20 天", 20, map[string]string{"法定时限": "20 天"}, false},
		{"即时办结", 0, map[string]string{"法定时限": "即时办结"}, false},
		{"20个自然日", 0, nil, true},
		{"二十天", 0, nil, true},
	} {
		in := "项目名称,权力类型,项目编码,实施依据,法定时限\n甲,许可,A-1,《法》," + tt.cell + "\n"
		powers, err := ReadPowersCSV(strings.NewReader(in))
		if (err != nil) != tt.wantError || len(powers) != 1 {
			t.Errorf("%s: %d powers, error %v; want an error %v", tt.cell, len(powers), err, tt.wantError)
			continue
		}
		if !tt.wantError { // and back, the same
			var buf bytes.Buffer
			if err := WritePowersCSV(&buf, powers); err != nil {
				t.Fatal(err)
			}
			back, err := ReadPowersCSV(&buf)
			if diff := cmp.Diff(powers, back); err != nil || diff != "" {
				t.Errorf("%s: written and read back, %v, mismatch (-want +got):\n%s", tt.cell, err, diff)
			}
		}
		got := struct {
			Days  int
			Extra map[string]string
		}{powers[0].StatutoryDays, powers[0].Extra}
		want := struct {
			Days  int
			Extra map[string]string
		}{tt.days, tt.extra}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("%s: mismatch (-want +got):\n%s", tt.cell, diff)
		}
	}
}

func TestReadPowersCSVBadCells(t *testing.T) {
	const in = "项目名称,权力类型,项目编码,实施依据,责任事项,追责情形,序号,法定时限\n" +
		"甲,行政审批,A-1,《法》,\"受理责任：x\n盖章责任：y\",z,1,20\n" + // unknown category; 盖章 is no stage of ours
		",处罚,,《法》,决定责任：x,z,二,二十天\n" + // blank name (a blank code is allowed), bad serial, bad days
		"丙,检查,C-1,《法》,x,z,3,5,extra\n" + // a cell with no header
		"丁,确认,D-1\n" // short row: the rest is blank, which is allowed
	powers, err := ReadPowersCSV(strings.NewReader(in))
	var ce *CSVError
	if !errors.As(err, &ce) {
		t.Fatalf("ReadPowersCSV() error = %v, want *CSVError", err)
	}
	if !errors.Is(err, ErrCell) || !errors.Is(err, ErrInvalid) {
		t.Errorf("error %v does not wrap ErrCell and ErrInvalid", err)
	}
	type cell struct {
		Row, Line, Column int
		Header, Value     string
	}
	var got []cell
	for _, c := range ce.Cells {
		got = append(got, cell{c.Row, c.Line, c.Column, c.Header, c.Value})
	}
	want := []cell{
		{2, 2, 2, "权力类型", "行政审批"},
		{3, 4, 1, "项目名称", ""},
		{3, 4, 7, "序号", "二"},
		{3, 4, 8, "法定时限", "二十天"},
		{4, 5, 9, "", "extra"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("bad cells mismatch (-want +got):\n%s", diff)
	}
	if len(powers) != 4 {
		t.Fatalf("got %d powers, want every row (4) despite the bad cells", len(powers))
	}
	if powers[0].Name != "甲" || powers[0].Category != 0 || len(powers[0].Duties) != 2 || powers[0].Duties[1] != (Duty{Stage: OtherStage, Text: "盖章责任：y"}) || powers[3].Category != Confirmation {
		t.Errorf("powers = %+v", powers)
	}
	msg := err.Error()
	for _, w := range []string{`row 2, column 2 (权力类型) "行政审批": 权力类型: accountability: unknown category "行政审批"`, "row 4, column 9"} {
		if !strings.Contains(msg, w) {
			t.Errorf("error message lacks %q:\n%s", w, msg)
		}
	}
}

func TestReadPowersCSVHeaders(t *testing.T) {
	tests := []struct {
		name, in string
		sentinel error    // the error wraps it
		want     []string // substrings of the error
	}{
		{"empty", "", ErrCell, []string{"no header row"}},
		{"missing columns", "序号,项目编码,实施依据\n1,x,y\n", ErrCell, []string{"required column 权力类型 is missing",
			"required column 项目名称 is missing"}},
		{"column twice", "权力类型,项目编码,项目名称,实施依据,责任事项,追责情形,权力编码\n", ErrCell, []string{"row 1, column 7 (权力编码): column 项目编码 appears twice (also column 2)"}},
		{"bad quoting", "权力类型,项目编码,项目名称,实施依据,责任事项,追责情形\n处罚,\"A,x,y,z,w\n", ErrInvalid, []string{"row 2", "extraneous or missing"}},
		{"bad quoting in the header", "权力类型,\"项目编码,项目名称,实施依据,责任事项,追责情形\n", ErrInvalid, []string{"extraneous or missing"}},
		{"bad quoting after a bad cell", "权力类型,项目编码,项目名称,实施依据,责任事项,追责情形\n处罚,A,\xc3\xd7,x,y,z\n处罚,\"A,x,y,z,w\n", ErrInvalid, []string{"row 3", "extraneous or missing"}},
		{"not UTF-8", "权力类型,项目编码,项目名称,实施依据,责任事项,追责情形\n处罚,A,\xc3\xd7,x,y,z\n", ErrCell, []string{"row 2, column 3", "not UTF-8"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ReadPowersCSV(strings.NewReader(tt.in))
			if !errors.Is(err, tt.sentinel) {
				t.Fatalf("ReadPowersCSV() error = %v, want one wrapping %v", err, tt.sentinel)
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error lacks %q:\n%v", w, err)
				}
			}
		})
	}
	// A stray quote ends the import with the powers of the rows before it.
	powers, err := ReadPowersCSV(strings.NewReader("权力类型,项目编码,项目名称,实施依据,责任事项,追责情形\n处罚,A,甲,x,y,z\n处罚,\"B,x,y,z,w\n"))
	if !errors.Is(err, ErrInvalid) || len(powers) != 1 || powers[0].Code != "A" {
		t.Errorf("ReadPowersCSV(a stray quote in row 3) = %+v, %v; want power A and an error wrapping ErrInvalid", powers, err)
	}
	// Spaces around headers and blank rows are tolerated.
	in := " 权力类型 ,项目编码,项目名称,实施依据,责任事项,追责情形\n\n处罚,A,甲,,,\n,,,,,\n"
	powers, err = ReadPowersCSV(strings.NewReader(in))
	if err != nil || len(powers) != 1 || powers[0].Code != "A" {
		t.Errorf("ReadPowersCSV(spaced header) = %+v, %v", powers, err)
	}
}

// FuzzReadPowersCSV: no input panics the importer, or takes time out of
// proportion to its length; every cell error points into the file and
// says in Chinese what is wrong; every row with a cell in it becomes a
// power.
func FuzzReadPowersCSV(f *testing.F) {
	for _, seed := range rowSeeds(f) {
		b := csvBytes(f, seed.rows)
		if seed.gb {
			b = toGB18030(f, b)
		}
		f.Add(b)
	}
	f.Add([]byte("权力类型,项目编码,项目名称,实施依据,责任事项,追责情形\n处罚,A,甲,《法》第一条：x,1.决定责任：y,z\n"))
	f.Add([]byte("权力类型,项目编码,项目名称,实施依据,责任事项,追责情形,权力类型\n\"a\nb\",,\n"))
	f.Add([]byte("权力类型,项目编码,项目名称,实施依据,责任事项,追责情形\n处罚,\"A,x,y,z,w\n"))
	f.Add([]byte("\xff\xfe\x43\x00"))
	// The forms of the real lists the importer reads since round 2: a
	// prefix and a note around the law, the article on the next line,
	// the line introducing the cases, duties numbered on one line, a
	// continuation row, a spaced category and 行政调解.
	f.Add([]byte("权力类型,项目名称,设定依据,责任事项,追责情形\n" +
		"行政 许可,甲,\"1、【法律】外交部《法》(2011年(修订))\n第十二条 条文\",1、受理责任:a。 2、审查责任:b,\"有下列情形的:\n1.x\"\n" +
		",,,3、决定责任:c,2.y\n行政调解,乙,《法》,,\n"))
	f.Add([]byte("权力类型,项目名称,设定依据,实施依据\n处罚,甲,外交部《法》,《乙》第一条\n,,第二条 x,《乙》第二条\n"))
	// Round 4: a tag of rank on a line of its own, over its law.
	f.Add([]byte("权力类型,项目名称,设定依据\n处罚,甲,\"1、【法律】\n《法》第一条：x\n【行政法规】\"\n,,《条例》\n"))
	// Joint issuers, and a verb that ends as a body's name does.
	f.Add([]byte("权力类型,项目名称,实施依据\n处罚,甲,\"中共中央办公厅 国务院办公厅《意见》第一条：x\n全国人大、中国残联《法》\n签署《协议》\"\n"))
	// Citations one after another on a line, and a law named in the text.
	f.Add([]byte("权力类型,项目名称,实施依据\n处罚,甲,\"1、《A法》第五条：x；2、《B条例》(2011年)第九条：y。《C》第一条\n《D》第二条：依照《E》第三条；《F》规定的\"\n"))
	// Cases and duties numbered on one line, and one that only seems to be.
	f.Add([]byte("权力类型,项目名称,实施依据,责任事项,追责情形\n处罚,甲,《法》,1.受理责任:a；2.审查责任:b,\"有下列情形的:1.x；2.y\n1.罚款1.5万元；2.5万元\"\n处罚,乙,《法》,受理责任:a；2.b,x；2.y\n"))
	// Continuation rows that fill columns kept in Extra.
	f.Add([]byte("权力类型,项目名称,实施依据,责任事项,责任岗位,备注\n处罚,甲,《法》,1.a,岗一,注\n,,,2.b,岗二,\n,,,,,另注\n"))
	// Round 5: the forms of real lists read since.
	for _, seed := range []string{
		// 事项依据, a basis of no stated kind.
		"序号,事项名称,事项类型,事项依据,事项主体\n1,甲,行政许可,\"【法律】《法》(2018年修正)\n第二十八条 x\",乡镇人民政府\n",
		// A catalogue with no basis column.
		"序号,权力类型,事项名称,子项名称,备注\n1,行政许可,甲,,\n2,行政处罚,乙,子,注\n",
		// A duty's heading on a line over its text.
		"权力类型,项目名称,责任事项\n处罚,甲,\"一般程序:\n1.立案责任:\na。\nb:c\n2.检查责任：\nd\n3.e\"\n,,\"f\n4.告知:\"\n",
		// A second article of the law on the line of the first.
		"权力类型,项目名称,实施依据\n处罚,甲,\"《A法》(注)第十六条第二款:x。第十八条第二款:y；第二十条：z\n某规定。第二条：w\n第三条：v。第四条：u\"\n",
		// The line introducing the cases, with them on it.
		"权力类型,项目名称,实施依据,追责情形\n处罚,甲,《法》,\"有下列情形的,应承担相应责任：1.x；2.y\n3.z\"\n处罚,乙,《法》,a：1. 2.\n,,,b: 1、c\n",
		// 类别 and 行使层级.
		"权力名称,类别,实施主体,行使层级,实施依据\n甲,行政处罚,国土局,本级保留,《法》第二十八条\n",
	} {
		f.Add([]byte(seed))
	}
	// Round 6: the forms of numbering and citation read since.
	for _, seed := range []string{
		// Full-width digits in numbering, and inside text.
		"权力类型,项目名称,实施依据,责任事项,追责情形\n处罚,甲,１、《法》第一条,\"１．受理责任：a\n（３）决定责任：１０元\",有下列情形的：１．x；２．y ３．１．５万元\n处罚,乙,《法》,１、a ２、b 3、c,１.５万元\n",
		// A law cited with its article inside a text after ；, and citations that split.
		"权力类型,项目名称,实施依据\n处罚,甲,\"《A法》第十条：依照《B法》第九条处罚；《C法》第三十三条规定的情形除外\n《A》第五条；《B》第九条规定的；《C》第一条：x；2、《D》第二条y；《E》第三条\"\n",
		// Sections of a procedure over the duties.
		"权力类型,项目名称,责任事项\n处罚,甲,\"一般程序:\n1.立案责任:\na\n2.检查责任：b\n二、简易程序：\n（三）听证程序:\n1.决定责任：c\n1.快速程序:\n速裁程序:\"\n,,\"简易程序:\n1.d\"\n",
		// Cases and duties numbered in parentheses.
		// Names numbered as their tables number the items.
		"序号,权力类型,项目名称\n1,处罚,1、1、甲\n2,处罚,（2）乙\n3,处罚,1、丙\n,处罚,１、丁\n,处罚,2.5万元\n4,处罚,12345热线\n",
		"权力类型,项目名称,实施依据,责任事项,追责情形\n处罚,甲,《法》,（1）受理责任：a；（2）b；(3)c,\"有下列情形的：（1）x；（2）y\n(1)第(2)项 (2)z\"\n处罚,乙,《法》,,a；2.b；（2）c\n",
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzList(t, data, ReadPowersCSV, WritePowersCSV, func(ps []Power) { _ = (&Register{Powers: ps}).Validate() })
	})
}

func TestWritePowersCSV(t *testing.T) {
	want := sound().Powers
	for i := range want {
		want[i].Grant = nil // not a column of the spreadsheet
		for j := range want[i].Basis {
			want[i].Basis[j].Kind = Implementing // what a basis of no kind reads back as
		}
	}
	var buf bytes.Buffer
	if err := WritePowersCSV(&buf, want); err != nil {
		t.Fatal(err)
	}
	golden.Check(t, "testdata/powers-written.csv", buf.Bytes(), *update)
	got, err := ReadPowersCSV(&buf)
	if err != nil {
		t.Fatalf("ReadPowersCSV(WritePowersCSV(powers)) error = %v", err)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("round trip mismatch (-want +got):\n%s", diff)
	}
}
