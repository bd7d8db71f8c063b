package accountability

import (
	"math/rand"
	"strconv"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
)

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

// TestValidateOrderIndependent: the findings of a register do not depend
// on the order of its lists, only their order in the output does.
func TestValidateOrderIndependent(t *testing.T) {
	rng := rand.New(rand.NewSource(3))
	r := sound()
	r.Powers[0].Basis = nil
	r.Risks[0].Controls = nil
	r.Flows[1].Steps[2].Kind = Gateway
	want := count(r.Validate())
	for trial := 0; trial < 20; trial++ {
		s := sound()
		s.Powers[0].Basis = nil
		s.Risks[0].Controls = nil
		s.Flows[1].Steps[2].Kind = Gateway
		rng.Shuffle(len(s.Units), func(i, j int) { s.Units[i], s.Units[j] = s.Units[j], s.Units[i] })
		rng.Shuffle(len(s.Powers), func(i, j int) { s.Powers[i], s.Powers[j] = s.Powers[j], s.Powers[i] })
		rng.Shuffle(len(s.Flows), func(i, j int) { s.Flows[i], s.Flows[j] = s.Flows[j], s.Flows[i] })
		rng.Shuffle(len(s.Risks), func(i, j int) { s.Risks[i], s.Risks[j] = s.Risks[j], s.Risks[i] })
		for k := range s.Flows {
			f := &s.Flows[k]
			rng.Shuffle(len(f.Steps), func(i, j int) { f.Steps[i], f.Steps[j] = f.Steps[j], f.Steps[i] })
			rng.Shuffle(len(f.Edges), func(i, j int) { f.Edges[i], f.Edges[j] = f.Edges[j], f.Edges[i] })
		}
		if diff := cmp.Diff(want, count(s.Validate())); diff != "" {
			t.Fatalf("shuffled register's findings mismatch (-want +got):\n%s", diff)
		}
	}
}

func count(fs Findings) map[Finding]int {
	m := map[Finding]int{}
	for _, f := range fs {
		m[f]++
	}
	return m
}

// TestConcurrentUse: reading methods may run at once on one register (run
// with -race).
func TestConcurrentUse(t *testing.T) {
	r := sound()
	want := r.Validate()
	var wg sync.WaitGroup
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 20; i++ {
				if len(r.Validate()) != len(want) {
					t.Error("Validate differs under concurrency")
				}
				_, _, _ = r.Flows[0].CriticalPath()
				_ = r.Flows[0].DOT(r.Risks...)
				_ = Diff(r, r)
				for _, x := range Rules() {
					_ = r.Run(x)
				}
			}
		}()
	}
	wg.Wait()
}
