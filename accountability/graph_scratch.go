package accountability

// scratch holds the temporaries of graph algorithms, reused from one call
// to the next: build's edge ends, topo's in-degrees, reach's queue and
// marks, critical's distances. A buffer is valid until the next call that
// takes the same one; the zero scratch is ready to use.
//
// A scratch shared by many graphs (pooled) also hands out the arrays the
// graphs keep, carved from chunks, so that a register's graphs cost a few
// allocations rather than one each.
type scratch struct {
	ends  []int32
	ints  []int32
	dist  []int
	marks []bool

	pooled bool
	chunk  []int32
}

// chunkLen is the length of the chunks a pooled scratch carves arrays from.
const chunkLen = 16 << 10

// keep returns n zeroed int32s for a graph to keep.
func (sc *scratch) keep(n int) []int32 {
	if !sc.pooled || n > chunkLen/8 {
		return make([]int32, n)
	}
	if cap(sc.chunk)-len(sc.chunk) < n {
		sc.chunk = make([]int32, 0, chunkLen)
	}
	b := sc.chunk[len(sc.chunk) : len(sc.chunk)+n : len(sc.chunk)+n]
	sc.chunk = sc.chunk[:len(sc.chunk)+n]
	return b
}

// take returns buf resized to n zeroed elements, reusing its array when it
// is large enough.
func take[T any](buf *[]T, n int) []T {
	if cap(*buf) < n {
		*buf = make([]T, n)
	}
	b := (*buf)[:n]
	clear(b)
	return b
}
