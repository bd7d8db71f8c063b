package wuhu

import "github.com/qingdan/qingdan/accountability"

// Template returns Wuhu's "六办两中心": six offices — 综合保障办, 党群工作办,
// 城市管理办, 经济发展办, 社会事务办, 平安建设办 — and two centres, 为民服务中心
// and 网格化服务管理中心, with at most 2 offices of the sub-district's own
// (e.g. 城市更新办, 生态环境办). The source names the six offices by their
// work only (综合保障、党群工作、城市管理、经济发展、社会事务、平安建设) and
// elsewhere writes 党群工作办公室; the names here take the short suffix 办,
// as the source's 城市更新办 does, a reading that a host whose offices are
// named otherwise replaces: accountability.Template.Check compares names
// exactly. Each call returns a fresh value.
func Template() accountability.Template {
	return accountability.Template{
		Name:       "芜湖市街道“六办两中心”",
		Offices:    []string{"综合保障办", "党群工作办", "城市管理办", "经济发展办", "社会事务办", "平安建设办"},
		Centers:    []string{"为民服务中心", "网格化服务管理中心"},
		MaxSelfSet: 2,
	}
}
