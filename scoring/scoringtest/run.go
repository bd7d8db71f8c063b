package scoringtest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/google/go-cmp/cmp"
	"github.com/qingdan/qingdan/scoring"
)

// TB is the part of testing.TB the helpers use: *testing.T, *testing.B
// and *testing.F satisfy it, and so can a fake of the caller's own. It is
// the same as accountabilitytest.TB.
type TB interface {
	Helper()
	Errorf(format string, args ...any)
	Fatalf(format string, args ...any)
}

// Case is one table case: the facts and the result wanted.
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
// does not refuse when it should.
func Run(t TB, e scoring.Evaluator, cases []Case) {
	t.Helper()
	if e == nil {
		t.Fatalf("scoringtest.Run: nil evaluator")
		return
	}
	for i, c := range cases {
		name := c.Name
		if name == "" {
			name = fmt.Sprintf("#%d", i)
		}
		got, panicked, err := evaluate(e, c.Facts)
		switch {
		case panicked != nil:
			t.Errorf("case %q: Evaluate panicked: %v", name, panicked)
		case c.Err != "" && err == nil:
			t.Errorf("case %q: Evaluate = %s, want an error containing %q", name, brief(got), c.Err)
		case c.Err != "" && !strings.Contains(err.Error(), c.Err):
			t.Errorf("case %q: Evaluate error %q, want one containing %q", name, err, c.Err)
		case c.Err == "" && err != nil:
			t.Errorf("case %q: Evaluate refused: %v", name, err)
		case c.Err == "":
			want := c.Want
			if want.Policy == "" {
				got.Policy = ""
			}
			if want.Reasons == nil {
				got.Reasons = nil
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("case %q: result mismatch (-want +got):\n%s", name, diff)
			}
		}
	}
}

// RunFile reads cases from the JSON file at path (see [ReadCases]) and
// runs them; a file that does not read is fatal.
func RunFile(t TB, e scoring.Evaluator, path string) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatalf("scoringtest: %v", err)
		return
	}
	defer f.Close()
	cases, err := ReadCases(f)
	if err != nil {
		t.Fatalf("scoringtest: %s: %v", path, err)
		return
	}
	Run(t, e, cases)
}

// ReadCases reads a JSON array of cases. Unknown fields are errors, so
// that a misspelt field does not silently drop a condition; durations in
// facts are Go duration strings ("4h0m0s").
func ReadCases(r io.Reader) ([]Case, error) {
	if r == nil {
		return nil, fmt.Errorf("scoringtest: ReadCases from a nil reader")
	}
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var cases []Case
	if err := dec.Decode(&cases); err != nil {
		return nil, err
	}
	if dec.More() {
		return nil, fmt.Errorf("trailing data after the cases")
	}
	return cases, nil
}

// evaluate calls e, turning a panic into a value.
func evaluate(e scoring.Evaluator, f scoring.Facts) (r scoring.Result, panicked any, err error) {
	defer func() {
		if p := recover(); p != nil {
			r, panicked, err = scoring.Result{}, p, nil
		}
	}()
	r, err = e.Evaluate(f)
	return r, nil, err
}

func brief(r scoring.Result) string {
	if r.IsZero() {
		return "the zero Result"
	}
	return fmt.Sprintf("%s (%s points)", r.Grade, r.Points.StringFixed(2))
}
