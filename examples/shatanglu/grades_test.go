package main

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/qingdan/qingdan/examples/internal/cli"
	"github.com/qingdan/qingdan/examples/internal/texttable"
	"github.com/qingdan/qingdan/scoring"
	"github.com/shopspring/decimal"
)

// TestCutoffs: the statement of a scale follows the scale it is given, in
// whatever order its grades come, rather than any scale of the report.
func TestCutoffs(t *testing.T) {
	grade := func(label, points string) scoring.Grade {
		return scoring.Grade{Code: label, Label: label, Points: decimal.RequireFromString(points)}
	}
	tests := []struct {
		name   string
		figure string
		scale  scoring.Scale
		want   string
	}{
		{"staff scale", "总分", scoring.Scale{grade("优秀", "90"), grade("称职", "75"), grade("基本称职", "60"), grade("不称职", "0")},
			"等次：总分 ≥90 优秀、≥75 称职、≥60 基本称职，其余为不称职"},
		{"out of order, fractional, lowest above 0", "得分",
			scoring.Scale{grade("合格", "59.5"), grade("不合格", "10"), grade("优秀", "89.5")},
			"等次：得分 ≥89.5 优秀、≥59.5 合格，其余为不合格"},
		{"two grades", "总分", scoring.Scale{grade("不达标", "0"), grade("达标", "80")}, "等次：总分 ≥80 达标，其余为不达标"},
		{"one grade", "总分", scoring.Scale{grade("合格", "0")}, "等次：均为合格"},
		{"none", "总分", nil, "等次：无"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, cutoffs(tt.figure, tt.scale)); diff != "" {
				t.Errorf("cutoffs mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// TestGradesStateTheirScale: every table of the report with a 等次 column
// follows a line that states the scale it grades on ("等次：总分 ≥90 优秀、
// ≥75 称职、≥60 基本称职，其余为不称职"), and every grade it prints is the
// one those cut-offs give the figure it prints in the column the line
// names; a unit vetoed (说明 一票否决) may only be graded lower. Each month
// of 2020 is run and its output read back.
func TestGradesStateTheirScale(t *testing.T) {
	var hired hires
	if err := cli.Decode(dataFS, "data/hires.json", &hired); err != nil {
		t.Fatal(err)
	}
	for mo := 1; mo <= 12; mo++ {
		month := fmt.Sprintf("2020-%02d", mo)
		t.Run(month, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			if code := run([]string{"-month", month}, &stdout, &stderr); code != 0 {
				t.Fatalf("run -month %s = %d, stderr:\n%s", month, code, stderr.String())
			}
			// The sheet, the monthly feedback, the joint annual round, and
			// the hires' appraisal when the month has one.
			want := 3
			if slices.ContainsFunc(hired.Months, func(m hireMonth) bool { return m.Month == month }) {
				want++
			}
			if got := gradedTables(t, strings.Split(stdout.String(), "\n")); got != want {
				t.Errorf("%d tables with a 等次 column, want %d; output:\n%s", got, want, stdout.String())
			}
		})
	}
}

// gradedTables checks each table of lines with a 等次 column as
// TestGradesStateTheirScale says and returns how many it found.
func gradedTables(t *testing.T, lines []string) int {
	t.Helper()
	tables := 0
	for i := 1; i+1 < len(lines); i++ {
		head := strings.Fields(lines[i])
		if !slices.Contains(head, "等次") || strings.Trim(lines[i+1], " -") != "" {
			continue
		}
		tables++
		figure, cuts, err := statedScale(lines[i-1])
		if err != nil {
			t.Errorf("table %q: the line before it, %q: %v", strings.TrimSpace(lines[i]), lines[i-1], err)
			continue
		}
		if !slices.Contains(head, figure) {
			t.Errorf("table %q: the scale grades %q, which is no column of it", strings.TrimSpace(lines[i]), figure)
			continue
		}
		rows := 0
		for _, line := range lines[i+2:] {
			row := cells(line, lines[i+1])
			cell := func(name string) string {
				if j := slices.Index(head, name); j >= 0 && j < len(row) {
					return row[j]
				}
				return ""
			}
			total, err := decimal.NewFromString(cell(figure))
			if err != nil {
				break // the table has ended
			}
			rows++
			got := slices.IndexFunc(cuts, func(c cut) bool { return c.label == cell("等次") })
			want := slices.IndexFunc(cuts, func(c cut) bool { return c.from == nil || total.GreaterThanOrEqual(*c.from) })
			switch vetoed := strings.Contains(cell("说明"), "一票否决"); {
			case got < 0:
				t.Errorf("%q: grade %q is not on the stated scale %q", line, cell("等次"), lines[i-1])
			case got != want && !(vetoed && got > want):
				t.Errorf("%q: %s %s graded %s, the stated scale gives %s", line, figure, cell(figure), cuts[got].label, cuts[want].label)
			}
		}
		if rows == 0 {
			t.Errorf("table %q has no row", strings.TrimSpace(lines[i]))
		}
	}
	return tables
}

// cells cuts a line of a table into its cells, trimmed, by the columns of
// the table's rule of dashes (texttable's layout: columns two spaces apart,
// in display width).
func cells(line, rule string) []string {
	type span struct{ from, to int }
	var spans []span // rule is ASCII: its bytes are columns
	for col := 0; col < len(rule); {
		if rule[col] != '-' {
			col++
			continue
		}
		end := col + strings.IndexFunc(rule[col:]+" ", func(r rune) bool { return r != '-' })
		spans = append(spans, span{col, end})
		col = end
	}
	out := make([]string, len(spans))
	col := 0
	for _, r := range line {
		for j, s := range spans {
			if col >= s.from && col < s.to {
				out[j] += string(r)
			}
		}
		col += texttable.Width(string(r))
	}
	for j := range out {
		out[j] = strings.TrimSpace(out[j])
	}
	return out
}

// cut is one grade of a stated scale: its label and the lowest figure that
// reaches it, nil for the lowest grade, which takes the rest.
type cut struct {
	label string
	from  *decimal.Decimal
}

// statedScale reads the scale that line states, "…等次：总分 ≥90 优秀、≥75
// 称职、≥60 基本称职，其余为不称职…" up to a "；", a "）" or the end: the
// figure graded and the grades, the highest first.
func statedScale(line string) (figure string, cuts []cut, err error) {
	_, s, ok := strings.Cut(line, "等次：")
	if !ok {
		return "", nil, errors.New("states no scale (等次：)")
	}
	if i := strings.IndexAny(s, "；）"); i >= 0 {
		s = s[:i]
	}
	s, rest, ok := strings.Cut(s, "，其余为")
	if !ok || rest == "" {
		return "", nil, fmt.Errorf("scale %q names no grade for the rest (，其余为)", s)
	}
	figure, s, _ = strings.Cut(s, " ")
	for _, c := range strings.Split(s, "、") {
		from, label, ok := strings.Cut(strings.TrimPrefix(c, "≥"), " ")
		d, err := decimal.NewFromString(from)
		if !ok || !strings.HasPrefix(c, "≥") || err != nil || label == "" {
			return "", nil, fmt.Errorf("cut-off %q is not \"≥points grade\"", c)
		}
		if n := len(cuts); n > 0 && !d.LessThan(*cuts[n-1].from) {
			return "", nil, fmt.Errorf("cut-off %q is not below the one before it", c)
		}
		cuts = append(cuts, cut{label, &d})
	}
	return figure, append(cuts, cut{label: rest}), nil
}
