package accountability

import (
	"fmt"
	"strconv"
	"strings"
)

// Rules returns the built-in rules, in the order [Register.Validate] runs
// them. Every one reports an [Error] except risk.decision, which reports a
// [Warning]. Each call returns fresh values, safe to run concurrently.
//
// Each line below is a rule's Name and the rest of its Doc (a test keeps
// them in step):
//
//	unit.required     a unit with no ID or no Kind
//	unit.duplicate    two units with one ID
//	unit.parent       a Parent that names no unit
//	unit.creditcode   a unit's CreditCode that is no sound unified social credit code (GB 32100-2015)
//	unit.division     a unit's Division that is no administrative-division code of 6 or 12 digits
//	power.required    a power with no Code or no Category, or a negative limit
//	power.duplicate   two powers with one Code
//	power.parent      a Parent that names no power, the power itself, or a sub-item
//	power.subject     a Subject that names no unit
//	power.basis       a power with no legal basis (实施依据), or a basis that names no law
//	power.duties      a power with no responsibility items (责任事项)
//	power.flow        a Flow that names no flowchart
//	power.promised    a promised limit (承诺时限) longer than the statutory one (法定时限)
//	power.grant       a grant (赋权) that names no granting body, or a partial grant whose Scope does not say which part
//	power.limit       a flowchart whose critical path takes more working days than the power's promised (else statutory) limit
//	flow.required     a flow or step with no ID, or a step with no Kind
//	flow.duplicate    two flows with one ID, or two steps of a flow with one ID
//	flow.edge         an edge whose end names no step of its flow
//	flow.cycle        a cycle in a flowchart (the message lists its steps)
//	flow.start        a flowchart without exactly one Start step
//	flow.end          a flowchart with no End step
//	flow.unreachable  a step that the Start step cannot reach
//	flow.deadend      a step other than End from which no End step can be reached
//	flow.gateway      a Gateway with fewer than two outgoing edges
//	risk.duplicate    two risks with one ID
//	risk.step         a risk whose Flow or Step names nothing
//	risk.control      a Medium or High risk with no control
//	risk.level        a Level that disagrees with DefaultMatrix (only where Likelihood and Impact are both given)
//	risk.decision     a Decision-stage step with no risk point
//	sod.step          a separation whose Flow or Steps name nothing
//	sod.violation     both steps of a Separation (不相容岗位) held by one Post
//	resp.duplicate    two responsibilities with one Code
//	resp.unit         a responsibility whose Unit names no unit
//	resp.power        a responsibility that names an unknown power
func Rules() []Rule {
	return builtinRules(newIndex)
}

// key locates an item of a list by its key, or by position if the key is
// empty: units[O1], units[#3].
func key(list, id string, i int) string {
	if id == "" {
		return list + "[#" + strconv.Itoa(i) + "]"
	}
	return list + "[" + id + "]"
}

// named quotes an ID and adds a name if there is one: "O1" (城市管理办).
func named(id, name string) string {
	if name == "" {
		return strconv.Quote(id)
	}
	return strconv.Quote(id) + " (" + name + ")"
}

// reporter reports findings of one built-in rule.
type reporter struct {
	rule   string
	sev    Severity
	report func(Finding)
}

func (rep reporter) at(path, format string, args ...any) {
	rep.report(Finding{Rule: rep.rule, Severity: rep.sev, Path: path, Message: fmt.Sprintf(format, args...)})
}

// builtinRules builds the built-in rules over an index obtained from get,
// which Validate caches for one run and Rules builds afresh on every call.
func builtinRules(get func(*Register) *index) []Rule {
	mk := func(name string, sev Severity, doc string, fn func(ix *index, rep reporter)) Rule {
		return Rule{Name: name, Doc: doc, Check: func(r *Register, report func(Finding)) {
			fn(get(r), reporter{rule: name, sev: sev, report: report})
		}}
	}
	return []Rule{
		mk("unit.required", Error, "unit.required: a unit with no ID or no Kind", unitRequired),
		mk("unit.duplicate", Error, "unit.duplicate: two units with one ID", unitDuplicate),
		mk("unit.parent", Error, "unit.parent: a Parent that names no unit", unitParent),
		mk("unit.creditcode", Error, "unit.creditcode: a unit's CreditCode that is no sound unified social credit code (GB 32100-2015)", unitCreditCode),
		mk("unit.division", Error, "unit.division: a unit's Division that is no administrative-division code of 6 or 12 digits", unitDivision),
		mk("power.required", Error, "power.required: a power with no Code or no Category, or a negative limit", powerRequired),
		mk("power.duplicate", Error, "power.duplicate: two powers with one Code", powerDuplicate),
		mk("power.parent", Error, "power.parent: a Parent that names no power, the power itself, or a sub-item", powerParent),
		mk("power.subject", Error, "power.subject: a Subject that names no unit", powerSubject),
		mk("power.basis", Error, "power.basis: a power with no legal basis (实施依据), or a basis that names no law", powerBasis),
		mk("power.duties", Error, "power.duties: a power with no responsibility items (责任事项)", powerDuties),
		mk("power.flow", Error, "power.flow: a Flow that names no flowchart", powerFlow),
		mk("power.promised", Error, "power.promised: a promised limit (承诺时限) longer than the statutory one (法定时限)", powerPromised),
		mk("power.grant", Error, "power.grant: a grant (赋权) that names no granting body, or a partial grant whose Scope does not say which part", powerGrant),
		mk("power.limit", Error, "power.limit: a flowchart whose critical path takes more working days than the power's promised (else statutory) limit", powerLimit),
		mk("flow.required", Error, "flow.required: a flow or step with no ID, or a step with no Kind", flowRequired),
		mk("flow.duplicate", Error, "flow.duplicate: two flows with one ID, or two steps of a flow with one ID", flowDuplicate),
		mk("flow.edge", Error, "flow.edge: an edge whose end names no step of its flow", flowEdge),
		mk("flow.cycle", Error, "flow.cycle: a cycle in a flowchart (the message lists its steps)", flowCycle),
		mk("flow.start", Error, "flow.start: a flowchart without exactly one Start step", flowStart),
		mk("flow.end", Error, "flow.end: a flowchart with no End step", flowEnd),
		mk("flow.unreachable", Error, "flow.unreachable: a step that the Start step cannot reach", flowUnreachable),
		mk("flow.deadend", Error, "flow.deadend: a step other than End from which no End step can be reached", flowDeadend),
		mk("flow.gateway", Error, "flow.gateway: a Gateway with fewer than two outgoing edges", flowGateway),
		mk("risk.duplicate", Error, "risk.duplicate: two risks with one ID", riskDuplicate),
		mk("risk.step", Error, "risk.step: a risk whose Flow or Step names nothing", riskStep),
		mk("risk.control", Error, "risk.control: a Medium or High risk with no control", riskControl),
		mk("risk.level", Error, "risk.level: a Level that disagrees with DefaultMatrix (only where Likelihood and Impact are both given)", riskLevel),
		mk("risk.decision", Warning, "risk.decision: a Decision-stage step with no risk point", riskDecision),
		mk("sod.step", Error, "sod.step: a separation whose Flow or Steps name nothing", sodStep),
		mk("sod.violation", Error, "sod.violation: both steps of a Separation (不相容岗位) held by one Post", sodViolation),
		mk("resp.duplicate", Error, "resp.duplicate: two responsibilities with one Code", respDuplicate),
		mk("resp.unit", Error, "resp.unit: a responsibility whose Unit names no unit", respUnit),
		mk("resp.power", Error, "resp.power: a responsibility that names an unknown power", respPower),
	}
}

func unitRequired(ix *index, rep reporter) {
	for i, u := range ix.r.Units {
		if u.ID == "" {
			rep.at(key("units", u.ID, i), "unit #%d %q has no ID", i, u.Name)
		}
		if u.Kind == 0 {
			rep.at(key("units", u.ID, i)+".kind", "unit %s has no kind", named(u.ID, u.Name))
		}
	}
}

func unitDuplicate(ix *index, rep reporter) {
	if len(ix.units) == len(ix.r.Units) {
		return // no two units share an ID
	}
	for i, u := range ix.r.Units {
		if first := ix.units[u.ID]; first != i && u.ID != "" {
			rep.at(key("units", u.ID, i), "unit %s repeats the ID of unit #%d (%s)", named(u.ID, u.Name), first, ix.r.Units[first].Name)
		}
	}
}

func unitParent(ix *index, rep reporter) {
	for i, u := range ix.r.Units {
		if u.Parent == "" {
			continue
		}
		if _, ok := ix.units[u.Parent]; !ok {
			rep.at(key("units", u.ID, i)+".parent", "unit %s names parent %q, which is no unit", named(u.ID, u.Name), u.Parent)
		}
	}
}

func powerRequired(ix *index, rep reporter) {
	for i := range ix.r.Powers {
		p := &ix.r.Powers[i]
		if p.Code == "" {
			rep.at(key("powers", p.Code, i), "power #%d %q has no code", i, p.Name)
		}
		if p.Category == 0 {
			rep.at(key("powers", p.Code, i)+".category", "power %s has no category", named(p.Code, p.Name))
		}
		if p.StatutoryDays < 0 {
			rep.at(key("powers", p.Code, i)+".statutoryDays", "power %s has a negative statutory limit of %d working days", named(p.Code, p.Name), p.StatutoryDays)
		}
		if p.PromisedDays < 0 {
			rep.at(key("powers", p.Code, i)+".promisedDays", "power %s has a negative promised limit of %d working days", named(p.Code, p.Name), p.PromisedDays)
		}
	}
}

func powerDuplicate(ix *index, rep reporter) {
	if len(ix.powers) == len(ix.r.Powers) {
		return // no two powers share a code
	}
	for i := range ix.r.Powers {
		p := &ix.r.Powers[i]
		if first := ix.powers[p.Code]; first != i && p.Code != "" {
			rep.at(key("powers", p.Code, i), "power %s repeats the code of power #%d (%s)", named(p.Code, p.Name), first, ix.r.Powers[first].Name)
		}
	}
}

func powerSubject(ix *index, rep reporter) {
	for i := range ix.r.Powers {
		p := &ix.r.Powers[i]
		if p.Subject == "" {
			rep.at(key("powers", p.Code, i)+".subject", "power %s has no subject (实施主体)", named(p.Code, p.Name))
		} else if _, ok := ix.units[p.Subject]; !ok {
			rep.at(key("powers", p.Code, i)+".subject", "power %s names subject %q, which is no unit", named(p.Code, p.Name), p.Subject)
		}
	}
}

func powerBasis(ix *index, rep reporter) {
	for i := range ix.r.Powers {
		p := &ix.r.Powers[i]
		if len(p.Basis) == 0 {
			rep.at(key("powers", p.Code, i)+".basis", "power %s has no legal basis (实施依据)", named(p.Code, p.Name))
		}
		for j, b := range p.Basis {
			if strings.TrimSpace(b.Law) == "" {
				rep.at(key("powers", p.Code, i)+".basis["+strconv.Itoa(j)+"]", "power %s: basis #%d names no law", named(p.Code, p.Name), j)
			}
		}
	}
}

func powerDuties(ix *index, rep reporter) {
	for i := range ix.r.Powers {
		p := &ix.r.Powers[i]
		if len(p.Duties) == 0 {
			rep.at(key("powers", p.Code, i)+".duties", "power %s has no responsibility items (责任事项)", named(p.Code, p.Name))
		}
	}
}

func powerFlow(ix *index, rep reporter) {
	for i := range ix.r.Powers {
		p := &ix.r.Powers[i]
		if p.Flow == "" {
			continue
		}
		if _, ok := ix.flowOf(i); !ok {
			rep.at(key("powers", p.Code, i)+".flow", "power %s names flowchart %q, which is no flow", named(p.Code, p.Name), p.Flow)
		}
	}
}

func powerPromised(ix *index, rep reporter) {
	for i := range ix.r.Powers {
		p := &ix.r.Powers[i]
		if p.PromisedDays > 0 && p.StatutoryDays > 0 && p.PromisedDays > p.StatutoryDays {
			rep.at(key("powers", p.Code, i)+".promisedDays", "power %s promises %d working days, longer than its statutory limit of %d", named(p.Code, p.Name), p.PromisedDays, p.StatutoryDays)
		}
	}
}

func powerGrant(ix *index, rep reporter) {
	for i := range ix.r.Powers {
		p := &ix.r.Powers[i]
		g := p.Grant
		if g == nil {
			continue
		}
		if strings.TrimSpace(g.From) == "" {
			rep.at(key("powers", p.Code, i)+".grant", "power %s is held by grant (赋权) but names no granting body", named(p.Code, p.Name))
		}
		if g.Partial && strings.TrimSpace(g.Scope) == "" {
			rep.at(key("powers", p.Code, i)+".grant", "power %s is granted in part but its Scope does not say which part", named(p.Code, p.Name))
		}
	}
}

func powerLimit(ix *index, rep reporter) {
	for i := range ix.r.Powers {
		p := &ix.r.Powers[i]
		limit := p.Limit()
		if limit == 0 || p.Flow == "" {
			continue
		}
		fi, ok := ix.flowOf(i)
		if !ok {
			continue
		}
		days, ok := ix.critical(fi)
		if !ok || days <= limit {
			continue
		}
		which := "promised"
		if p.PromisedDays <= 0 {
			which = "statutory"
		}
		rep.at(key("powers", p.Code, i)+".flow", "power %s: flowchart %q takes %d working days on its critical path, more than the %s limit of %d", named(p.Code, p.Name), p.Flow, days, which, limit)
	}
}

func flowKey(f *Flow, i int) string { return key("flows", f.ID, i) }

func stepKey(f *Flow, i int, s *Step, j int) string {
	return flowKey(f, i) + "." + key("steps", s.ID, j)
}

func flowRequired(ix *index, rep reporter) {
	for i := range ix.r.Flows {
		f := &ix.r.Flows[i]
		if f.ID == "" {
			rep.at(flowKey(f, i), "flow #%d %q has no ID", i, f.Name)
		}
		for j := range f.Steps {
			s := &f.Steps[j]
			if s.ID == "" {
				rep.at(stepKey(f, i, s, j), "flow %q: step #%d %q has no ID", f.ID, j, s.Name)
			}
			if s.Kind == 0 {
				rep.at(stepKey(f, i, s, j)+".kind", "flow %q: step %s has no kind", f.ID, named(s.ID, s.Name))
			}
		}
	}
}

func flowDuplicate(ix *index, rep reporter) {
	shared := len(ix.flows) < len(ix.r.Flows) // some flows share an ID
	for i := range ix.r.Flows {
		f := &ix.r.Flows[i]
		if shared {
			if first := ix.flows[f.ID]; first != i && f.ID != "" {
				rep.at(flowKey(f, i), "flow %s repeats the ID of flow #%d (%s)", named(f.ID, f.Name), first, ix.r.Flows[first].Name)
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
				rep.at(stepKey(f, i, s, j), "flow %q: step %s repeats the ID of step #%d (%s)", f.ID, named(s.ID, s.Name), first, f.Steps[first].Name)
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
			rep.at(flowKey(f, i)+".edges["+strconv.Itoa(j)+"]", "flow %q: edge #%d from %q to %q: %s names no step", f.ID, j, e.From, e.To, strings.Join(missing, " and "))
		}
	}
}

func flowCycle(ix *index, rep reporter) {
	for i := range ix.r.Flows {
		f := &ix.r.Flows[i]
		if _, cycle := ix.topo(i); cycle != nil {
			e := ix.flow(i).g.cycleError(cycle)
			rep.at(flowKey(f, i), "flow %s has a cycle: %s → %s", named(f.ID, f.Name), strings.Join(e.Cycle, " → "), e.Cycle[0])
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
			rep.at(flowKey(f, i), "flow %s has no Start step", named(f.ID, f.Name))
		default:
			rep.at(flowKey(f, i), "flow %s has %d Start steps (%s); it needs exactly one", named(f.ID, f.Name), n, strings.Join(kindIDs(g, Start), ", "))
		}
	}
}

func flowEnd(ix *index, rep reporter) {
	for i := range ix.r.Flows {
		f := &ix.r.Flows[i]
		if ix.flow(i).g.numKind(End) == 0 {
			rep.at(flowKey(f, i), "flow %s has no End step", named(f.ID, f.Name))
		}
	}
}

func flowUnreachable(ix *index, rep reporter) {
	flowReach(ix, rep, Start, true, "flow %q: step %s cannot be reached from the Start step")
}

func flowDeadend(ix *index, rep reporter) {
	flowReach(ix, rep, End, false, "flow %q: no End step can be reached from step %s")
}

// flowReach reports, in every flow with a step of kind from, each step not
// reached from those steps: along the edges when forward, against them
// otherwise. A flow without such a step is left to flow.start or flow.end,
// since every step would be reported. msg takes the flow's ID and the step.
func flowReach(ix *index, rep reporter, from StepKind, forward bool, msg string) {
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
				rep.at(stepKey(f, i, s, j), msg, f.ID, named(s.ID, s.Name))
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
			if n := len(g.succ(int32(j))); n < 2 {
				rep.at(stepKey(f, i, s, j), "flow %q: gateway %s has %d outgoing edge(s); a gateway needs at least two", f.ID, named(s.ID, s.Name), n)
			}
		}
	}
}

func riskDuplicate(ix *index, rep reporter) {
	first := make(map[string]int, len(ix.r.Risks))
	for i, k := range ix.r.Risks {
		if k.ID == "" {
			rep.at(key("risks", k.ID, i), "risk #%d %q has no ID", i, k.Text)
			continue
		}
		if j, ok := first[k.ID]; ok {
			rep.at(key("risks", k.ID, i), "risk %q repeats the ID of risk #%d", k.ID, j)
			continue
		}
		first[k.ID] = i
	}
}

func riskStep(ix *index, rep reporter) {
	for i, k := range ix.r.Risks {
		at := ix.riskAt(i)
		flowOK, stepOK := at.flow >= 0, at.step >= 0
		switch {
		case k.Flow == "":
			rep.at(key("risks", k.ID, i), "risk %q names no flowchart", k.ID)
		case !flowOK:
			rep.at(key("risks", k.ID, i), "risk %q names flowchart %q, which is no flow", k.ID, k.Flow)
		case k.Step == "":
			rep.at(key("risks", k.ID, i), "risk %q names no step of flow %q", k.ID, k.Flow)
		case !stepOK:
			rep.at(key("risks", k.ID, i), "risk %q names step %q, which is no step of flow %q", k.ID, k.Step, k.Flow)
		}
	}
}

// effectiveLevel is a risk's declared level or, if none is declared, the
// level DefaultMatrix gives it; 0 if neither is known.
func effectiveLevel(k *Risk) Level {
	if k.Level != 0 {
		return k.Level
	}
	if l, err := DefaultMatrix.Level(k.Likelihood, k.Impact); err == nil {
		return l
	}
	return 0
}

func riskControl(ix *index, rep reporter) {
	for i := range ix.r.Risks {
		k := &ix.r.Risks[i]
		if l := effectiveLevel(k); (l == Medium || l == High) && len(k.Controls) == 0 {
			rep.at(key("risks", k.ID, i), "risk %q at step %q of flow %q is %s (%s) but has no control", k.ID, k.Step, k.Flow, l, l.Label())
		}
	}
}

func riskLevel(ix *index, rep reporter) {
	for i := range ix.r.Risks {
		k := &ix.r.Risks[i]
		if k.Likelihood == 0 || k.Impact == 0 {
			continue
		}
		want, err := DefaultMatrix.Level(k.Likelihood, k.Impact)
		switch {
		case err != nil:
			rep.at(key("risks", k.ID, i), "risk %q: likelihood %d and impact %d must each be 1–5", k.ID, k.Likelihood, k.Impact)
		case k.Level != want:
			got := "not set"
			if k.Level != 0 {
				got = k.Level.String()
			}
			rep.at(key("risks", k.ID, i), "risk %q: likelihood %d × impact %d = %d is %s under the matrix, but its level is %s", k.ID, k.Likelihood, k.Impact, k.Likelihood*k.Impact, want, got)
		}
	}
}

func riskDecision(ix *index, rep reporter) {
	if len(ix.flows) < len(ix.r.Flows) {
		riskDecisionByID(ix, rep)
		return
	}
	// No two flows share an ID, so the steps a risk covers are those of
	// the one flow it names with the ID of the step it finds there: a
	// step is covered when the first step with its ID is.
	start := make([]int, len(ix.r.Flows)+1)
	for i := range ix.r.Flows {
		start[i+1] = start[i] + len(ix.r.Flows[i].Steps)
	}
	covered := make([]bool, start[len(ix.r.Flows)])
	for i := range ix.r.Risks {
		if at := ix.riskAt(i); at.step >= 0 {
			covered[start[at.flow]+int(at.step)] = true
		}
	}
	for i := range ix.r.Flows {
		f := &ix.r.Flows[i]
		for j := range f.Steps {
			s := &f.Steps[j]
			if s.Stage != Decision {
				continue
			}
			if first, _ := ix.flow(i).g.find(s.ID); !covered[start[i]+int(first)] {
				rep.at(stepKey(f, i, s, j), "flow %q: decision step %s has no risk point", f.ID, named(s.ID, s.Name))
			}
		}
	}
}

// riskDecisionByID is riskDecision for a register in which two flows share
// an ID: a risk covers the steps with its step ID in every flow with its
// flow ID.
func riskDecisionByID(ix *index, rep reporter) {
	type at struct{ flow, step string }
	covered := make(map[at]bool, len(ix.r.Risks))
	for _, k := range ix.r.Risks {
		covered[at{k.Flow, k.Step}] = true
	}
	for i := range ix.r.Flows {
		f := &ix.r.Flows[i]
		for j := range f.Steps {
			s := &f.Steps[j]
			if s.Stage == Decision && !covered[at{f.ID, s.ID}] {
				rep.at(stepKey(f, i, s, j), "flow %q: decision step %s has no risk point", f.ID, named(s.ID, s.Name))
			}
		}
	}
}

func sodStep(ix *index, rep reporter) {
	for i, s := range ix.r.Separations {
		p := "separations[" + strconv.Itoa(i) + "]"
		if _, ok := ix.flows[s.Flow]; !ok {
			rep.at(p, "separation #%d names flowchart %q, which is no flow", i, s.Flow)
			continue
		}
		for _, id := range s.Steps {
			if _, ok := ix.hasStep(s.Flow, id); !ok {
				rep.at(p, "separation #%d names step %q, which is no step of flow %q", i, id, s.Flow)
			}
		}
	}
}

func sodViolation(ix *index, rep reporter) {
	for _, s := range ix.r.Separations {
		fi, ok := ix.flows[s.Flow]
		if !ok {
			continue
		}
		f := &ix.r.Flows[fi]
		g := &ix.flow(fi).g
		a, okA := g.find(s.Steps[0])
		b, okB := g.find(s.Steps[1])
		if !okA || !okB || a == b {
			continue
		}
		sa, sb := &f.Steps[a], &f.Steps[b]
		if sa.Post != "" && sa.Post == sb.Post {
			why := ""
			if s.Reason != "" {
				why = ": " + s.Reason
			}
			rep.at(flowKey(f, fi), "flow %q: steps %s and %s are incompatible but post %q holds both%s", f.ID, named(sa.ID, sa.Name), named(sb.ID, sb.Name), sa.Post, why)
		}
	}
}

func respDuplicate(ix *index, rep reporter) {
	first := make(map[string]int, len(ix.r.Responsibilities))
	for i, x := range ix.r.Responsibilities {
		if x.Code == "" {
			rep.at(key("responsibilities", x.Code, i), "responsibility #%d %q has no code", i, x.Duty)
			continue
		}
		if j, ok := first[x.Code]; ok {
			rep.at(key("responsibilities", x.Code, i), "responsibility %s repeats the code of responsibility #%d", named(x.Code, x.Duty), j)
			continue
		}
		first[x.Code] = i
	}
}

func respUnit(ix *index, rep reporter) {
	for i, x := range ix.r.Responsibilities {
		if x.Unit == "" {
			rep.at(key("responsibilities", x.Code, i)+".unit", "responsibility %s names no responsible unit", named(x.Code, x.Duty))
		} else if _, ok := ix.units[x.Unit]; !ok {
			rep.at(key("responsibilities", x.Code, i)+".unit", "responsibility %s names unit %q, which is no unit", named(x.Code, x.Duty), x.Unit)
		}
	}
}

func respPower(ix *index, rep reporter) {
	for i, x := range ix.r.Responsibilities {
		for j, code := range x.Powers {
			if _, ok := ix.powers[code]; !ok {
				rep.at(key("responsibilities", x.Code, i)+".powers["+strconv.Itoa(j)+"]", "responsibility %s names power %q, which is not on the power list", named(x.Code, x.Duty), code)
			}
		}
	}
}
