package wuhu_test

// Hardening: every exported function of package wuhu returns a sound
// result and never panics. TestHardeningCoversEverything keeps the rows
// complete: a new exported function without a row here fails it.

import (
	"testing"

	"github.com/qingdan/qingdan/internal/hardening"
	"github.com/qingdan/qingdan/locality/wuhu"
)

// TestHardening runs the rows.
func TestHardening(t *testing.T) { hardening.Run(t, hardeningRows()) }

// TestHardeningCoversEverything checks that every exported function of the
// package has a row.
func TestHardeningCoversEverything(t *testing.T) { hardening.Covered(t, ".", hardeningRows()) }

func hardeningRows() []hardening.Row {
	return []hardening.Row{
		{Name: "wuhu.Template", Run: func(c *hardening.Caller) {
			c.Call("Template()", func() {
				if tmpl := wuhu.Template(); tmpl.Name == "" || len(tmpl.Offices) == 0 {
					c.Fail("Template()", "an empty template: %+v", tmpl)
				}
			})
		}},
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
	}
}
