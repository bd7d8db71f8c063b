package hardening

import (
	"runtime"
	"testing"
	"time"
)

// TestTook: time f spends waiting, or that other goroutines take from its
// core, is not counted where the CPU time is known (Linux); the time of
// work is, and never more than the wall clock's.
func TestTook(t *testing.T) {
	asleep := Took(func() { time.Sleep(200 * time.Millisecond) })
	if runtime.GOOS == "linux" && asleep > 50*time.Millisecond {
		t.Errorf("Took counts %s of a 200 ms sleep: it counts waiting", asleep)
	}
	if runtime.GOOS != "linux" && asleep < 200*time.Millisecond {
		t.Errorf("Took counts %s of a 200 ms sleep; want the wall clock's", asleep)
	}
	var x uint64
	start := time.Now()
	busy := Took(func() {
		for i := range uint64(50_000_000) {
			x += i * i
		}
	})
	wall := time.Since(start)
	if busy <= 0 || busy > wall {
		t.Errorf("Took counts %s of a loop that took %s of wall clock", busy, wall)
	}
	if x == 0 {
		t.Fatal("the loop did nothing")
	}
}
