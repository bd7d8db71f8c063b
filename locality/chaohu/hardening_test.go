package chaohu_test

// Hardening: every exported function of package chaohu returns a sound
// result and never panics. TestHardeningCoversEverything keeps the rows
// complete: a new exported function without a row here fails it.

import (
	"testing"

	"github.com/qingdan/qingdan/internal/hardening"
	"github.com/qingdan/qingdan/locality/chaohu"
)

// TestHardening runs the rows.
func TestHardening(t *testing.T) { hardening.Run(t, hardeningRows()) }

// TestHardeningCoversEverything checks that every exported function of the
// package has a row.
func TestHardeningCoversEverything(t *testing.T) { hardening.Covered(t, ".", hardeningRows()) }

func hardeningRows() []hardening.Row {
	return []hardening.Row{
		{Name: "chaohu.Template", Run: func(c *hardening.Caller) {
			c.Call("Template()", func() {
				if tmpl := chaohu.Template(); tmpl.Name == "" || len(tmpl.Offices) == 0 {
					c.Fail("Template()", "an empty template: %+v", tmpl)
				}
			})
		}},
	}
}
