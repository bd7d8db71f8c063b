package scoring_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/qingdan/qingdan/matters/workday"
	"github.com/qingdan/qingdan/scoring"
)

func TestParsePeriod(t *testing.T) {
	cst := workday.CST()
	day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, cst) }
	for _, tt := range []struct {
		in   string
		want scoring.Period
		err  string // a part of the error's text; "" for none
	}{
		{"2020", scoring.Year(2020), ""},
		{"2020-06", scoring.Month(2020, time.June), ""},
		{"2020-06-01", scoring.Day(day(2020, 6, 1)), ""},
		{"2020-02-29", scoring.Day(day(2020, 2, 29)), ""},
		{"2020-W23", scoring.Period{From: day(2020, 6, 1), To: day(2020, 6, 8)}, ""},
		{"2020-W01", scoring.Period{From: day(2019, 12, 30), To: day(2020, 1, 6)}, ""}, // week 1 starts in the year before
		{"2020-W53", scoring.Period{From: day(2020, 12, 28), To: day(2021, 1, 4)}, ""}, // 2020 has 53 weeks
		{"2021-W01", scoring.Period{From: day(2021, 1, 4), To: day(2021, 1, 11)}, ""},
		{"0001", scoring.Year(1), ""},
		{"9998-12-31", scoring.Day(day(9998, 12, 31)), ""},
		{"2021-W53", scoring.Period{}, "2021 has no week 53"},
		{"2020-W00", scoring.Period{}, "week is not two digits from 01 to 53"},
		{"2020-W54", scoring.Period{}, "week is not two digits"},
		{"2020-w23", scoring.Period{}, "not a year, month, day or week"},
		{"2020-W3", scoring.Period{}, "month is not two digits"},
		{"2021-02-29", scoring.Period{}, "no such day"},
		{"2020-13", scoring.Period{}, "month is not two digits"},
		{"2020-6", scoring.Period{}, "not a year, month, day or week"},
		{"2020-06-1", scoring.Period{}, "not a year, month, day or week"},
		{"2020-06-00", scoring.Period{}, "no such day"},
		{"0000", scoring.Period{}, "year is not four digits"},
		{"9999", scoring.Period{}, "year is not four digits from 0001 to 9998"},
		{"20200", scoring.Period{}, "not a year, month, day or week"},
		{"+202", scoring.Period{}, "year is not four digits"},
		{" 2020", scoring.Period{}, "year is not four digits"},
		{"2020 ", scoring.Period{}, "not a year"},
		{"２０２０", scoring.Period{}, "too long"},
		{"", scoring.Period{}, "no year"},
		{"2020-06-01T00", scoring.Period{}, "too long"},
		{strings.Repeat("2", 1<<20), scoring.Period{}, "too long"},
	} {
		t.Run(tt.in[:min(len(tt.in), 20)], func(t *testing.T) {
			got, err := scoring.ParsePeriod(tt.in)
			if tt.err == "" {
				if err != nil {
					t.Fatal(err)
				}
			} else if !errors.Is(err, scoring.ErrInvalid) || !strings.Contains(err.Error(), tt.err) {
				t.Fatalf("ParsePeriod(%q) error %v; want one wrapping ErrInvalid that says %q", tt.in, err, tt.err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("ParsePeriod(%q) mismatch (-want +got):\n%s", tt.in, diff)
			}
		})
	}
}

// formatPeriod writes a period ParsePeriod read back in the form it was
// given in: a year, a month, a day or an ISO week.
func formatPeriod(form string, p scoring.Period) string {
	switch form {
	case "year":
		return fmt.Sprintf("%04d", p.From.Year())
	case "month":
		return p.From.Format("2006-01")
	case "day":
		return p.From.Format("2006-01-02")
	}
	y, w := p.From.ISOWeek()
	return fmt.Sprintf("%04d-W%02d", y, w)
}

// formOf names the form of a period's text by its length.
func formOf(s string) string {
	switch {
	case len(s) == 4:
		return "year"
	case len(s) == 7:
		return "month"
	case len(s) == 8:
		return "week"
	}
	return "day"
}

// TestParsePeriodEveryDay: every day, month and ISO week of 2019–2026
// written in its form parses to the period the constructors give, and
// back to the same text.
func TestParsePeriodEveryDay(t *testing.T) {
	cst := workday.CST()
	for d := time.Date(2019, 1, 1, 12, 0, 0, 0, cst); d.Year() < 2027; d = d.AddDate(0, 0, 1) {
		y, w := d.ISOWeek()
		for _, c := range []struct {
			text string
			want scoring.Period
		}{
			{d.Format("2006-01-02"), scoring.Day(d)},
			{d.Format("2006-01"), scoring.Month(d.Year(), d.Month())},
			{fmt.Sprintf("%04d-W%02d", y, w), scoring.Week(d)},
			{d.Format("2006"), scoring.Year(d.Year())},
		} {
			got, err := scoring.ParsePeriod(c.text)
			if err != nil {
				t.Fatal(err)
			}
			if !got.From.Equal(c.want.From) || !got.To.Equal(c.want.To) {
				t.Fatalf("ParsePeriod(%q) = %v – %v; want %v – %v", c.text, got.From, got.To, c.want.From, c.want.To)
			}
			if back := formatPeriod(formOf(c.text), got); back != c.text {
				t.Fatalf("ParsePeriod(%q) formats back as %q", c.text, back)
			}
		}
	}
}

// FuzzParsePeriod: no text panics ParsePeriod; what it accepts is a
// period of a day, a week, a month or a year starting at midnight in
// China Standard Time, written back the same way; what it refuses wraps
// ErrInvalid.
func FuzzParsePeriod(f *testing.F) {
	for _, s := range []string{"2020", "2020-06", "2020-06-01", "2020-W23", "2021-W53", "0000", "9999-12-31", "", "2020-W", "2020-02-30"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p, err := scoring.ParsePeriod(s)
		if err != nil {
			if !errors.Is(err, scoring.ErrInvalid) || p != (scoring.Period{}) {
				t.Fatalf("ParsePeriod(%q) = %v, %v; want the zero period and ErrInvalid", s, p, err)
			}
			return
		}
		if p.From.Location() != workday.CST() || p.From.Hour() != 0 || p.From.Minute() != 0 || !p.To.After(p.From) {
			t.Fatalf("ParsePeriod(%q) = %v – %v", s, p.From, p.To)
		}
		if back := formatPeriod(formOf(s), p); back != s {
			t.Fatalf("ParsePeriod(%q) formats back as %q", s, back)
		}
	})
}

func TestPeriods(t *testing.T) {
	cst := workday.CST()
	at := func(y int, m time.Month, d, h int) time.Time { return time.Date(y, m, d, h, 0, 0, 0, cst) }
	thursday := at(2020, 6, 18, 15)
	for _, tt := range []struct {
		name     string
		p        scoring.Period
		from, to time.Time
	}{
		{"year", scoring.Year(2020), at(2020, 1, 1, 0), at(2021, 1, 1, 0)},
		{"month", scoring.Month(2020, time.February), at(2020, 2, 1, 0), at(2020, 3, 1, 0)},
		{"month 13 is next January", scoring.Month(2020, 13), at(2021, 1, 1, 0), at(2021, 2, 1, 0)},
		{"week from Monday", scoring.Week(thursday), at(2020, 6, 15, 0), at(2020, 6, 22, 0)},
		{"week of a Sunday", scoring.Week(at(2020, 6, 21, 23)), at(2020, 6, 15, 0), at(2020, 6, 22, 0)},
		{"day", scoring.Day(thursday), at(2020, 6, 18, 0), at(2020, 6, 19, 0)},
		{"day in China Standard Time", scoring.Day(time.Date(2020, 6, 17, 16, 30, 0, 0, time.UTC)), at(2020, 6, 18, 0), at(2020, 6, 19, 0)},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if !tt.p.From.Equal(tt.from) || !tt.p.To.Equal(tt.to) {
				t.Errorf("period %v – %v, want %v – %v", tt.p.From, tt.p.To, tt.from, tt.to)
			}
			if tt.p.From.Location() != cst {
				t.Errorf("period in %v, want workday.CST()", tt.p.From.Location())
			}
		})
	}
}
