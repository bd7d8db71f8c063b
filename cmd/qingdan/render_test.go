package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/qingdan/qingdan/accountability"
	"github.com/qingdan/qingdan/cmd/qingdan/internal/command"
)

// TestRenderDrawsEachFlowsOwnRisks: render -o draws each flowchart with the
// risk points on it and no other: those of another flowchart, of none
// the register has, and of none at all (Flow "", which a flowchart with
// no ID does not take, as the rules read it) are on no file. The risks
// are grouped by flowchart once, so that 2,000 flowcharts and 400,000
// risk points do not take the product of the two (11 s of CPU before).
func TestRenderDrawsEachFlowsOwnRisks(t *testing.T) {
	flow := func(id string) accountability.Flow {
		return accountability.Flow{ID: id, Steps: []accountability.Step{{ID: "s", Kind: accountability.Start}, {ID: "e", Kind: accountability.End}},
			Edges: []accountability.Edge{{From: "s", To: "e"}}}
	}
	risk := func(id, flow, step string) accountability.Risk {
		return accountability.Risk{ID: id, Flow: flow, Step: step, Level: accountability.Low}
	}
	reg := accountability.Register{
		Flows: []accountability.Flow{flow("F1"), flow("F2"), flow("")},
		Risks: []accountability.Risk{risk("R1", "F1", "s"), risk("R2", "F2", "e"), risk("R3", "F1", "e"), risk("R4", "F9", "s"), risk("R5", "", "s")},
	}
	b, err := json.Marshal(&reg)
	if err != nil {
		t.Fatal(err)
	}
	in := filepath.Join(t.TempDir(), "register.json")
	if err := os.WriteFile(in, b, 0o644); err != nil {
		t.Fatal(err)
	}
	out := t.TempDir()
	var stdout, stderr bytes.Buffer
	if code := run(&command.Env{Stdout: &stdout, Stderr: &stderr}, []string{"render", "-o", out, in}); code != command.OK {
		t.Fatalf("render -o: exit %d: %s", code, stderr.String())
	}
	got := map[string][]string{}
	for _, name := range []string{"F1.dot", "F2.dot", "_.dot"} {
		dot, err := os.ReadFile(filepath.Join(out, name))
		if err != nil {
			t.Fatal(err)
		}
		got[name] = []string{}
		for _, m := range regexp.MustCompile(`风险点 (R\d)`).FindAllSubmatch(dot, -1) {
			got[name] = append(got[name], string(m[1]))
		}
	}
	want := map[string][]string{"F1.dot": {"R1", "R3"}, "F2.dot": {"R2"}, "_.dot": {}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("the risk points drawn on each file mismatch (-want +got):\n%s", diff)
	}
}
