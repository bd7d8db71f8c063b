package accountability_test

import (
	"errors"
	"fmt"
	"strings"

	"github.com/qingdan/qingdan/accountability"
)

// Each bad cell says what is wrong in English and in Chinese, and so does
// a record the CSV format cannot read, which ends the import.
func ExampleCSVError() {
	const sheet = "项目名称,权力类型,法定时限\n" +
		"对占道经营的处罚,行政审批,20个工作日\n" +
		"对户外广告的许可,行政许可,很快\n" +
		"对违法建设的处罚,\"行政处罚\"。,\n"
	_, err := accountability.ReadPowersCSV(strings.NewReader(sheet))
	if bad, ok := errors.AsType[*accountability.CSVError](err); ok {
		for _, c := range bad.Cells {
			fmt.Printf("第%d行第%d列（%s）%q：%s\n", c.Row, c.Column, c.Header, c.Value, c.Chinese)
		}
	}
	if rec, ok := errors.AsType[*accountability.RecordError](err); ok {
		fmt.Printf("第%d行：%s\n", rec.Row, rec.Chinese)
	}
	// Output:
	// 第2行第2列（权力类型）"行政审批"：不是已知的权力类型，应为 行政许可、行政处罚、行政强制、行政征收、行政给付、行政检查、行政确认、行政奖励、行政裁决、其他行政权力、公共服务、审核转报、内部管理 之一
	// 第3行第3列（法定时限）"很快"：法定时限不是工作日数（应如“20个工作日”“即办”或“无”）
	// 第4行：文件第 4 行：带引号的单元格中引号多出或缺少（CSV 格式无法读取）
}
