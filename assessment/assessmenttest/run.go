package assessmenttest

import (
	"io"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/qingdan/qingdan/assessment"
	"github.com/qingdan/qingdan/internal/jsonx"
	"github.com/qingdan/qingdan/internal/tablecase"
)

// Testing is the part of *testing.T the helpers use: *testing.T,
// *testing.B and *testing.F satisfy it, and so can a fake. If t also has a
// Helper method, as they do, the helpers call it, so that failures are
// reported at the caller's line. It is the same as scoringtest.Testing.
type Testing interface {
	Errorf(format string, args ...any)
}

// Case is one sheet case: a unit's facts and the result wanted. In a file
// read by [ReadCases], cases are a JSON array of objects with the keys
// "name", "facts", "want" and "err".
//
// Points and Grade of Want are always compared (Points by value: 85
// equals 85.0). Sheet and Unit are compared only when set. When
// Want.Reasons is not nil (an empty list wants no reason), the reasons
// are compared, and so are Base, Bonus, Deduction and the cap flags: a
// case that lists reasons gives the whole result. When Err is set, Apply
// must refuse with an error whose message contains Err, and Want is not
// looked at.
type Case struct {
	Name  string            `json:"name"`
	Facts assessment.Facts  `json:"facts"`
	Want  assessment.Result `json:"want"`
	Err   string            `json:"err,omitempty"`
}

// Run applies s to every case and reports, through t.Errorf, each case
// whose result differs, as
//
//	case "late": result mismatch (-want +got):
//	…
//
// and each case where Apply panics, refuses when it should not, or does
// not refuse when it should. A case with no Name is named by its
// position, "#0", "#1", …. Run does not validate s; Run panics if s is
// nil.
//
// No cases at all (nil or an empty slice) fail the test too, as a file of
// none does with [RunFile]: a table that asserts nothing must not pass.
//
//	assessmenttest: Run: no cases (nil or empty): a table of no cases tests nothing
func Run(t Testing, s *assessment.Sheet, cases []Case) {
	if h, ok := t.(interface{ Helper() }); ok {
		h.Helper()
	}
	if s == nil {
		panic("assessmenttest: Run: nil *assessment.Sheet")
	}
	if len(cases) == 0 {
		tablecase.NoCases(t, "assessmenttest")
	}
	run(t, s, cases, nil)
}

// run is [Run] of cases that begin where at says, as [tablecase.Where]
// names them.
func run(t Testing, s *assessment.Sheet, cases []Case, at []string) {
	if h, ok := t.(interface{ Helper() }); ok {
		h.Helper()
	}
	for i, c := range cases {
		got, panicked, err := apply(s, c.Facts)
		tablecase.Report(t, tablecase.Where(at, c.Name, i), c.Err, tablecase.Outcome{Call: "Apply", Panicked: panicked, Err: err,
			Brief: func() string { return jsonx.FormatDecimal(got.Points) + " points" },
			Diff:  func() string { return cmp.Diff(c.Want, asWanted(c.Want, got), cmpopts.EquateEmpty()) }})
	}
}

// asWanted clears the fields of got that want leaves out.
func asWanted(want, got assessment.Result) assessment.Result {
	if want.Sheet == "" {
		got.Sheet = ""
	}
	if want.Unit == "" {
		got.Unit = ""
	}
	if want.Reasons == nil {
		got.Reasons = nil
		got.Base, got.Bonus, got.Deduction = want.Base, want.Bonus, want.Deduction
		got.BonusCapped, got.DeductionCapped = want.BonusCapped, want.DeductionCapped
	}
	return got
}

// RunFile reads the cases of the JSON file at path, usually under
// testdata, with [ReadCases] and runs them with [Run], naming each case
// that fails by the file and the line it begins on:
//
//	testdata/cases.json:12: case "late": result mismatch (-want +got):
//
// A file that cannot be read or decoded, or that holds no cases, is
// reported through t.Errorf, naming the package and the file once each,
// and nothing is run:
//
//	assessmenttest: testdata/cases.json:3:5: reading cases: …
func RunFile(t Testing, s *assessment.Sheet, path string) {
	if s == nil {
		panic("assessmenttest: RunFile: nil *assessment.Sheet")
	}
	if h, ok := t.(interface{ Helper() }); ok {
		h.Helper()
	}
	if cs, at, ok := tablecase.Load[Case](t, "assessmenttest", assessment.ErrFacts, path); ok {
		run(t, s, cs, at)
	}
}

// ReadCases reads a JSON array of [Case]s strictly: a field a case, its
// facts or its result do not have (a misspelt "cuonts" must not make a
// case pass), a key given twice or in another case, text that is not
// UTF-8, a decimal not in plain form or longer than 64 characters,
// anything after the array, more than 16 MiB and no cases at all (which
// would test nothing) are errors, each wrapping assessment.ErrFacts. Counts are JSON integers, rates and
// points decimal strings ("0.95").
func ReadCases(r io.Reader) ([]Case, error) {
	return tablecase.Read[Case]("assessmenttest", assessment.ErrFacts, r)
}

// apply calls s.Apply, turning a panic into a value.
func apply(s *assessment.Sheet, f assessment.Facts) (assessment.Result, any, error) {
	return tablecase.Call(func() (assessment.Result, error) { return s.Apply(f) })
}
