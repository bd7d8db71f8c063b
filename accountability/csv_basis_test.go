package accountability

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestReadBasisForms: the article of a basis line is read whole where it
// is a list of articles or names its item in parentheses, and text before
// the law's title is its Prefix only where it names an issuer or a rank.
func TestReadBasisForms(t *testing.T) {
	tests := []struct {
		line string
		want Basis
	}{
		{"《法》第三十条第一款第（二）项", Basis{Law: "法", Article: "第三十条第一款第（二）项"}},
		{"《法》第三十条第(二)项：条文", Basis{Law: "法", Article: "第三十条第(二)项", Text: "条文"}},
		{"《法》第五条、第六条规定：x", Basis{Law: "法", Article: "第五条、第六条", Text: "规定：x"}},
		{"《法》第三十一条第一次申请的，x", Basis{Law: "法", Article: "第三十一条", Text: "第一次申请的，x"}},
		{"《法》第三十一条从事x", Basis{Law: "法", Article: "第三十一条", Text: "从事x"}},
		{"中国人民银行《办法》第五条：x", Basis{Prefix: "中国人民银行", Law: "办法", Article: "第五条", Text: "x"}},
		{"执行《法》第五条：x", Basis{Law: "执行《法》第五条：x"}},
		{"贯彻执行《法》", Basis{Law: "贯彻执行《法》"}},
	}
	for _, tt := range tests {
		if diff := cmp.Diff(tt.want, parseBasis(tt.line, "")); diff != "" {
			t.Errorf("parseBasis(%q) mismatch (-want +got):\n%s", tt.line, diff)
		}
	}
}
