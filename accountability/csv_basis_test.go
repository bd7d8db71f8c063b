package accountability

import (
	"bytes"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/qingdan/qingdan/internal/hardening"
)

// TestReadBasisForms: the article of a basis line is read whole where it
// is a list of articles or names its item in parentheses, and text before
// the law's title is its Prefix only where it names an issuer or a rank.
func TestReadBasisForms(t *testing.T) {
	tests := []struct {
		line string
		want Basis
	}{
		{"《法》第三十条第一款第（二）项", Basis{Law: "法", Article: "第三十条第一款第（二）项"}},
		{"《法》第三十条第(二)项：条文", Basis{Law: "法", Article: "第三十条第(二)项", Text: "条文"}},
		{"《法》第五条、第六条规定：x", Basis{Law: "法", Article: "第五条、第六条", Text: "规定：x"}},
		{"《法》第三十一条第一次申请的，x", Basis{Law: "法", Article: "第三十一条", Text: "第一次申请的，x"}},
		{"《法》第三十一条从事x", Basis{Law: "法", Article: "第三十一条", Text: "从事x"}},
		{"中国人民银行《办法》第五条：x", Basis{Prefix: "中国人民银行", Law: "办法", Article: "第五条", Text: "x"}},
		{"执行《法》第五条：x", Basis{Law: "执行《法》第五条：x"}},
		{"贯彻执行《法》", Basis{Law: "贯彻执行《法》"}},
		// Issuers as lists write them: joint, with a space or 、 between
		// them; bodies whose names end otherwise than in 部, 局, 院, ….
		{"中共中央办公厅 国务院办公厅《意见》", Basis{Prefix: "中共中央办公厅 国务院办公厅", Law: "意见"}},
		{"中共中央办公厅、国务院办公厅《意见》第三条：x", Basis{Prefix: "中共中央办公厅、国务院办公厅", Law: "意见", Article: "第三条", Text: "x"}},
		{"中共中央　国务院《决定》", Basis{Prefix: "中共中央　国务院", Law: "决定"}},
		{"【部门规章】财政部 国家税务总局《通知》", Basis{Prefix: "【部门规章】财政部 国家税务总局", Law: "通知"}},
		{"全国人大常委会《决定》", Basis{Prefix: "全国人大常委会", Law: "决定"}},
		{"全国人大《法》第一条", Basis{Prefix: "全国人大", Law: "法", Article: "第一条"}},
		{"安徽省人民政府《办法》", Basis{Prefix: "安徽省人民政府", Law: "办法"}},
		{"省人民政府办公厅《通知》", Basis{Prefix: "省人民政府办公厅", Law: "通知"}},
		{"中国残联《办法》", Basis{Prefix: "中国残联", Law: "办法"}},
		{"民政部社会事务司《通知》", Basis{Prefix: "民政部社会事务司", Law: "通知"}},
		{"国家药品监督管理局药品审评中心《指导原则》", Basis{Prefix: "国家药品监督管理局药品审评中心", Law: "指导原则"}},
		// Verbs and clauses are no issuers, alone or beside one.
		{"签署《协议》", Basis{Law: "签署《协议》"}},
		{"联合部署《方案》", Basis{Law: "联合部署《方案》"}},
		{"承办《事项》", Basis{Law: "承办《事项》"}},
		{"外交部 执行《法》", Basis{Law: "外交部 执行《法》"}},
		{"依照国务院、外交部《法》", Basis{Law: "依照国务院、外交部《法》"}},
		{"外交部、《法》", Basis{Law: "外交部、《法》"}},
		{"外交部、、财政部《法》", Basis{Law: "外交部、、财政部《法》"}},
		{"、外交部《法》", Basis{Law: "、外交部《法》"}},
		{"国务院关于印发《纲要》的通知", Basis{Law: "国务院关于印发《纲要》的通知"}},
		// Clauses that end as the new ends do (中央, 中心): carrying out
		// a body's act is no issuer.
		{"贯彻落实党中央《意见》", Basis{Law: "贯彻落实党中央《意见》"}},
		{"落实国务院《决定》第一条", Basis{Law: "落实国务院《决定》第一条"}},
		{"遵照省人民政府《办法》", Basis{Law: "遵照省人民政府《办法》"}},
		{"坚持以人民为中心《意见》", Basis{Law: "坚持以人民为中心《意见》"}},
	}
	for _, tt := range tests {
		got := parseBasis(tt.line, "")
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("parseBasis(%q) mismatch (-want +got):\n%s", tt.line, diff)
		}
		if diff := cmp.Diff(got, parseBasis(formatBasis(got), "")); diff != "" {
			t.Errorf("parseBasis(%q) written and read back mismatch (-want +got):\n%s", tt.line, diff)
		}
	}
}

// TestReadContinuationBases: the bases a continuation row adds keep the
// order ReadPowersCSV promises (those of 设定依据, then 实施依据, then
// 职权依据), a continuation row's basis line continues the cell above it
// (an article after a law cited with none is its article), and what is
// read so reads back the same once written.
func TestReadContinuationBases(t *testing.T) {
	tests := []struct {
		name, in string
		want     []Basis
	}{
		{"two kinds over two rows",
			"权力类型,项目名称,设定依据,实施依据\n行政处罚,甲,《甲法》第一条,《乙法》第一条\n,,《甲法》第二条,《乙法》第二条\n",
			[]Basis{{Law: "甲法", Article: "第一条", Kind: Setting}, {Law: "甲法", Article: "第二条", Kind: Setting},
				{Law: "乙法", Article: "第一条", Kind: Implementing}, {Law: "乙法", Article: "第二条", Kind: Implementing}}},
		{"three kinds, the first row with one",
			"权力类型,项目名称,设定依据,实施依据,职权依据\n行政处罚,甲,,《乙法》第一条,\n,,《甲法》第一条,,《丙法》\n,,,《乙法》第二条,\n",
			[]Basis{{Law: "甲法", Article: "第一条", Kind: Setting}, {Law: "乙法", Article: "第一条", Kind: Implementing},
				{Law: "乙法", Article: "第二条", Kind: Implementing}, {Law: "丙法"}}},
		{"an article under a law cited with none",
			"权力类型,项目名称,设定依据\n行政处罚,甲,外交部《法》\n,,第十二条 条文\n",
			[]Basis{{Prefix: "外交部", Law: "法", Article: "第十二条", Text: "条文", Kind: Setting}}},
		{"another article of the law above",
			"权力类型,项目名称,设定依据\n行政处罚,甲,《法》第一条：x\n,,第二条：y\n",
			[]Basis{{Law: "法", Article: "第一条", Text: "x", Kind: Setting}, {Law: "法", Article: "第二条", Text: "y", Kind: Setting}}},
		{"a tag of rank over the law on the next row",
			"权力类型,项目名称,设定依据\n行政处罚,甲,【法律】\n,,《法》第一条：x\n",
			[]Basis{{Prefix: "【法律】", Law: "法", Article: "第一条", Text: "x", Kind: Setting}}},
		{"an article after a line taken whole",
			"权力类型,项目名称,设定依据\n行政处罚,甲,某规定\n,,第二条：y\n",
			[]Basis{{Law: "某规定", Kind: Setting}, {Law: "第二条：y", Kind: Setting}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, readOne(t, tt.in).Basis); diff != "" {
				t.Errorf("bases mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// TestReadBasisCells: the lines of a basis cell (设定和实施依据, of no
// stated kind) as published lists write them, and what is read so reads
// back the same once written.
func TestReadBasisCells(t *testing.T) {
	tests := []struct {
		name, cell string
		want       []Basis
	}{
		{"a rank tag on a line of its own",
			"【法律】\n《中华人民共和国行政许可法》第十二条 下列事项可以设定行政许可",
			[]Basis{{Prefix: "【法律】", Law: "中华人民共和国行政许可法", Article: "第十二条", Text: "下列事项可以设定行政许可"}}},
		{"numbered tags, each over its law, one with an issuer",
			"1、【行政法规】\n《条例》第一条：x\n2、【部门规章】\n国家林业和草原局《办法》第二条：y",
			[]Basis{{Prefix: "【行政法规】", Law: "条例", Article: "第一条", Text: "x"},
				{Prefix: "【部门规章】国家林业和草原局", Law: "办法", Article: "第二条", Text: "y"}}},
		{"a tag over the law, its article on the next line",
			"【法律】\n《法》\n第十二条 x",
			[]Basis{{Prefix: "【法律】", Law: "法", Article: "第十二条", Text: "x"}}},
		{"a tag over a line of no law, over a tagged citation and last",
			"【法律】\n某规定\n【法律】\n【行政法规】《条例》\n【法律】",
			[]Basis{{Law: "【法律】"}, {Law: "某规定"}, {Law: "【法律】"}, {Prefix: "【行政法规】", Law: "条例"}, {Law: "【法律】"}}},
		{"a second citation on the line of the first",
			"《A法》第五条：x；《B条例》第九条：y",
			[]Basis{{Law: "A法", Article: "第五条", Text: "x"}, {Law: "B条例", Article: "第九条", Text: "y"}}},
		{"three numbered citations on a line, one with a note, one after 。",
			"1、《A法》第五条：x; 2、《B条例》（2011年修订）第九条 y。《C》第一条第二款",
			[]Basis{{Law: "A法", Article: "第五条", Text: "x"}, {Law: "B条例", Note: "2011年修订", Article: "第九条", Text: "y。"},
				{Law: "C", Article: "第一条第二款"}}},
		{"a citation after an article of the law above, and after a line of no law",
			"【法律】《A》\n第十二条 x；《B》第一条\n某规定；《C》第二条",
			[]Basis{{Prefix: "【法律】", Law: "A", Article: "第十二条", Text: "x"}, {Law: "B", Article: "第一条"},
				{Law: "某规定"}, {Law: "C", Article: "第二条"}}},
		{"a law cited in the text, with no article after it or no separator before it",
			"《A》第五条：依照《B》第九条处罚；《C》规定的除外。《D》另有规定",
			[]Basis{{Law: "A", Article: "第五条", Text: "依照《B》第九条处罚；《C》规定的除外。《D》另有规定"}}},
		{"tabs between the article and its colon",
			"《A法》第四十七条\t\t：x\n《B法》第一条 \t,y",
			[]Basis{{Law: "A法", Article: "第四十七条", Text: "x"}, {Law: "B法", Article: "第一条", Text: "y"}}},
		{"a law cited with its article in the text, after ；",
			"《A法》第十条：依照《B法》第九条处罚；《C法》第三十三条规定的情形除外",
			[]Basis{{Law: "A法", Article: "第十条", Text: "依照《B法》第九条处罚；《C法》第三十三条规定的情形除外"}}},
		{"a citation after ； whose article white space follows, as lists write 第三十九条 text",
			"《D》第一条：x；《E》第二条 y\n《A法》第十条 x；《B法》第九条　y。《C》第一条\tz",
			[]Basis{{Law: "D", Article: "第一条", Text: "x"}, {Law: "E", Article: "第二条", Text: "y"},
				{Law: "A法", Article: "第十条", Text: "x"}, {Law: "B法", Article: "第九条", Text: "y。"}, {Law: "C", Article: "第一条", Text: "z"}}},
		{"citations after ；: with a colon, at the end, before a separator, numbered, or after one of no text",
			"《A》第五条；《B》第九条规定的情形\n《C》第一条：x；《D》第二条；《E》第三条：y\n《F》第四条：z；2、《G》第五条规定的",
			[]Basis{{Law: "A", Article: "第五条"}, {Law: "B", Article: "第九条", Text: "规定的情形"},
				{Law: "C", Article: "第一条", Text: "x"}, {Law: "D", Article: "第二条"}, {Law: "E", Article: "第三条", Text: "y"},
				{Law: "F", Article: "第四条", Text: "z"}, {Law: "G", Article: "第五条", Text: "规定的"}}},
		{"a second article of the law on the line of the first, after 。 or ；",
			"《A法》(注)第十六条第二款:x。第十八条第二款:y；第二十条、第二十一条：z\n【法律】《B》\n第一条 v。第二条：w",
			[]Basis{{Law: "A法", Note: "注", Article: "第十六条第二款", Text: "x。"}, {Law: "A法", Article: "第十八条第二款", Text: "y"},
				{Law: "A法", Article: "第二十条、第二十一条", Text: "z"},
				{Prefix: "【法律】", Law: "B", Article: "第一条", Text: "v。"}, {Law: "B", Article: "第二条", Text: "w"}}},
		{"an article with no colon, in a note or a text, or after a line of no law, splits nothing",
			"《A》第一条：依照第五条：u。第六条规定的除外\n《A》第二条：(x。第三条：y)\n某规定。第二条：w\n根据《B》第一条。第三条：v",
			[]Basis{{Law: "A", Article: "第一条", Text: "依照第五条：u。第六条规定的除外"}, {Law: "A", Article: "第二条", Text: "(x。第三条：y)"},
				{Law: "某规定。第二条：w"}, {Law: "根据《B》第一条。第三条：v"}}},
		{"a semicolon inside a note or a title",
			"《A》(修订；《B》第一条)第五条：x\n《A；《B》第一条》",
			[]Basis{{Law: "A", Note: "修订；《B》第一条", Article: "第五条", Text: "x"}, {Law: "A；《B", Article: "第一条", Text: "》"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := "权力类型,项目名称,设定和实施依据\n行政处罚,甲,\"" + strings.ReplaceAll(tt.cell, `"`, `""`) + "\"\n"
			if diff := cmp.Diff(tt.want, readOne(t, in).Basis); diff != "" {
				t.Errorf("bases mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// readOne reads a list of one power, which it returns, and checks that
// what it read reads back the same once written.
func readOne(t *testing.T, in string) Power {
	t.Helper()
	got, err := ReadPowersCSV(strings.NewReader(in))
	if err != nil || len(got) != 1 {
		t.Fatalf("ReadPowersCSV() = %+v, %v; want one power", got, err)
	}
	var buf bytes.Buffer
	if err := WritePowersCSV(&buf, got); err != nil {
		t.Fatalf("WritePowersCSV() error = %v", err)
	}
	again, err := ReadPowersCSV(&buf)
	if err != nil {
		t.Fatalf("reading back: %v", err)
	}
	if diff := cmp.Diff(got, again); diff != "" {
		t.Errorf("write and read back mismatch (-want +got):\n%s", diff)
	}
	return got[0]
}

// TestReadContinuationBasesLinear: a power continued over many rows, each
// with a basis of two columns and a cell of a column kept in Extra, is
// read in time linear in the list (a basis is not put among the power's by
// moving the ones after it, nor a line added to Extra by copying those
// before it).
func TestReadContinuationBasesLinear(t *testing.T) {
	var b strings.Builder
	b.WriteString("权力类型,项目名称,设定依据,实施依据,备注\n行政处罚,甲,《甲法》,《乙法》,注\n")
	const rows = 50000
	for range rows {
		b.WriteString(",,第一条,第二条,注\n")
	}
	var (
		got []Power
		err error
	)
	hardening.Linear(t, b.Len(), func() { got, err = ReadPowersCSV(strings.NewReader(b.String())) })
	if err != nil || len(got) != 1 || len(got[0].Basis) != 2*rows {
		t.Fatalf("ReadPowersCSV() = %d powers, %v; want one of %d bases", len(got), err, 2*rows)
	}
	if n := strings.Count(got[0].Extra["备注"], "注"); n != rows+1 {
		t.Errorf("备注 holds %d lines, want %d", n, rows+1)
	}
	if k := got[0].Basis[rows].Kind; k != Implementing {
		t.Errorf("basis %d is of kind %v, want %v (those of 实施依据 after those of 设定依据)", rows, k, Implementing)
	}
}

// TestReadCellLinear: a basis cell that might cite a law after every
// separator, a duty cell of a heading over many lines of its text and a
// cell of cases with a colon everywhere are read in time linear in their
// length.
func TestReadCellLinear(t *testing.T) {
	tests := []struct{ column, first, unit string }{
		{"实施依据", "", "；《"}, {"实施依据", "", "；《a》（"}, {"实施依据", "", "；《a》第"}, {"实施依据", "", "；1111《"},
		{"实施依据", "", "。《a》(x)第一条"}, {"实施依据", "", "；2、《a》第一条；"}, {"实施依据", "《a》第一条：x", "；《a》第一条x"}, {"实施依据", "《a》第一条", "；《a》第一条x"},
		{"实施依据", "《a》", "。第一条"}, {"实施依据", "《a》", "；第一条第二款"}, {"实施依据", "《a》", "。第一条、第二条：；"},
		{"责任事项", "1.立案责任：\n", "a\n"}, {"责任事项", "", "１、２、 "}, {"责任事项", strings.Repeat("一", 20000) + "、程序:\n", "a\n"}, {"追责情形", "", "： 1"}, {"追责情形", "", "：1.；"},
	}
	for _, tt := range tests {
		cell := tt.first + strings.Repeat(tt.unit, (MaxCellBytes-len(tt.first))/len(tt.unit)-1)
		in := "权力类型,项目名称," + tt.column + "\n行政处罚,甲,\"" + cell + "\"\n"
		hardening.Linear(t, len(in), func() {
			if _, err := ReadPowersCSV(strings.NewReader(in)); err != nil {
				t.Errorf("ReadPowersCSV(%s %q…) error = %v", tt.column, tt.unit, err)
			}
		})
	}
}
