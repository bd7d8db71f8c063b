package matters_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/qingdan/qingdan/internal/errlist"
	"github.com/qingdan/qingdan/internal/golden"
	"github.com/qingdan/qingdan/internal/hardening"
	"github.com/qingdan/qingdan/matters"
	"github.com/qingdan/qingdan/matters/workday"
	"github.com/shopspring/decimal"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// fullLifecycle is a coordinated matter that the 91580 hotline reported
// for the sub-district: returned by a support unit (approved), suspended
// at the lead's request (approved), an extension asked for and denied,
// urged, resolved in two stages, answered "no" at the hotline's return
// visit, reopened, resolved again, replied to, answered "yes" and closed.
func fullLifecycle(t testing.TB) *matters.Matter {
	h := []matters.Event{
		{At: at(3, 4, 8, 40), Kind: matters.Report, Actor: hotline, Type: "违法建设", Units: []string{owner}, Note: "市民来电：小区楼顶搭建彩钢房"},
		{At: at(3, 4, 9, 0), Kind: matters.Whistle, Actor: owner},
		{At: at(3, 4, 9, 5), Kind: matters.Dispatch, Actor: owner, Units: []string{lead, sup1, sup2}},
		{At: at(3, 4, 9, 30), Kind: matters.Accept, Actor: lead},
		{At: at(3, 4, 10, 0), Kind: matters.Accept, Actor: sup1},
		{At: at(3, 4, 10, 30), Kind: matters.Return, Actor: sup2, Note: "不属本单位职责"},
		{At: at(3, 4, 11, 0), Kind: matters.Approve, Actor: owner, Ref: 6, Note: "经核定不涉及该单位职责"},
		{At: at(3, 5, 9, 0), Kind: matters.Suspend, Actor: lead, Note: "等待产权认定"},
		{At: at(3, 5, 9, 30), Kind: matters.Approve, Actor: owner, Ref: 8, Note: "产权认定属实，同意挂起"},
		{At: at(3, 6, 9, 0), Kind: matters.Resume, Actor: lead},
		{At: at(3, 7, 9, 0), Kind: matters.Progress, Actor: lead, Note: "第一阶段：停工"},
		{At: at(3, 7, 10, 0), Kind: matters.Extend, Actor: lead, Days: 2, Note: "拆除需调度机械"},
		{At: at(3, 7, 11, 0), Kind: matters.Deny, Actor: owner, Ref: 12, Note: "时限内可以完成"},
		{At: at(3, 8, 9, 0), Kind: matters.Urge, Actor: owner, Note: "临期催办"},
		{At: at(3, 8, 15, 0), Kind: matters.Progress, Actor: sup1, Note: "第二阶段：拆除"},
		{At: at(3, 8, 16, 0), Kind: matters.Resolve, Actor: lead},
		{At: at(3, 8, 17, 0), Kind: matters.Feedback, Actor: hotline, Satisfied: no(), Note: "点对点回访：不满意"},
		{At: at(3, 8, 17, 30), Kind: matters.Reopen, Actor: owner, Note: "残留建筑垃圾未清运"},
		{At: at(3, 11, 10, 0), Kind: matters.Resolve, Actor: lead},
		{At: at(3, 11, 10, 30), Kind: matters.Reply, Actor: lead, Note: "已电话告知市民处置结果"},
		{At: at(3, 11, 11, 0), Kind: matters.Feedback, Actor: hotline, Satisfied: yes(), Note: "点对点回访：满意"},
		{At: at(3, 11, 12, 0), Kind: matters.Close, Actor: owner},
	}
	for i := range h {
		h[i].Matter, h[i].Seq = "2024-0304-0017", i+1
	}
	m, err := matters.Replay(h)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func TestGolden(t *testing.T) {
	m := fullLifecycle(t)
	r, err := testDirectory().Route("违法建设")
	if err != nil {
		t.Fatal(err)
	}
	status, err := m.Status(workday.China(), at(3, 8, 12, 0), r)
	if err != nil {
		t.Fatal(err)
	}
	deadlines, err := m.Deadlines(workday.China(), r)
	if err != nil {
		t.Fatal(err)
	}
	a := testAdmission()
	a.Items = a.Items[:3]
	tests := []struct {
		file string
		v    any
	}{
		{"matter.golden", m},
		{"directory.golden", testDirectory()},
		{"admission.golden", a},
		{"requests.golden", []matters.Request{
			{Title: "拆除某小区楼顶违建", From: "区城管局", Item: "QZ-001"},
			{Title: "防汛物资清点", From: "区应急局", Approval: &matters.Approval{By: "区委编办", Ref: "区编办〔2024〕3号", At: at(3, 1, 0, 0)}},
		}},
		{"decisions.golden", []matters.Decision{
			a.Admit(matters.Request{Title: "拆除某小区楼顶违建", Item: "QZ-001"}),
			a.Admit(matters.Request{Title: "完成年度招商引资任务"}),
		}},
		{"summary.golden", matters.Summarize([]*matters.Matter{m, build(t, hAccepted...)})},
		{"status.golden", status},
		{"deadlines.golden", deadlines},
		{"keytasks.golden", demolition()},
		{"assignments.golden", demolition().For("城管中队")},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			got, err := json.MarshalIndent(tt.v, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, '\n')
			golden.Check(t, "testdata/"+tt.file, got, *update)
			// Decode the output back: it must equal the value.
			back := reflect.New(reflect.TypeOf(tt.v))
			if err := json.Unmarshal(got, back.Interface()); err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.v, back.Elem().Interface()); diff != "" {
				t.Errorf("decoded %s mismatch (-want +got):\n%s", tt.file, diff)
			}
		})
	}
}

// TestJSONRefuses: the types with a JSON form of their own read strictly,
// and every refusal wraps ErrInvalid and names what is wrong.
func TestJSONRefuses(t *testing.T) {
	tests := []struct {
		name string
		into any
		in   string
		want string // a substring of the error
	}{
		{"route: unknown field", new(matters.Route), `{"type":"a","lead":"L","responds":"1h"}`, `unknown field "responds"`},
		{"route: duration as a number", new(matters.Route), `{"type":"a","respond":3600}`, "3600"},
		{"route: malformed duration", new(matters.Route), `{"type":"a","respond":"an hour"}`, `"an hour"`},
		{"directory: a route's unknown field", new(matters.Directory), `{"routes":[{"type":"a","Lead ":"L"}]}`, `unknown field "Lead "`},
		{"clock: unknown field", new(matters.Clock), `{"limit":"1h0m0s","due":"2024-03-04T09:00:00Z","late":true}`, `unknown field "late"`},
		{"clock: unknown alert", new(matters.Clock), `{"alert":"late"}`, `"late"`},
		{"deadlines: unknown field", new(matters.Deadlines), `{"dispatched":"2024-03-04T09:00:00Z","due":"2024-03-04T09:00:00Z"}`, `unknown field "due"`},
		{"summary: unknown field", new(matters.Summary), `{"received":1,"rate":"1"}`, `unknown field "rate"`},
		{"summary: rate with an exponent", new(matters.Summary), `{"resolutionRate":"1e-1"}`, `"1e-1"`},
		{"summary: rate not a number", new(matters.Summary), `{"satisfactionRate":"high"}`, `"high"`},
		{"summary: trailing data in a rate", new(matters.Summary), `{"resolutionRate":"0.5 "}`, `"0.5 "`},
		{"status: a clock's unknown field", new(matters.Status), `{"respond":{"limits":"1h"}}`, `unknown field "limits"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := json.Unmarshal([]byte(tt.in), tt.into)
			if !errors.Is(err, matters.ErrInvalid) || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Unmarshal(%s) error = %v; want ErrInvalid naming %s", tt.in, err, tt.want)
			}
		})
	}
	// A rate may be a bare number, and null leaves a value alone.
	var s matters.Summary
	if err := json.Unmarshal([]byte(`{"received":4,"resolved":1,"resolutionRate":0.25}`), &s); err != nil || !s.ResolutionRate.Equal(decimal.RequireFromString("0.25")) {
		t.Errorf("bare number rate: %+v, %v", s, err)
	}
	r := matters.Route{Type: "a"}
	if err := json.Unmarshal([]byte(`null`), &r); err != nil || r.Type != "a" {
		t.Errorf("null into a Route: %+v, %v", r, err)
	}
}

// roundTrip decodes data into a new T, in time linear in its length; if
// that succeeds, the value must encode, decode again to an equal value,
// and encode to the same bytes.
func roundTrip[T any](t *testing.T, data []byte) (*T, bool) {
	var v T
	var err error
	hardening.Linear(t, len(data), func() { err = json.Unmarshal(data, &v) })
	if err != nil {
		return nil, false
	}
	b, err := json.Marshal(&v)
	if err != nil {
		t.Fatalf("decoded %s, but cannot encode it: %v", data, err)
	}
	var w T
	if err := json.Unmarshal(b, &w); err != nil {
		t.Fatalf("cannot decode our own encoding %s: %v", b, err)
	}
	if diff := cmp.Diff(v, w, cmpopts.EquateEmpty()); diff != "" {
		t.Fatalf("round trip of %s mismatch (-want +got):\n%s", data, diff)
	}
	c, err := json.Marshal(&w)
	if err != nil || !bytes.Equal(b, c) {
		t.Fatalf("second encoding %s differs from %s (%v)", c, b, err)
	}
	return &v, true
}

// fuzzJSON fuzzes the JSON of a T: what decodes round-trips (see
// roundTrip), and is then given to use.
func fuzzJSON[T any](f *testing.F, use func(t *testing.T, v *T)) {
	f.Fuzz(func(t *testing.T, data []byte) {
		if v, ok := roundTrip[T](t, data); ok {
			use(t, v)
		}
	})
}

func seedGolden(f *testing.F, file string, more ...string) {
	if b, err := os.ReadFile(filepath.Join("testdata", file)); err == nil {
		f.Add(b)
	}
	for _, s := range more {
		f.Add([]byte(s))
	}
}

func FuzzEventJSON(f *testing.F) {
	f.Add([]byte(`{"matter":"M","seq":1,"at":"2024-03-04T09:00:00+08:00","kind":"上报","actor":"91580","type":"违法建设","units":["赭山街道"]}`))
	f.Add([]byte(`{"matter":"M","seq":9,"at":"2024-03-04T09:00:00Z","kind":"feedback","actor":"S","satisfied":false}`))
	f.Add([]byte(`{"kind":"报到","units":[]}`))
	f.Add([]byte(`{"matter":"M","seq":1,"Seq":2}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		// LoadEvent reads strictly what encoding/json reads loosely: what
		// it takes, encoding/json takes too, as the same event, and the
		// event's JSON loads back as it was.
		loaded, lerr := matters.LoadEvent(bytes.NewReader(data))
		if lerr != nil && (!errors.Is(lerr, matters.ErrInvalid) || !cmp.Equal(loaded, matters.Event{})) {
			t.Fatalf("LoadEvent(%q) = %+v, %v; want the zero Event and ErrInvalid", data, loaded, lerr)
		}
		e, ok := roundTrip[matters.Event](t, data)
		if lerr == nil {
			if !ok || !cmp.Equal(*e, loaded) { // the same slices, nil or empty, as read
				t.Fatalf("LoadEvent(%q) = %+v, which encoding/json reads as %+v", data, loaded, e)
			}
			b, err := json.Marshal(loaded)
			if err != nil {
				t.Fatal(err)
			}
			if again, err := matters.LoadEvent(bytes.NewReader(b)); err != nil || !cmp.Equal(again, loaded, cmpopts.EquateEmpty()) {
				t.Fatalf("LoadEvent of its own event's JSON %s = %+v, %v", b, again, err)
			}
		}
		if !ok {
			return
		}
		m := &matters.Matter{}
		if err := m.Apply(*e); err != nil {
			sameMatter(t, "matter after a refused decoded event", &matters.Matter{}, m)
		}
	})
}

func FuzzDirectoryJSON(f *testing.F) {
	seedGolden(f, "directory.golden", `{"routes":[{"type":"a","lead":"","respond":"-1h","resolveDays":-1},{"type":"a"}]}`, `{"routes":[{"respond":5}]}`)
	fuzzJSON(f, func(t *testing.T, d *matters.Directory) {
		checkRefusal(t, d.Validate())
		for _, r := range d.Routes {
			got, err := d.Route(r.Type)
			if err != nil || got.Type != r.Type {
				t.Fatalf("Route(%q) = %+v, %v", r.Type, got, err)
			}
		}
	})
}

func FuzzAdmissionJSON(f *testing.F) {
	seedGolden(f, "admission.golden", `{"items":[{"code":"","name":"","list":"other"}],"excluded":[{"name":""}]}`,
		`{"items":[`+strings.Repeat(`{},`, errlist.Max)+`{}]}`) // more problems than are listed
	fuzzJSON(f, func(t *testing.T, a *matters.Admission) {
		checkRefusal(t, a.Validate())
		for _, it := range a.Items {
			for _, r := range []matters.Request{{Title: it.Name}, {Title: it.Name, Item: it.Code}, {Title: it.Name, Approval: &matters.Approval{By: "x"}}} {
				if d := a.Admit(r); d.Reason == "" {
					t.Fatalf("Admit(%+v) gave no reason", r)
				}
			}
		}
	})
}

// FuzzMatterJSON decodes arbitrary matters and uses them: what decodes is
// what its events give, nothing may panic, and a refused event changes
// nothing.
func FuzzMatterJSON(f *testing.F) {
	seedGolden(f, "matter.golden", `{"id":"x","state":"accepted","lead":"L","suspended":true,"events":[{"matter":"x","seq":1,"kind":"dispatch","at":"2024-03-04T09:00:00Z"}]}`)
	f.Add([]byte(`{"id":"x","state":"resolved","events":[{"matter":"x","seq":1,"kind":"suspend","at":"2024-03-04T09:00:00Z"},{"matter":"x","seq":1,"kind":"dispatch","at":"2024-03-04T08:00:00Z"}]}`))
	china := workday.China()
	fuzzJSON(f, func(t *testing.T, m *matters.Matter) {
		if len(m.Events) > 0 {
			r, err := matters.Replay(m.Events)
			if err != nil {
				t.Fatalf("a decoded matter's events do not replay: %v", err)
			}
			if diff := cmp.Diff(r, m); diff != "" {
				t.Fatalf("a decoded matter is not what its events give (-events +decoded):\n%s", diff)
			}
		}
		matters.Summarize([]*matters.Matter{m})
		r := matters.Route{Respond: time.Hour, ResolveDays: 2}
		_, _ = m.Deadlines(china, r)
		_, _ = m.Status(china, at(6, 1, 0, 0), r)
		_, _ = m.Elapsed(china, at(6, 1, 0, 0))
		for k := matters.Report; k <= matters.Reply; k++ {
			for _, who := range []string{m.Owner, m.Lead, m.Platform, "x"} {
				before := snapshot(m)
				e := matters.Event{Matter: m.ID, Seq: len(m.Events) + 1, At: at(12, 31, 0, 0), Kind: k, Actor: who, Type: "t", Units: slices.Clone(m.Support), Satisfied: yes(),
					Note: "n", Ref: m.Pending.Seq, Days: 1}
				if err := m.Apply(e); err != nil {
					sameMatter(t, "matter after a refused event", before, m)
				}
			}
		}
	})
}
