package assessment_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/qingdan/qingdan/assessment"
)

// TestReasonStringDoc: the lines Reason.String's doc comment shows are
// the lines it writes, byte for byte, for the reasons they describe.
func TestReasonStringDoc(t *testing.T) {
	f, err := parser.ParseFile(token.NewFileSet(), "sheet_reason.go", nil, parser.ParseComments)
	if err != nil {
		t.Fatal(err)
	}
	var doc []string
	for _, decl := range f.Decls {
		if fn, ok := decl.(*ast.FuncDecl); ok && fn.Name.Name == "String" && fn.Recv != nil && fn.Doc != nil {
			for _, line := range strings.Split(fn.Doc.Text(), "\n") {
				if strings.HasPrefix(line, "\t") {
					doc = append(doc, strings.TrimPrefix(line, "\t"))
				}
			}
		}
	}
	band := assessment.Band{From: dp("0.9"), Below: dp("0.95"), Points: d("-1")}
	var got []string
	for _, r := range []assessment.Reason{
		{Name: "被督办", Fact: "督办", Count: 3, Each: dp("-1"), Points: d("-3")},
		{Name: "超时办结", Fact: "超时", Count: 12, Each: dp("-0.5"), Points: d("-5"), Capped: true},
		{Name: "响应率", Fact: "响应率", Rate: dp("0.92"), Band: &band, Points: d("-1")},
		{Name: "重大责任事故", Fact: "责任事故", Count: 1, Veto: &assessment.Veto{Points: dp("60")}},
		{Name: "满意率过低", Fact: "满意率", Rate: dp("0.55"), Veto: &assessment.Veto{Grade: "fail", Below: dp("0.6")}, Label: "不合格"},
	} {
		got = append(got, r.String())
	}
	if diff := cmp.Diff(doc, got); diff != "" {
		t.Errorf("Reason.String's doc mismatch (-doc +written):\n%s", diff)
	}
}
