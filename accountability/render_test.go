package accountability

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestRenderGolden(t *testing.T) {
	r := sound()
	for _, f := range r.Flows {
		golden(t, "flow-"+f.ID+".dot", []byte(f.DOT(r.Risks...)))
		golden(t, "flow-"+f.ID+".mmd", []byte(f.Mermaid(r.Risks...)))
	}
}

func TestRenderEscapes(t *testing.T) {
	f := Flow{ID: `F"1`, Name: "名\n称", Steps: []Step{
		{ID: `a"b`, Name: `say "hi" \ bye`, Kind: Start},
		{ID: "c", Name: "line1\nline2", Kind: Gateway, Stage: Decision, Post: "岗", Days: 2},
	}, Edges: []Edge{{From: `a"b`, To: "c", Label: `"yes"`}, {From: "c", To: "ghost"}}}
	risks := []Risk{{ID: "R", Flow: `F"1`, Step: "c", Level: High}, {ID: "other flow", Flow: "G", Step: "c", Level: Low}}
	dot := f.DOT(risks...)
	for _, want := range []string{
		`digraph "F\"1" {`,
		`"a\"b" [label="say \"hi\" \\ bye", shape=oval];`,
		`"c" [label="line1\nline2\n【决定】 岗 2个工作日\n风险点 R（一级）", shape=diamond, style="filled", fillcolor="#f8cecc", color="#b85450", penwidth=2];`,
		`"a\"b" -> "c" [label="\"yes\""];`,
		`"c" -> "ghost";`,
	} {
		if !strings.Contains(dot, want) {
			t.Errorf("DOT() lacks %s:\n%s", want, dot)
		}
	}
	if strings.Contains(dot, "other flow") {
		t.Errorf("DOT() shows a risk of another flow:\n%s", dot)
	}
	mm := f.Mermaid(risks...)
	for _, want := range []string{
		"%% F\"1 名 称\n",
		`s0(["say #quot;hi#quot; \ bye"])`,
		`s1{"line1<br/>line2<br/>【决定】 岗 2个工作日<br/>风险点 R（一级）"}`,
		`s0 -->|"#quot;yes#quot;"| s1`,
		`x0["ghost"]`,
		"class s1 high\n",
	} {
		if !strings.Contains(mm, want) {
			t.Errorf("Mermaid() lacks %s:\n%s", want, mm)
		}
	}
	if a, b := f.DOT(risks...), f.DOT(risks...); a != b {
		t.Error("DOT() is not deterministic")
	}
}

// TestDocsFlowExample keeps docs/flow-example.dot, the source of
// docs/flow-example.png, equal to what DOT renders for the penalty flow.
// After -update, re-render the PNG: dot -Tpng docs/flow-example.dot -o docs/flow-example.png
func TestDocsFlowExample(t *testing.T) {
	r := sound()
	got := []byte(r.Flows[0].DOT(r.Risks...))
	path := filepath.Join("..", "docs", "flow-example.dot")
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("reading %s (run with -update to create it): %v", path, err)
	}
	if diff := cmp.Diff(string(want), string(got)); diff != "" {
		t.Errorf("%s mismatch (-want +got):\n%s", path, diff)
	}
}
