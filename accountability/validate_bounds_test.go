package accountability

import (
	"runtime"
	"strconv"
	"strings"
	"testing"
)

// allocated returns the bytes f allocates.
func allocated(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// TestValidateLinearInLongKeys: Validate's work is linear in the size of
// the register, however long a key or a name: a flow's ID is not copied
// for each of its steps, nor a power's code and name for each of its bases
// and duties, where nothing is reported.
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
	if got := allocated(func() { fs = r.Validate() }); got > 16*uint64(size) {
		t.Errorf("Validate of a register of some %d bytes allocated %d bytes", size, got)
	}
	if len(fs) != 0 {
		t.Errorf("Validate = %v, want no findings", fs)
	}
}
