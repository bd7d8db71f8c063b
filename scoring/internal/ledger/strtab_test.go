package ledger

import (
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"

	"github.com/qingdan/qingdan/scoring/internal/ledger/ledgertest"
)

// These tests check the matter index as a set — every string added is
// found under its id, no other is — with strings of every shape, and at
// the edges of its rules: the shapes of ID that split or do not, the cap
// on prefixes, spilled ranges, resizes with slot writes pending. They
// check where each ID is kept as well as what a lookup finds.

// strtabGen makes strings of the shapes a ledger's index must keep apart:
// numbered IDs of a few prefixes, mostly in order and sometimes far out of
// it; the same numbers with leading zeros; sparse numbers, which spill
// their ranges to the hash table; IDs with a prefix each, which fill the
// sequence index's prefixes; and IDs without a number.
type strtabGen struct {
	rng  *rand.Rand
	next [3]uint64
	uniq int
}

func (g *strtabGen) id() string {
	prefixes := [...]string{"2020-", "WH", ""}
	switch g.rng.IntN(10) {
	case 0, 1, 2, 3:
		k := g.rng.IntN(3)
		g.next[k]++
		return prefixes[k] + strconv.FormatUint(g.next[k], 10)
	case 4:
		k := g.rng.IntN(3)
		return prefixes[k] + strconv.FormatUint(g.rng.Uint64N(g.next[k]+1), 10) // seen or not
	case 5:
		return prefixes[g.rng.IntN(3)] + strings.Repeat("0", 1+g.rng.IntN(3)) + strconv.Itoa(g.rng.IntN(1000))
	case 6:
		return "S" + strconv.FormatUint(g.rng.Uint64N(1e15), 10) // sparse
	case 7:
		g.uniq++
		return fmt.Sprintf("u%d-x%d", g.uniq, g.rng.IntN(10)) // a prefix each
	case 8:
		return "opaque-" + strconv.Itoa(g.rng.IntN(5000)) + "z"
	default:
		return strconv.FormatUint(g.rng.Uint64(), 10) // 19 or 20 digits at times
	}
}

// TestStrtabIsASet adds and looks up strings of every shape in random
// order, with lookups between, and checks the table against a map: every
// string added keeps its id and its name, every string not added is not
// found, ids are dense in the order of adding.
func TestStrtabIsASet(t *testing.T) {
	for seed := range uint64(4) {
		t.Run(fmt.Sprint(seed), func(t *testing.T) {
			g := &strtabGen{rng: rand.New(rand.NewPCG(seed, 7))}
			var tab strtab
			want := map[string]int32{}
			var names []string
			for i := range 100_000 {
				s := g.id()
				if g.rng.IntN(3) == 0 {
					id, ok := tab.lookup(s)
					wid, wok := want[s]
					if ok != wok || ok && id != wid {
						t.Fatalf("step %d: lookup(%q) = %d, %v; want %d, %v", i, s, id, ok, wid, wok)
					}
					continue
				}
				id := tab.id(s)
				if wid, ok := want[s]; ok {
					if id != wid {
						t.Fatalf("step %d: id(%q) = %d, was %d", i, s, id, wid)
					}
					continue
				}
				if id != int32(len(names)) {
					t.Fatalf("step %d: id(%q) = %d for a new string, want %d", i, s, id, len(names))
				}
				want[s] = id
				names = append(names, s)
			}
			if tab.len() != len(names) {
				t.Fatalf("len = %d, want %d", tab.len(), len(names))
			}
			for id, s := range names {
				if got := tab.name(int32(id)); got != s {
					t.Fatalf("name(%d) = %q, want %q", id, got, s)
				}
				if got, ok := tab.lookup(s); !ok || got != int32(id) {
					t.Fatalf("lookup(%q) = %d, %v at the end; want %d", s, got, ok, id)
				}
			}
			x := &tab.seq
			if len(x.names) != maxPrefixes {
				t.Errorf("the sequence index has %d prefixes; the test means to fill it (%d)", len(x.names), maxPrefixes)
			}
			if len(x.spilled) == 0 || tab.hashed == 0 {
				t.Errorf("spilled ranges %d, strings in the hash table %d: the test means to have both", len(x.spilled), tab.hashed)
			}
			inPages := 0
			for _, c := range x.counts {
				inPages += c.keys
			}
			if inPages+tab.hashed != tab.len() {
				t.Errorf("%d strings in pages and %d in the hash table, %d in all", inPages, tab.hashed, tab.len())
			}
		})
	}
}

// addID gives s an id in tab and checks it against want, the ids given
// so far (names holds their strings in order): the id s had, or the next
// one for a new string, which it records. It reports whether s was new;
// when (" after the merge") says in a failure when s was added.
func addID(t *testing.T, tab *strtab, want map[string]int32, names *[]string, s, when string) (int32, bool) {
	t.Helper()
	id := tab.id(s)
	if old, ok := want[s]; ok {
		if id != old {
			t.Fatalf("id(%q) = %d again%s, was %d", s, id, when, old)
		}
		return id, false
	}
	if id != int32(len(*names)) {
		t.Fatalf("id(%q) = %d for a new string%s, want %d", s, id, when, len(*names))
	}
	want[s] = id
	*names = append(*names, s)
	return id, true
}

// hashNames returns the strings in the hash table, read slot by slot
// (pending writes included), and fails when one is there twice.
func hashNames(t *testing.T, tab *strtab) map[string]int32 {
	t.Helper()
	got := map[string]int32{}
	for pos, tg := range tab.tags {
		if tg == 0 {
			continue
		}
		sl := tab.slot(pos)
		if sl.id == 0 {
			t.Fatalf("slot %d has tag %#x and no id", pos, tg)
		}
		s := tab.name(sl.id - 1)
		if _, dup := got[s]; dup {
			t.Fatalf("%q is in the hash table twice", s)
		}
		if tagOf(sl.hash) != tg {
			t.Fatalf("slot %d of %q has tag %#x, its hash's is %#x", pos, s, tg, tagOf(sl.hash))
		}
		got[s] = sl.id - 1
	}
	return got
}

// onePlace checks the index's invariant: every string added is in
// exactly one place, the one locate says, and under its id.
func onePlace(t *testing.T, step string, tab *strtab, want map[string]int32) {
	t.Helper()
	hashed := hashNames(t, tab)
	if len(hashed) != tab.hashed {
		t.Fatalf("%s: %d strings in the hash table, hashed says %d", step, len(hashed), tab.hashed)
	}
	inPages := 0
	for s, id := range want {
		mode, _, page, slot := tab.seq.locate(s)
		hid, inHash := hashed[s]
		found := mode == inPage && page != nil && page[slot] != 0
		switch {
		case mode == inPage && inHash:
			t.Fatalf("%s: %q is in the hash table, but locate sends it to a page", step, s)
		case mode == inPage && !found:
			t.Fatalf("%s: %q is in no page, where locate sends it (in the hash table: %v)", step, s, inHash)
		case mode == inPage && page[slot]-1 != id:
			t.Fatalf("%s: %q has id %d in its page, want %d", step, s, page[slot]-1, id)
		case mode != inPage && !inHash:
			t.Fatalf("%s: %q is not in the hash table, where locate (mode %d) sends it", step, s, mode)
		case mode != inPage && hid != id:
			t.Fatalf("%s: %q has id %d in the hash table, want %d", step, s, hid, id)
		}
		if mode == inPage {
			inPages++
		}
	}
	if inPages+len(hashed) != len(want) {
		t.Fatalf("%s: %d in pages and %d hashed for %d strings", step, inPages, len(hashed), len(want))
	}
}

// TestStrtabEdgeShapesOnePlace adds the edge IDs before, while and after
// the sequence index fills its prefixes and spills a sparse prefix, and
// checks after each phase that every string is in exactly one place and
// found there, that strings which split alike but for a zero stay apart,
// and that strings never added are not found.
func TestStrtabEdgeShapesOnePlace(t *testing.T) {
	edges := ledgertest.EdgeIDs()
	var tab strtab
	want := map[string]int32{}
	var names []string
	add := func(s string) {
		id, added := addID(t, &tab, want, &names, s, "")
		if !added {
			return
		}
		// Found at once, from a pending slot or a page.
		if got, ok := tab.lookup(s); !ok || got != id {
			t.Fatalf("lookup(%q) right after adding = %d, %v; want %d", s, got, ok, id)
		}
	}
	absent := func(step string) {
		for _, s := range []string{"0000", "a000", "M-258", "x1", "\xfe1", "p99999-7", "S1", "u-1", "D25602", "W1", "W1048575"} {
			if _, ok := want[s]; ok {
				continue
			}
			if id, ok := tab.lookup(s); ok {
				t.Fatalf("%s: lookup(%q) = %d for a string never added", step, s, id)
			}
		}
	}

	for _, s := range edges[:len(edges)/2] { // the first half while the index is empty
		add(s)
	}
	onePlace(t, "first edges", &tab, want)
	for i := range 200 { // a sparse prefix: a page each, spilled past minPages
		add("S" + strconv.Itoa(3*i*pageSize+7))
	}
	onePlace(t, "sparse", &tab, want)
	// A prefix sparse at first spills a range, then fills its pages: its
	// spilled range stays the hash table's, though a page would pay now.
	for i := range minPages {
		add("D" + strconv.Itoa(i*pageSize))
	}
	add("D" + strconv.Itoa(100*pageSize)) // spills
	for i := range minPages * pageSize {
		add("D" + strconv.Itoa(i))
	}
	add("D" + strconv.Itoa(100*pageSize+1))
	// A dense prefix with more pages than the page cache has entries.
	for i := range 2 * seqCache * pageSize / 4 {
		add("W" + strconv.Itoa(4*i))
	}
	onePlace(t, "dense", &tab, want)
	for i := range maxPrefixes + 50 { // a prefix each, past the cap
		add(fmt.Sprintf("p%d-7", i))
		if i%7 == 0 {
			add(fmt.Sprintf("u-%d-%d", i, i%3)) // a hash-table string now and then, through resizes
		}
	}
	for _, s := range edges { // the rest when the index is full of prefixes
		add(s)
	}
	for i := range 200 { // the sparse prefix again, in and out of spilled ranges
		add("S" + strconv.Itoa(3*i*pageSize+8))
		add("S" + strconv.Itoa((3*i+1)*pageSize))
	}
	if len(tab.seq.names) != maxPrefixes || len(tab.seq.spilled) == 0 {
		t.Fatalf("prefixes %d, spilled ranges %d: the test means to fill the index and spill", len(tab.seq.names), len(tab.seq.spilled))
	}
	onePlace(t, "full", &tab, want)
	absent("full")
	for id, s := range names {
		if got := tab.name(int32(id)); got != s {
			t.Fatalf("name(%d) = %q, want %q", id, got, s)
		}
	}
	// A snapshot reads every name as it was, while more are added.
	snap := tab.snapshot()
	for i := range 3000 {
		add(fmt.Sprintf("late-%d-x", i))
	}
	for id, s := range names[:snap.len()] {
		if got := snap.name(int32(id)); got != s {
			t.Fatalf("snapshot name(%d) = %q, want %q", id, got, s)
		}
	}
	onePlace(t, "late", &tab, want)
}

// TestStrtabPendingAtResize adds hash-table strings one at a time from an
// empty table, so that every resize (and every flush of a full pending
// batch) comes with some slot writes pending, and looks each string up
// right after it is added and every string after each resize.
func TestStrtabPendingAtResize(t *testing.T) {
	var tab strtab
	var names []string
	size := 0
	for i := range 5000 {
		s := "h" + strconv.Itoa(i) + "z"
		pending := tab.npend
		if id := tab.id(s); id != int32(i) {
			t.Fatalf("id(%q) = %d, want %d", s, id, i)
		}
		names = append(names, s)
		if len(tab.slots) == size {
			if tab.npend != pending+1 && !(pending == pendingSlots && tab.npend == 1) {
				t.Fatalf("adding %q: %d slot writes pending, were %d", s, tab.npend, pending)
			}
			continue
		}
		size = len(tab.slots)
		for id, s := range names {
			if got, ok := tab.lookup(s); !ok || got != int32(id) {
				t.Fatalf("after resizing to %d (with %d pending before): lookup(%q) = %d, %v; want %d", size, pending, s, got, ok, id)
			}
		}
	}
	want := map[string]int32{}
	for id, s := range names {
		want[s] = int32(id)
	}
	onePlace(t, "end", &tab, want)
}
