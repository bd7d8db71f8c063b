package scoring_test

import (
	"slices"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/qingdan/qingdan/matters"
	"github.com/qingdan/qingdan/matters/workday"
	"github.com/qingdan/qingdan/scoring"
)

// TestOwnerClockAfterItsLeadReturns: the owner of a platform's matter that
// closes it without a Resolve in force — never dispatched, or after
// approving its lead's return (退单) — has its clock run from the Report
// to the Close. A Resolve that a Reopen undid does not stop it: before,
// it did, and the owner that approved its lead's return after a Reopen and
// closed the matter was measured to the earlier, undone Resolve.
func TestOwnerClockAfterItsLeadReturns(t *testing.T) {
	report := matters.Event{At: june(1, 9, 0), Kind: matters.Report, Actor: "12345", Type: "违法建设", Units: []string{"S1"}}
	dispatch := []matters.Event{
		report,
		{At: june(1, 10, 0), Kind: matters.Dispatch, Actor: "S1", Units: []string{"D1"}},
		{At: june(1, 11, 0), Kind: matters.Accept, Actor: "D1"},
	}
	returned := func(ref int) []matters.Event {
		return []matters.Event{
			{At: june(2, 9, 0), Kind: matters.Return, Actor: "D1", Note: "不属本部门职责"},
			{At: june(2, 10, 0), Kind: matters.Approve, Actor: "S1", Ref: ref, Note: "同意"},
			{At: june(3, 9, 0), Kind: matters.Close, Actor: "S1"},
		}
	}
	type clocks struct {
		Response, Resolution time.Duration
		Responded, Resolved  bool
	}
	for _, tt := range []struct {
		name   string
		events []matters.Event
		want   clocks
	}{
		{"closed without a dispatch", []matters.Event{report, {At: june(1, 11, 0), Kind: matters.Close, Actor: "S1"}},
			clocks{2 * time.Hour, 2 * time.Hour, true, true}},
		// 1 June 09:00 to 3 June 09:00: 48 working hours.
		{"closed after approving its lead's return", append(dispatch, returned(4)...),
			clocks{time.Hour, 48 * time.Hour, true, true}},
		{"resolved, reopened, then the lead's return approved and closed", append(append(dispatch,
			matters.Event{At: june(1, 15, 0), Kind: matters.Resolve, Actor: "D1"},
			matters.Event{At: june(1, 16, 0), Kind: matters.Reopen, Actor: "12345", Note: "市民不满意"}), returned(6)...),
			clocks{time.Hour, 48 * time.Hour, true, true}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			m := replay(t, "12345-3", tt.events...)
			r := matters.Route{Type: "违法建设", Lead: "D1", Respond: 4 * time.Hour, ResolveDays: 3}
			f, err := scoring.FactsFor(workday.China(), m, "S1", r)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, clocks{f.Response, f.Resolution, f.Responded, f.Resolved}); diff != "" {
				t.Errorf("owner's clocks mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// TestFactsForPlatformStageOfResolvedMatter: the platform may grade the
// owner on a stage of a matter its lead resolved (a Progress from
// Resolved). The facts read off the matter as far as that Progress are a
// stage's — not Final, kept under the stage — as package grading records
// them and as a what-if reads them back off a journal (whatif.FactsFor);
// the owner's Close after it is the final evaluation, after the stage.
// Before, FactsFor called the stage Final, of the stage after it, so a
// journal holding such a stage could not be regraded from its matters.
func TestFactsForPlatformStageOfResolvedMatter(t *testing.T) {
	resolved := []matters.Event{
		{At: june(1, 9, 0), Kind: matters.Report, Actor: "12345", Type: "违法建设", Units: []string{"S1"}},
		{At: june(1, 10, 0), Kind: matters.Dispatch, Actor: "S1", Units: []string{"D1"}},
		{At: june(1, 11, 0), Kind: matters.Accept, Actor: "D1"},
		{At: june(1, 15, 0), Kind: matters.Resolve, Actor: "D1"},
	}
	stage := matters.Event{At: june(8, 9, 0), Kind: matters.Progress, Actor: "12345", Note: "街道未结案，平台分时段评价"}
	closed := matters.Event{At: june(8, 10, 0), Kind: matters.Close, Actor: "S1"}
	r := matters.Route{Type: "违法建设", Lead: "D1", Respond: 4 * time.Hour, ResolveDays: 3}
	type got struct {
		Stage, Key      int // Facts.Stage and the stage of Facts.Evaluation
		Final, Resolved bool
	}
	for _, tt := range []struct {
		name   string
		events []matters.Event
		want   got
	}{
		{"the platform's stage", append(slices.Clone(resolved), stage), got{1, 1, false, true}},
		{"the owner's close after it", append(slices.Clone(resolved), stage, closed), got{1, 2, true, true}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			f := factsOf(t, "S1", r, tt.events...)
			ev := f.Evaluation(tt.events[len(tt.events)-1].At, scoring.Result{Grade: "good"})
			if diff := cmp.Diff(tt.want, got{f.Stage, ev.Stage, f.Final, f.Resolved}); diff != "" {
				t.Errorf("mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// TestOwnerPressedByDue: the owner of a hotline's matter that approved its
// lead a year's extension right after its dispatch switched off
// matters.Catalog.Due, which read the lead's clock alone once a unit was
// on the matter: the platform graded the owner late, but never urged and
// never supervised. Due now reads the owner's clock beside its lead's, and
// the events it calls for, applied, count against the owner. They name the
// owner (Units): the lead, on time on its own clock, is not pressed for
// the owner's delay, as every urging and supervision of the matter while
// it was on it pressed it before.
func TestOwnerPressedByDue(t *testing.T) {
	r := matters.Route{Type: "违法建设", Lead: "D1", Respond: 4 * time.Hour, ResolveDays: 3}
	c := &matters.Catalog{Directory: &matters.Directory{Routes: []matters.Route{r}},
		Supervision: matters.Supervision{Supervisor: "督查室", EscalateDays: 1}}
	cal := workday.China()
	m := replay(t, "12345-9",
		matters.Event{At: june(1, 9, 0), Kind: matters.Report, Actor: "12345", Type: "违法建设", Units: []string{"S1"}},
		matters.Event{At: june(1, 10, 0), Kind: matters.Dispatch, Actor: "S1", Units: []string{"D1"}},
		matters.Event{At: june(1, 11, 0), Kind: matters.Accept, Actor: "D1"},
		matters.Event{At: june(1, 11, 0), Kind: matters.Extend, Actor: "D1", Days: 365},
		matters.Event{At: june(1, 11, 0), Kind: matters.Approve, Actor: "S1", Ref: 4, Note: "同意"})
	type pressed struct{ Urged, Supervised int }
	facts := func() map[string]pressed {
		got := map[string]pressed{}
		for _, unit := range []string{"S1", "D1"} {
			f, err := scoring.FactsFor(cal, m, unit, r)
			if err != nil {
				t.Fatal(err)
			}
			got[unit] = pressed{f.Urged, f.Supervised}
		}
		return got
	}
	if diff := cmp.Diff(map[string]pressed{"S1": {}, "D1": {}}, facts()); diff != "" {
		t.Fatalf("before the scan: mismatch (-want +got):\n%s", diff)
	}
	due, err := c.Due(cal, june(30, 9, 0), []*matters.Matter{m})
	if err != nil {
		t.Fatal(err)
	}
	var kinds []string
	for _, e := range due {
		kinds = append(kinds, e.Kind.String()+" by "+e.Actor)
		if err := c.Apply(cal, m, e); err != nil {
			t.Fatalf("applying the scan's %s: %v", e.Kind, err)
		}
	}
	if diff := cmp.Diff([]string{"urge by 12345", "supervise by 督查室", "supervise by 督查室"}, kinds); diff != "" {
		t.Errorf("due events mismatch (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(map[string]pressed{"S1": {1, 2}, "D1": {}}, facts()); diff != "" {
		t.Errorf("after the scan's events: mismatch (-want +got):\n%s", diff)
	}
}

// TestFactsForPressedUnits: an Urge or a Supervise counts against the
// units it names (Units), or against every unit on the matter when it
// names none, as every one did before; the rules of whose urging counts
// stay — the owner's against the units it dispatched to, the platform's
// against them and the owner — and so does the rule that a unit off the
// matter is pressed by nothing.
func TestFactsForPressedUnits(t *testing.T) {
	r := matters.Route{Type: "违法建设", Lead: "D1", Respond: 4 * time.Hour, ResolveDays: 3}
	base := []matters.Event{
		{At: june(1, 9, 0), Kind: matters.Report, Actor: "12345", Type: "违法建设", Units: []string{"S1"}},
		{At: june(1, 10, 0), Kind: matters.Dispatch, Actor: "S1", Units: []string{"D1", "D2"}},
		{At: june(1, 11, 0), Kind: matters.Accept, Actor: "D1"},
	}
	press := func(kind matters.Kind, actor string, units ...string) matters.Event {
		return matters.Event{At: june(2, 9, 0), Kind: kind, Actor: actor, Units: units}
	}
	type pressed struct{ Urged, Supervised int }
	for _, tt := range []struct {
		name   string
		events []matters.Event
		want   map[string]pressed
	}{
		{"none named: every unit on the matter, as before", []matters.Event{press(matters.Urge, "12345"), press(matters.Urge, "S1"), press(matters.Supervise, "督查室")},
			map[string]pressed{"S1": {1, 1}, "D1": {2, 1}, "D2": {2, 1}}},
		{"the owner named alone", []matters.Event{press(matters.Urge, "12345", "S1"), press(matters.Supervise, "督查室", "S1")},
			map[string]pressed{"S1": {1, 1}, "D1": {}, "D2": {}}},
		{"the lead named", []matters.Event{press(matters.Urge, "12345", "D1"), press(matters.Urge, "S1", "D1"), press(matters.Supervise, "督查室", "D1")},
			map[string]pressed{"S1": {}, "D1": {2, 1}, "D2": {}}},
		{"the owner and a support unit named", []matters.Event{press(matters.Urge, "12345", "S1", "D2"), press(matters.Supervise, "督查室", "D2", "S1")},
			map[string]pressed{"S1": {1, 1}, "D1": {}, "D2": {1, 1}}},
		// The owner's urging of its lead never counted against the owner.
		{"the owner urges its units, naming them", []matters.Event{press(matters.Urge, "S1", "D1", "D2")},
			map[string]pressed{"S1": {}, "D1": {1, 0}, "D2": {1, 0}}},
		// After its return was approved the support unit is off the
		// matter: an urging and a supervision naming no one press the
		// units still on it.
		{"a support unit pressed after its return", []matters.Event{
			{At: june(1, 12, 0), Kind: matters.Return, Actor: "D2"}, {At: june(1, 13, 0), Kind: matters.Approve, Actor: "S1", Ref: 4, Note: "同意"},
			press(matters.Urge, "12345"), press(matters.Supervise, "督查室")},
			map[string]pressed{"S1": {1, 1}, "D1": {1, 1}, "D2": {}}},
		// The lead's return, approved, takes every unit of its dispatch
		// off the matter (matters.Matter's Lead and Support are empty, and
		// Apply refuses an urging that names one): what the platform's
		// clock of its owner calls for then, naming no one, presses the
		// owner alone, not the departments that waited on their lead.
		{"the units pressed after the lead's return", []matters.Event{
			{At: june(1, 12, 0), Kind: matters.Return, Actor: "D1"}, {At: june(1, 13, 0), Kind: matters.Approve, Actor: "S1", Ref: 4, Note: "同意"},
			press(matters.Urge, "12345"), press(matters.Supervise, "督查室")},
			map[string]pressed{"S1": {1, 1}, "D1": {}, "D2": {}}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			m := replay(t, "12345-10", slices.Concat(base, tt.events)...)
			got := map[string]pressed{}
			for unit := range tt.want {
				f, err := scoring.FactsFor(workday.China(), m, unit, r)
				if err != nil {
					t.Fatal(err)
				}
				got[unit] = pressed{f.Urged, f.Supervised}
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// TestSupportUnitPressedByDue pins a policy choice documented in
// docs/policy.md ("Support units are never pressed on their own clocks"):
// matters.Catalog.Due reads the lead's clocks, not a support unit's. D1,
// the lead, accepts on time; D2, a support unit, never accepts. Past D2's
// response limit the scan returns nothing; past 75% of D1's resolution
// limit, overdue and escalated, it returns what D1's clock calls for.
// Those events name no unit, so (matters.Event.Presses) they count against
// every unit on the matter, D2 too; a host that names the lead in their
// Units before it applies them keeps them off D2.
func TestSupportUnitPressedByDue(t *testing.T) {
	r := matters.Route{Type: "违法建设", Lead: "D1", Support: []string{"D2"}, Respond: 4 * time.Hour, ResolveDays: 3}
	c := &matters.Catalog{Directory: &matters.Directory{Routes: []matters.Route{r}},
		Supervision: matters.Supervision{Supervisor: "督查室", EscalateDays: 1}}
	cal := workday.China()
	type event struct {
		Kind        matters.Kind
		Actor, Note string
		Units       []string
	}
	type pressed struct{ Urged, Supervised int }
	// Dispatched Monday 1 June 10:00: D2's 4 hours ran out at 14:00; D1's
	// 72 hours, 75% of them at Wednesday 16:00, run out on Thursday 10:00,
	// and the escalation's working day on Friday 10:00.
	scans := []struct {
		name string
		now  time.Time
		want []event
	}{
		{"past D2's response limit", june(1, 14, 1), nil},
		{"past 75% of D1's resolution limit", june(3, 16, 1), []event{{matters.Urge, "S1", "临期催办：办结时限已用 75%", nil}}},
		{"D1 overdue", june(4, 10, 1), []event{{matters.Supervise, "督查室", "超期督办：办结超过时限", nil}}},
		{"D1 escalated", june(5, 10, 1), []event{{matters.Supervise, "督查室", "升级督办：超期后又逾 1 个工作日", nil}}},
		{"a week on", june(12, 9, 0), nil},
	}
	for _, tt := range []struct {
		name  string
		units []string // the Units the host gives each event before applying it; nil: as Due returns it
		want  map[string]pressed
	}{
		{"applied as Due returns them, naming no one: every unit on the matter", nil, map[string]pressed{"D1": {1, 2}, "D2": {1, 2}}},
		{"the host names the lead", []string{"D1"}, map[string]pressed{"D1": {1, 2}, "D2": {}}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			m := replay(t, "M-support",
				matters.Event{At: june(1, 9, 0), Kind: matters.Report, Actor: "S1", Type: "违法建设"},
				matters.Event{At: june(1, 9, 30), Kind: matters.Whistle, Actor: "S1"},
				matters.Event{At: june(1, 10, 0), Kind: matters.Dispatch, Actor: "S1", Units: []string{"D1", "D2"}},
				matters.Event{At: june(1, 11, 0), Kind: matters.Accept, Actor: "D1"})
			for _, scan := range scans {
				due, err := c.Due(cal, scan.now, []*matters.Matter{m})
				if err != nil {
					t.Fatalf("%s: %v", scan.name, err)
				}
				var got []event
				for _, e := range due {
					got = append(got, event{e.Kind, e.Actor, e.Note, e.Units})
					e.Units = tt.units
					if err := c.Apply(cal, m, e); err != nil {
						t.Fatalf("%s: applying the scan's %s: %v", scan.name, e.Kind, err)
					}
				}
				if diff := cmp.Diff(scan.want, got); diff != "" {
					t.Errorf("%s: due events mismatch (-want +got):\n%s", scan.name, diff)
				}
			}
			got := map[string]pressed{}
			for unit := range tt.want {
				f, err := scoring.FactsFor(cal, m, unit, r)
				if err != nil {
					t.Fatal(err)
				}
				got[unit] = pressed{f.Urged, f.Supervised}
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("pressed mismatch (-want +got):\n%s", diff)
			}
		})
	}
}
