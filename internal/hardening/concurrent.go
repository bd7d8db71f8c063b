package hardening

import (
	"runtime/debug"
	"sync"
	"testing"
	"time"
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
