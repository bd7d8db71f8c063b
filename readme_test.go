package qingdan_test

import (
	"os"
	"slices"
	"strings"
	"testing"
)

// TestREADMEExcerpts holds the README's excerpts of the examples' output
// to the examples' golden files, which their own tests hold to the
// programs: every line an excerpt quotes, but the "…" that marks a cut,
// is a line of the example's output.
func TestREADMEExcerpts(t *testing.T) {
	readme, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	golden := map[string]string{
		"wuhu":      "examples/wuhu/testdata/default.golden",
		"chaohu":    "examples/chaohu/testdata/chaohu.golden",
		"shatanglu": "examples/shatanglu/testdata/2020-06.golden",
	}
	checked := map[string]int{}
	blocks := strings.Split(string(readme), "```")
	for i := 1; i < len(blocks); i += 2 {
		lines := strings.Split(strings.TrimSuffix(blocks[i], "\n"), "\n")
		var example string
		switch before := blocks[i-1]; {
		case len(lines) > 1 && strings.HasPrefix(lines[1], "$ go run ./examples/"):
			example, lines = strings.TrimPrefix(lines[1], "$ go run ./examples/"), lines[2:]
		case strings.HasSuffix(strings.TrimSpace(before), "`go run ./examples/wuhu` prints (excerpt):"):
			example, lines = "wuhu", lines[1:]
		default:
			continue
		}
		path, ok := golden[example]
		if !ok {
			t.Errorf("README quotes the output of examples/%s, which has no golden file here", example)
			continue
		}
		out, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		have := strings.Split(string(out), "\n")
		for _, l := range lines {
			if strings.TrimSpace(l) == "…" {
				continue
			}
			checked[example]++
			if !slices.Contains(have, l) {
				t.Errorf("README quotes examples/%s printing\n\t%s\nwhich %s does not hold", example, l, path)
			}
		}
	}
	for example := range golden {
		if checked[example] == 0 {
			t.Errorf("no line of the README's excerpt of examples/%s was checked", example)
		}
	}
}
