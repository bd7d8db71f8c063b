package matters

import "slices"

// This file holds the rules of requests (Suspend, Extend, Return), of
// their decisions (Approve, Deny) and of the citizen's answers (Feedback):
// the parts of the lifecycle that keep the graded party off its own clock.

// checkRequest checks a Suspend, Extend or Return.
func (r *rules) checkRequest() {
	m, e := r.m, r.e
	ownerReturn := e.Kind == Return && r.owner && m.Platform != ""
	switch {
	case ownerReturn && !r.in(Reported, Whistled):
		r.wrongState("to the owner of a platform's matter from reported or whistled")
	case !ownerReturn && !r.in(Dispatched, Accepted):
		r.wrongState("from dispatched or accepted")
	case e.Kind == Suspend && m.Suspended:
		r.transition("already suspended")
	case e.Kind == Return && r.lead && m.Suspended:
		r.transition("the lead may not return a suspended matter; resume it first")
	}
	r.noPending("a new request")
	switch e.Kind {
	case Return:
		r.actor(r.unit || ownerReturn, "only a dispatched unit, or the owner of a matter a platform reported,")
	default:
		r.actor(r.lead || r.owner || r.platform, "only the lead, the owner or the platform")
	}
	if e.Kind == Extend && (e.Days < 1 || e.Days > MaxExtendDays) {
		r.payload("an extension asks for 1 to %d working days, not %d", MaxExtendDays, e.Days)
	}
}

// approvers reports whether the actor may decide the matter's waiting
// request: a dispatched unit's by the owner or the platform; the owner's
// by the platform, or by the owner itself where there is none; the
// platform's by the platform.
func (r *rules) approvers() (ok bool, who string) {
	m, p := r.m, r.m.Pending
	switch {
	case m.Platform != "" && p.Actor == m.Platform:
		return r.platform, "only the platform"
	case p.Actor == m.Owner && m.Platform != "":
		return r.platform, "only the platform, not the owner who asked,"
	case p.Actor == m.Owner:
		return r.owner, "only the owner"
	}
	return r.owner || r.platform, "only the owner or the platform, not the unit that asked,"
}

// checkDecision checks an Approve or a Deny.
func (r *rules) checkDecision() {
	e, p := r.e, r.m.Pending
	if p.Seq == 0 {
		r.transition("no request waits for a decision")
		return
	}
	if e.Kind == Approve {
		r.checkStillApplies()
	}
	ok, who := r.approvers()
	r.actor(ok, who)
	switch {
	case e.Ref != p.Seq:
		r.payload("ref %d: the request waiting is seq %d", e.Ref, p.Seq)
	case e.Note == "":
		r.payload("a decision needs its reason (note)")
	}
}

// checkStillApplies refuses to approve a request that can no longer take
// effect: the state moved on since it was made.
func (r *rules) checkStillApplies() {
	m, p := r.m, r.m.Pending
	deny := func(why string) {
		r.transition("the %s asked at seq %d can no longer take effect: %s; deny it", p.Kind, p.Seq, why)
	}
	ownerReturn := p.Kind == Return && p.Actor == m.Owner
	switch {
	case ownerReturn && !r.in(Reported, Whistled):
		deny("the matter was dispatched since")
	case !ownerReturn && !r.in(Dispatched, Accepted):
		deny("the matter is " + m.stateText())
	case p.Kind == Suspend && m.Suspended:
		deny("the matter is suspended already")
	case p.Kind == Return && !ownerReturn && p.Actor != m.Lead && !slices.Contains(m.Support, p.Actor):
		deny(p.Actor + " is no longer on the matter")
	case p.Kind == Return && p.Actor == m.Lead && m.Suspended:
		deny("the matter is suspended")
	}
}

// approve gives the waiting request its effect.
func (m *Matter) approve() {
	p := m.Pending
	switch {
	case p.Kind == Suspend:
		m.Suspended = true
	case p.Kind == Return && p.Actor == m.Owner:
		m.Owner, m.Platform, m.State = m.Platform, "", Reported
	case p.Kind == Return && p.Actor == m.Lead:
		// Back to Whistled if the owner whistled it: a whistle of an
		// earlier owner, who handed the matter back to its platform, went
		// with it.
		m.State, m.Lead, m.Support, m.Coordinated = Whistled, "", nil, false
		if !slices.ContainsFunc(m.Events, func(e Event) bool { return e.Kind == Whistle && e.Actor == m.Owner }) {
			m.State = Reported
		}
	case p.Kind == Return:
		support := make([]string, 0, len(m.Support))
		for _, s := range m.Support {
			if s != p.Actor {
				support = append(support, s)
			}
		}
		if len(support) == 0 {
			support = nil
		}
		m.Support = support
	}
}

// checkFeedback checks a Feedback: by the platform, or by the owner where
// there is none; a second answer since the latest Reopen corrects the
// first openly.
func (r *rules) checkFeedback() {
	m, e := r.m, r.e
	if !r.in(Resolved, Closed) {
		r.wrongState("from resolved or closed")
	}
	if m.Platform != "" {
		r.actor(r.platform, "only the platform that reported the matter")
	} else {
		r.actor(r.owner, "only the owner")
	}
	if e.Satisfied == nil {
		r.payload("feedback needs the citizen's answer (satisfied)")
	}
	if prev := m.lastAnswer(); prev > 0 {
		switch {
		case e.Ref != prev:
			r.payload("an answer is on record at seq %d: a new one corrects it only by naming it (ref %d) and saying why (note)", prev, prev)
		case e.Note == "":
			r.payload("a correction of the answer at seq %d needs its reason (note)", prev)
		}
	}
}

// lastAnswer returns the Seq of the latest Feedback since the latest
// Reopen, or 0.
func (m *Matter) lastAnswer() int {
	for i := len(m.Events) - 1; i >= 0; i-- {
		switch m.Events[i].Kind {
		case Reopen:
			return 0
		case Feedback:
			return m.Events[i].Seq
		}
	}
	return 0
}
