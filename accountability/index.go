package accountability

// index is a register indexed once for all the built-in rules of one
// validation: keys to positions (first occurrence wins) and each flow's
// graph, topological order and critical path, built when first needed. The
// flows' graphs share one scratch for their temporaries.
//
// An entry with no key is not in the maps: an empty reference (a risk's
// Flow, a responsibility's power code) names no entry, in every rule, even
// where some entry has no key. The shared flags say whether two keyed
// entries share a key.
type index struct {
	r      *Register
	units  map[string]int
	powers map[string]int
	flows  map[string]int
	fl     []flowIndex // made when a rule first asks for a flow
	sc     scratch

	unitsShared, powersShared, flowsShared bool // see keys

	powerFlows []int32   // see flowOf
	risks      []riskPos // see riskAt
	seps       []int32   // see sepFirst
}

type flowIndex struct {
	g        graph
	cycle    []int32
	critDays int
	built    bool
	ordered  bool
	critDone bool
	critOK   bool
}

func newIndex(r *Register) *index {
	ix := &index{
		r:      r,
		units:  make(map[string]int, len(r.Units)),
		powers: make(map[string]int, len(r.Powers)),
		flows:  make(map[string]int, len(r.Flows)),
		sc:     scratch{pooled: true},
	}
	ix.unitsShared = keys(ix.units, len(r.Units), func(i int) string { return r.Units[i].ID })
	ix.powersShared = keys(ix.powers, len(r.Powers), func(i int) string { return r.Powers[i].Code })
	ix.flowsShared = keys(ix.flows, len(r.Flows), func(i int) string { return r.Flows[i].ID })
	return ix
}

// keys maps the key of each of n entries, key(i), to the position of its
// first entry, leaving out the empty key, and reports whether two entries
// share a key.
func keys(m map[string]int, n int, key func(i int) string) (shared bool) {
	// Assign from the last entry to the first so that the first occurrence
	// of a key wins, with one map operation an entry.
	keyed := 0
	for i := n - 1; i >= 0; i-- {
		if k := key(i); k != "" {
			m[k] = i
			keyed++
		}
	}
	return len(m) < keyed
}

// flowOf returns the position of the flow that power i names, looking
// every power's up once for the rules that ask.
func (ix *index) flowOf(i int) (int, bool) {
	if ix.powerFlows == nil {
		ix.powerFlows = make([]int32, len(ix.r.Powers))
		for j := range ix.r.Powers {
			fi, ok := ix.flows[ix.r.Powers[j].Flow]
			if !ok {
				fi = -1
			}
			ix.powerFlows[j] = int32(fi)
		}
	}
	fi := ix.powerFlows[i]
	return int(fi), fi >= 0
}

// flow returns the index of flow i.
func (ix *index) flow(i int) *flowIndex {
	if ix.fl == nil {
		ix.fl = make([]flowIndex, len(ix.r.Flows))
	}
	fi := &ix.fl[i]
	if !fi.built {
		fi.g.init(&ix.r.Flows[i], &ix.sc)
		fi.built = true
	}
	return fi
}

// topo returns flow i's topological order, or one of its cycles.
func (ix *index) topo(i int) (order, cycle []int32) {
	fi := ix.flow(i)
	if !fi.ordered {
		_, fi.cycle = fi.g.topo(&ix.sc)
		fi.ordered = true
	}
	if fi.cycle != nil {
		return nil, fi.cycle
	}
	return fi.g.orderRoom(), nil
}

// critical returns flow i's critical-path days; ok is false if the flow
// has a cycle or no start-to-end path.
func (ix *index) critical(i int) (days int, ok bool) {
	fi := ix.flow(i)
	if !fi.critDone {
		order, cycle := ix.topo(i)
		if cycle == nil {
			_, fi.critDays, fi.critOK = fi.g.critical(&ix.sc, order, false)
		}
		fi.critDone = true
	}
	return fi.critDays, fi.critOK
}

// riskPos is where a risk points: the position of the flow it names and
// of the step it names in that flow, each -1 when it names none.
type riskPos struct{ flow, step int32 }

// riskAt returns where risk i points, locating every risk once for the
// rules that ask.
func (ix *index) riskAt(i int) riskPos {
	if ix.risks == nil {
		ix.risks = make([]riskPos, len(ix.r.Risks))
		for j := range ix.r.Risks {
			k := &ix.r.Risks[j]
			at := riskPos{-1, -1}
			if fi, ok := ix.flows[k.Flow]; ok { // "" is in no map
				at.flow = int32(fi)
				if v, ok := ix.flow(fi).g.find(k.Step); ok {
					at.step = v
				}
			}
			ix.risks[j] = at
		}
	}
	return ix.risks[i]
}

// hasStep reports whether flow ID names a flow with step ID.
func (ix *index) hasStep(flow, step string) (flowOK, stepOK bool) {
	fi, ok := ix.flows[flow]
	if !ok {
		return false, false
	}
	_, ok = ix.flow(fi).g.find(step)
	return true, ok
}

// sepFirst returns the position of the first separation with the key of
// separation i: i itself unless i repeats an earlier one. A separation
// that names neither flow nor steps has no key and repeats none.
func (ix *index) sepFirst(i int) int {
	if ix.seps == nil {
		ss := ix.r.Separations
		ix.seps = make([]int32, len(ss))
		first := make(map[Separation]int32, len(ss))
		for j, s := range ss {
			ix.seps[j] = int32(j)
			if sepID(s) == "" {
				continue
			}
			s = s.sorted()
			s.Reason = "" // no part of the key
			if f, ok := first[s]; ok {
				ix.seps[j] = f
			} else {
				first[s] = int32(j)
			}
		}
	}
	return int(ix.seps[i])
}
