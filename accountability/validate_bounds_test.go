package accountability

import (
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/qingdan/qingdan/internal/hardening"
)

// TestValidateLinearInLongKeys: Validate's work is linear in the size of
// the register, however long a key or a name: a flow's ID is not copied
// for each of its steps, nor a power's code and name for each of its bases
// and duties, where nothing is reported but the keys over MaxKeyBytes,
// each once.
func TestValidateLinearInLongKeys(t *testing.T) {
	long := strings.Repeat("长", 1<<18) // 768 KiB
	const n = 1000
	f := Flow{ID: long, Name: long, Steps: []Step{{ID: "s", Kind: Start}}}
	for i := range n {
		f.Steps = append(f.Steps, Step{ID: "t" + strconv.Itoa(i), Name: "审查", Kind: Task, Stage: Review})
		f.Edges = append(f.Edges, Edge{From: f.Steps[i].ID, To: f.Steps[i+1].ID})
	}
	f.Steps = append(f.Steps, Step{ID: "e", Kind: End})
	f.Edges = append(f.Edges, Edge{From: f.Steps[n].ID, To: "e"})
	p := Power{Code: long, Name: long, Category: Penalty, Subject: "S"}
	for range n {
		p.Basis = append(p.Basis, Basis{Law: "法", Kind: Implementing})
		p.Duties = append(p.Duties, Duty{Stage: Review, Text: "审查"})
	}
	r := &Register{Units: []Unit{{ID: "S", Name: "街道", Kind: Subdistrict}}, Powers: []Power{p}, Flows: []Flow{f}}
	size := 4 * len(long) // the flow's ID and name, the power's code and name
	var fs Findings
	if got := hardening.Allocated(func() { fs = r.Validate() }); got > 16*uint64(size) {
		t.Errorf("Validate of a register of some %d bytes allocated %d bytes", size, got)
	}
	var got []string
	for _, f := range fs {
		got = append(got, f.Rule+" "+f.Path)
	}
	if want := []string{"power.required powers[#0]", "flow.required flows[#0]"}; !slices.Equal(got, want) {
		t.Errorf("Validate found %q, want %q", got, want)
	}
}

// TestFindingsLinearInLongNames: a finding names the entry it is about
// whole, but another entry, which many findings may name, only as far as
// errtext.Cut does: the first power of a code that a thousand others
// repeat, the parent item a thousand sub-items name, the two steps of a
// thousand separations.
func TestFindingsLinearInLongNames(t *testing.T) {
	long := strings.Repeat("长", 1<<18) // 768 KiB
	const n = 1000
	r := &Register{Powers: []Power{{Code: "P", Name: long}, {Code: "Q", Parent: long}}}
	f := Flow{ID: "F", Steps: []Step{{ID: "s", Kind: Start}, {ID: "a", Name: long, Post: "岗"}, {ID: "b", Name: long, Post: "岗"}}}
	for i := range n {
		r.Powers = append(r.Powers, Power{Code: "P"}, Power{Code: "S" + strconv.Itoa(i), Parent: "Q"})
		id := "c" + strconv.Itoa(i)
		f.Steps = append(f.Steps, Step{ID: id, Post: "岗"})
		r.Separations = append(r.Separations, Separation{Flow: "F", Steps: [2]string{"a", id}})
	}
	r.Flows = []Flow{f}
	size := 5 * len(long)
	var fs Findings
	hardening.Allocated(func() { fs = r.Validate() })
	text := 0
	for _, f := range fs {
		text += len(f.Path) + len(f.Message) + len(f.Chinese)
	}
	if text > 16*size {
		t.Errorf("Validate of a register of some %d bytes found %d findings of %d bytes", size, len(fs), text)
	}
}

// TestFindingsLinearInLongKeys: an entry whose key is longer than
// MaxKeyBytes is reported once, by the rule that reports an entry with no
// key, its key cut, and every finding names it by its position, as one
// with no key: so the thousand findings about the steps of a flow whose ID
// is a MiB do not each repeat the ID. Before, each finding held the ID in
// its path, its message and its Chinese, some 3 GB in all.
func TestFindingsLinearInLongKeys(t *testing.T) {
	long := strings.Repeat("F", 1<<20)
	const n = 1000
	f := Flow{ID: long, Steps: []Step{{ID: "s", Kind: Start}, {ID: "e", Kind: End}}, Edges: []Edge{{From: "s", To: "e"}}}
	for i := range n {
		f.Steps = append(f.Steps, Step{ID: "t" + strconv.Itoa(i), Kind: Task}) // unreachable, and a dead end
	}
	f.Steps = append(f.Steps, Step{ID: long[:MaxKeyBytes+1], Name: "审查", Kind: Task})
	r := &Register{Flows: []Flow{f}}
	fs := r.Validate()
	text := 0
	for _, f := range fs {
		text += len(f.Path) + len(f.Message) + len(f.Chinese)
	}
	if len(fs) != 2*(n+1)+2 || text > 400*len(fs) {
		t.Errorf("Validate found %d findings of %d bytes, want %d of at most 400 bytes each", len(fs), text, 2*(n+1)+2)
	}
	cut := `"` + strings.Repeat("F", 64) + `"… (1048576 bytes)`
	cutStep := `"` + strings.Repeat("F", 64) + `"… (257 bytes)`
	want := Findings{
		e("flow.required", "flows[#0]", `flow #0 has the ID `+cut+`, longer than 256 bytes (MaxKeyBytes): findings name it by its position`,
			`流程图 #0 的编号 `+cut+` 超过 256 字节（MaxKeyBytes），检查结果按位置称呼它`),
		e("flow.required", "flows[#0].steps[#1002]", `flow #0: step #1002 (审查) has the ID `+cutStep+`, longer than 256 bytes (MaxKeyBytes): findings name it by its position`,
			`流程图 #0 的环节 #1002（审查）的编号 `+cutStep+` 超过 256 字节（MaxKeyBytes），检查结果按位置称呼它`),
		e("flow.unreachable", "flows[#0].steps[t0]", `flow #0: step "t0" cannot be reached from the Start step`, `流程图 #0 中，从开始环节无法到达环节"t0"`),
	}
	if diff := cmp.Diff(want, slices.Concat(fs[:2], fs[2:3])); diff != "" {
		t.Errorf("Validate mismatch (-want +got):\n%s", diff)
	}
}

// TestDiffLongKeyByPosition: Diff locates an entry whose key is longer
// than MaxKeyBytes by its position, as Validate's findings do, and a step
// of such a key likewise; Key still holds the key whole.
func TestDiffLongKeyByPosition(t *testing.T) {
	long := strings.Repeat("K", MaxKeyBytes+1)
	old := &Register{Flows: []Flow{{ID: "F", Steps: []Step{{ID: long, Name: "甲"}}}}}
	new := &Register{Powers: []Power{{Code: "P"}, {Code: long}}, Flows: []Flow{{ID: "F", Steps: []Step{{ID: long, Name: "乙"}}}}}
	want := Changes{
		{Kind: Added, List: "powers", Key: "P", Path: "powers[P]"},
		{Kind: Added, List: "powers", Key: long, Path: "powers[#1]"},
		{Kind: Changed, List: "flows", Key: "F", Path: "flows[F]", Fields: []string{"steps[#0].name"}},
	}
	if diff := cmp.Diff(want, Diff(old, new)); diff != "" {
		t.Errorf("Diff mismatch (-want +got):\n%s", diff)
	}
}
