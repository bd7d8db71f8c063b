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
	// 受理      746 件  已办结  619 件  办结率      0.8298
	// 街道评价  823 次  满意    745 次  街道满意率  0.9052
	// 市民回访  524 件  满意    512 件  回访满意率  0.9771
	// （受理：街道在数字化城管平台吹哨的事项；街道满意率：街道对部门办理的评价为“好”“较好”的份额；催办 263 件，督办 76 件）
}

// With -matter, one matter's history, event by event; the evaluations
// that follow it are left out here (see testdata/matter.golden). The
// 91580 hotline reported this matter for the sub-district (Chaohu's
// two-way dispatch shown on Wuhu's data: a stream of its own, not among
// the matters received), which whistled it to the lead department; the
// hotline's return visit found the citizen dissatisfied and sent it back
// once (the catalog's limit), the hourly scan urged it and had the
// district supervise it when the resolution ran over its limit, and the
// sub-district answered the citizen (答复) after each resolution.
func Example_matter() {
	var stdout, stderr bytes.Buffer
	if code := run([]string{"-matter", "WH2020-0771"}, &stdout, &stderr); code != 0 {
		fmt.Println("exit status", code, stderr.String())
		return
	}
	history, _, _ := strings.Cut(stdout.String(), "\n\n一事一评")
	fmt.Println(history)
	// Output:
	// WH2020-0771 占道经营 · 马塘街道 · 已结案
	// 巢湖 91580 热线双向派单机制（示例）：热线事项另计，不计入受理
	// 91580 市民服务热线转派街道（回访由热线进行）
	// 督办单位：弋江区委区政府督查室
	// 基层治理事项清单：牵头 市城市管理局，配合 市市场监督管理局；应哨时限 2h0m0s，办结时限 3 个工作日
	//
	//  1  2020-11-10 11:38  上报  91580 市民服务热线    91580 热线转派街道：商铺门前堆放货物占用人行道
	//  2  2020-11-10 11:55  吹哨  马塘街道              网格化服务管理中心上传平台吹哨
	//  3  2020-11-10 12:04  派单  马塘街道              按基层治理事项清单派单：市城市管理局
	//  4  2020-11-10 13:33  应哨  市城市管理局          应哨报到，牵头处置
	//  5  2020-11-11 14:42  办结  市城市管理局          办结
	//  6  2020-11-11 15:42  答复  马塘街道              点对点答复：已将办理结果告知来电市民
	//  7  2020-11-12 17:42  回访  91580 市民服务热线    91580 点对点回访：不满意
	//  8  2020-11-12 19:42  重办  91580 市民服务热线    回访不满意，退回重办
	//  9  2020-11-12 20:00  催办  马塘街道              临期催办：办结时限已用 75%
	// 10  2020-11-12 20:00  催办  91580 市民服务热线    临期催办：平台转办事项的办结时限已用 75%
	// 11  2020-11-13 12:00  督办  弋江区委区政府督查室  超期督办：平台转办事项的办结超过时限
	// 12  2020-11-13 13:00  督办  弋江区委区政府督查室  超期督办：办结超过时限
	// 13  2020-11-16 11:42  办结  市城市管理局          整改后再次办结
	// 14  2020-11-16 12:42  答复  马塘街道              点对点答复：已将办理结果告知来电市民
	// 15  2020-11-17 14:42  回访  91580 市民服务热线    91580 点对点回访：满意
	// 16  2020-11-17 17:42  结案  马塘街道              审核结案
}
