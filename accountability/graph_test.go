package accountability

import (
	"math/rand"
	"slices"
	"strconv"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// randomFlow returns a flow of n steps. A messy one has IDs drawn from few
// letters (so that some repeat, some are empty), random kinds and days,
// and random edges, some naming no step, some closing cycles; a tidy one
// runs from a Start step to an End step along forward edges, with a few
// of the messy one's faults.
func randomFlow(rng *rand.Rand, n int, messy bool) Flow {
	f := Flow{ID: "R" + strconv.Itoa(n)}
	id := func() string {
		if rng.Intn(20) == 0 {
			return ""
		}
		return string(rune('a' + rng.Intn(n+2)))
	}
	kinds := []StepKind{Start, Task, Task, Task, Gateway, End}
	for i := range n {
		s := Step{ID: string(rune('a' + i)), Kind: kinds[1+rng.Intn(4)], Stage: Stage(rng.Intn(4)), Days: rng.Intn(12) - 2}
		if messy {
			s.ID, s.Kind = id(), kinds[rng.Intn(len(kinds))]
		}
		f.Steps = append(f.Steps, s)
	}
	if !messy && n > 0 {
		f.Steps[0].Kind, f.Steps[n-1].Kind = Start, End
	}
	for range rng.Intn(2*n + 2) {
		if i := rng.Intn(n + 1); i+1 < n && (!messy || rng.Intn(3) > 0) {
			f.Edges = append(f.Edges, Edge{From: f.Steps[i].ID, To: f.Steps[i+1+rng.Intn(n-i-1)].ID})
			continue
		}
		f.Edges = append(f.Edges, Edge{From: id(), To: id()})
	}
	return f
}

// graphFacts is everything a graph says about its flow.
type graphFacts struct {
	Dup                []bool
	BadEdges           []int
	Adj                []int32
	M                  int32
	Succ, Pred         [][]int32
	Order, Cycle, Path []int32
	Days               int
	PathOK             bool
	StartFwd, EndBack  []bool
	Found              map[string]int32
	NumStart, NumEnd   int
	Err                string
}

func factsOf(f *Flow, scan bool) graphFacts {
	var sc scratch
	var g graph
	g.build(f, &sc, scan)
	x := graphFacts{BadEdges: g.badEdges, M: g.m, Found: map[string]int32{}, NumStart: g.numKind(Start), NumEnd: g.numKind(End)}
	for i := range f.Steps {
		x.Dup = append(x.Dup, g.isDup(i))
		x.Succ = append(x.Succ, slices.Clone(g.succ(int32(i))))
		x.Pred = append(x.Pred, slices.Clone(g.pred(int32(i))))
	}
	for c := 'a'; c < 'a'+rune(len(f.Steps))+3; c++ {
		if v, ok := g.find(string(c)); ok {
			x.Found[string(c)] = v
		}
	}
	if v, ok := g.find(""); ok {
		x.Found[""] = v
	}
	if err := g.err(); err != nil {
		x.Err = err.Error()
	}
	order, cycle := g.topo(&sc)
	x.Order, x.Cycle = slices.Clone(order), cycle
	if cycle == nil {
		x.Path, x.Days, x.PathOK = g.critical(&sc, order, true)
	}
	x.StartFwd = slices.Clone(g.reach(&sc, Start, true))
	x.EndBack = slices.Clone(g.reach(&sc, End, false))
	x.Adj = slices.Clone(g.adj)
	return x
}

// TestGraphScanMatchesMap checks that a small flow indexed without a map
// (its steps scanned) gives the graph, order, cycles, critical path and
// reach that the map gives, duplicates, empty IDs, unknown steps and
// cycles included.
func TestGraphScanMatchesMap(t *testing.T) {
	rng := rand.New(rand.NewSource(16))
	var dups, bad, cycles, paths int
	for trial := range 2000 {
		f := randomFlow(rng, rng.Intn(smallFlow+1), trial%2 == 0)
		want, got := factsOf(&f, false), factsOf(&f, true)
		if diff := cmp.Diff(want, got); diff != "" {
			t.Fatalf("trial %d, flow %+v: scanning mismatch (-map +scan):\n%s", trial, f, diff)
		}
		if want.Dup != nil && slices.Contains(want.Dup, true) {
			dups++
		}
		bad += min(len(want.BadEdges), 1)
		cycles += min(len(want.Cycle), 1)
		if want.PathOK {
			paths++
		}
	}
	// Every case must have come up often, or the comparison proves little.
	if min(dups, bad, cycles, paths) < 100 {
		t.Errorf("flows with duplicates %d, unknown steps %d, cycles %d, critical paths %d: each should be at least 100", dups, bad, cycles, paths)
	}
}

// TestGraphScratchReuse checks that graphs built one after another on one
// pooled scratch, as Register.Validate builds them, each say what a graph
// alone says, once all of them are built: no graph's arrays overlap
// another's, and no temporary outlives its use.
func TestGraphScratchReuse(t *testing.T) {
	rng := rand.New(rand.NewSource(17))
	sc := scratch{pooled: true}
	flows := make([]Flow, 2000)
	graphs := make([]graph, len(flows))
	for i := range flows {
		flows[i] = randomFlow(rng, rng.Intn(3*smallFlow), i%2 == 0)
		if i%100 == 99 {
			flows[i] = randomFlow(rng, chunkLen/8, true) // too large for a chunk
		}
		graphs[i].init(&flows[i], &sc)
	}
	for i := range flows {
		want := factsOf(&flows[i], len(flows[i].Steps) <= smallFlow)
		g := &graphs[i]
		if lists := len(g.adj) - len(flows[i].Steps); !slices.Equal(g.adj[:lists], want.Adj[:lists]) {
			t.Fatalf("flow %d: adjacency lists overwritten", i)
		}
		order, cycle := g.topo(&sc)
		var path []int32
		var days int
		var ok bool
		if cycle == nil {
			path, days, ok = g.critical(&sc, order, true)
		}
		if !slices.Equal(order, want.Order) || !slices.Equal(cycle, want.Cycle) || !slices.Equal(path, want.Path) || days != want.Days || ok != want.PathOK ||
			!slices.Equal(g.reach(&sc, Start, true), want.StartFwd) || !slices.Equal(g.reach(&sc, End, false), want.EndBack) {
			t.Fatalf("flow %d: a graph on a shared scratch differs from one on its own", i)
		}
	}
}

// TestRiskDecisionByPosition checks that risk.decision, which finds a
// register's risks by position when no two flows share an ID, reports
// what matching them by ID reports: with repeated step IDs, risks naming
// unknown flows and steps, and empty IDs: a risk that leaves its Flow or
// Step empty covers no step, even of a flow or at a step with no ID.
func TestRiskDecisionByPosition(t *testing.T) {
	rng := rand.New(rand.NewSource(18))
	var covered, uncovered int
	for trial := range 500 {
		r := &Register{}
		for i := range 1 + rng.Intn(4) {
			f := randomFlow(rng, rng.Intn(2*smallFlow), i%2 == 0)
			f.ID = "F" + strconv.Itoa(i)
			if rng.Intn(8) == 0 {
				f.ID = "" // a flow with no ID, which no risk names
			}
			for j := range f.Steps {
				if rng.Intn(3) == 0 {
					f.Steps[j].Stage = Decision
				}
			}
			r.Flows = append(r.Flows, f)
		}
		for i := range rng.Intn(12) {
			k := Risk{ID: "R" + strconv.Itoa(i), Flow: "F" + strconv.Itoa(rng.Intn(len(r.Flows)+1)), Step: string(rune('a' + rng.Intn(2*smallFlow)))}
			if rng.Intn(10) == 0 {
				k.Step = ""
			}
			if rng.Intn(10) == 0 {
				k.Flow = ""
			}
			r.Risks = append(r.Risks, k)
		}
		var want, got Findings
		riskDecisionByID(newIndex(r), reporter{rule: "risk.decision", sev: Warning, report: func(f Finding) { want = append(want, f) }})
		riskDecision(newIndex(r), reporter{rule: "risk.decision", sev: Warning, report: func(f Finding) { got = append(got, f) }})
		if diff := cmp.Diff(want, got); diff != "" {
			t.Fatalf("trial %d: risk.decision mismatch (-by ID +by position):\n%s", trial, diff)
		}
		for _, f := range r.Flows {
			for _, s := range f.Steps {
				if s.Stage == Decision {
					covered++
				}
			}
		}
		covered -= len(want)
		uncovered += len(want)
	}
	if covered < 100 || uncovered < 100 {
		t.Errorf("%d covered and %d uncovered decision steps: each should be at least 100", covered, uncovered)
	}
}
