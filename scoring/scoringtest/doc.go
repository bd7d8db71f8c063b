// Package scoringtest helps a host test its evaluators and policy tables,
// in the manner of golang.org/x/tools/go/analysis/analysistest and
// testing/fstest.
//
// [Run] grades table-driven [Case]s and reports each mismatch as
// "mismatch (-want +got)"; [RunFile] reads the cases from a JSON file in
// testdata, so that a policy's expected grades live next to the policy.
// [TestEvaluator] checks that an evaluator keeps the contract of
// scoring.Evaluator — deterministic, no panic, a refusal carries no
// result, every grade on the scale with exactly its points and with
// reasons, Attrs left alone, safe for concurrent use — and returns every
// violation joined.
//
// The helpers take a [TB], the few methods of testing.TB they use, so
// that they can themselves be tested with a fake.
package scoringtest
