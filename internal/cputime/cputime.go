// Package cputime reads the CPU clocks: a benchmark's CPU time per op
// beside its wall-clock ns/op, for the benchmarks of the packages, and a
// thread's, for the time budgets of their tests (see hardening.Took).
package cputime

import "testing"

// Report starts counting the process's CPU time, user and system; the
// returned func stops the timer and reports the time per op as cpu-ns/op.
// On a shared machine this is the figure to quote and compare: ns/op also
// counts time spent waiting for a core. Where the CPU time is unknown, it
// reports 0.
//
//	defer cputime.Report(b)()
func Report(b *testing.B) func() {
	b.ResetTimer()
	start := used()
	return func() {
		b.StopTimer()
		b.ReportMetric(float64(used()-start)/float64(b.N), "cpu-ns/op")
	}
}
