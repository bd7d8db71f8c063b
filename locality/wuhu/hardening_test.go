package wuhu_test

// Hardening: every exported function of package wuhu returns a sound result
// and never panics. TestHardening also keeps the rows complete: a new
// exported function without a row here fails it.

import (
	"testing"

	"github.com/qingdan/qingdan/internal/hardening"
	"github.com/qingdan/qingdan/locality/wuhu"
)

// TestHardening checks that every exported function of the package, and
// every exported method of an exported type, has a row, and runs the rows:
// each makes its calls, failing on a panic or an unsound result.
func TestHardening(t *testing.T) {
	hardening.Test(t, []hardening.Row{
		{Name: "wuhu.Template", Run: func(c *hardening.Caller) { c.Call("Template()", func() { _ = wuhu.Template() }) }},
		{Name: "wuhu.Scale", Run: func(c *hardening.Caller) {
			c.Call("Scale()", func() {
				if err := wuhu.Scale().Validate(); err != nil {
					c.Fail("Scale()", "%v", err)
				}
			})
		}},
		{Name: "wuhu.Table", Run: func(c *hardening.Caller) {
			c.Call("Table()", func() {
				if err := wuhu.Table().Validate(); err != nil {
					c.Fail("Table()", "%v", err)
				}
			})
		}},
		{Name: "wuhu.Weights", Run: func(c *hardening.Caller) {
			c.Call("Weights()", func() {
				if err := wuhu.Weights().Validate(); err != nil {
					c.Fail("Weights()", "%v", err)
				}
			})
		}},
	})
}
