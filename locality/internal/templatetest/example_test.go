package templatetest_test

import (
	"fmt"

	"github.com/qingdan/qingdan/accountability"
	"github.com/qingdan/qingdan/locality/chaohu"
	"github.com/qingdan/qingdan/locality/internal/templatetest"
	"github.com/qingdan/qingdan/locality/shatanglu"
	"github.com/qingdan/qingdan/locality/wuhu"
)

// Each locality's TestTemplate passes Test its Template function and the
// Want it promises, such as
//
//	templatetest.Test(t, Template, templatetest.Want{Name: "芜湖市街道“六办两中心”", Offices: 6, Centers: 2, MaxSelfSet: 2})
//
// Test runs subtests, so it needs a *testing.T and an example cannot call
// it. This example shows the Want of each locality, as read off its
// template: the figures its test holds it to.
func ExampleWant() {
	for _, tmpl := range []func() accountability.Template{wuhu.Template, chaohu.Template, shatanglu.Template} {
		t := tmpl()
		fmt.Printf("%+v\n", templatetest.Want{Name: t.Name, Offices: len(t.Offices), Centers: len(t.Centers), MaxSelfSet: t.MaxSelfSet})
	}
	// Output:
	// {Name:芜湖市街道“六办两中心” Offices:6 Centers:2 MaxSelfSet:2}
	// {Name:巢湖市街道“一办五部两中心”+生态环境部+1个预留 Offices:7 Centers:2 MaxSelfSet:1}
	// {Name:沙塘路街道“5+3+1” Offices:5 Centers:3 MaxSelfSet:1}
}
