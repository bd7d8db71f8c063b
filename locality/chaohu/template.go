package chaohu

import "github.com/qingdan/qingdan/accountability"

// Template returns Chaohu's "一办五部两中心" plus the 生态环境部 every
// sub-district added for the lake's environment, with one reserved slot for
// a department of the sub-district's own (e.g. 中庙街道's 文旅发展部): the
// office 党政办公室; the departments 党群工作部, 经济发展部, 城市管理部,
// 社会事务部, 平安建设部 and 生态环境部; the centres 党群服务中心 and
// 网格化服务管理中心. The source names the layout, 党群工作部, 生态环境部 and the
// two centres; the names of the office and the other four departments are
// this package's reading of the layout, data that a host whose bodies are
// named otherwise replaces. Each call returns a fresh value.
func Template() accountability.Template {
	return accountability.Template{
		Name:       "巢湖市街道“一办五部两中心”+生态环境部+1个预留",
		Offices:    []string{"党政办公室", "党群工作部", "经济发展部", "城市管理部", "社会事务部", "平安建设部", "生态环境部"},
		Centers:    []string{"党群服务中心", "网格化服务管理中心"},
		MaxSelfSet: 1,
	}
}
