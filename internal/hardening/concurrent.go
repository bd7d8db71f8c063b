package hardening

import (
	"runtime/debug"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// Goroutines and Each are how many goroutines [Concurrently] starts and
// how many times each calls its function.
const Goroutines, Each = 4, 50

// Concurrently runs, as the subtest name, f(g, i) for i from 0 to Each-1
// in each of Goroutines goroutines g at once; go test -race checks what f
// shares. A panic fails the test, and so does f still running after 30
// seconds: a deadlock.
func Concurrently(t *testing.T, name string, f func(g, i int)) {
	t.Helper()
	t.Run(name, func(t *testing.T) {
		done := make(chan struct{})
		go func() {
			defer close(done)
			var wg sync.WaitGroup
			for g := 0; g < Goroutines; g++ {
				wg.Add(1)
				go func(g int) {
					defer wg.Done()
					defer func() {
						if r := recover(); r != nil {
							t.Errorf("%s panicked: %v\n%s", name, r, Frames(debug.Stack()))
						}
					}()
					for i := 0; i < Each; i++ {
						f(g, i)
					}
				}(g)
			}
			wg.Wait()
		}()
		select {
		case <-done:
		case <-time.After(30 * time.Second):
			t.Fatalf("%s did not finish in 30 s: a deadlock?", name)
		}
	})
}

// Agree runs f(g, i) for every g and i one call after another, then
// [Concurrently], and fails the test where a call made concurrently
// returns other than its sequential twin, the want (compared by cmp:
// return values cmp can compare, errors as their text). What is safe for
// concurrent use must also give the same answers.
func Agree(t *testing.T, name string, f func(g, i int) any) {
	t.Helper()
	var want [Goroutines][Each]any
	for g := range want {
		for i := range want[g] {
			want[g][i] = f(g, i)
		}
	}
	Concurrently(t, name, func(g, i int) {
		if diff := cmp.Diff(want[g][i], f(g, i)); diff != "" {
			t.Errorf("%s, goroutine %d, call %d: concurrent result mismatch (-want +got):\n%s", name, g, i, diff)
		}
	})
}
