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
	// 吹哨受理  746 件  已办结  619 件  办结率  0.8298
	// 回访      524 件  满意    487 件  满意率  0.9294
}

// With -matter, one matter's history, event by event; the evaluations
// that follow it are left out here (see testdata/matter.golden). This
// matter was graded in four stages and closed after a satisfied visit.
func Example_matter() {
	var stdout, stderr bytes.Buffer
	if code := run([]string{"-matter", "WH2020-0050"}, &stdout, &stderr); code != 0 {
		fmt.Println("exit status", code, stderr.String())
		return
	}
	history, _, _ := strings.Cut(stdout.String(), "\n\n一事一评")
	fmt.Println(history)
	// Output:
	// WH2020-0050 违法建设 · 马塘街道 · 已结案
	// 基层治理事项清单：牵头 市城市管理局，配合 市自然资源和规划局、市住房和城乡建设局；应哨时限 24h0m0s，办结时限 20 个工作日
	//
	//  1  2020-01-22 17:51  上报    马塘街道            沿街商铺违规搭建雨棚
	//  2  2020-01-22 18:08  吹哨    马塘街道            网格化服务管理中心上传平台吹哨
	//  3  2020-01-22 18:17  派单    马塘街道            街道党工委统筹，牵头与配合部门联合处置：市城市管理局、市自然资源和规划局、市住房和城乡建设局
	//  4  2020-01-23 09:47  应哨    市自然资源和规划局  应哨报到，配合处置
	//  5  2020-01-23 10:04  应哨    市城市管理局        应哨报到，牵头处置
	//  6  2020-01-23 10:07  应哨    市住房和城乡建设局  应哨报到，配合处置
	//  7  2020-02-05 17:38  分时段  市城市管理局        第 1 阶段处置完成
	//  8  2020-02-11 09:33  分时段  市城市管理局        第 2 阶段处置完成
	//  9  2020-02-14 10:45  分时段  市城市管理局        第 3 阶段处置完成
	// 10  2020-02-19 19:19  分时段  市城市管理局        第 4 阶段处置完成
	// 11  2020-02-25 09:58  办结    市城市管理局        办结
	// 12  2020-02-26 10:28  回访    马塘街道            回访：满意
	// 13  2020-02-26 10:31  结案    马塘街道            街道审核结案
}
