package tablecase

import (
	"fmt"
	"strconv"
	"strings"
)

// This file is the coverage report that scoringtest (a decision table's
// rules) and assessmenttest (a sheet's items) share, in the manner of
// opa test --coverage: which rows of a policy a set of cases reached.

// Testing is the one method of *testing.T the helpers report through.
type Testing interface {
	Errorf(format string, args ...any)
}

// Policy names a policy in a coverage report: its Kind ("table",
// "sheet"), its Version, and what its rows are called ("rule", "item").
type Policy struct {
	Kind, Version, Row string
}

// Label names row n (1-based) of p as the policy's reasons do: rule 3
// "late", or rule 3 for a row with no name.
func (p Policy) Label(n int, name string) string {
	if name == "" {
		return p.Row + " " + strconv.Itoa(n)
	}
	return p.Row + " " + strconv.Itoa(n) + " " + strconv.Quote(name)
}

// Reach returns, for each of n rows numbered from 1, the names of the
// cases that reach it, in the cases' order, as [Name] gives them ("#i"
// for case i with no name(c)): reaches(c, reach) calls reach with the
// number of each row case c reaches. A number outside 1 to n is passed
// over.
func Reach[C any](n int, cases []C, name func(C) string, reaches func(c C, reach func(row int))) [][]string {
	by := make([][]string, n)
	for i, c := range cases {
		reaches(c, func(row int) {
			if row >= 1 && row <= n {
				by[row-1] = append(by[row-1], Name(name(c), i))
			}
		})
	}
	return by
}

// Unreached, Summary and Require take the rows of a report as each helper
// package declares them: a row names itself with String ("rule 3
// \"late\""), and cases(row) gives the names of the cases that reached it.

// Unreached returns the rows no case reached, in their order.
func Unreached[R any](rows []R, cases func(R) []string) []R {
	var out []R
	for _, r := range rows {
		if len(cases(r)) == 0 {
			out = append(out, r)
		}
	}
	return out
}

// Summary reports the coverage of p's rows one row a line:
//
//	table "wuhu-2026": 5 of 6 rules reached
//	rule 1 "not responded": 2 cases
//	rule 2 "returned": never reached
func Summary[R fmt.Stringer](p Policy, rows []R, cases func(R) []string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s %s: %d of %d %ss reached", p.Kind, strconv.Quote(p.Version), len(rows)-len(Unreached(rows, cases)), len(rows), p.Row)
	for _, r := range rows {
		switch n := len(cases(r)); n {
		case 0:
			fmt.Fprintf(&b, "\n%s: never reached", r)
		case 1:
			fmt.Fprintf(&b, "\n%s: 1 case", r)
		default:
			fmt.Fprintf(&b, "\n%s: %d cases", r, n)
		}
	}
	return b.String()
}

// Require fails t, through one t.Errorf, when some of p's rows is
// unreached, naming every such row:
//
//	table "wuhu-2026": no case reaches rule 2 "returned", rule 5 "late"
func Require[R fmt.Stringer](t Testing, p Policy, rows []R, cases func(R) []string) {
	if h, ok := t.(interface{ Helper() }); ok {
		h.Helper()
	}
	un := Unreached(rows, cases)
	if len(un) == 0 {
		return
	}
	names := make([]string, len(un))
	for i, r := range un {
		names[i] = r.String()
	}
	t.Errorf("%s %s: no case reaches %s", p.Kind, strconv.Quote(p.Version), strings.Join(names, ", "))
}

// Outcome is what a helper's call of the code under test gave for one
// case: the call's name ("Evaluate", "Apply"), a panic, an error, the
// result in brief for a message, and the mismatch of the result wanted
// ("" for none; it is asked for only when the case wants no error).
type Outcome struct {
	Call     string
	Panicked any
	Err      error
	Brief    func() string
	Diff     func() string
}

// Report reports, through t.Errorf, what is wrong with the outcome of the
// case named case, as [Where] names it, which wants an error containing
// wantErr, or none when wantErr is empty:
//
//	case "late": Apply panicked: …
//	case "late": Apply = 85 points, want an error containing "base"
//	case "late": Apply error "…", want one containing "base"
//	case "late": Apply refused: …
//	case "late": result mismatch (-want +got):
func Report(t Testing, where, wantErr string, o Outcome) {
	if h, ok := t.(interface{ Helper() }); ok {
		h.Helper()
	}
	switch {
	case o.Panicked != nil:
		t.Errorf("%s: %s panicked: %v", where, o.Call, o.Panicked)
	case wantErr != "" && o.Err == nil:
		t.Errorf("%s: %s = %s, want an error containing %q", where, o.Call, o.Brief(), wantErr)
	case wantErr != "" && !strings.Contains(o.Err.Error(), wantErr):
		t.Errorf("%s: %s error %q, want one containing %q", where, o.Call, o.Err, wantErr)
	case wantErr == "" && o.Err != nil:
		t.Errorf("%s: %s refused: %v", where, o.Call, o.Err)
	case wantErr == "":
		if diff := o.Diff(); diff != "" {
			t.Errorf("%s: result mismatch (-want +got):\n%s", where, diff)
		}
	}
}

// Call calls f, turning a panic into a value.
func Call[R any](f func() (R, error)) (r R, panicked any, err error) {
	defer func() {
		if p := recover(); p != nil {
			var zero R
			r, panicked, err = zero, p, nil
		}
	}()
	r, err = f()
	return r, nil, err
}
