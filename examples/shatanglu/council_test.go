package main

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/qingdan/qingdan/accountability"
	"github.com/qingdan/qingdan/examples/internal/cli"
	"github.com/qingdan/qingdan/matters"
	"github.com/qingdan/qingdan/matters/workday"
)

// fixtures returns the program's units, key tasks, rules of procedure and
// register, fresh for each call.
func fixtures(t *testing.T) ([]accountability.Unit, matters.KeyTasks, *council, *accountability.Register) {
	t.Helper()
	var units []accountability.Unit
	var ts matters.KeyTasks
	var c council
	if err := cli.Decode(dataFS, "data/units.json", &units); err != nil {
		t.Fatal(err)
	}
	if err := cli.Decode(dataFS, "data/keytasks.json", &ts); err != nil {
		t.Fatal(err)
	}
	if err := cli.Decode(dataFS, "data/council.json", &c); err != nil {
		t.Fatal(err)
	}
	reg, err := loadRegister(units)
	if err != nil {
		t.Fatal(err)
	}
	return units, ts, &c, reg
}

// wantErrors fails t unless err reports each of want, or, for no want, is
// nil.
func wantErrors(t *testing.T, err error, want []string) {
	t.Helper()
	if len(want) == 0 {
		if err != nil {
			t.Errorf("unexpected error: %v", err)
		}
		return
	}
	if err == nil {
		t.Errorf("no error, want %q", want)
		return
	}
	for _, w := range want {
		if !strings.Contains(err.Error(), w) {
			t.Errorf("error %q does not report %q", err, w)
		}
	}
}

// meetingNamed returns the meeting of c with the name.
func meetingNamed(c *council, name string) *meeting {
	i := slices.IndexFunc(c.Meetings, func(m meeting) bool { return m.Name == name })
	return &c.Meetings[i]
}

func TestCouncilCheck(t *testing.T) {
	tests := []struct {
		name   string
		change func(c *council)
		want   []string // each must appear; none means no error
	}{
		{"built-in", func(*council) {}, nil},
		{"revision no date", func(c *council) { c.Revised = "2019-13-01" }, []string{`revised "2019-13-01"`}},
		{"agency with two leaders", func(c *council) {
			c.Leaders = append(c.Leaders, leader{Post: "副书记", Office: "STL-AQB", Agencies: []string{"STL-PCS"}})
		}, []string{"agency STL-PCS has 2 leaders in charge, want 1"}},
		{"agency with no leader", func(c *council) { c.Leaders[0].Agencies = c.Leaders[0].Agencies[:3] }, []string{"agency STL-PCS has 0 leaders in charge"}},
		{"office not an office", func(c *council) { c.Leaders[0].Office = "STL-SGZX" }, []string{`office "STL-SGZX" is not an office`}},
		{"leader of a non-agency", func(c *council) { c.Leaders[0].Agencies = append(c.Leaders[0].Agencies, "STL-CWB") }, []string{`"STL-CWB" is not a dispatched agency`}},
		{"unknown cycle", func(c *council) { meetingNamed(c, "周调度").Cycle = "fortnight" }, []string{`unknown cycle "fortnight"`}},
		{"no weekly review", func(c *council) { meetingNamed(c, "周调度").KeyTasks = false }, []string{"no meeting reviews the key tasks 每周"}},
		{"a lead missing from the huddle", func(c *council) {
			m := meetingNamed(c, "日碰头")
			m.Attendees = slices.DeleteFunc(m.Attendees, func(u string) bool { return u == "STL-SFS" })
		}, []string{"meeting 日碰头 reviews the key tasks without STL-SFS"}},
		{"an agency's head not at the joint meeting", func(c *council) {
			m := meetingNamed(c, jointMeeting)
			m.Attendees = slices.DeleteFunc(m.Attendees, func(u string) bool { return u == "STL-CGZD" })
		}, []string{"the head of agency STL-CGZD does not attend"}},
		{"no joint meeting", func(c *council) {
			c.Meetings = slices.DeleteFunc(c.Meetings, func(m meeting) bool { return m.Name == jointMeeting })
		}, []string{"no 党政联席会议"}},
		{"unknown attendee", func(c *council) {
			meetingNamed(c, "月点评").Attendees = append(meetingNamed(c, "月点评").Attendees, "STL-XX")
		}, []string{`attendee "STL-XX" is not a unit`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			units, ts, c, _ := fixtures(t)
			tt.change(c)
			wantErrors(t, c.check(units, ts), tt.want)
		})
	}
}

func TestHeld(t *testing.T) {
	june, err := workdays(workday.China(), 2020, time.June)
	if err != nil {
		t.Fatal(err)
	}
	jan, err := workdays(workday.China(), 2020, time.January)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string][]int{}
	for _, cy := range []string{"day", "week", "month", ""} {
		got[cy] = []int{held(cy, june), held(cy, jan), held(cy, nil)}
	}
	// June 2020: 21 working days in 5 weeks (the week of 端午节 and 28th,
	// a Sunday worked, counts once). January 2020: 23 weekdays less New
	// Year's Day and the six of 春节 from the 24th, plus Sunday 19th worked:
	// 17, in 4 weeks (the 19th falls in the week of the 13th).
	want := map[string][]int{"day": {21, 17, 0}, "week": {5, 4, 0}, "month": {1, 1, 0}, "": {-1, -1, -1}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("held mismatch (-want +got):\n%s", diff)
	}
}

func TestAgencyRule(t *testing.T) {
	dropDuty := func(duty string) func(r *accountability.Register) {
		return func(r *accountability.Register) {
			r.Responsibilities = slices.DeleteFunc(r.Responsibilities, func(x accountability.Responsibility) bool { return x.Duty == duty })
		}
	}
	tests := []struct {
		name   string
		change func(r *accountability.Register)
		want   []string // paths of the findings
	}{
		{"built-in", func(*accountability.Register) {}, nil},
		{"no supervision", dropDuty("监督"), []string{"responsibilities"}},
		{"coordination misses an agency", func(r *accountability.Register) {
			x := &r.Responsibilities[0]
			x.Boundaries = slices.DeleteFunc(x.Boundaries, func(b accountability.Boundary) bool { return b.With == "STL-PCS" })
		}, []string{"responsibilities[STL-GLB-XT]"}},
		{"appraisal on no granted power", func(r *accountability.Register) { r.Powers[0].Grant = nil }, []string{"responsibilities[STL-GLB-KP]"}},
		{"the power held by another", func(r *accountability.Register) { r.Powers[0].Subject = "STL-GLB" }, []string{"responsibilities[STL-GLB-KP]"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, c, reg := fixtures(t)
			tt.change(reg)
			var got []string
			for _, f := range reg.Run(agencyRule(c)) {
				got = append(got, f.Path)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("findings mismatch (-want +got):\n%s", diff)
			}
		})
	}
	// The register passes the built-in rules too.
	_, _, c, reg := fixtures(t)
	if fs := reg.Validate(agencyRule(c)); len(fs) != 0 {
		t.Errorf("register has findings: %v", fs)
	}
	if got := assessor(reg); got != "STL-GLB" {
		t.Errorf("assessor = %q, want STL-GLB (公共管理办公室)", got)
	}
}

// TestRegisterBasis: the source names no document for the personnel-
// participation power the city and the district granted 沙塘路街道; the
// 《关于深化街道体制改革的实施意见》 it names is 芜湖市委's. So the register
// must not cite it, and must say that the basis it gives is illustrative.
func TestRegisterBasis(t *testing.T) {
	_, _, _, reg := fixtures(t)
	for _, p := range reg.Powers {
		for i, b := range p.Basis {
			if strings.Contains(b.Law, "关于深化街道体制改革的实施意见") || !strings.Contains(b.Law, "示例") {
				t.Errorf("powers[%s].basis[%d] = %q: cites Wuhu's document or does not say it is illustrative", p.Code, i, b.Law)
			}
		}
	}
}
