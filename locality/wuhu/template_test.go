package wuhu

import (
	"testing"

	"github.com/qingdan/qingdan/locality/internal/templatetest"
)

func TestTemplate(t *testing.T) {
	templatetest.Test(t, Template, templatetest.Want{Name: "芜湖市街道“六办两中心”", Offices: 6, Centers: 2, MaxSelfSet: 2})
}
