package chaohu_test

// Hardening: every exported function of package chaohu returns a sound
// result and never panics. TestHardening also keeps the rows complete: a new
// exported function without a row here fails it.

import (
	"testing"

	"github.com/qingdan/qingdan/internal/hardening"
	"github.com/qingdan/qingdan/locality/chaohu"
)

// TestHardening checks that every exported function of the package, and
// every exported method of an exported type, has a row, and runs the rows:
// each makes its calls, failing on a panic or an unsound result.
func TestHardening(t *testing.T) {
	hardening.Test(t, []hardening.Row{
		{Name: "chaohu.Template", Run: func(c *hardening.Caller) { c.Call("Template()", func() { _ = chaohu.Template() }) }},
	})
}
