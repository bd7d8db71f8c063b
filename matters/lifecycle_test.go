package matters_test

import (
	"encoding/json"
	"errors"
	"math/rand"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/qingdan/qingdan/internal/hardening"
	"github.com/qingdan/qingdan/matters"
	"github.com/qingdan/qingdan/matters/workday"
)

// fields are the parts of a matter besides its history.
type fields struct {
	Owner       string
	Platform    string
	Supervisor  string
	State       matters.State
	Lead        string
	Support     []string
	Coordinated bool
	Suspended   bool
	Stage       int
	Pending     matters.Pending
}

func fieldsOf(m *matters.Matter) fields {
	return fields{m.Owner, m.Platform, m.Supervisor, m.State, m.Lead, m.Support, m.Coordinated, m.Suspended, m.Stage, m.Pending}
}

func TestApplyTransitions(t *testing.T) {
	all := []string{sup1, sup2}
	acc := fields{Owner: owner, State: matters.Accepted, Lead: lead, Support: all, Coordinated: true}
	with := func(f fields, change func(*fields)) fields { change(&f); return f }
	pending := func(seq int, kind matters.Kind, actor string, days int) func(*fields) {
		return func(f *fields) { f.Pending = matters.Pending{Seq: seq, Kind: kind, Actor: actor, Days: days} }
	}
	dispatchedSuspended := slices.Concat(hDispatched, approved(matters.Suspend, owner))
	extend := ev(matters.Extend, lead)
	extend.Days = 3
	supervisor := ev(matters.Report, owner)
	supervisor.Supervisor = "区委督查室"
	platform := []matters.Event{ev(matters.Report, hotline, owner), ev(matters.Whistle, owner)}
	platformResolved := slices.Concat(platform, []matters.Event{ev(matters.Dispatch, owner, lead), ev(matters.Accept, lead), ev(matters.Resolve, lead)})
	tests := []struct {
		name  string
		prior []matters.Event
		e     matters.Event
		want  fields
	}{
		{"report by the owner", nil, ev(matters.Report, owner),
			fields{Owner: owner, State: matters.Reported}},
		{"report by 91580 for a sub-district (two-way dispatch): the hotline is the platform", nil, ev(matters.Report, hotline, owner),
			fields{Owner: owner, Platform: hotline, State: matters.Reported}},
		{"report naming its own reporter as owner has no platform", nil, ev(matters.Report, owner, owner),
			fields{Owner: owner, State: matters.Reported}},
		{"report naming the supervisor", nil, supervisor,
			fields{Owner: owner, Supervisor: "区委督查室", State: matters.Reported}},
		{"whistle", hReported, ev(matters.Whistle, owner),
			fields{Owner: owner, State: matters.Whistled}},
		{"dispatch to one unit", hWhistled, ev(matters.Dispatch, owner, lead),
			fields{Owner: owner, State: matters.Dispatched, Lead: lead}},
		{"dispatch without a whistle (a hotline's assignment)", []matters.Event{ev(matters.Report, hotline)}, ev(matters.Dispatch, hotline, lead),
			fields{Owner: hotline, State: matters.Dispatched, Lead: lead}},
		{"dispatch to several units is coordinated", hWhistled, ev(matters.Dispatch, owner, lead, sup1, sup2),
			fields{Owner: owner, State: matters.Dispatched, Lead: lead, Support: all, Coordinated: true}},
		{"the lead accepts", hDispatched, ev(matters.Accept, lead), acc},
		{"a support unit accepts first", hDispatched, ev(matters.Accept, sup1),
			with(acc, func(f *fields) { f.State = matters.Dispatched })},
		{"a support unit accepts after the lead", hAccepted, ev(matters.Accept, sup2), acc},
		{"the lead accepts while suspended", dispatchedSuspended, ev(matters.Accept, lead),
			with(acc, func(f *fields) { f.Suspended = true })},
		{"the lead asks to return: nothing changes but the request", hDispatched, ev(matters.Return, lead),
			with(acc, func(f *fields) { f.State = matters.Dispatched; pending(4, matters.Return, lead, 0)(f) })},
		{"the owner approves the lead's return of a dispatched matter", slices.Concat(hDispatched, []matters.Event{ev(matters.Return, lead)}), ev(matters.Approve, owner),
			fields{Owner: owner, State: matters.Whistled}},
		{"the owner approves the lead's return of an accepted matter", slices.Concat(hAccepted, []matters.Event{ev(matters.Return, lead)}), ev(matters.Approve, owner),
			fields{Owner: owner, State: matters.Whistled}},
		{"a return approved of a matter dispatched without a whistle goes back to reported",
			[]matters.Event{ev(matters.Report, hotline), ev(matters.Dispatch, hotline, lead), ev(matters.Return, lead)}, ev(matters.Approve, hotline),
			fields{Owner: hotline, State: matters.Reported}},
		{"a support unit's return approved: it leaves", slices.Concat(hAccepted, []matters.Event{ev(matters.Return, sup1)}), ev(matters.Approve, owner),
			with(acc, func(f *fields) { f.Support = []string{sup2} })},
		{"a support unit's return denied: it stays", slices.Concat(hAccepted, []matters.Event{ev(matters.Return, sup1)}), ev(matters.Deny, owner), acc},
		{"a support unit asks to return while suspended", hSuspended, ev(matters.Return, sup2),
			with(acc, func(f *fields) { f.Suspended = true; pending(7, matters.Return, sup2, 0)(f) })},
		{"re-dispatch after the lead's return", hReturned, ev(matters.Dispatch, owner, sup1),
			fields{Owner: owner, State: matters.Dispatched, Lead: sup1}},
		{"the lead asks to suspend: the clock runs on", hAccepted, ev(matters.Suspend, lead),
			with(acc, pending(5, matters.Suspend, lead, 0))},
		{"the owner approves: the clock stops", slices.Concat(hAccepted, []matters.Event{ev(matters.Suspend, lead)}), ev(matters.Approve, owner),
			with(acc, func(f *fields) { f.Suspended = true })},
		{"the owner denies: the clock runs on", slices.Concat(hAccepted, []matters.Event{ev(matters.Suspend, lead)}), ev(matters.Deny, owner), acc},
		{"the owner approves its own suspension of a matter with no platform", slices.Concat(hDispatched, []matters.Event{ev(matters.Suspend, owner)}), ev(matters.Approve, owner),
			with(acc, func(f *fields) { f.State = matters.Dispatched; f.Suspended = true })},
		{"the lead asks for 3 more days", hAccepted, extend,
			with(acc, pending(5, matters.Extend, lead, 3))},
		{"an extension approved changes no field (the deadline moves)", slices.Concat(hAccepted, []matters.Event{extend}), ev(matters.Approve, owner), acc},
		{"the lead resumes", hSuspended, ev(matters.Resume, lead), acc},
		{"the owner resumes", hSuspended, ev(matters.Resume, owner), acc},
		{"the lead reports a stage", hAccepted, ev(matters.Progress, lead),
			with(acc, func(f *fields) { f.Stage = 1 })},
		{"a support unit reports a stage", slices.Concat(hAccepted, []matters.Event{ev(matters.Progress, lead)}), ev(matters.Progress, sup1),
			with(acc, func(f *fields) { f.Stage = 2 })},
		{"the owner grades a stage (分时段评价)", hAccepted, ev(matters.Progress, owner),
			with(acc, func(f *fields) { f.Stage = 1 })},
		{"the owner grades a stage before the lead accepts", hDispatched, ev(matters.Progress, owner),
			with(acc, func(f *fields) { f.State = matters.Dispatched; f.Stage = 1 })},
		{"the platform grades the owner's stage before any dispatch", platform, ev(matters.Progress, hotline),
			fields{Owner: owner, Platform: hotline, State: matters.Whistled, Stage: 1}},
		{"a stage while a request waits", slices.Concat(hAccepted, []matters.Event{ev(matters.Suspend, lead)}), ev(matters.Progress, lead),
			with(acc, func(f *fields) { f.Stage = 1; pending(5, matters.Suspend, lead, 0)(f) })},
		{"the lead resolves", hAccepted, ev(matters.Resolve, lead),
			with(acc, func(f *fields) { f.State = matters.Resolved })},
		{"a support unit answers the whistle of a resolved matter", hResolved, ev(matters.Accept, sup1),
			with(acc, func(f *fields) { f.State = matters.Resolved })},
		{"the owner reopens", hResolved, ev(matters.Reopen, owner), acc},
		{"the platform reopens", platformResolved, ev(matters.Reopen, hotline),
			fields{Owner: owner, Platform: hotline, State: matters.Accepted, Lead: lead}},
		{"the owner closes a resolved matter", hResolved, ev(matters.Close, owner),
			with(acc, func(f *fields) { f.State = matters.Closed })},
		{"the owner closes a matter it handled without a whistle", hReported, ev(matters.Close, owner),
			fields{Owner: owner, State: matters.Closed}},
		{"feedback on a resolved matter", hResolved, ev(matters.Feedback, owner),
			with(acc, func(f *fields) { f.State = matters.Resolved })},
		{"feedback on a closed matter", hClosed, ev(matters.Feedback, owner),
			with(acc, func(f *fields) { f.State = matters.Closed })},
		{"the platform's feedback on its matter", platformResolved, ev(matters.Feedback, hotline),
			fields{Owner: owner, Platform: hotline, State: matters.Resolved, Lead: lead}},
		{"a second answer that names the first and says why", slices.Concat(hClosed, []matters.Event{ev(matters.Feedback, owner)}), correction(7, no()),
			with(acc, func(f *fields) { f.State = matters.Closed })},
		{"a new answer after a reopen needs no correction", slices.Concat(hResolved, []matters.Event{ev(matters.Feedback, owner), ev(matters.Reopen, owner), ev(matters.Resolve, lead)}),
			ev(matters.Feedback, owner), with(acc, func(f *fields) { f.State = matters.Resolved })},
		{"the owner urges", hAccepted, ev(matters.Urge, owner), acc},
		{"the platform urges", slices.Concat(platform, []matters.Event{ev(matters.Dispatch, owner, lead)}), ev(matters.Urge, hotline),
			fields{Owner: owner, Platform: hotline, State: matters.Dispatched, Lead: lead}},
		{"a body above the owner supervises and is recorded", hAccepted, ev(matters.Supervise, outside),
			with(acc, func(f *fields) { f.Supervisor = outside })},
		{"the recorded supervisor supervises a closed matter", slices.Concat(hClosed, []matters.Event{ev(matters.Supervise, outside)}), ev(matters.Supervise, outside),
			with(acc, func(f *fields) { f.State = matters.Closed; f.Supervisor = outside })},
		{"the lead replies to the citizen", hAccepted, ev(matters.Reply, lead), acc},
		{"the owner replies to the citizen after closing", hClosed, ev(matters.Reply, owner),
			with(acc, func(f *fields) { f.State = matters.Closed })},
		{"the owner of a platform's matter asks to hand it back", platform, ev(matters.Return, owner),
			fields{Owner: owner, Platform: hotline, State: matters.Whistled, Pending: matters.Pending{Seq: 3, Kind: matters.Return, Actor: owner}}},
		{"the platform approves: it owns the matter, back in reported", slices.Concat(platform, []matters.Event{ev(matters.Return, owner)}), ev(matters.Approve, hotline),
			fields{Owner: hotline, State: matters.Reported}},
		// The sub-district's whistle went with the matter it handed back:
		// the hotline dispatched it without one, so its lead's return
		// sends it back to reported, from which the hotline may close it.
		{"a return approved of a matter the platform took back and dispatched without a whistle goes back to reported",
			slices.Concat(platform, []matters.Event{ev(matters.Return, owner), ev(matters.Approve, hotline), ev(matters.Dispatch, hotline, lead), ev(matters.Return, lead)}),
			ev(matters.Approve, hotline), fields{Owner: hotline, State: matters.Reported}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, e := after(t, tt.prior, tt.e)
			if err := m.Apply(e); err != nil {
				t.Fatalf("Apply(%s by %s) = %v, want nil", e.Kind, e.Actor, err)
			}
			if diff := cmp.Diff(tt.want, fieldsOf(m)); diff != "" {
				t.Errorf("matter mismatch (-want +got):\n%s", diff)
			}
			if got := m.Events[len(m.Events)-1]; !cmp.Equal(e, got) {
				t.Errorf("last event mismatch (-want +got):\n%s", cmp.Diff(e, got))
			}
			if m.ID != "M-1" || m.Type != "违法建设" {
				t.Errorf("ID, Type = %q, %q, want M-1, 违法建设", m.ID, m.Type)
			}
		})
	}
}

func TestApplyRefusals(t *testing.T) {
	withSeq := func(e matters.Event, seq int) matters.Event { e.Seq = seq; return e }
	at := func(e matters.Event, when time.Time) matters.Event { e.At = when; return e }
	of := func(e matters.Event, id string) matters.Event { e.Matter = id; return e }
	report := ev(matters.Report, owner)
	noType := report
	noType.Type = ""
	noAnswer := ev(matters.Feedback, owner)
	noAnswer.Satisfied = nil
	afterSupportReturn := slices.Concat(hAccepted, approved(matters.Return, sup1))
	dispatchedOne := append(slices.Clone(hWhistled), ev(matters.Dispatch, owner, lead))
	waiting := append(slices.Clone(hAccepted), ev(matters.Suspend, lead))
	resolvedWaiting := slices.Concat(waiting, []matters.Event{ev(matters.Resolve, lead)})
	platform := []matters.Event{ev(matters.Report, hotline, owner), ev(matters.Whistle, owner)}
	platformWaiting := slices.Concat(platform, []matters.Event{ev(matters.Dispatch, owner, lead), ev(matters.Suspend, owner)})
	platformResolved := slices.Concat(platform, []matters.Event{ev(matters.Dispatch, owner, lead), ev(matters.Accept, lead), ev(matters.Resolve, lead)})
	answered := append(slices.Clone(hClosed), ev(matters.Feedback, owner))
	supervised := append(slices.Clone(hAccepted), ev(matters.Supervise, outside))
	withRef := func(e matters.Event, ref int) matters.Event { e.Ref = ref; return e }
	withNote := func(e matters.Event, note string) matters.Event { e.Note = note; return e }
	withDays := func(e matters.Event, days int) matters.Event { e.Days = days; return e }
	selfSupervised := ev(matters.Report, owner)
	selfSupervised.Supervisor = owner
	reportSupervised := ev(matters.Report, owner)
	reportSupervised.Supervisor = outside
	whistledSupervised := []matters.Event{reportSupervised, ev(matters.Whistle, owner)}
	returnedSupervised := slices.Concat(supervised, approved(matters.Return, lead))
	tests := []struct {
		name  string
		prior []matters.Event
		e     matters.Event
		raw   bool // e already has its Matter, Seq and At
		want  error
	}{
		// order
		{"seq 0", hReported, withSeq(next(build(t, hReported...), ev(matters.Whistle, owner)), 0), true, matters.ErrOrder},
		{"seq skips one", hReported, withSeq(next(build(t, hReported...), ev(matters.Whistle, owner)), 3), true, matters.ErrOrder},
		{"seq repeats", hReported, withSeq(next(build(t, hReported...), ev(matters.Whistle, owner)), 1), true, matters.ErrOrder},
		{"report at seq 2", nil, withSeq(next(&matters.Matter{}, report), 2), true, matters.ErrOrder},
		{"time runs backwards", hReported, at(next(build(t, hReported...), ev(matters.Whistle, owner)), t0), true, matters.ErrOrder},
		{"no time is invalid input, not a conflict", nil, at(next(&matters.Matter{}, report), time.Time{}), true, matters.ErrInvalid},
		{"no time later on", hReported, at(next(build(t, hReported...), ev(matters.Whistle, owner)), time.Time{}), true, matters.ErrInvalid},
		{"a time in year 10000 in China", nil, at(next(&matters.Matter{}, report), time.Date(9999, 12, 31, 20, 0, 0, 0, time.UTC)), true, matters.ErrInvalid},
		{"a time before year 1", nil, at(next(&matters.Matter{}, report), time.Date(0, 6, 1, 0, 0, 0, 0, time.UTC)), true, matters.ErrInvalid},
		{"another matter's event", hReported, of(next(build(t, hReported...), ev(matters.Whistle, owner)), "M-2"), true, matters.ErrOrder},
		{"no matter", nil, of(next(&matters.Matter{}, report), ""), true, matters.ErrInvalid},
		{"unknown kind", hReported, ev(matters.Kind(99), owner), false, matters.ErrInvalid},
		{"zero kind", hReported, ev(0, owner), false, matters.ErrInvalid},
		{"no actor", hReported, ev(matters.Whistle, ""), false, matters.ErrActor},
		// transitions
		{"report to a reported matter", hReported, report, false, matters.ErrTransition},
		{"whistle twice", hWhistled, ev(matters.Whistle, owner), false, matters.ErrTransition},
		{"whistle a dispatched matter", hDispatched, ev(matters.Whistle, owner), false, matters.ErrTransition},
		{"dispatch of an accepted matter", hAccepted, ev(matters.Dispatch, owner, lead), false, matters.ErrTransition},
		{"dispatch while the owner's request waits", slices.Concat(platform, []matters.Event{ev(matters.Return, owner)}), ev(matters.Dispatch, owner, lead), false, matters.ErrTransition},
		{"dispatch twice", hDispatched, ev(matters.Dispatch, owner, lead), false, matters.ErrTransition},
		{"accept before dispatch", hWhistled, ev(matters.Accept, lead), false, matters.ErrTransition},
		{"accept twice", hAccepted, ev(matters.Accept, lead), false, matters.ErrTransition},
		{"accept after the lead returned it", hReturned, ev(matters.Accept, sup1), false, matters.ErrTransition},
		{"accept a closed matter", hClosed, ev(matters.Accept, sup1), false, matters.ErrTransition},
		{"a support unit accepts a resolved matter twice", slices.Concat(hResolved, []matters.Event{ev(matters.Accept, sup1)}), ev(matters.Accept, sup1), false, matters.ErrTransition},
		{"an outsider accepts a resolved matter", hResolved, ev(matters.Accept, outside), false, matters.ErrActor},
		{"return before dispatch", hWhistled, ev(matters.Return, lead), false, matters.ErrTransition},
		{"return a resolved matter", hResolved, ev(matters.Return, lead), false, matters.ErrTransition},
		{"the lead returns a suspended matter", hSuspended, ev(matters.Return, lead), false, matters.ErrTransition},
		{"suspend twice", hSuspended, ev(matters.Suspend, owner), false, matters.ErrTransition},
		{"suspend a whistled matter", hWhistled, ev(matters.Suspend, owner), false, matters.ErrTransition},
		{"suspend a resolved matter", hResolved, ev(matters.Suspend, lead), false, matters.ErrTransition},
		{"resume a running matter", hAccepted, ev(matters.Resume, lead), false, matters.ErrTransition},
		{"progress before accept", hDispatched, ev(matters.Progress, lead), false, matters.ErrTransition},
		{"progress while suspended", hSuspended, ev(matters.Progress, lead), false, matters.ErrTransition},
		{"resolve before accept", hDispatched, ev(matters.Resolve, lead), false, matters.ErrTransition},
		{"resolve while suspended", hSuspended, ev(matters.Resolve, lead), false, matters.ErrTransition},
		{"resolve twice", hResolved, ev(matters.Resolve, lead), false, matters.ErrTransition},
		{"reopen an accepted matter", hAccepted, ev(matters.Reopen, owner), false, matters.ErrTransition},
		{"reopen a closed matter", hClosed, ev(matters.Reopen, owner), false, matters.ErrTransition},
		{"close a whistled matter", hWhistled, ev(matters.Close, owner), false, matters.ErrTransition},
		{"close an accepted matter", hAccepted, ev(matters.Close, owner), false, matters.ErrTransition},
		{"close twice", hClosed, ev(matters.Close, owner), false, matters.ErrTransition},
		{"feedback before resolution", hAccepted, ev(matters.Feedback, owner), false, matters.ErrTransition},
		{"feedback on a reported matter", hReported, ev(matters.Feedback, owner), false, matters.ErrTransition},
		{"a request while another waits", waiting, ev(matters.Extend, lead), false, matters.ErrTransition},
		{"resume a suspension not approved", waiting, ev(matters.Resume, lead), false, matters.ErrTransition},
		{"approve with no request waiting", hAccepted, withRef(ev(matters.Approve, owner), 4), false, matters.ErrTransition},
		{"deny with no request waiting", hAccepted, withRef(ev(matters.Deny, owner), 4), false, matters.ErrTransition},
		{"approve a suspension of a resolved matter", resolvedWaiting, ev(matters.Approve, owner), false, matters.ErrTransition},
		{"approve a support unit's return after the lead resolved", slices.Concat(hAccepted, []matters.Event{ev(matters.Return, sup1), ev(matters.Resolve, lead)}), ev(matters.Approve, owner), false, matters.ErrTransition},
		{"close while a request waits", resolvedWaiting, ev(matters.Close, owner), false, matters.ErrTransition},
		{"extend a resolved matter", hResolved, ev(matters.Extend, lead), false, matters.ErrTransition},
		{"suspend a suspended matter", hSuspended, ev(matters.Suspend, lead), false, matters.ErrTransition},
		{"the owner returns its own matter before dispatch", hWhistled, ev(matters.Return, owner), false, matters.ErrTransition},
		{"the owner of a platform's matter returns it after dispatch", slices.Concat(platform, []matters.Event{ev(matters.Dispatch, owner, lead)}), ev(matters.Return, owner), false, matters.ErrTransition},
		{"urge a resolved matter", hResolved, ev(matters.Urge, owner), false, matters.ErrTransition},
		{"supervise a whistled matter", hWhistled, ev(matters.Supervise, outside), false, matters.ErrTransition},
		{"reply before dispatch", hWhistled, ev(matters.Reply, owner), false, matters.ErrTransition},
		// actors
		{"whistle by another unit", hReported, ev(matters.Whistle, outside), false, matters.ErrActor},
		{"whistle by the hotline that reported it", []matters.Event{ev(matters.Report, hotline, owner)}, ev(matters.Whistle, hotline), false, matters.ErrActor},
		{"dispatch by the lead", hWhistled, ev(matters.Dispatch, lead, lead), false, matters.ErrActor},
		{"accept by an undispatched unit", hDispatched, ev(matters.Accept, outside), false, matters.ErrActor},
		{"accept by the owner", hDispatched, ev(matters.Accept, owner), false, matters.ErrActor},
		{"accept by a support unit that returned it", afterSupportReturn, ev(matters.Accept, sup1), false, matters.ErrActor},
		{"return by an undispatched unit", hAccepted, ev(matters.Return, outside), false, matters.ErrActor},
		{"return by the owner", hAccepted, ev(matters.Return, owner), false, matters.ErrActor},
		{"suspend by a support unit", hAccepted, ev(matters.Suspend, sup1), false, matters.ErrActor},
		{"resume by another unit", hSuspended, ev(matters.Resume, outside), false, matters.ErrActor},
		{"progress by the supervisor", slices.Concat(hAccepted, []matters.Event{ev(matters.Supervise, supervisor)}), ev(matters.Progress, supervisor), false, matters.ErrActor},
		{"progress by a unit with no part", hAccepted, ev(matters.Progress, outside), false, matters.ErrActor},
		{"progress by the owner of a resolved matter", hResolved, ev(matters.Progress, owner), false, matters.ErrTransition},
		{"progress by the owner before any dispatch", hWhistled, ev(matters.Progress, owner), false, matters.ErrTransition},
		{"progress by a support unit that returned it", afterSupportReturn, ev(matters.Progress, sup1), false, matters.ErrActor},
		{"resolve by a support unit", hAccepted, ev(matters.Resolve, sup1), false, matters.ErrActor},
		{"resolve by the owner", hAccepted, ev(matters.Resolve, owner), false, matters.ErrActor},
		{"reopen by the lead", hResolved, ev(matters.Reopen, lead), false, matters.ErrActor},
		{"close by the lead", hResolved, ev(matters.Close, lead), false, matters.ErrActor},
		{"close by the reporting hotline", []matters.Event{ev(matters.Report, hotline, owner)}, ev(matters.Close, hotline), false, matters.ErrActor},
		{"feedback by the lead", hResolved, ev(matters.Feedback, lead), false, matters.ErrActor},
		{"feedback by the owner of a platform's matter (the graded party asks its own citizen)", platformResolved, ev(matters.Feedback, owner), false, matters.ErrActor},
		{"the unit that asked approves its own request", waiting, ev(matters.Approve, lead), false, matters.ErrActor},
		{"a support unit approves the lead's request", waiting, ev(matters.Approve, sup1), false, matters.ErrActor},
		{"an outsider denies", waiting, ev(matters.Deny, outside), false, matters.ErrActor},
		{"the owner approves its own request on a platform's matter", platformWaiting, ev(matters.Approve, owner), false, matters.ErrActor},
		{"suspend by a support unit", hAccepted, ev(matters.Suspend, sup1), false, matters.ErrActor},
		{"extend by a support unit", hAccepted, ev(matters.Extend, sup1), false, matters.ErrActor},
		{"the owner returns its own matter", hAccepted, ev(matters.Return, owner), false, matters.ErrActor},
		{"urge by the lead", hAccepted, ev(matters.Urge, lead), false, matters.ErrActor},
		{"supervise by the owner", hAccepted, ev(matters.Supervise, owner), false, matters.ErrActor},
		{"supervise by the lead", hAccepted, ev(matters.Supervise, lead), false, matters.ErrActor},
		{"supervise by the platform", slices.Concat(platform, []matters.Event{ev(matters.Dispatch, owner, lead)}), ev(matters.Supervise, hotline), false, matters.ErrActor},
		{"supervise by another than the supervisor on record", supervised, ev(matters.Supervise, "市委督查室"), false, matters.ErrActor},
		{"reply by a support unit", hAccepted, ev(matters.Reply, sup1), false, matters.ErrActor},
		{"reply by the platform", slices.Concat(platform, []matters.Event{ev(matters.Dispatch, owner, lead)}), ev(matters.Reply, hotline), false, matters.ErrActor},
		{"reopen by a support unit", hResolved, ev(matters.Reopen, sup1), false, matters.ErrActor},
		// payloads
		{"report with no type", nil, noType, false, matters.ErrInvalid},
		{"report for two owners", nil, ev(matters.Report, hotline, owner, "另一街道"), false, matters.ErrInvalid},
		{"report for an empty owner", nil, ev(matters.Report, hotline, ""), false, matters.ErrInvalid},
		{"dispatch to no unit", hWhistled, ev(matters.Dispatch, owner), false, matters.ErrInvalid},
		{"dispatch to one unit twice", hWhistled, ev(matters.Dispatch, owner, lead, sup1, lead), false, matters.ErrInvalid},
		{"dispatch to an empty unit", hWhistled, ev(matters.Dispatch, owner, lead, ""), false, matters.ErrInvalid},
		{"feedback with no answer", hResolved, noAnswer, false, matters.ErrInvalid},
		{"a second answer that silently replaces the first", answered, ev(matters.Feedback, owner), false, matters.ErrInvalid},
		{"a correction naming another event", answered, withNote(withRef(ev(matters.Feedback, owner), 6), "更正"), false, matters.ErrInvalid},
		{"a correction that does not say why", answered, withRef(ev(matters.Feedback, owner), 7), false, matters.ErrInvalid},
		{"approve naming another event", waiting, withRef(ev(matters.Approve, owner), 4), false, matters.ErrInvalid},
		{"approve with no reason", waiting, withNote(ev(matters.Approve, owner), ""), false, matters.ErrInvalid},
		{"deny with no reason", waiting, withNote(ev(matters.Deny, owner), ""), false, matters.ErrInvalid},
		{"extend by no days", hAccepted, withDays(ev(matters.Extend, lead), 0), false, matters.ErrInvalid},
		{"extend by negative days", hAccepted, withDays(ev(matters.Extend, lead), -5), false, matters.ErrInvalid},
		{"extend by more than a year", hAccepted, withDays(ev(matters.Extend, lead), matters.MaxExtendDays+1), false, matters.ErrInvalid},
		{"reply with no answer", hAccepted, withNote(ev(matters.Reply, lead), ""), false, matters.ErrInvalid},
		{"the owner dispatches to itself", hWhistled, ev(matters.Dispatch, owner, owner), false, matters.ErrInvalid},
		{"the owner dispatches to itself as support", hWhistled, ev(matters.Dispatch, owner, lead, owner), false, matters.ErrInvalid},
		{"the owner dispatches to its platform", platform, ev(matters.Dispatch, owner, hotline), false, matters.ErrInvalid},
		{"a report whose supervisor is its owner", nil, selfSupervised, false, matters.ErrInvalid},
		{"the owner dispatches to the matter's supervisor", whistledSupervised, ev(matters.Dispatch, owner, outside), false, matters.ErrInvalid},
		{"the owner dispatches to the matter's supervisor as support", whistledSupervised, ev(matters.Dispatch, owner, lead, outside), false, matters.ErrInvalid},
		{"a returned matter dispatched to the unit that supervised it", returnedSupervised, ev(matters.Dispatch, owner, outside), false, matters.ErrInvalid},
		// precedence: state before actor before payload
		{"wrong state and actor is a transition error", hAccepted, ev(matters.Dispatch, outside), false, matters.ErrTransition},
		{"wrong actor and payload is an actor error", hWhistled, ev(matters.Dispatch, outside), false, matters.ErrActor},
		{"a single-unit dispatch has no support to act", dispatchedOne, ev(matters.Accept, sup1), false, matters.ErrActor},
	}
	sentinels := []error{matters.ErrOrder, matters.ErrTransition, matters.ErrActor, matters.ErrInvalid}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := &matters.Matter{}
			if len(tt.prior) > 0 {
				m = build(t, tt.prior...)
			}
			e := tt.e
			if !tt.raw {
				e = next(m, e)
			}
			before := snapshot(m)
			err := m.Apply(e)
			if !errors.Is(err, tt.want) {
				t.Fatalf("Apply(%s by %q) = %v, want %v", e.Kind, e.Actor, err, tt.want)
			}
			for _, s := range sentinels {
				if s != tt.want && errors.Is(err, s) {
					t.Errorf("Apply error %v also matches %v", err, s)
				}
			}
			var ee *matters.EventError
			if !errors.As(err, &ee) {
				t.Fatalf("Apply error %T is not an *EventError", err)
			}
			if ee.Matter != e.Matter || ee.Seq != e.Seq || ee.Kind != e.Kind || ee.Actor != e.Actor {
				t.Errorf("EventError names %q seq %d %s by %q, want %q seq %d %s by %q", ee.Matter, ee.Seq, ee.Kind, ee.Actor, e.Matter, e.Seq, e.Kind, e.Actor)
			}
			msg := err.Error()
			for _, part := range []string{e.Kind.String(), e.Actor} {
				if !strings.Contains(msg, part) {
					t.Errorf("message %q does not name %q", msg, part)
				}
			}
			sameMatter(t, "matter after a rejected event", before, m)
		})
	}
}

func TestApplyErrorMessage(t *testing.T) {
	m := build(t, hDispatched...)
	err := m.Apply(next(m, ev(matters.Accept, outside)))
	want := `matters: matter "M-1" seq 4 accept by "区教育局": only a dispatched unit may accept; owner "赭山街道", lead "区城管局", support ["区市场监管局" "区生态环境分局"]: actor not allowed`
	if err == nil || err.Error() != want {
		t.Errorf("error = %v\nwant    %s", err, want)
	}
}

func TestApplyCopiesTheEvent(t *testing.T) {
	m := build(t, hWhistled...)
	e := next(m, ev(matters.Dispatch, owner, lead, sup1))
	if err := m.Apply(e); err != nil {
		t.Fatal(err)
	}
	before := snapshot(m)
	e.Units[0], e.Units[1] = "篡改", "篡改"
	sameMatter(t, "matter after the caller changed its event", before, m)

	m = build(t, hResolved...)
	f := next(m, ev(matters.Feedback, owner))
	if err := m.Apply(f); err != nil {
		t.Fatal(err)
	}
	*f.Satisfied = false
	if !*m.Events[len(m.Events)-1].Satisfied {
		t.Error("the caller's Satisfied is shared with the matter's history")
	}
}

func TestReplay(t *testing.T) {
	events := number(append(slices.Clone(hClosed), ev(matters.Feedback, owner))...)
	m, err := matters.Replay(events)
	if err != nil {
		t.Fatal(err)
	}
	if m.State != matters.Closed || len(m.Events) != len(events) || m.Lead != lead || m.Owner != owner {
		t.Errorf("Replay = state %v, %d events, lead %q, owner %q; want closed, %d events, lead %q, owner %q",
			m.State, len(m.Events), m.Lead, m.Owner, len(events), lead, owner)
	}
	built := &matters.Matter{}
	for _, e := range events {
		if err := built.Apply(e); err != nil {
			t.Fatal(err)
		}
	}
	sameMatter(t, "replayed matter", built, m)
	again, err := matters.Replay(m.Events)
	if err != nil {
		t.Fatal(err)
	}
	sameMatter(t, "matter replayed from its own events", m, again)

	before := snapshot(m)
	for i := range events {
		for j := range events[i].Units {
			events[i].Units[j] = "篡改"
		}
		if events[i].Satisfied != nil {
			*events[i].Satisfied = false
		}
	}
	sameMatter(t, "replayed matter after the caller changed its events", before, m)
}

func TestReplayErrors(t *testing.T) {
	if _, err := matters.Replay(nil); !errors.Is(err, matters.ErrInvalid) {
		t.Errorf("Replay(nil) error = %v, want ErrInvalid", err)
	}
	events := number(ev(matters.Report, owner), ev(matters.Whistle, owner), ev(matters.Resolve, lead))
	m, err := matters.Replay(events)
	if m != nil || !errors.Is(err, matters.ErrTransition) || !strings.Contains(err.Error(), "event 2") {
		t.Errorf("Replay = %v, %v; want nil and an ErrTransition naming event 2", m, err)
	}
}

func TestClone(t *testing.T) {
	m := build(t, append(slices.Clone(hClosed), ev(matters.Feedback, owner))...)
	c := m.Clone()
	sameMatter(t, "clone", m, c)
	c.Support[0] = "x"
	c.Events[2].Units[0] = "x"
	*c.Events[len(c.Events)-1].Satisfied = false
	if m.Support[0] == "x" || m.Events[2].Units[0] == "x" || !*m.Events[len(m.Events)-1].Satisfied {
		t.Error("the clone shares memory with the matter")
	}
	solved := next(m, ev(matters.Feedback, owner))
	solved.Ref, solved.Note, solved.Solved = len(m.Events), "更正", yes()
	if err := m.Apply(solved); err != nil {
		t.Fatal(err)
	}
	c = m.Clone()
	*c.Events[len(c.Events)-1].Solved = false
	if !*m.Events[len(m.Events)-1].Solved {
		t.Error("the clone shares Solved with the matter")
	}
	if (*matters.Matter)(nil).Clone() != nil {
		t.Error("nil.Clone() != nil")
	}
	sameMatter(t, "clone of the zero matter", &matters.Matter{}, (&matters.Matter{}).Clone())
}

// actors are the units that random events are drawn from.
var actors = []string{owner, lead, sup1, sup2, outside, hotline}

// lastKinds is the number of event kinds.
const lastKinds = int(matters.Reply)

// latestAnswer returns the Seq of m's latest Feedback, or 0.
func latestAnswer(m *matters.Matter) int {
	for i := len(m.Events) - 1; i >= 0; i-- {
		if m.Events[i].Kind == matters.Feedback {
			return m.Events[i].Seq
		}
	}
	return 0
}

// randomEvent returns an event for m with a random kind, actor and units,
// the next Seq and a time a little after the last event; legal or not. A
// decision mostly names the waiting request, a feedback mostly the answer
// it corrects, and most carry a note.
func randomEvent(r *rand.Rand, m *matters.Matter, last time.Time) matters.Event {
	e := matters.Event{
		Matter: "M-1",
		Seq:    len(m.Events) + 1,
		At:     last.Add(time.Duration(r.Intn(48*60)) * time.Minute),
		Kind:   matters.Kind(1 + r.Intn(lastKinds)),
		Actor:  actors[r.Intn(len(actors))],
		Type:   "违法建设",
	}
	if r.Intn(5) != 0 {
		e.Note = "说明"
	}
	switch e.Kind {
	case matters.Report:
		if r.Intn(2) == 0 {
			e.Units = []string{actors[r.Intn(len(actors))]}
		}
	case matters.Dispatch:
		units := slices.Clone(actors[1:4])
		r.Shuffle(len(units), func(i, j int) { units[i], units[j] = units[j], units[i] })
		e.Units = units[:1+r.Intn(len(units))]
	case matters.Feedback:
		b := r.Intn(4) != 0
		e.Satisfied = &b
		if r.Intn(4) != 0 {
			e.Ref = latestAnswer(m)
		}
	case matters.Approve, matters.Deny:
		if r.Intn(6) != 0 {
			e.Ref = m.Pending.Seq
		}
	case matters.Extend:
		e.Days = r.Intn(4)
	}
	return e
}

// legalHistory grows a legal history of up to n events with a seeded
// generator: it proposes random events and keeps those Apply accepts,
// checking on the way that a refused event changes nothing.
func legalHistory(t testing.TB, seed int64, n int) *matters.Matter {
	return grow(t, seed, &matters.Matter{}, n)
}

// grow is legalHistory from m's events (from t0 if none).
func grow(t testing.TB, seed int64, m *matters.Matter, n int) *matters.Matter {
	r := rand.New(rand.NewSource(seed))
	last := t0
	if len(m.Events) > 0 {
		last = m.Events[len(m.Events)-1].At
	}
	for tries := 0; len(m.Events) < n && tries < 20*n; tries++ {
		e := randomEvent(r, m, last)
		if len(m.Events) == 0 {
			e.Kind = matters.Report
		}
		before := fieldsOf(m)
		n := len(m.Events)
		if err := m.Apply(e); err != nil {
			if after := fieldsOf(m); !reflect.DeepEqual(before, after) || n != len(m.Events) { // FuzzApply checks the history deeply
				t.Fatalf("seed %d: refused event %s by %s (%v) changed the matter, of %d events before and %d after; mismatch (-before +after):\n%s",
					seed, e.Kind, e.Actor, err, n, len(m.Events), cmp.Diff(before, after))
			}
			continue
		}
		last = e.At
		checkInvariants(t, m)
	}
	return m
}

// checkInvariants fails if the matter's fields contradict each other.
func checkInvariants(t testing.TB, m *matters.Matter) {
	t.Helper()
	dispatched := m.State >= matters.Dispatched && m.State <= matters.Resolved
	switch {
	case m.State < matters.Reported || m.State > matters.Closed:
		t.Fatalf("matter %s: state %d", m.ID, m.State)
	case dispatched && m.Lead == "":
		t.Fatalf("matter %s: %s with no lead", m.ID, m.State)
	case (m.State == matters.Reported || m.State == matters.Whistled) && (m.Lead != "" || m.Support != nil || m.Coordinated):
		t.Fatalf("matter %s: %s with units %q %q", m.ID, m.State, m.Lead, m.Support)
	case m.Suspended && m.State != matters.Dispatched && m.State != matters.Accepted:
		t.Fatalf("matter %s: suspended while %s", m.ID, m.State)
	case slices.Contains(m.Support, m.Lead):
		t.Fatalf("matter %s: lead %s also supports", m.ID, m.Lead)
	case m.Owner == "":
		t.Fatalf("matter %s: no owner", m.ID)
	}
	stages := 0
	for i, e := range m.Events {
		if e.Seq != i+1 || (i > 0 && e.At.Before(m.Events[i-1].At)) {
			t.Fatalf("matter %s: event %d out of order", m.ID, i)
		}
		if e.Kind == matters.Progress {
			stages++
		}
	}
	if stages != m.Stage {
		t.Fatalf("matter %s: stage %d after %d progress events", m.ID, m.Stage, stages)
	}
	if p := m.Pending; p.Seq != 0 {
		if p.Seq > len(m.Events) || m.Events[p.Seq-1].Kind != p.Kind || m.Events[p.Seq-1].Actor != p.Actor || !isRequest(p.Kind) {
			t.Fatalf("matter %s: pending %+v is not the request at its seq", m.ID, p)
		}
	}
	if m.Supervisor != "" && (m.Supervisor == m.Owner || m.Supervisor == m.Platform) {
		t.Fatalf("matter %s: supervisor %s is the owner or the platform", m.ID, m.Supervisor)
	}
	if m.Platform != "" && m.Platform == m.Owner {
		t.Fatalf("matter %s: platform %s owns it", m.ID, m.Platform)
	}
	if m.Lead == m.Owner || slices.Contains(m.Support, m.Owner) {
		t.Fatalf("matter %s: the owner %s is dispatched to", m.ID, m.Owner)
	}
	if m.Supervisor != "" && (m.Lead == m.Supervisor || slices.Contains(m.Support, m.Supervisor)) {
		t.Fatalf("matter %s: the supervisor %s is dispatched to", m.ID, m.Supervisor)
	}
}

// TestReplayProperty: replaying any legal history gives the matter that was
// built event by event, and replaying it twice gives equal matters.
func TestReplayProperty(t *testing.T) {
	kinds := make(map[matters.Kind]int)
	for seed := int64(1); seed <= 300; seed++ {
		m := legalHistory(t, seed, 40)
		for _, e := range m.Events {
			kinds[e.Kind]++
		}
		a, err := matters.Replay(m.Events)
		if err != nil {
			t.Fatalf("seed %d: Replay: %v", seed, err)
		}
		b, err := matters.Replay(m.Events)
		if err != nil {
			t.Fatalf("seed %d: Replay: %v", seed, err)
		}
		sameMatter(t, "replay of a legal history", m, a)
		sameMatter(t, "second replay", a, b)
	}
	// The generator must reach every kind of event, or the property says little.
	for k := matters.Report; k <= matters.Reply; k++ {
		if kinds[k] == 0 {
			t.Errorf("no legal %s event generated", k)
		}
	}
}

// FuzzApply applies a random sequence of events, legal or not, described by
// the fuzzer's bytes: no panic, a refused event changes nothing, an
// accepted one keeps the matter consistent and replayable.
func FuzzApply(f *testing.F) {
	f.Add([]byte{0, 0, 0, 0, 1, 0, 0, 0, 2, 0, 0, 7})
	f.Add([]byte{0, 5, 0, 1, 1, 0, 0, 0, 2, 0, 0, 7, 3, 1, 0, 0, 5, 1, 0, 0, 8, 1, 0, 0})
	f.Add([]byte{0, 0, 2, 3, 11, 0, 1, 1, 0, 255, 255, 255})
	f.Add([]byte{1, 254, 0, 0}) // a report whose note is not UTF-8
	// A hotline's matter dispatched to one lead: the hotline urges the
	// owner alone, the supervisor supervises it, the owner urges its lead,
	// then a unit off the matter, then the hotline the lead and a support
	// unit never dispatched to (Units on an Urge or a Supervise).
	f.Add([]byte{1, 6, 4, 8, 2, 1, 4, 0, 3, 1, 4, 9, 16, 6, 4, 8, 17, 5, 4, 8, 16, 1, 4, 9, 16, 1, 4, 12, 16, 6, 4, 24})
	f.Fuzz(func(t *testing.T, data []byte) {
		m := &matters.Matter{}
		last := t0
		for len(data) >= 4 && len(m.Events) < 64 {
			b := data[:4]
			data = data[4:]
			e := matters.Event{
				Matter: "M-1",
				Seq:    len(m.Events) + 1,
				At:     last.Add(time.Duration(b[2]>>2) * time.Hour),
				Kind:   matters.Kind(int(b[0]) % (lastKinds + 2)),
				Actor:  append([]string{""}, actors...)[int(b[1])%(len(actors)+1)],
				Type:   "违法建设",
			}
			switch b[2] & 3 { // now and then, break the order
			case 1:
				e.Seq += int(b[3]%3) - 1
			case 2:
				e.At = last.Add(-time.Duration(b[3]) * time.Minute)
			case 3:
				if b[3] == 0 {
					e.At = time.Time{}
				}
			}
			if b[3]&8 != 0 {
				units := append([]string{""}, actors...)
				for i := 0; i < int(b[3]>>4)%4+1; i++ {
					e.Units = append(e.Units, units[(int(b[3])+i*int(b[1]))%len(units)])
				}
			}
			if b[3]&4 != 0 {
				s := b[3]&2 != 0
				e.Satisfied = &s
			}
			if b[3]&16 != 0 { // a decision names the waiting request, a correction the latest answer
				e.Ref = m.Pending.Seq
				if e.Kind == matters.Feedback {
					e.Ref = latestAnswer(m)
				}
			}
			if b[3]&32 != 0 {
				e.Note = "说明"
			}
			e.Days = int(b[3] >> 6)
			switch b[1] {
			case 255:
				e.Matter = "M-2"
			case 254:
				e.Note = "说明\xff" // text JSON cannot keep
			}
			before, given := snapshot(m), slices.Clone(e.Units)
			err := m.Apply(e)
			if !slices.Equal(given, e.Units) {
				t.Fatalf("Apply changed the caller's units %q to %q", given, e.Units)
			}
			if err != nil {
				if !reflect.DeepEqual(before, m) {
					t.Fatalf("refused event %+v (%v) changed the matter; mismatch (-before +after):\n%s", e, err, cmp.Diff(before, m))
				}
				var ee *matters.EventError
				if !errors.As(err, &ee) {
					t.Fatalf("error %v is not an *EventError", err)
				}
				if ee.Matter != e.Matter || ee.Seq != e.Seq || ee.Kind != e.Kind || ee.Actor != e.Actor {
					t.Fatalf("error %v names matter %q seq %d %s by %q, not the event's", err, ee.Matter, ee.Seq, ee.Kind, ee.Actor)
				}
				if !slices.ContainsFunc([]error{matters.ErrOrder, matters.ErrTransition, matters.ErrActor, matters.ErrInvalid}, func(s error) bool { return errors.Is(err, s) }) {
					t.Fatalf("error %v wraps none of Apply's sentinels", err)
				}
				continue
			}
			last = e.At
			checkInvariants(t, m)
		}
		if len(m.Events) > 0 {
			r, err := matters.Replay(m.Events)
			if err != nil {
				t.Fatalf("Replay of an accepted history: %v", err)
			}
			sameMatter(t, "replay", m, r)
			var back matters.Matter
			if err := json.Unmarshal(hardening.MustJSON(t, m), &back); err != nil {
				t.Fatalf("the JSON of an accepted history does not read back: %v", err)
			}
			sameMatter(t, "matter read back from its JSON", m, &back)
		}
	})
}

// TestOneTimeZone: whatever zone the caller's times are in, a matter keeps
// them in China Standard Time, so that a matter rebuilt from its events'
// JSON — as a journal rebuilds it — is deeply equal to the live one, and
// so are the due times and statuses computed from either.
func TestOneTimeZone(t *testing.T) {
	zones := []*time.Location{time.UTC, time.FixedZone("", -5*3600), time.FixedZone("CST", 8*3600), time.Local}
	var live matters.Matter
	for i, e := range number(append(slices.Clone(hClosed), ev(matters.Feedback, owner))...) {
		e.At = e.At.In(zones[i%len(zones)])
		if err := live.Apply(e); err != nil {
			t.Fatal(err)
		}
	}
	for _, e := range live.Events {
		if e.At.Location() != workday.CST() {
			t.Errorf("event %d kept in %v, want CST", e.Seq, e.At.Location())
		}
	}
	data, err := json.Marshal(live.Events)
	if err != nil {
		t.Fatal(err)
	}
	var decoded []matters.Event
	if err := json.Unmarshal(data, &decoded); err != nil {
		t.Fatal(err)
	}
	rebuilt, err := matters.Replay(decoded)
	if err != nil {
		t.Fatal(err)
	}
	sameMatter(t, "matter rebuilt from its events' JSON", &live, rebuilt)
	empty := build(t, ev(matters.Report, owner))
	withEmpty := &matters.Matter{}
	e := next(withEmpty, ev(matters.Report, owner))
	e.Units = []string{}
	if err := withEmpty.Apply(e); err != nil {
		t.Fatal(err)
	}
	sameMatter(t, "a report with empty units", empty, withEmpty)
	st, err := live.Status(workday.China(), t0.Add(time.Hour).UTC(), route)
	if err != nil || st.At.Location() != workday.CST() {
		t.Errorf("Status.At in %v (%v), want CST", st.At.Location(), err)
	}
}

// TestEventsHandedBackInCST: the events the package builds for the caller
// to apply — Catalog.Due's, Catalog.SendBack's and Directory.Dispatch's —
// carry their instant in China Standard Time whatever zone the caller gave,
// as the package documentation's one rule for times promises.
func TestEventsHandedBackInCST(t *testing.T) {
	c := supervisedCatalog()
	cal := workday.China()
	overdue := timed(t, dispatchedAt(at(3, 4, 9, 0))...)
	platform := build(t, ev(matters.Report, hotline, owner))
	platform.Type = "油烟扰民" // not on the admission lists: the owner may send it back
	reported := build(t, ev(matters.Report, owner))
	for _, zone := range []*time.Location{time.UTC, time.FixedZone("", -5*3600)} {
		when := at(3, 20, 9, 0).In(zone)
		due, err := c.Due(cal, when, []*matters.Matter{overdue})
		if err != nil || len(due) == 0 {
			t.Fatalf("Due = %v, %v; want events", dueKinds(due), err)
		}
		back, err := c.SendBack(platform, owner, when)
		if err != nil {
			t.Fatal(err)
		}
		dispatch, err := c.Directory.Dispatch(reported, when)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range append(due, back, dispatch) {
			if e.At.Location() != workday.CST() || !e.At.Equal(when) {
				t.Errorf("%s given at %v: At = %v, want the same instant in CST", e.Kind, when, e.At)
			}
		}
	}
}
