package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/qingdan/qingdan/accountability"
	"github.com/qingdan/qingdan/cmd/qingdan/internal/command"
	"github.com/qingdan/qingdan/internal/hardening"
)

// TestRenderLinear: render -o draws each flowchart with the risk points
// on it alone, so that a register of many flowcharts and many risk points
// takes time linear in its size, not the product of the two (a risk looked
// at once for every flowchart). It compares the time with the same
// flowcharts and one risk point, and with reading the register.
func TestRenderLinear(t *testing.T) {
	const flows, risks = 2000, 400000
	reg := accountability.Register{}
	for i := range flows {
		reg.Flows = append(reg.Flows, accountability.Flow{ID: "F" + strconv.Itoa(i),
			Steps: []accountability.Step{{ID: "s", Kind: accountability.Start}, {ID: "e", Kind: accountability.End}},
			Edges: []accountability.Edge{{From: "s", To: "e"}}})
	}
	write := func(name string, r *accountability.Register) string {
		b, err := json.Marshal(r)
		if err != nil {
			t.Fatal(err)
		}
		name = filepath.Join(t.TempDir(), name)
		if err := os.WriteFile(name, b, 0o644); err != nil {
			t.Fatal(err)
		}
		return name
	}
	reg.Risks = []accountability.Risk{{ID: "R", Flow: "F0", Step: "s", Level: accountability.Low}}
	few := write("few.json", &reg)
	for i := range risks {
		reg.Risks = append(reg.Risks, accountability.Risk{ID: "R" + strconv.Itoa(i), Flow: "F" + strconv.Itoa(i%flows), Step: "s", Level: accountability.Low})
	}
	many := write("many.json", &reg)
	render := func(name string) time.Duration {
		out := t.TempDir()
		var stdout, stderr bytes.Buffer
		code := 0
		took := hardening.Took(func() {
			code = run(&command.Env{Stdout: &stdout, Stderr: &stderr}, []string{"render", "-o", out, name})
		})
		if code != command.OK {
			t.Fatalf("render -o %s: exit %d: %s", name, code, stderr.String())
		}
		return took
	}
	load := hardening.Took(func() {
		b, err := os.ReadFile(many)
		if err == nil {
			_, err = accountability.LoadRegister(bytes.NewReader(b))
		}
		if err != nil {
			t.Fatal(err)
		}
	})
	base, got := render(few), render(many)
	// Drawing 400,000 risk points, 200 on each flowchart, is some work of
	// its own, less than reading them; looking at each for every
	// flowchart is 2,000 times more.
	if budget := 2*(base+load) + time.Second; got > budget {
		t.Errorf("render -o of %d flowcharts and %d risk points took %s, over %s (2 × (%s for one risk point + %s to read them) + 1 s)", flows, risks, got, budget, base, load)
	}
}
