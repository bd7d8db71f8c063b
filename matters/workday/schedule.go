package workday

import (
	"bytes"
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/qingdan/qingdan/internal/errlist"
	"github.com/qingdan/qingdan/internal/errtext"
	"github.com/qingdan/qingdan/internal/jsonx"
)

// ErrSchedule reports a schedule that cannot be used: a year outside the
// supported range, a missing notice, a malformed date, a date outside its
// year, a date listed twice or as both a day off and a working day, a
// make-up working day that is not a weekend day, two schedules for one
// year or a date two schedules list, years that are not consecutive or
// none at all, or JSON that [ParseSchedules] cannot read.
var ErrSchedule = errors.New("workday: invalid schedule")

// The years a schedule may describe. The bounds keep every working time
// between two covered instants within a time.Duration (about 292 years).
const (
	MinYear = 1949
	MaxYear = 2199
)

const dateLayout = "2006-01-02"

// Schedule is one year's holiday arrangement as published by the State
// Council, with the notice it comes from.
//
// Holidays lists the days off of the year's breaks, weekend days inside a
// break included, exactly as the notice gives them; Workdays lists the
// weekend days the notice makes working days (调休上班). Each entry is a date
// "2006-01-02" or an inclusive range "2006-01-02/2006-01-08". Every other
// Monday to Friday is a working day and every other Saturday and Sunday is
// not. A notice can place its New Year break in the December before its
// year (the 2019 notice gives 30–31 December 2018 off and makes Saturday
// 29 December 2018 a working day), so dates from 1 December of Year−1 to
// 31 December of Year are accepted; dates that fall before the first year
// of a calendar are kept but never consulted.
//
// Notice names the notice (title and document number, 国办发明电〔YYYY〕N号)
// and any later notice that changed the year; it must not be empty. Note is
// free text, such as where the dates were checked. The zero Schedule is
// invalid. A Schedule round-trips through JSON with the field names year,
// notice, note, holidays and workdays.
type Schedule struct {
	Year     int      `json:"year"`
	Notice   string   `json:"notice"`
	Note     string   `json:"note,omitempty"`
	Holidays []string `json:"holidays"`
	Workdays []string `json:"workdays"`
}

// scheduleFields has the fields of a Schedule and none of its methods.
type scheduleFields Schedule

// The JSON form of a Schedule, registered so that jsonx.Decode checks it,
// inside whatever holds it, in its first pass over the input.
var _ = jsonx.Wire[Schedule, scheduleFields]()

// UnmarshalJSON reads a schedule as encoding/json writes it, as strictly
// as [ParseSchedules] reads one: a field Schedule does not have, a field
// name in another case, a key given twice, text that is not UTF-8,
// trailing data and input longer than [MaxSchedulesBytes] are errors. It
// reads the form only: [Schedule.Validate], ParseSchedules and [New]
// check the dates. Null leaves s alone. Errors wrap [ErrSchedule].
func (s *Schedule) UnmarshalJSON(b []byte) error {
	if len(b) > MaxSchedulesBytes {
		return fmt.Errorf("%w: %d bytes of schedule, over the %d a schedule is read in (MaxSchedulesBytes)", ErrSchedule, len(b), MaxSchedulesBytes)
	}
	var w scheduleFields
	return jsonx.UnmarshalVia(b, &w, ErrSchedule, "schedule", func() { *s = Schedule(w) })
}

// Validate returns every problem of the schedule on its own (the first
// hundred, and the number of the others), joined, each wrapping
// [ErrSchedule] and naming the entry; nil if there is none.
// Problems between schedules (two for one year, a date claimed by two
// years) are found by [ParseSchedules] and [New].
func (s Schedule) Validate() error {
	_, _, errs := s.expand()
	return joinErrors(errs)
}

// clone returns a deep copy.
func (s Schedule) clone() Schedule {
	s.Holidays = cloneStrings(s.Holidays)
	s.Workdays = cloneStrings(s.Workdays)
	return s
}

func cloneStrings(s []string) []string {
	if s == nil {
		return nil
	}
	return append([]string{}, s...)
}

// expand returns the schedule's days off and make-up working days as day
// numbers (days since 1970-01-01), each sorted, and every problem found.
func (s Schedule) expand() (off, work []int64, errs []error) {
	name := fmt.Sprintf("schedule %d", s.Year)
	if s.Year < MinYear || s.Year > MaxYear {
		return nil, nil, []error{fmt.Errorf("%w: %s: year outside %d–%d", ErrSchedule, name, MinYear, MaxYear)}
	}
	if strings.TrimSpace(s.Notice) == "" {
		errs = append(errs, fmt.Errorf("%w: %s: no notice: name the State Council notice the dates come from", ErrSchedule, name))
	}
	lo := civilDay(s.Year-1, time.December, 1)
	hi := civilDay(s.Year, time.December, 31)
	list := func(field string, entries []string) []int64 {
		var days []int64
		// by[d-lo] is 1 + the index of the entry that lists day d; the
		// window lo–hi is at most 397 days.
		by := make([]int, hi-lo+1)
		for i, e := range entries {
			where := func() string { return fmt.Sprintf("%s: %s[%d] %s", name, field, i, errtext.Quote(e)) }
			first, last, err := parseEntry(e)
			if err != nil {
				errs = append(errs, fmt.Errorf("%w: %s: %v", ErrSchedule, where(), err))
				continue
			}
			if first < lo || last > hi {
				errs = append(errs, fmt.Errorf("%w: %s: outside %d (and the December before it)", ErrSchedule, where(), s.Year))
				continue
			}
			// Days listed before are reported once for the entry, not
			// once a day: a file of overlapping ranges would otherwise
			// make an error hundreds of times its size.
			again, firstAgain, by0 := 0, int64(0), 0
			for d := first; d <= last; d++ {
				if j := by[d-lo]; j > 0 {
					if again == 0 {
						firstAgain, by0 = d, j-1
					}
					again++
					continue
				}
				by[d-lo] = i + 1
				days = append(days, d)
			}
			switch {
			case again == 1:
				errs = append(errs, fmt.Errorf("%w: %s: %s already listed by %s[%d]", ErrSchedule, where(), dayString(firstAgain), field, by0))
			case again > 1:
				errs = append(errs, fmt.Errorf("%w: %s: %d days already listed, the first, %s, by %s[%d]", ErrSchedule, where(), again, dayString(firstAgain), field, by0))
			}
		}
		sort.Slice(days, func(a, b int) bool { return days[a] < days[b] })
		return days
	}
	off = list("holidays", s.Holidays)
	work = list("workdays", s.Workdays)
	offSet := make(map[int64]bool, len(off))
	for _, d := range off {
		offSet[d] = true
	}
	for _, d := range work {
		if offSet[d] {
			errs = append(errs, fmt.Errorf("%w: %s: %s is both a holiday and a make-up working day", ErrSchedule, name, dayString(d)))
		}
		if wd := weekday(d); wd != time.Saturday && wd != time.Sunday {
			errs = append(errs, fmt.Errorf("%w: %s: make-up working day %s is a %v: only a Saturday or Sunday can be made a working day",
				ErrSchedule, name, dayString(d), wd))
		}
	}
	return off, work, errs
}

// parseEntry parses "2006-01-02" or "2006-01-02/2006-01-02" (inclusive).
func parseEntry(e string) (first, last int64, err error) {
	a, b, isRange := strings.Cut(e, "/")
	first, err = parseDate(a)
	if err != nil {
		return 0, 0, err
	}
	if !isRange {
		return first, first, nil
	}
	last, err = parseDate(b)
	if err != nil {
		return 0, 0, err
	}
	if last < first {
		return 0, 0, fmt.Errorf("range ends before it starts")
	}
	return first, last, nil
}

func parseDate(s string) (int64, error) {
	t, err := time.Parse(dateLayout, s)
	if err != nil || t.Format(dateLayout) != s {
		return 0, fmt.Errorf("date %s: want YYYY-MM-DD", errtext.Quote(s))
	}
	return civilDay(t.Date()), nil
}

// checkSchedules validates each schedule and the set: one schedule a year,
// and no date claimed by two schedules. It returns the expanded days of
// each schedule, in the order given. name(i) is how the caller knows
// ss[i], such as "schedules[3]".
func checkSchedules(ss []Schedule, name func(i int) string) (off, work [][]int64, errs []error) {
	off = make([][]int64, len(ss))
	work = make([][]int64, len(ss))
	years := make(map[int]int)
	owner := make(map[int64]int) // day → schedule year that lists it
	for i, s := range ss {
		if j, dup := years[s.Year]; dup {
			errs = append(errs, fmt.Errorf("%w: %s: a second schedule for %d (%s is the first)", ErrSchedule, name(i), s.Year, name(j)))
			continue
		}
		years[s.Year] = i
		o, w, es := s.expand()
		errs = append(errs, es...)
		off[i], work[i] = o, w
		// Days another schedule lists too, reported once for each other
		// schedule, not once a day.
		type clash struct {
			first int64
			n     int
		}
		var clashes map[int]*clash
		var years []int
		for _, days := range [][]int64{o, w} {
			for _, d := range days {
				if y, taken := owner[d]; taken {
					if y != s.Year { // within one schedule, expand reports it
						if clashes == nil {
							clashes = map[int]*clash{}
						}
						c := clashes[y]
						if c == nil {
							c = &clash{first: d}
							clashes[y] = c
							years = append(years, y)
						}
						c.n++
						c.first = min(c.first, d)
					}
					continue
				}
				owner[d] = s.Year
			}
		}
		for _, y := range years {
			if c := clashes[y]; c.n == 1 {
				errs = append(errs, fmt.Errorf("%w: schedule %d: %s is also listed by schedule %d", ErrSchedule, s.Year, dayString(c.first), y))
			} else {
				errs = append(errs, fmt.Errorf("%w: schedule %d: %d days, from %s, are also listed by schedule %d", ErrSchedule, s.Year, c.n, dayString(c.first), y))
			}
		}
	}
	return off, work, errs
}

// joinErrors joins the problems found, the first errlist.Max of them and
// the number of the others.
func joinErrors(errs []error) error {
	var l errlist.List
	for _, err := range errs {
		l.Add(err)
	}
	return l.Err(ErrSchedule)
}

// MaxSchedulesBytes is the most ParseSchedules reads: the State Council's
// notices from 1949 to 2199 come to less than a tenth of it.
const MaxSchedulesBytes = 1 << 20

// ParseSchedules decodes schedules from JSON — an array of schedule objects,
// or one object — and validates them: every problem is returned (the first
// hundred, and the number of the others), joined, each wrapping
// [ErrSchedule]. The JSON is read strictly: a field Schedule does not have,
// a field name in another case, a key given twice, text that is not UTF-8,
// trailing data and input longer than [MaxSchedulesBytes] are errors. The
// result can be given to [New] as [Config].Schedules.
func ParseSchedules(data []byte) ([]Schedule, error) {
	if len(data) > MaxSchedulesBytes {
		return nil, fmt.Errorf("%w: %d bytes of schedules, over the %d ParseSchedules reads (MaxSchedulesBytes)", ErrSchedule, len(data), MaxSchedulesBytes)
	}
	trimmed := bytes.TrimSpace(data)
	var ss []Schedule
	if len(trimmed) > 0 && trimmed[0] == '{' {
		var s Schedule
		if err := decodeStrict(trimmed, &s); err != nil {
			return nil, err
		}
		ss = []Schedule{s}
	} else if err := decodeStrict(trimmed, &ss); err != nil {
		return nil, err
	}
	if len(ss) == 0 {
		return nil, fmt.Errorf("%w: no schedules", ErrSchedule)
	}
	if _, _, errs := checkSchedules(ss, func(i int) string { return fmt.Sprintf("schedules[%d]", i) }); len(errs) > 0 {
		return nil, joinErrors(errs)
	}
	return ss, nil
}

func decodeStrict(data []byte, v any) error {
	if err := jsonx.Decode(data, v); err != nil {
		return fmt.Errorf("%w: decoding JSON: %v", ErrSchedule, err)
	}
	return nil
}

// civilDay returns the day number (days since 1970-01-01) of a civil date.
func civilDay(y int, m time.Month, d int) int64 {
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Unix() / secondsPerDay
}

func dayString(d int64) string {
	return time.Unix(d*secondsPerDay, 0).UTC().Format(dateLayout)
}

func weekday(d int64) time.Weekday {
	// 1970-01-01 was a Thursday.
	return time.Weekday(((d % 7) + 7 + 4) % 7)
}
