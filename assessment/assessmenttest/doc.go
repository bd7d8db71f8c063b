// Package assessmenttest helps a host test its assessment sheets
// (考核细则), in the vocabulary of package scoringtest: [Run] applies a
// sheet to table-driven [Case]s and reports each mismatch as
// "mismatch (-want +got)"; [RunFile] reads the cases from a JSON file in
// testdata ([ReadCases]), so that a sheet's expected results live next to
// the sheet. [Cover] says which items of the sheet the cases reached —
// an item is reached when it moves a case's result or fires as a veto —
// and which they never did, by item number and name, as
// opa test --coverage does; [RequireCoverage] fails a test that leaves an
// item unreached and names every such item.
//
// The helpers report through a [Testing], the one method of *testing.T
// they need, so that they can themselves be tested with a fake; they take
// the sheet and the cases as plain data, so that a command-line tool can
// call them too. They start no subtests: each message begins with the
// name of its case, and, for a case of a file, with the file and the line
// the case begins on (testdata/cases.json:12: case "late": …). This
// package imports go-cmp and is meant for tests only.
package assessmenttest
