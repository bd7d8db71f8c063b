package main

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/qingdan/qingdan/accountability"
	"github.com/qingdan/qingdan/examples/internal/cli"
)

// TestSeedTerms checks that the report names the lists, layout and
// procedures as the source of the reform (the Chaohu part of the seed
// document) names them, and keeps its numbers: the "两单一图一点" (权力清单,
// 责任清单, 权力运行流程图, 廉政风险点), the "一办五部两中心" with 生态环境部,
// the 7 main duties and 127 power items, the open competition (公开竞选) of
// nearly 20 posts decided by the 竞选成绩 and the annual appraisals of the
// last three years (近三年年度考核), the staffing figures (97 行政编制, 174
// 事业编制 of which 100 transferred, nearly 110 staff per sub-district
// before), the heads of 一办七部, the police heads on the 党工委, local
// management of enforcement (属地化管理), and "前台+后台" with its four
// promises set against the five approvals of before.
// A golden file rewritten with -update cannot drop them silently.
func TestSeedTerms(t *testing.T) {
	var stdout, stderr bytes.Buffer
	if code := run(nil, &stdout, &stderr); code != 0 {
		t.Fatalf("run() = %d, stderr %q; want 0", code, stderr.String())
	}
	out := stdout.String()
	for _, want := range []string{
		"两单一图一点",
		"一办五部两中心",
		"生态环境部",
		"二、责任清单：7 项主要职责",
		"三、权力清单：",
		"四、权力运行流程图：",
		"五、廉政风险点：",
		"八、公开竞选：",
		"综合成绩 = 竞选成绩×",
		"2019、2018、2017 年度考核折算分",
		// The source gives neither weights, points nor a bar; the report
		// must say that its own are illustrative.
		"（权重、折算分和资格条件为示例；文件只说综合竞选成绩及近三年年度考核结果确定人选）",
		// Nor does it say which of the five approvals of before the
		// applicant attends in person.
		"（改革前的五道审批为文件所述；各环节天数、须到场的环节和盖章环节为示例）",
		"负责人兼任街道党工委委员，不分工、不占职数",
		"（巢湖市街道权力事项 127 项，本例收录其中 13 项）",
		"拿出 19 个岗位公开竞选",
		"核定行政编制 97 个、事业编制 174 个，其中从市直单位调剂下放事业编制 100 个",
		"改革前平均每个街道 109.2 人（公布：近110人）",
		"行政编制  事业编制  垂直管理  市聘  街道自聘",
		"合计                  97           174       100  5 名",
		"“一办七部”8 个内设机构负责人由班子成员兼任；党群工作部部长须由党工委专职副书记或组织委员兼任",
		"执法力量属地化管理（重心下移、职能下沉、人随事转、费随事转）",
		"派驻机构，属地化管理",
		"十一、“前台+后台”工作模式",
		"改革后核对：最多跑一趟、一窗集成、一门全办、一枚印章，均符合",
		"社区干部审批（社区干部）［到场］ → 包联社区干部审批（包联社区干部）［到场］ → 街道经办人员审批（街道经办人员）［到场］ → 街道负责同志审批（街道负责同志）［到场］ → 市直相关职能部门审批（市直相关职能部门）［到场］",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("the report does not contain %q", want)
		}
	}
	for _, old := range []string{"竞聘"} {
		if strings.Contains(out, old) {
			t.Errorf("the report says %q; the source says 公开竞选 and 竞选成绩", old)
		}
	}
}

// TestAgencyNote checks the notes on the dispatched agencies, which come
// from the leading team's data: the source has the heads of the police
// stations (派出所) sit on the sub-district's 党工委 without a portfolio or
// a seat of its quota (不分工、不占职数) — the team's data has no other
// agency's head do so — and the city's
// urban-management and market-regulation enforcement managed locally
// (属地化管理); another agency, or any agency without the team's data, is
// only 派驻机构.
func TestAgencyNote(t *testing.T) {
	var reg accountability.Register
	var lead leadership
	if err := errors.Join(cli.Decode(dataFS, "data/register-2020.json", &reg), cli.Decode(dataFS, "data/leadership.json", &lead)); err != nil {
		t.Fatal(err)
	}
	reg.Units = append(reg.Units, accountability.Unit{ID: "ZM-SFS", Name: "巢湖市司法局中庙司法所", Kind: accountability.Agency, Parent: "ZM"})
	notes := func(lead *leadership) map[string]string {
		var out bytes.Buffer
		(&report{w: &out, reg: &reg, lead: lead}).layout()
		got := map[string]string{}
		for _, l := range strings.Split(out.String(), "\n") {
			if f := strings.Fields(l); len(f) == 4 && f[2] == "派驻机构" {
				got[f[0]] = f[3]
			}
		}
		return got
	}
	want := map[string]string{
		"ZM-PCS":  "派驻机构，负责人兼任街道党工委委员，不分工、不占职数",
		"ZM-CGZD": "派驻机构，属地化管理",
		"ZM-SJS":  "派驻机构，属地化管理",
		"ZM-SFS":  "派驻机构",
	}
	if diff := cmp.Diff(want, notes(&lead)); diff != "" {
		t.Errorf("agency notes mismatch (-want +got):\n%s", diff)
	}
	for id := range want {
		want[id] = "派驻机构"
	}
	if diff := cmp.Diff(want, notes(nil)); diff != "" {
		t.Errorf("agency notes without the team's data mismatch (-want +got):\n%s", diff)
	}
}
