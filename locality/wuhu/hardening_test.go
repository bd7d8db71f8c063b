package wuhu_test

import (
	"testing"

	"github.com/qingdan/qingdan/internal/hardening"
	"github.com/qingdan/qingdan/locality/internal/templatetest"
	"github.com/qingdan/qingdan/locality/wuhu"
)

// TestHardening checks that every exported function of the package has a
// row, and runs the rows: Template's from templatetest, and one for each
// of Scale, Table and Weights, which fails unless its result validates.
func TestHardening(t *testing.T) {
	validates := func(name string, validate func() error) hardening.Row {
		return hardening.Row{Name: "wuhu." + name, Run: func(c *hardening.Caller) {
			c.Call(name+"()", func() {
				if err := validate(); err != nil {
					c.Fail(name+"()", "%v", err)
				}
			})
		}}
	}
	templatetest.Hardening(t, "wuhu", wuhu.Template,
		validates("Scale", func() error { return wuhu.Scale().Validate() }),
		validates("Table", func() error { return wuhu.Table().Validate() }),
		validates("Weights", func() error { return wuhu.Weights().Validate() }))
}
