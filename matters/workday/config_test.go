package workday

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

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

func TestNewErrors(t *testing.T) {
	dup := ChinaSchedules()[7] // 2026
	gap := next
	gap.Year, gap.Holidays, gap.Workdays = 2029, nil, nil
	tests := []struct {
		name string
		c    Config
		want []error  // sentinels, one per problem
		msgs []string // substrings, one per problem
	}{
		{"empty span", Config{Hours: []Span{{Start: time.Hour, End: time.Hour}}}, []error{ErrHours}, []string{"hours[0] 01:00-01:00"}},
		{"reversed span", Config{Hours: []Span{{Start: 2 * time.Hour, End: time.Hour}}}, []error{ErrHours}, []string{"ends before it starts"}},
		{"outside the day", Config{Hours: []Span{{Start: -time.Hour, End: 25 * time.Hour}}}, []error{ErrHours}, []string{"outside 00:00–24:00"}},
		{"overlapping", Config{Hours: []Span{{Start: 8 * time.Hour, End: 12 * time.Hour}, {Start: 11 * time.Hour, End: 13 * time.Hour}}},
			[]error{ErrHours}, []string{"hours[1] 11:00-13:00: starts before hours[0] 08:00-12:00 ends"}},
		{"unsorted", Config{Hours: []Span{officeHours[1], officeHours[0]}}, []error{ErrHours}, []string{"hours[1] 08:30-12:00: starts before"}},
		{"a year twice", Config{Schedules: []Schedule{dup}}, []error{ErrSchedule},
			[]string{"Config.Schedules[0]: a second schedule for 2026 (ChinaSchedules()[7] is the first"}},
		{"a year twice among further years", Config{Schedules: []Schedule{next, {Year: 2026, Notice: "n"}, next}}, []error{ErrSchedule, ErrSchedule},
			[]string{"Config.Schedules[1]: a second schedule for 2026 (ChinaSchedules()[7] is the first", "Config.Schedules[2]: a second schedule for 2028 (Config.Schedules[0] is the first)"}},
		{"a year twice, without China's", Config{NoChina: true, Schedules: []Schedule{next, next}}, []error{ErrSchedule},
			[]string{"Config.Schedules[1]: a second schedule for 2028 (Config.Schedules[0] is the first)"}},
		{"a gap", Config{Schedules: []Schedule{gap}}, []error{ErrSchedule}, []string{"no schedule for 2028"}},
		{"nothing", Config{NoChina: true}, []error{ErrSchedule}, []string{"no schedules"}},
		{"sound: the zero Config", Config{}, nil, nil},
		{"sound: empty hours mean the whole day", Config{Hours: []Span{}}, nil, nil},
		{"sound: further years with dates in the December before", Config{Schedules: []Schedule{
			{Year: 2028, Notice: "test", Holidays: []string{"2027-12-31"}},
			{Year: 2029, Notice: "test"},
			{Year: 2030, Notice: "test", Holidays: []string{"2029-12-31"}, Workdays: []string{"2029-12-29"}}}},
			nil, nil},
		{"every problem", Config{Hours: []Span{{End: -1}}, Schedules: []Schedule{dup}},
			[]error{ErrHours, ErrSchedule}, []string{"hours[0]", "2026"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := New(tt.c)
			errs := joined(err)
			if len(errs) != len(tt.want) {
				t.Fatalf("New() = %v, %v; want %d problems", c, err, len(tt.want))
			}
			if err == nil && c == nil {
				t.Fatal("New() = nil, nil")
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
	_, err := New(Config{NoChina: true, Schedules: []Schedule{
		{Year: 2028, Notice: "test", Holidays: []string{"2027-12-31"}},
		{Year: 2027, Notice: "test", Holidays: []string{"2027-12-31"}},
	}})
	if !errors.Is(err, ErrSchedule) || !strings.Contains(err.Error(), "2027-12-31 is also listed by schedule 2028") {
		t.Errorf("New() error = %v; want ErrSchedule naming 2027-12-31 and both years", err)
	}
}

// TestNewCopiesConfig changes a Config after New: the calendar built from
// it does not change.
func TestNewCopiesConfig(t *testing.T) {
	c := Config{Schedules: []Schedule{next.clone()}, Hours: append([]Span{}, officeHours...)}
	cal, err := New(c)
	if err != nil {
		t.Fatal(err)
	}
	c.Hours[0].Start = 0
	c.Schedules[0].Holidays[0] = "2028-03-01"
	c.Schedules[0].Year = 2099
	if cal.Day() != 6*time.Hour+30*time.Minute {
		t.Errorf("Day() = %v after the Config changed, want 6h30m", cal.Day())
	}
	if diff := cmp.Diff(officeHours, cal.Hours()); diff != "" {
		t.Errorf("Hours() mismatch (-want +got):\n%s", diff)
	}
	if ok, err := cal.IsWorkday(mustDay(t, "2028-03-01", 9, 0)); err != nil || !ok {
		t.Errorf("IsWorkday(2028-03-01) = %v, %v after the Config changed; want true", ok, err)
	}
}

// TestRebuild builds a calendar from the data another calendar gives back,
// as the Hours doc comment says: the two agree.
func TestRebuild(t *testing.T) {
	c, err := New(Config{Schedules: []Schedule{next}, Hours: officeHours})
	if err != nil {
		t.Fatal(err)
	}
	r, err := New(Config{Schedules: c.Schedules(), Hours: c.Hours(), NoChina: true})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(c.Schedules(), r.Schedules()); diff != "" {
		t.Errorf("schedules mismatch (-want +got):\n%s", diff)
	}
	a, b := mustDay(t, "2019-01-01", 0, 0), mustDay(t, "2029-01-01", 0, 0)
	w1, err1 := c.Between(a, b)
	w2, err2 := r.Between(a, b)
	if err1 != nil || err2 != nil || w1 != w2 || c.Day() != r.Day() {
		t.Errorf("Between over all years: %v, %v, day %v; rebuilt %v, %v, day %v", w1, err1, c.Day(), w2, err2, r.Day())
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
	c, err := New(Config{Schedules: ss, Hours: officeHours})
	if err != nil {
		t.Fatal(err)
	}
	if first, last := c.Years(); first != 2019 || last != 2028 {
		t.Errorf("Years() = %d, %d; want 2019, 2028", first, last)
	}
	tests := []struct {
		date    string
		cal     *Calendar
		want    bool
		wantErr error
	}{
		{"2028-01-22", c, true, nil},  // a make-up Saturday of the new year
		{"2028-01-26", c, false, nil}, // a weekday off
		{"2028-03-01", c, true, nil},  // an ordinary Wednesday
		{"2027-12-31", c, false, nil}, // moved off by the 2028 schedule
		{"2027-12-31", China(), true, nil},
		{"2028-03-01", China(), false, ErrOutOfRange},
	}
	for _, tt := range tests {
		got, err := tt.cal.IsWorkday(mustDay(t, tt.date, 9, 0))
		wantResult(t, "IsWorkday("+tt.date+")", got, err, tt.want, tt.wantErr)
	}
	// Replacing a year: start from ChinaSchedules without the embedded ones.
	all := ChinaSchedules()
	all[len(all)-1].Holidays = append(all[len(all)-1].Holidays, "2027-12-31")
	r, err := New(Config{Schedules: all, NoChina: true})
	if err != nil {
		t.Fatal(err)
	}
	if ok, err := r.IsWorkday(mustDay(t, "2027-12-31", 9, 0)); err != nil || ok {
		t.Errorf("replaced 2027: IsWorkday(2027-12-31) = %v, %v; want false", ok, err)
	}
}
