package shatanglu_test

// Hardening: every exported function of package shatanglu returns a sound
// result and never panics. TestHardeningCoversEverything keeps the rows
// complete: a new exported function without a row here fails it.

import (
	"testing"

	"github.com/qingdan/qingdan/internal/hardening"
	"github.com/qingdan/qingdan/locality/shatanglu"
)

// TestHardening runs the rows.
func TestHardening(t *testing.T) { hardening.Run(t, hardeningRows()) }

// TestHardeningCoversEverything checks that every exported function of the
// package has a row.
func TestHardeningCoversEverything(t *testing.T) { hardening.Covered(t, ".", hardeningRows()) }

func hardeningRows() []hardening.Row {
	return []hardening.Row{
		{Name: "shatanglu.Template", Run: func(c *hardening.Caller) {
			c.Call("Template()", func() {
				if tmpl := shatanglu.Template(); tmpl.Name == "" || len(tmpl.Offices) == 0 {
					c.Fail("Template()", "an empty template: %+v", tmpl)
				}
			})
		}},
	}
}
