package matters_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/qingdan/qingdan/accountability"
	"github.com/qingdan/qingdan/internal/hardening"
	"github.com/qingdan/qingdan/matters"
	"github.com/qingdan/qingdan/matters/workday"
)

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, workday.CST()) }

func published(eff time.Time) accountability.Adoption {
	return accountability.Adoption{Effective: eff, Status: accountability.Published, ApprovedBy: "区委编办", ApprovedAt: eff.AddDate(0, 0, -10)}
}

// revisedCatalog has three revisions of its governance matter list: 2024-1
// in force from 1 January, 2024-2 from 1 April (the catalog's own), and a
// draft 2024-3; 占道经营 is resolved within 3 working days under 2024-1 and
// within 10 under 2024-2.
func revisedCatalog() *matters.Catalog {
	route := func(days int) []matters.Route {
		return []matters.Route{{Type: "违法建设", Lead: lead, Support: []string{sup1}, Respond: 4 * time.Hour, ResolveDays: days}}
	}
	return &matters.Catalog{
		Directory: &matters.Directory{Version: "2024-2", Adoption: published(day(2024, 4, 1)), Routes: route(10)},
		History: matters.History{Directories: []*matters.Directory{
			{Version: "2024-1", Adoption: published(day(2024, 1, 1)), Routes: route(3)},
			{Version: "2024-3", Adoption: accountability.Adoption{Effective: day(2024, 7, 1), Status: accountability.Draft}, Routes: route(1)},
		}},
	}
}

func TestCatalogAt(t *testing.T) {
	c := revisedCatalog()
	for _, tt := range []struct {
		at   time.Time
		want string // the Version in force; "-" for none
	}{
		{day(2023, 12, 31), "-"},
		{day(2024, 1, 1), "2024-1"},
		{day(2024, 3, 31).Add(23 * time.Hour), "2024-1"},
		{day(2024, 4, 1), "2024-2"},
		{day(2024, 8, 1), "2024-2"}, // 2024-3 is a draft
	} {
		got := "-"
		if d := c.At(tt.at).Directory; d != nil {
			got = d.Version
		}
		if got != tt.want {
			t.Errorf("At(%s).Directory = %s, want %s", tt.at.Format(time.DateTime), got, tt.want)
		}
	}
	// A list with no revision in force is nil, a list without revisions is
	// itself; the key tasks and the supervision are kept.
	c.KeyTasks = matters.KeyTasks{{ID: "KT-1"}}
	c.Supervision = matters.Supervision{Supervisor: "区委督查室", EscalateDays: 2}
	c.Register = &accountability.Register{Version: "2024", Adoption: accountability.Adoption{Effective: day(2024, 1, 1), Status: accountability.Draft}}
	c.Admission = &matters.Admission{Version: "2024"}
	at := c.At(day(2024, 5, 1))
	if at.Register != nil || at.Admission != c.Admission || len(at.KeyTasks) != 1 || at.Supervision != c.Supervision || len(at.History.Directories) != 0 {
		t.Errorf("At = %+v", at)
	}
}

// dispatched returns a matter of type 违法建设 reported, whistled and
// dispatched at the instant given, the dispatch recording routes.
func dispatched(t *testing.T, at time.Time, routes string) *matters.Matter {
	t.Helper()
	m := &matters.Matter{}
	for i, e := range []matters.Event{
		{Kind: matters.Report, Actor: owner, Type: "违法建设"},
		{Kind: matters.Whistle, Actor: owner},
		{Kind: matters.Dispatch, Actor: owner, Units: []string{lead}, Routes: routes},
	} {
		e.Matter, e.Seq, e.At = "M-1", i+1, at.Add(time.Duration(i)*time.Minute)
		if err := m.Apply(e); err != nil {
			t.Fatal(err)
		}
	}
	return m
}

// TestRouteOf: a matter is graded by the route of the revision its
// dispatch recorded, whatever revision is in force when it is graded.
func TestRouteOf(t *testing.T) {
	c := revisedCatalog()
	for _, tt := range []struct {
		name   string
		m      *matters.Matter
		days   int
		reason error
	}{
		{"recorded 2024-1, graded after 2024-2 took effect", dispatched(t, day(2024, 3, 20), "2024-1"), 3, nil},
		{"recorded 2024-2", dispatched(t, day(2024, 4, 2), "2024-2"), 10, nil},
		{"recorded the draft", dispatched(t, day(2024, 4, 2), "2024-3"), 1, nil},
		{"recorded none: the revision in force at the dispatch", dispatched(t, day(2024, 3, 20), ""), 3, nil},
		{"recorded none, none in force", dispatched(t, day(2023, 3, 20), ""), 0, matters.ErrNoRevision},
		{"recorded an unknown version", dispatched(t, day(2024, 3, 20), "2019"), 0, matters.ErrNoRevision},
		{"not dispatched", build(t, ev(matters.Report, owner)), 0, matters.ErrNotDispatched},
	} {
		r, err := c.RouteOf(tt.m)
		switch {
		case tt.reason != nil && !errors.Is(err, tt.reason):
			t.Errorf("%s: RouteOf = %+v, %v; want %v", tt.name, r, err, tt.reason)
		case tt.reason == nil && (err != nil || r.ResolveDays != tt.days):
			t.Errorf("%s: RouteOf = %+v, %v; want %d days", tt.name, r, err, tt.days)
		}
	}
	// A type the revision does not list.
	m := dispatched(t, day(2024, 4, 2), "2024-2")
	m.Type = "井盖缺失"
	if _, err := c.RouteOf(m); !errors.Is(err, matters.ErrNoRoute) || !strings.Contains(err.Error(), `"2024-2"`) {
		t.Errorf("RouteOf(unlisted type) error = %v, want ErrNoRoute naming the revision", err)
	}
	// A catalog whose list has no revisions at all routes by that list.
	plain := &matters.Catalog{Directory: &matters.Directory{Routes: []matters.Route{{Type: "违法建设", Lead: lead, ResolveDays: 7}}}}
	if r, err := plain.RouteOf(dispatched(t, day(2024, 3, 20), "")); err != nil || r.ResolveDays != 7 {
		t.Errorf("unversioned RouteOf = %+v, %v", r, err)
	}
	// A list with no version is said to have none, not shown as "".
	m = dispatched(t, day(2024, 3, 20), "")
	m.Type = "井盖缺失"
	if _, err := plain.RouteOf(m); !errors.Is(err, matters.ErrNoRoute) || !strings.Contains(err.Error(), "governance matter list (no version)") {
		t.Errorf("unversioned RouteOf(unlisted type) error = %v, want ErrNoRoute saying the list has no version", err)
	}
}

// TestNilRevisionsAreNone: a History of nil revisions (null in JSON) is no
// history; the catalog's own lists, with no adoption, stay in force.
func TestNilRevisionsAreNone(t *testing.T) {
	c := &matters.Catalog{
		Register:  &accountability.Register{Version: "2024"},
		Directory: &matters.Directory{Routes: []matters.Route{{Type: "违法建设", Lead: lead, ResolveDays: 7}}},
		Admission: &matters.Admission{},
		History:   matters.History{Registers: []*accountability.Register{nil}, Directories: []*matters.Directory{nil}, Admissions: []*matters.Admission{nil}},
	}
	at := c.At(day(2024, 5, 1))
	if at.Register != c.Register || at.Directory != c.Directory || at.Admission != c.Admission {
		t.Errorf("At = %+v, want the catalog's own lists", at)
	}
	if r, err := c.RouteOf(dispatched(t, day(2024, 3, 20), "")); err != nil || r.ResolveDays != 7 {
		t.Errorf("RouteOf = %+v, %v; want the route of the catalog's own list", r, err)
	}
}

func TestDirectoryDispatch(t *testing.T) {
	c := revisedCatalog()
	m := build(t, ev(matters.Report, owner), ev(matters.Whistle, owner))
	at := t0.Add(time.Hour)
	e, err := c.Directory.Dispatch(m, at)
	want := matters.Event{Matter: "M-1", Seq: 3, At: at, Kind: matters.Dispatch, Actor: owner, Units: []string{lead, sup1}, Routes: "2024-2"}
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want, e); diff != "" {
		t.Errorf("Dispatch mismatch (-want +got):\n%s", diff)
	}
	if err := m.Apply(e); err != nil {
		t.Fatalf("Apply(Dispatch) = %v", err)
	}
	if r, err := c.RouteOf(m); err != nil || r.ResolveDays != 10 {
		t.Errorf("RouteOf after Dispatch = %+v, %v", r, err)
	}
	m.Type = "井盖缺失"
	if _, err := c.Directory.Dispatch(m, at); !errors.Is(err, matters.ErrNoRoute) {
		t.Errorf("Dispatch(unlisted type) error = %v, want ErrNoRoute", err)
	}
}

func TestLoad(t *testing.T) {
	c := soundCatalog()
	c.History.Directories = revisedCatalog().History.Directories
	b, err := json.Marshal(c)
	if err != nil {
		t.Fatal(err)
	}
	back, err := matters.LoadCatalog(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("LoadCatalog(Marshal(catalog)) error = %v", err)
	}
	if diff := cmp.Diff(c, back); diff != "" {
		t.Errorf("LoadCatalog round trip mismatch (-want +got):\n%s", diff)
	}
	type loader func(io.Reader) error
	catalog := func(r io.Reader) error { _, err := matters.LoadCatalog(r); return err }
	directory := func(r io.Reader) error { _, err := matters.LoadDirectory(r); return err }
	admission := func(r io.Reader) error { _, err := matters.LoadAdmission(r); return err }
	for _, tt := range []struct {
		name string
		load loader
		in   io.Reader
		want string
		reg  bool // the error is in the register or an enum of accountability, and wraps accountability.ErrInvalid too
	}{
		{"unknown field", directory, strings.NewReader(`{"routes":[],"vresion":"1"}`), `unknown field "vresion"`, false},
		{"field in another case", directory, strings.NewReader(`{"routes":[{"type":"a","lead":"b","resolvedays":3}]}`), `"resolvedays" is spelt "resolveDays"`, false},
		{"misspelt status", admission, strings.NewReader(`{"status":"publised"}`), `unknown revision status "publised" (want one of draft, approved, published, or a Chinese label): invalid at status`, true},
		{"misspelt list", admission, strings.NewReader(`{"items":[{"code":"A","name":"x","list":"duty"}]}`), `"duty"`, false},
		{"bad duration", directory, strings.NewReader(`{"routes":[{"type":"a","respond":"2 hours"}]}`), `not a duration`, false},
		{"register", catalog, strings.NewReader(`{"register":{"units":[{"id":"S","kind":"street"}]}}`), `unknown unit kind "street" (want one of subdistrict, office, center, agency, department, or a Chinese label): invalid at register.units[0].kind`, true},
		{"trailing data", catalog, strings.NewReader(`{} []`), "trailing data", false},
		{"too long", directory, io.MultiReader(strings.NewReader(`{"version":"`), strings.NewReader(strings.Repeat("x", matters.MaxListBytes))), "longer than", false},
		{"not JSON", catalog, strings.NewReader("routes:"), "invalid character", false},
	} {
		err := tt.load(tt.in)
		if !errors.Is(err, matters.ErrInvalid) || !strings.Contains(err.Error(), tt.want) || tt.reg != errors.Is(err, accountability.ErrInvalid) {
			t.Errorf("%s: error = %v, want one wrapping matters.ErrInvalid that says %s", tt.name, err, tt.want)
		}
	}
}

func TestDiffDirectoryAndAdmission(t *testing.T) {
	old := revisedCatalog().History.Directories[0]
	new := &matters.Directory{Version: "x", Routes: []matters.Route{
		{Type: "违法建设", Lead: lead, Support: []string{sup1}, Respond: 4 * time.Hour, ResolveDays: 10, Duty: "ZZ-03"},
		{Type: "占道经营", Lead: lead},
	}}
	want := accountability.Changes{
		{Kind: accountability.Changed, List: "routes", Key: "违法建设", Path: "routes[违法建设]", Fields: []string{"resolveDays", "duty"}},
		{Kind: accountability.Added, List: "routes", Key: "占道经营", Path: "routes[占道经营]"},
	}
	if diff := cmp.Diff(want, matters.DiffDirectory(old, new)); diff != "" {
		t.Errorf("DiffDirectory mismatch (-want +got):\n%s", diff)
	}
	if got := matters.DiffDirectory(nil, nil); len(got) != 0 {
		t.Errorf("DiffDirectory(nil, nil) = %v", got)
	}
	a := soundCatalog().Admission
	b := &matters.Admission{Items: []matters.Item{a.Items[1], {Code: "CF-001", Name: a.Items[0].Name, List: matters.Duties, Unit: "S"}},
		Excluded: matters.DefaultExclusions()}
	want = accountability.Changes{
		{Kind: accountability.Changed, List: "items", Key: "CF-001", Path: "items[CF-001]", Fields: []string{"unit"}},
		{Kind: accountability.Added, List: "excluded", Key: "招商引资", Path: "excluded[招商引资]"},
		{Kind: accountability.Added, List: "excluded", Key: "协税护税", Path: "excluded[协税护税]"},
	}
	if diff := cmp.Diff(want, matters.DiffAdmission(a, b)); diff != "" {
		t.Errorf("DiffAdmission mismatch (-want +got):\n%s", diff)
	}
}

// FuzzLoadCatalog: no input makes loading, validating (the catalog and its
// key tasks), At or RouteOf panic; loading takes time linear in the input;
// every error wraps ErrInvalid; a loaded catalog re-encodes to JSON
// that loads to the same catalog; validating finds the same again, and on
// the catalog loaded back.
func FuzzLoadCatalog(f *testing.F) {
	for _, c := range []*matters.Catalog{soundCatalog(), revisedCatalog()} {
		b, err := json.Marshal(c)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte(`{"directory":{"routes":[{"type":"a","lead":"b","duty":"x"}]},"admission":{"items":[{"code":"c","name":"招商引资"}]}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		var c *matters.Catalog
		if !hardening.Accepts(t, data, matters.ErrInvalid, func() (err error) { c, err = matters.LoadCatalog(bytes.NewReader(data)); return err }) {
			return
		}
		verr, kerr := c.Validate(), c.KeyTasks.Validate()
		if kerr != nil && !errors.Is(kerr, matters.ErrInvalid) {
			t.Fatalf("KeyTasks.Validate: %v does not wrap ErrInvalid", kerr)
		}
		_ = c.At(day(2024, 5, 1))
		if c.Directory != nil {
			for _, r := range c.Directory.Routes {
				m := &matters.Matter{ID: "M", Type: r.Type, Events: []matters.Event{{Kind: matters.Dispatch, At: day(2024, 5, 1), Routes: c.Directory.Version}}}
				if _, err := c.RouteOf(m); err != nil && !errors.Is(err, matters.ErrNoRevision) && !errors.Is(err, matters.ErrNoRoute) {
					t.Fatalf("RouteOf = %v", err)
				}
			}
		}
		b, err := json.Marshal(c)
		if err != nil {
			t.Fatalf("Marshal(loaded) error = %v", err)
		}
		again, err := matters.LoadCatalog(bytes.NewReader(b))
		if err != nil {
			t.Fatalf("LoadCatalog(Marshal(loaded)) error = %v\n%s", err, b)
		}
		if diff := cmp.Diff(c, again, cmpopts.EquateEmpty()); diff != "" {
			t.Fatalf("round trip mismatch (-want +got):\n%s", diff)
		}
		sameFindings(t, "catalog", verr, c.Validate(), again.Validate())
		sameFindings(t, "catalog's key tasks", kerr, c.KeyTasks.Validate(), again.KeyTasks.Validate())
	})
}
