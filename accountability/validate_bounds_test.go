package accountability

import (
	"strconv"
	"strings"
	"testing"

	"github.com/qingdan/qingdan/internal/hardening"
)

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
	if got := hardening.Allocated(func() { fs = r.Validate() }); got > 16*uint64(size) {
		t.Errorf("Validate of a register of some %d bytes allocated %d bytes", size, got)
	}
	if len(fs) != 0 {
		t.Errorf("Validate = %v, want no findings", fs)
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
