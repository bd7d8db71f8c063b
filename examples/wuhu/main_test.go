package main

import (
	"bytes"
	"errors"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/qingdan/qingdan/examples/internal/clitest"
	"github.com/qingdan/qingdan/examples/internal/texttable"
	"github.com/qingdan/qingdan/internal/jsonx"
	"github.com/qingdan/qingdan/locality/wuhu"
	"github.com/qingdan/qingdan/matters"
	"github.com/qingdan/qingdan/scoring/reason"
)

// result is one run of the program.
type result struct {
	stdout, stderr string
	code           int
}

func runWith(args ...string) result {
	if len(args) == 1 && args[0] == "-json" {
		return annualJSON()
	}
	var out, errs bytes.Buffer
	code := run(args, &out, &errs)
	return result{out.String(), errs.String(), code}
}

// runReport runs the program with args, which give -json, wants it to
// exit 0 saying nothing on stderr, and reads its report back strictly; it
// returns the report and the JSON.
func runReport(t *testing.T, args ...string) (report, string) {
	t.Helper()
	r := runWith(args...)
	if r.code != 0 || r.stderr != "" {
		t.Fatalf("run(%q) = %d, stderr %q; want 0 and nothing", args, r.code, r.stderr)
	}
	var rep report
	if err := jsonx.Decode([]byte(r.stdout), &rep); err != nil {
		t.Fatal(err)
	}
	return rep, r.stdout
}

// annualJSON is the run with -json, which several tests read: run once,
// to keep the package's tests quick under -race.
var annualJSON = sync.OnceValue(func() result {
	var out, errs bytes.Buffer
	code := run([]string{"-json"}, &out, &errs)
	return result{out.String(), errs.String(), code}
})

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
		{"matter", []string{"-matter", "WH2020-0771"}},
		{"month-january", []string{"-month", "2020-01"}},
		{"whatif", []string{"-whatif", "data/policy-strict.json"}},
		{"reform", []string{"-reform"}},
		{"reform-json", []string{"-reform", "-json"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			clitest.Golden(t, run, tc.args, "testdata/"+tc.name+".golden")
		})
	}
}

// TestMonth checks the June review: its evaluations add up and it ranks
// departments by composite.
func TestMonth(t *testing.T) {
	t.Parallel()
	rep, _ := runReport(t, "-month", "2020-06", "-json")
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

// TestMatter follows the example matter the annual report names: its
// history replays to the same matter, and its evaluations are the ones
// the book holds for it, all from the report's policy.
func TestMatter(t *testing.T) {
	t.Parallel()
	annual, _ := runReport(t, "-json")
	if annual.Example == "" {
		t.Fatal("the annual report names no example matter")
	}
	one, _ := runReport(t, "-json", "-matter", annual.Example)
	v := one.Matter
	if v == nil || v.Matter.ID != annual.Example || v.Route.Type != v.Matter.Type {
		t.Fatalf("matter view %+v; want matter %s with its route", v, annual.Example)
	}
	got, err := matters.Replay(v.Matter.Events)
	if err != nil {
		t.Fatalf("replaying %s: %v", annual.Example, err)
	}
	if diff := cmp.Diff(v.Matter, got); diff != "" {
		t.Errorf("replayed matter mismatch (-want +got):\n%s", diff)
	}
	lead, support := 0, map[string]int{}
	for _, e := range v.Evaluations {
		if e.Matter != annual.Example || e.Result.Policy != annual.Policy || len(e.Result.Reasons) == 0 {
			t.Errorf("evaluation %+v; want one of %s by %s with reasons", e, annual.Example, annual.Policy)
		}
		switch {
		case e.Subject == v.Matter.Lead:
			lead++
		case e.Subject == v.Matter.Owner:
			if e.Evaluator != v.Matter.Platform || v.Matter.Platform == "" {
				t.Errorf("the owner %s graded by %s; only a platform grades the owner", e.Subject, e.Evaluator)
			}
		default:
			support[e.Subject]++
		}
	}
	// The example is staged and coordinated: the sub-district grades
	// every unit on it at each stage (分时段评价) and at the end.
	if lead < 3 || len(support) != len(v.Matter.Support) {
		t.Errorf("%d evaluations of the lead, support units graded %v; want stages and a final one, and each of %v as often", lead, support, v.Matter.Support)
	}
	for u, n := range support {
		if n != lead {
			t.Errorf("support unit %s graded %d times, want %d, as the lead", u, n, lead)
		}
	}
}

// TestPolicy checks that a policy file changes the grading and names its
// version, and that the shipped example policy loads.
func TestPolicy(t *testing.T) {
	t.Parallel()
	a, _ := runReport(t, "-json")
	b, _ := runReport(t, "-json", "-policy", "data/policy-strict.json")
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
	t.Parallel()
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
		{[]string{"-policy", "/dev/zero"}, 1, "longer than"},
		{[]string{"-matter", "WH1999-0001"}, 2, `-matter "WH1999-0001"`},
		{[]string{"-matter", "WH2020-0001", "-month", "2020-06"}, 2, "do not go together"},
		{[]string{"-whatif", "data/policy-strict.json", "-month", "2020-06"}, 2, "do not go together"},
		{[]string{"-reform", "-month", "2020-06"}, 2, "-month, -matter, -whatif and -reform do not go together"},
		{[]string{"-reform", "-journal", "testdata/reform.jsonl"}, 2, "-reform does not grade the year"},
		{[]string{"-reform", "-policy", "testdata/policy.json"}, 2, "-reform does not grade the year"},
		{[]string{"-whatif", "testdata/missing.json"}, 1, "-whatif: open testdata/missing.json"},
		{[]string{"-whatif", "testdata/bad-policy.json"}, 1, "superb"},
		{[]string{"-journal", "testdata/missing/2020.jsonl"}, 1, "-journal testdata/missing/2020.jsonl: no such file or directory"},
		{[]string{"-journal", "testdata"}, 1, "-journal testdata: is a directory"},
		{[]string{"-journal", ""}, 2, "-journal: want a file name"},
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
	if r := runWith("-h"); r.code != 0 || !strings.Contains(r.stderr, "-policy") || !strings.Contains(r.stderr, "-journal") || !strings.Contains(r.stderr, "-whatif") || !strings.Contains(r.stderr, "-reform") {
		t.Errorf("run(-h) = %d, stderr %q; want 0 and the usage", r.code, r.stderr)
	}
}

// TestConcurrent runs the program twice at once: with no shared mutable
// state, both print the same (go test -race checks the rest).
func TestConcurrent(t *testing.T) {
	t.Parallel()
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
		if got := texttable.Width(tc.s); got != tc.want {
			t.Errorf("texttable.Width(%q) = %d; want %d", tc.s, got, tc.want)
		}
	}
	tb := table{align: "lr"}
	tb.add("部门", "得分")
	tb.add("国网芜湖供电公司", "92.41")
	tb.add("cgj", "7")
	lines := strings.Split(strings.TrimSuffix(tb.String(), "\n"), "\n")
	for _, l := range lines {
		if texttable.Width(l) != texttable.Width(lines[0]) {
			t.Errorf("line %q is %d columns wide; want %d like %q", l, texttable.Width(l), texttable.Width(lines[0]), lines[0])
		}
	}
}

// TestDataCheck breaks the embedded data in several ways at once and
// checks that every problem is reported, each naming what is wrong.
func TestDataCheck(t *testing.T) {
	t.Parallel()
	w, err := loadWorld()
	if err != nil {
		t.Fatalf("the embedded data: %v", err)
	}
	w.dir.Routes = append(slices.Clone(w.dir.Routes), matters.Route{Type: "乱倒渣土", Lead: "hbj"})
	w.syn.Departments = w.syn.Departments[1:]
	w.syn.Satisfied = w.syn.Surveyed + 1
	w.syn.UnwhistledTypes = append(slices.Clone(w.syn.UnwhistledTypes), "占道洗车")
	err = w.check()
	if !errors.Is(err, errData) {
		t.Fatalf("check() = %v; want errData", err)
	}
	for _, want := range []string{`unknown department "hbj"`, `department "gdgs" has no profile`, "satisfied ≤ surveyed", "unwhistled type 占道洗车"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("check() = %v; want a problem with %q", err, want)
		}
	}
}

// FuzzFlags runs the program with arbitrary -month and -matter values: it
// may refuse them (exit 2), never panic, and writes either a report or an
// error, never both.
func FuzzFlags(f *testing.F) {
	f.Add("-month", "2020-06")
	f.Add("-month", "2020-6")
	f.Add("-matter", "WH2020-0050")
	f.Add("-matter", "")
	f.Add("-json", "x")
	f.Fuzz(func(t *testing.T, flag, value string) {
		if flag != "-month" && flag != "-matter" {
			return
		}
		r := runWith(flag, value)
		switch {
		case r.code == 0 && (r.stdout == "" || r.stderr != ""):
			t.Errorf("run(%s %q) = 0 with stdout %q, stderr %q", flag, value, r.stdout, r.stderr)
		case r.code != 0 && (r.stdout != "" || r.stderr == ""):
			t.Errorf("run(%s %q) = %d with stdout %q, stderr %q", flag, value, r.code, r.stdout, r.stderr)
		}
	})
}

// BenchmarkYear generates, runs through the lifecycle and grades the whole
// synthetic year (999 matters, about 1,150 evaluations).
func BenchmarkYear(b *testing.B) {
	w, err := loadWorld()
	if err != nil {
		b.Fatal(err)
	}
	t := wuhu.Table()
	a, err := build(w, t)
	if err != nil {
		b.Fatal(err)
	}
	checkTrail(b, a)
	b.ResetTimer()
	for range b.N {
		if _, err := build(w, t); err != nil {
			b.Fatal(err)
		}
	}
}

// TestReasonsInChinese checks that the matter report (-matter) writes an
// evaluation's reasons in Chinese, as qingdan whatif does, joined by a
// Chinese semicolon, not in the English the table recorded them in.
func TestReasonsInChinese(t *testing.T) {
	rs := []reason.Reason{{Rule: 9, Name: "late", Text: "补充说明"}, {Rule: 1, Name: "never responded"}}
	want := "规则 9「late」：补充说明；规则 1「never responded」"
	if got := reasonsText(rs); got != want {
		t.Errorf("reasonsText = %q; want %q", got, want)
	}
}
