package matters_test

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/qingdan/qingdan/accountability"
	"github.com/qingdan/qingdan/internal/hardening/samples"
	"github.com/qingdan/qingdan/matters"
	"github.com/qingdan/qingdan/matters/workday"
)

// The street of the supervision tests that the register lists as a
// sub-district besides the owner.
const street2 = "弋江街道"

// supervised is a catalog whose route for 违法建设 names lead, sup1 and
// sup2, with a supervisor, an escalation after 1 working day, a return
// visit within 2 working days and one reopening; the register lists the
// owner and street2 as sub-districts, and the admission lists hold 违法建设
// but not 油烟扰民.
func supervisedCatalog() *matters.Catalog {
	return &matters.Catalog{
		Register: &accountability.Register{Units: []accountability.Unit{
			{ID: owner, Kind: accountability.Subdistrict}, {ID: street2, Kind: accountability.Subdistrict},
			{ID: lead, Kind: accountability.Department}, {ID: sup1, Kind: accountability.Department}, {ID: sup2, Kind: accountability.Department},
		}},
		Directory: &matters.Directory{Routes: []matters.Route{
			{Type: "违法建设", Lead: lead, Support: []string{sup1, sup2}, Respond: 4 * time.Hour, ResolveDays: 5},
			{Type: "油烟扰民", Lead: sup2, Support: []string{sup1}, Respond: 4 * time.Hour, ResolveDays: 5},
		}},
		Admission:   &matters.Admission{Items: []matters.Item{{Code: "QZ-001", Name: "违法建设", List: matters.Duties}}},
		Supervision: matters.Supervision{Supervisor: supervisor, EscalateDays: 1, FeedbackDays: 2, Reopens: 1},
	}
}

// versionedCatalog is supervisedCatalog with its governance matter list
// revised: "2024", published and in force from 1 January 2024, and before
// it "2023", with the same routes.
func versionedCatalog() *matters.Catalog {
	c := supervisedCatalog()
	old := &matters.Directory{Version: "2023", Adoption: accountability.Adoption{Effective: at(1, 1, 0, 0).AddDate(-1, 0, 0), Status: accountability.Published},
		Routes: c.Directory.Routes}
	c.Directory.Version = "2024"
	c.Directory.Adoption = accountability.Adoption{Effective: at(1, 1, 0, 0), Status: accountability.Published}
	c.History.Directories = []*matters.Directory{old}
	return c
}

// at2031 is an instant the China calendar does not cover.
var at2031 = time.Date(2031, 3, 3, 9, 0, 0, 0, workday.CST())

func TestCatalogApply(t *testing.T) {
	c := supervisedCatalog()
	versioned := versionedCatalog()
	noSupervisor := supervisedCatalog()
	noSupervisor.Supervision.Supervisor = ""
	registered := supervisedCatalog() // its supervisor on the register: catalog.supervision reports it, Apply lets it supervise
	registered.Register.Units = append(registered.Register.Units, accountability.Unit{ID: supervisor, Kind: accountability.Department})
	whistled := hWhistled
	dispatched := slices.Concat(hWhistled, []matters.Event{ev(matters.Dispatch, owner, lead, sup1)})
	resolved := slices.Concat(dispatched, []matters.Event{ev(matters.Accept, lead), ev(matters.Resolve, lead)})
	reopened := slices.Concat(resolved, []matters.Event{ev(matters.Reopen, owner), ev(matters.Resolve, lead)})
	platformOf := func(typ string) []matters.Event {
		r := ev(matters.Report, hotline, owner)
		r.Type = typ
		return []matters.Event{r}
	}
	withType := func(e matters.Event, typ string) matters.Event { e.Type = typ; return e }
	withRoutes := func(e matters.Event, v string) matters.Event { e.Routes = v; return e }
	withNote := func(e matters.Event, note string) matters.Event { e.Note = note; return e }
	withSupervisor := func(e matters.Event, s string) matters.Event { e.Supervisor = s; return e }
	// A matter whose Report named a district's supervisor, not the
	// catalog's (as each of Wuhu's names its district's 督查室).
	const district = "镜湖区督查室"
	named := []matters.Event{withSupervisor(ev(matters.Report, owner), district), ev(matters.Whistle, owner), ev(matters.Dispatch, owner, lead, sup1)}
	refusedReason := (&matters.Admission{Items: c.Admission.Items}).Admit(matters.Request{Title: "油烟扰民", From: hotline}).Reason
	tests := []struct {
		name  string
		c     *matters.Catalog
		prior []matters.Event
		e     matters.Event
		when  time.Time // if set, the event's time
		want  error
	}{
		{"a report of a routed type", c, nil, ev(matters.Report, owner), time.Time{}, nil},
		{"a report of a type the list does not route", c, nil, withType(ev(matters.Report, owner), "招商引资"), time.Time{}, matters.ErrNoRoute},
		{"a report dated 2031, outside the calendar", c, nil, ev(matters.Report, owner), at2031, workday.ErrOutOfRange},
		{"a report by a hotline off the register for a sub-district", c, nil, ev(matters.Report, hotline, owner), time.Time{}, nil},
		{"a report a hotline off the register owns", c, nil, ev(matters.Report, hotline), time.Time{}, nil},
		{"a report a department would own, to whistle and grade its peers", c, nil, ev(matters.Report, lead), time.Time{}, matters.ErrActor},
		{"a report by a sub-district for a department", c, nil, ev(matters.Report, owner, sup1), time.Time{}, matters.ErrActor},
		{"a report by a department for a sub-district, to grade its grader", c, nil, ev(matters.Report, lead, owner), time.Time{}, matters.ErrActor},
		{"a report by a sub-district for another, to grade it", c, nil, ev(matters.Report, street2, owner), time.Time{}, matters.ErrActor},
		{"a report naming a department its supervisor", c, nil, withSupervisor(ev(matters.Report, owner), sup2), time.Time{}, matters.ErrActor},
		{"a report naming a body off the register its supervisor", c, nil, withSupervisor(ev(matters.Report, owner), supervisor), time.Time{}, nil},
		{"a rival department the first to supervise, with no supervisor in the catalog", noSupervisor, dispatched, ev(matters.Supervise, sup2), time.Time{}, matters.ErrActor},
		{"a body off the register the first to supervise, with no supervisor in the catalog", noSupervisor, dispatched, ev(matters.Supervise, "区委督查室"), time.Time{}, nil},
		// These pin a policy choice documented in docs/policy.md ("A
		// Report may name any body off the register as the supervisor"):
		// the body named alone supervises the matter.
		{"a report naming another body off the register its supervisor", c, nil, withSupervisor(ev(matters.Report, owner), district), time.Time{}, nil},
		{"the catalog's supervisor supervises a matter whose report named another", c, named, ev(matters.Supervise, supervisor), time.Time{}, matters.ErrActor},
		{"the supervisor the report named supervises", c, named, ev(matters.Supervise, district), time.Time{}, nil},
		{"the catalog's supervisor, on the register (Validate reports it), the first to supervise", registered, dispatched, ev(matters.Supervise, supervisor), time.Time{}, nil},
		{"the catalog's supervisor, on the register, named by a report", registered, nil, withSupervisor(ev(matters.Report, owner), supervisor), time.Time{}, nil},
		{"an accept dated 2031", c, dispatched, ev(matters.Accept, lead), at2031, workday.ErrOutOfRange},
		{"a report when no list is in force", versioned, nil, ev(matters.Report, owner), at(1, 1, 0, 0).AddDate(-2, 0, 0), matters.ErrNoRevision},
		{"a dispatch on the route", c, whistled, ev(matters.Dispatch, owner, lead, sup2), time.Time{}, nil},
		{"a dispatch to another lead", c, whistled, ev(matters.Dispatch, owner, sup1, lead), time.Time{}, matters.ErrOffRoute},
		{"a dispatch to a support unit off the route", c, whistled, ev(matters.Dispatch, owner, lead, outside), time.Time{}, matters.ErrOffRoute},
		{"a dispatch recording the revision in force", versioned, whistled, withRoutes(ev(matters.Dispatch, owner, lead), "2024"), time.Time{}, nil},
		{"a dispatch recording a revision no longer in force", versioned, whistled, withRoutes(ev(matters.Dispatch, owner, lead), "2023"), time.Time{}, matters.ErrNoRevision},
		{"a dispatch recording a revision the catalog lacks", versioned, whistled, withRoutes(ev(matters.Dispatch, owner, lead), "2099"), time.Time{}, matters.ErrNoRevision},
		{"a dispatch to the catalog's supervisor, with the owner's reason", c, whistled,
			func() matters.Event {
				e := ev(matters.Dispatch, owner, lead, supervisor)
				e.Override = "督查室牵头协调"
				return e
			}(), time.Time{}, matters.ErrInvalid},
		{"the first reopening", c, resolved, ev(matters.Reopen, owner), time.Time{}, nil},
		{"a reopening beyond the catalog's limit", c, reopened, ev(matters.Reopen, owner), time.Time{}, matters.ErrTransition},
		{"the catalog's supervisor supervises", c, dispatched, ev(matters.Supervise, supervisor), time.Time{}, nil},
		{"another unit supervises first", c, dispatched, ev(matters.Supervise, outside), time.Time{}, matters.ErrActor},
		{"the owner hands back work its lists hold", c, platformOf("违法建设"), withNote(ev(matters.Return, owner), "不属街道职责"), time.Time{}, matters.ErrTransition},
		{"the owner hands back work its lists do not hold, with the decision", c, platformOf("油烟扰民"), withNote(ev(matters.Return, owner), refusedReason), time.Time{}, nil},
		{"the owner hands back unlisted work with another reason", c, platformOf("油烟扰民"), withNote(ev(matters.Return, owner), "人手不足"), time.Time{}, matters.ErrInvalid},
		{"a sub-district dispatched to returns listed work", c, slices.Concat(hWhistled, []matters.Event{ev(matters.Dispatch, owner, street2)}), withNote(ev(matters.Return, street2), "不归我管"), time.Time{}, matters.ErrTransition},
		{"a department returns as before", c, dispatched, ev(matters.Return, sup1), time.Time{}, nil},
		{"Matter.Apply's own refusals come through", c, whistled, ev(matters.Accept, lead), time.Time{}, matters.ErrTransition},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, e := after(t, tt.prior, tt.e)
			if !tt.when.IsZero() {
				e.At = tt.when
			}
			before := snapshot(m)
			err := tt.c.Apply(workday.China(), m, e)
			if !errors.Is(err, tt.want) || (tt.want == nil) != (err == nil) {
				t.Fatalf("Catalog.Apply(%s by %s) = %v, want %v", e.Kind, e.Actor, err, tt.want)
			}
			if err == nil {
				return
			}
			var ee *matters.EventError
			if !errors.As(err, &ee) || ee.Seq != e.Seq || ee.Kind != e.Kind {
				t.Errorf("error %v is not an *EventError naming seq %d %s", err, e.Seq, e.Kind)
			}
			sameMatter(t, "matter after a refused event", before, m)
		})
	}
}

// TestOffRouteOverride: a dispatch off the route is refused without an
// override and accepted with one, and the override is in the history.
func TestOffRouteOverride(t *testing.T) {
	c := supervisedCatalog()
	m := build(t, hWhistled...)
	off := next(m, ev(matters.Dispatch, owner, outside))
	err := c.Apply(workday.China(), m, off)
	if !errors.Is(err, matters.ErrOffRoute) || !strings.Contains(err.Error(), outside) {
		t.Fatalf("off the route without a reason: %v, want ErrOffRoute naming %s", err, outside)
	}
	off.Override = "区城管局人员全部在防汛一线，经街道党工委研究临时派区教育局协助"
	if err := c.Apply(workday.China(), m, off); err != nil {
		t.Fatalf("off the route with the owner's reason: %v", err)
	}
	last := m.Events[len(m.Events)-1]
	if last.Kind != matters.Dispatch || last.Override != off.Override || m.Lead != outside {
		t.Errorf("history ends with %+v, lead %s; want the dispatch and its override", last, m.Lead)
	}
	back, err := matters.Replay(m.Events)
	if err != nil {
		t.Fatal(err)
	}
	sameMatter(t, "replay of a history with an override", m, back)
}

func TestSendBack(t *testing.T) {
	c := supervisedCatalog()
	r := ev(matters.Report, hotline, owner)
	r.Type = "油烟扰民"
	m := build(t, r)
	e, err := c.SendBack(m, owner, at(3, 4, 10, 0))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(e.Note, "refused") || !strings.Contains(e.Note, "油烟扰民") {
		t.Errorf("Note %q is not the admission decision", e.Note)
	}
	cal := workday.China()
	if err := c.Apply(cal, m, e); err != nil {
		t.Fatalf("applying SendBack's event: %v", err)
	}
	approve := matters.Event{Matter: m.ID, Seq: len(m.Events) + 1, At: e.At, Kind: matters.Approve, Actor: hotline, Ref: e.Seq, Note: "核实不属街道准入事项，热线改派"}
	if err := c.Apply(cal, m, approve); err != nil {
		t.Fatal(err)
	}
	if m.Owner != hotline || m.Platform != "" || m.State != matters.Reported {
		t.Fatalf("after the hotline approved: owner %s, platform %q, %s; want the hotline's, reported", m.Owner, m.Platform, m.State)
	}
	d, err := c.Directory.Dispatch(m, e.At.Add(time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	if err := c.Apply(cal, m, d); err != nil {
		t.Fatalf("the hotline re-dispatches on the route: %v", err)
	}
	listed := build(t, ev(matters.Report, hotline, owner))
	if _, err := c.SendBack(listed, owner, at(3, 4, 10, 0)); !errors.Is(err, matters.ErrTransition) || !strings.Contains(err.Error(), "admitted") {
		t.Errorf("SendBack of listed work: %v, want ErrTransition giving the decision", err)
	}
}

// TestSendBackExcludedWork: a catalog's admission decisions read the
// default exclusions under the admission's own, as Catalog.Validate does,
// so a sub-district may hand back 招商引资 work that its lists still hold
// by mistake (which Validate reports), and a catalog whose admission
// allows it back again, by an exclusion of the same name, does not.
func TestSendBackExcludedWork(t *testing.T) {
	c := supervisedCatalog()
	c.Admission = &matters.Admission{Items: []matters.Item{{Code: "ZS-1", Name: "完成招商引资任务", List: matters.Duties}}}
	r := ev(matters.Report, hotline, owner)
	r.Type = "完成招商引资任务"
	m := build(t, r)
	e, err := c.SendBack(m, owner, at(3, 4, 10, 0))
	if err != nil {
		t.Fatalf("SendBack of excluded work its lists hold: %v", err)
	}
	if !strings.Contains(e.Note, "招商引资") || !strings.Contains(e.Note, "取消街道招商引资职能") {
		t.Errorf("Note %q does not give the exclusion", e.Note)
	}
	if err := c.Apply(workday.China(), m, e); err != nil {
		t.Errorf("applying SendBack's event: %v", err)
	}
	c.Admission.Excluded = []matters.Exclusion{{Name: "招商引资", Allow: []string{"任务"}}}
	if _, err := c.SendBack(build(t, r), owner, at(3, 4, 10, 0)); !errors.Is(err, matters.ErrTransition) {
		t.Errorf("SendBack with the default replaced by the admission's own: %v, want ErrTransition", err)
	}
}

// decision is an admission decision, in brief.
type decision struct {
	Admitted bool
	Reason   string
}

// workDecided is the title of work an admission's lists hold and its
// decisions: alone, as an Admission with no Excluded decides it, and by
// default, as DefaultExclusions decide it.
type workDecided struct {
	title            string
	alone, byDefault decision
}

// excludedWork returns an admission excluding excluded whose lists hold
// work DefaultExclusions excludes, 招商引资 and 协税护税, and work no
// exclusion names, with that work and its decisions.
func excludedWork(excluded []matters.Exclusion) (*matters.Admission, []workDecided) {
	a := &matters.Admission{Items: []matters.Item{
		{Code: "ZS-1", Name: "完成招商引资任务", List: matters.Duties},
		{Code: "XS-1", Name: "协税护税工作", List: matters.OtherWork},
		{Code: "QZ-001", Name: "违法建设", List: matters.Duties},
	}, Excluded: excluded}
	return a, []workDecided{
		{"完成招商引资任务", decision{true, `admitted: item ZS-1 "完成招商引资任务" on 权责清单 (duties)`},
			decision{false, `refused: title "完成招商引资任务" falls under the exclusion 招商引资: 取消街道招商引资职能; no approval can admit it`}},
		{"协税护税工作", decision{true, `admitted: item XS-1 "协税护税工作" on 其他工作事项清单 (other)`},
			decision{false, `refused: title "协税护税工作" falls under the exclusion 协税护税: 取消街道协税护税职能; no approval can admit it`}},
		{"违法建设", decision{true, `admitted: item QZ-001 "违法建设" on 权责清单 (duties)`},
			decision{true, `admitted: item QZ-001 "违法建设" on 权责清单 (duties)`}},
	}
}

// TestAdmitHoldsOnlyItsExclusions pins a policy choice documented in
// docs/policy.md ("Admission.Admit applies only the exclusions it holds"):
// an Admission with no Excluded admits work its lists hold though
// DefaultExclusions excludes it, while a Catalog with that admission reads
// the defaults under it and refuses that work: its owner may send it back
// (Catalog.SendBack, whose Note is the catalog's decision). Work no
// exclusion names is admitted by both.
func TestAdmitHoldsOnlyItsExclusions(t *testing.T) {
	c := supervisedCatalog()
	var cases []workDecided
	c.Admission, cases = excludedWork(nil)
	for _, tt := range cases {
		t.Run(tt.title, func(t *testing.T) {
			d := c.Admission.Admit(matters.Request{Title: tt.title, From: hotline})
			if diff := cmp.Diff(tt.alone, decision{d.Admitted, d.Reason}); diff != "" {
				t.Errorf("Admission.Admit mismatch (-want +got):\n%s", diff)
			}
			r := ev(matters.Report, hotline, owner)
			r.Type = tt.title
			e, err := c.SendBack(build(t, r), owner, at(3, 4, 10, 0))
			got := decision{false, e.Note}
			if errors.Is(err, matters.ErrTransition) { // admitted: the error gives the decision
				_, why, _ := strings.Cut(err.Error(), fmt.Sprintf("may not send back %q: ", tt.title))
				got = decision{true, strings.TrimSuffix(why, ": "+matters.ErrTransition.Error())}
			} else if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.byDefault, got); diff != "" {
				t.Errorf("the catalog's decision mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestFeedbackLate(t *testing.T) {
	c := supervisedCatalog()
	cal := workday.China()
	resolvedAt := func(when time.Time, more ...matters.Event) *matters.Matter {
		h := slices.Concat(dispatchedAt(at(3, 4, 9, 0)), []matters.Event{tev(at(3, 4, 10, 0), matters.Accept, lead), tev(when, matters.Resolve, lead)}, more)
		return timed(t, h...)
	}
	answer := func(when time.Time) matters.Event { return tev(when, matters.Feedback, owner) }
	reopen := func(when time.Time) matters.Event { return tev(when, matters.Reopen, owner) }
	tests := []struct {
		name string
		m    *matters.Matter
		at   time.Time
		want bool
	}{
		{"answered the next day", resolvedAt(at(3, 5, 9, 0), answer(at(3, 6, 9, 0))), at(3, 20, 0, 0), false},
		{"answered at the limit", resolvedAt(at(3, 5, 9, 0), answer(at(3, 7, 9, 0))), at(3, 20, 0, 0), false},
		{"answered after two working days", resolvedAt(at(3, 5, 9, 0), answer(at(3, 7, 9, 1))), at(3, 20, 0, 0), true},
		{"a Friday resolution answered on Tuesday morning", resolvedAt(at(3, 8, 16, 0), answer(at(3, 12, 9, 0))), at(3, 20, 0, 0), false},
		{"not yet answered, within the limit", resolvedAt(at(3, 5, 9, 0)), at(3, 6, 9, 0), false},
		{"never answered", resolvedAt(at(3, 5, 9, 0)), at(3, 20, 0, 0), true},
		{"the first round late, the second on time", resolvedAt(at(3, 5, 9, 0), answer(at(3, 8, 9, 0)), reopen(at(3, 8, 10, 0)),
			tev(at(3, 11, 9, 0), matters.Resolve, lead), answer(at(3, 11, 10, 0))), at(3, 20, 0, 0), true},
		// A reopening after the limit does not undo a return visit that
		// was due and never came; one within the limit leaves none due.
		{"never answered, reopened after the limit", resolvedAt(at(3, 5, 9, 0), reopen(at(3, 10, 9, 0)),
			tev(at(3, 11, 9, 0), matters.Resolve, lead), answer(at(3, 11, 10, 0))), at(3, 20, 0, 0), true},
		{"not answered, reopened within the limit", resolvedAt(at(3, 5, 9, 0), reopen(at(3, 6, 9, 0)),
			tev(at(3, 11, 9, 0), matters.Resolve, lead), answer(at(3, 11, 10, 0))), at(3, 20, 0, 0), false},
		// These pin a policy choice documented in docs/policy.md ("The
		// latest answer counts, even one from before a Reopen"): the
		// answer before the Reopen grades the Close, and the return visit
		// the second resolution calls for is still due.
		{"answered, reopened, resolved again and closed, not answered again: within the limit", resolvedAt(at(3, 5, 9, 0), answer(at(3, 5, 12, 0)),
			reopen(at(3, 5, 13, 0)), tev(at(3, 11, 9, 0), matters.Resolve, lead), tev(at(3, 11, 10, 0), matters.Close, owner)), at(3, 13, 9, 0), false},
		{"answered, reopened, resolved again and closed, not answered again: past the limit", resolvedAt(at(3, 5, 9, 0), answer(at(3, 5, 12, 0)),
			reopen(at(3, 5, 13, 0)), tev(at(3, 11, 9, 0), matters.Resolve, lead), tev(at(3, 11, 10, 0), matters.Close, owner)), at(3, 13, 9, 1), true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := c.FeedbackLate(cal, tt.m, tt.at)
			if err != nil || got != tt.want {
				t.Errorf("FeedbackLate = %v, %v; want %v", got, err, tt.want)
			}
		})
	}
	if late, err := (&matters.Catalog{}).FeedbackLate(cal, resolvedAt(at(3, 5, 9, 0)), at(12, 1, 0, 0)); late || err != nil {
		t.Errorf("with no limit: %v, %v; want false", late, err)
	}
	if _, err := c.FeedbackLate(cal, resolvedAt(at(12, 30, 9, 0)), at(12, 31, 0, 0)); err != nil {
		t.Errorf("near the calendar's end: %v", err)
	}
}

// dueKinds returns the kinds of events, in order.
func dueKinds(events []matters.Event) []matters.Kind {
	var ks []matters.Kind
	for _, e := range events {
		ks = append(ks, e.Kind)
	}
	return ks
}

// TestDueOncePerThreshold runs the scan every quarter of an hour over a
// matter's life and applies what it returns: each threshold calls for its
// event exactly once, at the first instant past it, and a second scan at
// the same instant returns nothing.
func TestDueOncePerThreshold(t *testing.T) {
	c := supervisedCatalog()
	cal := workday.China()
	tests := []struct {
		name   string
		events []matters.Event
		want   map[matters.Kind][]time.Time
	}{
		// Dispatched Monday 09:00, 4h to respond: 75% at 12:00, overdue
		// after 13:00, escalated after Tuesday 13:00.
		{"the lead never answers", dispatchedAt(at(3, 4, 9, 0)), map[matters.Kind][]time.Time{
			matters.Urge: {at(3, 4, 12, 0)}, matters.Supervise: {at(3, 4, 13, 15), at(3, 5, 13, 15)}}},
		// 5 working days to resolve: 75% is 90h of 120h, Friday 3:00;
		// overdue after Monday 11 March 09:00, escalated after Tuesday.
		{"the lead answers and never resolves", slices.Concat(dispatchedAt(at(3, 4, 9, 0)), []matters.Event{tev(at(3, 4, 10, 0), matters.Accept, lead)}),
			map[matters.Kind][]time.Time{matters.Urge: {at(3, 8, 3, 0)}, matters.Supervise: {at(3, 11, 9, 15), at(3, 12, 9, 15)}}},
		// An approved extension of 2 days moves the resolution thresholds:
		// 7 days, 75% = 126h: Monday 11 March 15:00.
		{"an approved extension", slices.Concat(dispatchedAt(at(3, 4, 9, 0)), []matters.Event{tev(at(3, 4, 10, 0), matters.Accept, lead),
			withDays(tev(at(3, 4, 11, 0), matters.Extend, lead), 2), tev(at(3, 4, 11, 0), matters.Approve, owner)}),
			map[matters.Kind][]time.Time{matters.Urge: {at(3, 11, 15, 0)}, matters.Supervise: {at(3, 13, 9, 15), at(3, 14, 9, 15)}}},
		// A denied extension moves nothing.
		{"a denied extension", slices.Concat(dispatchedAt(at(3, 4, 9, 0)), []matters.Event{tev(at(3, 4, 10, 0), matters.Accept, lead),
			withDays(tev(at(3, 4, 11, 0), matters.Extend, lead), 2), tev(at(3, 4, 11, 0), matters.Deny, owner)}),
			map[matters.Kind][]time.Time{matters.Urge: {at(3, 8, 3, 0)}, matters.Supervise: {at(3, 11, 9, 15), at(3, 12, 9, 15)}}},
		// A hotline's matter reported Monday 09:00 and dispatched a working
		// day later: the owner's clock, from the Report, reaches each
		// threshold a day before its lead's (the times of the second row,
		// a day on). The hotline's urging and the first supervision press
		// the owner alone, late on its own clock; its lead is urged and
		// supervised a day later on its own, the owner's escalation and its
		// lead's first supervision one event pressing both.
		{"a hotline's matter dispatched a day late", []matters.Event{tev(at(3, 4, 9, 0), matters.Report, hotline, owner),
			tev(at(3, 4, 9, 30), matters.Whistle, owner), tev(at(3, 5, 9, 0), matters.Dispatch, owner, lead, sup1), tev(at(3, 5, 10, 0), matters.Accept, lead)},
			map[matters.Kind][]time.Time{matters.Urge: {at(3, 8, 3, 0), at(3, 11, 3, 0)}, matters.Supervise: {at(3, 11, 9, 15), at(3, 12, 9, 15), at(3, 13, 9, 15)}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := timed(t, tt.events...)
			last := m.Events[len(m.Events)-1].At
			got := map[matters.Kind][]time.Time{}
			for now := at(3, 4, 9, 0); now.Before(at(3, 20, 0, 0)); now = now.Add(15 * time.Minute) {
				if now.Before(last) {
					continue
				}
				due, err := c.Due(cal, now, []*matters.Matter{m})
				if err != nil {
					t.Fatal(err)
				}
				for _, e := range due {
					if err := c.Apply(cal, m, e); err != nil {
						t.Fatalf("at %s: applying %s: %v", now, e.Kind, err)
					}
					got[e.Kind] = append(got[e.Kind], e.At)
				}
				again, err := c.Due(cal, now, []*matters.Matter{m})
				if err != nil || len(again) > 0 {
					t.Fatalf("at %s: a second scan returned %v, %v; want nothing", now, dueKinds(again), err)
				}
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("due events mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func withDays(e matters.Event, days int) matters.Event { e.Days = days; return e }

func units(e matters.Event, units ...string) matters.Event { e.Units = units; return e }

func TestDueCases(t *testing.T) {
	c := supervisedCatalog()
	cal := workday.China()
	overdue := timed(t, dispatchedAt(at(3, 4, 9, 0))...)
	fresh := timed(t, dispatchedAt(at(3, 4, 9, 0))...)
	// Reopened once (the limit), and the citizen still says no.
	again := slices.Concat(dispatchedAt(at(3, 4, 9, 0)), []matters.Event{
		tev(at(3, 4, 10, 0), matters.Accept, lead), tev(at(3, 5, 9, 0), matters.Resolve, lead),
		func() matters.Event { e := tev(at(3, 5, 10, 0), matters.Feedback, owner); e.Satisfied = no(); return e }(),
		tev(at(3, 5, 11, 0), matters.Reopen, owner), tev(at(3, 6, 9, 0), matters.Resolve, lead),
	})
	stillNo := func() matters.Event { e := tev(at(3, 6, 10, 0), matters.Feedback, owner); e.Satisfied = no(); return e }()
	dissatisfied := timed(t, append(slices.Clone(again), stillNo)...)
	satisfied := timed(t, append(slices.Clone(again), tev(at(3, 6, 10, 0), matters.Feedback, owner))...)
	alreadySupervised := timed(t, append(slices.Clone(again), stillNo, tev(at(3, 6, 11, 0), matters.Supervise, supervisor))...)
	// Reopened once, returned by the lead and dispatched again: the limit
	// counts the reopening before the new dispatch, as Catalog.Apply does.
	redispatched := timed(t, slices.Concat(dispatchedAt(at(3, 4, 9, 0)), []matters.Event{
		tev(at(3, 4, 10, 0), matters.Accept, lead), tev(at(3, 5, 9, 0), matters.Resolve, lead),
		func() matters.Event { e := tev(at(3, 5, 10, 0), matters.Feedback, owner); e.Satisfied = no(); return e }(),
		tev(at(3, 5, 11, 0), matters.Reopen, owner),
		tev(at(3, 5, 12, 0), matters.Return, lead), tev(at(3, 5, 12, 0), matters.Approve, owner),
		tev(at(3, 5, 13, 0), matters.Dispatch, owner, lead, sup1),
		tev(at(3, 5, 14, 0), matters.Accept, lead), tev(at(3, 6, 9, 0), matters.Resolve, lead), stillNo,
	})...)
	if err := c.Apply(cal, redispatched.Clone(), next(redispatched, tev(at(3, 6, 11, 0), matters.Reopen, owner))); !errors.Is(err, matters.ErrTransition) {
		t.Fatalf("a second reopening = %v, want ErrTransition: the limit is reached", err)
	}
	later := timed(t, slices.Concat(dispatchedAt(at(3, 4, 9, 0)), []matters.Event{tev(at(3, 30, 9, 0), matters.Accept, sup1)})...)
	unrouted := timed(t, dispatchedAt(at(3, 4, 9, 0))...)
	unrouted.Type = "井盖缺失" // no such route; a host's matter edited by hand
	noSupervisor := *c
	noSupervisor.Supervision.Supervisor = ""
	tests := []struct {
		name    string
		c       *matters.Catalog
		ms      []*matters.Matter
		want    []matters.Kind
		wantErr []string
	}{
		{"nothing", c, nil, nil, nil},
		{"nil and new matters", c, []*matters.Matter{nil, {}, build(t, hWhistled...)}, nil, nil},
		{"overdue by days: urge, supervise and escalate at once", c, []*matters.Matter{overdue},
			[]matters.Kind{matters.Urge, matters.Supervise, matters.Supervise}, nil},
		{"reopened to the limit and still dissatisfied", c, []*matters.Matter{dissatisfied}, []matters.Kind{matters.Supervise}, nil},
		{"reopened to the limit and satisfied", c, []*matters.Matter{satisfied}, nil, nil},
		{"supervised after the answer already", c, []*matters.Matter{alreadySupervised}, nil, nil},
		{"reopened to the limit before a re-dispatch and still dissatisfied", c, []*matters.Matter{redispatched}, []matters.Kind{matters.Supervise}, nil},
		// A support unit dated its Accept ten days ahead: the matter,
		// overdue since the 9th, took no event before the 30th and Due
		// skipped it in silence — an urging and two supervisions held off.
		{"a matter with an event after the instant is named, the others scanned", c, []*matters.Matter{later, overdue},
			[]matters.Kind{matters.Urge, matters.Supervise, matters.Supervise}, []string{`matter "M-1": event 4 (accept by "`, "dated 2024-03-30T09:00:00+08:00, after", "out of order"}},
		{"no supervisor: the urging, and an error", &noSupervisor, []*matters.Matter{fresh, overdue}, []matters.Kind{matters.Urge, matters.Urge},
			[]string{`matter "M-1"`, "names a supervisor"}},
		{"an unrouted matter is named, the others scanned", c, []*matters.Matter{unrouted, overdue},
			[]matters.Kind{matters.Urge, matters.Supervise, matters.Supervise}, []string{"井盖缺失", "no route"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			due, err := tt.c.Due(cal, at(3, 20, 9, 0), tt.ms)
			if diff := cmp.Diff(tt.want, dueKinds(due)); diff != "" {
				t.Errorf("due kinds mismatch (-want +got):\n%s", diff)
			}
			switch {
			case tt.wantErr == nil && err != nil:
				t.Errorf("error %v, want none", err)
			case tt.wantErr != nil && err == nil:
				t.Errorf("no error, want one naming %q", tt.wantErr)
			}
			for _, part := range tt.wantErr {
				if err != nil && !strings.Contains(err.Error(), part) {
					t.Errorf("error %v does not name %q", err, part)
				}
			}
			for i, e := range due {
				if e.At != at(3, 20, 9, 0) || e.Note == "" {
					t.Errorf("due[%d] = %+v: want the scan's instant and a note", i, e)
				}
			}
		})
	}
	// The error names the matter and wraps ErrActor, as Apply refuses the
	// Supervise it would have built, one with no actor.
	if _, err := noSupervisor.Due(cal, at(3, 20, 9, 0), []*matters.Matter{overdue}); !errors.Is(err, matters.ErrActor) {
		t.Errorf("Due with no supervisor = %v, want an error wrapping ErrActor", err)
	}
	due, err := c.Due(cal, at(3, 20, 9, 0), []*matters.Matter{overdue})
	if err != nil || len(due) != 3 {
		t.Fatalf("Due of the overdue matter = %+v, %v; want an urging and two supervisions", due, err)
	}
	if due[0].Actor != owner || due[1].Actor != supervisor || due[1].Seq != due[0].Seq+1 || due[2].Seq != due[1].Seq+1 {
		t.Errorf("due = %+v: want the owner's urging, then the supervisor's two, numbered in turn", due)
	}
}

// TestAtDueAgrees: the catalog At gives holds what Due uses — the lists
// in force, a list without revisions itself, and the supervision — so
// c.At(t).Due and c.Due return the same events, escalations included, for
// a catalog without revisions and for one with them (matters dispatched
// under the revision in force at t).
func TestAtDueAgrees(t *testing.T) {
	cal := workday.China()
	versioned := supervisedCatalog()
	versioned.Directory.Version = "2024"
	versioned.Directory.Adoption = published(at(1, 1, 0, 0))
	versioned.History.Directories = []*matters.Directory{{Version: "2023", Adoption: published(at(1, 1, 0, 0).AddDate(-1, 0, 0)), Routes: versioned.Directory.Routes[:1]}}
	recorded := dispatchedAt(at(3, 4, 9, 0))
	recorded[2].Routes = "2024"
	for _, tt := range []struct {
		name string
		c    *matters.Catalog
		ms   []*matters.Matter
	}{
		{"unversioned", supervisedCatalog(), nil},
		{"versioned", versioned, []*matters.Matter{timed(t, recorded...)}},
	} {
		ms := append([]*matters.Matter{
			timed(t, dispatchedAt(at(3, 4, 9, 0))...),
			timed(t, slices.Concat(dispatchedAt(at(3, 4, 9, 0)), []matters.Event{tev(at(3, 4, 14, 0), matters.Supervise, supervisor)})...),
		}, tt.ms...)
		for _, now := range []time.Time{at(3, 4, 12, 30), at(3, 4, 13, 30), at(3, 6, 9, 0)} {
			// Before 14:00 the supervised matter has an event after now,
			// which both name (ErrOrder).
			want, wantErr := tt.c.Due(cal, now, ms)
			if wantErr != nil && !errors.Is(wantErr, matters.ErrOrder) || len(want) == 0 {
				t.Fatalf("%s: Due(%s) = %v, %v; want events", tt.name, now, dueKinds(want), wantErr)
			}
			got, err := tt.c.At(now).Due(cal, now, ms)
			if fmt.Sprint(err) != fmt.Sprint(wantErr) {
				t.Errorf("%s: At(%s).Due: error %v, want %v", tt.name, now, err, wantErr)
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("%s: At(%s).Due mismatch (-want +got):\n%s", tt.name, now, diff)
			}
		}
	}
}

// TestDueOwnerOfPlatformMatter: the owner of a matter a hotline reported
// for it is graded by the hotline on clocks that run from the Report. Due
// read only the units' clocks, from a dispatch, and an Urge or Supervise
// needed a dispatched matter: an owner that sat on a hotline's matter was
// urged and supervised by no one. Now its own clocks call for them — the
// Urge by the hotline — on the route in force at the Report.
func TestDueOwnerOfPlatformMatter(t *testing.T) {
	c := supervisedCatalog()
	report := tev(at(3, 4, 9, 0), matters.Report, hotline, owner)
	report.Supervisor = supervisor
	ownerExtended := slices.Concat([]matters.Event{report, tev(at(3, 4, 9, 30), matters.Whistle, owner), tev(at(3, 4, 10, 0), matters.Dispatch, owner, lead),
		tev(at(3, 4, 11, 0), matters.Accept, lead), withDays(tev(at(3, 4, 11, 0), matters.Extend, lead), 365), tev(at(3, 4, 11, 0), matters.Approve, owner)})
	for _, tt := range []struct {
		name   string
		events []matters.Event
		now    time.Time
		want   []got
	}{
		{"reported, sat on for two weeks: urged by the hotline, supervised, escalated", []matters.Event{report}, at(3, 20, 9, 0), []got{
			{matters.Urge, hotline, "临期催办：平台转办事项的办结时限已用 75%"},
			{matters.Supervise, supervisor, "超期督办：平台转办事项的办结超过时限"},
			{matters.Supervise, supervisor, "升级督办：超期后又逾 1 个工作日"}}},
		{"reported three hours ago, not whistled: the response clock", []matters.Event{report}, at(3, 4, 12, 0), []got{
			{matters.Urge, hotline, "临期催办：平台转办事项的响应时限已用 75%"}}},
		{"whistled at once, not dispatched in four working days: the resolution clock",
			[]matters.Event{report, tev(at(3, 4, 9, 30), matters.Whistle, owner)}, at(3, 8, 9, 0), []got{
				{matters.Urge, hotline, "临期催办：平台转办事项的办结时限已用 75%"}}},
		{"whistled at once, two hours on: nothing yet",
			[]matters.Event{report, tev(at(3, 4, 9, 30), matters.Whistle, owner)}, at(3, 4, 11, 0), nil},
		{"urged already by the hotline: no second urging",
			[]matters.Event{report, tev(at(3, 4, 9, 30), matters.Whistle, owner), tev(at(3, 6, 9, 0), matters.Urge, hotline)}, at(3, 8, 9, 0), nil},
		{"the owner urged its lead, whose return it approved: the hotline still urges the owner, whom no one urged",
			[]matters.Event{report, tev(at(3, 4, 9, 30), matters.Whistle, owner), tev(at(3, 4, 10, 0), matters.Dispatch, owner, lead),
				tev(at(3, 5, 9, 0), matters.Urge, owner), tev(at(3, 5, 10, 0), matters.Return, lead), tev(at(3, 5, 11, 0), matters.Approve, owner)},
			at(3, 8, 9, 0), []got{{matters.Urge, hotline, "临期催办：平台转办事项的办结时限已用 75%"}}},
		{"the lead supervised before its return was approved, the owner then sits on it: the owner is supervised and escalated in its turn",
			[]matters.Event{report, tev(at(3, 4, 9, 30), matters.Whistle, owner), tev(at(3, 4, 10, 0), matters.Dispatch, owner, lead),
				tev(at(3, 5, 9, 0), matters.Supervise, supervisor), tev(at(3, 5, 10, 0), matters.Return, lead), tev(at(3, 5, 11, 0), matters.Approve, owner)},
			at(3, 20, 9, 0), []got{
				{matters.Urge, hotline, "临期催办：平台转办事项的办结时限已用 75%"},
				{matters.Supervise, supervisor, "超期督办：平台转办事项的办结超过时限"},
				{matters.Supervise, supervisor, "升级督办：超期后又逾 1 个工作日"}}},
		// The owner dispatched at once and approved its lead a year's
		// extension: the lead's clock runs to next March, but the
		// owner's, which only the hotline's approvals extend, ran out on
		// 11 March. Due read the lead's clock alone once a unit was on
		// the matter, and called for nothing all year.
		// The events name the owner: its lead, on time on its own clock,
		// is not pressed for the owner's delay.
		{"the owner approved its lead a year's extension: the owner's own clock still calls, by the hotline, the supervisor",
			ownerExtended, at(6, 3, 9, 0), []got{
				{matters.Urge, presses(hotline, owner), "临期催办：平台转办事项的办结时限已用 75%"},
				{matters.Supervise, presses(supervisor, owner), "超期督办：平台转办事项的办结超过时限"},
				{matters.Supervise, presses(supervisor, owner), "升级督办：超期后又逾 1 个工作日"}}},
		// Dispatched at the Report: the lead's clock and the owner's call
		// at one scan. Each urging is its own actor's and presses whom it
		// is for — the owner's its lead, the hotline's the owner — and one
		// supervision, the supervisor's for both, presses both.
		{"dispatched at the Report, never resolved: an urging each, one supervision for both clocks",
			[]matters.Event{report, tev(at(3, 4, 9, 0), matters.Whistle, owner), tev(at(3, 4, 9, 0), matters.Dispatch, owner, lead),
				tev(at(3, 4, 9, 30), matters.Accept, lead)}, at(3, 20, 9, 0), []got{
				{matters.Urge, owner, "临期催办：办结时限已用 75%"},
				{matters.Urge, presses(hotline, owner), "临期催办：平台转办事项的办结时限已用 75%"},
				{matters.Supervise, supervisor, "超期督办：办结超过时限；超期督办：平台转办事项的办结超过时限"},
				{matters.Supervise, supervisor, "升级督办：超期后又逾 1 个工作日"}}},
		// The owner's time ran out on 11 March 09:00, the lead's, from
		// 8 March, runs to the 15th: the owner is supervised, and not
		// urged again — the hotline urged it before its dispatch.
		{"urged by the hotline before its dispatch, late after it: supervised, not urged again",
			[]matters.Event{report, tev(at(3, 4, 9, 30), matters.Whistle, owner), tev(at(3, 7, 9, 0), matters.Urge, hotline),
				tev(at(3, 8, 9, 0), matters.Dispatch, owner, lead), tev(at(3, 8, 10, 0), matters.Accept, lead)}, at(3, 11, 15, 0), []got{
				{matters.Supervise, presses(supervisor, owner), "超期督办：平台转办事项的办结超过时限"}}},
		// The hotline urged and the supervisor supervised the owner alone:
		// the lead's clock, overdue on the 15th, is pressed in its turn.
		{"the owner pressed alone, then its lead late on its own clock: the lead is urged and supervised",
			[]matters.Event{report, tev(at(3, 4, 9, 30), matters.Whistle, owner), tev(at(3, 8, 9, 0), matters.Dispatch, owner, lead),
				tev(at(3, 8, 10, 0), matters.Accept, lead), units(tev(at(3, 8, 10, 0), matters.Urge, hotline), owner),
				units(tev(at(3, 11, 10, 0), matters.Supervise, supervisor), owner)}, at(3, 15, 9, 30), []got{
				{matters.Urge, owner, "临期催办：办结时限已用 75%"},
				{matters.Supervise, supervisor, "超期督办：办结超过时限；升级督办：超期后又逾 1 个工作日"}}},
		// The hotline stopped the owner's clock the instant it ran out, on
		// 11 March 09:00: the owner's time is used but not exceeded, so
		// it is not late while its clock stands (no working time ran past
		// its limit: scoring's FactsFor would grade a resolution at the
		// resume on time), only urged; its lead, on 4 days 23 hours of
		// 5, is urged.
		{"the hotline approved its lead's suspension the instant the owner's time ran out: the owner is not late while it lasts",
			slices.Concat(ownerExtended[:4], []matters.Event{tev(at(3, 11, 9, 0), matters.Suspend, lead), tev(at(3, 11, 9, 0), matters.Approve, hotline)}),
			at(3, 13, 9, 0), []got{
				{matters.Urge, owner, "临期催办：办结时限已用 75%"},
				{matters.Urge, presses(hotline, owner), "临期催办：平台转办事项的办结时限已用 75%"}}},
		// A support unit's return brings the matter back to no one: the
		// supervision before it still counts for the owner.
		{"supervised, then a support unit's return approved: the owner is not supervised again",
			slices.Concat(ownerExtended[:2], []matters.Event{tev(at(3, 4, 10, 0), matters.Dispatch, owner, lead, sup1)}, ownerExtended[3:],
				[]matters.Event{tev(at(3, 11, 10, 0), matters.Urge, hotline), tev(at(3, 11, 10, 0), matters.Supervise, supervisor)},
				tapproved(at(3, 11, 11, 0), matters.Return, sup1)), at(3, 11, 12, 0), nil},
		// The hotline urged and the supervisor supervised the owner alone,
		// on its own clock, while its lead was on the matter; the lead's
		// return, approved, does not undo that: they pressed the owner, not
		// the lead, and the owner is neither urged nor supervised again for
		// the same thresholds of the same clock (scoring's FactsFor counts
		// each against it).
		{"the owner pressed alone, then its lead's return approved: the owner is not pressed again",
			[]matters.Event{report, tev(at(3, 4, 9, 30), matters.Whistle, owner), tev(at(3, 8, 9, 0), matters.Dispatch, owner, lead),
				tev(at(3, 8, 10, 0), matters.Accept, lead), units(tev(at(3, 8, 10, 0), matters.Urge, hotline), owner),
				units(tev(at(3, 11, 10, 0), matters.Supervise, supervisor), owner), tev(at(3, 11, 11, 0), matters.Return, lead),
				tev(at(3, 11, 11, 0), matters.Approve, owner)}, at(3, 11, 12, 0), nil},
	} {
		t.Run(tt.name, func(t *testing.T) {
			scanOnce(t, c, timed(t, slices.Clone(tt.events)...), tt.now, tt.want)
		})
	}
}

// TestDueOwnerClockUnread: when the owner's clock beside its lead's cannot
// be read — no governance matter list was in force at the Report, though
// the dispatch recorded the one it followed — the matter is named in the
// error and the events its lead's clock calls for are returned all the
// same.
func TestDueOwnerClockUnread(t *testing.T) {
	c := supervisedCatalog()
	c.Directory.Version = "2024"
	c.Directory.Adoption = published(at(3, 10, 0, 0))
	dispatch := tev(at(3, 4, 10, 0), matters.Dispatch, owner, lead)
	dispatch.Routes = "2024"
	m := timed(t, tev(at(3, 4, 9, 0), matters.Report, hotline, owner), tev(at(3, 4, 9, 30), matters.Whistle, owner), dispatch)
	due, err := c.Due(workday.China(), at(3, 4, 13, 0), []*matters.Matter{m})
	if !errors.Is(err, matters.ErrNoRevision) || !strings.Contains(err.Error(), `matter "M-1"`) {
		t.Errorf("error %v; want one naming the matter, wrapping ErrNoRevision", err)
	}
	var out []got
	for _, e := range due {
		out = append(out, gotOf(&e))
	}
	if diff := cmp.Diff([]got{{matters.Urge, owner, "临期催办：应哨时限已用 75%"}}, out); diff != "" {
		t.Errorf("due events mismatch (-want +got):\n%s", diff)
	}
}

// TestDueLeadClockUnread: when the lead's clock on a hotline's matter
// cannot be read — its dispatch names a revision the catalog lacks, or
// one with no route for the matter's type — the owner's own clock, read
// on the list in force at the Report, still calls for its urging and
// supervisions, naming the owner; the matter is named in the error. Due
// returned the lead's error before it read the owner's clock, and an
// owner late on its own clock went unpressed.
func TestDueLeadClockUnread(t *testing.T) {
	for _, tt := range []struct {
		name   string
		routes string
		want   error
	}{
		{"the dispatch names a revision the catalog lacks", "2019", matters.ErrNoRevision},
		{"the dispatch's revision routes no such type", "2023", matters.ErrNoRoute},
	} {
		t.Run(tt.name, func(t *testing.T) {
			c := supervisedCatalog()
			c.Directory.Version = "2024"
			c.Directory.Adoption = published(at(1, 1, 0, 0))
			c.History.Directories = []*matters.Directory{{Version: "2023", Adoption: published(at(1, 1, 0, 0).AddDate(-1, 0, 0)),
				Routes: []matters.Route{{Type: "油烟扰民", Lead: sup2, Respond: 4 * time.Hour, ResolveDays: 5}}}}
			dispatch := tev(at(3, 4, 10, 0), matters.Dispatch, owner, lead)
			dispatch.Routes = tt.routes
			m := timed(t, tev(at(3, 4, 9, 0), matters.Report, hotline, owner), tev(at(3, 4, 9, 30), matters.Whistle, owner), dispatch,
				tev(at(3, 4, 11, 0), matters.Accept, lead))
			now := at(3, 20, 9, 0)
			for scan, want := range [][]got{{
				{matters.Urge, presses(hotline, owner), "临期催办：平台转办事项的办结时限已用 75%"},
				{matters.Supervise, presses(supervisor, owner), "超期督办：平台转办事项的办结超过时限"},
				{matters.Supervise, presses(supervisor, owner), "升级督办：超期后又逾 1 个工作日"},
			}, nil} {
				due, err := c.Due(workday.China(), now, []*matters.Matter{m})
				if !errors.Is(err, tt.want) || !strings.Contains(err.Error(), `matter "M-1"`) {
					t.Errorf("scan %d: error %v; want one naming the matter, wrapping %v", scan+1, err, tt.want)
				}
				var out []got
				for _, e := range due {
					out = append(out, gotOf(&e))
					if err := m.Apply(e); err != nil {
						t.Fatalf("scan %d: applying its %s: %v", scan+1, e.Kind, err)
					}
				}
				if diff := cmp.Diff(want, out); diff != "" {
					t.Errorf("scan %d: due events mismatch (-want +got):\n%s", scan+1, diff)
				}
			}
		})
	}
}

// got is what a test asks of an event Due returns: its Kind, its Actor
// followed by " → " and the Units it presses where it names them (see
// presses), and its Note.
type got struct {
	Kind  matters.Kind
	Actor string
	Note  string
}

// gotOf returns what a test asks of e.
func gotOf(e *matters.Event) got {
	return got{e.Kind, presses(e.Actor, e.Units...), e.Note}
}

// dueEvents returns the events c.Due returns for m alone at now on cal,
// failing t on an error.
func dueEvents(t *testing.T, c *matters.Catalog, cal *workday.Calendar, now time.Time, m *matters.Matter) []matters.Event {
	t.Helper()
	due, err := c.Due(cal, now, []*matters.Matter{m})
	if err != nil {
		t.Fatal(err)
	}
	return due
}

// dueAlone returns what c.Due returns for m alone at now on cal.
func dueAlone(t *testing.T, c *matters.Catalog, cal *workday.Calendar, now time.Time, m *matters.Matter) []got {
	t.Helper()
	var out []got
	for _, e := range dueEvents(t, c, cal, now, m) {
		out = append(out, gotOf(&e))
	}
	return out
}

// presses returns what got holds of an urging or a supervision by actor
// that names units.
func presses(actor string, units ...string) string {
	if len(units) == 0 {
		return actor
	}
	return actor + " → " + strings.Join(units, "、")
}

// scanOnce runs c.Due over m at now and applies what it returns, which
// must be want; a second scan at now must return nothing.
func scanOnce(t *testing.T, c *matters.Catalog, m *matters.Matter, now time.Time, want []got) {
	t.Helper()
	cal := workday.China()
	var out []got
	for _, e := range dueEvents(t, c, cal, now, m) {
		out = append(out, gotOf(&e))
		if err := c.Apply(cal, m, e); err != nil {
			t.Fatalf("applying the scan's %s: %v", e.Kind, err)
		}
	}
	if diff := cmp.Diff(want, out); diff != "" {
		t.Errorf("due events mismatch (-want +got):\n%s", diff)
	}
	if again, err := c.Due(cal, now, []*matters.Matter{m}); err != nil || len(again) > 0 {
		t.Errorf("a second scan returned %v, %v; want nothing", dueKinds(again), err)
	}
}

// TestDueSuspendedTooLong: an approved suspension stops the clocks until
// a Resume, and Catalog.Due called for nothing while it lasted — without
// bound. On a hotline's matter, an owner that approved its own lead's
// suspension (which stops no clock of the owner's) so switched off every
// urging and supervision of a matter whose owner's clock ran on. With
// Supervision.SuspendDays, a suspension that has lasted longer than that
// many working days from its approval is supervised, once; the zero
// setting keeps the old behaviour.
func TestDueSuspendedTooLong(t *testing.T) {
	report := tev(at(3, 4, 9, 0), matters.Report, hotline, owner)
	ownClock := []matters.Event{report, tev(at(3, 4, 9, 30), matters.Whistle, owner), tev(at(3, 4, 10, 0), matters.Dispatch, owner, lead),
		tev(at(3, 4, 11, 0), matters.Accept, lead), tev(at(3, 5, 9, 0), matters.Suspend, lead), tev(at(3, 5, 10, 0), matters.Approve, owner)}
	// The owner's own clock, which the suspension its approval does not
	// stop, calls for its urging and supervisions from 11 March (see
	// TestDueOwnerOfPlatformMatter); the hotline extended it by 60 working
	// days, so that the rows below see the suspension's supervision alone.
	hotlineMatter := slices.Concat(ownClock[:4], []matters.Event{withDays(tev(at(3, 4, 12, 0), matters.Extend, owner), 60),
		tev(at(3, 4, 12, 0), matters.Approve, hotline)}, ownClock[4:])
	ownMatter := slices.Concat(dispatchedAt(at(3, 4, 9, 0)), []matters.Event{tev(at(3, 4, 10, 0), matters.Accept, lead)},
		tapproved(at(3, 5, 9, 0), matters.Suspend, lead))
	// 10 working days from Tuesday 5 March 10:00 is Tuesday 19 March 10:00.
	long := []got{{matters.Supervise, supervisor, "挂起超期督办：挂起已逾 10 个工作日"}}
	for _, tt := range []struct {
		name   string
		days   int
		events []matters.Event
		now    time.Time
		want   []got
	}{
		{"a hotline's matter, its lead's suspension approved by the owner, six weeks on", 10, hotlineMatter, at(4, 15, 9, 0), long},
		// Its owner's clock ran out on 11 March: the first supervision it
		// calls for serves for the suspension's too, and so presses every
		// unit on the matter; the escalation presses the owner alone.
		{"a hotline's matter whose owner's own clock ran out, six weeks on", 10, ownClock, at(4, 15, 9, 0), []got{
			{matters.Urge, presses(hotline, owner), "临期催办：平台转办事项的办结时限已用 75%"},
			{matters.Supervise, supervisor, "超期督办：平台转办事项的办结超过时限；挂起超期督办：挂起已逾 10 个工作日"},
			{matters.Supervise, presses(supervisor, owner), "升级督办：超期后又逾 1 个工作日"}}},
		{"a sub-district's matter, its lead's suspension approved by the owner, six weeks on", 10, ownMatter, at(4, 15, 9, 0), long},
		{"at the limit", 10, hotlineMatter, at(3, 19, 10, 0), nil},
		{"a minute past the limit", 10, hotlineMatter, at(3, 19, 10, 1), long},
		{"no limit set: nothing, as before", 0, hotlineMatter, at(4, 15, 9, 0), nil},
		// Resumed the day before the limit, scanned past it: the
		// suspension is over, and the clocks, running again, are not due.
		{"resumed in time", 10, append(slices.Clone(ownMatter), tev(at(3, 18, 9, 0), matters.Resume, owner)), at(3, 19, 10, 1), nil},
		// The lead sat five hours on its dispatch before its suspension:
		// its response is overdue, and that supervision is the one due,
		// with its escalation, six weeks past the due time
		// (TestDueEscalatesWhileSuspended).
		{"the clocks call for a supervision at the same scan", 10,
			slices.Concat(dispatchedAt(at(3, 4, 9, 0)), tapproved(at(3, 4, 14, 0), matters.Suspend, lead)), at(4, 15, 9, 0),
			[]got{{matters.Urge, owner, "临期催办：应哨时限已用 75%"}, {matters.Supervise, supervisor, "超期督办：应哨超过时限"},
				{matters.Supervise, supervisor, "升级督办：超期后又逾 1 个工作日"}}},
		// A supervision before the approval pressed something else.
		{"supervised before the approval only", 10, slices.Concat(dispatchedAt(at(3, 4, 9, 0)),
			[]matters.Event{tev(at(3, 4, 10, 0), matters.Accept, lead), tev(at(3, 4, 11, 0), matters.Supervise, supervisor)},
			tapproved(at(3, 5, 9, 0), matters.Suspend, lead)), at(4, 15, 9, 0), long},
		// A second suspension adds to the first, not the time between:
		// the first lasted from 5 March 9:00 to 15 March 9:00, eight
		// working days, the second from 15 March 10:00, so that the two
		// reach ten working days at 19 March 10:00 (counting from the
		// first approval would reach them at 9:00, and from the second's
		// on 29 March).
		{"a second suspension, within the limit with the first", 10, slices.Concat(ownMatter, []matters.Event{tev(at(3, 15, 9, 0), matters.Resume, owner)},
			tapproved(at(3, 15, 10, 0), matters.Suspend, lead)), at(3, 19, 9, 59), nil},
		{"a second suspension, past the limit with the first", 10, slices.Concat(ownMatter, []matters.Event{tev(at(3, 15, 9, 0), matters.Resume, owner)},
			tapproved(at(3, 15, 10, 0), matters.Suspend, lead)), at(3, 19, 10, 1), long},
		// The owner of a hotline's matter, whose clock its approvals do
		// not stop, resumed its lead's suspension and approved a new one
		// in the same minute, every seven working days: no suspension
		// lasted ten, and nothing was ever supervised. The suspensions of
		// one dispatch count together.
		{"sliced: resumed and suspended again at once, every seven working days", 10, slices.Concat(hotlineMatter,
			resuspended(at(3, 14, 10, 0)), resuspended(at(3, 25, 10, 0))), at(4, 1, 10, 1), long},
		{"sliced: five working days and five, at the limit", 10, slices.Concat(hotlineMatter, resuspended(at(3, 12, 10, 0))), at(3, 19, 10, 0), nil},
		{"sliced: five working days and five, a minute past the limit", 10, slices.Concat(hotlineMatter, resuspended(at(3, 12, 10, 0))), at(3, 19, 10, 1), long},
		// A suspension approved once the matter has used up its limit is
		// supervised in its turn, from its approval on.
		{"sliced: suspended again once supervised for the limit", 10, slices.Concat(hotlineMatter,
			resuspended(at(3, 12, 10, 0)), []matters.Event{tev(at(3, 20, 9, 0), matters.Supervise, supervisor)}, resuspended(at(3, 21, 10, 0))),
			at(3, 21, 10, 1), long},
		// The suspensions of an earlier dispatch, which the lead returned,
		// do not count against the new one.
		{"the suspension of a dispatch before the lead's return does not count", 10, slices.Concat(dispatchedAt(at(3, 4, 9, 0)),
			tapproved(at(3, 4, 10, 0), matters.Suspend, lead), []matters.Event{tev(at(3, 13, 10, 0), matters.Resume, owner)},
			tapproved(at(3, 13, 10, 1), matters.Return, lead), []matters.Event{tev(at(3, 13, 10, 2), matters.Dispatch, owner, lead)},
			tapproved(at(3, 13, 11, 0), matters.Suspend, lead)), at(3, 19, 10, 1), nil},
		{"supervised since the approval already", 10, append(slices.Clone(ownMatter), tev(at(3, 20, 9, 0), matters.Supervise, supervisor)), at(4, 15, 9, 0), nil},
	} {
		t.Run(tt.name, func(t *testing.T) {
			c := supervisedCatalog()
			c.Supervision.SuspendDays = tt.days
			scanOnce(t, c, timed(t, slices.Clone(tt.events)...), tt.now, tt.want)
		})
	}
}

// TestDueSuspendedOutsideHours: on a calendar with working hours, a
// suspension approved at 20:00 is held to its limit at 20:00 the second
// working day on (SuspendDays 2), as a deadline in days is; a second
// suspension approved once the first was resumed at once, the first having
// lasted no working time, is held to the same instant. Due held a lone
// suspension to 20:00 by AddDays, and two to the earliest instant the two
// working days had run, 17:30, by addWorking.
func TestDueSuspendedOutsideHours(t *testing.T) {
	cal := samples.OfficeHours()
	c := supervisedCatalog()
	c.Supervision.SuspendDays = 2
	once := slices.Concat(dispatchedAt(at(3, 4, 9, 0)), []matters.Event{tev(at(3, 4, 10, 0), matters.Accept, lead)},
		tapproved(at(3, 5, 20, 0), matters.Suspend, lead))
	twice := slices.Concat(once, resuspended(at(3, 5, 20, 0)))
	// The first lasted 3.5 working hours, 08:30 to 12:00 on the 5th: the
	// second, from 14:30, has 9.5 of the 13 left, a working day to 14:30
	// on the 6th and 3 hours more, to 17:30.
	piece := slices.Concat(once[:4], tapproved(at(3, 5, 8, 0), matters.Suspend, lead), resuspended(at(3, 5, 14, 30)))
	long := []got{{matters.Supervise, supervisor, "挂起超期督办：挂起已逾 2 个工作日"}}
	for _, tt := range []struct {
		name   string
		events []matters.Event
		now    time.Time
		want   []got
	}{
		{"once, after the working hours of the limit's day", once, at(3, 7, 18, 0), nil},
		{"once, a minute past the limit", once, at(3, 7, 20, 1), long},
		{"resumed at once and suspended again, after the working hours of the limit's day", twice, at(3, 7, 18, 0), nil},
		{"resumed at once and suspended again, a minute past the limit", twice, at(3, 7, 20, 1), long},
		{"a first suspension of a morning, then one from the afternoon: at the limit", piece, at(3, 6, 17, 30), nil},
		{"a first suspension of a morning, then one from the afternoon: past the limit", piece, at(3, 6, 17, 31), long},
	} {
		t.Run(tt.name, func(t *testing.T) {
			m := timed(t, slices.Clone(tt.events)...)
			if diff := cmp.Diff(tt.want, dueAlone(t, c, cal, tt.now, m)); diff != "" {
				t.Errorf("due events mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// resuspended returns a Resume by the owner at when, then the lead's
// Suspend and the owner's approval of it at the same instant.
func resuspended(when time.Time) []matters.Event {
	return append([]matters.Event{tev(when, matters.Resume, owner)}, tapproved(when, matters.Suspend, lead)...)
}
