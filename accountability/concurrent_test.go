package accountability_test

import (
	"fmt"
	"testing"

	"github.com/qingdan/qingdan/accountability"
	"github.com/qingdan/qingdan/internal/hardening"
)

// TestConcurrentUse runs, from several goroutines at once, what the
// package documents as safe for concurrent use; go test -race checks it,
// and each call must return what it returns alone.
func TestConcurrentUse(t *testing.T) {
	reg := &accountability.Register{Units: []accountability.Unit{{ID: "S", Kind: accountability.Subdistrict}}, Flows: []accountability.Flow{*longFlow(200), *hostileFlow()}}
	hardening.Agree(t, "Register.Validate, Flow.Order, CriticalPath, DOT on one register", func(g, i int) any {
		order, oerr := reg.Flows[0].Order()
		path, length, perr := reg.Flows[0].CriticalPath()
		return []any{reg.Validate(), order, fmt.Sprint(oerr), path, length, fmt.Sprint(perr), reg.Flows[1].DOT(), accountability.Diff(reg, reg)}
	})
}
