package accountability

import (
	"fmt"
	"strings"

	"github.com/qingdan/qingdan/internal/errtext"
)

// The risk.* and sod.* rules: integrity risk points (廉政风险点) and
// incompatible posts (不相容岗位).

func riskDuplicate(ix *index, rep reporter) {
	rs := ix.r.Risks
	riskEntry.uniqueKeys(rep, len(rs), func(i int) (string, string) { return rs[i].ID, rs[i].Text }, func(i, j int) {
		at, atZh := nth("risk", "廉政风险点", j, "") // risks go by their IDs alone
		rep.at(key("risks", rs[i].ID, i),
			fmt.Sprintf("risk %q repeats the ID of %s", rs[i].ID, at),
			fmt.Sprintf("廉政风险点 %q 与%s编号重复", rs[i].ID, atZh))
	})
}

func riskStep(ix *index, rep reporter) {
	for i, k := range ix.r.Risks {
		at := ix.riskAt(i)
		flowOK, stepOK := at.flow >= 0, at.step >= 0
		p, n := key("risks", k.ID, i), ref(k.ID, i)
		switch {
		case k.Flow == "":
			rep.at(p,
				fmt.Sprintf("risk %s names no flowchart", n),
				fmt.Sprintf("廉政风险点 %s 未写明流程图", n))
		case !flowOK:
			rep.at(p,
				fmt.Sprintf("risk %s names flowchart %q, which is no flow", n, k.Flow),
				fmt.Sprintf("廉政风险点 %s 所列流程图 %q 不存在", n, k.Flow))
		case k.Step == "":
			rep.at(p,
				fmt.Sprintf("risk %s names no step of flow %q", n, k.Flow),
				fmt.Sprintf("廉政风险点 %s 未写明在流程图 %q 的哪个环节", n, k.Flow))
		case !stepOK:
			rep.at(p,
				fmt.Sprintf("risk %s names step %q, which is no step of flow %q", n, k.Step, k.Flow),
				fmt.Sprintf("廉政风险点 %s 所列环节 %q 不是流程图 %q 的环节", n, k.Step, k.Flow))
		}
	}
}

// effectiveLevel is a risk's declared level or, if none is declared, the
// level the default (zero) Matrix gives it; 0 if neither is known. A
// Level that is none of the levels (Level(9), which risk.level reports)
// is none declared.
func effectiveLevel(k *Risk) Level {
	if levels.Named(k.Level) {
		return k.Level
	}
	if l, err := (Matrix{}).Level(k.Likelihood, k.Impact); err == nil {
		return l
	}
	return 0
}

// controlled reports whether k has a control measure: a control whose
// Text is blank says no measure.
func controlled(k *Risk) bool {
	for _, c := range k.Controls {
		if strings.TrimSpace(c.Text) != "" {
			return true
		}
	}
	return false
}

func riskControl(ix *index, rep reporter) {
	for i := range ix.r.Risks {
		k := &ix.r.Risks[i]
		if l := effectiveLevel(k); (l == Medium || l == High) && !controlled(k) {
			rep.at(key("risks", k.ID, i),
				fmt.Sprintf("risk %s at step %q of flow %q is %s (%s) but has no control", ref(k.ID, i), k.Step, k.Flow, l, l.Label()),
				fmt.Sprintf("流程图 %q 环节 %q 的廉政风险点 %s 风险等级为%s，但没有防控措施", k.Flow, k.Step, ref(k.ID, i), l.Label()))
		}
	}
}

func riskLevel(ix *index, rep reporter) {
	for i := range ix.r.Risks {
		k := &ix.r.Risks[i]
		n := ref(k.ID, i)
		if unnamed(levels, k.Level) {
			reportUnnamed(rep, int(k.Level), key("risks", k.ID, i)+".level", "risk "+n, "廉政风险点 "+n+" ", "risk level", "风险等级")
		}
		// A level that is none of the levels is reported once, above, as
		// such, not again as the wrong one.
		unknown := k.Level != 0 && !levels.Named(k.Level)
		if k.Likelihood == 0 || k.Impact == 0 {
			// One not assessed: the other, if given, must still be 1–5.
			for _, x := range []struct {
				v      int
				en, zh string
			}{{k.Likelihood, "likelihood", "发生可能性"}, {k.Impact, "impact", "影响程度"}} {
				if x.v != 0 && (x.v < 1 || x.v > 5) {
					rep.at(key("risks", k.ID, i),
						fmt.Sprintf("risk %s: %s %d must be 1–5 (0 if not assessed)", n, x.en, x.v),
						fmt.Sprintf("廉政风险点 %s 的%s %d 应在 1–5 之间（未评估为 0）", n, x.zh, x.v))
				}
			}
			continue
		}
		want, err := Matrix{}.Level(k.Likelihood, k.Impact)
		switch {
		case err != nil:
			rep.at(key("risks", k.ID, i),
				fmt.Sprintf("risk %s: likelihood %d and impact %d must each be 1–5", n, k.Likelihood, k.Impact),
				fmt.Sprintf("廉政风险点 %s 的发生可能性 %d、影响程度 %d 均应在 1–5 之间", n, k.Likelihood, k.Impact))
		case k.Level != want && !unknown:
			got, gotZh := "not set", "但未填写风险等级"
			if k.Level != 0 {
				got, gotZh = k.Level.String(), "但所填风险等级为"+k.Level.Label()
			}
			rep.at(key("risks", k.ID, i),
				fmt.Sprintf("risk %s: likelihood %d × impact %d = %d is %s under the matrix, but its level is %s", n, k.Likelihood, k.Impact, k.Likelihood*k.Impact, want, got),
				fmt.Sprintf("廉政风险点 %s 发生可能性 %d × 影响程度 %d = %d，按风险矩阵为%s，%s", n, k.Likelihood, k.Impact, k.Likelihood*k.Impact, want.Label(), gotZh))
		}
	}
}

// noDecisionRisk reports a decision step with no risk point.
func noDecisionRisk(rep reporter, f *Flow, i int, s *Step, j int) {
	rep.at(stepKey(f, i, s, j),
		fmt.Sprintf("flow %s: decision step %s has no risk point", ref(f.ID, i), named(s.ID, s.Name, j)),
		fmt.Sprintf("流程图 %s 的决定环节%s没有廉政风险点", ref(f.ID, i), namedZh(s.ID, s.Name, j)))
}

func riskDecision(ix *index, rep reporter) {
	if ix.flowsShared {
		riskDecisionByID(ix, rep)
		return
	}
	// No two flows share an ID, so the step a risk covers is the first
	// with the ID it names in the one flow it names (none if it leaves
	// either empty). A step repeating an earlier one's ID is passed over
	// (flow.duplicate reports it).
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
		g := &ix.flow(i).g
		for j := range f.Steps {
			if s := &f.Steps[j]; s.Stage == Decision && !g.isDup(j) && !covered[start[i]+j] {
				noDecisionRisk(rep, f, i, s, j)
			}
		}
	}
}

// riskDecisionByID is riskDecision for a register in which two flows share
// an ID: a risk covers the steps with its step ID in every flow with its
// flow ID. A step repeating an earlier one's ID in its flow is passed over.
// A risk that leaves its Flow or Step empty covers nothing, not a step with
// no ID of a flow with none.
func riskDecisionByID(ix *index, rep reporter) {
	type at struct{ flow, step string }
	covered := make(map[at]bool, len(ix.r.Risks))
	for _, k := range ix.r.Risks {
		if k.Flow != "" && k.Step != "" {
			covered[at{k.Flow, k.Step}] = true
		}
	}
	for i := range ix.r.Flows {
		f := &ix.r.Flows[i]
		g := &ix.flow(i).g
		for j := range f.Steps {
			s := &f.Steps[j]
			if s.Stage == Decision && !g.isDup(j) && !covered[at{f.ID, s.ID}] {
				noDecisionRisk(rep, f, i, s, j)
			}
		}
	}
}

// sepKey locates separation i, s, by its key (separations[F1:c,i]), or
// by position if it names neither flow nor steps; sepNamed names it in a
// finding's message, by key or by position likewise.
func sepKey(s Separation, i int) string { return key("separations", sepID(s), i) }

func sepNamed(s Separation, i int) string { return ref(sepID(s), i) }

// sepID is the separation's key, or "" if it names neither flow nor steps.
func sepID(s Separation) string {
	if s.Flow == "" && s.Steps == [2]string{} {
		return ""
	}
	return s.key()
}

// sodDuplicate reports each separation that repeats the key of an
// earlier one; sod.step and sod.violation check the first alone, so that
// a fault of both is reported once.
func sodDuplicate(ix *index, rep reporter) {
	for i, s := range ix.r.Separations {
		if j := ix.sepFirst(i); j != i {
			n := sepNamed(s, i)
			at, atZh := nth("separation", "不相容岗位", j, "")
			rep.at(sepKey(s, i),
				fmt.Sprintf("separation %s repeats the flow and steps of %s", n, at),
				fmt.Sprintf("不相容岗位 %s 与%s的流程图和环节重复", n, atZh))
		}
	}
}

func sodStep(ix *index, rep reporter) {
	for i, s := range ix.r.Separations {
		if ix.sepFirst(i) != i {
			continue // a repeat: sod.duplicate
		}
		p, n := sepKey(s, i), sepNamed(s, i)
		if s.Flow == "" {
			rep.at(p,
				fmt.Sprintf("separation %s names no flowchart", n),
				fmt.Sprintf("不相容岗位 %s 未写明流程图", n))
			continue
		}
		if _, ok := ix.flows[s.Flow]; !ok {
			rep.at(p,
				fmt.Sprintf("separation %s names flowchart %q, which is no flow", n, s.Flow),
				fmt.Sprintf("不相容岗位 %s 所列流程图 %q 不存在", n, s.Flow))
			continue
		}
		if s.Steps == [2]string{} {
			rep.at(p,
				fmt.Sprintf("separation %s names no steps: it needs the two steps that must not be held by one post", n),
				fmt.Sprintf("不相容岗位 %s 未列出环节：应列出不得由同一岗位承担的两个环节", n))
			continue
		}
		if s.Steps[0] == s.Steps[1] {
			rep.at(p,
				fmt.Sprintf("separation %s names step %q twice: a step is not incompatible with itself", n, s.Steps[0]),
				fmt.Sprintf("不相容岗位 %s 两次列出环节 %q：一个环节不与自身不相容", n, s.Steps[0]))
			continue
		}
		for _, id := range s.Steps {
			if _, ok := ix.hasStep(s.Flow, id); !ok {
				rep.at(p,
					fmt.Sprintf("separation %s names step %q, which is no step of flow %q", n, id, s.Flow),
					fmt.Sprintf("不相容岗位 %s 所列环节 %q 不是流程图 %q 的环节", n, id, s.Flow))
			}
		}
	}
}

// sodViolation reports each separation whose two steps one post holds,
// at the separation's path: posts are names, compared after trimming
// spaces as [Template.Check] compares names, and a blank post is none.
func sodViolation(ix *index, rep reporter) {
	for i, s := range ix.r.Separations {
		fi, ok := ix.flows[s.Flow]
		if !ok || ix.sepFirst(i) != i {
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
		if post := strings.TrimSpace(sa.Post); post != "" && post == strings.TrimSpace(sb.Post) {
			why, whyZh := "", ""
			if s.Reason != "" {
				why, whyZh = ": "+s.Reason, "："+s.Reason
			}
			// The steps' names and post, which every separation of a step
			// names, are cut as errtext.Cut and errtext.Quote cut them.
			nameA, nameB, post := errtext.Cut(sa.Name), errtext.Cut(sb.Name), errtext.Quote(post)
			rep.at(sepKey(s, i),
				fmt.Sprintf("flow %s: steps %s and %s are incompatible but post %s holds both%s", ref(f.ID, fi), named(sa.ID, nameA, int(a)), named(sb.ID, nameB, int(b)), post, why),
				fmt.Sprintf("流程图 %s 的环节%s和%s为不相容岗位，却都由岗位 %s 承担%s", ref(f.ID, fi), namedZh(sa.ID, nameA, int(a)), namedZh(sb.ID, nameB, int(b)), post, whyZh))
		}
	}
}
