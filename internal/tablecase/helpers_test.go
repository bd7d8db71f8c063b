package tablecase_test

// The test-helper packages accountabilitytest, assessmenttest and
// scoringtest speak one vocabulary: Run, RunFile and ReadCases behave
// alike in each. These tests hold them to it, each test over every one.

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/qingdan/qingdan/accountability"
	"github.com/qingdan/qingdan/accountability/accountabilitytest"
	"github.com/qingdan/qingdan/assessment"
	"github.com/qingdan/qingdan/assessment/assessmenttest"
	"github.com/qingdan/qingdan/internal/hardening"
	"github.com/qingdan/qingdan/internal/tablecase"
	"github.com/qingdan/qingdan/scoring"
	"github.com/qingdan/qingdan/scoring/scoringtest"
)

// errorfer is the seam both packages take (their Testing).
type errorfer interface {
	Errorf(format string, args ...any)
}

// helperPackage is one test-helper package as these tests drive it, with
// a rule or evaluator that never fails, or assessment's sound sheet.
type helperPackage struct {
	name     string // the prefix of its errors
	sentinel error  // the invalid-input error its errors wrap
	sound    string // a file of sound cases
	// helpers is how many times run(t, 1) and runFile(t, sound) call
	// t.Helper: Run and the run it calls, RunFile, the tablecase.Load
	// that reads the file and the run it calls (5), and in scoringtest
	// and assessmenttest the report of each case (1 + the 4 of sound, 1 +
	// the 5 of sound).
	helpers int
	// free reports the paths of the sound file whose keys are data.
	free func(path string) bool
	// misspelt is cases with a key misspelt deep inside, and misspeltAt
	// the end of the error that names it.
	misspelt, misspeltAt string
	// pass and fail are a case named "ok" that passes and one named "bad"
	// that fails, as JSON.
	pass, fail string
	calls
}

// calls are the package's Run, RunFile and ReadCases as the tests call
// them: run runs n nameless cases (nil for n < 0), runFile the cases of a file, and read
// reads cases (and runs them, when they are read).
type calls struct {
	run     func(t errorfer, n int)
	runFile func(t errorfer, path string)
	read    func(t errorfer, r io.Reader) error
}

// callsOf gives the calls of a package whose Run and RunFile take the
// package's Testing (T) and subject (a rule, an evaluator or a sheet),
// and whose ReadCases reads its cases (C). Each Testing has errorfer's
// one method, so t.(T) always holds; that the three packages compile
// here is the check that their helpers have one shape.
func callsOf[T errorfer, S, C any](subject S, run func(T, S, []C), runFile func(T, S, string), readCases func(io.Reader) ([]C, error)) calls {
	return calls{
		run: func(t errorfer, n int) {
			var cs []C // nil for n < 0
			if n >= 0 {
				cs = make([]C, n)
			}
			run(t.(T), subject, cs)
		},
		runFile: func(t errorfer, path string) { runFile(t.(T), subject, path) },
		read: func(t errorfer, r io.Reader) error {
			cs, err := readCases(r)
			run(t.(T), subject, cs)
			return err
		},
	}
}

var silent = accountability.Rule{Name: "t.silent", Doc: "t.silent: reports nothing",
	Check: func(*accountability.Register, func(accountability.Finding)) {}}

// testSheet is the sound sheet of assessment's tests, which the cases of
// assessmenttest's testdata are written for.
var testSheet = func() *assessment.Sheet {
	f, err := os.Open("../../assessment/testdata/sheet.json")
	if err != nil {
		panic(err)
	}
	defer f.Close()
	s, err := assessment.LoadSheet(f)
	if err != nil {
		panic(err)
	}
	return s
}()

var helperPackages = []helperPackage{
	{
		name: "accountabilitytest", sentinel: accountability.ErrInvalid,
		sound: "../../accountability/accountabilitytest/testdata/name.json", helpers: 5,
		misspelt:   `[{"register":{"powers":[{"code":"A","nmae":"x"}]}}]`,
		misspeltAt: `unknown field "nmae" at [0].register.powers[0]`,
		pass:       `{"name": "ok"}`,
		fail:       `{"name": "bad", "want": [{"rule": "x", "severity": "error", "path": "p", "message": "m"}]}`,
		calls:      callsOf(silent, accountabilitytest.Run, accountabilitytest.RunFile, accountabilitytest.ReadCases),
	},
	{
		name: "assessmenttest", sentinel: assessment.ErrFacts,
		sound: "../../assessment/assessmenttest/testdata/cases.json", helpers: 11,
		free:       func(path string) bool { return strings.HasSuffix(path, ".counts") || strings.HasSuffix(path, ".rates") },
		misspelt:   `[{"facts":{"unit":"u","cuonts":{"督办":1}},"want":{"points":"1"}}]`,
		misspeltAt: `unknown field "cuonts" at [0].facts`,
		pass:       `{"name": "ok", "facts": {"unit": "u"}, "err": "no base"}`,
		fail:       `{"name": "bad", "facts": {"unit": "u"}, "err": "zzz"}`,
		calls:      callsOf(testSheet, assessmenttest.Run, assessmenttest.RunFile, assessmenttest.ReadCases),
	},
	{
		name: "scoringtest", sentinel: scoring.ErrInvalid,
		sound: "../../scoring/scoringtest/testdata/speed.json", helpers: 10,
		misspelt:   `[{"facts":{"responded":true,"qualty":5},"want":{"grade":"excellent","points":"100"}}]`,
		misspeltAt: `unknown field "qualty" at [0].facts`,
		pass:       `{"name": "ok"}`,
		fail:       `{"name": "bad", "want": {"grade": "good", "points": "85"}}`,
		calls:      callsOf(scoring.First(), scoringtest.Run, scoringtest.RunFile, scoringtest.ReadCases),
	},
}

// TestHelpersCallHelper: Run, RunFile and the Run it calls each call
// Helper (and scoringtest's report of a case), so that failures are
// reported at the caller's line.
func TestHelpersCallHelper(t *testing.T) {
	for _, h := range helperPackages {
		var rec tablecase.HelperRecorder
		h.run(&rec, 1)
		h.runFile(&rec, h.sound)
		if rec.Helpers != h.helpers {
			t.Errorf("%s: Helper called %d times, want %d", h.name, rec.Helpers, h.helpers)
		}
		// testing marks the function that calls Helper: the public
		// helpers must call it in their own bodies.
		for _, f := range []string{h.name + ".Run", h.name + ".RunFile"} {
			if !slices.Contains(rec.Callers, f) {
				t.Errorf("%s: Helper called by %q, never by %s", h.name, rec.Callers, f)
			}
		}
	}
}

// TestRunFileFailures: a file that cannot be opened or decoded is
// reported once, naming the package and the file once each, and nothing
// is run; a file that is not JSON, by the line and column where it stops
// being JSON (a comma left out after a case, one left after the last), as
// an editor counts them; a file of no cases as one that tests nothing.
func TestRunFileFailures(t *testing.T) {
	dir := t.TempDir()
	write := func(name, data string) string {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(data), 0o600); err != nil {
			t.Fatal(err)
		}
		return path
	}
	noComma := write("no-comma.json", "[\n  {\"name\": \"a\"}\n  {\"name\": \"乙\"}\n]\n")
	trailing := write("trailing.json", "[\n  {\"name\": \"甲\"},\n  {\"name\": \"乙\"},\n]\n")
	oneLine := write("one-line.json", "[{\"name\": \"甲\"} {\"name\": \"乙\"}]\n") // 甲 one column, not three
	empty := write("empty.json", "[]\n")
	null := write("null.json", "null")
	for i, h := range helperPackages {
		misspelt := write(fmt.Sprintf("misspelt-%d.json", i), h.misspelt)
		for _, tt := range []struct{ path, want string }{
			{"testdata/missing.json", h.name + ": open testdata/missing.json: "},
			{dir, h.name + ": read " + dir + ": "},
			{"helpers_test.go", h.name + ": helpers_test.go:1:1: reading cases: "},
			{noComma, h.name + ": " + noComma + ":3:3: reading cases: "},
			{trailing, h.name + ": " + trailing + ":4:1: reading cases: "},
			{oneLine, h.name + ": " + oneLine + ":1:16: reading cases: "},
			{misspelt, h.name + ": " + misspelt + ": reading cases: "},
			{empty, h.name + ": " + empty + ": reading cases: no cases "},
			{null, h.name + ": " + null + ": reading cases: no cases "},
		} {
			var rec tablecase.Recorder
			call := fmt.Sprintf("%s.RunFile(%q)", h.name, tt.path)
			h.runFile(&rec, tt.path)
			rec.Check(t, call, []string{tt.want})
			for _, m := range rec.Reports {
				if strings.Count(m, h.name) != 1 || strings.Count(m, tt.path) != 1 {
					t.Errorf("%s: message %q names %q or %q more than once", call, m, h.name, tt.path)
				}
			}
		}
	}
}

// TestRunNoCases: Run of no cases, nil or empty, fails the test, as a
// file of no cases does: a table that asserts nothing must not pass.
func TestRunNoCases(t *testing.T) {
	for _, h := range helperPackages {
		for _, c := range []struct {
			n    int // cases, nil for -1
			what string
		}{{-1, "nil"}, {0, "an empty slice"}} {
			var rec tablecase.Recorder
			h.run(&rec, c.n)
			rec.Check(t, fmt.Sprintf("%s.Run(%s)", h.name, c.what), []string{h.name + ": Run: no cases "})
		}
		var rec tablecase.Recorder
		err := h.read(&rec, strings.NewReader("[]"))
		if !errors.Is(err, h.sentinel) {
			t.Errorf("%s.ReadCases([]) = %v, want an error wrapping %q", h.name, err, h.sentinel)
		}
		rec.Check(t, h.name+".Run of what ReadCases([]) gave", []string{h.name + ": Run: no cases "})
	}
}

// TestRunFileNamesTheLine: a case of a file that fails is reported with
// the file and the line it begins on, and so is every failing case, an
// unnamed one by its position in the file.
func TestRunFileNamesTheLine(t *testing.T) {
	for _, h := range helperPackages {
		path := filepath.Join(t.TempDir(), "cases.json")
		unnamed := strings.Replace(h.fail, `"name": "bad", `, "", 1)
		data := "[\n  " + h.pass + ",\n  " + h.fail + ",\n\n  " + unnamed + "\n]\n"
		if err := os.WriteFile(path, []byte(data), 0o600); err != nil {
			t.Fatal(err)
		}
		var rec tablecase.Recorder
		h.runFile(&rec, path)
		rec.Check(t, h.name+".RunFile", []string{path + `:3: case "bad": `, path + `:5: case "#2": `})
	}
}

// TestReadCasesStrict: ReadCases refuses a misspelt key, a key in another
// case, a key given twice and text that is not UTF-8, at every place of a
// sound file, inside what a case holds too, with an error wrapping the
// package's sentinel.
func TestReadCasesStrict(t *testing.T) {
	for _, h := range helperPackages {
		t.Run(h.name, func(t *testing.T) {
			sound, err := os.ReadFile(h.sound)
			if err != nil {
				t.Fatal(err)
			}
			hardening.Strict(t, sound, hardening.StrictOptions{Free: h.free}, h.sentinel, func(b []byte) error {
				return h.read(&tablecase.Recorder{}, bytes.NewReader(b))
			})
		})
	}
}

// TestReadCasesErrors: ReadCases names the place of a misspelt key, and
// refuses more than tablecase.MaxBytes (16 MiB) and a file of no cases
// (which would test nothing and pass), with an error wrapping the
// package's sentinel.
func TestReadCasesErrors(t *testing.T) {
	long := `[{"name":"` + strings.Repeat("x", tablecase.MaxBytes) + `"}]`
	for _, h := range helperPackages {
		for _, tt := range []struct{ what, in, want string }{
			{"a misspelt key", h.misspelt, h.misspeltAt},
			{"17 MiB", long, "longer than 16777216 bytes"},
			{"an empty array", "[]", "no cases"},
			{"null", " null\n", "no cases"},
		} {
			err := h.read(&tablecase.Recorder{}, strings.NewReader(tt.in))
			if !errors.Is(err, h.sentinel) || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("%s.ReadCases(%s) = %.300v, want an error wrapping %q containing %q", h.name, tt.what, err, h.sentinel, tt.want)
			}
		}
	}
}

// FuzzReadCases reads arbitrary bytes as the cases of each package, in
// time linear in their length, and runs them with a fake T: nothing may
// panic, and a refusal wraps the package's sentinel and begins
// "pkg: reading cases: ", as TestReadCasesErrors wants of the known ones.
func FuzzReadCases(f *testing.F) {
	f.Add([]byte(`[{"name":"a","register":{"powers":[{"code":"A"}]},"want":[{"rule":"local.name","severity":"error","path":"powers[A]","message":"m"}]}]`))
	f.Add([]byte(`[{"name":"x","facts":{"responded":true,"response":"1h0m0s"},"want":{"grade":"good","points":"85"}}]`))
	f.Add([]byte(`[{"name":"a cap binds","facts":{"unit":"u","base":"88.5","counts":{"督办":2},"rates":{"响应率":"0.92"}},"want":{"points":"83","grade":"good"}}]`))
	f.Add([]byte(`[{"err":"no rule"}]`))
	f.Add([]byte(`[{}]`))
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, h := range helperPackages {
			var err error
			hardening.Linear(t, len(data), func() { err = h.read(&tablecase.Recorder{}, bytes.NewReader(data)) })
			if err != nil && (!errors.Is(err, h.sentinel) || !strings.HasPrefix(err.Error(), h.name+": reading cases: ")) {
				t.Fatalf("%s.ReadCases(%q) = %.300v, want an error wrapping %q that begins %q", h.name, data, err, h.sentinel, h.name+": reading cases: ")
			}
		}
	})
}
