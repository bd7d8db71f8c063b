// Package scoringtest helps a host test its evaluators and policy tables,
// in the manner of golang.org/x/tools/go/analysis/analysistest and
// testing/slogtest. It speaks the vocabulary of package accountabilitytest.
//
// [Run] grades table-driven [Case]s and reports each mismatch as
// "mismatch (-want +got)"; [RunFile] reads the cases from a JSON file in
// testdata ([ReadCases]), so that a policy's expected grades live next to
// the policy. [TestEvaluator] checks that an evaluator keeps the contract
// of scoring.Evaluator — no panic, deterministic, a refusal carries no
// result, every grade on the scale with exactly its points and with
// reasons, the facts left alone, the result the caller's own, safe for
// concurrent use — and returns every violation joined. [Cover] says which
// rows of a decision table the cases reach and which they never do, by
// rule number and name, as opa test --coverage does; [RequireCoverage]
// fails a test that leaves a row unreached and names every such row.
//
// The helpers report through a [Testing], the one method of *testing.T
// they need, so that they can themselves be tested with a fake. They start
// no subtests: each message begins with the name of its case, and, for
// a case of a file, with the file and the line the case begins on
// (testdata/speed.json:12: case "late": …). This package imports go-cmp and is meant for tests, and for tools that run them, as
// the qingdan command's test subcommand does.
package scoringtest
