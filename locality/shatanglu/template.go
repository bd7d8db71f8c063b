package shatanglu

import "github.com/qingdan/qingdan/accountability"

// Template returns the "5+3+1" of 沙塘路街道 (马鞍山市): five offices
// (党政综合办公室, 党建工作办公室, 公共管理办公室, 公共服务办公室, 公共安全办公室),
// three centres (党群服务中心, 社会管理中心, 综合服务中心) and one self-set body.
// accountability.Template.Check treats the one as a maximum. The source
// lists all nine as “5+3+1”内设机构; the three 中心 are centres here (kind
// accountability.Center, 事业机构), as Wuhu's source counts its two
// centres, so that a layout recording them as offices draws a
// template.kind finding: a reading that a host whose centres are offices
// replaces. Each call returns a fresh value.
func Template() accountability.Template {
	return accountability.Template{
		Name:       "沙塘路街道“5+3+1”",
		Offices:    []string{"党政综合办公室", "党建工作办公室", "公共管理办公室", "公共服务办公室", "公共安全办公室"},
		Centers:    []string{"党群服务中心", "社会管理中心", "综合服务中心"},
		MaxSelfSet: 1,
	}
}
