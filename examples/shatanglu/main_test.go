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

// TestPrintedFiguresKeepTheirGrades pins a policy choice documented in
// docs/policy.md ("shatanglu prints totals to 2 places and grades them
// exact"): in every month the calendar covers, as TestRunGolden runs the
// program (-month), each figure printed beside a grade has that grade when
// graded as printed, so that an official can check the grade from the
// figure: the total of the monthly appraisal (六、定期向区委反馈), of the
// joint annual round (一并开展) and of the hired staff (七), and the score
// of the agencies' sheet (四), each printed to 2 places, and the
// quantitative score of the task review's example (评价示例), printed to 1
// place. No figure rounds across a cut-off. Where a rule overrides the
// figure, the grade is the one the report says: the sheet's one-vote veto
// caps a unit's at the grade its reason prints under the unit's name
// (一票否决，等次不高于…), and a returned task's example is graded as its
// reasons print (退回派单，直接评为差) with no score.
func TestPrintedFiguresKeepTheirGrades(t *testing.T) {
	var year annual
	var hired hires
	for path, v := range map[string]any{"data/annual.json": &year, "data/hires.json": &hired} {
		if err := cli.Decode(dataFS, path, v); err != nil {
			t.Fatal(err)
		}
	}
	sheet, err := loadSheet()
	if err != nil {
		t.Fatal(err)
	}
	policy := shatangluPolicy()
	// Each table is the rows, one per unit or person, of the section that
	// starts with heading, every line of which starts with indent.
	tables := []struct {
		heading, indent string
		scale           scoring.Scale
	}{
		{"  定期向区委反馈派驻机构干部日常表现", "    ", monthlyAppraisal(postOrder(policy)).Scale},
		{"  执法人员年度考核与街道干部年度考核一并开展", "    ", year.Appraisal.Scale},
		{"四、派驻机构月度考核", "  ", sheet.Scale},
		{"七、街道聘用人员绩效考核", "  ", hired.Appraisal.Scale},
	}
	const hiresTable = 3 // has rows only in the months data/hires.json scores
	hireRows := map[string]int{}
	for _, m := range hired.Months {
		hireRows[m.Month] = len(m.Scores)
	}
	example := regexp.MustCompile(`→ (\S+) [0-9.]+ 分$`)
	taskScore := regexp.MustCompile(`^    量化得分 ([0-9]+\.[0-9])（`)
	schedules := workday.ChinaSchedules()
	first, last := schedules[0].Year, schedules[len(schedules)-1].Year
	months, vetoed, examples := 0, 0, 0
	for y := first; y <= last; y++ {
		for m := time.January; m <= time.December; m++ {
			month := fmt.Sprintf("%d-%02d", y, m)
			var stdout, stderr bytes.Buffer
			if code := run([]string{"-month", month}, &stdout, &stderr); code != 0 {
				t.Fatalf("run -month %s = %d, stderr:\n%s", month, code, stderr.String())
			}
			out := stdout.String()
			rows := make([]int, len(tables))
			for i, tb := range tables {
				lines := section(out, tb.heading, tb.indent)
				caps, err := vetoCaps(lines, tb.indent, tb.scale)
				if err != nil {
					t.Errorf("%s: %v", month, err)
				}
				for _, line := range lines {
					figure, label, ok := gradedFigure(line)
					if !ok {
						continue
					}
					rows[i]++
					want, _ := tb.scale.Floor(decimal.RequireFromString(figure))
					if c, ok := caps[strings.Fields(line)[0]]; ok && c.Points.LessThan(want.Points) {
						want = c
						vetoed++
					}
					if want.Label != label {
						t.Errorf("%s: %s: the figure printed %s is %s, not %s as printed", month, strings.TrimSpace(line), figure, want.Label, label)
					}
				}
			}
			if rows[0] == 0 || rows[1] == 0 || rows[2] == 0 || rows[hiresTable] != hireRows[month] {
				t.Errorf("%s: %v rows of the appraisal, the annual round, the sheet and the hires, want some of each of the first three and %d hires", month, rows, hireRows[month])
			}
			// The example's grade heads it; its score is among its reasons,
			// or, for a returned task, the grade it is given whatever its
			// score (退回派单，直接评为差).
			lines := section(out, "  评价示例：", "    ")
			var head []string // the line and the grade printed
			if len(lines) > 0 {
				head = example.FindStringSubmatch(lines[0])
			}
			if head == nil {
				t.Fatalf("%s: the task review prints no example with a grade", month)
			}
			printed := head[1]
			for _, line := range lines[1:] {
				if s := taskScore.FindStringSubmatch(line); s != nil {
					examples++
					cut, _ := taskCutoffs().Floor(decimal.RequireFromString(s[1]))
					if g, _ := policy.Scale.Grade(cut.Code); g.Label != printed {
						t.Errorf("%s: %s: the score printed %s is %s, not %s as printed", month, strings.TrimSpace(lines[0]), s[1], g.Label, printed)
					}
				} else if strings.HasSuffix(line, "直接评为"+printed) {
					examples++
				}
			}
			months++
		}
	}
	if months < 12 || vetoed == 0 || examples != months {
		t.Errorf("%d months run, %d grades capped by a veto, %d task examples graded: want the calendar's years, some vetoes and one example a month", months, vetoed, examples)
	}
}

// section returns the lines of out from the first that starts with heading
// up to, not including, the first after it that does not start with indent
// (a blank line or the next section); none if no line starts with heading.
func section(out, heading, indent string) []string {
	var lines []string
	for line := range strings.Lines(out) {
		line = strings.TrimSuffix(line, "\n")
		switch {
		case lines == nil && strings.HasPrefix(line, heading):
			lines = []string{line}
		case lines == nil:
		case !strings.HasPrefix(line, indent):
			return lines
		default:
			lines = append(lines, line)
		}
	}
	return lines
}

// gradedFigure returns the figure printed to 2 places beside a grade on a
// table's row, the last such number on the line, and the grade after it;
// ok is false for a line with none, such as a table's heading or rule.
func gradedFigure(line string) (figure, label string, ok bool) {
	f := strings.Fields(line)
	for i := len(f) - 2; i >= 0; i-- {
		if twoPlaces.MatchString(f[i]) {
			return f[i], f[i+1], true
		}
	}
	return "", "", false
}

var twoPlaces = regexp.MustCompile(`^[0-9]+\.[0-9]{2}$`)

// vetoCaps returns the grade a one-vote veto caps each unit's at, by the
// unit's name, as an assessment sheet's reasons print it: the unit's name
// and "：" at indent, then its reasons indented further, a veto's ending
// "一票否决，等次不高于" and the grade's label (a veto that caps the points
// prints the points capped, which need no more). It reports a label that
// is not on scale, and a veto with no unit before it.
func vetoCaps(lines []string, indent string, scale scoring.Scale) (map[string]scoring.Grade, error) {
	caps := map[string]scoring.Grade{}
	unit := ""
	for _, line := range lines {
		rest, ok := strings.CutPrefix(line, indent)
		if ok && !strings.HasPrefix(rest, " ") && strings.HasSuffix(rest, "：") {
			unit = strings.TrimSuffix(rest, "：")
			continue
		}
		_, label, ok := strings.Cut(line, "一票否决，等次不高于")
		if !ok {
			continue
		}
		i := slices.IndexFunc(scale, func(g scoring.Grade) bool { return g.Label == label })
		if i < 0 || unit == "" {
			return nil, fmt.Errorf("veto %q: no unit before it, or no grade %q on the scale", strings.TrimSpace(line), label)
		}
		if c, ok := caps[unit]; !ok || scale[i].Points.LessThan(c.Points) {
			caps[unit] = scale[i]
		}
	}
	return caps, nil
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
