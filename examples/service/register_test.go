package main

import (
	"context"
	"errors"
	"maps"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/qingdan/qingdan/accountability"
	"github.com/qingdan/qingdan/matters"
	"github.com/qingdan/qingdan/matters/workday"
)

// registerCase is one event of TestRegister, posted by its actor with
// its own token after the history of its matter (each event accepted).
type registerCase struct {
	name    string
	history []matters.Event
	event   matters.Event
	status  int // with the register; without one, every event is accepted
}

// hotlineReport is the hotline's report of matter for the sub-district
// zheshan, naming no supervisor: the first to supervise it becomes its
// supervisor.
func hotlineReport(matter string) matters.Event {
	return matters.Event{Matter: matter, Seq: 1, Kind: matters.Report, Actor: "91580", Type: "占道经营", Units: []string{"zheshan"}, Note: "菜市场周边流动摊贩占道"}
}

// report is unit's report of matter, for owner if not "", naming
// supervisor if not "".
func report(matter, unit, owner, supervisor string) matters.Event {
	e := matters.Event{Matter: matter, Seq: 1, Kind: matters.Report, Actor: unit, Type: "占道经营", Note: "菜市场周边流动摊贩占道", Supervisor: supervisor}
	if owner != "" {
		e.Units = []string{owner}
	}
	return e
}

// supervise is unit's supervision of matter, its second event.
func supervise(matter, unit string) matters.Event {
	return matters.Event{Matter: matter, Seq: 2, Kind: matters.Supervise, Actor: unit, Note: "督办"}
}

var registerCases = []registerCase{
	{"the hotline reports for a sub-district", nil, hotlineReport("R1"), http.StatusCreated},
	{"a sub-district reports, naming its district's supervisor", nil, report("R2", "zheshan", "zheshan", "jinghu-dc"), http.StatusCreated},
	{"a department reports for a sub-district, to grade it", nil, report("R3", "cgj", "zheshan", ""), http.StatusUnprocessableEntity},
	{"a department reports a matter of its own", nil, report("R4", "cgj", "", ""), http.StatusUnprocessableEntity},
	{"a sub-district reports for another", nil, report("R5", "zheshan", "fanluoshan", ""), http.StatusUnprocessableEntity},
	{"a sub-district names a department its supervisor", nil, report("R6", "zheshan", "zheshan", "cgj"), http.StatusUnprocessableEntity},
	{"a department is the first to supervise a matter", []matters.Event{hotlineReport("R7")}, supervise("R7", "cgj"), http.StatusUnprocessableEntity},
	{"a sub-district is the first to supervise another's matter", []matters.Event{hotlineReport("R8")}, supervise("R8", "fanluoshan"), http.StatusUnprocessableEntity},
	{"the district's supervisor is the first to supervise a matter", []matters.Event{hotlineReport("R9")}, supervise("R9", "jinghu-dc"), http.StatusCreated},
}

// TestRegister: with the register of the wuhu city, the catalog keeps a
// graded unit out of its grader's seat, whatever token it holds: a
// department's report for a sub-district or of its own, a sub-district's
// for another, a department named supervisor or the first to supervise
// a matter are refused (422, the catalog's ErrActor), nothing journaled;
// the hotline's report for a sub-district, and the district supervisor's
// first supervision, which makes it the matter's supervisor, are
// accepted. Each is accepted by an open service whose catalog has no
// register: the register is what refuses them. The catalog names no
// supervisor of its own here: one that does (the wuhu catalog's city-dc)
// lets no other body be a matter's first supervisor, on the register or
// off it, and the register's check would not be reached.
func TestRegister(t *testing.T) {
	c := startCluster(t)
	cfg := wuhuConfig(t)
	catalog := *cfg.Catalog
	catalog.Supervision.Supervisor = ""
	cfg.Catalog = &catalog
	svc, url := serve(t, c.database(t, "register"), cfg)

	unregistered := catalog
	unregistered.Register = nil
	open := cfg
	open.Catalog, open.Callers, open.OpenPosts = &unregistered, nil, true
	_, openURL := serve(t, c.database(t, "unregistered"), open)

	at := time.Date(2020, 6, 1, 9, 0, 0, 0, workday.CST())
	next := func(e matters.Event) Submission {
		at = at.Add(time.Minute)
		e.At = at
		return Submission{Event: e}
	}
	for _, tt := range registerCases {
		for _, e := range tt.history {
			sub := next(e)
			for _, u := range []string{url, openURL} {
				if status, body := post(t, u, sub); status != http.StatusCreated {
					t.Fatalf("%s: %s#%d by %s: %d %s; want 201", tt.name, e.Matter, e.Seq, e.Actor, status, body)
				}
			}
		}
		sub := next(tt.event)
		head, _ := svc.Head(origin)
		status, body := post(t, url, sub)
		if status != tt.status {
			t.Errorf("%s: %s posts %s#%d: %d %s; want %d", tt.name, tt.event.Actor, tt.event.Matter, tt.event.Seq, status, body, tt.status)
		}
		if status == http.StatusCreated {
			if got, _ := svc.Head(origin); got.Seq != head.Seq+1 {
				t.Errorf("%s: the journal's head is %v after %v; want the event journaled", tt.name, got, head)
			}
			if v, _ := svc.Matter(tt.event.Matter); tt.event.Kind == matters.Supervise && (v.Matter == nil || v.Matter.Supervisor != tt.event.Actor) {
				t.Errorf("%s: %s#%d accepted, the matter's supervisor is not %s: %+v", tt.name, tt.event.Matter, tt.event.Seq, tt.event.Actor, v.Matter)
			}
		} else {
			if !strings.Contains(body, "actor not allowed") || !strings.Contains(body, "the register in force lists") {
				t.Errorf("%s: refused with %s; want the catalog's ErrActor, by the register", tt.name, body)
			}
			if got, _ := svc.Head(origin); got != head {
				t.Errorf("%s: the journal's head is %v; want %v, nothing journaled", tt.name, got, head)
			}
		}
		if status, body := post(t, openURL, sub); status != http.StatusCreated {
			t.Errorf("%s: without a register, %s posts %s#%d: %d %s; want 201", tt.name, tt.event.Actor, tt.event.Matter, tt.event.Seq, status, body)
		}
	}
}

// withRegister returns cfg with a copy of its catalog whose register is
// reg (nil for none), or, if history, whose History holds reg as its
// only revision of the register, and the catalog none of its own.
func withRegister(cfg Config, reg *accountability.Register, history bool) Config {
	catalog := *cfg.Catalog
	catalog.Register = reg
	if history {
		catalog.Register, catalog.History.Registers = nil, []*accountability.Register{reg}
	}
	cfg.Catalog = &catalog
	return cfg
}

// adopted returns a copy of reg adopted with status, in force from
// effective (the zero time: no date).
func adopted(reg *accountability.Register, status accountability.Status, effective time.Time) *accountability.Register {
	r := *reg
	r.Adoption = accountability.Adoption{Status: status, Effective: effective}
	return &r
}

// TestOpenRegister: Open refuses a catalog that lists no unit in any
// revision of its register that is ever in force as Catalog.At reads it
// (errNoRegister), before it reads the database, unless the service is
// open (OpenPosts, a local trial); a register in the catalog or only in
// its History will do, published with a date it takes effect, or the
// catalog's own with no adoption and no History. A draft, a register
// approved but not published, one in History with no date, or the
// catalog's own with no adoption beside revisions in History is in force
// at no instant, and the catalog's checks would pass anyone: a
// department could report for a sub-district and grade it. The database
// here is none: a config Open takes fails on reading it.
func TestOpenRegister(t *testing.T) {
	cfg := wuhuConfig(t)
	pool := noDatabase(t)
	reg := cfg.Catalog.Register
	y2020 := time.Date(2020, 1, 1, 0, 0, 0, 0, workday.CST())
	draft := withRegister(cfg, adopted(reg, accountability.Draft, y2020), false)
	e := report("R1", "cgj", "zheshan", "")
	e.At = y2020.AddDate(0, 6, 0)
	if err := draft.Catalog.Apply(workday.China(), &matters.Matter{}, e); err != nil {
		t.Fatalf("a catalog whose register is a draft refuses a department's report for a sub-district: %v; the test's premise is that it takes it", err)
	}
	beside := withRegister(cfg, reg, false)
	beside.Catalog.History.Registers = []*accountability.Register{adopted(&accountability.Register{Version: "2019"}, accountability.Published, y2020.AddDate(-1, 0, 0))}
	for _, tt := range []struct {
		name    string
		cfg     Config
		refused bool // unless open
	}{
		{"the wuhu register", cfg, false},
		{"the wuhu register, published", withRegister(cfg, adopted(reg, accountability.Published, y2020), false), false},
		{"the wuhu register, published for a later date", withRegister(cfg, adopted(reg, accountability.Published, y2020.AddDate(10, 0, 0)), false), false},
		{"the wuhu register, in History, published", withRegister(cfg, adopted(reg, accountability.Published, y2020), true), false},
		{"the wuhu register, in History, with no date", withRegister(cfg, reg, true), true},
		{"the wuhu register, a draft", draft, true},
		{"the wuhu register, approved, not published", withRegister(cfg, adopted(reg, accountability.Approved, y2020), false), true},
		{"the wuhu register, published with no date", withRegister(cfg, adopted(reg, accountability.Published, time.Time{}), false), true},
		{"the wuhu register, not adopted, beside a revision in History", beside, true},
		{"no register", withRegister(cfg, nil, false), true},
		{"a register of no units", withRegister(cfg, &accountability.Register{Version: "2020"}, false), true},
		{"a register of no units, in History", withRegister(cfg, &accountability.Register{Version: "2020"}, true), true},
	} {
		for _, open := range []bool{false, true} {
			cfg := tt.cfg
			if open {
				cfg.Callers, cfg.OpenPosts = nil, true
			}
			_, err := Open(context.Background(), pool, cfg)
			if want := tt.refused && !open; errors.Is(err, errNoRegister) != want || !want && !fromTheDatabase(err) {
				t.Errorf("%s, open %v: Open = %v; want errNoRegister %v (else the database's error)", tt.name, open, err, want)
			}
		}
	}
}

// TestRunNoRegister: the program refuses a catalog without a register
// (unless -open), naming the catalog file and -open, before it connects
// to the database.
func TestRunNoRegister(t *testing.T) {
	var stderr strings.Builder
	err := run(runArgs(t, withRegister(wuhuConfig(t), nil, false)), &stderr)
	if !errors.Is(err, errNoRegister) || !strings.Contains(err.Error(), "catalog.json") || !strings.Contains(err.Error(), "-open") || stderr.Len() != 0 {
		t.Errorf("run with a catalog without a register: %v, stderr %q; want errNoRegister, naming catalog.json and -open", err, stderr.String())
	}
}

// runArgs writes cfg's catalog, table and callers to files and returns
// the arguments of run that serve them on no database.
func runArgs(t testing.TB, cfg Config) []string {
	t.Helper()
	dir := t.TempDir()
	files := map[string]string{
		"catalog.json": mustJSON(t, cfg.Catalog),
		"table.json":   mustJSON(t, cfg.Table),
		"callers.json": mustJSON(t, cfg.Callers),
	}
	for name, content := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	return []string{"-db", "host=" + filepath.Join(dir, "none") + " connect_timeout=1", "-catalog", filepath.Join(dir, "catalog.json"), "-table", filepath.Join(dir, "table.json"), "-callers", filepath.Join(dir, "callers.json")}
}

// TestRunOffRegister: the program takes the bodies off the register
// that may post from -off-register, once for each, and refuses callers
// the catalog does not know without them.
func TestRunOffRegister(t *testing.T) {
	cfg := wuhuConfig(t)
	args := runArgs(t, cfg)
	var stderr strings.Builder
	if err := run(args, &stderr); !errors.Is(err, errUnknownCaller) || !strings.Contains(err.Error(), `"91580"`) {
		t.Errorf("run without -off-register: %v; want errUnknownCaller, naming the hotline", err)
	}
	for _, id := range cfg.OffRegister {
		args = append(args, "-off-register", id)
	}
	if err := run(args, &stderr); !fromTheDatabase(err) {
		t.Errorf("run with -off-register for each: %v; want the database's error", err)
	}
}

// noDatabase returns a pool of no database: a config Open takes fails on
// reading it (fromTheDatabase).
func noDatabase(t testing.TB) *pgxpool.Pool {
	t.Helper()
	pool, err := pgxpool.New(context.Background(), "host="+filepath.Join(t.TempDir(), "none")+" dbname=none connect_timeout=1")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(pool.Close)
	return pool
}

// fromTheDatabase reports whether err is the error of a database there
// is none of (noDatabase, runArgs): Open took the config.
func fromTheDatabase(err error) bool {
	return err != nil && strings.Contains(err.Error(), "failed to connect")
}

// TestCallersOnRegister: Open refuses a callers table that names an ID
// which no revision of the catalog's register lists and which is neither
// the catalog's supervisor nor a body off the register the host names
// (Config.OffRegister), naming the entry and the ID, before it reads the
// database. The catalog takes an ID it does not list for a body off the
// register, a hotline, which may report for a sub-district and so grade
// it: a department's token given a misspelt ID would post as such a body.
// A body named off the register that the register lists is refused too.
func TestCallersOnRegister(t *testing.T) {
	cfg := wuhuConfig(t)
	const typo = "cgj-zf" // cgj, misspelt
	e := report("R1", typo, "zheshan", "")
	e.At = time.Date(2020, 6, 1, 9, 0, 0, 0, workday.CST())
	if err := cfg.Catalog.Apply(workday.China(), &matters.Matter{}, e); err != nil {
		t.Fatalf("the catalog refuses a report for zheshan by %q, which it does not list: %v; the test's premise is that it takes it for a hotline's", typo, err)
	}
	pool := noDatabase(t)
	withCaller := func(cfg Config, id string) Config {
		cfg.Callers = maps.Clone(cfg.Callers)
		cfg.Callers[tokenHash(tokenOf(id))] = id
		return cfg
	}
	withOff := func(cfg Config, off ...string) Config {
		cfg.OffRegister = off
		return cfg
	}
	for _, tt := range []struct {
		name   string
		cfg    Config
		wantIs error    // nil: the database's error
		want   []string // in the error
	}{
		{"the wuhu callers, the hotline and the districts' supervisors off the register", cfg, nil, nil},
		{"the register in History", withRegister(cfg, adopted(cfg.Catalog.Register, accountability.Published, e.At), true), nil, nil},
		{"a body off the register named twice", withOff(cfg, append(slices.Clone(cfg.OffRegister), "91580")...), nil, nil},
		{"a department misspelt", withCaller(cfg, typo), errUnknownCaller, []string{tokenHash(tokenOf(typo)), `"` + typo + `"`}},
		{"no body named off the register", withOff(cfg), errUnknownCaller, []string{`"91580"`, `"jinghu-dc"`, `"yijiang-dc"`, `"jiujiang-dc"`, tokenHash(tokenOf("91580"))}},
		{"a department named off the register", withOff(cfg, append(slices.Clone(cfg.OffRegister), "cgj")...), errOnRegister, []string{`"cgj"`, "department"}},
		{"an empty ID named off the register", withOff(cfg, append(slices.Clone(cfg.OffRegister), "")...), errOnRegister, []string{`""`}},
	} {
		_, err := Open(context.Background(), pool, tt.cfg)
		if tt.wantIs == nil && !fromTheDatabase(err) || tt.wantIs != nil && !errors.Is(err, tt.wantIs) {
			t.Errorf("%s: Open = %v; want %v (nil: the database's error)", tt.name, err, tt.wantIs)
			continue
		}
		for _, w := range tt.want {
			if !strings.Contains(err.Error(), w) {
				t.Errorf("%s: Open = %v; want an error naming %s", tt.name, err, w)
			}
		}
		if tt.wantIs == errUnknownCaller && strings.Contains(err.Error(), `"city-dc"`) {
			t.Errorf("%s: Open = %v; the catalog's supervisor, city-dc, is known to it", tt.name, err)
		}
	}
	open := withOff(withRegister(cfg, nil, false), "")
	open.Callers, open.OpenPosts = nil, true
	if _, err := Open(context.Background(), pool, open); !fromTheDatabase(err) {
		t.Errorf("an open service: Open = %v; want the database's error, an open service knowing no callers", err)
	}
}

// TestRegisterInForce: an event's actor is a unit of the register in
// force at the event's time, or a body off the register the service
// knows (the catalog's supervisor, Config.OffRegister). A department
// dropped from a later revision still holds its token; the catalog,
// which does not list it in that revision, would take it for a body off
// the register, a hotline, and let it report for a sub-district and so
// grade it: it is refused (422, errNotInForce), as is a unit posting
// before any revision is in force, when the catalog can tell no
// department from a sub-district. The hotline posts at any time; a
// unit the revision in force lists is accepted; and an open service
// without the register accepts each.
func TestRegisterInForce(t *testing.T) {
	c := startCluster(t)
	cfg := wuhuConfig(t)
	reg := cfg.Catalog.Register
	march := time.Date(2020, 3, 1, 0, 0, 0, 0, workday.CST()) // the routes are in force from January
	july := march.AddDate(0, 4, 0)
	later := *adopted(reg, accountability.Published, july) // cgj merged into another department in July
	later.Version, later.Units = "2020-07", slices.DeleteFunc(slices.Clone(reg.Units), func(u accountability.Unit) bool { return u.ID == "cgj" })
	catalog := *cfg.Catalog
	catalog.Register, catalog.History.Registers = adopted(reg, accountability.Published, march), []*accountability.Register{&later}
	catalog.Supervision.Supervisor = ""
	cfg.Catalog = &catalog
	svc, url := serve(t, c.database(t, "inforce"), cfg)
	open := withRegister(cfg, nil, false)
	open.Callers, open.OpenPosts = nil, true
	_, openURL := serve(t, c.database(t, "inforceopen"), open)
	for _, tt := range []struct {
		name   string
		event  matters.Event
		at     time.Time
		status int
	}{
		{"a sub-district reports before any register is in force", report("F1", "zheshan", "zheshan", ""), march.AddDate(0, 0, -1), http.StatusUnprocessableEntity},
		{"the hotline reports before any register is in force", hotlineReport("F2"), march.AddDate(0, 0, -1), http.StatusCreated},
		{"a department dropped in July reports for a sub-district, as if a hotline", report("F3", "cgj", "zheshan", ""), july.AddDate(0, 1, 0), http.StatusUnprocessableEntity},
		{"a sub-district reports in August", report("F4", "zheshan", "zheshan", ""), july.AddDate(0, 1, 0), http.StatusCreated},
		{"the hotline reports in August", hotlineReport("F5"), july.AddDate(0, 1, 0), http.StatusCreated},
	} {
		tt.event.At = tt.at
		sub := Submission{Event: tt.event}
		head, _ := svc.Head(origin)
		status, body := post(t, url, sub)
		if status != tt.status || status != http.StatusCreated && !strings.Contains(body, errNotInForce.Error()) {
			t.Errorf("%s: %s posts %s#%d: %d %s; want %d (refused: errNotInForce)", tt.name, tt.event.Actor, tt.event.Matter, tt.event.Seq, status, body, tt.status)
		}
		if got, _ := svc.Head(origin); status != http.StatusCreated && got != head {
			t.Errorf("%s: the journal's head is %v; want %v, nothing journaled", tt.name, got, head)
		}
		if status, body := post(t, openURL, sub); status != http.StatusCreated {
			t.Errorf("%s: an open service without the register: %d %s; want 201", tt.name, status, body)
		}
	}
}
