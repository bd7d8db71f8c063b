package accountability

import (
	"encoding/json"
	"fmt"
	"strconv"
	"testing"

	"github.com/qingdan/qingdan/internal/hardening"
)

// hugeRegisters are registers whose flows are shaped against the graph
// code: a long cycle (walked back step by step), edges that all name no
// step, every step one ID, every edge missing the next-step hint, many
// small flows sharing an ID, many starts and gateways, a long chain of
// unit parents, and risks and separations piled on one step.
func hugeRegisters(n int) map[string]*Register {
	id := strconv.Itoa
	chain := func(fid string, kind func(i int) StepKind, edge func(i int) Edge) Flow {
		f := Flow{ID: fid, Steps: make([]Step, n), Edges: make([]Edge, n)}
		for i := range n {
			f.Steps[i] = Step{ID: id(i), Kind: kind(i), Stage: Decision, Post: "p", Days: i}
			f.Edges[i] = edge(i)
		}
		return f
	}
	task := func(int) StepKind { return Task }
	out := map[string]*Register{
		"cycle":    {Flows: []Flow{chain("C", task, func(i int) Edge { return Edge{From: id(i), To: id((i + 1) % n)} })}},
		"dangling": {Flows: []Flow{chain("D", task, func(i int) Edge { return Edge{From: "x" + id(i), To: "y" + id(i)} })}},
		"one ID":   {Flows: []Flow{chain("I", task, func(i int) Edge { return Edge{From: "0", To: "0"} })}},
		"no hint": {Flows: []Flow{chain("H", func(i int) StepKind {
			if i%2 == 0 {
				return Start
			}
			return Gateway
		}, func(i int) Edge { return Edge{From: id((i * 7919) % n), To: id((i*104729 + 1) % n)} })}},
	}
	for i := range out["one ID"].Flows[0].Steps {
		out["one ID"].Flows[0].Steps[i].ID = "0"
	}
	shared := &Register{}
	for i := range n / 8 {
		shared.Flows = append(shared.Flows, Flow{ID: "S", Steps: []Step{{ID: "a", Kind: Start}, {ID: "b", Stage: Decision}, {ID: "a", Kind: End}},
			Edges: []Edge{{From: "a", To: "b"}, {From: "b", To: "z" + id(i)}}})
		shared.Risks = append(shared.Risks, Risk{ID: "R", Flow: "S", Step: "b", Likelihood: 5, Impact: 5})
		shared.Separations = append(shared.Separations, Separation{Flow: "S", Steps: [2]string{"a", "b"}})
	}
	out["shared"] = shared
	units := &Register{Flows: []Flow{chain("U", task, func(i int) Edge { return Edge{From: id(i), To: id(i + 1)} })}}
	for i := range n {
		units.Units = append(units.Units, Unit{ID: id(i), Kind: Office, Parent: id((i + 1) % n)})
		units.Powers = append(units.Powers, Power{Code: "P" + id(i), Category: Penalty, Subject: id(i), Flow: "U", StatutoryDays: 1})
		units.Risks = append(units.Risks, Risk{ID: "R" + id(i), Flow: "U", Step: "0", Level: High})
		units.Separations = append(units.Separations, Separation{Flow: "U", Steps: [2]string{"0", id(i)}})
	}
	out["units"] = units
	return out
}

// TestHugeRegistersLinear: on registers of some ten thousand steps,
// shaped against the graph code, Validate, the flows' Order, CriticalPath,
// DOT and Mermaid (of the first flows), and Diff of the register with its flows' steps
// reversed take time linear in the size of the register's JSON.
func TestHugeRegistersLinear(t *testing.T) {
	for name, r := range hugeRegisters(12000) {
		t.Run(name, func(t *testing.T) {
			b, err := json.Marshal(r)
			if err != nil {
				t.Fatal(err)
			}
			rev := *r
			rev.Flows = make([]Flow, len(r.Flows))
			for i, f := range r.Flows {
				f.Steps = append([]Step(nil), f.Steps...)
				for a, z := 0, len(f.Steps)-1; a < z; a, z = a+1, z-1 {
					f.Steps[a], f.Steps[z] = f.Steps[z], f.Steps[a]
				}
				rev.Flows[i] = f
			}
			var fs Findings
			var changes Changes
			hardening.Linear(t, len(b), func() {
				fs = r.Validate()
				// Rendering takes a flow and every risk: all of the flows
				// of a register, with all its risks, would be quadratic.
				for i := range min(len(r.Flows), 2) {
					f := &r.Flows[i]
					_, _ = f.Order()
					_, _, _ = f.CriticalPath()
					_ = f.DOT(r.Risks...)
					_ = f.Mermaid(r.Risks...)
				}
				changes = Diff(r, &rev)
			})
			if len(fs) == 0 {
				t.Errorf("Validate(%s register) found nothing", name)
			}
			if fmt.Sprint(changes) == "" {
				t.Errorf("Diff found nothing")
			}
		})
	}
}
