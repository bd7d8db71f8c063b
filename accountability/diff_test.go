package accountability

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/qingdan/qingdan/internal/hardening"
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

// TestDiffNoKey: entries with no key, matched by name, are each
// located by their position, changed ones in the new revision and removed
// ones in the old, as a Finding locates them; not all at powers[]. A power
// with a code, removed before them, puts each at another position in the
// old revision than in the new.
func TestDiffNoKey(t *testing.T) {
	old := &Register{Powers: []Power{{Code: "A", Name: "丁"}, {Name: "甲"}, {Name: "乙"}, {Name: "丙"}}}
	new := &Register{Powers: []Power{{Name: "甲"}, {Name: "乙", PromisedDays: 5}}}
	want := Changes{
		{Kind: Changed, List: "powers", Path: "powers[#1]", Fields: []string{"promisedDays"}},
		{Kind: Removed, List: "powers", Key: "A", Path: "powers[A]"},
		{Kind: Removed, List: "powers", Path: "powers[#3]"},
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

// nameless returns powers with no code named names, each "name/sub" a
// sub-item, all penalties with their promised days given by days (0 when
// days is short).
func nameless(names []string, days ...int) []Power {
	ps := make([]Power, len(names))
	for i, n := range names {
		name, sub, _ := strings.Cut(n, "/")
		ps[i] = Power{Name: name, Sub: sub, Category: Penalty}
		if i < len(days) {
			ps[i].PromisedDays = days[i]
		}
	}
	return ps
}

// TestDiffNoKeyByName: entries with no key (a county list publishes no
// code) are matched by name, the n-th of a name with the n-th; entries
// renamed in place are changed, other left-overs added or removed; keyed
// entries are matched as ever, and never with one that has no key.
func TestDiffNoKeyByName(t *testing.T) {
	abcd := []string{"甲", "乙", "丙", "丁"}
	tests := []struct {
		name     string
		old, new []Power
		want     Changes
	}{
		{"the same", nameless(abcd), nameless(abcd), nil},
		{"reordered", nameless(abcd), nameless([]string{"丁", "甲", "丙", "乙"}), nil},
		{"inserted at the top", nameless(abcd), nameless([]string{"戊", "甲", "乙", "丙", "丁"}),
			Changes{{Kind: Added, List: "powers", Path: "powers[#0]"}}},
		{"inserted at the top, a power after it changed", nameless(abcd, 1, 2, 3, 4), nameless([]string{"戊", "甲", "乙", "丙", "丁"}, 0, 1, 2, 9, 4),
			Changes{
				{Kind: Added, List: "powers", Path: "powers[#0]"},
				{Kind: Changed, List: "powers", Path: "powers[#3]", Fields: []string{"promisedDays"}},
			}},
		{"deleted in the middle", nameless(abcd), nameless([]string{"甲", "丙", "丁"}),
			Changes{{Kind: Removed, List: "powers", Path: "powers[#1]"}}},
		{"renamed", nameless(abcd), nameless([]string{"甲", "乙证核发", "丙", "丁"}),
			Changes{{Kind: Changed, List: "powers", Path: "powers[#1]", Fields: []string{"name"}}}},
		{"renamed and changed", nameless(abcd, 1, 2), nameless([]string{"甲", "乙证核发", "丙", "丁"}, 1, 5),
			Changes{{Kind: Changed, List: "powers", Path: "powers[#1]", Fields: []string{"name", "promisedDays"}}}},
		{"renamed, one inserted at the top", nameless(abcd), nameless([]string{"戊", "甲", "乙证核发", "丙", "丁"}),
			Changes{
				{Kind: Added, List: "powers", Path: "powers[#0]"},
				{Kind: Changed, List: "powers", Path: "powers[#2]", Fields: []string{"name"}},
			}},
		{"two renamed in place", nameless(abcd), nameless([]string{"甲甲", "乙", "丙丙", "丁丁"}),
			Changes{
				{Kind: Changed, List: "powers", Path: "powers[#0]", Fields: []string{"name"}},
				{Kind: Changed, List: "powers", Path: "powers[#2]", Fields: []string{"name"}},
				{Kind: Changed, List: "powers", Path: "powers[#3]", Fields: []string{"name"}},
			}},
		// Renamed and moved, it kept no place: removed and added.
		{"renamed and moved", nameless(abcd), nameless([]string{"乙证核发", "甲", "丙", "丁"}),
			Changes{
				{Kind: Added, List: "powers", Path: "powers[#0]"},
				{Kind: Removed, List: "powers", Path: "powers[#1]"},
			}},
		// A name the other revision still holds was not renamed.
		{"a name still held", nameless(abcd), nameless([]string{"甲", "丙", "丙", "丁"}),
			Changes{
				{Kind: Added, List: "powers", Path: "powers[#2]"},
				{Kind: Removed, List: "powers", Path: "powers[#1]"},
			}},
		{"more renamed in place than were there", nameless([]string{"甲", "乙"}), nameless([]string{"丙", "丁", "戊"}),
			Changes{
				{Kind: Changed, List: "powers", Path: "powers[#0]", Fields: []string{"name"}},
				{Kind: Changed, List: "powers", Path: "powers[#1]", Fields: []string{"name"}},
				{Kind: Added, List: "powers", Path: "powers[#2]"},
			}},
		{"two with the same name", nameless([]string{"甲", "乙", "甲"}, 5, 0, 7), nameless([]string{"甲", "乙", "甲"}, 5, 0, 8),
			Changes{{Kind: Changed, List: "powers", Path: "powers[#2]", Fields: []string{"promisedDays"}}}},
		{"two with the same name, one inserted", nameless([]string{"甲", "乙", "甲"}, 5, 0, 7), nameless([]string{"甲", "乙", "甲", "甲"}, 5, 0, 7, 9),
			Changes{{Kind: Added, List: "powers", Path: "powers[#3]"}}},
		// The n-th of a name is matched with the n-th: the first of two
		// removed, the second is matched with it.
		{"two with the same name, the first removed", nameless([]string{"甲", "乙", "甲"}, 5, 0, 7), nameless([]string{"乙", "甲"}, 0, 7),
			Changes{
				{Kind: Changed, List: "powers", Path: "powers[#1]", Fields: []string{"promisedDays"}},
				{Kind: Removed, List: "powers", Path: "powers[#2]"},
			}},
		// A sub-item is named by its item and its own name.
		{"a sub-item inserted", nameless([]string{"甲/一", "甲/二", "乙"}), nameless([]string{"甲/零", "甲/一", "甲/二", "乙"}),
			Changes{{Kind: Added, List: "powers", Path: "powers[#0]"}}},
		{"a sub-item renamed", nameless([]string{"甲/一", "甲/二", "乙"}), nameless([]string{"甲/一", "甲/贰", "乙"}),
			Changes{{Kind: Changed, List: "powers", Path: "powers[#1]", Fields: []string{"sub"}}}},
		{"keyed and keyless",
			[]Power{{Code: "X1", Name: "甲"}, {Name: "乙"}, {Code: "X2", Name: "丙"}, {Name: "丁"}},
			[]Power{{Name: "戊"}, {Code: "X1", Name: "甲证核发"}, {Name: "乙乙"}, {Name: "丁", PromisedDays: 3}, {Code: "X2", Name: "丙"}},
			Changes{
				{Kind: Added, List: "powers", Path: "powers[#0]"},
				{Kind: Changed, List: "powers", Key: "X1", Path: "powers[X1]", Fields: []string{"name"}},
				{Kind: Changed, List: "powers", Path: "powers[#2]", Fields: []string{"name"}},
				{Kind: Changed, List: "powers", Path: "powers[#3]", Fields: []string{"promisedDays"}},
			}},
		// An entry that loses its code, or gains one, is another entry,
		// whatever its name.
		{"a code dropped", []Power{{Code: "X1", Name: "甲"}, {Name: "乙"}}, []Power{{Name: "甲"}, {Name: "乙"}},
			Changes{
				{Kind: Added, List: "powers", Path: "powers[#0]"},
				{Kind: Removed, List: "powers", Key: "X1", Path: "powers[X1]"},
			}},
		{"a code given", []Power{{Name: "甲"}, {Name: "乙"}}, []Power{{Code: "X1", Name: "甲"}, {Name: "乙"}},
			Changes{
				{Kind: Added, List: "powers", Key: "X1", Path: "powers[X1]"},
				{Kind: Removed, List: "powers", Path: "powers[#0]"},
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Diff(&Register{Powers: tt.old}, &Register{Powers: tt.new})
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Diff() mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// TestDiffNoKeyLists: every list's entries with no key are matched by
// what names them.
func TestDiffNoKeyLists(t *testing.T) {
	tests := []struct {
		name     string
		old, new *Register
		want     Changes
	}{
		{"responsibilities",
			&Register{Responsibilities: []Responsibility{{Duty: "甲"}, {Duty: "乙"}, {Duty: "丙", Unit: "O1"}}},
			&Register{Responsibilities: []Responsibility{{Duty: "戊"}, {Duty: "甲"}, {Duty: "乙乙"}, {Duty: "丙", Unit: "O2"}}},
			Changes{
				{Kind: Added, List: "responsibilities", Path: "responsibilities[#0]"},
				{Kind: Changed, List: "responsibilities", Path: "responsibilities[#2]", Fields: []string{"duty"}},
				{Kind: Changed, List: "responsibilities", Path: "responsibilities[#3]", Fields: []string{"unit"}},
			}},
		{"units, flows and risks",
			&Register{
				Units: []Unit{{Name: "甲"}, {Name: "乙"}},
				Flows: []Flow{{Name: "甲"}, {Name: "乙"}},
				Risks: []Risk{{Flow: "F", Step: "a", Text: "甲"}, {Flow: "F", Step: "b", Text: "甲"}},
			},
			&Register{
				Units: []Unit{{Name: "丙"}, {Name: "甲"}, {Name: "乙"}},
				Flows: []Flow{{Name: "甲"}},
				Risks: []Risk{{Flow: "F", Step: "b", Text: "甲", Level: High}, {Flow: "F", Step: "a", Text: "甲"}},
			},
			Changes{
				{Kind: Added, List: "units", Path: "units[#0]"},
				{Kind: Removed, List: "flows", Path: "flows[#1]"},
				{Kind: Changed, List: "risks", Path: "risks[#0]", Fields: []string{"level"}},
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, Diff(tt.old, tt.new)); diff != "" {
				t.Errorf("Diff() mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// TestDiffEntriesNoKey: DiffEntries, which knows no names, matches the
// entries with no key by their order among them, as it always has.
func TestDiffEntriesNoKey(t *testing.T) {
	old := []Unit{{Name: "甲"}, {Name: "乙"}}
	new := []Unit{{Name: "丙"}, {Name: "甲"}, {Name: "乙"}}
	want := Changes{
		{Kind: Changed, List: "units", Path: "units[#0]", Fields: []string{"name"}},
		{Kind: Changed, List: "units", Path: "units[#1]", Fields: []string{"name"}},
		{Kind: Added, List: "units", Path: "units[#2]"},
	}
	got := DiffEntries("units", old, new, func(u Unit) string { return u.ID })
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("DiffEntries() mismatch (-want +got):\n%s", diff)
	}
}

// randomPowers returns n powers, one in three with a code, named from a
// few names so that names repeat, with random promised days.
func randomPowers(rng *rand.Rand, n int) []Power {
	names := []string{"甲", "乙", "丙", "丁", "戊", "己"}
	ps := make([]Power, n)
	for i := range ps {
		ps[i] = Power{Name: names[rng.IntN(len(names))], PromisedDays: rng.IntN(3), Category: Penalty}
		if rng.IntN(3) == 0 {
			ps[i].Code = fmt.Sprintf("X%d", i)
		}
		if rng.IntN(4) == 0 {
			ps[i].Sub = names[rng.IntN(len(names))]
		}
	}
	return ps
}

// TestDiffNoKeyInsertOne: a list differs in nothing from itself, and from
// the same list with one power with no code inserted anywhere, under a
// name the list does not hold, in exactly that power's addition; so with
// one such power deleted, in its removal.
func TestDiffNoKeyInsertOne(t *testing.T) {
	rng := rand.New(rand.NewPCG(17, 2026))
	for range 2000 {
		ps := randomPowers(rng, rng.IntN(40))
		r := &Register{Powers: ps}
		if got := Diff(r, r); len(got) != 0 {
			t.Fatalf("Diff(a, a) = %v, want none; a = %v", got, ps)
		}
		at := rng.IntN(len(ps) + 1)
		more := append(append(append([]Power(nil), ps[:at]...), Power{Name: "新增", Category: Licensing}), ps[at:]...)
		want := Changes{{Kind: Added, List: "powers", Path: fmt.Sprintf("powers[#%d]", at)}}
		if diff := cmp.Diff(want, Diff(r, &Register{Powers: more})); diff != "" {
			t.Fatalf("Diff(a, a with one inserted at %d) mismatch (-want +got):\n%s\na = %v", at, diff, ps)
		}
		want = Changes{{Kind: Removed, List: "powers", Path: fmt.Sprintf("powers[#%d]", at)}}
		if diff := cmp.Diff(want, Diff(&Register{Powers: more}, r)); diff != "" {
			t.Fatalf("Diff(a with one inserted at %d, a) mismatch (-want +got):\n%s\na = %v", at, diff, ps)
		}
	}
}

// FuzzDiff: Diff of two power lists, each a line a power
// ("code|name|sub|days"), takes time linear in them; each list differs in
// nothing from itself, and from itself with a power of a new name inserted
// in that power's addition alone; every entry of either list is accounted
// for once, matched or added or removed; and Diff(b, a) is Diff(a, b)
// seen the other way: as many removed as added, as many changed.
func FuzzDiff(f *testing.F) {
	f.Add("|甲||1\n|乙||2\n|丙||3", "|丁||0\n|甲||1\n|乙证||2\n|丙||4", uint8(1))
	f.Add("X1|甲||\n|甲||\n|甲|一|\n|乙||", "|甲||5\nX1|甲||\n|乙乙||\n|甲|二|", uint8(0))
	f.Add("", "|甲||", uint8(3))
	f.Fuzz(func(t *testing.T, a, b string, at uint8) {
		parse := func(s string) []Power {
			var ps []Power
			for line := range strings.Lines(s) {
				cells := strings.SplitN(strings.TrimSuffix(line, "\n"), "|", 4)
				for len(cells) < 4 {
					cells = append(cells, "")
				}
				days, _ := strconv.Atoi(cells[3])
				ps = append(ps, Power{Code: cells[0], Name: cells[1], Sub: cells[2], PromisedDays: days})
			}
			return ps
		}
		old, new := &Register{Powers: parse(a)}, &Register{Powers: parse(b)}
		var ab, ba Changes
		hardening.Linear(t, len(a)+len(b), func() {
			ab, ba = Diff(old, new), Diff(new, old)
			if d := Diff(old, old); len(d) != 0 {
				t.Fatalf("Diff(a, a) = %v, want none", d)
			}
		})
		count := func(cs Changes, oldN, newN int) (added, removed, changed int) {
			seen := map[string]bool{}
			for _, c := range cs {
				if seen[c.Path+c.Kind.String()] && c.Key == "" {
					t.Fatalf("%s twice in %v", c.Path, cs)
				}
				seen[c.Path+c.Kind.String()] = true
				switch c.Kind {
				case Added:
					added++
				case Removed:
					removed++
				case Changed:
					changed++
				}
			}
			if oldN-removed != newN-added || changed > newN-added {
				t.Fatalf("%d entries, %d removed, to %d, %d added, %d changed: %v", oldN, removed, newN, added, changed, cs)
			}
			return added, removed, changed
		}
		addAB, remAB, chAB := count(ab, len(old.Powers), len(new.Powers))
		addBA, remBA, chBA := count(ba, len(new.Powers), len(old.Powers))
		if addAB != remBA || remAB != addBA || chAB != chBA {
			t.Fatalf("Diff(a, b) = %v and Diff(b, a) = %v: not mirrors", ab, ba)
		}
		// A power under a name a does not hold, inserted: one addition.
		fresh := "新"
		for _, p := range old.Powers {
			for p.Name == fresh || strings.HasPrefix(p.Name, fresh) {
				fresh += "新"
			}
		}
		i := int(at) % (len(old.Powers) + 1)
		more := slices.Insert(slices.Clone(old.Powers), i, Power{Name: fresh})
		want := Changes{{Kind: Added, List: "powers", Path: fmt.Sprintf("powers[#%d]", i)}}
		if diff := cmp.Diff(want, Diff(old, &Register{Powers: more})); diff != "" {
			t.Fatalf("Diff(a, a with one inserted at %d) mismatch (-want +got):\n%s", i, diff)
		}
	})
}
