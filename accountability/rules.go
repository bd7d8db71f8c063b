package accountability

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/qingdan/qingdan/internal/errtext"
)

// Rules returns the built-in rules, in the order [Register.Validate] runs
// them. Every one reports an [Error] except risk.decision, which reports a
// [Warning]. Each call returns fresh values, safe to run concurrently.
//
// Each line below is a rule's Name and the rest of its Doc (a test keeps
// them in step):
//
//	unit.required     a unit with no ID, an ID longer than MaxKeyBytes, an ID not written one way (white space at an end, a control or invisible character), or no Kind, or a Kind that is no named value
//	unit.duplicate    two units with one ID
//	unit.parent       a Parent that names no unit, or a cycle of Parents (a unit its own parent; the message lists the cycle's units)
//	unit.creditcode   a unit's CreditCode that is no sound unified social credit code (GB 32100-2015)
//	unit.division     a unit's Division that is no administrative-division code of 6 or 12 digits
//	power.required    a power with no Code, a Code longer than MaxKeyBytes, no Category, a negative limit, or a Category, basis Kind or duty Stage that is no named value
//	power.duplicate   two powers with one Code
//	power.parent      a Parent that names no power, the power itself, or a sub-item
//	power.subject     a Subject that names no unit
//	power.basis       a power with no legal basis (实施依据), or a basis that names no law
//	power.duties      a power with no responsibility items (责任事项)
//	power.flow        a Flow that names no flowchart
//	power.promised    a promised limit (承诺时限) longer than the statutory one (法定时限)
//	power.grant       a grant (赋权) that names no granting body, or a partial grant whose Scope does not say which part
//	power.limit       a flowchart whose critical path takes more working days than the power's promised (else statutory) limit
//	flow.required     a flow or step with no ID or an ID longer than MaxKeyBytes, a step with no Kind, or a step Kind or Stage that is no named value
//	flow.duplicate    two flows with one ID, or two steps of a flow with one ID
//	flow.edge         an edge whose end names no step of its flow
//	flow.cycle        a cycle in a flowchart (the message lists its steps)
//	flow.start        a flowchart without exactly one Start step
//	flow.end          a flowchart with no End step
//	flow.unreachable  a step that the Start step cannot reach
//	flow.deadend      a step other than End from which no End step can be reached
//	flow.gateway      a Gateway whose outgoing edges lead to fewer than two distinct steps (edges to one step are one way out)
//	risk.duplicate    two risks with one ID, a risk with no ID, or an ID longer than MaxKeyBytes
//	risk.step         a risk whose Flow or Step names nothing
//	risk.control      a Medium or High risk with no control (one with blank Text is none)
//	risk.level        a Level that is no named value or disagrees with the default Matrix (only where Likelihood and Impact are both given), or a Likelihood or Impact outside 1–5
//	risk.decision     a Decision-stage step with no risk point
//	sod.duplicate     two separations of one flow's same two steps (named in either order)
//	sod.step          a separation whose Flow or Steps name nothing, or one step twice
//	sod.violation     both steps of a Separation (不相容岗位) held by one Post (compared after trimming spaces)
//	resp.duplicate    two responsibilities with one Code, one with no Code, or a Code longer than MaxKeyBytes
//	resp.unit         a responsibility whose Unit names no unit
//	resp.power        a responsibility that names an unknown power
func Rules() []Rule {
	return builtinRules(newIndex)
}

// MaxKeyBytes is the longest key (an ID or a code) that findings and
// changes name an entry by. An entry with a longer key is named, like one
// with none, by its position in its list (`flows[#3]`, "flow #3"), so that
// the findings about its steps, bases or duties, each of which names it,
// do not each repeat the key; the rule that reports an entry with no key
// reports it once, its key cut.
const MaxKeyBytes = 256

// positional reports whether an entry of key id is named by its position:
// its key is empty or longer than MaxKeyBytes.
func positional(id string) bool { return id == "" || len(id) > MaxKeyBytes }

// key locates an item of a list by its key, or by its position, counting
// from 0, if the key is empty or longer than MaxKeyBytes: units[O1],
// units[#3].
func key(list, id string, i int) string {
	if positional(id) {
		return list + "[#" + strconv.Itoa(i) + "]"
	}
	return list + "[" + id + "]"
}

// named quotes an ID and adds a name if there is one: "O1" (城市管理办).
// An entry with no ID is named by its position i in its list, as its
// path locates it: #3 (城市管理办).
func named(id, name string, i int) string {
	return ref(id, i) + errtext.Aside(name, false)
}

// ref names an entry in a message by its quoted key, "F1", or, if the key
// is empty or longer than MaxKeyBytes, by its position i in its list, #3,
// as its path locates it.
func ref(id string, i int) string {
	if positional(id) {
		return "#" + strconv.Itoa(i)
	}
	return strconv.Quote(id)
}

// entryKind names a kind of entry of a register in findings, in English
// and in Chinese, with the word for its key (ID 编号, code 编码) and the
// list that holds it.
type entryKind struct{ list, en, zh, key, keyZh string }

var (
	unitEntry  = entryKind{"units", "unit", "单位", "ID", "编号"}
	powerEntry = entryKind{"powers", "power", "权力", "code", "编码"}
	respEntry  = entryKind{"responsibilities", "responsibility", "职责", "code", "编码"}
	flowEntry  = entryKind{"flows", "flow", "流程图", "ID", "编号"}
	riskEntry  = entryKind{"risks", "risk", "廉政风险点", "ID", "编号"}
)

// noKey reports entry i, named name, which has no key.
func (k entryKind) noKey(rep reporter, i int, name string) {
	rep.at(key(k.list, "", i),
		fmt.Sprintf("%s #%d %q has no %s", k.en, i, name, k.key),
		fmt.Sprintf("%s #%d %q 未填写%s", k.zh, i, name, k.keyZh))
}

// longKey reports entry i, named name, whose key id is longer than
// MaxKeyBytes, naming the key cut.
func (k entryKind) longKey(rep reporter, i int, id, name string) {
	rep.at(key(k.list, id, i),
		fmt.Sprintf("%s %s has the %s %s, longer than %d bytes (MaxKeyBytes): findings name it by its position", k.en, named(id, name, i), k.key, errtext.Quote(id), MaxKeyBytes),
		fmt.Sprintf("%s%s的%s %s 超过 %d 字节（MaxKeyBytes），检查结果按位置称呼它", k.zh, namedZh(id, name, i), k.keyZh, errtext.Quote(id), MaxKeyBytes))
}

// repeats reports entry i, id (name), whose key entry first (firstName)
// has.
func (k entryKind) repeats(rep reporter, i int, id, name string, first int, firstName string) {
	at, atZh := nth(k.en, k.zh, first, firstName)
	rep.at(key(k.list, id, i),
		fmt.Sprintf("%s %s repeats the %s of %s", k.en, named(id, name, i), k.key, at),
		fmt.Sprintf("%s%s与%s%s重复", k.zh, namedZh(id, name, i), atZh, k.keyZh))
}

// nth names entry j, of kind en (zh), by its position, as a path does
// (units[#1]), and its name if it has one: unit #1 (党政办公室), 单位 #1
// （党政办公室）; unit #1, 单位 #1 without one. Where a finding's entry
// repeats the key of entry j, the key is no way to tell j from it. The
// name is cut as errtext.Cut cuts it: every entry that repeats j's key
// names j, and a long name repeated so would make findings of a size
// quadratic in the register's.
func nth(en, zh string, j int, name string) (string, string) {
	n := " #" + strconv.Itoa(j)
	if name == "" {
		return en + n, zh + n + " "
	}
	name = errtext.Cut(name)
	return en + n + errtext.Aside(name, false), zh + n + errtext.Aside(name, true)
}

// whose names entry i, id (name), in English and in Chinese: power
// "CF-001" (名称), 权力名称（CF-001）; by its position if id is empty:
// power #3 (名称), 权力 #3（名称）.
func (k entryKind) whose(i int, id, name string) (en, zh string) {
	return k.en + " " + named(id, name, i), k.zh + namedZh(id, name, i)
}

// at reports a finding at field of entry i, id (name), or at the entry
// when field is empty: en and zh are the formats, of args, of what follows
// the entry's name in English and in Chinese ("has no kind", "未填写类别").
func (k entryKind) at(rep reporter, i int, id, name, field, en, zh string, args ...any) {
	path := key(k.list, id, i)
	if field != "" {
		path += "." + field
	}
	whose, whoseZh := k.whose(i, id, name)
	rep.at(path,
		fmt.Sprintf("%s "+en, append([]any{whose}, args...)...),
		fmt.Sprintf("%s"+zh, append([]any{whoseZh}, args...)...))
}

// uniqueKeys reports each of the n entries of k's list whose key, the id
// that entry(i) returns with its name, is empty (as noKey does) or that of
// an earlier entry j (with repeated(i, j)).
func (k entryKind) uniqueKeys(rep reporter, n int, entry func(i int) (id, name string), repeated func(i, j int)) {
	first := make(map[string]int, n)
	for i := range n {
		id, name := entry(i)
		if id == "" {
			k.noKey(rep, i, name)
			continue
		}
		if len(id) > MaxKeyBytes {
			k.longKey(rep, i, id, name)
		}
		if j, seen := first[id]; seen {
			repeated(i, j)
		} else {
			first[id] = i
		}
	}
}

// unit checks the unit that field (fieldZh) of entry i, id (name),
// names: an empty one, if missing is set, it reports as missing (in
// Chinese missingZh), and one that is no unit of the register as such.
func (k entryKind) unit(ix *index, rep reporter, i int, id, name, field, fieldZh, unit, missing, missingZh string) {
	if unit == "" {
		if missing != "" {
			k.at(rep, i, id, name, field, missing, missingZh)
		}
		return
	}
	if _, ok := ix.units[unit]; !ok {
		rep.at(key(k.list, id, i)+"."+field,
			fmt.Sprintf("%s %s names %s %q, which is no unit", k.en, named(id, name, i), field, unit),
			fmt.Sprintf("%s%s的%s %q 不是登记的单位", k.zh, namedZh(id, name, i), fieldZh, unit))
	}
}

// reporter reports findings of one built-in rule.
type reporter struct {
	rule   string
	sev    Severity
	report func(Finding)
}

// at reports a finding at path with its message in English and in Chinese,
// both built by the rule from the same figures.
func (rep reporter) at(path, en, zh string) {
	rep.report(Finding{Rule: rep.rule, Severity: rep.sev, Path: path, Message: en, Chinese: zh})
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
		mk("unit.required", Error, "unit.required: a unit with no ID, an ID longer than MaxKeyBytes, an ID not written one way (white space at an end, a control or invisible character), or no Kind, or a Kind that is no named value", unitRequired),
		mk("unit.duplicate", Error, "unit.duplicate: two units with one ID", unitDuplicate),
		mk("unit.parent", Error, "unit.parent: a Parent that names no unit, or a cycle of Parents (a unit its own parent; the message lists the cycle's units)", unitParent),
		mk("unit.creditcode", Error, "unit.creditcode: a unit's CreditCode that is no sound unified social credit code (GB 32100-2015)", unitCreditCode),
		mk("unit.division", Error, "unit.division: a unit's Division that is no administrative-division code of 6 or 12 digits", unitDivision),
		mk("power.required", Error, "power.required: a power with no Code, a Code longer than MaxKeyBytes, no Category, a negative limit, or a Category, basis Kind or duty Stage that is no named value", powerRequired),
		mk("power.duplicate", Error, "power.duplicate: two powers with one Code", powerDuplicate),
		mk("power.parent", Error, "power.parent: a Parent that names no power, the power itself, or a sub-item", powerParent),
		mk("power.subject", Error, "power.subject: a Subject that names no unit", powerSubject),
		mk("power.basis", Error, "power.basis: a power with no legal basis (实施依据), or a basis that names no law", powerBasis),
		mk("power.duties", Error, "power.duties: a power with no responsibility items (责任事项)", powerDuties),
		mk("power.flow", Error, "power.flow: a Flow that names no flowchart", powerFlow),
		mk("power.promised", Error, "power.promised: a promised limit (承诺时限) longer than the statutory one (法定时限)", powerPromised),
		mk("power.grant", Error, "power.grant: a grant (赋权) that names no granting body, or a partial grant whose Scope does not say which part", powerGrant),
		mk("power.limit", Error, "power.limit: a flowchart whose critical path takes more working days than the power's promised (else statutory) limit", powerLimit),
		mk("flow.required", Error, "flow.required: a flow or step with no ID or an ID longer than MaxKeyBytes, a step with no Kind, or a step Kind or Stage that is no named value", flowRequired),
		mk("flow.duplicate", Error, "flow.duplicate: two flows with one ID, or two steps of a flow with one ID", flowDuplicate),
		mk("flow.edge", Error, "flow.edge: an edge whose end names no step of its flow", flowEdge),
		mk("flow.cycle", Error, "flow.cycle: a cycle in a flowchart (the message lists its steps)", flowCycle),
		mk("flow.start", Error, "flow.start: a flowchart without exactly one Start step", flowStart),
		mk("flow.end", Error, "flow.end: a flowchart with no End step", flowEnd),
		mk("flow.unreachable", Error, "flow.unreachable: a step that the Start step cannot reach", flowUnreachable),
		mk("flow.deadend", Error, "flow.deadend: a step other than End from which no End step can be reached", flowDeadend),
		mk("flow.gateway", Error, "flow.gateway: a Gateway whose outgoing edges lead to fewer than two distinct steps (edges to one step are one way out)", flowGateway),
		mk("risk.duplicate", Error, "risk.duplicate: two risks with one ID, a risk with no ID, or an ID longer than MaxKeyBytes", riskDuplicate),
		mk("risk.step", Error, "risk.step: a risk whose Flow or Step names nothing", riskStep),
		mk("risk.control", Error, "risk.control: a Medium or High risk with no control (one with blank Text is none)", riskControl),
		mk("risk.level", Error, "risk.level: a Level that is no named value or disagrees with the default Matrix (only where Likelihood and Impact are both given), or a Likelihood or Impact outside 1–5", riskLevel),
		mk("risk.decision", Warning, "risk.decision: a Decision-stage step with no risk point", riskDecision),
		mk("sod.duplicate", Error, "sod.duplicate: two separations of one flow's same two steps (named in either order)", sodDuplicate),
		mk("sod.step", Error, "sod.step: a separation whose Flow or Steps name nothing, or one step twice", sodStep),
		mk("sod.violation", Error, "sod.violation: both steps of a Separation (不相容岗位) held by one Post (compared after trimming spaces)", sodViolation),
		mk("resp.duplicate", Error, "resp.duplicate: two responsibilities with one Code, one with no Code, or a Code longer than MaxKeyBytes", respDuplicate),
		mk("resp.unit", Error, "resp.unit: a responsibility whose Unit names no unit", respUnit),
		mk("resp.power", Error, "resp.power: a responsibility that names an unknown power", respPower),
	}
}

func powerRequired(ix *index, rep reporter) {
	for i := range ix.r.Powers {
		p := &ix.r.Powers[i]
		if p.Code == "" {
			powerEntry.noKey(rep, i, p.Name)
		} else if len(p.Code) > MaxKeyBytes {
			powerEntry.longKey(rep, i, p.Code, p.Name)
		}
		if p.Category == 0 {
			powerEntry.at(rep, i, p.Code, p.Name, "category", "has no category", "未填写权力类型")
		}
		unnamedPower(rep, i, p)
		if p.StatutoryDays < 0 {
			powerEntry.at(rep, i, p.Code, p.Name, "statutoryDays",
				"has a negative statutory limit of %d working days",
				"的法定时限为负数（%d 个工作日）", p.StatutoryDays)
		}
		if p.PromisedDays < 0 {
			powerEntry.at(rep, i, p.Code, p.Name, "promisedDays",
				"has a negative promised limit of %d working days",
				"的承诺时限为负数（%d 个工作日）", p.PromisedDays)
		}
	}
}

func powerDuplicate(ix *index, rep reporter) {
	if !ix.powersShared {
		return // no two powers share a code
	}
	for i := range ix.r.Powers {
		p := &ix.r.Powers[i]
		if first := ix.powers[p.Code]; first != i && p.Code != "" {
			powerEntry.repeats(rep, i, p.Code, p.Name, first, ix.r.Powers[first].Name)
		}
	}
}

func powerSubject(ix *index, rep reporter) {
	for i := range ix.r.Powers {
		p := &ix.r.Powers[i]
		powerEntry.unit(ix, rep, i, p.Code, p.Name, "subject", "实施主体", p.Subject, "has no subject (实施主体)", "未填写实施主体")
	}
}

func powerBasis(ix *index, rep reporter) {
	for i := range ix.r.Powers {
		p := &ix.r.Powers[i]
		if len(p.Basis) == 0 {
			powerEntry.at(rep, i, p.Code, p.Name, "basis", "has no legal basis (实施依据)", "未填写实施依据")
		}
		for j, b := range p.Basis {
			if strings.TrimSpace(b.Law) == "" {
				rep.at(key("powers", p.Code, i)+".basis["+strconv.Itoa(j)+"]",
					fmt.Sprintf("power %s: basis #%d names no law", named(p.Code, p.Name, i), j),
					fmt.Sprintf("权力%s的依据 #%d 未写明法律法规名称", namedZh(p.Code, p.Name, i), j))
			}
		}
	}
}

func powerDuties(ix *index, rep reporter) {
	for i := range ix.r.Powers {
		p := &ix.r.Powers[i]
		if len(p.Duties) == 0 {
			powerEntry.at(rep, i, p.Code, p.Name, "duties", "has no responsibility items (责任事项)", "未列责任事项")
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
			powerEntry.at(rep, i, p.Code, p.Name, "flow", "names flowchart %q, which is no flow", "所列流程图 %q 不存在", p.Flow)
		}
	}
}

func powerPromised(ix *index, rep reporter) {
	for i := range ix.r.Powers {
		p := &ix.r.Powers[i]
		if p.PromisedDays > 0 && p.StatutoryDays > 0 && p.PromisedDays > p.StatutoryDays {
			powerEntry.at(rep, i, p.Code, p.Name, "promisedDays",
				"promises %d working days, longer than its statutory limit of %d",
				"的承诺时限 %d 个工作日，超过法定时限 %d 个工作日", p.PromisedDays, p.StatutoryDays)
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
			powerEntry.at(rep, i, p.Code, p.Name, "grant", "is held by grant (赋权) but names no granting body", "为赋权事项，但未写明赋权机关")
		}
		if g.Partial && strings.TrimSpace(g.Scope) == "" {
			powerEntry.at(rep, i, p.Code, p.Name, "grant", "is granted in part but its Scope does not say which part", "为部分赋权，但未写明赋予哪一部分")
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
		which, whichZh := "promised", "承诺时限"
		if p.PromisedDays <= 0 {
			which, whichZh = "statutory", "法定时限"
		}
		rep.at(key("powers", p.Code, i)+".flow",
			fmt.Sprintf("power %s: flowchart %q takes %d working days on its critical path, more than the %s limit of %d", named(p.Code, p.Name, i), p.Flow, days, which, limit),
			fmt.Sprintf("权力%s的流程图 %q 关键路径需 %d 个工作日，超过%s %d 个工作日", namedZh(p.Code, p.Name, i), p.Flow, days, whichZh, limit))
	}
}
