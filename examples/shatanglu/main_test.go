package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/qingdan/qingdan/accountability"
	"github.com/qingdan/qingdan/examples/internal/cli"
	"github.com/qingdan/qingdan/examples/internal/clitest"
	"github.com/qingdan/qingdan/locality/shatanglu"
	"github.com/qingdan/qingdan/matters"
	"github.com/qingdan/qingdan/matters/workday"
	"github.com/qingdan/qingdan/scoring"
	"github.com/shopspring/decimal"
)

func TestRunGolden(t *testing.T) {
	tests := []struct {
		name   string
		args   []string
		golden string
	}{
		{"June 2020", nil, "2020-06.golden"},
		{"Spring Festival month", []string{"-month", "2020-01"}, "2020-01.golden"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { clitest.Golden(t, run, tt.args, "testdata/"+tt.golden) })
	}
}

// TestPrintedTotalsKeepTheirGrades pins a policy choice documented in
// docs/policy.md ("shatanglu prints totals to 2 places and grades them
// exact"): in every month the calendar covers, as TestRunGolden runs the
// program (-month), each total of the monthly appraisal (六、定期向区委反馈)
// and of the joint annual round (一并开展) printed to 2 places has the grade
// printed beside it, which is the exact total's: no total rounds across a
// cut-off.
func TestPrintedTotalsKeepTheirGrades(t *testing.T) {
	var year annual
	if err := cli.Decode(dataFS, "data/annual.json", &year); err != nil {
		t.Fatal(err)
	}
	type graded struct {
		header string // the start of the line before the table
		scale  scoring.Scale
	}
	tables := []graded{
		{"  定期向区委反馈派驻机构干部日常表现", monthlyAppraisal(postOrder(shatangluPolicy())).Scale},
		{"  执法人员年度考核与街道干部年度考核一并开展", year.Appraisal.Scale},
	}
	twoPlaces := regexp.MustCompile(`^[0-9]+\.[0-9]{2}$`)
	schedules := workday.ChinaSchedules()
	first, last := schedules[0].Year, schedules[len(schedules)-1].Year
	months := 0
	for y := first; y <= last; y++ {
		for m := time.January; m <= time.December; m++ {
			month := fmt.Sprintf("%d-%02d", y, m)
			var stdout, stderr bytes.Buffer
			if code := run([]string{"-month", month}, &stdout, &stderr); code != 0 {
				t.Fatalf("run -month %s = %d, stderr:\n%s", month, code, stderr.String())
			}
			rows := make([]int, len(tables))
			table := -1 // the table whose rows follow, if any
			for line := range strings.Lines(stdout.String()) {
				if i := slices.IndexFunc(tables, func(x graded) bool { return strings.HasPrefix(line, x.header) }); i >= 0 {
					table = i
					continue
				}
				if table < 0 {
					continue
				}
				if !strings.HasPrefix(line, "    ") {
					table = -1
					continue
				}
				f := strings.Fields(line)
				total, label := f[len(f)-2], f[len(f)-1]
				if !twoPlaces.MatchString(total) {
					continue // the heading, or the rule under it
				}
				rows[table]++
				if g, _ := tables[table].scale.Floor(decimal.RequireFromString(total)); g.Label != label {
					t.Errorf("%s: %s: the total printed %s is %s, not %s as printed", month, strings.TrimSpace(line), total, g.Label, label)
				}
			}
			if rows[0] == 0 || rows[1] == 0 {
				t.Errorf("%s: %v rows of the appraisal and the annual round, want some of each", month, rows)
			}
			months++
		}
	}
	if months < 12 {
		t.Errorf("%d months run, want the calendar's years", months)
	}
}

func TestRunErrors(t *testing.T) {
	dir := t.TempDir()
	badJSON := filepath.Join(dir, "bad.json")
	if err := os.WriteFile(badJSON, []byte(`[{"id": "X1", "name": "某某", "unit": "STL-CGZD", "post": "执法岗", "age": 30}]`), 0o644); err != nil {
		t.Fatal(err)
	}
	badStaff := filepath.Join(dir, "staff.json")
	if err := os.WriteFile(badStaff, []byte(`[{"id": "X1", "name": "某某", "unit": "STL-XXX", "post": "厨师岗"}]`), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		args   []string
		code   int
		stderr []string // each must appear
	}{
		{"unknown flag", []string{"-nope"}, 2, []string{"flag provided but not defined: -nope"}},
		{"argument", []string{"extra"}, 2, []string{`unexpected argument "extra"`}},
		{"bad month", []string{"-month", "2020-13"}, 2, []string{`-month "2020-13"`}},
		{"month with no calendar", []string{"-month", "2035-01"}, 1, []string{"month 2035-01"}},
		{"missing staff file", []string{"-staff", filepath.Join(dir, "none.json")}, 1, []string{"none.json"}},
		{"unknown field", []string{"-staff", badJSON}, 1, []string{"bad.json", `unknown field "age"`}},
		{"unknown unit and post", []string{"-staff", badStaff}, 1, []string{`unit "STL-XXX"`, `post category "厨师岗"`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { clitest.Fails(t, run, tt.args, tt.code, tt.stderr...) })
	}
}

// TestFigures checks the figures the program prints, from the data.
func TestFigures(t *testing.T) {
	var units []accountability.Unit
	if err := cli.Decode(dataFS, "data/units.json", &units); err != nil {
		t.Fatal(err)
	}
	if fs := shatanglu.Template().Check(units, subdistrict); len(fs) != 0 {
		t.Errorf("the 5+3+1 layout has findings: %v", fs)
	}
	agencies := 0
	for _, u := range units {
		if u.Kind == accountability.Agency && u.Parent == subdistrict {
			agencies++
		}
	}
	if agencies != 4 {
		t.Errorf("dispatched agencies = %d, want 4", agencies)
	}

	var tasks matters.KeyTasks
	if err := cli.Decode(dataFS, "data/keytasks.json", &tasks); err != nil {
		t.Fatal(err)
	}
	if err := tasks.Validate(); err != nil {
		t.Errorf("key tasks: %v", err)
	}
	leads := map[string]string{}
	for _, a := range []string{"STL-CGZD", "STL-SFS", "STL-PCS"} {
		for _, x := range tasks.For(a) {
			if x.Task == "KT-2020-01" && x.Role == matters.Leading {
				leads[a] = x.Function
			}
		}
	}
	wantLeads := map[string]string{"STL-CGZD": "执法", "STL-SFS": "政策法规解释", "STL-PCS": "执法保障"}
	if diff := cmp.Diff(wantLeads, leads); diff != "" {
		t.Errorf("违法建设 leads mismatch (-want +got):\n%s", diff)
	}

	days, err := workdays(workday.China(), 2020, time.June)
	if err != nil {
		t.Fatal(err)
	}
	// June 2020: 22 weekdays, less 端午节 on Thursday 25th and Friday 26th,
	// plus Sunday 28th worked in their place.
	if len(days) != 21 {
		t.Errorf("working days of 2020-06 = %d, want 21", len(days))
	}
	var staff []member
	if err := cli.Decode(dataFS, "data/staff.json", &staff); err != nil {
		t.Fatal(err)
	}
	ts := simulate(days, staff)
	book, err := grade(shatangluPolicy(), ts)
	if err != nil {
		t.Fatal(err)
	}
	month := book.Scores(scoring.Month(2020, time.June))
	if len(month) != len(staff) {
		t.Errorf("month scores for %d staff, want %d", len(month), len(staff))
	}
	n := 0
	for _, s := range month {
		n += s.Matters
	}
	if n != len(ts) {
		t.Errorf("month scores count %d matters, want the %d tasks", n, len(ts))
	}
	// The same month is drawn on every run.
	again := simulate(days, staff)
	if diff := cmp.Diff(ts, again, cmp.AllowUnexported(task{})); diff != "" {
		t.Errorf("simulate is not deterministic (-first +second):\n%s", diff)
	}
	// Every week's and day's matters add up to the month's.
	weekly, daily := 0, 0
	for _, d := range days {
		for _, s := range book.Scores(scoring.Day(d)) {
			daily += s.Matters
		}
		if d.Weekday() == time.Monday || d.Equal(days[0]) {
			for _, s := range book.Scores(scoring.Week(d)) {
				weekly += s.Matters
			}
		}
	}
	if daily != n || weekly != n {
		t.Errorf("daily total %d, weekly total %d, want the month's %d", daily, weekly, n)
	}
}

func TestStaffErrorsJoined(t *testing.T) {
	staff := []member{
		{ID: "A", Name: "甲", Unit: "STL-CGZD", Post: "执法岗"},
		{ID: "A", Name: "乙", Unit: "STL-NONE", Post: "执法岗"},
		{ID: "", Name: "丙", Unit: "STL-SFS", Post: "会计岗"},
	}
	units := []accountability.Unit{{ID: "STL-CGZD"}, {ID: "STL-SFS"}}
	err := checkStaff(staff, units, shatangluPolicy())
	if err == nil {
		t.Fatal("checkStaff found nothing")
	}
	for _, want := range []string{"staff[A]: ID used twice", `unit "STL-NONE"`, "staff[2] 丙: no ID", `post category "会计岗"`} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("checkStaff error %q does not report %q", err, want)
		}
	}
}
