package accountability

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestDiff(t *testing.T) {
	tests := []struct {
		name   string
		change func(r *Register)
		want   Changes
	}{
		{"nothing", func(*Register) {}, nil},
		{"version only", func(r *Register) { r.Version = "2021-1" }, nil},
		{"nil and empty lists are the same", func(r *Register) { r.Responsibilities[1].Tasks = []string{} }, nil},
		// Extra is omitted from the JSON when empty, nil or not.
		{"nil and empty Extra are the same", func(r *Register) { r.Powers[0].Extra = map[string]string{} }, nil},
		{"fields of a power", func(r *Register) { r.Powers[1].PromisedDays = 5; r.Powers[1].Grant.Partial = false },
			Changes{{Kind: Changed, List: "powers", Key: "XK-001", Path: "powers[XK-001]", Fields: []string{"promisedDays", "grant"}}}},
		{"added and removed", func(r *Register) {
			r.Units = append(r.Units[:1], r.Units[2:]...)
			r.Units = append(r.Units, Unit{ID: "O7", Name: "生态环境部", Kind: Office, Parent: "S"})
		}, Changes{
			{Kind: Added, List: "units", Key: "O7", Path: "units[O7]"},
			{Kind: Removed, List: "units", Key: "O1", Path: "units[O1]"},
		}},
		{"a flow's steps", func(r *Register) {
			f := &r.Flows[1]
			f.Name = "临时占道许可流程"
			f.Steps[2].Post, f.Steps[2].Days = "科员", 3
			f.Steps = append(f.Steps, Step{ID: "x", Name: "归档", Kind: Task})
			f.Steps = append(f.Steps[:4], f.Steps[5:]...)
		}, Changes{{Kind: Changed, List: "flows", Key: "F2", Path: "flows[F2]",
			Fields: []string{"name", "steps[r].post", "steps[r].days", "steps[x]", "steps[o]"}}}},
		// The steps' order numbers Mermaid's nodes and breaks Order's ties:
		// a flow's steps in another order are a change, as its edges are.
		{"a flow's steps reordered", func(r *Register) {
			f := &r.Flows[1]
			f.Steps[2], f.Steps[3] = f.Steps[3], f.Steps[2]
			f.Steps[4].Days = 2
		}, Changes{{Kind: Changed, List: "flows", Key: "F2", Path: "flows[F2]",
			Fields: []string{"steps", "steps[o].days"}}}},
		// A step added or removed moves no other step with respect to the rest.
		{"a step inserted", func(r *Register) {
			f := &r.Flows[1]
			f.Steps = append(f.Steps[:2], append([]Step{{ID: "x", Name: "补正", Kind: Task}}, f.Steps[2:]...)...)
		}, Changes{{Kind: Changed, List: "flows", Key: "F2", Path: "flows[F2]", Fields: []string{"steps[x]"}}}},
		{"a flow's edges", func(r *Register) { r.Flows[0].Edges[5].Label = "提出申辩" },
			Changes{{Kind: Changed, List: "flows", Key: "F1", Path: "flows[F1]", Fields: []string{"edges"}}}},
		{"risks, responsibilities and separations", func(r *Register) {
			r.Risks[0].Controls = append(r.Risks[0].Controls, Control{Text: "法制审核"})
			r.Responsibilities[0].Boundaries = nil
			r.Separations[1].Steps[1] = "e"
		}, Changes{
			{Kind: Changed, List: "responsibilities", Key: "ZZ-01", Path: "responsibilities[ZZ-01]", Fields: []string{"boundaries"}},
			{Kind: Changed, List: "risks", Key: "R1", Path: "risks[R1]", Fields: []string{"controls"}},
			{Kind: Added, List: "separations", Key: "F1:c,e", Path: "separations[F1:c,e]"},
			{Kind: Removed, List: "separations", Key: "F1:c,d", Path: "separations[F1:c,d]"},
		}},
		// Incompatibility is symmetric: which step comes first is no change.
		{"a separation's steps swapped", func(r *Register) {
			s := &r.Separations[0]
			s.Steps[0], s.Steps[1] = s.Steps[1], s.Steps[0]
		}, nil},
		{"a separation's steps swapped and its reason changed", func(r *Register) {
			s := &r.Separations[0]
			s.Steps[0], s.Steps[1], s.Reason = s.Steps[1], s.Steps[0], "查处分离"
		}, Changes{{Kind: Changed, List: "separations", Key: "F1:c,i", Path: "separations[F1:c,i]", Fields: []string{"reason"}}}},
		{"a separation's key names its steps in byte order", func(r *Register) {
			r.Separations = append(r.Separations, Separation{Flow: "F2", Steps: [2]string{"r", "a"}})
		}, Changes{{Kind: Added, List: "separations", Key: "F2:a,r", Path: "separations[F2:a,r]"}}},
		{"repeated keys match by occurrence", func(r *Register) {
			r.Powers = append(r.Powers, r.Powers[1])
		}, Changes{{Kind: Added, List: "powers", Key: "XK-001", Path: "powers[XK-001]"}}},
		// An entry with no key (a power of a county list, which publishes
		// no code) is located as a Finding locates it, by its position:
		// in the new revision, or, removed, in the old.
		{"entries with no key", func(r *Register) {
			r.Powers[0].Code, r.Powers[1].Code = "", ""
			r.Powers[1].PromisedDays = 5
			r.Units[0].ID = ""
		}, Changes{
			{Kind: Added, List: "units", Path: "units[#0]"},
			{Kind: Removed, List: "units", Key: "S", Path: "units[S]"},
			{Kind: Added, List: "powers", Path: "powers[#0]"},
			{Kind: Added, List: "powers", Path: "powers[#1]"},
			{Kind: Removed, List: "powers", Key: "CF-001", Path: "powers[CF-001]"},
			{Kind: Removed, List: "powers", Key: "XK-001", Path: "powers[XK-001]"},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			old, new := sound(), sound()
			tt.change(new)
			if diff := cmp.Diff(tt.want, Diff(old, new)); diff != "" {
				t.Errorf("Diff() mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// TestDiffNoKey: entries with no key, matched by occurrence, are each
// located by their position, changed ones in the new revision and removed
// ones in the old, as a Finding locates them; not all at powers[].
func TestDiffNoKey(t *testing.T) {
	old := &Register{Powers: []Power{{Name: "甲"}, {Name: "乙"}, {Name: "丙"}}}
	new := &Register{Powers: []Power{{Name: "甲"}, {Name: "乙", PromisedDays: 5}}}
	want := Changes{
		{Kind: Changed, List: "powers", Path: "powers[#1]", Fields: []string{"promisedDays"}},
		{Kind: Removed, List: "powers", Path: "powers[#2]"},
	}
	if diff := cmp.Diff(want, Diff(old, new)); diff != "" {
		t.Errorf("Diff() mismatch (-want +got):\n%s", diff)
	}
}

func TestReordered(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"", "", false},
		{"abc", "abc", false},
		{"abc", "axbyc", false}, // added
		{"abc", "ac", false},    // removed
		{"abc", "xc", false},
		{"abc", "bac", true},
		{"abc", "acb", true},
		{"abc", "cxa", true},
		{"abcd", "dbx", true},
		{"abcd", "bd", false},
	}
	for _, tt := range tests {
		if got := reordered(strings.Split(tt.a, ""), strings.Split(tt.b, "")); got != tt.want {
			t.Errorf("reordered(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestDiffNil(t *testing.T) {
	got := Diff(nil, &Register{Powers: []Power{{Code: "A"}}})
	want := Changes{{Kind: Added, List: "powers", Key: "A", Path: "powers[A]"}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Diff(nil, r) mismatch (-want +got):\n%s", diff)
	}
	if got := Diff(nil, nil); len(got) != 0 {
		t.Errorf("Diff(nil, nil) = %v, want none", got)
	}
	// Removing everything lists every entry as removed.
	if got := Diff(sound(), nil); len(got) != 5+2+2+2+3+2 {
		t.Errorf("Diff(sound, nil) has %d changes, want one per entry: %v", len(got), got)
	}
}
