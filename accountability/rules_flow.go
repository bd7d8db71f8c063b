package accountability

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/qingdan/qingdan/internal/errtext"
)

// The flow.* rules: the form of each flowchart.

func flowKey(f *Flow, i int) string { return key("flows", f.ID, i) }

func stepKey(f *Flow, i int, s *Step, j int) string {
	return flowKey(f, i) + "." + key("steps", s.ID, j)
}

func flowRequired(ix *index, rep reporter) {
	for i := range ix.r.Flows {
		f := &ix.r.Flows[i]
		if f.ID == "" {
			flowEntry.noKey(rep, i, f.Name)
		} else if len(f.ID) > MaxKeyBytes {
			flowEntry.longKey(rep, i, f.ID, f.Name)
		}
		for j := range f.Steps {
			s := &f.Steps[j]
			if s.ID == "" {
				rep.at(stepKey(f, i, s, j),
					fmt.Sprintf("flow %s: step #%d %q has no ID", ref(f.ID, i), j, s.Name),
					fmt.Sprintf("流程图 %s 的环节 #%d %q 未填写编号", ref(f.ID, i), j, s.Name))
			} else if len(s.ID) > MaxKeyBytes {
				rep.at(stepKey(f, i, s, j),
					fmt.Sprintf("flow %s: step %s has the ID %s, longer than %d bytes (MaxKeyBytes): findings name it by its position", ref(f.ID, i), named(s.ID, s.Name, j), errtext.Quote(s.ID), MaxKeyBytes),
					fmt.Sprintf("流程图 %s 的环节%s的编号 %s 超过 %d 字节（MaxKeyBytes），检查结果按位置称呼它", ref(f.ID, i), namedZh(s.ID, s.Name, j), errtext.Quote(s.ID), MaxKeyBytes))
			}
			if s.Kind == 0 {
				rep.at(stepKey(f, i, s, j)+".kind",
					fmt.Sprintf("flow %s: step %s has no kind", ref(f.ID, i), named(s.ID, s.Name, j)),
					fmt.Sprintf("流程图 %s 的环节%s未填写环节类型", ref(f.ID, i), namedZh(s.ID, s.Name, j)))
			}
			unnamedStep(rep, f, i, s, j)
		}
	}
}

func flowDuplicate(ix *index, rep reporter) {
	shared := ix.flowsShared
	for i := range ix.r.Flows {
		f := &ix.r.Flows[i]
		if shared {
			if first := ix.flows[f.ID]; first != i && f.ID != "" {
				flowEntry.repeats(rep, i, f.ID, f.Name, first, ix.r.Flows[first].Name)
			}
		}
		g := &ix.flow(i).g
		if g.dup == nil {
			continue
		}
		for j := range f.Steps {
			s := &f.Steps[j]
			if g.isDup(j) && s.ID != "" {
				first, _ := g.find(s.ID)
				at, atZh := nth("step", "环节", int(first), f.Steps[first].Name)
				rep.at(stepKey(f, i, s, j),
					fmt.Sprintf("flow %s: step %s repeats the ID of %s", ref(f.ID, i), named(s.ID, s.Name, j), at),
					fmt.Sprintf("流程图 %s 的环节%s与%s编号重复", ref(f.ID, i), namedZh(s.ID, s.Name, j), atZh))
			}
		}
	}
}

func flowEdge(ix *index, rep reporter) {
	for i := range ix.r.Flows {
		f := &ix.r.Flows[i]
		g := &ix.flow(i).g
		for _, j := range g.badEdges {
			e := f.Edges[j]
			var missing []string
			if _, ok := g.find(e.From); !ok {
				missing = append(missing, strconv.Quote(e.From))
			}
			if _, ok := g.find(e.To); !ok && e.To != e.From {
				missing = append(missing, strconv.Quote(e.To))
			}
			rep.at(flowKey(f, i)+".edges["+strconv.Itoa(j)+"]",
				fmt.Sprintf("flow %s: edge #%d from %q to %q: %s names no step", ref(f.ID, i), j, e.From, e.To, strings.Join(missing, " and ")),
				fmt.Sprintf("流程图 %s 的连线 #%d（%q → %q）中，%s 不是该流程图的环节", ref(f.ID, i), j, e.From, e.To, strings.Join(missing, "、")))
		}
	}
}

func flowCycle(ix *index, rep reporter) {
	for i := range ix.r.Flows {
		f := &ix.r.Flows[i]
		if _, cycle := ix.topo(i); cycle != nil {
			e := ix.flow(i).g.cycleError(cycle)
			steps := strings.Join(e.Cycle, " → ")
			rep.at(flowKey(f, i),
				fmt.Sprintf("flow %s has a cycle: %s → %s", named(f.ID, f.Name, i), steps, e.Cycle[0]),
				fmt.Sprintf("流程图%s存在循环：%s → %s", namedZh(f.ID, f.Name, i), steps, e.Cycle[0]))
		}
	}
}

// kindIDs returns the IDs of the steps of kind k, duplicates left out.
func kindIDs(g *graph, k StepKind) []string {
	var ids []string
	for j := range g.f.Steps {
		if !g.isDup(j) && g.f.Steps[j].Kind == k {
			ids = append(ids, g.f.Steps[j].ID)
		}
	}
	return ids
}

func flowStart(ix *index, rep reporter) {
	for i := range ix.r.Flows {
		f := &ix.r.Flows[i]
		g := &ix.flow(i).g
		switch n := g.numKind(Start); n {
		case 1:
		case 0:
			rep.at(flowKey(f, i),
				fmt.Sprintf("flow %s has no Start step", named(f.ID, f.Name, i)),
				fmt.Sprintf("流程图%s没有开始环节", namedZh(f.ID, f.Name, i)))
		default:
			ids := kindIDs(g, Start)
			rep.at(flowKey(f, i),
				fmt.Sprintf("flow %s has %d Start steps (%s); it needs exactly one", named(f.ID, f.Name, i), n, strings.Join(ids, ", ")),
				fmt.Sprintf("流程图%s有 %d 个开始环节（%s），应当只有一个", namedZh(f.ID, f.Name, i), n, strings.Join(ids, "、")))
		}
	}
}

func flowEnd(ix *index, rep reporter) {
	for i := range ix.r.Flows {
		f := &ix.r.Flows[i]
		if ix.flow(i).g.numKind(End) == 0 {
			rep.at(flowKey(f, i),
				fmt.Sprintf("flow %s has no End step", named(f.ID, f.Name, i)),
				fmt.Sprintf("流程图%s没有结束环节", namedZh(f.ID, f.Name, i)))
		}
	}
}

func flowUnreachable(ix *index, rep reporter) {
	flowReach(ix, rep, Start, true,
		"flow %s: step %s cannot be reached from the Start step",
		"流程图 %s 中，从开始环节无法到达环节%s")
}

func flowDeadend(ix *index, rep reporter) {
	flowReach(ix, rep, End, false,
		"flow %s: no End step can be reached from step %s",
		"流程图 %s 中，从环节%s无法到达结束环节")
}

// flowReach reports, in every flow with a step of kind from, each step not
// reached from those steps: along the edges when forward, against them
// otherwise. A flow without such a step is left to flow.start or flow.end,
// since every step would be reported. The formats en and zh take the
// flow and the step, each named as by ref and named (namedZh).
func flowReach(ix *index, rep reporter, from StepKind, forward bool, en, zh string) {
	for i := range ix.r.Flows {
		f := &ix.r.Flows[i]
		g := &ix.flow(i).g
		if g.numKind(from) == 0 {
			continue
		}
		seen := g.reach(&ix.sc, from, forward)
		for j := range f.Steps {
			if !seen[j] && !g.isDup(j) {
				s := &f.Steps[j]
				msgZh := fmt.Sprintf(zh, ref(f.ID, i), namedZh(s.ID, s.Name, j))
				if positional(s.ID) && s.Name == "" {
					msgZh = strings.TrimSuffix(msgZh, " ") // named " #1 ", it may end the message
				}
				rep.at(stepKey(f, i, s, j), fmt.Sprintf(en, ref(f.ID, i), named(s.ID, s.Name, j)), msgZh)
			}
		}
	}
}

func flowGateway(ix *index, rep reporter) {
	for i := range ix.r.Flows {
		f := &ix.r.Flows[i]
		g := &ix.flow(i).g
		for j := range f.Steps {
			s := &f.Steps[j]
			if s.Kind != Gateway || g.isDup(j) {
				continue
			}
			if n := waysOut(g.succ(int32(j))); n < 2 {
				rep.at(stepKey(f, i, s, j),
					fmt.Sprintf("flow %s: gateway %s leads to %d distinct step(s); a gateway needs at least two", ref(f.ID, i), named(s.ID, s.Name, j), n),
					fmt.Sprintf("流程图 %s 的判断环节%s只通向 %d 个环节，判断环节至少需要通向两个不同的环节", ref(f.ID, i), namedZh(s.ID, s.Name, j), n))
			}
		}
	}
}

// waysOut returns the number of distinct steps among succ, a step's
// successors, counting no further than 2: edges to one step, however many
// and however labelled, are one way out.
func waysOut(succ []int32) int {
	if len(succ) == 0 {
		return 0
	}
	for _, v := range succ[1:] {
		if v != succ[0] {
			return 2
		}
	}
	return 1
}
