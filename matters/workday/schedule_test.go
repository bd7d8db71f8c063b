package workday

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/qingdan/qingdan/internal/hardening"
)

func TestScheduleValidate(t *testing.T) {
	base := func(edit func(*Schedule)) Schedule {
		s := Schedule{Year: 2028, Notice: "test", Holidays: []string{"2028-10-02"}, Workdays: []string{"2028-10-07"}}
		edit(&s)
		return s
	}
	tests := []struct {
		name string
		s    Schedule
		want []string // one substring per problem
	}{
		{"sound", base(func(*Schedule) {}), nil},
		{"sound, starting the December before", base(func(s *Schedule) { s.Holidays = []string{"2027-12-30/2028-01-01"} }), nil},
		{"zero", Schedule{}, []string{"schedule 0: year outside 1949–2199"}},
		{"year too late", base(func(s *Schedule) { s.Year = 2200 }), []string{"year outside"}},
		{"no notice", base(func(s *Schedule) { s.Notice = "  " }), []string{"no notice"}},
		{"malformed dates", base(func(s *Schedule) { s.Holidays = []string{"2028-2-3", "2028-02-30", "tomorrow", ""} }),
			[]string{`holidays[0] "2028-2-3"`, `holidays[1] "2028-02-30"`, `holidays[2] "tomorrow"`, `holidays[3] ""`}},
		{"outside its year", base(func(s *Schedule) { s.Holidays = []string{"2027-11-30", "2029-01-01", "2028-12-30/2029-01-01"} }),
			[]string{`holidays[0] "2027-11-30": outside 2028`, `holidays[1] "2029-01-01": outside 2028`, `holidays[2]`}},
		{"reversed range", base(func(s *Schedule) { s.Holidays = []string{"2028-10-05/2028-10-01"} }), []string{"ends before it starts"}},
		{"listed twice", base(func(s *Schedule) { s.Holidays = []string{"2028-10-01/2028-10-03", "2028-10-03"} }),
			[]string{`holidays[1] "2028-10-03": 2028-10-03 already listed by holidays[0]`}},
		{"both off and worked", base(func(s *Schedule) { s.Holidays = []string{"2028-10-07"} }),
			[]string{"2028-10-07 is both a holiday and a make-up working day"}},
		{"make-up day on a weekday", base(func(s *Schedule) { s.Workdays = []string{"2028-10-09"} }),
			[]string{"make-up working day 2028-10-09 is a Monday"}},
		{"every problem at once", Schedule{Year: 2028, Holidays: []string{"x", "2028-10-07"}, Workdays: []string{"2028-10-07", "2028-10-10"}},
			[]string{"no notice", `holidays[0] "x"`, "both a holiday", "2028-10-10 is a Tuesday"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.s.Validate()
			errs := joined(err)
			if len(errs) != len(tt.want) {
				t.Fatalf("Validate() = %v; want %d problems %q", err, len(tt.want), tt.want)
			}
			for i, e := range errs {
				if !errors.Is(e, ErrSchedule) || !strings.Contains(e.Error(), tt.want[i]) {
					t.Errorf("problem %d = %q; want ErrSchedule naming %q", i, e, tt.want[i])
				}
			}
		})
	}
}

func TestParseSchedules(t *testing.T) {
	one := `{"year":2028,"notice":"test","holidays":["2028-10-02"],"workdays":[]}`
	tests := []struct {
		name    string
		in      string
		want    []Schedule
		wantErr string
	}{
		{"one object", one, []Schedule{{Year: 2028, Notice: "test", Holidays: []string{"2028-10-02"}, Workdays: []string{}}}, ""},
		{"an array", "[" + one + "]", []Schedule{{Year: 2028, Notice: "test", Holidays: []string{"2028-10-02"}, Workdays: []string{}}}, ""},
		{"empty", "", nil, "decoding JSON"},
		{"null", "null", nil, "no schedules"},
		{"empty array", "[]", nil, "no schedules"},
		{"unknown field", `{"year":2028,"notice":"test","holiday":[]}`, nil, `unknown field "holiday"`},
		{"trailing data", one + "{}", nil, "trailing data"},
		{"wrong type", `{"year":"2028"}`, nil, "decoding JSON"},
		{"duplicate year", "[" + one + "," + one + "]", nil, "a second schedule for 2028"},
		{"invalid schedule", `{"year":2028,"notice":"","holidays":["2028-13-01"]}`, nil, "no notice"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseSchedules([]byte(tt.in))
			if tt.wantErr != "" {
				if !errors.Is(err, ErrSchedule) || !strings.Contains(err.Error(), tt.wantErr) {
					t.Errorf("ParseSchedules(%q) error = %v; want ErrSchedule naming %q", tt.in, err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("ParseSchedules mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestScheduleJSONRoundTrip(t *testing.T) {
	for _, s := range append(ChinaSchedules(), Schedule{}, Schedule{Holidays: []string{}}) {
		data, err := json.Marshal(s)
		if err != nil {
			t.Fatal(err)
		}
		var got Schedule
		if err := json.Unmarshal(data, &got); err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(s, got); diff != "" {
			t.Errorf("Schedule %d mismatch (-want +got):\n%s", s.Year, diff)
		}
	}
}

// FuzzParseSchedules: no input panics, and each takes time linear in its
// length; what is accepted validates, and survives a JSON round trip and
// New.
func FuzzParseSchedules(f *testing.F) {
	f.Add(chinaJSON)
	f.Add([]byte(`{"year":2028,"notice":"n","holidays":["2027-12-31/2028-01-02"],"workdays":["2028-01-22"]}`))
	f.Add([]byte(`[{"year":2028,"notice":"n","holidays":["2028-01-02/2027-12-31"]},{"year":2028}]`))
	f.Add([]byte(`{"year":1949,"notice":"n","holidays":["1948-12-01/1949-12-31"]}`))
	f.Add([]byte(`null`))
	f.Fuzz(func(t *testing.T, data []byte) {
		var ss []Schedule
		if !hardening.Accepts(t, data, ErrSchedule, func() (err error) { ss, err = ParseSchedules(data); return err }) {
			return
		}
		for _, s := range ss {
			if err := s.Validate(); err != nil {
				t.Fatalf("accepted schedule %d does not validate: %v", s.Year, err)
			}
		}
		out, err := json.Marshal(ss)
		if err != nil {
			t.Fatal(err)
		}
		again, err := ParseSchedules(out)
		if err != nil {
			t.Fatalf("re-parsing %s: %v", out, err)
		}
		if diff := cmp.Diff(ss, again); diff != "" {
			t.Fatalf("round trip mismatch (-want +got):\n%s", diff)
		}
		c, err := New(Config{Schedules: ss, NoChina: true})
		if err != nil {
			return // years not consecutive
		}
		first, _ := c.Years()
		if _, err := c.IsWorkday(time.Date(first, 1, 1, 12, 0, 0, 0, CST())); err != nil {
			t.Fatalf("IsWorkday on the first covered day: %v", err)
		}
	})
}

// overlapping returns a schedule file of n ranges, each the whole year:
// every day of each is listed before.
func overlapping(n int) []byte {
	var b bytes.Buffer
	b.WriteString(`{"year":2020,"notice":"n","holidays":[`)
	for i := range n {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(`"2019-12-01/2020-12-31"`)
	}
	b.WriteString(`],"workdays":[]}`)
	return b.Bytes()
}

// TestParseSchedulesBounded: a file of overlapping ranges makes an error
// of a hundred lines, not one a day; a file over MaxSchedulesBytes is
// refused unread.
func TestParseSchedulesBounded(t *testing.T) {
	for _, n := range []int{2, 5000, 30000} { // 30,000 ranges are some 720 KB
		in := overlapping(n)
		var err error
		took := hardening.Took(func() { _, err = ParseSchedules(in) })
		if !errors.Is(err, ErrSchedule) {
			t.Fatalf("%d ranges: %v", n, err)
		}
		msg := err.Error()
		lines := strings.Count(msg, "\n") + 1
		if lines != min(n-1, 101) || len(msg) > 20<<10 {
			t.Errorf("%d ranges (%d bytes): an error of %d lines, %d bytes", n, len(in), lines, len(msg))
		}
		if !strings.Contains(msg, `schedule 2020: holidays[1] "2019-12-01/2020-12-31": 397 days already listed, the first, 2019-12-01, by holidays[0]`) {
			t.Errorf("%d ranges: %.300s", n, msg)
		}
		if n > 101 && !strings.HasSuffix(msg, fmt.Sprintf("workday: invalid schedule: %d more problems (only the first 100 are listed)", n-101)) {
			t.Errorf("%d ranges: ends %q", n, msg[max(0, len(msg)-200):])
		}
		if took > hardening.Budget(time.Second) { // some milliseconds; a second is room for a loaded machine
			t.Errorf("%d ranges took %s", n, took)
		}
	}
	_, err := ParseSchedules(overlapping(50000))
	if !errors.Is(err, ErrSchedule) || !strings.Contains(err.Error(), "over the 1048576 ParseSchedules reads (MaxSchedulesBytes)") {
		t.Errorf("a file over the limit: %.300v", err)
	}
}

// TestSchedulesClash: days two schedules list are reported once for each
// pair, with their number.
func TestSchedulesClash(t *testing.T) {
	in := `[{"year":2020,"notice":"n","holidays":["2019-12-01/2019-12-31"]},{"year":2019,"notice":"n","holidays":["2019-12-01/2019-12-31"]}]`
	_, err := ParseSchedules([]byte(in))
	if want := "workday: invalid schedule: schedule 2019: 31 days, from 2019-12-01, are also listed by schedule 2020"; err == nil || err.Error() != want {
		t.Errorf("ParseSchedules = %v, want %s", err, want)
	}
}

// TestParseSchedulesStrict: a misspelt key, a key in another case, a key
// given twice and text that is not UTF-8 are refused at every place.
func TestParseSchedulesStrict(t *testing.T) {
	hardening.Strict(t, chinaJSON, hardening.StrictOptions{}, ErrSchedule, func(b []byte) error { _, err := ParseSchedules(b); return err })
}

// TestScheduleUnmarshalStrict: a schedule exchanged alone, not through
// ParseSchedules, is read as strictly: a field Schedule does not have, a
// field name in another case, a key given twice, trailing data and input
// over MaxSchedulesBytes are errors wrapping ErrSchedule that name what is
// wrong; null leaves the schedule alone.
func TestScheduleUnmarshalStrict(t *testing.T) {
	for _, tt := range []struct{ name, in, want string }{
		{"unknown field", `{"year":2028,"notice":"n","holdays":["2028-10-02"]}`, `unknown field "holdays"`},
		{"another case", `{"year":2028,"Notice":"n"}`, `"Notice"`},
		{"key twice", `{"year":2028,"notice":"n","year":2029}`, `"year"`},
		{"too long", `{"year":2028,"notice":"` + strings.Repeat("n", MaxSchedulesBytes) + `"}`, "MaxSchedulesBytes"},
		// encoding/json refuses trailing data before the method sees it:
		// this case calls the method as another decoder might.
		{"trailing data", `{"year":2028,"notice":"n"} {}`, "trailing data"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var s Schedule
			err := s.UnmarshalJSON([]byte(tt.in))
			if json.Valid([]byte(tt.in)) { // as it is exchanged
				err = json.Unmarshal([]byte(tt.in), new(Schedule))
			}
			if !errors.Is(err, ErrSchedule) || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Unmarshal = %v; want an error wrapping ErrSchedule naming %s", err, tt.want)
			}
		})
	}
	s := Schedule{Year: 2028, Notice: "n"}
	if err := json.Unmarshal([]byte(`null`), &s); err != nil || s.Year != 2028 {
		t.Errorf("Unmarshal of null = %+v, %v; want the schedule left alone", s, err)
	}
}

// FuzzScheduleJSON: a schedule read alone by its UnmarshalJSON never
// panics, takes time linear in its input, refuses with an error wrapping
// ErrSchedule, or gives a schedule that writes and reads back equal.
func FuzzScheduleJSON(f *testing.F) {
	hardening.AddJSONSeeds(f)
	f.Add([]byte(`{"year":2028,"notice":"n","note":"checked","holidays":["2027-12-31/2028-01-02"],"workdays":["2028-01-22"]}`))
	f.Add([]byte(`{"year":2028,"notice":"n","holidays":null}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		hardening.RoundTrips[Schedule](t, data, ErrSchedule)
	})
}
