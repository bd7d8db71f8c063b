package main

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/qingdan/qingdan/matters"
)

// layout places a plan's events at working-time offsets from its report:
// the report (by the sub-district's grid workers, or by the hotline), the
// whistle and dispatch (or the hotline's own dispatch, after the
// sub-district hands back work not on its admission lists), the answers,
// the requests and their decisions, the stages, the resolution, the reply
// to the citizen, the return visit, the reopening, the close.
func (p *plan) layout(w *world) {
	var s []step
	add := func(off time.Duration, kind matters.Kind, actor string, units []string, note string) {
		s = append(s, step{off: off, kind: kind, actor: actor, units: units, note: note})
	}
	hotline := w.city.Hotline.ID
	owner := p.owner(hotline)
	switch {
	case p.assigned:
		s = append(s, step{kind: matters.Report, actor: hotline, note: "91580 热线受理：" + p.sample})
	case p.hotline:
		s = append(s, step{kind: matters.Report, actor: hotline, units: []string{p.street}, note: "91580 热线转派街道：" + p.sample, supervisor: w.supervisorOf(p.street)})
	default:
		s = append(s, step{kind: matters.Report, actor: p.street, units: []string{p.street}, note: p.sample, supervisor: w.supervisorOf(p.street)})
	}
	// Fixed small delays keep the layout a pure function of the plan.
	at := 17 * time.Minute
	dispatchNote := "按基层治理事项清单派单"
	switch {
	case p.sentBack:
		reason := w.adm.Admit(matters.Request{Title: p.typ.Type, From: hotline}).Reason
		add(at, matters.Return, p.street, nil, reason)
		at += 11 * time.Minute
		add(at, matters.Approve, hotline, nil, "核实不属街道准入事项，热线收回")
		at += 9 * time.Minute
		dispatchNote = "热线按基层治理事项清单改派部门"
	case p.assigned:
		at += 9 * time.Minute
		dispatchNote = "热线按基层治理事项清单直派部门"
	default:
		add(at, matters.Whistle, p.street, nil, "网格化服务管理中心上传平台吹哨")
		at += 9 * time.Minute
		if len(p.units) > 1 {
			dispatchNote = "街道党工委统筹，牵头与配合部门联合处置"
		}
	}
	add(at, matters.Dispatch, owner, p.units, dispatchNote)
	d := at
	if p.returned {
		at += p.respond[0]/2 + time.Minute
		add(at, matters.Return, p.units[0], nil, "认为不属于本单位职责，申请退单")
		add(at+23*time.Minute, matters.Deny, owner, nil, "经核定属该单位职责，不予退单")
	}
	var lastAccept time.Duration
	for i, u := range p.units {
		off := d + p.respond[i]
		lastAccept = max(lastAccept, off)
		note := "应哨报到，配合处置"
		if i == 0 {
			note = "应哨报到，牵头处置"
		}
		add(off, matters.Accept, u, nil, note)
	}
	limit := time.Duration(p.route.ResolveDays) * 24 * time.Hour
	if limit <= 0 {
		limit = 5 * 24 * time.Hour
	}
	active := max(limit*time.Duration(p.lateFactor)/100, lastAccept-d+time.Hour).Truncate(time.Minute)
	// The lead asks to suspend a third of the way through; the owner
	// decides 20 minutes later, and a granted suspension stops the clock
	// from then until the lead resumes. wall maps active time after the
	// dispatch to an offset, skipping a granted pause.
	const decide = 20 * time.Minute
	suspendAt, stopped := time.Duration(-1), time.Duration(-1)
	if p.suspend != "" {
		suspendAt = (lastAccept - d + (active-(lastAccept-d))/3).Truncate(time.Minute)
		stopped = suspendAt + decide
	}
	wall := func(a time.Duration) time.Duration {
		if stopped >= 0 && !p.denied && a > stopped {
			return d + a + p.pause
		}
		return d + a
	}
	if suspendAt >= 0 {
		add(d+suspendAt, matters.Suspend, p.units[0], nil, p.suspend)
		if p.denied {
			add(d+stopped, matters.Deny, owner, nil, "理由不充分，不同意挂起，请按时限办理")
		} else {
			add(d+stopped, matters.Approve, owner, nil, "情况属实，同意挂起")
			add(d+stopped+p.pause, matters.Resume, p.units[0], nil, "恢复处置")
		}
	}
	for i := 1; i <= p.stages; i++ {
		a := (lastAccept - d) + (active-(lastAccept-d))*time.Duration(i)/time.Duration(p.stages+1)
		a = a.Truncate(time.Minute)
		if suspendAt >= 0 && a >= suspendAt && a <= stopped {
			a = stopped + time.Minute
		}
		add(wall(a), matters.Progress, owner, nil, fmt.Sprintf("第 %d 阶段评价", i)) // 由街道分时段给出等次评价
	}
	// A late lead asks for more days before its deadline — when half its
	// limit is gone, after its answer and any suspension; the owner
	// decides half an hour later.
	if p.extendDays > 0 {
		ask := max(limit/2, lastAccept-d+time.Minute, stopped+2*time.Minute).Truncate(time.Minute)
		if ask+45*time.Minute < active {
			s = append(s, step{off: wall(ask), kind: matters.Extend, actor: p.units[0], days: p.extendDays,
				note: fmt.Sprintf("情况复杂，申请延期 %d 个工作日", p.extendDays)})
			if p.extended {
				add(wall(ask+30*time.Minute), matters.Approve, owner, nil, "确需延期，同意")
			} else {
				add(wall(ask+30*time.Minute), matters.Deny, owner, nil, "应在时限内办结，不同意延期")
			}
		}
	}
	at = wall(active)
	add(at, matters.Resolve, p.units[0], nil, "办结")
	visitor := p.street // who asks the citizen: the hotline asks about what it brought
	if p.hotline {
		visitor = hotline
	}
	// replier answers the citizen of a hotline matter point to point: the
	// sub-district that owns it, or the lead of one the hotline owns.
	replier := p.street
	if owner == hotline {
		replier = p.units[0]
	}
	reply := func() {
		if p.hotline {
			at += time.Hour
			add(at, matters.Reply, replier, nil, "点对点答复：已将办理结果告知来电市民")
		}
	}
	if !p.open {
		reply()
		// The citizen answers two questions: satisfied, and solved (解决).
		// A problem sent back is not solved; otherwise the citizen says it
		// is when satisfied or when the sub-district judged the lead's
		// work good (quality 4 or 5): some are dissatisfied with a problem
		// solved.
		answer := func(ok, solved, late bool) {
			at += 26 * time.Hour
			if late {
				at += 70 * time.Hour // past the two working days the catalog allows
			}
			n := "回访：满意"
			if !ok {
				n = "回访：不满意"
			}
			if p.hotline {
				n = "91580 点对点" + n
			}
			s = append(s, step{off: at, kind: matters.Feedback, actor: visitor, note: n, satisfied: &ok, solved: &solved})
		}
		if p.reopen {
			answer(false, false, false)
			at += 2 * time.Hour
			reopener := owner
			if p.hotline {
				reopener = hotline
			}
			add(at, matters.Reopen, reopener, nil, "回访不满意，退回重办")
			at += 40 * time.Hour
			add(at, matters.Resolve, p.units[0], nil, "整改后再次办结")
			reply()
		}
		if p.surveyed {
			answer(p.satisfied, p.satisfied || p.quality[0] >= 4, p.lateVisit)
		}
		at += 3 * time.Hour
		add(at, matters.Close, owner, nil, "审核结案")
	}
	// Events at one instant keep the order they were added in.
	slices.SortStableFunc(s, func(a, b step) int { return cmp.Compare(a.off, b.off) })
	p.steps = s
}

// errPlace reports a matter the generator could not fit into the year.
var errPlace = errors.New("wuhu: cannot place matter in the year")

// place chooses when a plan's matter is reported and turns its steps into
// events: a matter resolved within the year starts on a random working day
// early enough to end by the year's end; an open one starts so that the
// year ends between the last step before its resolution and the
// resolution (every earlier step has happened). Reports come in between
// 08:00 and 18:00 (an open one at any hour if it must).
func (g *generator) place(p *plan, y *year) error {
	last := p.steps[len(p.steps)-1].off
	var before, resolve time.Duration
	for _, st := range p.steps {
		if st.kind == matters.Resolve {
			resolve = st.off
			break
		}
		before = st.off
	}
	for try := range 1000 {
		var start time.Time
		var err error
		if p.open {
			u := g.between(before+time.Minute, resolve)
			start, err = g.clk.sub(y.to, u)
		} else {
			day := y.from.AddDate(0, 0, g.r.IntN(366))
			start = day.Add(8*time.Hour + g.between(0, 10*time.Hour))
		}
		if err != nil {
			return err
		}
		// An open matter whose last step before the resolution must fall
		// in the daytime may not fit with a report in office hours: after
		// half the tries, it is reported at any hour (the grid centre runs
		// around the clock).
		if h := start.In(cst).Hour(); (h < 8 || h >= 18) && (!p.open || try < 500) || start.Before(y.from) {
			continue
		}
		if ok, err := g.clk.isWorkday(start); err != nil {
			return err
		} else if !ok {
			continue
		}
		end, err := g.clk.add(start, last)
		if err != nil {
			return err
		}
		if !p.open && !end.Before(y.to) {
			continue
		}
		p.events = p.events[:0]
		var prev time.Time
		fits := true
		for _, st := range p.steps {
			at, err := g.clk.add(start, st.off)
			if err != nil {
				return err
			}
			if p.daytime(st.kind) {
				if at, err = g.clk.daytime(at); err != nil {
					return err
				}
			}
			if !prev.IsZero() && !at.After(prev) {
				at = prev.Add(3 * time.Minute) // people do one thing after another
			}
			prev = at
			if !at.Before(y.to) {
				// An open matter must still be open; a resolved one must
				// have ended within the year.
				fits = p.open && st.off >= resolve
				break
			}
			p.events = append(p.events, matters.Event{At: at, Kind: st.kind, Actor: st.actor, Type: typeIf(st.kind, p.typ.Type), Units: st.units,
				Routes: routesIf(st.kind, g.w.dir.Version), Note: st.note, Satisfied: st.satisfied, Solved: st.solved, Days: st.days, Supervisor: st.supervisor})
		}
		if fits && (!p.open || len(p.events) < len(p.steps)) {
			return nil
		}
	}
	return fmt.Errorf("%w: a %s matter of %d steps", errPlace, p.typ.Type, len(p.steps))
}

// daytime reports whether the people who do an event of kind k on this
// plan's matter work in the daytime: the generator moves such events out
// of the night (see clock.daytime). The steps after the work (reopen,
// reply, feedback, close) are daytime work; so are a department's
// accept of a matter with a response limit of 8 hours or more, and its
// suspensions and resolution of a matter with 3 working days or more,
// its requests for more days, and the sub-district's stage evaluations
// of such a matter. Reports, whistles, dispatches,
// returns and the owner's decisions on requests keep their times (the
// grid centre runs around the clock), and so do urgent matters: duty
// officers and repair crews answer them at any hour.
func (p *plan) daytime(k matters.Kind) bool {
	switch k {
	case matters.Reopen, matters.Feedback, matters.Close, matters.Reply:
		return true
	case matters.Accept:
		return p.route.Respond >= 8*time.Hour
	case matters.Suspend, matters.Resume, matters.Progress, matters.Resolve, matters.Extend:
		return p.route.ResolveDays >= 3
	}
	return false
}

// typeIf returns the matter type for a Report and "" otherwise.
func typeIf(k matters.Kind, t string) string {
	if k == matters.Report {
		return t
	}
	return ""
}

// routesIf is the version of the governance matter list a dispatch
// records, so that grading uses the routes it followed.
func routesIf(k matters.Kind, version string) string {
	if k == matters.Dispatch {
		return version
	}
	return ""
}
