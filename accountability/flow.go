package accountability

import (
	"errors"
	"fmt"
	"math"
	"strings"
)

// Step is one box of a flowchart (权力运行流程图): its Kind, the Stage it
// belongs to (none for Start and End), the Post that carries it out
// (承办岗位) and the working Days it takes (0 for none; a negative value
// counts as 0).
type Step struct {
	ID    string   `json:"id"`
	Name  string   `json:"name,omitempty"`
	Kind  StepKind `json:"kind,omitempty"`
	Stage Stage    `json:"stage,omitempty"`
	Post  string   `json:"post,omitempty"`
	Days  int      `json:"days,omitempty"`
}

// Edge is an arrow of a flowchart from one step to another, with an
// optional Label such as "符合条件" on the way out of a gateway.
type Edge struct {
	From  string `json:"from"`
	To    string `json:"to"`
	Label string `json:"label,omitempty"`
}

// Flow is a flowchart: a directed acyclic graph of steps from one Start
// step to End steps. Methods do not modify the flow; they are safe for
// concurrent use as long as nobody modifies it.
type Flow struct {
	ID    string `json:"id"`
	Name  string `json:"name,omitempty"`
	Steps []Step `json:"steps,omitempty"`
	Edges []Edge `json:"edges,omitempty"`
}

// CycleError reports a cycle in a flowchart: Cycle lists one cycle's step
// IDs in order, each with an edge to the next and the last with an edge to
// the first, starting from the cycle's step that comes first in the flow.
// It unwraps to [ErrCycle].
type CycleError struct {
	Flow  string
	Cycle []string
}

// Error describes the cycle, e.g. `flow "F1" has a cycle: b → c → b`.
func (e *CycleError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "accountability: flow %q has a cycle: ", e.Flow)
	for _, id := range e.Cycle {
		b.WriteString(id)
		b.WriteString(" → ")
	}
	if len(e.Cycle) > 0 {
		b.WriteString(e.Cycle[0])
	}
	return b.String()
}

// Unwrap returns [ErrCycle].
func (e *CycleError) Unwrap() error { return ErrCycle }

// Order returns the flow's step IDs in topological order: every step comes
// after every step with an edge to it. It is Kahn's algorithm, breadth
// first: the steps with no way in come first, in declaration order, and
// every other step follows as soon as its last predecessor is placed, in
// the order of the edges; so the order is deterministic. It takes time
// linear in the size of the flow.
//
// A cycle is a *[CycleError]; two steps with one ID wrap [ErrDuplicateStep]
// and an edge naming no step wraps [ErrUnknownStep] (all such problems are
// joined).
func (f *Flow) Order() ([]string, error) {
	g := newGraph(f)
	if err := g.err(); err != nil {
		return nil, err
	}
	order, cycle := g.topo()
	if cycle != nil {
		return nil, g.cycleError(cycle)
	}
	ids := make([]string, len(order))
	for i, v := range order {
		ids[i] = g.f.Steps[v].ID
	}
	return ids, nil
}

// CriticalPath returns the path from a Start step to an End step whose
// steps take the most working days, and that sum (saturating at the largest
// int; negative Days count as 0). Among paths of equal length it prefers the
// one found first in declaration order. It takes time linear in the size of
// the flow.
//
// The errors are those of [Flow.Order], plus [ErrNoPath] if no End step can
// be reached from a Start step.
func (f *Flow) CriticalPath() ([]string, int, error) {
	g := newGraph(f)
	if err := g.err(); err != nil {
		return nil, 0, err
	}
	order, cycle := g.topo()
	if cycle != nil {
		return nil, 0, g.cycleError(cycle)
	}
	path, days, ok := g.critical(order)
	if !ok {
		return nil, 0, fmt.Errorf("accountability: flow %q: %w", g.f.ID, ErrNoPath)
	}
	ids := make([]string, len(path))
	for i, v := range path {
		ids[i] = g.f.Steps[v].ID
	}
	return ids, days, nil
}

// graph is a flow indexed for linear-time algorithms: steps by position,
// edges in compressed adjacency lists. A step whose ID repeats an earlier
// one is marked dup and has no edges; edges that name no step are left out
// and listed in badEdges.
type graph struct {
	f        *Flow
	index    map[string]int32
	dup      []bool
	ndup     int
	badEdges []int
	outStart []int32 // out[outStart[v]:outStart[v+1]] are v's successors
	out      []int32
	inStart  []int32
	in       []int32
}

func newGraph(f *Flow) *graph {
	n := len(f.Steps)
	g := &graph{f: f, index: make(map[string]int32, n), dup: make([]bool, n)}
	// Assign from the last step to the first so that the first occurrence of
	// an ID wins, with one map operation a step; look for duplicates only if
	// there are some.
	for i := n - 1; i >= 0; i-- {
		g.index[f.Steps[i].ID] = int32(i)
	}
	if len(g.index) < n {
		for i := range f.Steps {
			if g.index[f.Steps[i].ID] != int32(i) {
				g.dup[i] = true
				g.ndup++
			}
		}
	}
	from := make([]int32, len(f.Edges))
	to := make([]int32, len(f.Edges))
	g.outStart = make([]int32, n+1)
	g.inStart = make([]int32, n+1)
	valid := 0
	last := int32(-1)
	for i, e := range f.Edges {
		// Flowcharts are mostly drawn in order: an edge tends to leave the
		// step the last edge entered, for the step declared next. Try that
		// before the map, which costs a cache miss on a large flow.
		u, ok1 := g.lookup(e.From, last)
		v, ok2 := g.lookup(e.To, u+1)
		last = v
		if !ok1 || !ok2 {
			g.badEdges = append(g.badEdges, i)
			from[i], to[i] = -1, -1
			continue
		}
		from[i], to[i] = u, v
		g.outStart[u+1]++
		g.inStart[v+1]++
		valid++
	}
	for v := 0; v < n; v++ {
		g.outStart[v+1] += g.outStart[v]
		g.inStart[v+1] += g.inStart[v]
	}
	g.out = make([]int32, valid)
	g.in = make([]int32, valid)
	outPos := append([]int32(nil), g.outStart[:n]...)
	inPos := append([]int32(nil), g.inStart[:n]...)
	for i := range f.Edges {
		u, v := from[i], to[i]
		if u < 0 {
			continue
		}
		g.out[outPos[u]] = v
		outPos[u]++
		g.in[inPos[v]] = u
		inPos[v]++
	}
	return g
}

// lookup returns the position of the step with ID id, trying hint first.
func (g *graph) lookup(id string, hint int32) (int32, bool) {
	if hint >= 0 && int(hint) < len(g.f.Steps) && !g.dup[hint] && g.f.Steps[hint].ID == id {
		return hint, true
	}
	v, ok := g.index[id]
	return v, ok
}

func (g *graph) n() int { return len(g.f.Steps) }

func (g *graph) succ(v int32) []int32 { return g.out[g.outStart[v]:g.outStart[v+1]] }
func (g *graph) pred(v int32) []int32 { return g.in[g.inStart[v]:g.inStart[v+1]] }

// err joins the structural problems that make order meaningless.
func (g *graph) err() error {
	var errs []error
	if g.ndup > 0 {
		for i, d := range g.dup {
			if d {
				errs = append(errs, fmt.Errorf("accountability: flow %q: step %q: %w", g.f.ID, g.f.Steps[i].ID, ErrDuplicateStep))
			}
		}
	}
	for _, i := range g.badEdges {
		e := g.f.Edges[i]
		errs = append(errs, fmt.Errorf("accountability: flow %q: edge %q → %q: %w", g.f.ID, e.From, e.To, ErrUnknownStep))
	}
	return errors.Join(errs...)
}

// topo runs Kahn's algorithm. It returns every step in topological order,
// or, if the flow has a cycle, the steps of one cycle in order.
func (g *graph) topo() (order []int32, cycle []int32) {
	n := g.n()
	indeg := make([]int32, n)
	for v := 0; v < n; v++ {
		indeg[v] = g.inStart[v+1] - g.inStart[v]
	}
	order = make([]int32, 0, n)
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

// critical finds the longest start-to-end path over a topological order.
func (g *graph) critical(order []int32) (path []int32, total int, ok bool) {
	n := g.n()
	dist := make([]int, n)
	prev := make([]int32, n)
	reached := make([]bool, n)
	for v := 0; v < n; v++ {
		prev[v] = -1
		if !g.dup[v] && g.f.Steps[v].Kind == Start {
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
		if reached[v] && !g.dup[v] && g.f.Steps[v].Kind == End && (best < 0 || dist[v] > dist[best]) {
			best = int32(v)
		}
	}
	if best < 0 {
		return nil, 0, false
	}
	for v := best; v >= 0; v = prev[v] {
		path = append(path, v)
	}
	for i, j := 0, len(path)-1; i < j; i, j = i+1, j-1 {
		path[i], path[j] = path[j], path[i]
	}
	return path, dist[best], true
}

// reach marks the steps reachable from the steps of kind k, following edges
// forwards (fwd) or backwards.
func (g *graph) reach(k StepKind, fwd bool) []bool {
	n := g.n()
	seen := make([]bool, n)
	queue := make([]int32, 0, n)
	for v := 0; v < n; v++ {
		if !g.dup[v] && g.f.Steps[v].Kind == k {
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
