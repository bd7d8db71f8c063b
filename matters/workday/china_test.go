package workday

import (
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/6tail/lunar-go/HolidayUtil"
	"github.com/6tail/lunar-go/calendar"
	"github.com/google/go-cmp/cmp"
)

// These tests check the embedded data against sources that do not share
// its transcription: lunar-go's holiday table (kept by its author from the
// same notices), the arithmetic of 全国年节及纪念日放假办法, and the lunar
// calendar's festival dates as lunar-go computes them. 2027's dates were
// taken from lunar-go's table, so for 2027 only the other two are
// independent of it.

// lunarEntry is one day of lunar-go's table.
type lunarEntry struct {
	Year int  // the year of the festival the day belongs to (its target)
	Work bool // a make-up working day; otherwise a day off
}

// lunarTable reads lunar-go's table for the days of the years from-1 to
// to+1, keyed by date, keeping the entries whose festival falls in
// from…to.
func lunarTable(t *testing.T, from, to int) map[string]lunarEntry {
	t.Helper()
	out := make(map[string]lunarEntry)
	for y := from - 1; y <= to+1; y++ {
		l := HolidayUtil.GetHolidaysByYear(y)
		for e := l.Front(); e != nil; e = e.Next() {
			h := e.Value.(*HolidayUtil.Holiday)
			target, err := time.Parse(dateLayout, h.GetTarget())
			if err != nil {
				t.Fatalf("lunar-go target %q: %v", h.GetTarget(), err)
			}
			if target.Year() < from || target.Year() > to {
				continue
			}
			if _, dup := out[h.GetDay()]; dup {
				t.Fatalf("lunar-go lists %s twice", h.GetDay())
			}
			out[h.GetDay()] = lunarEntry{Year: target.Year(), Work: h.IsWork()}
		}
	}
	return out
}

// ourTable expands the embedded schedules the same way.
func ourTable(t *testing.T) map[string]lunarEntry {
	t.Helper()
	out := make(map[string]lunarEntry)
	for _, s := range ChinaSchedules() {
		off, work, errs := s.expand()
		if len(errs) > 0 {
			t.Fatalf("schedule %d: %v", s.Year, errs)
		}
		for _, d := range off {
			out[dayString(d)] = lunarEntry{Year: s.Year}
		}
		for _, d := range work {
			out[dayString(d)] = lunarEntry{Year: s.Year, Work: true}
		}
	}
	return out
}

// TestChinaMatchesLunarGo checks every date both ways: each day off and
// make-up working day of the embedded data is in lunar-go's table with the
// same kind and year, and each of lunar-go's days for 2019–2027 is in ours.
func TestChinaMatchesLunarGo(t *testing.T) {
	first, last := China().Years()
	if first != 2019 || last < 2026 {
		t.Fatalf("China covers %d–%d, want 2019 to at least 2026", first, last)
	}
	want := lunarTable(t, first, last)
	got := ourTable(t)
	if len(want) < 9*30 {
		t.Fatalf("lunar-go table has only %d days for %d–%d", len(want), first, last)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("embedded schedules vs lunar-go v1.4.7 HolidayUtil mismatch (-lunar-go +ours):\n%s", diff)
	}
}

// TestChinaEveryDateAsCalendar asks the calendar itself about every date of
// 2019–2027: a date in lunar-go's table is a working day exactly when it is
// a make-up day, and any other date is a working day exactly when it is
// Monday to Friday.
func TestChinaEveryDateAsCalendar(t *testing.T) {
	c := China()
	first, last := c.Years()
	table := lunarTable(t, first, last)
	makeUp := 0
	for d := time.Date(first, 1, 1, 12, 0, 0, 0, CST()); d.Year() <= last; d = d.AddDate(0, 0, 1) {
		key := d.Format(dateLayout)
		want := d.Weekday() != time.Saturday && d.Weekday() != time.Sunday
		if e, ok := table[key]; ok {
			want = e.Work
			if e.Work {
				makeUp++
			}
		}
		got, err := c.IsWorkday(d)
		if err != nil {
			t.Fatalf("IsWorkday(%s): %v", key, err)
		}
		if got != want {
			t.Errorf("IsWorkday(%s, a %v) = %v, want %v", key, d.Weekday(), got, want)
		}
	}
	if makeUp < 40 {
		t.Errorf("only %d make-up days checked", makeUp)
	}
}

// TestChinaMakeUpDays names each make-up working day of 2019–2026 from the
// notices and checks the calendar counts it as a working day although it
// is a Saturday or Sunday, and that the weekend next to it, and the days
// off named, are not working days.
func TestChinaMakeUpDays(t *testing.T) {
	makeUp := map[int][]string{
		2019: {"2019-02-02", "2019-02-03", "2019-04-28", "2019-05-05", "2019-09-29", "2019-10-12"},
		2020: {"2020-01-19", "2020-04-26", "2020-05-09", "2020-06-28", "2020-09-27", "2020-10-10"},
		2021: {"2021-02-07", "2021-02-20", "2021-04-25", "2021-05-08", "2021-09-18", "2021-09-26", "2021-10-09"},
		2022: {"2022-01-29", "2022-01-30", "2022-04-02", "2022-04-24", "2022-05-07", "2022-10-08", "2022-10-09"},
		2023: {"2023-01-28", "2023-01-29", "2023-04-23", "2023-05-06", "2023-06-25", "2023-10-07", "2023-10-08"},
		2024: {"2024-02-04", "2024-02-18", "2024-04-07", "2024-04-28", "2024-05-11", "2024-09-14", "2024-09-29", "2024-10-12"},
		2025: {"2025-01-26", "2025-02-08", "2025-04-27", "2025-09-28", "2025-10-11"},
		2026: {"2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10"},
	}
	c := China()
	for year, days := range makeUp {
		t.Run(fmt.Sprint(year), func(t *testing.T) {
			for _, s := range days {
				d := mustDay(t, s, 9, 0)
				if wd := d.Weekday(); wd != time.Saturday && wd != time.Sunday {
					t.Errorf("%s is a %v, not a weekend day", s, wd)
				}
				if ok, err := c.IsWorkday(d); err != nil || !ok {
					t.Errorf("IsWorkday(%s) = %v, %v; want true (make-up working day)", s, ok, err)
				}
			}
		})
	}
	notWorking := []string{
		"2019-01-01", "2019-02-05", "2019-05-04", "2019-10-07", // days off, one on a Saturday
		"2020-01-31", "2020-02-01", "2020-02-02", // the 2020 extension, Saturday 1 February included
		"2021-02-11", "2022-04-30", "2023-09-29", "2024-02-10", "2025-01-28", "2026-02-23", "2026-10-07",
		"2019-03-02", "2022-07-17", "2025-11-29", "2026-03-07", "2027-12-26", // ordinary weekends
	}
	for _, s := range notWorking {
		if ok, err := c.IsWorkday(mustDay(t, s, 9, 0)); err != nil || ok {
			t.Errorf("IsWorkday(%s) = %v, %v; want false", s, ok, err)
		}
	}
}

// statutoryDays returns the days 全国年节及纪念日放假办法 makes public
// holidays in a year: 11 under the 2013 text, 13 from 2025 under the 2024
// text (the Spring Festival's eve and 2 May added). Lunar dates and the
// Qingming solar term come from lunar-go's calendar package, not from its
// holiday table.
func statutoryDays(year int) []festivalDay {
	solar := func(s *calendar.Solar) string { return s.ToYmd() }
	chunjie := calendar.NewLunarFromYmd(year, 1, 1).GetSolar()
	out := []festivalDay{
		{fmt.Sprintf("%d-01-01", year), "元旦"},
		{solar(chunjie), "春节初一"},
		{solar(chunjie.NextDay(1)), "春节初二"},
		{solar(chunjie.NextDay(2)), "春节初三"},
		{solar(calendar.NewSolarFromYmd(year, 6, 1).GetLunar().GetJieQiTable()["清明"]), "清明节"},
		{fmt.Sprintf("%d-05-01", year), "劳动节"},
		{solar(calendar.NewLunarFromYmd(year, 5, 5).GetSolar()), "端午节"},
		{solar(calendar.NewLunarFromYmd(year, 8, 15).GetSolar()), "中秋节"},
		{fmt.Sprintf("%d-10-01", year), "国庆节"},
		{fmt.Sprintf("%d-10-02", year), "国庆节"},
		{fmt.Sprintf("%d-10-03", year), "国庆节"},
	}
	if year >= 2025 {
		out = append(out, festivalDay{solar(chunjie.NextDay(-1)), "除夕"}, festivalDay{fmt.Sprintf("%d-05-02", year), "劳动节"})
	}
	return out
}

// festivalDay is one statutory day: a date and its festival. Two festivals
// can share a date (中秋节 fell on 1 October in 2020); each counts.
type festivalDay struct{ Date, Name string }

// TestChinaStatutoryDays checks each year against the law: every statutory
// day lies inside one of the year's breaks, and the weekdays off less the
// make-up working days equal the number of statutory days (a statutory day
// on a weekend is made up by a weekday off; every other weekday off is paid
// back by a worked weekend day). 2020 has two days more: the extension of
// the Spring Festival (国办发明电〔2020〕1号) gave Friday 31 January off and
// Saturday 1 February, meant to be worked, off as well.
func TestChinaStatutoryDays(t *testing.T) {
	extra := map[int]int{2020: 2}
	for _, s := range ChinaSchedules() {
		t.Run(fmt.Sprint(s.Year), func(t *testing.T) {
			off, work, errs := s.expand()
			if len(errs) > 0 {
				t.Fatal(errs)
			}
			offSet := make(map[string]bool)
			weekdaysOff := 0
			for _, d := range off {
				offSet[dayString(d)] = true
				if wd := weekday(d); wd != time.Saturday && wd != time.Sunday {
					weekdaysOff++
				}
			}
			law := statutoryDays(s.Year)
			var missing []string
			for _, f := range law {
				if !offSet[f.Date] {
					missing = append(missing, f.Date+" "+f.Name)
				}
			}
			if len(missing) > 0 {
				t.Errorf("statutory days not off: %v", missing)
			}
			want := 11
			if s.Year >= 2025 {
				want = 13
			}
			if len(law) != want {
				t.Fatalf("computed %d statutory days, want %d: %v", len(law), want, law)
			}
			want += extra[s.Year]
			if got := weekdaysOff - len(work); got != want {
				t.Errorf("weekdays off (%d) − make-up days (%d) = %d, want %d statutory days", weekdaysOff, len(work), got, want)
			}
		})
	}
}

// TestChinaCitesNotices checks that every year names its notice, and the
// document number for each year the number was read.
func TestChinaCitesNotices(t *testing.T) {
	number := regexp.MustCompile(`国办发明电〔\d{4}〕\d+号`)
	want := map[int]string{
		2019: "国办发明电〔2018〕15号", 2020: "国办发明电〔2019〕16号", 2021: "国办发明电〔2020〕27号",
		2022: "国办发明电〔2021〕11号", 2023: "国办发明电〔2022〕16号", 2024: "国办发明电〔2023〕7号",
		2025: "国办发明电〔2024〕12号", 2026: "国办发明电〔2025〕7号",
	}
	for _, s := range ChinaSchedules() {
		title := fmt.Sprintf("国务院办公厅关于%d年部分节假日安排的通知", s.Year)
		if !strings.Contains(s.Notice, title) {
			t.Errorf("schedule %d: notice %q does not cite %s", s.Year, s.Notice, title)
		}
		if n, ok := want[s.Year]; ok && !strings.Contains(s.Notice, n) {
			t.Errorf("schedule %d: notice %q lacks %s", s.Year, s.Notice, n)
		}
		if _, ok := want[s.Year]; !ok && !number.MatchString(s.Notice) && s.Note == "" {
			t.Errorf("schedule %d: no document number and no note saying where the dates come from", s.Year)
		}
	}
}

// mustDay returns the instant h:m CST on date s.
func mustDay(t testing.TB, s string, h, m int) time.Time {
	t.Helper()
	d, err := time.ParseInLocation(dateLayout, s, CST())
	if err != nil {
		t.Fatal(err)
	}
	return d.Add(time.Duration(h)*time.Hour + time.Duration(m)*time.Minute)
}
