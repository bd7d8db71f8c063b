package matters_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"testing"
	"time"
	"unsafe"

	"github.com/google/go-cmp/cmp"
	"github.com/qingdan/qingdan/internal/hardening"
	"github.com/qingdan/qingdan/internal/jsonx"
	"github.com/qingdan/qingdan/matters"
	"github.com/qingdan/qingdan/matters/workday"
)

// extra says which objects of a catalog are maps whose keys are data.
func extra(path string) bool { return strings.HasSuffix(path, ".extra") }

// under returns a predicate true for the paths under prefix.
func under(prefix string) func(string) bool {
	return func(path string) bool { return strings.HasPrefix(path, prefix) }
}

// TestStrictDecoders: every decoder of the package refuses a misspelt
// key, a key in another case, a key given twice and text that is not
// UTF-8, at every place of a sound input, nested ones included, whether
// it is called directly or through encoding/json inside another value.
func TestStrictDecoders(t *testing.T) {
	china := workday.China()
	m := fullLifecycle(t)
	r, err := testDirectory().Route("违法建设")
	if err != nil {
		t.Fatal(err)
	}
	status, err := m.Status(china, at(3, 12, 10, 0), r)
	if err != nil {
		t.Fatal(err)
	}
	deadlines, err := m.Deadlines(china, r)
	if err != nil {
		t.Fatal(err)
	}
	summary := matters.Summarize([]*matters.Matter{m})
	load := func(f func(io.Reader) error) func([]byte) error {
		return func(b []byte) error { return f(bytes.NewReader(b)) }
	}
	into := func(v func() any) func([]byte) error {
		return func(b []byte) error { return json.Unmarshal(b, v()) }
	}
	for _, c := range []struct {
		name   string
		sound  []byte
		only   func(string) bool // what the decoder reads itself, not encoding/json for the caller
		decode func([]byte) error
	}{
		{"LoadDirectory", hardening.MustJSON(t, testDirectory()), nil, load(func(r io.Reader) error { _, err := matters.LoadDirectory(r); return err })},
		{"LoadAdmission", hardening.MustJSON(t, testAdmission()), nil, load(func(r io.Reader) error { _, err := matters.LoadAdmission(r); return err })},
		{"LoadCatalog", hardening.MustJSON(t, soundCatalog()), nil, load(func(r io.Reader) error { _, err := matters.LoadCatalog(r); return err })},
		{"Matter.UnmarshalJSON", hardening.MustJSON(t, m), nil, into(func() any { return new(matters.Matter) })},
		{"Matter.UnmarshalJSON in a slice", hardening.MustJSON(t, []*matters.Matter{m}), under("[0]"), into(func() any { return new([]*matters.Matter) })},
		{"Route.UnmarshalJSON in a Directory", hardening.MustJSON(t, testDirectory()), under("routes["), into(func() any { return new(matters.Directory) })},
		{"Deadlines.UnmarshalJSON in a map", hardening.MustJSON(t, map[string]matters.Deadlines{"x": deadlines}), under("x"), into(func() any { return new(map[string]matters.Deadlines) })},
		{"Clock.UnmarshalJSON in a Status", hardening.MustJSON(t, status), under("re"), into(func() any { return new(matters.Status) })},
		{"Summary.UnmarshalJSON in a map", hardening.MustJSON(t, map[string]matters.Summary{"x": summary}), under("x"), into(func() any { return new(map[string]matters.Summary) })},
	} {
		t.Run(c.name, func(t *testing.T) {
			hardening.Strict(t, c.sound, hardening.StrictOptions{Free: extra, Only: c.only}, matters.ErrInvalid, c.decode)
		})
	}
}

// TestLoadBounds: what the loaders read is bounded, and an input over a
// bound is refused quickly with an error that names it.
func TestLoadBounds(t *testing.T) {
	big := 15 << 20
	for _, c := range []struct {
		name, in, want string
	}{
		{"a long matter type", `{"routes":[{"type":"` + strings.Repeat("违", big/3) + `"}]}`, "string longer than 4194304 bytes (the most a string may hold) at routes[0].type"},
		{"a long number", `{"routes":[{"type":"a","resolveDays":` + strings.Repeat("9", big) + `}]}`, "longer than 64 characters at routes[0].resolveDays"},
		{"a long duration", `{"routes":[{"type":"a","respond":"` + strings.Repeat("9", big) + `h"}]}`, `json: duration "9999999999999999999999999999999999999999999999999999999999999999"… longer than 64 characters at routes[0].respond`},
		{"deep nesting", `{"routes":[{"support":` + strings.Repeat("[", big) + `}]}`, "json: an array where a string is wanted at routes[0].support[0]"},
		{"too long", `{"version":"` + strings.Repeat("x", matters.MaxListBytes) + `"}`, "longer than 16777216 bytes"},
	} {
		t.Run(c.name, func(t *testing.T) {
			var err error
			took := hardening.Took(func() { _, err = matters.LoadDirectory(strings.NewReader(c.in)) })
			if !errors.Is(err, matters.ErrInvalid) || !strings.Contains(err.Error(), c.want) {
				t.Errorf("LoadDirectory = %.300v, want ErrInvalid naming %q", err, c.want)
			}
			if took > hardening.Budget(time.Second) { // it takes a few milliseconds; a second is room for a loaded machine
				t.Errorf("LoadDirectory took %s to refuse %d bytes", took, len(c.in))
			}
		})
	}
}

// TestLoadEvent: LoadEvent reads what encoding/json writes of an event,
// every field, and refuses an event longer than MaxEventBytes (a note of
// 1 MiB) and anything after it, naming what is wrong.
func TestLoadEvent(t *testing.T) {
	for _, e := range fullLifecycle(t).Events {
		got, err := matters.LoadEvent(bytes.NewReader(hardening.MustJSON(t, e)))
		if err != nil {
			t.Fatalf("LoadEvent of seq %d: %v", e.Seq, err)
		}
		if diff := cmp.Diff(e, got); diff != "" {
			t.Errorf("LoadEvent of seq %d mismatch (-want +got):\n%s", e.Seq, diff)
		}
	}
	for _, c := range []struct{ name, in, want string }{
		{"a note of 1 MiB", `{"matter":"M","seq":1,"kind":"report","note":"` + strings.Repeat("x", matters.MaxEventBytes) + `"}`, "longer than 1048576 bytes"},
		{"two events", `{"matter":"M","seq":1} {"matter":"M","seq":2}`, "after the JSON value"},
		{"a misspelt field", `{"matter":"M","seq":1,"untis":["a"]}`, `unknown field "untis"`},
		{"an unknown kind", `{"matter":"M","seq":1,"kind":"approve-all"}`, "approve-all"},
		{"a key in another case", `{"matter":"M","Seq":1}`, `"Seq"`},
		{"a key given twice", `{"matter":"M","seq":1,"seq":2}`, `"seq"`},
		{"text that is not UTF-8", "{\"matter\":\"M\xff\",\"seq\":1}", "UTF-8"},
	} {
		t.Run(c.name, func(t *testing.T) {
			e, err := matters.LoadEvent(strings.NewReader(c.in))
			if !errors.Is(err, matters.ErrInvalid) || !strings.Contains(err.Error(), c.want) || !cmp.Equal(e, matters.Event{}) {
				t.Errorf("LoadEvent = %+v, %.300v; want the zero Event and ErrInvalid saying %q", e, err, c.want)
			}
		})
	}
}

// TestLoadNamesThePlace: an input that is not a list, and a list whose
// duration or number is malformed, are refused with an error that says
// what is wrong and where, not "EOF", "route" alone or the name of a Go
// type of the package's wire form.
func TestLoadNamesThePlace(t *testing.T) {
	for _, c := range []struct {
		name, in, want string
	}{
		{"empty", ``, "matters: loading governance matter list: matters: invalid: json: no value: the input is empty or white space"},
		{"white space", " \n", "json: no value: the input is empty or white space"},
		{"a duration in words", `{"routes":[{"type":"a","lead":"L"},{"type":"b","lead":"L","respond":"4 hours"}]}`, `json: duration "4 hours": not a duration such as "4h0m0s" at routes[1].respond`},
		{"a number in a string", `{"routes":[{"type":"a","lead":"L"},{"type":"b","lead":"L","resolveDays":"5"}]}`, `json: a string where an integer is wanted at routes[1].resolveDays`},
		{"a number out of range", `{"routes":[{"type":"a","lead":"L"},{"type":"b","lead":"L","resolveDays":99999999999999999999}]}`, fmt.Sprintf(`json: integer 99999999999999999999 out of range (%d to %d) at routes[1].resolveDays`, math.MinInt, math.MaxInt)},
		{"a duration in nanoseconds", `{"routes":[{"type":"a","lead":"L"},{"type":"b","lead":"L","respond":14400000000000}]}`, `json: duration "14400000000000" is not a string such as "4h0m0s" at routes[1].respond`},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := matters.LoadDirectory(strings.NewReader(c.in))
			if !errors.Is(err, matters.ErrInvalid) || !strings.Contains(err.Error(), c.want) {
				t.Errorf("LoadDirectory = %v, want ErrInvalid saying %q", err, c.want)
			}
		})
	}
}

// TestValidateOneProblemALine: a route's type with a line feed in it
// cannot add a line of its own to the problems Validate lists one a line.
func TestValidateOneProblemALine(t *testing.T) {
	d := matters.Directory{Routes: []matters.Route{{Type: "a\nmatters: invalid: forged", ResolveDays: -1, Lead: "L"}}}
	err := d.Validate()
	want := `routes[a\nmatters: invalid: forged]: negative resolution limit of -1 working days: matters: invalid`
	if err == nil || err.Error() != want {
		t.Errorf("Validate = %q, want %q", err, want)
	}
}

// TestApplyRefusesAZoneJSONCannotKeep: an event whose time JSON would
// write with another offset (Shanghai's local mean time, +08:05:43,
// written +08:05) or not at all (an offset of 24 hours) is refused, so
// that the matter's JSON never moves an event in time.
func TestApplyRefusesAZoneJSONCannotKeep(t *testing.T) {
	for _, c := range []struct {
		zone *time.Location
		want string
	}{
		{time.FixedZone("LMT", 8*3600+5*60+43), "its zone's offset +08:05:43 is not whole minutes under 24 hours"},
		{time.FixedZone("far", 24*3600), "its zone's offset +24:00:00 is not whole minutes under 24 hours"},
	} {
		var m matters.Matter
		e := matters.Event{Matter: "M1", Seq: 1, At: time.Date(2020, 6, 1, 9, 0, 0, 0, c.zone), Kind: matters.Report, Actor: "JJ-01", Type: "占道经营"}
		if err := m.Apply(e); !errors.Is(err, matters.ErrInvalid) || !strings.Contains(err.Error(), c.want) {
			t.Errorf("Apply(at %s) = %v, want ErrInvalid saying %q", e.At, err, c.want)
		}
	}
}

// TestApplyRefusesTextJSONCannotKeep: an event whose text JSON would
// rewrite (invalid UTF-8, which encoding/json writes as U+FFFD) or could
// not read back (longer than the most a string may hold) is refused, so
// that every matter Apply builds round-trips through JSON: before, two
// units "a\xff" and "a\xfe" were dispatched to as two, and the matter's
// JSON named one unit twice, which no decoder would take back.
func TestApplyRefusesTextJSONCannotKeep(t *testing.T) {
	long := strings.Repeat("x", jsonx.MaxString+1)
	for _, c := range []struct {
		name  string
		prior []matters.Event
		e     matters.Event
		want  string
	}{
		{"units", hWhistled, ev(matters.Dispatch, owner, lead, "a\xff", "a\xfe"), "units[1] is not valid UTF-8"},
		{"actor", nil, ev(matters.Report, "赭山\xff"), "actor is not valid UTF-8"},
		{"type", nil, func() matters.Event { e := ev(matters.Report, owner); e.Type = "违\xe6"; return e }(), "type is not valid UTF-8"},
		{"supervisor", nil, func() matters.Event { e := ev(matters.Report, owner); e.Supervisor = "\xc0\x80"; return e }(), "supervisor is not valid UTF-8"},
		{"override", hWhistled, func() matters.Event { e := ev(matters.Dispatch, owner, lead); e.Override = "\xed\xa0\x80"; return e }(), "override is not valid UTF-8"},
		{"routes", hWhistled, func() matters.Event { e := ev(matters.Dispatch, owner, lead); e.Routes = "v\x80"; return e }(), "routes is not valid UTF-8"},
		{"a long note", hAccepted, func() matters.Event { e := ev(matters.Reply, lead); e.Note = long; return e }(), "note is longer than 4194304 bytes"},
		{"a long unit", hAccepted, ev(matters.Urge, owner, long), "units[0] is longer than 4194304 bytes"},
	} {
		t.Run(c.name, func(t *testing.T) {
			m, e := after(t, c.prior, c.e)
			before := snapshot(m)
			err := m.Apply(e)
			if !errors.Is(err, matters.ErrInvalid) || !strings.Contains(err.Error(), c.want) {
				t.Errorf("Apply = %.300v, want ErrInvalid saying %q", err, c.want)
			}
			sameMatter(t, "matter after a refused event", before, m)
		})
	}
	e := ev(matters.Report, owner)
	e.Matter, e.Seq, e.At = "M\xff", 1, t0
	if err := new(matters.Matter).Apply(e); !errors.Is(err, matters.ErrInvalid) || !strings.Contains(err.Error(), "matter is not valid UTF-8") {
		t.Errorf("Apply of a matter named in invalid UTF-8 = %v, want ErrInvalid", err)
	}
}

// TestDirectoryLimits: a limit too large for deadlines and facts is
// refused by Validate, not found later.
func TestDirectoryLimits(t *testing.T) {
	for _, c := range []struct {
		route matters.Route
		want  string
	}{
		// 2^31, or where int has 32 bits the largest int, 2^31-1.
		{matters.Route{Type: "a", Lead: "L", ResolveDays: min(math.MaxInt, 1<<31)},
			"routes[a]: resolution limit of " + strconv.Itoa(min(math.MaxInt, 1<<31)) + " working days is over the most a route may set, 3650"},
		{matters.Route{Type: "a", Lead: "L", ResolveDays: matters.MaxResolveDays + 1}, "over the most a route may set"},
		{matters.Route{Type: "a", Lead: "L", Respond: matters.MaxRespond + 1}, "response limit 87600h0m0.000000001s is over the most a route may set, 87600h0m0s"},
	} {
		d := matters.Directory{Routes: []matters.Route{c.route}}
		if err := d.Validate(); !errors.Is(err, matters.ErrInvalid) || !strings.Contains(err.Error(), c.want) {
			t.Errorf("Validate(%+v) = %v, want ErrInvalid saying %q", c.route, err, c.want)
		}
	}
	d := matters.Directory{Routes: []matters.Route{{Type: "a", Lead: "L", ResolveDays: matters.MaxResolveDays, Respond: matters.MaxRespond}}}
	if err := d.Validate(); err != nil {
		t.Errorf("Validate at the limits: %v", err)
	}
}

// TestValidateCapsItsErrors: a directory of thousands of problems
// reports a hundred and counts the rest, each naming at most a line of its
// input.
func TestValidateCapsItsErrors(t *testing.T) {
	d := matters.Directory{}
	for i := range 5000 {
		d.Routes = append(d.Routes, matters.Route{Type: strings.Repeat("违", 1000) + strconv.Itoa(i), ResolveDays: -1})
	}
	err := d.Validate()
	if !errors.Is(err, matters.ErrInvalid) {
		t.Fatalf("Validate = %v", err)
	}
	lines := strings.Split(err.Error(), "\n")
	if len(lines) != 101 || lines[100] != "matters: invalid: 9900 more problems (only the first 100 are listed)" || len(err.Error()) > 30<<10 {
		t.Errorf("Validate reported %d lines, %d bytes, ending %q", len(lines), len(err.Error()), lines[len(lines)-1])
	}
}

// TestMatterJSONState: a matter reads back as its events give it; a
// state that contradicts them is refused, and the matter is left alone.
func TestMatterJSONState(t *testing.T) {
	m := fullLifecycle(t)
	sound := hardening.MustJSON(t, m)
	var back matters.Matter
	if err := json.Unmarshal(sound, &back); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(m, &back); diff != "" {
		t.Errorf("round trip mismatch (-want +got):\n%s", diff)
	}
	edit := func(f func(*matters.Matter)) []byte {
		c := m.Clone()
		f(c)
		return hardening.MustJSON(t, c)
	}
	for _, c := range []struct {
		name string
		in   []byte
		want string
	}{
		{"state", edit(func(c *matters.Matter) { c.State = matters.Accepted }), `its state contradicts its events: state is "accepted", the events give "closed"`},
		{"lead", edit(func(c *matters.Matter) { c.Lead = "别的单位" }), `lead is "别的单位", the events give "区城管局"`},
		{"support", edit(func(c *matters.Matter) { c.Support = nil }), `support is "[]", the events give "[区市场监管局]"`},
		{"stage and suspension", edit(func(c *matters.Matter) { c.Stage, c.Suspended = 0, true }), `suspended is "true", the events give "false"; stage is "0", the events give "2"`},
		{"owner", edit(func(c *matters.Matter) { c.Owner = "" }), `owner is "", the events give "赭山街道"`},
		{"no events", edit(func(c *matters.Matter) { c.Events = nil }), `id is "2024-0304-0017", the events give none; type is "违法建设", the events give none`},
		{"events that cannot be replayed", edit(func(c *matters.Matter) { c.Events[3].Actor = "别的单位" }), "its events cannot be replayed: matters: replay: event 3"},
		{"only the events", []byte(`{"events":` + string(hardening.MustJSON(t, m.Events)) + `}`), "its state contradicts its events"},
		{"an event without a time", []byte(strings.Replace(string(sound), `"at":"2024-03-04T08:40:00+08:00",`, "", 1)), "the event has no time (at)"},
		{"an event's kind as a number", []byte(strings.Replace(string(sound), `"kind":"report"`, `"kind":1`, 1)), `json: a number where a string is wanted at events[0].kind`},
		{"an event's time not in RFC 3339", []byte(strings.Replace(string(sound), `"at":"2024-03-04T08:40:00+08:00"`, `"at":"2024-03-04 08:40"`, 1)), `json: time "2024-03-04 08:40": want RFC 3339, such as "2024-03-04T08:40:00+08:00" at events[0].at`},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := fullLifecycle(t)
			before := got.Clone()
			err := json.Unmarshal(c.in, got)
			if !errors.Is(err, matters.ErrInvalid) || !strings.Contains(err.Error(), c.want) {
				t.Errorf("Unmarshal = %v, want ErrInvalid saying %q", err, c.want)
			}
			if diff := cmp.Diff(before, got); diff != "" {
				t.Errorf("a refused matter changed (-before +after):\n%s", diff)
			}
		})
	}
	var zero matters.Matter
	if err := json.Unmarshal([]byte(`{}`), &zero); err != nil {
		t.Errorf("the zero matter: %v", err)
	}
}

// withWallClock returns t with its wall clock moved by d and its
// monotonic clock reading kept, as time.Now gives after the system clock
// was set back by -d.
func withWallClock(t time.Time, d time.Duration) time.Time {
	if t == t.Round(0) {
		panic("withWallClock: no monotonic reading")
	}
	type layout struct { // time.Time's: wall seconds since 1885 in bits 30–62 when it has a monotonic reading
		wall uint64
		ext  int64
		loc  *time.Location
	}
	l := (*layout)(unsafe.Pointer(&t))
	l.wall = uint64(int64(l.wall) + int64(d/time.Second)<<30)
	return t
}

// TestMonotonicClock: Apply compares and keeps the wall clock, as Replay
// and a journal do, whatever monotonic reading a time carries.
func TestMonotonicClock(t *testing.T) {
	now := time.Now()
	later := withWallClock(now.Add(time.Second), -2*time.Second) // after now by its monotonic reading, before it by the wall clock
	if !later.After(now) || !later.Round(0).Before(now.Round(0)) {
		t.Fatal("the test's clock did not move as meant")
	}
	var m matters.Matter
	if err := m.Apply(matters.Event{Matter: "M", Seq: 1, At: now, Kind: matters.Report, Actor: owner, Type: "t"}); err != nil {
		t.Fatal(err)
	}
	if got := m.Events[0].At; got != got.Round(0) || !got.Equal(now) {
		t.Errorf("Apply kept %#v, want the wall clock of %#v", got, now)
	}
	err := m.Apply(matters.Event{Matter: "M", Seq: 2, At: later, Kind: matters.Whistle, Actor: owner})
	if !errors.Is(err, matters.ErrOrder) {
		t.Errorf("Apply of an event before the last by the wall clock = %v, want ErrOrder", err)
	}
	// What Apply takes, Replay and a round trip through JSON take.
	if err := m.Apply(matters.Event{Matter: "M", Seq: 2, At: now.Add(time.Minute), Kind: matters.Whistle, Actor: owner}); err != nil {
		t.Fatal(err)
	}
	if _, err := matters.Replay(m.Events); err != nil {
		t.Errorf("Replay: %v", err)
	}
	var back matters.Matter
	if err := json.Unmarshal(hardening.MustJSON(t, &m), &back); err != nil {
		t.Errorf("round trip: %v", err)
	}
}

// TestKindErrorText: a misspelt kind names the package once, and the
// event whose kind it is.
func TestKindErrorText(t *testing.T) {
	in := strings.Replace(string(hardening.MustJSON(t, fullLifecycle(t))), `"kind":"whistle"`, `"kind":"whistel"`, 1)
	err := json.Unmarshal([]byte(in), new(matters.Matter))
	if !errors.Is(err, matters.ErrInvalid) || strings.Count(err.Error(), "matters:") != 2 || !strings.Contains(err.Error(), `matters: unknown event kind "whistel" (want one of report, whistle,`) ||
		!strings.HasSuffix(err.Error(), "or a Chinese label): invalid at events[1].kind") {
		t.Errorf("Unmarshal = %v", err)
	}
	_, err = matters.ParseKind("whistel")
	if err == nil || !strings.HasPrefix(err.Error(), `matters: unknown event kind "whistel" (want one of report, whistle, `) ||
		!strings.HasSuffix(err.Error(), ", or a Chinese label): invalid") || strings.Count(err.Error(), "matters:") != 1 {
		t.Errorf("ParseKind = %v", err)
	}
}
