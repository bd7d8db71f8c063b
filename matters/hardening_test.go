package matters_test

// Hardening: every exported function and method of package matters, called
// with zero values, nil slices and maps, zero times, negative durations and
// huge inputs, returns an error or a sound result and never panics.
// TestHardening also keeps the rows complete: a new exported function
// without a row here fails it.

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"slices"
	"testing"
	"time"

	"github.com/qingdan/qingdan/accountability"
	"github.com/qingdan/qingdan/internal/hardening"
	"github.com/qingdan/qingdan/internal/hardening/samples"
	"github.com/qingdan/qingdan/matters"
	"github.com/qingdan/qingdan/matters/workday"
	"github.com/shopspring/decimal"
)

// TestHardening checks that every exported function of the package, and
// every exported method of an exported type, has a row, and runs the rows:
// each makes its calls, failing on a panic or an unsound result.
func TestHardening(t *testing.T) {
	rows := slices.Concat(
		hardening.EnumsRows(hardeningEnums...),
		hardening.ErrorRows[matters.EventError]("matters", "EventError", true),
		hardening.ErrorRows[matters.Problem]("matters", "Problem", true),
	)
	hardening.Test(t, append(rows, []hardening.Row{
		hardening.MarshalRow("matters.Clock", matters.Clock{Limit: -1, Used: math.MinInt64, Due: hardening.Times[4], Alert: matters.Alert(99)}),
		hardening.UnmarshalRow[matters.Clock]("matters.Clock"),
		hardening.MarshalRow("matters.Deadlines", matters.Deadlines{Dispatched: hardening.Times[2], Respond: hardening.Times[3], Resolve: hardening.Times[5]}),
		hardening.UnmarshalRow[matters.Deadlines]("matters.Deadlines"),
		hardening.MarshalRow("matters.Route", samples.Routes()...),
		hardening.UnmarshalRow[matters.Matter]("matters.Matter"),
		hardening.UnmarshalRow[matters.Route]("matters.Route"),
		hardening.MarshalRow("matters.Summary", matters.Summary{Received: -1, Resolved: math.MaxInt, ResolutionRate: hardening.Decimals[2]}),
		hardening.UnmarshalRow[matters.Summary]("matters.Summary"),
		{Name: "matters.DefaultExclusions", Run: func(c *hardening.Caller) { c.Call("DefaultExclusions()", func() { _ = matters.DefaultExclusions() }) }},
		{Name: "matters.Admission.Admit", Run: func(c *hardening.Caller) {
			as := []*matters.Admission{{}, {Items: make([]matters.Item, 3), Excluded: make([]matters.Exclusion, 3)}}
			reqs := []matters.Request{{}, {Title: hardening.Huge, Item: hardening.BadUTF8, Approval: &matters.Approval{}}, {Approval: &matters.Approval{At: hardening.Times[2]}}}
			for i, a := range as {
				for j, r := range reqs {
					c.Call(fmt.Sprintf("admission %d .Admit(request %d)", i, j), func() { _ = a.Admit(r) })
				}
			}
		}},
		hardening.Method("matters.Admission.Validate", []*matters.Admission{{}, {Items: make([]matters.Item, 3), Excluded: make([]matters.Exclusion, 3)}}, func(a *matters.Admission) { _ = a.Validate() }),
		{Name: "matters.Status.Overdue", Run: func(c *hardening.Caller) {
			for _, s := range []matters.Status{{}, {Respond: matters.Clock{Alert: matters.Alert(-1)}}} {
				c.Call(fmt.Sprintf("%#v.Overdue()", s), func() { _ = s.Overdue() })
			}
		}},
		{Name: "matters.Matter.Elapsed", Run: func(c *hardening.Caller) {
			for i, m := range samples.Matters()[:3] {
				for j, cal := range samples.Calendars() {
					for _, t := range hardening.Times {
						c.Call(fmt.Sprintf("matter %d .Elapsed(calendar %d, %v)", i, j, t), func() {
							if d, err := m.Elapsed(cal, t); err == nil && d < 0 {
								c.Fail("Elapsed", "negative working time %v", d)
							}
						})
					}
				}
			}
		}},
		{Name: "matters.Matter.ExtendedDays", Run: func(c *hardening.Caller) {
			for i, m := range samples.Matters()[:3] {
				c.Call(fmt.Sprintf("matter %d .ExtendedDays()", i), func() {
					if d := m.ExtendedDays(); d < 0 {
						c.Fail("ExtendedDays", "negative days %d", d)
					}
				})
			}
		}},
		{Name: "matters.Matter.ExtendedDaysFor", Run: func(c *hardening.Caller) {
			for i, m := range samples.Matters()[:3] {
				for _, unit := range []string{"", m.Owner, m.Platform, hardening.BadUTF8} {
					c.Call(fmt.Sprintf("matter %d .ExtendedDaysFor(%q)", i, unit), func() {
						// The owner of a platform's matter counts the
						// platform's extensions of every dispatch.
						if d := m.ExtendedDaysFor(unit); d < 0 || d > m.ExtendedDays() && (unit != m.Owner || m.Platform == "") {
							c.Fail("ExtendedDaysFor", "%d days, beside ExtendedDays' %d", d, m.ExtendedDays())
						}
					})
				}
			}
		}},
		{Name: "matters.Matter.RunningFor", Run: func(c *hardening.Caller) {
			for i, m := range samples.Matters()[:3] {
				for j, cal := range samples.Calendars() {
					for _, unit := range []string{"", m.Owner} {
						for _, from := range hardening.Times {
							for _, to := range hardening.Times {
								c.Call(fmt.Sprintf("matter %d .RunningFor(calendar %d, %q, %v, %v)", i, j, unit, from, to), func() {
									d, err := m.RunningFor(cal, unit, from, to)
									all, allErr := m.Running(cal, from, to)
									if err == nil && (d < 0 || allErr == nil && d < all) {
										c.Fail("RunningFor", "working time %v, beside Running's %v", d, all)
									}
								})
							}
						}
					}
				}
			}
		}},
		{Name: "matters.Matter.Running", Run: func(c *hardening.Caller) {
			for i, m := range samples.Matters()[:3] {
				for j, cal := range samples.Calendars() {
					for _, from := range hardening.Times {
						for _, to := range hardening.Times {
							c.Call(fmt.Sprintf("matter %d .Running(calendar %d, %v, %v)", i, j, from, to), func() {
								if d, err := m.Running(cal, from, to); err == nil && d < 0 {
									c.Fail("Running", "negative working time %v", d)
								}
							})
						}
					}
				}
			}
		}},
		{Name: "matters.Matter.ElapsedTo", Run: func(c *hardening.Caller) {
			for i, m := range samples.Matters()[:3] {
				for j, cal := range samples.Calendars() {
					for _, s := range hardening.Ints {
						c.Call(fmt.Sprintf("matter %d .ElapsedTo(calendar %d, %d)", i, j, s), func() { _, _ = m.ElapsedTo(cal, s) })
					}
				}
			}
		}},
		{Name: "matters.Matter.Deadlines", Run: func(c *hardening.Caller) {
			for i, m := range samples.Matters()[:3] {
				for j, cal := range samples.Calendars() {
					for k, r := range samples.Routes() {
						c.Call(fmt.Sprintf("matter %d .Deadlines(calendar %d, route %d)", i, j, k), func() { _, _ = m.Deadlines(cal, r) })
					}
				}
			}
		}},
		{Name: "matters.Matter.Status", Run: func(c *hardening.Caller) {
			for i, m := range samples.Matters()[:3] {
				for j, cal := range samples.Calendars() {
					for k, r := range samples.Routes() {
						for _, t := range hardening.Times {
							c.Call(fmt.Sprintf("matter %d .Status(calendar %d, %v, route %d)", i, j, t, k), func() { _, _ = m.Status(cal, t, r) })
						}
					}
				}
			}
		}},
		hardening.Method("matters.Route.Units", samples.Routes(), func(r matters.Route) { _ = r.Units() }),
		{Name: "matters.Directory.Route", Run: func(c *hardening.Caller) {
			for i, d := range []*matters.Directory{{}, {Routes: samples.Routes()}} {
				for _, s := range hardening.Strings {
					desc := fmt.Sprintf("directory %d .Route(%q)", i, hardening.Clip(s))
					c.Call(desc, func() {
						if _, err := d.Route(s); err != nil && !errors.Is(err, matters.ErrNoRoute) && i == 0 {
							c.Fail(desc, "error %v is not ErrNoRoute", err)
						}
					})
				}
			}
		}},
		{Name: "matters.Directory.Validate", Run: func(c *hardening.Caller) {
			for i, d := range []*matters.Directory{{}, {Routes: samples.Routes()}} {
				c.Call(fmt.Sprintf("directory %d .Validate()", i), func() { _ = d.Validate() })
			}
			c.Call("a directory of hostile routes is invalid", func() { c.WantErr("Validate", (&matters.Directory{Routes: samples.Routes()}).Validate()) })
		}},
		{Name: "matters.KeyTasks.For", Run: func(c *hardening.Caller) {
			for i, ts := range []matters.KeyTasks{nil, make(matters.KeyTasks, 3), {{Functions: make([]matters.Function, 3)}}} {
				for _, s := range hardening.Strings {
					c.Call(fmt.Sprintf("tasks %d .For(%q)", i, hardening.Clip(s)), func() { _ = ts.For(s) })
				}
			}
		}},
		hardening.Method("matters.KeyTasks.Units", []matters.KeyTasks{nil, make(matters.KeyTasks, 3), {{Functions: make([]matters.Function, 3)}}}, func(ts matters.KeyTasks) { _ = ts.Units() }),
		hardening.Method("matters.KeyTasks.Validate", []matters.KeyTasks{nil, make(matters.KeyTasks, 3), {{Functions: make([]matters.Function, 3)}}}, func(ts matters.KeyTasks) { _ = ts.Validate() }),
		{Name: "matters.Matter.Apply", Run: func(c *hardening.Caller) {
			events := []matters.Event{{}, {Matter: "M", Seq: 1}, {Matter: "M", Seq: -1, At: hardening.Times[1], Kind: matters.Report, Actor: "A", Type: "T"},
				{Matter: "M", Seq: math.MaxInt, At: hardening.Times[1], Kind: matters.Kind(99), Actor: "A"},
				{Matter: "M", Seq: 1, At: hardening.Times[1], Kind: matters.Report, Actor: "A", Type: "T", Units: make([]string, 100000)},
				{Matter: "M1", Seq: 6, At: hardening.Times[0], Kind: matters.Feedback, Actor: "JJ-01"}}
			for i, m := range samples.Matters()[:3] {
				for j, e := range events {
					c.Call(fmt.Sprintf("matter %d .Apply(event %d)", i, j), func() { _ = m.Apply(e) })
				}
			}
		}},
		hardening.Method("matters.Matter.Clone", samples.Matters(), func(m *matters.Matter) { _ = m.Clone() }),
		hardening.Method("matters.Event.Presses", []*matters.Event{{}, {Kind: matters.Urge}, {Kind: matters.Supervise, Units: make([]string, 3)},
			{Kind: matters.Kind(-1), Units: []string{hardening.Huge, hardening.BadUTF8}}}, func(e *matters.Event) { _, _ = e.Presses(""), e.Presses(hardening.Huge) }),
		{Name: "matters.Replay", Run: func(c *hardening.Caller) {
			for i, es := range [][]matters.Event{nil, {}, {{}}, make([]matters.Event, 100000), samples.Matters()[2].Events} {
				c.Call(fmt.Sprintf("Replay(events %d)", i), func() {
					if m, err := matters.Replay(es); err == nil && m == nil {
						c.Fail("Replay", "nil matter and no error")
					}
				})
			}
		}},
		{Name: "matters.Summarize", Run: func(c *hardening.Caller) {
			c.Call("Summarize(nil)", func() { _ = matters.Summarize(nil) })
			c.Call("Summarize(matters with a nil one)", func() { _ = matters.Summarize(samples.Matters()) })
			c.Call("Summarize(100000 zero matters)", func() { _ = matters.Summarize(make([]*matters.Matter, 100000)) })
		}},
		{Name: "matters.Exclusion.Matches", Run: func(c *hardening.Caller) {
			xs := []matters.Exclusion{{}, {Name: hardening.BadUTF8, Allow: []string{"", hardening.Huge}}, matters.DefaultExclusions()[0]}
			for i, x := range xs {
				for _, s := range hardening.Strings {
					c.Call(fmt.Sprintf("exclusion %d .Matches(%q)", i, hardening.Clip(s)), func() { _ = x.Matches(s) })
				}
			}
		}},
		hardening.Method("matters.Catalog.Validate", hostileCatalogs(), func(cat *matters.Catalog) { _ = cat.Validate() }),
		{Name: "matters.Catalog.At", Run: func(c *hardening.Caller) {
			for i, cat := range hostileCatalogs() {
				for _, at := range hardening.Times {
					c.Call(fmt.Sprintf("catalog %d .At(%v)", i, at), func() { _ = cat.At(at) })
				}
			}
		}},
		{Name: "matters.Catalog.DirectoryVersion", Run: func(c *hardening.Caller) {
			for i, cat := range hostileCatalogs() {
				for _, s := range hardening.Strings {
					c.Call(fmt.Sprintf("catalog %d .DirectoryVersion(%q)", i, hardening.Clip(s)), func() { _, _ = cat.DirectoryVersion(s) })
				}
			}
			c.Call("(&Catalog{}).DirectoryVersion(\"\") is an error", func() {
				_, err := (&matters.Catalog{}).DirectoryVersion("")
				c.WantErr("DirectoryVersion of no directory", err)
			})
		}},
		{Name: "matters.Catalog.RouteOf", Run: func(c *hardening.Caller) {
			for i, cat := range hostileCatalogs() {
				for j, m := range samples.Matters() {
					if m == nil {
						continue // a nil matter is misuse
					}
					c.Call(fmt.Sprintf("catalog %d .RouteOf(matter %d)", i, j), func() { _, _ = cat.RouteOf(m) })
				}
			}
		}},
		{Name: "matters.Catalog.Apply", Run: func(c *hardening.Caller) {
			for i, cat := range hostileCatalogs() {
				for j, cal := range samples.Calendars() {
					for k, m := range samples.Matters()[:3] {
						for l, e := range hostileEvents() {
							m := m.Clone()
							c.Call(fmt.Sprintf("catalog %d .Apply(calendar %d, matter %d, event %d)", i, j, k, l), func() { _ = cat.Apply(cal, m, e) })
						}
					}
				}
			}
		}},
		{Name: "matters.Catalog.Due", Run: func(c *hardening.Caller) {
			for i, cat := range hostileCatalogs() {
				for j, cal := range samples.Calendars() {
					for _, at := range hardening.Times {
						c.Call(fmt.Sprintf("catalog %d .Due(calendar %d, %v, some matters)", i, j, at), func() {
							due, _ := cat.Due(cal, at, samples.Matters())
							for _, e := range due {
								if e.Matter == "" || e.Seq < 1 || e.Note == "" {
									c.Fail("Due", "unsound event %+v", e)
								}
							}
						})
					}
				}
			}
			c.Call("Due(100000 nil matters)", func() {
				_, _ = hostileCatalogs()[0].Due(workday.China(), hardening.Times[1], make([]*matters.Matter, 100000))
			})
		}},
		{Name: "matters.Catalog.SendBack", Run: func(c *hardening.Caller) {
			for i, cat := range hostileCatalogs() {
				for j, m := range samples.Matters()[:3] {
					for _, s := range hardening.Strings {
						c.Call(fmt.Sprintf("catalog %d .SendBack(matter %d, %q)", i, j, hardening.Clip(s)), func() { _, _ = cat.SendBack(m, s, hardening.Times[1]) })
					}
				}
			}
		}},
		{Name: "matters.Catalog.FeedbackLate", Run: func(c *hardening.Caller) {
			for i, cat := range hostileCatalogs() {
				for j, cal := range samples.Calendars() {
					for k, m := range samples.Matters()[:3] {
						for _, at := range hardening.Times {
							c.Call(fmt.Sprintf("catalog %d .FeedbackLate(calendar %d, matter %d, %v)", i, j, k, at), func() { _, _ = cat.FeedbackLate(cal, m, at) })
						}
					}
				}
			}
		}},
		{Name: "matters.Directory.Dispatch", Run: func(c *hardening.Caller) {
			for i, d := range []*matters.Directory{{}, {Version: hardening.Huge, Routes: samples.Routes()}} {
				for j, m := range samples.Matters() {
					if m == nil {
						continue
					}
					for _, at := range hardening.Times {
						c.Call(fmt.Sprintf("directory %d .Dispatch(matter %d, %v)", i, j, at), func() { _, _ = d.Dispatch(m, at) })
					}
				}
			}
		}},
		{Name: "matters.DiffDirectory", Run: func(c *hardening.Caller) {
			ds := []*matters.Directory{nil, {}, {Routes: samples.Routes()}, {Routes: append(samples.Routes(), samples.Routes()...)}}
			for i, a := range ds {
				for j, b := range ds {
					c.Call(fmt.Sprintf("DiffDirectory(%d, %d)", i, j), func() { _ = matters.DiffDirectory(a, b) })
				}
			}
		}},
		{Name: "matters.DiffAdmission", Run: func(c *hardening.Caller) {
			as := []*matters.Admission{nil, {}, {Items: make([]matters.Item, 3), Excluded: make([]matters.Exclusion, 2)}, {Excluded: matters.DefaultExclusions()}}
			for i, a := range as {
				for j, b := range as {
					c.Call(fmt.Sprintf("DiffAdmission(%d, %d)", i, j), func() { _ = matters.DiffAdmission(a, b) })
				}
			}
		}},
		{Name: "matters.LoadDirectory", Run: func(c *hardening.Caller) {
			for i, in := range hardening.JSONInputs {
				c.Call(fmt.Sprintf("LoadDirectory(input %d)", i), func() { _, _ = matters.LoadDirectory(bytes.NewReader(in)) })
			}
			c.Call("LoadDirectory(nothing) is an error", func() {
				_, err := matters.LoadDirectory(bytes.NewReader(nil))
				c.WantErr("LoadDirectory(nothing)", err)
			})
		}},
		{Name: "matters.LoadAdmission", Run: func(c *hardening.Caller) {
			for i, in := range hardening.JSONInputs {
				c.Call(fmt.Sprintf("LoadAdmission(input %d)", i), func() { _, _ = matters.LoadAdmission(bytes.NewReader(in)) })
			}
		}},
		{Name: "matters.LoadEvent", Run: func(c *hardening.Caller) {
			for i, in := range hardening.JSONInputs {
				c.Call(fmt.Sprintf("LoadEvent(input %d)", i), func() { _, _ = matters.LoadEvent(bytes.NewReader(in)) })
			}
		}},
		{Name: "matters.LoadCatalog", Run: func(c *hardening.Caller) {
			for i, in := range append(hardening.JSONInputs, []byte(`{"register":{"units":[{"creditcode":"x"}]},"history":{"directories":[null,{}]}}`)) {
				c.Call(fmt.Sprintf("LoadCatalog(input %d)", i), func() { _, _ = matters.LoadCatalog(bytes.NewReader(in)) })
			}
		}},
	}...))
}

// hostileCatalogs are catalogs with nothing, with lists of zero values,
// nil revisions in their history, keys used twice and hostile strings.
func hostileCatalogs() []*matters.Catalog {
	reg := &accountability.Register{Units: make([]accountability.Unit, 3), Powers: []accountability.Power{{}, {Code: "A", PromisedDays: -1}},
		Responsibilities: []accountability.Responsibility{{}, {Code: "Z", Powers: []string{"A", "A", ""}, Boundaries: make([]accountability.Boundary, 2)}}}
	dir := &matters.Directory{Version: hardening.BadUTF8, Adoption: accountability.Adoption{Status: accountability.Status(99), Effective: hardening.Times[4]},
		Routes: append(samples.Routes(), matters.Route{Type: "占道经营", Lead: "", Duty: "Z", ResolveDays: math.MaxInt}, matters.Route{Duty: hardening.Huge})}
	adm := &matters.Admission{Items: []matters.Item{{}, {Code: "A", Name: hardening.Huge}}, Excluded: []matters.Exclusion{{}, {Name: "招商引资"}}}
	return []*matters.Catalog{
		{}, {Register: &accountability.Register{}, Directory: &matters.Directory{}, Admission: &matters.Admission{},
			Supervision: matters.Supervision{Supervisor: hardening.Huge, EscalateDays: -1, FeedbackDays: -1, Reopens: -1, SuspendDays: -1, ExtendDays: -1}},
		{Register: reg, Directory: dir, Admission: adm, KeyTasks: matters.KeyTasks{{}, {Functions: make([]matters.Function, 2)}},
			History:     matters.History{Registers: []*accountability.Register{nil, reg}, Directories: []*matters.Directory{nil, dir, {}}, Admissions: []*matters.Admission{nil, adm}},
			Supervision: matters.Supervision{Supervisor: hardening.BadUTF8, EscalateDays: math.MaxInt, FeedbackDays: math.MaxInt, Reopens: math.MaxInt, SuspendDays: math.MaxInt, ExtendDays: math.MaxInt}},
		{Directory: &matters.Directory{Routes: samples.Routes()}, Supervision: matters.Supervision{Supervisor: "督查室", EscalateDays: 1, FeedbackDays: 1, Reopens: 1, SuspendDays: 1, ExtendDays: 1}},
	}
}

// hostileEvents are events of every kind with hostile payloads.
func hostileEvents() []matters.Event {
	var es []matters.Event
	for k := matters.Kind(0); k <= matters.Reply+1; k++ {
		es = append(es,
			matters.Event{Matter: "M1", Seq: 10, At: hardening.Times[1], Kind: k, Actor: "城管局", Type: "占道经营", Units: []string{"城管局", "", "JJ-01"}, Routes: hardening.Huge, Ref: 5, Days: math.MaxInt},
			matters.Event{Matter: "M1", Seq: 10, At: hardening.Times[5], Kind: k, Actor: "JJ-01", Type: hardening.BadUTF8, Units: []string{"城管局"}, Ref: -1, Days: -1, Note: "x", Override: "y"})
	}
	return es
}

// FuzzEnumText: no text panics an enum's parser, UnmarshalText or Scan;
// they agree, and what they accept parses again from its code and label and
// marshals back to the same value.
func FuzzEnumText(f *testing.F) {
	hardening.FuzzEnums(f, hardeningEnums...)
}

// hardeningEnums are the enums of the package, for their rows and FuzzEnumText.
var hardeningEnums = []hardening.EnumCase{
	hardening.EnumOf[matters.List]("matters", "List", matters.ParseList),
	hardening.EnumOf[matters.Alert]("matters", "Alert", matters.ParseAlert),
	hardening.EnumOf[matters.Kind]("matters", "Kind", matters.ParseKind),
	hardening.EnumOf[matters.Role]("matters", "Role", matters.ParseRole),
	hardening.EnumOf[matters.State]("matters", "State", matters.ParseState),
}

// FuzzReportJSON decodes arbitrary JSON as a Clock, Deadlines, Route and
// Summary: no input panics UnmarshalJSON, and what decodes encodes, and
// decodes again to the same value and bytes (roundTrip).
func FuzzReportJSON(f *testing.F) {
	hardening.AddJSONSeeds(f)
	at := hardening.Times[1]
	for _, v := range []any{
		matters.Clock{Limit: 4 * time.Hour, Due: at.Add(4 * time.Hour), Used: time.Hour, Done: at.Add(time.Hour), Alert: matters.Half},
		matters.Deadlines{Dispatched: at, Respond: at.Add(time.Hour), Resolve: at.AddDate(0, 0, 3), Stopped: true},
		matters.Route{Type: "占道经营", Lead: "城管局", Support: []string{"住建局"}, Respond: time.Hour, ResolveDays: 3},
		matters.Summary{Received: 3, Resolved: 2, ResolutionRate: decimal.New(6667, -4), Surveyed: 2, Satisfied: 1, SatisfactionRate: decimal.New(5000, -4)},
	} {
		b, err := json.Marshal(v)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		roundTrip[matters.Clock](t, data)
		roundTrip[matters.Deadlines](t, data)
		roundTrip[matters.Route](t, data)
		roundTrip[matters.Summary](t, data)
	})
}

// TestApplyLinearInUnits: a Dispatch, an Urge and a Supervise check their
// Units in time linear in how many they name, so that a matter that
// dispatches to, urges and supervises 50,000 units replays, and its JSON
// decodes, in a fraction of a second, not the half minute of comparing
// each unit with every other.
func TestApplyLinearInUnits(t *testing.T) {
	const n = 50000
	units := make([]string, n)
	size := 0
	for i := range units {
		units[i] = fmt.Sprintf("u%d", i)
		size += 3 * (len(units[i]) + 3) // the unit in the JSON of each event
	}
	history := number(ev(matters.Report, owner), ev(matters.Whistle, owner), ev(matters.Dispatch, owner, units...),
		ev(matters.Urge, owner, units...), ev(matters.Supervise, outside, units...))
	var m *matters.Matter
	var err error
	hardening.Linear(t, size, func() { m, err = matters.Replay(history) })
	if err != nil {
		t.Fatal(err)
	}
	data := hardening.MustJSON(t, m)
	var back matters.Matter
	hardening.Linear(t, len(data), func() { err = json.Unmarshal(data, &back) })
	if err != nil {
		t.Fatal(err)
	}
	sameMatter(t, "matter decoded from its JSON", m, &back)
}
