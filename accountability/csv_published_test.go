package accountability

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
	"github.com/qingdan/qingdan/internal/golden"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// TestReadPublishedForms reads, one at a time, the forms of cell and
// header that real published lists (testdata/published) have and that the
// importer once refused or misread.
func TestReadPublishedForms(t *testing.T) {
	tests := []struct {
		name, in string
		want     []Power
	}{
		{
			// Most county and sub-district lists publish no item codes.
			name: "no code column",
			in:   "序号,权力类型,项目名称,实施依据\n1,行政确认,独生子女父母光荣证核发与注销,《安徽省人口与计划生育条例》第三十九条\n",
			want: []Power{{Name: "独生子女父母光荣证核发与注销", Category: Confirmation,
				Basis: []Basis{{Law: "安徽省人口与计划生育条例", Article: "第三十九条", Kind: Implementing}}}},
		},
		{
			name: "blank code cell",
			in:   "序号,权力类型,项目编码,项目名称,实施依据\n1,行政确认,,独生子女父母光荣证核发与注销,《安徽省人口与计划生育条例》第三十九条\n",
			want: []Power{{Name: "独生子女父母光荣证核发与注销", Category: Confirmation,
				Basis: []Basis{{Law: "安徽省人口与计划生育条例", Article: "第三十九条", Kind: Implementing}}}},
		},
		{
			// 宁国市汪溪街道: 权力事项名称; 江西 townships: 权种类别, 实施单位.
			name: "name, category and subject headers",
			in:   "序号,实施单位,权力事项名称,权种类别,设定依据\n1,乡镇人民政府,甲,行政处罚,《法》第一条\n",
			want: []Power{{Name: "甲", Category: Penalty, Subject: "乡镇人民政府",
				Basis: []Basis{{Law: "法", Article: "第一条", Kind: Setting}}}},
		},
		{
			// 湘阴县林业局: 职权依据 (of no stated kind), 机构名称, 责任处室.
			name: "a basis of no stated kind, subject and office headers",
			in:   "职权名称,机构名称,责任处室,职权类型,职权依据\n甲,湘阴县林业局,局野生动植物保护中心,行政许可,《法》第一条\n",
			want: []Power{{Name: "甲", Category: Licensing, Subject: "湘阴县林业局", Office: "局野生动植物保护中心",
				Basis: []Basis{{Law: "法", Article: "第一条"}}}},
		},
		{
			// 武乡县上司乡: 事项依据, of no stated kind; 事项主体 (the tier
			// the item belongs to) is kept in Extra.
			name: "事项依据",
			in:   "序号,事项名称,事项类型,事项依据,事项主体,实施主体\n1,甲,行政许可,\"【法律】《法》(2018年修正)\n第二十八条 条文\",乡镇人民政府,乡镇人民政府\n",
			want: []Power{{Name: "甲", Category: Licensing, Subject: "乡镇人民政府",
				Basis: []Basis{{Prefix: "【法律】", Law: "法", Note: "2018年修正", Article: "第二十八条", Text: "条文"}},
				Extra: map[string]string{"事项主体": "乡镇人民政府"}}},
		},
		{
			// 贵池区: a catalogue of powers (权责清单目录) names each and its
			// category and gives no basis; 子项名称 blank is no sub-item.
			name: "a catalogue with no basis column",
			in:   "序号,权力类型,事项名称,子项名称,备注\n1,行政许可,甲,,\n2,行政处罚,乙,,\n",
			want: []Power{{Name: "甲", Category: Licensing}, {Name: "乙", Category: Penalty}},
		},
		{
			// 华容县国土局 (工作部门权力清单, 2015): 类别, 行使层级.
			name: "类别",
			in:   "权力名称,类别,实施主体,行使层级,实施依据,备注\n甲,行政处罚,国土局,本级保留,《法》第二十八条,\n",
			want: []Power{{Name: "甲", Category: Penalty, Subject: "国土局", Tier: "本级保留",
				Basis: []Basis{{Law: "法", Article: "第二十八条", Kind: Implementing}}}},
		},
		{
			// 舒城县林业局: 部门; 宿州市: 设定和实施依据.
			name: "部门 and 设定和实施依据",
			in:   "序号,部门,事项类型,事项名称,设定和实施依据\n1,县林业局,行政确认,甲,《法》第一条\n",
			want: []Power{{Name: "甲", Category: Confirmation, Subject: "县林业局",
				Basis: []Basis{{Law: "法", Article: "第一条"}}}},
		},
		{
			// 宁国市汪溪街道, 舒城县林业局: each basis numbered "1、" or "1.".
			name: "a numbered basis line",
			in:   "权力类型,项目名称,实施依据\n行政许可,甲,\"1、《中华人民共和国土地管理法》第十五条第一款 国有土地可以由单位或者个人承包经营。\n2.《森林采伐更新管理办法》第十八条：森林更新后，核发更新验收合格证。\"\n",
			want: []Power{{Name: "甲", Category: Licensing, Basis: []Basis{
				{Law: "中华人民共和国土地管理法", Article: "第十五条第一款", Text: "国有土地可以由单位或者个人承包经营。", Kind: Implementing},
				{Law: "森林采伐更新管理办法", Article: "第十八条", Text: "森林更新后，核发更新验收合格证。", Kind: Implementing}}}},
		},
		{
			// 霍山县林业局: the text follows the article with no colon;
			// a list of articles before a colon stays one article.
			name: "an article with no colon",
			in:   "权力类型,项目名称,实施依据\n行政许可,甲,\"《中华人民共和国种子法》第三十一条从事种子进出口业务的种子生产经营许可证，由国务院农业农村、林业草原主管部门核发。\n《法》第五条、第六条：条文\"\n",
			want: []Power{{Name: "甲", Category: Licensing, Basis: []Basis{
				{Law: "中华人民共和国种子法", Article: "第三十一条", Text: "从事种子进出口业务的种子生产经营许可证，由国务院农业农村、林业草原主管部门核发。", Kind: Implementing},
				{Law: "法", Article: "第五条、第六条", Text: "条文", Kind: Implementing}}}},
		},
		{
			// 明光市明南街道: a second article of the same law on a line of
			// its own; a line of no law before it stays whole.
			name: "an article of the law on the line before",
			in:   "权力类型,项目名称,实施依据,设定依据\n行政确认,甲,\"《安徽省人口与计划生育条例》第三十九条 可以申请。\n第四十九条已经领取的，注销。\",\"某目录第3项\n第二条x\"\n",
			want: []Power{{Name: "甲", Category: Confirmation, Basis: []Basis{
				{Law: "某目录第3项", Kind: Setting},
				{Law: "第二条x", Kind: Setting},
				{Law: "安徽省人口与计划生育条例", Article: "第三十九条", Text: "可以申请。", Kind: Implementing},
				{Law: "安徽省人口与计划生育条例", Article: "第四十九条", Text: "已经领取的，注销。", Kind: Implementing}}}},
		},
		{
			// 霍山县林业局, 明光市明南街道: "受理阶段责任"; a heading of two
			// stages stays whole under OtherStage.
			name: "a stage heading with 阶段",
			in:   "权力类型,项目名称,实施依据,责任事项\n行政确认,甲,《法》,\"1、受理阶段责任：公示依法应当提交的材料；\n2、审查和决定阶段责任：提出审核意见；\"\n",
			want: []Power{{Name: "甲", Category: Confirmation, Basis: []Basis{{Law: "法", Kind: Implementing}},
				Duties: []Duty{{Stage: Acceptance, Text: "公示依法应当提交的材料；"}, {Stage: OtherStage, Text: "审查和决定阶段责任：提出审核意见；"}}}},
		},
		{
			// 舒城县林业局, 霍山县林业局, 湘阴县林业局, 江西 townships: a note
			// in parentheses between the law and the article, of either
			// width, holding parentheses and 《》 of its own; one left open
			// is no note.
			name: "a note between the law and the article",
			in: "权力类型,项目名称,实施依据\n行政许可,甲,\"1.《中华人民共和国森林法实施条例》(2018年3月19日《国务院关于修改和废止部分行政法规的决定》修正)  第三十二条 除森林法已有明确规定的外\n" +
				"2.《森林采伐更新管理办法》（2011年国务院令第588号）第十八条:森林更新后\n" +
				"《中华人民共和国种子法》(根据2021年12月24日《关于修改<中华人民共和国种子法>的决定》修正)第三十一条从事种子进出口业务\n" +
				"《法》(2011年(修订)本)：条文\n" +
				"《法》(未闭合第一条\"\n",
			want: []Power{{Name: "甲", Category: Licensing, Basis: []Basis{
				{Law: "中华人民共和国森林法实施条例", Note: "2018年3月19日《国务院关于修改和废止部分行政法规的决定》修正", Article: "第三十二条", Text: "除森林法已有明确规定的外", Kind: Implementing},
				{Law: "森林采伐更新管理办法", Note: "2011年国务院令第588号", Article: "第十八条", Text: "森林更新后", Kind: Implementing},
				{Law: "中华人民共和国种子法", Note: "根据2021年12月24日《关于修改<中华人民共和国种子法>的决定》修正", Article: "第三十一条", Text: "从事种子进出口业务", Kind: Implementing},
				{Law: "法", Note: "2011年(修订)本", Text: "条文", Kind: Implementing},
				{Law: "法", Text: "(未闭合第一条", Kind: Implementing}}}},
		},
		{
			// 明光市明南街道, 舒城县林业局, 江西 townships: a line that
			// introduces the cases, unnumbered and ending in a colon, before
			// them. A lone line, or a numbered one, is a case.
			name: "the line that introduces the cases of 追责情形",
			in: "权力类型,项目名称,实施依据,追责情形\n" +
				"行政确认,甲,《法》,\"因不履行或不正确履行行政职责,有下列情形的,行政机关及相关工作人员应承担相应责任:\n1、对符合条件不予受理的;\n2、收受贿赂的。\"\n" +
				"行政确认,乙,《法》,有下列情形的：\n" +
				"行政确认,丙,《法》,\"1.有下列情形的：\n2.收受贿赂的。\"\n",
			want: []Power{
				{Name: "甲", Category: Confirmation, Basis: []Basis{{Law: "法", Kind: Implementing}},
					LiabilityHeading: "因不履行或不正确履行行政职责,有下列情形的,行政机关及相关工作人员应承担相应责任:",
					Liabilities:      []string{"对符合条件不予受理的;", "收受贿赂的。"}},
				{Name: "乙", Category: Confirmation, Basis: []Basis{{Law: "法", Kind: Implementing}},
					Liabilities: []string{"有下列情形的："}},
				{Name: "丙", Category: Confirmation, Basis: []Basis{{Law: "法", Kind: Implementing}},
					Liabilities: []string{"有下列情形的：", "收受贿赂的。"}},
			},
		},
		{
			// A county land bureau's table: each duty's heading alone on its
			// line, its text on the lines after it (joined, a colon that
			// follows no heading as well) up to a line with a number or a
			// heading; a line after a heading with text is a duty of its
			// own. A line over the duties that names a procedure ("一般程序:")
			// is their section: it goes before each one's text.
			name: "a duty's heading on a line over its text",
			in: "权力类型,项目名称,实施依据,责任事项\n行政处罚,甲,《法》,\"一般程序:\n1.立案责任:\n予以审查。\n予以立案。\n2.调查取证责任:\n调查。\n" +
				"3.审理责任:提出意见。\n补充调查。\n4.告知责任:\n5.决定责任：\n作出决定。\n受理:\n检查责任:\n检查。\n处置:a\"\n",
			want: []Power{{Name: "甲", Category: Penalty, Basis: []Basis{{Law: "法", Kind: Implementing}}, Duties: []Duty{
				{Stage: Filing, Text: "一般程序:予以审查。予以立案。"},
				{Stage: Investigation, Text: "一般程序:调查。"},
				{Stage: Review, Text: "一般程序:提出意见。"},
				{Text: "一般程序:补充调查。"},
				{Stage: Notice, Text: "一般程序:"},
				{Stage: Decision, Text: "一般程序:作出决定。"},
				{Stage: Acceptance, Text: "一般程序:"},
				{Stage: OtherStage, Text: "检查责任:一般程序:检查。处置:a"}}}},
		},
		{
			// 国土资源局: sections of a procedure over the duties (一般程序,
			// 简易程序), each before the text of the duties under it, after
			// a heading of no stage of ours. A section no duty follows (over
			// another, or last) is a duty of its own, as is a numbered one
			// or one with text after its colon.
			name: "sections of a procedure over the duties",
			in: "权力类型,项目名称,实施依据,责任事项\n行政处罚,甲,《法》,\"一般程序:\n1.立案责任:\n予以审查。\n2.决定责任：b\n" +
				"二、简易程序：\n1.决定责任：c 2.检查责任:d\n普通程序:\n（三）听证程序：\n3.e\n1.快速程序:\n一般程序：适用于x\n速裁程序:\"\n",
			want: []Power{{Name: "甲", Category: Penalty, Basis: []Basis{{Law: "法", Kind: Implementing}}, Duties: []Duty{
				{Stage: Filing, Text: "一般程序:予以审查。"},
				{Stage: Decision, Text: "一般程序:b"},
				{Stage: Decision, Text: "二、简易程序：c"},
				{Stage: OtherStage, Text: "检查责任:二、简易程序：d"},
				{Text: "普通程序:"},
				{Text: "（三）听证程序：e"},
				{Text: "（三）听证程序：快速程序:"},
				{Text: "（三）听证程序：一般程序：适用于x"},
				{Text: "速裁程序:"}}}},
		},
		{
			// A line that names a procedure right after a heading alone on
			// its line, under which nothing stands yet, is that heading's
			// text, not a section over the duties after it.
			name: "a procedure named under a duty's heading",
			in:   "权力类型,项目名称,责任事项\n行政处罚,甲,\"1.受理责任：a\n2.决定责任:\n简易程序:\n当场作出决定\n3.送达责任：b\"\n",
			want: []Power{{Name: "甲", Category: Penalty, Duties: []Duty{
				{Stage: Acceptance, Text: "a"}, {Stage: Decision, Text: "简易程序:当场作出决定"}, {Stage: Delivery, Text: "b"}}}},
		},
		{
			// A section's number is of up to three numerals ("二十一、"),
			// its spaces few: a longer line is a duty (its number removed as
			// a duty's is), not a section that every duty under it would
			// copy (a line of numerals over 10⁵ duties: gigabytes).
			name: "a line too long for a section",
			in:   "权力类型,项目名称,责任事项\n行政处罚,甲,\"一二三四、一般程序：\n1.a\n一般程序    :\n2.b\"\n",
			want: []Power{{Name: "甲", Category: Penalty, Duties: []Duty{
				{Text: "一般程序："}, {Text: "a"}, {Text: "一般程序    :"}, {Text: "b"}}}},
		},
		{
			// 湘阴县林业局: duties numbered on one line, 1–6 then 9. Split at
			// each number in sequence after a space, 。 or ；, marked as the
			// first (、 or .): not at 9 after 6, nor at "1、2款", nor at "；"
			// alone, nor on a line that does not start with 1、 or 1., nor
			// at "2.5" (a decimal).
			name: "duties numbered on one line",
			in: "权力类型,项目名称,实施依据,责任事项\n" +
				"行政许可,甲,《法》,\"1、受理责任:公示材料,一次性告知。 2、审核责任:依照第1、2款审核；提出意见。 3、决定责任:作出决定；2、按时办结。 9、其他责任。\n4、送达责任:送达；5、事后监管责任:监管\"\n" +
				"行政许可,乙,《法》,\"受理责任:a 2、审查责任:b\n1.受理责任:c 2.审查责任:d\n1.决定责任:罚款 2.5万元\"\n" +
				"行政许可,丙,《法》,受理责任:a；2.审查责任:b\n",
			want: []Power{
				{Name: "甲", Category: Licensing, Basis: []Basis{{Law: "法", Kind: Implementing}}, Duties: []Duty{
					{Stage: Acceptance, Text: "公示材料,一次性告知。"},
					{Stage: Review, Text: "依照第1、2款审核；提出意见。"},
					{Stage: Decision, Text: "作出决定；2、按时办结。 9、其他责任。"},
					{Stage: Delivery, Text: "送达；5、事后监管责任:监管"}}},
				{Name: "乙", Category: Licensing, Basis: []Basis{{Law: "法", Kind: Implementing}}, Duties: []Duty{
					{Stage: Acceptance, Text: "a 2、审查责任:b"},
					{Stage: Acceptance, Text: "c"},
					{Stage: Review, Text: "d"},
					{Stage: Decision, Text: "罚款 2.5万元"}}},
				{Name: "丙", Category: Licensing, Basis: []Basis{{Law: "法", Kind: Implementing}}, Duties: []Duty{
					{Stage: Acceptance, Text: "a；2.审查责任:b"}}},
			},
		},
		{
			// Cases numbered on one line, "1." or "1、", as duties are: split
			// at each number in sequence after a space, 。 or ；, but not at
			// a decimal ("2.5"), nor on a line that does not start with 1.
			name: "cases numbered on one line",
			in: "权力类型,项目名称,实施依据,追责情形\n" +
				"行政处罚,甲,《法》,\"因不履行职责,有下列情形的,应承担相应责任:\n1.未按规定受理的；2.未按时办结的；3.收受贿赂的。\"\n" +
				"行政处罚,乙,《法》,1、对符合条件不予受理的 2、擅自收费的\n" +
				"行政处罚,丙,《法》,\"1.罚款1.5万元的；2.5万元以下的\n未按规定受理的；2.收受贿赂的\"\n" +
				"行政处罚,丁,《法》,未按规定受理的；2.收受贿赂的\n" +
				"行政处罚,戊,《法》,1.5万元以上的罚款未经批准的\n",
			want: []Power{
				{Name: "甲", Category: Penalty, Basis: []Basis{{Law: "法", Kind: Implementing}},
					LiabilityHeading: "因不履行职责,有下列情形的,应承担相应责任:",
					Liabilities:      []string{"未按规定受理的；", "未按时办结的；", "收受贿赂的。"}},
				{Name: "乙", Category: Penalty, Basis: []Basis{{Law: "法", Kind: Implementing}},
					Liabilities: []string{"对符合条件不予受理的", "擅自收费的"}},
				{Name: "丙", Category: Penalty, Basis: []Basis{{Law: "法", Kind: Implementing}},
					Liabilities: []string{"罚款1.5万元的；2.5万元以下的", "未按规定受理的；2.收受贿赂的"}},
				{Name: "丁", Category: Penalty, Basis: []Basis{{Law: "法", Kind: Implementing}},
					Liabilities: []string{"未按规定受理的；2.收受贿赂的"}},
				// A case that starts with a decimal keeps it.
				{Name: "戊", Category: Penalty, Basis: []Basis{{Law: "法", Kind: Implementing}},
					Liabilities: []string{"1.5万元以上的罚款未经批准的"}},
			},
		},
		{
			// The line that introduces the cases with the cases on it: the
			// heading runs to the colon that "1." or "1、" follows. Not
			// before a decimal ("1.5万元"), nor on a numbered line.
			name: "the line that introduces the cases, with them on it",
			in: "权力类型,项目名称,实施依据,追责情形\n" +
				"行政处罚,甲,《法》,\"因不履行职责,有下列情形的,应承担相应责任：1.未按规定受理的；2.收受贿赂的。\"\n" +
				"行政处罚,乙,《法》,\"有下列情形的: 1、x\n2、y\"\n" +
				"行政处罚,丙,《法》,有下列情形的：1.5万元以上的\n" +
				"行政处罚,丁,《法》,1.有下列情形的：1.x\n" +
				"行政处罚,戊,《法》,依照第五条：罚款：1.x；2.y\n" +
				"行政处罚,己,《法》,有下列情形的：1. 2.\n" +
				"行政处罚,庚,《法》,因违反《条例》第十条：1、2款规定的\n",
			want: []Power{
				{Name: "甲", Category: Penalty, Basis: []Basis{{Law: "法", Kind: Implementing}},
					LiabilityHeading: "因不履行职责,有下列情形的,应承担相应责任：", Liabilities: []string{"未按规定受理的；", "收受贿赂的。"}},
				{Name: "乙", Category: Penalty, Basis: []Basis{{Law: "法", Kind: Implementing}},
					LiabilityHeading: "有下列情形的:", Liabilities: []string{"x", "y"}},
				{Name: "丙", Category: Penalty, Basis: []Basis{{Law: "法", Kind: Implementing}},
					Liabilities: []string{"有下列情形的：1.5万元以上的"}},
				{Name: "丁", Category: Penalty, Basis: []Basis{{Law: "法", Kind: Implementing}},
					Liabilities: []string{"有下列情形的：1.x"}},
				{Name: "戊", Category: Penalty, Basis: []Basis{{Law: "法", Kind: Implementing}},
					LiabilityHeading: "依照第五条：罚款：", Liabilities: []string{"x；", "y"}},
				// No case follows: the line is one case.
				{Name: "己", Category: Penalty, Basis: []Basis{{Law: "法", Kind: Implementing}},
					Liabilities: []string{"有下列情形的：1. 2."}},
				// One "case" after a colon is no list: an article's 款.
				{Name: "庚", Category: Penalty, Basis: []Basis{{Law: "法", Kind: Implementing}},
					Liabilities: []string{"因违反《条例》第十条：1、2款规定的"}},
			},
		},
		{
			// Numbers written with full-width digits (１．, ２、, （３）) are
			// numbers, split and removed as ASCII ones are; inside text,
			// full-width digits stay as written, and ．before a digit is a
			// decimal of either width.
			name: "full-width digits in numbering",
			in: "权力类型,项目名称,实施依据,责任事项,追责情形\n" +
				"行政处罚,甲,１、《法》第一条,\"１．受理责任：a\n２、审查责任：罚款１０元\n（３）决定责任：c\",\"有下列情形的，应承担相应责任：１．x；２．y\n３．罚款１．５万元的\"\n" +
				"行政处罚,乙,《法》,１、受理责任：a ２、审查责任：b 3、决定责任：c,１.５万元以上的\n",
			want: []Power{
				{Name: "甲", Category: Penalty, Basis: []Basis{{Law: "法", Article: "第一条", Kind: Implementing}},
					Duties:           []Duty{{Stage: Acceptance, Text: "a"}, {Stage: Review, Text: "罚款１０元"}, {Stage: Decision, Text: "c"}},
					LiabilityHeading: "有下列情形的，应承担相应责任：", Liabilities: []string{"x；", "y", "罚款１．５万元的"}},
				{Name: "乙", Category: Penalty, Basis: []Basis{{Law: "法", Kind: Implementing}},
					Duties:      []Duty{{Stage: Acceptance, Text: "a"}, {Stage: Review, Text: "b"}, {Stage: Decision, Text: "c"}},
					Liabilities: []string{"１.５万元以上的"}},
			},
		},
		{
			// Cases and duties numbered "（1）" or "(1)", as "1." are: on
			// lines of their own, on one line, and after the line that
			// introduces the cases, split at each number in sequence of the
			// first's parentheses after a space, 。 or ；; not at "第(2)项",
			// nor at a number of the other parentheses.
			name: "cases and duties numbered in parentheses",
			in: "权力类型,项目名称,实施依据,责任事项,追责情形\n" +
				"行政处罚,甲,《法》,\"（1）受理责任：a；（2）审查责任：依照第(2)项；(3)b\",\"因不履行职责,应承担相应责任：\n（1）x；（2）y\"\n" +
				"行政处罚,乙,《法》,(1)受理责任：a (2)审查责任：b,\"因不履行职责,应承担相应责任：(1)x；(2)y；(3)z\"\n" +
				"行政处罚,丙,《法》,,\"x\na；2.b；（2）c\"\n" +
				"行政处罚,丁,《法》,,a；2.b；（2）c\n",
			want: []Power{
				{Name: "甲", Category: Penalty, Basis: []Basis{{Law: "法", Kind: Implementing}},
					Duties:           []Duty{{Stage: Acceptance, Text: "a；"}, {Stage: Review, Text: "依照第(2)项；(3)b"}},
					LiabilityHeading: "因不履行职责,应承担相应责任：", Liabilities: []string{"x；", "y"}},
				{Name: "乙", Category: Penalty, Basis: []Basis{{Law: "法", Kind: Implementing}},
					Duties:           []Duty{{Stage: Acceptance, Text: "a"}, {Stage: Review, Text: "b"}},
					LiabilityHeading: "因不履行职责,应承担相应责任：", Liabilities: []string{"x；", "y；", "z"}},
				// Text that would split after "1." and after "（1）" as the
				// first case is written "1）…", and reads back whole.
				{Name: "丙", Category: Penalty, Basis: []Basis{{Law: "法", Kind: Implementing}},
					Liabilities: []string{"x", "a；2.b；（2）c"}},
				{Name: "丁", Category: Penalty, Basis: []Basis{{Law: "法", Kind: Implementing}},
					Liabilities: []string{"a；2.b；（2）c"}},
			},
		},
		{
			// 国土资源局: a name numbered as its table numbers the item
			// ("1、伪造…"). The number goes where the row's 序号 is the same
			// number, or, with no 序号, where 、 marks it; not where 序号 is
			// another (5, "1、丁"), nor digits of the name (12345热线), nor a
			// decimal (6.5万元), nor a number with nothing after it. Once
			// only: "1、1、x" is "1、x", and is written so that it reads back.
			name: "a name numbered as its table numbers the item",
			in: "序号,权力类型,项目名称,实施依据\n" +
				"1,行政处罚,1、伪造、变造、转让地质勘查资质证书的处罚,《法》\n2,行政处罚,2.乙,《法》\n3,行政处罚,（３）丙,《法》\n" +
				"4,行政处罚,12345热线投诉的处理,《法》\n5,行政处罚,1、丁,《法》\n6,行政处罚,6.5万元以下罚款,《法》\n7,行政处罚,7、,《法》\n" +
				"8,行政处罚,8、8、戊,《法》\n,行政处罚,9、己,《法》\n,行政处罚,10.庚,《法》\n",
			want: []Power{
				{Name: "伪造、变造、转让地质勘查资质证书的处罚", Category: Penalty, Basis: []Basis{{Law: "法", Kind: Implementing}}},
				{Name: "乙", Category: Penalty, Basis: []Basis{{Law: "法", Kind: Implementing}}},
				{Name: "丙", Category: Penalty, Basis: []Basis{{Law: "法", Kind: Implementing}}},
				{Name: "12345热线投诉的处理", Category: Penalty, Basis: []Basis{{Law: "法", Kind: Implementing}}},
				{Name: "1、丁", Category: Penalty, Basis: []Basis{{Law: "法", Kind: Implementing}}},
				{Name: "6.5万元以下罚款", Category: Penalty, Basis: []Basis{{Law: "法", Kind: Implementing}}},
				{Name: "7、", Category: Penalty, Basis: []Basis{{Law: "法", Kind: Implementing}}},
				{Name: "8、戊", Category: Penalty, Basis: []Basis{{Law: "法", Kind: Implementing}}},
				{Name: "己", Category: Penalty, Basis: []Basis{{Law: "法", Kind: Implementing}}},
				{Name: "10.庚", Category: Penalty, Basis: []Basis{{Law: "法", Kind: Implementing}}},
			},
		},
		{
			// With no 序号 column, a number marked 、 is the item's, but
			// before a digit: "3、5号线" names lines 3 and 5.
			name: "a numbered name with no 序号",
			in:   "权力类型,项目名称\n行政处罚,1、伪造地质勘查资质证书的处罚\n行政处罚,１、乙\n行政处罚,2.丙\n行政处罚,12345热线\n行政检查,3、5号线运营的监督检查\n行政许可,1、２类医疗器械经营许可\n",
			want: []Power{{Name: "伪造地质勘查资质证书的处罚", Category: Penalty}, {Name: "乙", Category: Penalty},
				{Name: "2.丙", Category: Penalty}, {Name: "12345热线", Category: Penalty},
				{Name: "3、5号线运营的监督检查", Category: Inspection}, {Name: "1、２类医疗器械经营许可", Category: Licensing}},
		},
		{
			// 宿州: the issuer before the law's title; 济源: a tag of the
			// law's rank. "根据" is no issuer: that line stays whole.
			name: "an issuer or a tag before the law's title",
			in: "权力类型,项目名称,设定和实施依据\n行政确认,甲,\"外交部《法》第一条：条文\n" +
				"【法律】《中华人民共和国行政许可法》第十二条 下列事项可以设定行政许可\n" +
				"2、【部门规章】国家林业和草原局《办法》(2019年)\n" +
				"根据《法》第二条\"\n",
			want: []Power{{Name: "甲", Category: Confirmation, Basis: []Basis{
				{Prefix: "外交部", Law: "法", Article: "第一条", Text: "条文"},
				{Prefix: "【法律】", Law: "中华人民共和国行政许可法", Article: "第十二条", Text: "下列事项可以设定行政许可"},
				{Prefix: "【部门规章】国家林业和草原局", Law: "办法", Note: "2019年"},
				{Law: "根据《法》第二条"}}}},
		},
		{
			// 济源: the law on one line, its article on the next: one basis.
			// After a law cited with an article, an article line is another
			// basis, as before.
			name: "the article on the line after the law",
			in: "权力类型,项目名称,设定和实施依据\n行政确认,甲,\"【法律】《中华人民共和国行政许可法》\n第十二条 下列事项可以设定行政许可\n" +
				"第十三条 可以不设行政许可\n《法》(2019年)\n第二条：条文\"\n",
			want: []Power{{Name: "甲", Category: Confirmation, Basis: []Basis{
				{Prefix: "【法律】", Law: "中华人民共和国行政许可法", Article: "第十二条", Text: "下列事项可以设定行政许可"},
				{Law: "中华人民共和国行政许可法", Article: "第十三条", Text: "可以不设行政许可"},
				{Law: "法", Note: "2019年", Article: "第二条", Text: "条文"}}}},
		},
		{
			// 南陵: a category cell split by spaces, of either width.
			name: "a category cell split by a space",
			in:   "权力类型,项目名称,实施依据\n行政 许可,甲,《法》\n其他　行政 权力,乙,《法》\n",
			want: []Power{
				{Name: "甲", Category: Licensing, Basis: []Basis{{Law: "法", Kind: Implementing}}},
				{Name: "乙", Category: OtherPower, Basis: []Basis{{Law: "法", Kind: Implementing}}},
			},
		},
		{
			// 抚州: 行政调解, an administrative power of none of the nine
			// named kinds, is 其他行政权力, with the list's word kept.
			name: "行政调解",
			in:   "权力类型,项目名称,实施依据\n行政调解,甲,《法》\n行政 调解,乙,《法》\n",
			want: []Power{
				{Name: "甲", Category: OtherPower, Basis: []Basis{{Law: "法", Kind: Implementing}}, Extra: map[string]string{"权力类型": "行政调解"}},
				{Name: "乙", Category: OtherPower, Basis: []Basis{{Law: "法", Kind: Implementing}}, Extra: map[string]string{"权力类型": "行政 调解"}},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := readsAs(t, "ReadPowersCSV()", tt.want)(ReadPowersCSV(strings.NewReader(tt.in)))
			// What was read is written back so that it reads the same.
			var buf bytes.Buffer
			if err := WritePowersCSV(&buf, got); err != nil {
				t.Fatal(err)
			}
			again, err := ReadPowersCSV(&buf)
			if err != nil {
				t.Fatalf("reading back: %v", err)
			}
			if diff := cmp.Diff(got, again); diff != "" {
				t.Errorf("written and read back mismatch (-read +read back):\n%s", diff)
			}
		})
	}
}

// TestReadContinuationRows: a row that holds only further duties, cases
// or bases of the power on the row before it, and cells of columns the
// importer does not model, under cells the spreadsheet merged (江西
// townships), adds them to that power, an unmodelled column's on a line
// after its cell above; a row with any other cell filled (序号), or after
// a blank row, is a power of its own.
func TestReadContinuationRows(t *testing.T) {
	in := "序号,权力类型,项目名称,设定依据,责任事项,责任岗位,追责情形,备注\n" +
		"1,行政处罚,甲,《法》第一条,1.立案阶段责任:a,执法队员,\"因不履行职责,有下列情形的,应承担相应责任:\n1.x\"\n" +
		",,,,2.调查阶段责任:b,,2.y\n" +
		",,,《法》第二条,,,\n" +
		",,,,3.审理责任:c,法制审核员,,备注\n" +
		",,,,,,,另注\n" +
		"2,,,,,,,备注\n" +
		",,,,,,\n" +
		",,,,4.决定责任:d,,\n"
	want := []Power{
		{Name: "甲", Category: Penalty,
			Basis:            []Basis{{Law: "法", Article: "第一条", Kind: Setting}, {Law: "法", Article: "第二条", Kind: Setting}},
			Duties:           []Duty{{Stage: Filing, Text: "a"}, {Stage: Investigation, Text: "b"}, {Stage: Review, Text: "c"}},
			LiabilityHeading: "因不履行职责,有下列情形的,应承担相应责任:", Liabilities: []string{"x", "y"},
			Extra: map[string]string{"责任岗位": "执法队员\n法制审核员", "备注": "备注\n另注"}},
		{Extra: map[string]string{"备注": "备注"}},
		{Duties: []Duty{{Stage: Decision, Text: "d"}}},
	}
	got, err := ReadPowersCSV(strings.NewReader(in))
	var bad []string
	if ce, ok := errors.AsType[*CSVError](err); ok {
		for _, c := range ce.Cells {
			bad = append(bad, fmt.Sprintf("%d:%d", c.Row, c.Column))
		}
	} else if err != nil {
		t.Fatalf("ReadPowersCSV() error = %v, want a *CSVError", err)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("ReadPowersCSV() mismatch (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"7:2", "7:3", "9:2", "9:3"}, bad); diff != "" {
		t.Errorf("bad cells mismatch (-want +got):\n%s", diff)
	}
	rows, err := ReadPowerRows([][]string{
		{"权力类型", "项目名称", "实施依据", "责任事项"}, {"行政处罚", "甲", "《法》", "1.立案责任:a"}, {"", "", "", "2.调查责任:b"}})
	if err != nil || len(rows) != 1 || len(rows[0].Duties) != 2 {
		t.Errorf("ReadPowerRows() = %+v, %v; want one power of two duties", rows, err)
	}
}

// publishedLists are the excerpts of real lists in testdata/published,
// which the fuzz targets also take as seeds.
var publishedLists = []string{
	"published/mingnan-2019.csv", "published/wangxi-2022-gb18030.csv", "published/shucheng-forestry-2024.csv",
	"published/huoshan-forestry-2024.csv", "published/xiangyin-forestry.csv", "published/jiangxi-township.csv",
	"published/wuxiang-shangsi-2025.csv", "published/guichi-2023.csv", "published/guotu-duty-table.csv",
}

// fuzzLists are the lists the fuzz targets take their seeds from: ours,
// the national layout (in UTF-8 and GB18030) and the real ones.
var fuzzLists = append([]string{"powers.csv", "national.csv", "national-gb18030.csv"}, publishedLists...)

// rowSeed is a seed of the fuzz targets: a header and one row, and
// whether they come from a list in GB18030.
type rowSeed struct {
	rows [][]string
	gb   bool
}

// rowSeeds are the fuzz targets' seeds from fuzzLists: for each row of
// each list, its header and the row with every cell of several lines cut
// to one of them, a seed for each line, and its header with the row and
// the one before it. Go's fuzzing minimises each input
// that finds new coverage before it goes on, in a number of tries that
// grows with the square of the input's length, stopped only by
// -fuzzminimizetime (60 s by default): a mutant of a whole list of a few
// kilobytes held a worker for all of that. Cut so, the seeds keep the form
// of every line and cell of the lists, and stay small; a seed of two rows
// with their cells cut to the first line keeps what a row takes from the
// row before it (a sub-item's merged cells).
func rowSeeds(f *testing.F) []rowSeed {
	var seeds []rowSeed
	for _, name := range fuzzLists {
		b, gb := testdata(f, name), false
		if !utf8.Valid(b) {
			var err error
			if b, err = simplifiedchinese.GB18030.NewDecoder().Bytes(b); err != nil {
				f.Fatal(err)
			}
			gb = true
		}
		rows, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(b, []byte("\ufeff")))).ReadAll()
		if err != nil {
			f.Fatalf("%s: %v", name, err)
		}
		for i, r := range rows[1:] {
			for k, more := 0, true; more; k++ {
				var one []string
				one, more = cutLines(r, k)
				seeds = append(seeds, rowSeed{[][]string{rows[0], one}, gb})
			}
			if i > 0 { // a row and the one before, for what a row takes from it
				before, _ := cutLines(rows[i], 0)
				one, _ := cutLines(r, 0)
				seeds = append(seeds, rowSeed{[][]string{rows[0], before, one}, gb})
			}
		}
	}
	return seeds
}

// cutLines returns row with every cell of several lines cut to its k-th
// line (blank if it has fewer), and whether a cell has a line after it.
func cutLines(row []string, k int) (cut []string, more bool) {
	cut = slices.Clone(row)
	for j, c := range cut {
		if ls := strings.Split(c, "\n"); len(ls) > 1 {
			cut[j] = ""
			if k < len(ls) {
				cut[j] = ls[k]
			}
			more = more || k+1 < len(ls)
		}
	}
	return cut, more
}

// TestReadPublishedLists imports the excerpts of real published lists in
// testdata/published (SOURCES.md names each) and checks the powers, the
// bad cells and Register.Validate's findings against what a reader of the
// list expects; the golden files hold all three, as our own JSON.
func TestReadPublishedLists(t *testing.T) {
	tests := []struct {
		file   string
		reader *PowerReader
		// want: the powers' names, the bad cells ("row:column") and the
		// findings' rules, each with its count.
		names []string
		bad   []string
		rules map[string]int
	}{
		// No code in the list: power.required. No units in the register:
		// power.subject. A sub-district list with duties and bases.
		{file: "mingnan-2019.csv", names: []string{"独生子女父母光荣证核发与注销"},
			rules: map[string]int{"power.required": 1, "power.subject": 1}},
		// 行政审批 is no category of ours (it spans 行政许可 and the former
		// 非行政许可审批): a bad cell, unless the host says which it means.
		{file: "wangxi-2022-gb18030.csv", names: []string{"农民集体所有土地由本集体经济组织以外的单位或者个人承包经营的批准"},
			bad:   []string{"2:2"},
			rules: map[string]int{"power.required": 2, "power.subject": 1, "power.duties": 1}},
		{file: "wangxi-2022-gb18030.csv", reader: &PowerReader{Categories: map[string]Category{"行政审批": Licensing}},
			names: []string{"农民集体所有土地由本集体经济组织以外的单位或者个人承包经营的批准"},
			rules: map[string]int{"power.required": 1, "power.subject": 1, "power.duties": 1}},
		{file: "shucheng-forestry-2024.csv", names: []string{"森林更新验收合格证核发"},
			rules: map[string]int{"power.required": 1, "power.subject": 1}},
		{file: "huoshan-forestry-2024.csv", names: []string{"林草种子生产经营许可证核发"},
			rules: map[string]int{"power.required": 1, "power.subject": 1}},
		{file: "xiangyin-forestry.csv", names: []string{"采集、出售、收购国家二级保护野生植物(农业类)审批"},
			rules: map[string]int{"power.required": 1, "power.subject": 1}},
		// The second row holds only the item's second duty, under cells the
		// spreadsheet merged: it is the item's second duty.
		{file: "jiangxi-township.csv", names: []string{"未按法律规定送子女或被监护人就学接受义务教育经教育仍拒绝的处罚"},
			rules: map[string]int{"power.required": 1, "power.subject": 1}},
		// A township's list: 事项依据, a tag of rank and a note over the
		// article on the next line.
		{file: "wuxiang-shangsi-2025.csv", names: []string{"对个别农户之间承包的耕地和草地适当调整的审批", "对农民集体所有的土地由本集体经济组织以外的单位或者个人承包经营的审批"},
			rules: map[string]int{"power.required": 2, "power.subject": 2, "power.duties": 2}},
		// A district's catalogue (目录) of powers names them and gives no
		// basis: power.basis, and no duties.
		{file: "guichi-2023.csv", names: []string{"固定资产投资项目核准(含国发〔2016〕72号文件规定的外商投资项目)", "固定资产投资项目节能审查",
			"新建不能满足管道保护要求的石油天然气管道防护方案审批", "可能影响石油天然气管道保护的施工作业审批",
			"在电力设施周围或电力设施保护区内进行可能危及电力设施安全作业的审批", "对违反企业投资项目备案管理规定行为的处罚"},
			rules: map[string]int{"power.required": 6, "power.subject": 6, "power.basis": 6, "power.duties": 6}},
		// A county land bureau's table of one item, label by label: no
		// basis in the copy, so no basis column.
		{file: "guotu-duty-table.csv", names: []string{"伪造、变造、转让地质勘查资质证书的处罚"},
			rules: map[string]int{"power.required": 1, "power.subject": 1, "power.basis": 1}},
	}
	for _, tt := range tests {
		name := tt.file
		if tt.reader != nil {
			name += "+categories"
		}
		t.Run(name, func(t *testing.T) {
			powers, err := tt.reader.ReadCSV(bytes.NewReader(testdata(t, "published/"+tt.file)))
			var bad []string
			if err != nil {
				ce, ok := errors.AsType[*CSVError](err)
				if !ok {
					t.Fatalf("ReadCSV() error = %v, want a *CSVError or none", err)
				}
				for _, c := range ce.Cells {
					bad = append(bad, fmt.Sprintf("%d:%d", c.Row, c.Column))
				}
			}
			var names []string
			for _, p := range powers {
				names = append(names, p.Name)
			}
			findings, rules := ruleCounts(&Register{Powers: powers})
			if diff := cmp.Diff(tt.names, names); diff != "" {
				t.Errorf("powers mismatch (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.bad, bad); diff != "" {
				t.Errorf("bad cells mismatch (-want +got):\n%s\n%v", diff, err)
			}
			if diff := cmp.Diff(tt.rules, rules); diff != "" {
				t.Errorf("findings mismatch (-want +got):\n%s\n%v", diff, findings)
			}
			var msgs []string
			if err != nil {
				msgs = strings.Split(err.Error(), "\n\t")[1:]
			}
			got, err := json.MarshalIndent(struct {
				Powers   []Power  `json:"powers"`
				Bad      []string `json:"badCells,omitempty"`
				Findings Findings `json:"findings"`
			}{powers, msgs, findings}, "", "\t")
			if err != nil {
				t.Fatal(err)
			}
			golden.Check(t, filepath.Join("testdata", "published", strings.TrimSuffix(name, ".csv")+".golden"), append(got, '\n'), *update)
		})
	}
}
