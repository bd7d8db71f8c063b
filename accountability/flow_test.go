package accountability

import (
	"errors"
	"math"
	"math/rand"
	"strconv"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/qingdan/qingdan/internal/hardening"
)

func TestOrder(t *testing.T) {
	tests := []struct {
		name string
		flow Flow
		want []string
	}{
		{"penalty", sound().Flows[0], []string{"a", "b", "c", "d", "e", "g", "h", "i", "j", "k", "z"}},
		{"edge order breaks ties", Flow{ID: "T", Steps: []Step{{ID: "s"}, {ID: "y"}, {ID: "x"}, {ID: "e"}},
			Edges: []Edge{{From: "s", To: "x"}, {From: "s", To: "y"}, {From: "x", To: "e"}, {From: "y", To: "e"}}},
			[]string{"s", "x", "y", "e"}},
		{"empty", Flow{ID: "E"}, []string{}},
		{"isolated steps", Flow{ID: "I", Steps: []Step{{ID: "b"}, {ID: "a"}}}, []string{"b", "a"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := tt.flow.Order()
			if err != nil {
				t.Fatalf("Order() error = %v", err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Order() mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// TestOrderIsTopological: on random DAGs, every edge goes forward in the
// order and every step appears once, whatever order the edges come in.
func TestOrderIsTopological(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	for trial := 0; trial < 50; trial++ {
		n := 1 + rng.Intn(40)
		f := Flow{ID: "R"}
		for i := 0; i < n; i++ {
			f.Steps = append(f.Steps, Step{ID: strconv.Itoa(i)})
		}
		for k := rng.Intn(3 * n); k > 0; k-- {
			a, b := rng.Intn(n), rng.Intn(n)
			if a < b {
				f.Edges = append(f.Edges, Edge{From: strconv.Itoa(a), To: strconv.Itoa(b)})
			}
		}
		rng.Shuffle(len(f.Steps), func(i, j int) { f.Steps[i], f.Steps[j] = f.Steps[j], f.Steps[i] })
		rng.Shuffle(len(f.Edges), func(i, j int) { f.Edges[i], f.Edges[j] = f.Edges[j], f.Edges[i] })
		order, err := f.Order()
		if err != nil {
			t.Fatalf("Order() error = %v", err)
		}
		pos := map[string]int{}
		for i, id := range order {
			pos[id] = i
		}
		if len(pos) != n || len(order) != n {
			t.Fatalf("Order() = %v, want each of %d steps once", order, n)
		}
		for _, e := range f.Edges {
			if pos[e.From] >= pos[e.To] {
				t.Fatalf("Order() = %v puts %s after %s", order, e.From, e.To)
			}
		}
	}
}

func TestOrderErrors(t *testing.T) {
	tests := []struct {
		name      string
		flow      Flow
		wantIs    error
		wantCycle []string
	}{
		{"self loop", Flow{ID: "C", Steps: []Step{{ID: "a"}}, Edges: []Edge{{From: "a", To: "a"}}}, ErrCycle, []string{"a"}},
		{"cycle in order from its first step", Flow{ID: "C",
			Steps: []Step{{ID: "s"}, {ID: "p"}, {ID: "q"}, {ID: "r"}, {ID: "e"}},
			Edges: []Edge{{From: "s", To: "r"}, {From: "r", To: "p"}, {From: "p", To: "q"}, {From: "q", To: "r"}, {From: "q", To: "e"}}},
			ErrCycle, []string{"p", "q", "r"}},
		{"duplicate step", Flow{ID: "D", Steps: []Step{{ID: "a"}, {ID: "a"}}}, ErrDuplicateStep, nil},
		{"unknown step", Flow{ID: "U", Steps: []Step{{ID: "a"}}, Edges: []Edge{{From: "a", To: "b"}}}, ErrUnknownStep, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := tt.flow.Order()
			if !errors.Is(err, tt.wantIs) {
				t.Fatalf("Order() error = %v, want %v", err, tt.wantIs)
			}
			_, _, err2 := tt.flow.CriticalPath()
			if !errors.Is(err2, tt.wantIs) {
				t.Errorf("CriticalPath() error = %v, want %v", err2, tt.wantIs)
			}
			if tt.wantCycle == nil {
				return
			}
			var ce *CycleError
			if !errors.As(err, &ce) {
				t.Fatalf("Order() error = %T, want *CycleError", err)
			}
			if diff := cmp.Diff(&CycleError{Flow: tt.flow.ID, Cycle: tt.wantCycle}, ce); diff != "" {
				t.Errorf("CycleError mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestCycleErrorMessage(t *testing.T) {
	err := &CycleError{Flow: "F1", Cycle: []string{"b", "c"}}
	if got, want := err.Error(), `accountability: flow "F1" has a cycle: b → c → b`; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
}

func TestCriticalPath(t *testing.T) {
	diamond := func(left, right int) Flow {
		return Flow{ID: "G", Steps: []Step{{ID: "s", Kind: Start}, {ID: "l", Kind: Task, Days: left},
			{ID: "r", Kind: Task, Days: right}, {ID: "e", Kind: End, Days: 1}},
			Edges: []Edge{{From: "s", To: "l"}, {From: "s", To: "r"}, {From: "l", To: "e"}, {From: "r", To: "e"}}}
	}
	tests := []struct {
		name     string
		flow     Flow
		wantPath []string
		wantDays int
	}{
		{"penalty takes the 申辩 branch", sound().Flows[0], []string{"a", "b", "c", "d", "e", "g", "h", "i", "j", "k", "z"}, 39},
		{"licence", sound().Flows[1], []string{"s", "a", "r", "d", "o", "e"}, 9},
		{"longer right", diamond(2, 5), []string{"s", "r", "e"}, 6},
		{"tie goes to the first in Order", diamond(3, 3), []string{"s", "l", "e"}, 4},
		{"negative days count as zero", diamond(-7, 0), []string{"s", "l", "e"}, 1},
		{"saturates", diamond(math.MaxInt, 0), []string{"s", "l", "e"}, math.MaxInt},
		{"start is end's only way", Flow{ID: "1", Steps: []Step{{ID: "s", Kind: Start, Days: 2}, {ID: "e", Kind: End}},
			Edges: []Edge{{From: "s", To: "e"}}}, []string{"s", "e"}, 2},
		{"best of two ends", Flow{ID: "2", Steps: []Step{{ID: "s", Kind: Start}, {ID: "e1", Kind: End, Days: 1},
			{ID: "t", Kind: Task, Days: 4}, {ID: "e2", Kind: End}},
			Edges: []Edge{{From: "s", To: "e1"}, {From: "s", To: "t"}, {From: "t", To: "e2"}}}, []string{"s", "t", "e2"}, 4},
		// Of steps l and r, of equal days, r comes first in Order (s's edge
		// to r comes first), though l is declared first and l's edge to e
		// comes first: the tie goes to r.
		{"tie goes to the predecessor first in Order", Flow{ID: "3", Steps: []Step{{ID: "s", Kind: Start},
			{ID: "l", Kind: Task, Days: 3}, {ID: "r", Kind: Task, Days: 3}, {ID: "e", Kind: End}},
			Edges: []Edge{{From: "s", To: "r"}, {From: "s", To: "l"}, {From: "l", To: "e"}, {From: "r", To: "e"}}},
			[]string{"s", "r", "e"}, 3},
		// Ends x and y are a day away; y comes first in Order, x is declared
		// first: the tie goes to x.
		{"tie between ends goes to the end declared first", Flow{ID: "4", Steps: []Step{{ID: "s", Kind: Start},
			{ID: "x", Kind: End}, {ID: "t", Kind: Task, Days: 1}, {ID: "y", Kind: End, Days: 1}},
			Edges: []Edge{{From: "s", To: "y"}, {From: "s", To: "t"}, {From: "t", To: "x"}}},
			[]string{"s", "t", "x"}, 1},
		{"long chain", chain("L", 1000), nil, 998},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path, days, err := tt.flow.CriticalPath()
			if err != nil {
				t.Fatalf("CriticalPath() error = %v", err)
			}
			if days != tt.wantDays {
				t.Errorf("CriticalPath() days = %d, want %d", days, tt.wantDays)
			}
			if tt.wantPath == nil {
				if len(path) != len(tt.flow.Steps) {
					t.Errorf("CriticalPath() has %d steps, want %d", len(path), len(tt.flow.Steps))
				}
				return
			}
			if diff := cmp.Diff(tt.wantPath, path); diff != "" {
				t.Errorf("CriticalPath() mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestCriticalPathNoPath(t *testing.T) {
	for _, f := range []Flow{
		{ID: "empty"},
		{ID: "no start", Steps: []Step{{ID: "e", Kind: End}}},
		{ID: "no end", Steps: []Step{{ID: "s", Kind: Start}}},
		{ID: "apart", Steps: []Step{{ID: "s", Kind: Start}, {ID: "e", Kind: End}}},
	} {
		if _, _, err := f.CriticalPath(); !errors.Is(err, ErrNoPath) {
			t.Errorf("flow %q: CriticalPath() error = %v, want ErrNoPath", f.ID, err)
		}
	}
}

// randomDAG returns a flow with one start, one end and random tasks and
// edges between them, every task on some start-to-end path.
func randomDAG(rng *rand.Rand, n int) Flow {
	f := Flow{ID: "R"}
	for i := 0; i < n; i++ {
		f.Steps = append(f.Steps, Step{ID: "t" + strconv.Itoa(i), Kind: Task, Days: rng.Intn(10)})
	}
	f.Steps[0].Kind, f.Steps[n-1].Kind = Start, End
	for i := 0; i+1 < n; i++ {
		f.Edges = append(f.Edges, Edge{From: f.Steps[i].ID, To: f.Steps[i+1].ID})
		for k := rng.Intn(3); k > 0; k-- {
			if j := i + 1 + rng.Intn(n-i-1); j != i+1 {
				f.Edges = append(f.Edges, Edge{From: f.Steps[i].ID, To: f.Steps[j].ID})
			}
		}
	}
	return f
}

// TestCriticalPathOrderIndependent: shuffling the declaration order of
// steps and edges never changes the critical path's length, and the path
// is a real start-to-end path with that many days.
func TestCriticalPathOrderIndependent(t *testing.T) {
	rng := rand.New(rand.NewSource(7))
	for trial := 0; trial < 100; trial++ {
		f := randomDAG(rng, 2+rng.Intn(30))
		_, want, err := f.CriticalPath()
		if err != nil {
			t.Fatal(err)
		}
		g := Flow{ID: f.ID, Steps: append([]Step(nil), f.Steps...), Edges: append([]Edge(nil), f.Edges...)}
		rng.Shuffle(len(g.Steps), func(i, j int) { g.Steps[i], g.Steps[j] = g.Steps[j], g.Steps[i] })
		rng.Shuffle(len(g.Edges), func(i, j int) { g.Edges[i], g.Edges[j] = g.Edges[j], g.Edges[i] })
		path, got, err := g.CriticalPath()
		if err != nil || got != want {
			t.Fatalf("shuffled CriticalPath() = %d, %v; want %d", got, err, want)
		}
		days := map[string]int{}
		for _, s := range f.Steps {
			days[s.ID] = s.Days
		}
		edge := map[[2]string]bool{}
		for _, e := range f.Edges {
			edge[[2]string{e.From, e.To}] = true
		}
		sum := 0
		for i, id := range path {
			sum += days[id]
			if i > 0 && !edge[[2]string{path[i-1], id}] {
				t.Fatalf("path %v uses no edge %s → %s", path, path[i-1], id)
			}
		}
		if sum != want || path[0] != "t0" || path[len(path)-1] != f.Steps[len(f.Steps)-1].ID {
			t.Fatalf("path %v sums to %d, want %d from start to end", path, sum, want)
		}
		if fs := (&Register{Flows: []Flow{g}}).Validate(); len(fs) != 0 {
			t.Fatalf("Validate(random DAG) = %v, want none", fs)
		}
	}
}

// TestNilFlowPanics: a method called on a nil flow is a programmer's
// error, and says which method met it, not a bare nil dereference.
func TestNilFlowPanics(t *testing.T) {
	var f *Flow
	for name, call := range map[string]func(){
		"Order":        func() { _, _ = f.Order() },
		"CriticalPath": func() { _, _, _ = f.CriticalPath() },
		"DOT":          func() { _ = f.DOT() },
		"Mermaid":      func() { _ = f.Mermaid() },
	} {
		if got, want := hardening.PanicOf(call), "accountability: "+name+" of a nil *Flow"; got != want {
			t.Errorf("%s: panic = %v, want %q", name, got, want)
		}
	}
}
