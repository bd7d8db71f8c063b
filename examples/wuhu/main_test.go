package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// result is one run of the program.
type result struct {
	stdout, stderr string
	code           int
}

func runWith(args ...string) result {
	var out, errs bytes.Buffer
	code := run(args, &out, &errs)
	return result{out.String(), errs.String(), code}
}

// TestGolden compares what the program prints with testdata/*.golden
// (rewrite them with go test -update).
func TestGolden(t *testing.T) {
	for _, tc := range []struct {
		name string
		args []string
	}{
		{"default", nil},
		{"month", []string{"-month", "2020-06"}},
		{"json", []string{"-json"}},
		{"month-json", []string{"-month", "2020-06", "-json"}},
		{"policy", []string{"-policy", "testdata/policy.json"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := runWith(tc.args...)
			if r.code != 0 || r.stderr != "" {
				t.Fatalf("run(%q) = %d, stderr %q; want 0 and nothing", tc.args, r.code, r.stderr)
			}
			golden := filepath.Join("testdata", tc.name+".golden")
			if *update {
				if err := os.WriteFile(golden, []byte(r.stdout), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if diff := cmp.Diff(string(want), r.stdout); diff != "" {
				t.Errorf("run(%q) mismatch with %s (-want +got):\n%s", tc.args, golden, diff)
			}
		})
	}
}

// TestFigures checks the figures of the JSON report against the seed's:
// 746 received, 619 resolved (0.8298), satisfaction above 90%, and that
// each department's annual total is exactly 30% of its composite plus 70%
// of its other assessment, ranked.
func TestFigures(t *testing.T) {
	r := runWith("-json")
	if r.code != 0 {
		t.Fatalf("run(-json) = %d: %s", r.code, r.stderr)
	}
	var rep report
	if err := json.Unmarshal([]byte(r.stdout), &rep); err != nil {
		t.Fatal(err)
	}
	s := rep.Summary
	if s == nil || rep.Figures == nil {
		t.Fatalf("no summary or figures in %s", r.stdout)
	}
	if s.Received != 746 || s.Resolved != 619 || !s.ResolutionRate.Equal(decimal.RequireFromString("0.8298")) {
		t.Errorf("received %d, resolved %d, rate %s; want 746, 619, 0.8298", s.Received, s.Resolved, s.ResolutionRate)
	}
	if !s.SatisfactionRate.GreaterThan(decimal.RequireFromString("0.9")) || s.Surveyed == 0 {
		t.Errorf("satisfaction %d of %d = %s; want above 0.9", s.Satisfied, s.Surveyed, s.SatisfactionRate)
	}
	f := rep.Figures
	for name, n := range map[string]int{
		"unwhistled": f.Unwhistled, "hotline": f.Hotline, "coordinated": f.Coordinated, "returned": f.Returned,
		"suspended": f.Suspended, "staged": f.Staged, "reopened": f.Reopened, "overdue": f.Overdue, "openOverdue": f.OpenOverdue,
	} {
		if n == 0 {
			t.Errorf("figures.%s = 0; the year should have some", name)
		}
	}
	if f.Open != s.Received-s.Resolved {
		t.Errorf("open %d; want received − resolved = %d", f.Open, s.Received-s.Resolved)
	}
	if f.StageEvaluations < 2*f.Staged {
		t.Errorf("%d stage evaluations for %d staged matters; want at least two each", f.StageEvaluations, f.Staged)
	}
	w, err := loadWorld()
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Departments) != len(w.city.Departments) {
		t.Errorf("%d departments ranked; want %d", len(rep.Departments), len(w.city.Departments))
	}
	evaluations := 0
	for i, d := range rep.Departments {
		evaluations += d.Evaluations
		want := decimal.RequireFromString("0.3").Mul(d.Composite).Add(decimal.RequireFromString("0.7").Mul(d.Other))
		if !d.Total.Equal(want) {
			t.Errorf("%s: total %s; want 0.3 × %s + 0.7 × %s = %s", d.Name, d.Total, d.Composite, d.Other, want)
		}
		if i > 0 {
			prev := rep.Departments[i-1]
			if prev.Total.LessThan(d.Total) || prev.Rank > d.Rank || (prev.Total.Equal(d.Total) != (prev.Rank == d.Rank)) {
				t.Errorf("rank %d (%s) after rank %d (%s)", d.Rank, d.Total, prev.Rank, prev.Total)
			}
		}
	}
	if evaluations != f.Evaluations {
		t.Errorf("departments hold %d evaluations; figures say %d", evaluations, f.Evaluations)
	}
}

// TestMonth checks the June review: its evaluations add up and it ranks
// departments by composite.
func TestMonth(t *testing.T) {
	r := runWith("-month", "2020-06", "-json")
	if r.code != 0 {
		t.Fatalf("run = %d: %s", r.code, r.stderr)
	}
	var rep report
	if err := json.Unmarshal([]byte(r.stdout), &rep); err != nil {
		t.Fatal(err)
	}
	v := rep.Month
	if v == nil || v.Month != "2020-06" || v.Whistled == 0 || v.Resolved == 0 || len(v.Departments) == 0 {
		t.Fatalf("month review %+v; want June 2020 with matters and departments", v)
	}
	n := 0
	for i, d := range v.Departments {
		n += d.Evaluations
		if i > 0 && v.Departments[i-1].Composite.LessThan(d.Composite) {
			t.Errorf("%s (%s) ranked below %s (%s)", v.Departments[i-1].Name, v.Departments[i-1].Composite, d.Name, d.Composite)
		}
	}
	if n != v.Evaluations {
		t.Errorf("departments hold %d evaluations; the month says %d", n, v.Evaluations)
	}
}

// TestPolicy checks that a policy file changes the grading and names its
// version, and that the shipped example policy loads.
func TestPolicy(t *testing.T) {
	def, strict := runWith("-json"), runWith("-json", "-policy", "data/policy-strict.json")
	if def.code != 0 || strict.code != 0 {
		t.Fatalf("exit %d and %d: %s%s", def.code, strict.code, def.stderr, strict.stderr)
	}
	var a, b report
	if err := json.Unmarshal([]byte(def.stdout), &a); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal([]byte(strict.stdout), &b); err != nil {
		t.Fatal(err)
	}
	if b.Policy != "wuhu-strict-2020" || a.Policy == b.Policy {
		t.Errorf("policies %q and %q; want the default's and wuhu-strict-2020", a.Policy, b.Policy)
	}
	composite := func(r report) map[string]string {
		m := map[string]string{}
		for _, d := range r.Departments {
			m[d.ID] = d.Composite.String()
		}
		return m
	}
	if cmp.Equal(composite(a), composite(b)) {
		t.Errorf("the strict policy graded every department as the default did: %v", composite(a))
	}
	if *a.Summary != *b.Summary && !a.Summary.ResolutionRate.Equal(b.Summary.ResolutionRate) {
		t.Errorf("the policy changed the summary: %+v, %+v", a.Summary, b.Summary)
	}
}

// TestErrors checks that bad flags and files give a clear message on
// stderr, nothing on stdout, and the documented exit status.
func TestErrors(t *testing.T) {
	for _, tc := range []struct {
		args []string
		code int
		msg  string // in stderr
	}{
		{[]string{"-nope"}, 2, "-nope"},
		{[]string{"-month"}, 2, "-month"},
		{[]string{"-month", "2020-13"}, 2, `-month "2020-13"`},
		{[]string{"-month", "June"}, 2, `-month "June"`},
		{[]string{"-month", "2021-06"}, 2, "a month of 2020"},
		{[]string{"-json=maybe"}, 2, "-json"},
		{[]string{"extra"}, 2, `unexpected argument "extra"`},
		{[]string{"-policy", "testdata/missing.json"}, 1, "missing.json"},
		{[]string{"-policy", "testdata/not-json.txt"}, 1, "not-json.txt"},
		{[]string{"-policy", "testdata/bad-policy.json"}, 1, "superb"},
		{[]string{"-policy", "testdata"}, 1, "testdata"},
	} {
		t.Run(strings.Join(tc.args, " "), func(t *testing.T) {
			r := runWith(tc.args...)
			if r.code != tc.code || r.stdout != "" || !strings.Contains(r.stderr, tc.msg) {
				t.Errorf("run(%q) = %d, stdout %q, stderr %q; want %d, nothing, a message with %q", tc.args, r.code, r.stdout, r.stderr, tc.code, tc.msg)
			}
			if strings.Contains(r.stderr, "panic") || strings.Contains(r.stderr, "goroutine") {
				t.Errorf("run(%q) stderr looks like a crash: %s", tc.args, r.stderr)
			}
		})
	}
	if r := runWith("-h"); r.code != 0 || !strings.Contains(r.stderr, "-policy") {
		t.Errorf("run(-h) = %d, stderr %q; want 0 and the usage", r.code, r.stderr)
	}
}

// TestConcurrent runs the program twice at once: with no shared mutable
// state, both print the same (go test -race checks the rest).
func TestConcurrent(t *testing.T) {
	var wg sync.WaitGroup
	out := make([]result, 2)
	for i := range out {
		wg.Add(1)
		go func() {
			defer wg.Done()
			out[i] = runWith("-month", "2020-11")
		}()
	}
	wg.Wait()
	if out[0].code != 0 {
		t.Fatalf("run = %d: %s", out[0].code, out[0].stderr)
	}
	if diff := cmp.Diff(out[0], out[1], cmp.AllowUnexported(result{})); diff != "" {
		t.Errorf("two runs differ (-first +second):\n%s", diff)
	}
}

// TestWidth checks display widths and that a table's columns line up.
func TestWidth(t *testing.T) {
	for _, tc := range []struct {
		s    string
		want int
	}{
		{"", 0}, {"abc", 3}, {"芜湖", 4}, {"91580 热线", 10}, {"（合成）", 8}, {"·", 1}, {"한글", 4}, {"𠀀", 2},
	} {
		if got := width(tc.s); got != tc.want {
			t.Errorf("width(%q) = %d; want %d", tc.s, got, tc.want)
		}
	}
	tb := table{align: "lr"}
	tb.add("部门", "得分")
	tb.add("国网芜湖供电公司", "92.41")
	tb.add("cgj", "7")
	lines := strings.Split(strings.TrimSuffix(tb.String(), "\n"), "\n")
	for _, l := range lines {
		if width(l) != width(lines[0]) {
			t.Errorf("line %q is %d columns wide; want %d like %q", l, width(l), width(lines[0]), lines[0])
		}
	}
}
