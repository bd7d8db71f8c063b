package scoringtest

import (
	"fmt"
	"io"

	"github.com/google/go-cmp/cmp"
	"github.com/qingdan/qingdan/internal/jsonx"
	"github.com/qingdan/qingdan/internal/tablecase"
	"github.com/qingdan/qingdan/scoring"
)

// Testing is the part of *testing.T the helpers use: *testing.T,
// *testing.B and *testing.F satisfy it, and so can a fake. If t also has a
// Helper method, as they do, the helpers call it, so that failures are
// reported at the caller's line. It is the same as
// accountabilitytest.Testing.
type Testing interface {
	Errorf(format string, args ...any)
}

// Case is one table case: the facts and the result wanted. In a file read
// by [ReadCases], cases are a JSON array of objects with the keys "name",
// "facts", "want" and "err".
//
// Grade and Points of Want are always compared (Points by value: 85 equals
// 85.0). Policy is compared only when Want.Policy is set, Reasons only
// when Want.Reasons is not nil. When Err is set, the evaluator must refuse
// with an error whose message contains Err, and Want is not looked at.
type Case struct {
	Name  string         `json:"name"`
	Facts scoring.Facts  `json:"facts"`
	Want  scoring.Result `json:"want"`
	Err   string         `json:"err,omitempty"`
}

// Run grades every case with e and reports, through t.Errorf, each case
// whose result differs, as
//
//	case "late": result mismatch (-want +got):
//	…
//
// and each case where the evaluator panics, refuses when it should not, or
// does not refuse when it should. A case with no Name is named by its
// position, "#0", "#1", …. Run panics if e is nil.
//
// No cases at all (nil or an empty slice) fail the test too, as a file of
// none does with [RunFile]: a table that asserts nothing must not pass.
//
//	scoringtest: Run: no cases (nil or empty): a table of no cases tests nothing
func Run(t Testing, e scoring.Evaluator, cases []Case) {
	if h, ok := t.(interface{ Helper() }); ok {
		h.Helper()
	}
	if e == nil {
		panic("scoringtest: Run: nil scoring.Evaluator")
	}
	if len(cases) == 0 {
		tablecase.NoCases(t, "scoringtest")
	}
	run(t, e, cases, nil)
}

// run is [Run] of cases that begin where at says, as [tablecase.Where]
// names them.
func run(t Testing, e scoring.Evaluator, cases []Case, at []string) {
	if h, ok := t.(interface{ Helper() }); ok {
		h.Helper()
	}
	for i, c := range cases {
		got, panicked, err := evaluate(e, c.Facts)
		tablecase.Report(t, tablecase.Where(at, c.Name, i), c.Err, tablecase.Outcome{Call: "Evaluate", Panicked: panicked, Err: err,
			Brief: func() string { return brief(got) },
			Diff: func() string {
				want := c.Want
				if want.Policy == "" {
					got.Policy = ""
				}
				if want.Reasons == nil {
					got.Reasons = nil
				}
				return cmp.Diff(want, got)
			}})
	}
}

// RunFile reads the cases of the JSON file at path, usually under
// testdata, with [ReadCases] and runs them with [Run], naming each case
// that fails by the file and the line it begins on:
//
//	testdata/speed.json:12: case "late": result mismatch (-want +got):
//
// A file that cannot be read or decoded, or that holds no cases, is
// reported through t.Errorf, naming the package and the file once each,
// and nothing is run:
//
//	scoringtest: testdata/speed.json:3:5: reading cases: …
func RunFile(t Testing, e scoring.Evaluator, path string) {
	if e == nil {
		panic("scoringtest: RunFile: nil scoring.Evaluator")
	}
	if h, ok := t.(interface{ Helper() }); ok {
		h.Helper()
	}
	if cs, at, ok := tablecase.Load[Case](t, "scoringtest", scoring.ErrInvalid, path); ok {
		run(t, e, cs, at)
	}
}

// ReadCases reads a JSON array of [Case]s strictly: a field a case, its
// facts or its result do not have (a misspelt "qualty" must not make a
// case pass), a key given twice or in another case, text that is not
// UTF-8, anything after the array, more than 16 MiB and no cases at all
// (which would test nothing) are errors, each wrapping scoring.ErrInvalid. Durations in facts are Go duration strings
// ("4h0m0s").
func ReadCases(r io.Reader) ([]Case, error) {
	return tablecase.Read[Case]("scoringtest", scoring.ErrInvalid, r)
}

// brief says r's grade and its points, exactly: two results whose points
// differ past the second place must not read the same.
func brief(r scoring.Result) string {
	if r.IsZero() {
		return "the zero Result"
	}
	return fmt.Sprintf("%s (%s points)", r.Grade, jsonx.FormatDecimal(r.Points))
}

// evaluate calls e, turning a panic into a value.
func evaluate(e scoring.Evaluator, f scoring.Facts) (scoring.Result, any, error) {
	return tablecase.Call(func() (scoring.Result, error) { return e.Evaluate(f) })
}
