package matters_test

import (
	"sync"
	"testing"

	"github.com/qingdan/qingdan/matters"
	"github.com/qingdan/qingdan/matters/workday"
)

// TestConcurrentReaders runs the read-only methods that the package
// documents as safe for concurrent use on shared values; run with -race.
func TestConcurrentReaders(t *testing.T) {
	m := fullLifecycle(t)
	d := testDirectory()
	a := testAdmission()
	ts := demolition()
	cal := workday.China()
	want := matters.Summarize([]*matters.Matter{m})
	var wg sync.WaitGroup
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 20; i++ {
				r, err := d.Route("违法建设")
				if err != nil {
					t.Error(err)
					return
				}
				if _, err := m.Status(cal, at(3, 8, 12, 0), r); err != nil {
					t.Error(err)
				}
				if _, err := m.Deadlines(cal, r); err != nil {
					t.Error(err)
				}
				if _, err := m.ElapsedTo(cal, 4); err != nil {
					t.Error(err)
				}
				if got := matters.Summarize([]*matters.Matter{m}); got.Received != want.Received {
					t.Errorf("Summarize = %+v", got)
				}
				a.Admit(matters.Request{Item: "QZ-001"})
				ts.For("城管中队")
				_ = m.Clone()
			}
		}()
	}
	wg.Wait()
}
