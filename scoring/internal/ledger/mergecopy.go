package ledger

import (
	"sync"
	"sync/atomic"
)

// splitting says how a merge copies records: a run of at least min
// records on up to workers goroutines, a chunk at a time.
type splitting struct{ min, workers int }

// parallelMin is the fewest records a merge copies on more than one
// goroutine: 8 chunks, 4 MiB of records.
const parallelMin = 8 << chunkBits

// copyRecords appends the records of x's snapshot to l, translated, their
// lists of a matter's records moved by base, l's length; and runs also,
// which must touch neither l's records nor x. A run of sp.min records or
// more is copied a chunk of l at a time on up to sp.workers goroutines,
// with also on one of them: copying is bound by writing fresh memory,
// whose page faults each core takes on its own. The chunks are allocated
// at their full length, as grow allocates every chunk but the first.
func (l *Ledger) copyRecords(x *translator, base int32, sp splitting, also func()) {
	src := &x.s.recs
	n := src.len()
	i := 0
	// One goroutine up to the end of l's last chunk, and for a short run.
	for i < n && (sp.workers < 2 || n-i < sp.min || l.recs.len()&(1<<chunkBits-1) != 0) {
		i += x.copyRun(l.recs.extend(n-i), src, i, base)
	}
	if i == n {
		also()
		return
	}
	// Then each chunk of l a task, and also task 0.
	first := len(l.recs.chunks)
	chunks := (n - i + 1<<chunkBits - 1) >> chunkBits
	l.recs.chunks = append(l.recs.chunks, make([][]record, chunks)...)
	l.recs.n += n - i
	var next atomic.Int32
	work := func() {
		for {
			t := int(next.Add(1)) - 1
			if t > chunks {
				return
			}
			if t == 0 {
				also()
				continue
			}
			dst := make([]record, 1<<chunkBits)
			l.recs.chunks[first+t-1] = dst
			from := i + (t-1)<<chunkBits
			x.copyRun(dst[:min(len(dst), n-from)], src, from, base)
		}
	}
	var wg sync.WaitGroup
	for range min(sp.workers, 1+chunks) - 1 {
		wg.Go(work)
	}
	work()
	wg.Wait()
}

// copyRun copies records of src from i on into dst, as many as dst
// holds or src has, and returns how many.
func (x *translator) copyRun(dst []record, src *records, i int, base int32) int {
	done := 0
	for done < len(dst) && i+done < src.len() {
		run := src.run(i + done)
		d := dst[done:]
		d = d[:min(len(d), len(run))]
		for k := range d {
			r := &run[k]
			x.copyRecord(&d[k], r)
			if r.prev != 0 {
				d[k].prev += base
			}
		}
		done += len(d)
	}
	return done
}
