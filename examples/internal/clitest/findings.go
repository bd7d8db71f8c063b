package clitest

import "github.com/qingdan/qingdan/accountability"

// RulesAt reduces findings to what a test of an example's checks
// compares, the rule that found each and where, as values of the test's
// own type R (a struct of Rule and Path, written unkeyed in its tables),
// in order; nil if there are none. The examples' checks report errors with a message in
// English and in Chinese, so a finding that is no [accountability.Error]
// or lacks either message keeps its path but has its Rule prefixed with a
// note, and the test's comparison fails on it.
func RulesAt[R ~struct{ Rule, Path string }](fs accountability.Findings) []R {
	var out []R
	for _, f := range fs {
		if f.Chinese == "" || f.Message == "" || f.Severity != accountability.Error {
			out = append(out, R{Rule: "no Chinese, no message or not an error: " + f.Rule, Path: f.Path})
			continue
		}
		out = append(out, R{Rule: f.Rule, Path: f.Path})
	}
	return out
}
