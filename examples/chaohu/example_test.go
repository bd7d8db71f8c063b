package main

import (
	"bytes"
	"fmt"
	"strings"
)

// The program run with no flags: the exit status, the report's title and
// its first section, the sub-district's bodies checked against the city's
// template. The whole report is testdata/chaohu.golden.
func Example() {
	var stdout, stderr bytes.Buffer
	code := run(nil, &stdout, &stderr)
	fmt.Println("exit status", code, "with", stderr.Len(), "bytes on stderr")
	title, rest, _ := strings.Cut(stdout.String(), "\n\n")
	layout, _, _ := strings.Cut(rest, "\n\n")
	fmt.Println(title)
	fmt.Println(layout)
	// Output:
	// exit status 0 with 0 bytes on stderr
	// 巢湖市中庙街道办事处 两单一图一点（2020 版）
	// 一、机构设置（模板：巢湖市街道“一办五部两中心”+生态环境部+1个预留）
	//   编号     名称                                    类别      说明
	//   -------  --------------------------------------  --------  ----------------------------------------------------
	//   ZM-DZB   党政办公室                              内设机构
	//   ZM-DQB   党群工作部                              内设机构
	//   ZM-JJB   经济发展部                              内设机构
	//   ZM-SSB   社会事务部                              内设机构
	//   ZM-CGB   城市管理部                              内设机构
	//   ZM-PAB   平安建设部                              内设机构
	//   ZM-STB   生态环境部                              内设机构
	//   ZM-WLB   文旅发展部                              内设机构  预留大部门空间，街道自设
	//   ZM-DQZX  党群服务中心                            事业机构
	//   ZM-WGZX  网格化服务管理中心                      事业机构
	//   ZM-PCS   巢湖市公安局中庙派出所                  派驻机构  派驻机构，负责人兼任街道党工委委员，不分工、不占职数
	//   ZM-CGZD  巢湖市城市管理局中庙中队                派驻机构  派驻机构，属地化管理
	//   ZM-SJS   巢湖市市场监督管理局中庙市场监督管理所  派驻机构  派驻机构，属地化管理
	//   模板检查：符合
}
