package accountability_test

import (
	"fmt"
	"os"
	"slices"
	"strings"

	"github.com/qingdan/qingdan/accountability"
)

// A sub-district's published item list in the national layout, saved by
// Excel in GB18030, imports as published: numeric item-type codes (1 … 10,
// 20), parent items with their sub-items under merged cells, 设定依据 and
// 实施依据 kept apart, and columns the library does not model (实施主体编码,
// 基本编码, 备注) kept in Extra. Built into a register whose units carry the
// credit codes the list gives, it validates: the list has no 责任事项 or
// 追责情形 (a government-service list carries none), and one subject's credit
// code has 17 characters.
func ExampleReadPowersCSV_national() {
	f, err := os.Open("testdata/national-gb18030.csv")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer f.Close()
	powers, err := accountability.ReadPowersCSV(f)
	if err != nil {
		fmt.Println(err)
		return
	}
	reg := &accountability.Register{Org: "巢湖市中庙街道", Version: "2020", Powers: powers}
	seen := map[string]bool{}
	count := map[accountability.Category]int{}
	subs := 0
	for _, p := range powers {
		count[p.Category]++
		if p.Parent != "" {
			subs++
		}
		if !seen[p.Subject] {
			seen[p.Subject] = true
			kind := accountability.Subdistrict
			switch {
			case strings.HasSuffix(p.Subject, "派出所"):
				kind = accountability.Agency
			case strings.HasSuffix(p.Subject, "中心"):
				kind = accountability.Center
			}
			reg.Units = append(reg.Units, accountability.Unit{ID: p.Subject, Name: p.Subject, Kind: kind, CreditCode: p.Extra["实施主体编码"]})
		}
	}
	fmt.Printf("%s 政务服务事项 %d 项（其中子项 %d 项），实施主体 %d 个\n", reg.Org, len(powers), subs, len(reg.Units))
	var line []string
	for c := accountability.Licensing; c <= accountability.Internal; c++ {
		if count[c] > 0 {
			line = append(line, fmt.Sprintf("%s %d", c.Label(), count[c]))
		}
	}
	fmt.Println(strings.Join(line, " · "))
	p := powers[8]
	fmt.Printf("%s %s（%s）：主项 %s，承办 %s，实施层级 %s，审核转报 %s，备注 %s\n", p.Code, p.Sub, p.Category.Label(), p.Parent, p.Office, p.Tier, p.Forward, p.Extra["备注"])
	fmt.Printf("  %s：《%s》%s\n", p.Basis[0].Kind.Label(), p.Basis[0].Law, p.Basis[0].Article)

	byRule := map[string]int{}
	for _, f := range reg.Validate() {
		byRule[f.Rule]++
		if f.Rule == "unit.creditcode" {
			fmt.Printf("%s %s：%s\n", f.Severity.Label(), f.Path, f.Label())
		}
	}
	var rules []string
	for r, n := range byRule {
		rules = append(rules, fmt.Sprintf("%s %d", r, n))
	}
	slices.Sort(rules)
	fmt.Println("校验：" + strings.Join(rules, "，"))
	// Output:
	// 巢湖市中庙街道 政务服务事项 26 项（其中子项 4 项），实施主体 3 个
	// 行政许可 4 · 行政处罚 1 · 行政强制 1 · 行政给付 5 · 行政检查 1 · 行政确认 3 · 行政奖励 1 · 行政裁决 1 · 其他行政权力 3 · 公共服务 6
	// 340181006-05-00001-002 临时救助（一千元以上）（行政给付）：主项 340181006-05-00001-000，承办 社会事务部，实施层级 区级，审核转报 是，备注 街道受理审核后转报区民政局审批
	//   实施依据：《安徽省临时救助办法》第十二条
	// 错误 units[巢湖市公安局中庙派出所].creditCode：单位巢湖市公安局中庙派出所的统一社会信用代码 "1134018100877869M" 长度为 17 位，应为 18 位
	// 校验：power.duties 26，unit.creditcode 1
}
