package accountability

import (
	"fmt"
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

// mustFlow panics on a nil flow, naming the method called on it.
func mustFlow(f *Flow, method string) {
	if f == nil {
		panic("accountability: " + method + " of a nil *Flow")
	}
}

// Order returns the flow's step IDs in topological order: every step comes
// after every step with an edge to it. It is Kahn's algorithm, breadth
// first: the steps with no way in come first, in declaration order, and
// every other step follows as soon as its last predecessor is placed, in
// the order of the edges; so the order is deterministic. It takes time
// linear in the size of the flow.
//
// Two steps with one ID wrap [ErrDuplicateStep] and an edge naming no step
// (an empty end names none, not a step with no ID) wraps
// [ErrUnknownStep], all such problems joined; only a flow without
// them is searched for a cycle, which is a *[CycleError]. So a flow with
// both an unknown step and a cycle reports the unknown step alone
// ([Register.Validate] reports both, as rules flow.edge and flow.cycle).
// It panics if f is nil.
func (f *Flow) Order() ([]string, error) {
	mustFlow(f, "Order")
	var sc scratch
	var g graph
	g.init(f, &sc)
	if err := g.err(); err != nil {
		return nil, err
	}
	order, cycle := g.topo(&sc)
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
// int; negative Days count as 0). Among paths of equal length it takes the
// one that ends at the End step declared first and, traced back from there,
// enters each step from its predecessor that comes first in [Flow.Order]'s
// order, or starts at it if it is a Start step. It takes time linear in the
// size of the flow.
//
// The errors are those of [Flow.Order], plus [ErrNoPath] if no End step can
// be reached from a Start step. It panics if f is nil.
func (f *Flow) CriticalPath() ([]string, int, error) {
	mustFlow(f, "CriticalPath")
	var sc scratch
	var g graph
	g.init(f, &sc)
	if err := g.err(); err != nil {
		return nil, 0, err
	}
	order, cycle := g.topo(&sc)
	if cycle != nil {
		return nil, 0, g.cycleError(cycle)
	}
	path, days, ok := g.critical(&sc, order, true)
	if !ok {
		return nil, 0, fmt.Errorf("accountability: flow %q: %w", g.f.ID, ErrNoPath)
	}
	ids := make([]string, len(path))
	for i, v := range path {
		ids[i] = g.f.Steps[v].ID
	}
	return ids, days, nil
}
