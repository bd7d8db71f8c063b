package journal

import (
	"fmt"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/qingdan/qingdan/journal/internal/canon"
	"github.com/qingdan/qingdan/matters"
	"github.com/qingdan/qingdan/scoring/reason"
)

func quoteAll(xs []string) []string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = `"` + x + `"`
	}
	return out
}

// TestSpecNamesEveryMember holds the package documentation's list of the
// payloads' members, and the Python verifier's, to the schemas Verify
// checks payloads with: the same members, in the same order.
func TestSpecNamesEveryMember(t *testing.T) {
	doc, err := os.ReadFile("doc.go")
	if err != nil {
		t.Fatal(err)
	}
	py, err := os.ReadFile("testdata/verify.py")
	if err != nil {
		t.Fatal(err)
	}
	// The documentation: indented blocks under "event (matters.Event):"
	// and the like, one member a line; "result" opens a nested block.
	docs := map[string][]string{}
	var cur string
	for _, line := range strings.Split(string(doc), "\n") {
		l := strings.TrimPrefix(line, "//\t")
		switch {
		case regexp.MustCompile(`^(event|evaluation|amendment|reason|check|figure|facts) \(`).MatchString(l):
			cur = strings.Fields(l)[0]
		case cur == "":
		case strings.HasPrefix(l, "    "): // a member of the result
			docs["result"] = append(docs["result"], strings.Fields(l)[0])
		case strings.HasPrefix(l, "  the members of an evaluation"):
			docs[cur] = append(docs[cur], docs["evaluation"]...)
		case strings.HasPrefix(l, "  "):
			docs[cur] = append(docs[cur], strings.Fields(l)[0])
		default:
			cur = ""
		}
	}
	// The Python verifier: EVENT = obj([("matter", …), …]) and the like.
	pys := map[string][]string{}
	for _, m := range regexp.MustCompile(`(?ms)^([A-Z_]+) = (?:obj\()?\[(.*?)\]\)?$`).FindAllStringSubmatch(string(py), -1) {
		for _, n := range regexp.MustCompile(`\("(\w+)", `).FindAllStringSubmatch(m[2], -1) {
			pys[m[1]] = append(pys[m[1]], n[1])
		}
	}
	pys["AMENDMENT"] = append(slices.Clone(pys["EVALUATION_MEMBERS"]), "author", "reason")
	// The event kinds' codes, in the documentation and in verify.py.
	var codes []string
	for k := matters.Kind(1); k.String() != fmt.Sprintf("Kind(%d)", int(k)); k++ {
		codes = append(codes, k.String())
	}
	if !strings.Contains(strings.Join(strings.Fields(strings.ReplaceAll(string(doc), "//", "")), " "), "The event kinds' codes: "+strings.Join(codes, ", ")+".") {
		t.Errorf("the documentation does not list the event kinds' codes %v", codes)
	}
	if m := regexp.MustCompile(`(?s)EVENT_KINDS = \((.*?)\)`).FindStringSubmatch(string(py)); m == nil ||
		!cmp.Equal(regexp.MustCompile(`"(\w+)"`).FindAllString(m[1], -1), quoteAll(codes)) {
		t.Errorf("verify.py's EVENT_KINDS are not the event kinds' codes %v", codes)
	}
	// The figures' and comparisons' codes, in the documentation and in
	// verify.py.
	var figures, ops []string
	for o := reason.Of(1); o.String() != fmt.Sprintf("Of(%d)", int(o)); o++ {
		figures = append(figures, o.String())
	}
	for o := reason.Op(1); o.String() != fmt.Sprintf("Op(%d)", int(o)); o++ {
		ops = append(ops, o.String())
	}
	flat := strings.Join(strings.Fields(strings.ReplaceAll(string(doc), "//", "")), " ")
	if !strings.Contains(flat, "The figures' codes: "+strings.Join(figures, ", ")+".") || !strings.Contains(flat, "op code: "+strings.Join(ops, ", ")) {
		t.Errorf("the documentation does not list the figures' codes %v and the comparisons' %v", figures, ops)
	}
	for name, codes := range map[string][]string{"FIGURES": figures, "OPS": ops} {
		if m := regexp.MustCompile(`(?s)` + name + ` = \((.*?)\)`).FindStringSubmatch(string(py)); m == nil ||
			!cmp.Equal(regexp.MustCompile(`"(\w+)"`).FindAllString(m[1], -1), quoteAll(codes)) {
			t.Errorf("verify.py's %s are not the codes %v", name, codes)
		}
	}
	for _, s := range []struct {
		name, py string
		schema   *canon.Schema
	}{
		{"event", "EVENT", canon.Event},
		{"evaluation", "EVALUATION_MEMBERS", canon.Evaluation},
		{"result", "RESULT", canon.Result},
		{"amendment", "AMENDMENT", canon.Amendment},
		{"reason", "REASON", canon.Reason},
		{"check", "CHECK", canon.Check},
		{"figure", "FIGURE", canon.Figure},
		{"facts", "FACTS", canon.Facts},
	} {
		if diff := cmp.Diff(s.schema.Names(), docs[s.name]); diff != "" {
			t.Errorf("the documentation's members of %s mismatch (-schema +doc):\n%s", s.name, diff)
		}
		if diff := cmp.Diff(s.schema.Names(), pys[s.py]); diff != "" {
			t.Errorf("verify.py's members of %s mismatch (-schema +verify.py):\n%s", s.name, diff)
		}
	}
}
