package main

import (
	"bytes"
	"fmt"
	"strings"
)

// The annual report's head: the year's figures. The synthetic year is
// drawn from a fixed seed, so every run prints the same; the whole report
// is testdata/default.golden.
func Example() {
	var stdout, stderr bytes.Buffer
	if code := run(nil, &stdout, &stderr); code != 0 {
		fmt.Println("exit status", code, stderr.String())
		return
	}
	head, _, _ := strings.Cut(stdout.String(), "\n\n部门年度考核")
	fmt.Println(head)
	// Output:
	// 芜湖市街道“吹哨报到” · 2020 年一事一评年度报告
	// （合成数据：按芜湖市公开数字校准，固定种子，每次运行结果相同）
	//
	// 受理  746 件  已办结  619 件  办结率  0.8298
	// 回访  524 件  满意    487 件  满意率  0.9294
	// （受理含街道吹哨 700 件、91580 热线派单部门 46 件；催办 368 件，督办 201 件）
}

// With -matter, one matter's history, event by event; the evaluations
// that follow it are left out here (see testdata/matter.golden). The
// 91580 hotline reported this matter for the sub-district, which
// whistled it to three departments: the lead's extension was denied, the
// hourly scan urged it and had the district supervise it, the hotline's
// return visit found the citizen dissatisfied and sent it back once (the
// catalog's limit), the supervision was escalated, and the sub-district
// answered the citizen (答复) after each resolution.
func Example_matter() {
	var stdout, stderr bytes.Buffer
	if code := run([]string{"-matter", "WH2020-0351"}, &stdout, &stderr); code != 0 {
		fmt.Println("exit status", code, stderr.String())
		return
	}
	history, _, _ := strings.Cut(stdout.String(), "\n\n一事一评")
	fmt.Println(history)
	// Output:
	// WH2020-0351 井盖缺失 · 弋矶山街道 · 已结案
	// 91580 市民服务热线转派街道（回访由热线进行）
	// 督办单位：镜湖区委区政府督查室
	// 基层治理事项清单：牵头 市城市管理局，配合 市水务局、国网芜湖供电公司；应哨时限 1h0m0s，办结时限 1 个工作日
	//
	//  1  2020-06-05 14:13  上报  91580 市民服务热线    91580 热线转派街道：路口电力井盖破损下沉
	//  2  2020-06-05 14:30  吹哨  弋矶山街道            网格化服务管理中心上传平台吹哨
	//  3  2020-06-05 14:39  派单  弋矶山街道            街道党工委统筹，牵头与配合部门联合处置：市城市管理局、市水务局、国网芜湖供电公司
	//  4  2020-06-05 14:47  应哨  市水务局              应哨报到，配合处置
	//  5  2020-06-05 15:05  应哨  国网芜湖供电公司      应哨报到，配合处置
	//  6  2020-06-05 15:24  应哨  市城市管理局          应哨报到，牵头处置
	//  7  2020-06-08 02:39  延期  市城市管理局          情况复杂，申请延期 1 个工作日
	//  8  2020-06-08 03:09  驳回  弋矶山街道            第 7 条延期申请：应在时限内办结，不同意延期
	//  9  2020-06-08 09:00  催办  弋矶山街道            临期催办：办结时限已用 75%
	// 10  2020-06-08 15:00  督办  镜湖区委区政府督查室  超期督办：办结超过时限
	// 11  2020-06-09 09:07  办结  市城市管理局          办结
	// 12  2020-06-09 10:07  答复  弋矶山街道            点对点答复：已将办理结果告知来电市民
	// 13  2020-06-10 12:07  回访  91580 市民服务热线    91580 点对点回访：不满意
	// 14  2020-06-10 14:07  重办  91580 市民服务热线    回访不满意，退回重办
	// 15  2020-06-10 15:00  督办  镜湖区委区政府督查室  升级督办：超期后又逾 2 个工作日
	// 16  2020-06-12 06:07  办结  市城市管理局          整改后再次办结
	// 17  2020-06-12 10:46  答复  弋矶山街道            点对点答复：已将办理结果告知来电市民
	// 18  2020-06-15 09:07  回访  91580 市民服务热线    91580 点对点回访：满意
	// 19  2020-06-15 12:07  结案  弋矶山街道            审核结案
}
