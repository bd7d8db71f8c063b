package workday

import (
	"encoding/json"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden")

// next is a schedule for 2028 in the form a host would load it. Its dates
// are TEST DATA, not a published notice.
var next = Schedule{
	Year:     2028,
	Notice:   "test schedule for 2028 (not a real notice)",
	Holidays: []string{"2027-12-31/2028-01-02", "2028-01-25/2028-02-01"},
	Workdays: []string{"2028-01-22", "2028-02-05"},
}

// joined returns the errors joined in err.
func joined(err error) []error {
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		return j.Unwrap()
	}
	if err == nil {
		return nil
	}
	return []error{err}
}

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

func TestNewErrors(t *testing.T) {
	dup := ChinaSchedules()[7] // 2026
	gap := next
	gap.Year, gap.Holidays, gap.Workdays = 2029, nil, nil
	tests := []struct {
		name string
		opts []Option
		want []error  // sentinels, one per problem
		msgs []string // substrings, one per problem
	}{
		{"no spans", []Option{WithHours()}, []error{ErrHours}, []string{"no spans"}},
		{"empty span", []Option{WithHours(Span{Start: time.Hour, End: time.Hour})}, []error{ErrHours}, []string{"hours[0] 01:00-01:00"}},
		{"reversed span", []Option{WithHours(Span{Start: 2 * time.Hour, End: time.Hour})}, []error{ErrHours}, []string{"ends before it starts"}},
		{"outside the day", []Option{WithHours(Span{Start: -time.Hour, End: 25 * time.Hour})}, []error{ErrHours}, []string{"outside 00:00–24:00"}},
		{"overlapping", []Option{WithHours(Span{Start: 8 * time.Hour, End: 12 * time.Hour}, Span{Start: 11 * time.Hour, End: 13 * time.Hour})},
			[]error{ErrHours}, []string{"hours[1] 11:00-13:00: starts before hours[0] 08:00-12:00 ends"}},
		{"unsorted", []Option{WithHours(officeHours[1], officeHours[0])}, []error{ErrHours}, []string{"hours[1] 08:30-12:00: starts before"}},
		{"nil option", []Option{nil}, []error{ErrOption}, []string{"option 0 is nil"}},
		{"a year twice", []Option{WithSchedules(dup)}, []error{ErrSchedule}, []string{"a second schedule for 2026"}},
		{"a gap", []Option{WithSchedules(gap)}, []error{ErrSchedule}, []string{"no schedule for 2028"}},
		{"nothing", []Option{WithoutChina()}, []error{ErrSchedule}, []string{"no schedules"}},
		{"sound: further years with dates in the December before", []Option{WithSchedules(Schedule{Year: 2028, Notice: "test", Holidays: []string{"2027-12-31"}},
			Schedule{Year: 2029, Notice: "test"}), WithSchedules(Schedule{Year: 2030, Notice: "test", Holidays: []string{"2029-12-31"}, Workdays: []string{"2029-12-29"}})},
			nil, nil},
		{"every problem", []Option{WithHours(Span{End: -1}), nil, WithSchedules(dup)},
			[]error{ErrOption, ErrHours, ErrSchedule}, []string{"option 1", "hours[0]", "2026"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := New(tt.opts...)
			errs := joined(err)
			if len(errs) != len(tt.want) {
				t.Fatalf("New() = %v, %v; want %d problems", c, err, len(tt.want))
			}
			for i, e := range errs {
				if !errors.Is(e, tt.want[i]) || !strings.Contains(e.Error(), tt.msgs[i]) {
					t.Errorf("problem %d = %q; want %v naming %q", i, e, tt.want[i], tt.msgs[i])
				}
			}
		})
	}
}

func TestDateClaimedTwice(t *testing.T) {
	_, err := New(WithSchedules(
		Schedule{Year: 2028, Notice: "test", Holidays: []string{"2027-12-31"}},
	), WithoutChina(), WithSchedules(
		Schedule{Year: 2027, Notice: "test", Holidays: []string{"2027-12-31"}},
	))
	if !errors.Is(err, ErrSchedule) || !strings.Contains(err.Error(), "2027-12-31 is also listed by schedule 2028") {
		t.Errorf("New() error = %v; want ErrSchedule naming 2027-12-31 and both years", err)
	}
}

func TestOptionOutsideNew(t *testing.T) {
	c := China()
	for name, o := range map[string]Option{
		"WithHours":     WithHours(officeHours...),
		"WithSchedules": WithSchedules(next),
		"WithoutChina":  WithoutChina(),
	} {
		if err := o(c); !errors.Is(err, ErrOption) {
			t.Errorf("%s applied to China() = %v, want ErrOption", name, err)
		}
		if err := o(nil); !errors.Is(err, ErrOption) {
			t.Errorf("%s applied to nil = %v, want ErrOption", name, err)
		}
	}
	if c.Day() != 24*time.Hour {
		t.Errorf("China().Day() = %v after misuse, want 24h", c.Day())
	}
	if _, last := c.Years(); last != 2027 {
		t.Errorf("China() covers up to %d after misuse, want 2027", last)
	}
}

// TestAddYear loads a further year as a host would when its notice is
// published, and checks that China() is unchanged.
func TestAddYear(t *testing.T) {
	data, err := json.Marshal([]Schedule{next})
	if err != nil {
		t.Fatal(err)
	}
	ss, err := ParseSchedules(data)
	if err != nil {
		t.Fatal(err)
	}
	c, err := New(WithSchedules(ss...), WithHours(officeHours...))
	if err != nil {
		t.Fatal(err)
	}
	if first, last := c.Years(); first != 2019 || last != 2028 {
		t.Errorf("Years() = %d, %d; want 2019, 2028", first, last)
	}
	tests := []struct {
		date       string
		cal        *Calendar
		want       bool
		wantErrOOR bool
	}{
		{"2028-01-22", c, true, false},  // a make-up Saturday of the new year
		{"2028-01-26", c, false, false}, // a weekday off
		{"2028-03-01", c, true, false},  // an ordinary Wednesday
		{"2027-12-31", c, false, false}, // moved off by the 2028 schedule
		{"2027-12-31", China(), true, false},
		{"2028-03-01", China(), false, true},
	}
	for _, tt := range tests {
		got, err := tt.cal.IsWorkday(mustDay(t, tt.date, 9, 0))
		if tt.wantErrOOR {
			if !errors.Is(err, ErrOutOfRange) {
				t.Errorf("IsWorkday(%s) = %v, %v; want ErrOutOfRange", tt.date, got, err)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("IsWorkday(%s) = %v, %v; want %v", tt.date, got, err, tt.want)
		}
	}
	// Replacing a year: start from ChinaSchedules without the embedded ones.
	all := ChinaSchedules()
	all[len(all)-1].Holidays = append(all[len(all)-1].Holidays, "2027-12-31")
	r, err := New(WithoutChina(), WithSchedules(all...))
	if err != nil {
		t.Fatal(err)
	}
	if ok, err := r.IsWorkday(mustDay(t, "2027-12-31", 9, 0)); err != nil || ok {
		t.Errorf("replaced 2027: IsWorkday(2027-12-31) = %v, %v; want false", ok, err)
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
		{"trailing data", one + "{}", nil, "data after"},
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

func TestSpanText(t *testing.T) {
	tests := []struct {
		in      string
		want    Span
		wantErr bool
	}{
		{"08:30-12:00", Span{Start: 8*time.Hour + 30*time.Minute, End: 12 * time.Hour}, false},
		{"00:00-24:00", Span{End: 24 * time.Hour}, false},
		{"08:30:15-12:00", Span{Start: 8*time.Hour + 30*time.Minute + 15*time.Second, End: 12 * time.Hour}, false},
		{"08:00:00.5-09:00", Span{Start: 8*time.Hour + 500*time.Millisecond, End: 9 * time.Hour}, false},
		{"08:00:00.000000001-09:00", Span{Start: 8*time.Hour + 1, End: 9 * time.Hour}, false},
		{"8:30-12:00", Span{}, true},
		{"08:30", Span{}, true},
		{"08:60-12:00", Span{}, true},
		{"24:01-24:00", Span{}, true},
		{"25:00-26:00", Span{}, true},
		{"08:00:00.-09:00", Span{}, true},
		{"08:00:00.1234567890-09:00", Span{}, true},
		{"08:00-09:00-10:00", Span{}, true},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := ParseSpan(tt.in)
			if tt.wantErr {
				if !errors.Is(err, ErrHours) {
					t.Errorf("ParseSpan(%q) = %v, %v; want ErrHours", tt.in, got, err)
				}
				return
			}
			if err != nil || got != tt.want {
				t.Fatalf("ParseSpan(%q) = %v, %v; want %v", tt.in, got, err, tt.want)
			}
			text, err := got.MarshalText()
			if err != nil || string(text) != tt.in {
				t.Errorf("MarshalText() = %q, %v; want %q", text, err, tt.in)
			}
		})
	}
	if _, err := (Span{Start: -1}).MarshalText(); !errors.Is(err, ErrHours) {
		t.Errorf("MarshalText of a span outside the day = %v, want ErrHours", err)
	}
}

func TestJSONRoundTrip(t *testing.T) {
	t.Run("Schedule", func(t *testing.T) {
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
	})
	t.Run("Span", func(t *testing.T) {
		in := append(append([]Span{}, officeHours...), fullDay, Span{Start: 1, End: 24*time.Hour - 1})
		data, err := json.Marshal(in)
		if err != nil {
			t.Fatal(err)
		}
		var got []Span
		if err := json.Unmarshal(data, &got); err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(in, got); diff != "" {
			t.Errorf("spans mismatch (-want +got):\n%s", diff)
		}
	})
	t.Run("Calendar", func(t *testing.T) {
		c := office(t)
		data, err := json.MarshalIndent(c, "", "  ")
		if err != nil {
			t.Fatal(err)
		}
		golden(t, "office.golden", data)
		var got Calendar
		if err := json.Unmarshal(data, &got); err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(c.Schedules(), got.Schedules()); diff != "" {
			t.Errorf("schedules mismatch (-want +got):\n%s", diff)
		}
		if diff := cmp.Diff(c.Hours(), got.Hours()); diff != "" {
			t.Errorf("hours mismatch (-want +got):\n%s", diff)
		}
		a, b := mustDay(t, "2019-01-01", 0, 0), mustDay(t, "2028-01-01", 0, 0)
		w1, err1 := c.Between(a, b)
		w2, err2 := got.Between(a, b)
		if err1 != nil || err2 != nil || w1 != w2 {
			t.Errorf("Between over all years: %v, %v before; %v, %v after", w1, err1, w2, err2)
		}
		if err := json.Unmarshal(data, c); !errors.Is(err, ErrOption) {
			t.Errorf("decoding into a built calendar = %v, want ErrOption", err)
		}
		var zero, back Calendar
		data, err = json.Marshal(&zero)
		if err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal(data, &back); err != nil || back.days() != 0 {
			t.Errorf("zero Calendar round trip: %v", err)
		}
	})
}

// golden compares data with testdata/name, rewriting it under -update.
func golden(t *testing.T, name string, data []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if diff := cmp.Diff(string(want), string(data)); diff != "" {
		t.Errorf("%s mismatch (-want +got):\n%s", path, diff)
	}
}
