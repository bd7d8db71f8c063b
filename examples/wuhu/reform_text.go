package main

// The report of -reform written as text.

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/qingdan/qingdan/accountability"
	"github.com/qingdan/qingdan/examples/internal/texttable"
	"github.com/qingdan/qingdan/matters"
	"github.com/qingdan/qingdan/matters/workday"
)

// writeReform writes the report of -reform for a person to read.
func writeReform(out io.Writer, v *reformView) error {
	var b strings.Builder
	p := func(format string, a ...any) { fmt.Fprintf(&b, format, a...) }
	tbl := func(t *texttable.Table) { _ = t.Write(&b, "  ") }
	p("%s街道管理体制改革 · 机构、资源与赋权（2019 年 5 月《关于深化街道体制改革的实施意见》）\n", v.City)
	p("（公布数字取自文件；其余名称与分项为示例，见 data/reform.json、data/powers.json 的 note）\n\n")

	bv := &v.Bodies
	p("一、机构设置：%d 个公共服务中心全部改为街道，%d 个街道依责设置%s\n", len(bv.Converted), len(bv.Streets), bv.Template)
	t := texttable.New("公共服务中心", "改设为", "所属区")
	for _, c := range bv.Converted {
		t.Add(c.Center, c.Street, c.District)
	}
	tbl(t)
	t = texttable.New("街道", "区", ">内设机构", ">事业机构", "自设机构")
	for _, s := range bv.Streets {
		t.Add(s.Name, s.District, strconv.Itoa(s.Offices), strconv.Itoa(s.Centers), strings.Join(s.SelfSet, "、"))
	}
	tbl(t)
	for _, k := range bv.SelfSet {
		p("  %s（%s）：%d 个街道 %s\n", k.Name, k.Why, len(k.Streets), strings.Join(k.Streets, "、"))
	}
	verdict(&b, "与模板（wuhu.Template()，至多 2 个自设机构）及公布数字核对", "一致", bv.Findings)

	rv := &v.Resources
	pub := rv.Published
	p("\n二、资源力量下沉\n")
	t = texttable.New("街道", "区", ">核增行政编制", ">下沉干部", ">专职党务人员", "专职副书记", ">抓党建党工委委员", ">社区", ">每社区经费（万元）")
	row := func(r resourceRow, fund string) {
		t.Add(r.Name, r.District, strconv.Itoa(r.AddedPosts), strconv.Itoa(r.SentDown), strconv.Itoa(r.PartyStaff), yes(r.DeputySecretary), strconv.Itoa(r.PartyMember), strconv.Itoa(r.Communities), fund)
	}
	for _, r := range rv.Streets {
		row(r, r.Fund.String())
	}
	row(rv.Total, "")
	tbl(t)
	p("  %s核增街道行政编制 %d 个（公布 %d 个），编随人走：下沉干部 %d 名\n", strings.Join(pub.AddedPostsDistricts, "、"), rv.Total.AddedPosts, pub.AddedPosts, rv.Total.SentDown)
	p("  %d 个街道均设党群工作办（抓党建工作专责机构），各配备 %d 名以上专职党务工作人员，共 %d 名\n", len(rv.Streets), pub.PartyStaffMin, rv.Total.PartyStaff)
	p("  %d 个街道在配备专职副书记的同时增配 1 名抓党建工作的党工委委员（公布 %d 个）\n", rv.Members, pub.PartyMembers)
	p("  社区党组织服务群众专项经费：每个社区最低 %s 万元提高到 %s 万元；%d 个社区合计 %s 万元（按原最低标准为 %s 万元）\n",
		pub.FundBefore, pub.FundMin, rv.Total.Communities, rv.FundTotal, rv.FundBefore)
	p("  %d 年社会组织“公益创投”为民服务项目资金 %s 万元（公布 %s 万元）：%s\n", pub.VentureYear, rv.VentureSum, pub.Venture,
		joined(rv.Venture, func(x ventureItem) string { return x.Name + " " + x.Amount.String() }))
	verdict(&b, "与公布数字核对", "一致", rv.Findings)

	lv := &v.Lists
	p("\n三、明责：3 个清单与专项整治\n  街道事项准入清单（data/admission.json，节选）：%s\n",
		joined(lv.Lists, func(l listCount) string { return l.List.Label() + " " + strconv.Itoa(l.Items) + " 项" }))
	p("  移出街道职责：%s\n", joined(lv.Excluded, func(x matters.Exclusion) string { return x.Name }))
	p("  专项整治（清理 3 个清单以外的街道事项）：\n")
	t = texttable.New("事项", "交办单位", "准入", "整治后")
	for _, c := range lv.Cleanup {
		t.Add(c.Title, c.From, c.Basis, map[bool]string{true: "已清理", false: "保留"}[c.Cleared])
	}
	tbl(t)
	p("  街道考核指标：整治前 %s\n", strings.Join(lv.Before, "、"))
	p("                整治后 %s\n", strings.Join(lv.After, "、"))
	p("  不再考核：%s；发展经济的重心转到%s\n", strings.Join(lv.Dropped, "、"), strings.Join(lv.Focus, "、"))
	verdict(&b, "清单外事项清理、考核指标与基层治理事项清单核对", "一致", lv.Findings)

	gv := &v.Grants
	p("\n四、赋权：“五权”制度体系（文件只点名规划参与权）\n  %s\n", joined(gv.Five, func(f fivePower) string {
		if !f.Source {
			return f.Name + "*"
		}
		return f.Name
	}))
	p("  （* 非本文所列，取自国家政策的通常表述）\n")
	t = texttable.New("编号", "权力", "赋予内容", "放权部门", "范围", "到期", "落实")
	for _, pw := range gv.Powers {
		g := pw.Grant
		scope := "全部"
		if g.Partial {
			scope = "部分：" + g.Scope
		}
		power, part, _ := strings.Cut(pw.Name, "：")
		t.Add(pw.Code, power, part, v.name(g.From), scope, gv.Due[pw.Code], g.Since.In(workday.CST()).Format("2006-01"))
	}
	tbl(t)
	p("  放权落实跟踪（%s：党建工作领导小组月度跟踪，季末市委负责同志季度调度）：\n", gv.Grantee)
	t = texttable.New("月份", "跟踪", ">累计到期", ">累计落实", "滞后部门")
	for _, m := range gv.Ledger {
		how := "月度跟踪"
		if m.Quarterly {
			how = "月度跟踪 · 季度调度"
		}
		var lag []string
		for _, l := range m.Lagging {
			lag = append(lag, l.Department+"（"+l.Grant+"）")
		}
		t.Add(m.Month, how, strconv.Itoa(m.Due), strconv.Itoa(m.Done), strings.Join(lag, "、"))
	}
	tbl(t)
	verdict(&b, "赋权事项核对（部分赋权须写明范围并经调研，跟踪期末全部落实）", "一致", gv.Findings)

	p("\n五、条块协同（吹哨 → 派单 → 应哨 → 办结，一事一评）：见年度报告 go run ./examples/wuhu\n")
	_, err := io.WriteString(out, b.String())
	return err
}

// verdict writes a check's result on one line headed what: ok when it
// found nothing, else how many breaches and each finding.
func verdict(b *strings.Builder, what, ok string, fs accountability.Findings) {
	if len(fs) == 0 {
		fmt.Fprintf(b, "  %s：%s\n", what, ok)
		return
	}
	fmt.Fprintf(b, "  %s：%d 处不符\n", what, len(fs))
	for _, f := range fs {
		fmt.Fprintf(b, "    %s %s：%s（%s）\n", f.Severity.Label(), f.Path, f.Label(), f.Rule)
	}
}

// joined joins what f makes of each of xs with 、.
func joined[T any](xs []T, f func(T) string) string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = f(x)
	}
	return strings.Join(out, "、")
}

// yes is 是 for true, blank for false.
func yes(b bool) string {
	if b {
		return "是"
	}
	return ""
}
