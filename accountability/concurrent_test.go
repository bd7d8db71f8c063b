package accountability_test

import (
	"testing"

	"github.com/qingdan/qingdan/accountability"
	"github.com/qingdan/qingdan/internal/hardening"
)

// TestConcurrentUse runs, from several goroutines at once, what the
// package documents as safe for concurrent use; go test -race checks it.
func TestConcurrentUse(t *testing.T) {
	reg := &accountability.Register{Units: []accountability.Unit{{ID: "S", Kind: accountability.Subdistrict}}, Flows: []accountability.Flow{*longFlow(200), *hostileFlow()}}
	hardening.Concurrently(t, "Register.Validate, Flow.Order, CriticalPath, DOT on one register", func(g, i int) {
		_ = reg.Validate()
		_, _ = reg.Flows[0].Order()
		_, _, _ = reg.Flows[0].CriticalPath()
		_ = reg.Flows[1].DOT()
		_ = accountability.Diff(reg, reg)
	})
}
