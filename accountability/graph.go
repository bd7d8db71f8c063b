package accountability

import (
	"errors"
	"fmt"
	"math"
)

// graph is a flow indexed for linear-time algorithms: steps by position,
// edges in compressed adjacency lists. A step whose ID repeats an earlier
// one is a duplicate (isDup) and has no edges; edges that name no step are
// left out and listed in badEdges.
//
// Most flowcharts have about ten steps, and a register has one for every
// power, so a graph is built to be cheap when small. A flow of up to
// smallFlow steps has no map: find scans its steps, which for a few short
// IDs is faster than hashing and allocates nothing. The arrays a graph
// keeps share one slice, adj, and the temporaries of its algorithms come
// from a scratch that Register.Validate reuses from one flow to the next.
//
// For n steps and m edges placed, adj holds in order: outStart (n+2
// entries; out[outStart[v]:outStart[v+1]] are v's successors, the last
// entry spare), inStart (n+2, likewise for the predecessors in in), out
// (m), in (m), and n entries of room for topo's order.
type graph struct {
	f        *Flow
	index    map[string]int32 // step ID to position, first wins; nil for a small flow
	dup      []bool           // dup[v]: step v repeats an earlier ID; nil if no step does
	badEdges []int
	adj      []int32
	m        int32
}

// smallFlow is the most steps a flow may have for its steps to be found by
// scanning rather than through a map.
const smallFlow = 16

// init indexes f into g, which must be the zero graph, taking its
// temporaries from sc.
func (g *graph) init(f *Flow, sc *scratch) { g.build(f, sc, len(f.Steps) <= smallFlow) }

// build is init, finding steps by scanning them if scan is set and through
// a map otherwise (the results are the same; tests compare them). g must
// be the zero graph.
func (g *graph) build(f *Flow, sc *scratch, scan bool) {
	n := len(f.Steps)
	g.f = f
	if !scan {
		// Assign from the last step to the first so that the first
		// occurrence of an ID wins, with one map operation a step; look for
		// duplicates only if there are some.
		g.index = make(map[string]int32, n)
		for i := n - 1; i >= 0; i-- {
			g.index[f.Steps[i].ID] = int32(i)
		}
		if len(g.index) < n {
			for i := range f.Steps {
				if g.index[f.Steps[i].ID] != int32(i) {
					g.markDup(i)
				}
			}
		}
	} else {
		for i := 1; i < n; i++ {
			for j := range i {
				if f.Steps[j].ID == f.Steps[i].ID {
					g.markDup(i)
					break
				}
			}
		}
	}
	// Find each edge's ends once, then count and place the edges: counted
	// at u+2 and placed at u+1, so that the counts become the starts of
	// the lists with no second array of positions.
	ends := take(&sc.ends, 2*len(f.Edges))
	valid := 0
	last := int32(-1)
	for i, e := range f.Edges {
		// Flowcharts are mostly drawn in order: an edge tends to leave the
		// step the last edge entered, for the step declared next. Try that
		// before the map or the scan.
		u, ok1 := g.lookup(e.From, last)
		v, ok2 := g.lookup(e.To, u+1)
		last = v
		if !ok1 || !ok2 {
			g.badEdges = append(g.badEdges, i)
			ends[2*i] = -1
			continue
		}
		ends[2*i], ends[2*i+1] = u, v
		valid++
	}
	g.m = int32(valid)
	g.adj = sc.keep(3*n + 4 + 2*valid)
	outStart, inStart := g.adj[:n+2], g.adj[n+2:2*n+4]
	out, in := g.adj[2*n+4:2*n+4+valid], g.adj[2*n+4+valid:2*n+4+2*valid]
	for i := range f.Edges {
		if u := ends[2*i]; u >= 0 {
			outStart[u+2]++
			inStart[ends[2*i+1]+2]++
		}
	}
	for v := 2; v < n+2; v++ {
		outStart[v] += outStart[v-1]
		inStart[v] += inStart[v-1]
	}
	for i := range f.Edges {
		u, v := ends[2*i], ends[2*i+1]
		if u < 0 {
			continue
		}
		out[outStart[u+1]] = v
		outStart[u+1]++
		in[inStart[v+1]] = u
		inStart[v+1]++
	}
}

func (g *graph) markDup(i int) {
	if g.dup == nil {
		g.dup = make([]bool, len(g.f.Steps))
	}
	g.dup[i] = true
}

// isDup reports whether step v repeats the ID of an earlier step.
func (g *graph) isDup(v int) bool { return g.dup != nil && g.dup[v] }

// find returns the position of the first step with ID id. The empty ID
// names no step, not a step with no ID: an edge, a risk or a separation
// that leaves a step out names none.
func (g *graph) find(id string) (int32, bool) {
	if id == "" {
		return 0, false
	}
	if g.index != nil {
		v, ok := g.index[id]
		return v, ok
	}
	for i := range g.f.Steps {
		if g.f.Steps[i].ID == id {
			return int32(i), true
		}
	}
	return 0, false
}

// lookup is find, trying hint first.
func (g *graph) lookup(id string, hint int32) (int32, bool) {
	if hint >= 0 && int(hint) < len(g.f.Steps) && !g.isDup(int(hint)) && g.f.Steps[hint].ID == id {
		return hint, true
	}
	return g.find(id)
}

func (g *graph) n() int { return len(g.f.Steps) }

// succ returns v's successors, in the order of the edges.
func (g *graph) succ(v int32) []int32 {
	a, out := g.adj, 2*len(g.f.Steps)+4
	return a[out+int(a[v]) : out+int(a[v+1])]
}

// pred returns v's predecessors, in the order of the edges.
func (g *graph) pred(v int32) []int32 {
	n := len(g.f.Steps)
	a, in := g.adj, 2*n+4+int(g.m)
	return a[in+int(a[n+2+int(v)]) : in+int(a[n+3+int(v)])]
}

// orderRoom returns the n entries of adj that hold topo's order.
func (g *graph) orderRoom() []int32 {
	n := len(g.f.Steps)
	return g.adj[2*n+4+2*int(g.m):]
}

// err joins the structural problems that make order meaningless.
func (g *graph) err() error {
	var errs []error
	for i := range g.f.Steps {
		if g.isDup(i) {
			errs = append(errs, fmt.Errorf("accountability: flow %q: step %q: %w", g.f.ID, g.f.Steps[i].ID, ErrDuplicateStep))
		}
	}
	for _, i := range g.badEdges {
		e := g.f.Edges[i]
		errs = append(errs, fmt.Errorf("accountability: flow %q: edge %q → %q: %w", g.f.ID, e.From, e.To, ErrUnknownStep))
	}
	return errors.Join(errs...)
}

// topo runs Kahn's algorithm. It returns every step in topological order,
// in the graph's own room for it, or, if the flow has a cycle, the steps of
// one cycle in order.
func (g *graph) topo(sc *scratch) (order []int32, cycle []int32) {
	n := g.n()
	indeg := take(&sc.ints, n)
	for v := 0; v < n; v++ {
		indeg[v] = int32(len(g.pred(int32(v))))
	}
	order = g.orderRoom()[:0]
	for v := 0; v < n; v++ {
		if indeg[v] == 0 {
			order = append(order, int32(v))
		}
	}
	for head := 0; head < len(order); head++ {
		for _, w := range g.succ(order[head]) {
			indeg[w]--
			if indeg[w] == 0 {
				order = append(order, w)
			}
		}
	}
	if len(order) == n {
		return order, nil
	}
	return nil, g.findCycle(indeg)
}

// findCycle returns one cycle among the steps Kahn's algorithm could not
// order (those with indeg > 0). Each such step has a predecessor that is
// also left, so walking backwards from one of them must come round to a
// step already walked: the walk from there is a cycle. The cycle is
// returned in edge order, starting from its first-declared step.
func (g *graph) findCycle(indeg []int32) []int32 {
	start := int32(-1)
	for v := range indeg {
		if indeg[v] > 0 {
			start = int32(v)
			break
		}
	}
	if start < 0 {
		return nil
	}
	pos := make(map[int32]int)
	var walk []int32
	v := start
	for {
		if p, ok := pos[v]; ok {
			walk = walk[p:]
			break
		}
		pos[v] = len(walk)
		walk = append(walk, v)
		next := int32(-1)
		for _, u := range g.pred(v) {
			if indeg[u] > 0 {
				next = u
				break
			}
		}
		if next < 0 { // cannot happen: a step left over has a predecessor left over
			return walk
		}
		v = next
	}
	// The walk followed edges backwards: reverse it, then rotate it to start
	// from its lowest index.
	for i, j := 0, len(walk)-1; i < j; i, j = i+1, j-1 {
		walk[i], walk[j] = walk[j], walk[i]
	}
	low := 0
	for i := range walk {
		if walk[i] < walk[low] {
			low = i
		}
	}
	return append(walk[low:len(walk):len(walk)], walk[:low]...)
}

func (g *graph) cycleError(cycle []int32) *CycleError {
	ids := make([]string, len(cycle))
	for i, v := range cycle {
		ids[i] = g.f.Steps[v].ID
	}
	return &CycleError{Flow: g.f.ID, Cycle: ids}
}

func (g *graph) days(v int32) int {
	if d := g.f.Steps[v].Days; d > 0 {
		return d
	}
	return 0
}

func satAdd(a, b int) int {
	if a > math.MaxInt-b {
		return math.MaxInt
	}
	return a + b
}

// critical finds the longest start-to-end path over a topological order:
// its length, and the path itself when wantPath is set.
func (g *graph) critical(sc *scratch, order []int32, wantPath bool) (path []int32, total int, ok bool) {
	n := g.n()
	dist := take(&sc.dist, n)
	prev := take(&sc.ints, n)
	reached := take(&sc.marks, n)
	for v := 0; v < n; v++ {
		prev[v] = -1
		if !g.isDup(v) && g.f.Steps[v].Kind == Start {
			reached[v] = true
			dist[v] = g.days(int32(v))
		}
	}
	for _, v := range order {
		if !reached[v] {
			continue
		}
		for _, w := range g.succ(v) {
			d := satAdd(dist[v], g.days(w))
			if !reached[w] || d > dist[w] {
				reached[w], dist[w], prev[w] = true, d, v
			}
		}
	}
	best := int32(-1)
	for v := 0; v < n; v++ {
		if reached[v] && !g.isDup(v) && g.f.Steps[v].Kind == End && (best < 0 || dist[v] > dist[best]) {
			best = int32(v)
		}
	}
	if best < 0 {
		return nil, 0, false
	}
	if wantPath {
		for v := best; v >= 0; v = prev[v] {
			path = append(path, v)
		}
		for i, j := 0, len(path)-1; i < j; i, j = i+1, j-1 {
			path[i], path[j] = path[j], path[i]
		}
	}
	return path, dist[best], true
}

// reach marks the steps reachable from the steps of kind k, following edges
// forwards (fwd) or backwards. The marks are sc's: valid until its next
// reach or critical.
func (g *graph) reach(sc *scratch, k StepKind, fwd bool) []bool {
	n := g.n()
	seen := take(&sc.marks, n)
	queue := take(&sc.ints, n)[:0]
	for v := 0; v < n; v++ {
		if !g.isDup(v) && g.f.Steps[v].Kind == k {
			seen[v] = true
			queue = append(queue, int32(v))
		}
	}
	for head := 0; head < len(queue); head++ {
		next := g.pred(queue[head])
		if fwd {
			next = g.succ(queue[head])
		}
		for _, w := range next {
			if !seen[w] {
				seen[w] = true
				queue = append(queue, w)
			}
		}
	}
	return seen
}

// numKind counts the steps of kind k, duplicates left out.
func (g *graph) numKind(k StepKind) int {
	c := 0
	for j := range g.f.Steps {
		if !g.isDup(j) && g.f.Steps[j].Kind == k {
			c++
		}
	}
	return c
}
