package ledger

import (
	"fmt"
	"math/rand/v2"
	"strconv"
	"testing"

	"github.com/qingdan/qingdan/scoring/internal/ledger/ledgertest"
)

// TestStrtabMergePlan takes the strings of one strtab into another as a
// merge does — plan, then addPlanned — with strings of every shape, some
// in both, and checks that plan finds exactly the strings the target has,
// and that after adding the rest every string is in exactly one place,
// under the id plan gave it, with its name; and that the target then
// takes strings one by one as before.
func TestStrtabMergePlan(t *testing.T) {
	for seed := range uint64(6) {
		t.Run(fmt.Sprint(seed), func(t *testing.T) {
			rng := rand.New(rand.NewPCG(seed, 11))
			var dst, src strtab
			want := map[string]int32{}
			var names []string
			add := func(s string) {
				if _, ok := want[s]; ok {
					return
				}
				want[s] = dst.id(s)
				names = append(names, s)
			}
			// The target and the source get strings of the same shapes, the
			// source fewer; with seed%3 == 0 the target stays empty, as a
			// book is when the first shard is merged into it.
			gd := &strtabGen{rng: rand.New(rand.NewPCG(seed, 1))}
			gs := &strtabGen{rng: rand.New(rand.NewPCG(seed, 2))}
			if seed%3 != 0 {
				for range 40_000 {
					add(gd.id())
				}
			}
			var srcNames []string
			seen := map[string]bool{}
			next := uint64(rng.IntN(3)) << 20
			for range 20_000 + rng.IntN(20_000) {
				s := gs.id()
				switch {
				case seed%2 == 1 && rng.IntN(4) == 0 && len(names) > 0:
					s = names[rng.IntN(len(names))] // one the target has
				case rng.IntN(3) == 0:
					// Runs of numbers, as a shard's matters come: in ranges
					// the target has pages of, or none, or far beyond.
					next += 1 + uint64(rng.IntN(2))
					s = fmt.Sprintf("2020-%d", next)
				}
				if !seen[s] {
					seen[s] = true
					src.id(s)
					srcNames = append(srcNames, s)
				}
			}

			n := dst.len()
			pages := src.seq.pageList(seed%2 == 0)
			p := dst.plan(&src, pages)
			if dst.len() != n {
				t.Fatalf("plan changed the target: %d strings, had %d", dst.len(), n)
			}
			added := int32(0)
			for m, s := range srcNames {
				wid, ok := want[s]
				switch got := p.ids[m]; {
				case ok && got != wid:
					t.Fatalf("plan: %q has id %d, want %d", s, got, wid)
				case !ok && got != -1:
					t.Fatalf("plan: %q, which the target lacks, has id %d", s, got)
				case !ok:
					added++
				}
			}
			if p.added != added {
				t.Fatalf("plan: %d new strings, want %d", p.added, added)
			}

			dst.addPlanned(&src, pages, &p, 0)
			for m, s := range srcNames {
				if _, ok := want[s]; ok {
					continue
				}
				if p.ids[m] != int32(len(names)) {
					t.Fatalf("addPlanned: %q has id %d, want %d (the next, in the source's order)", s, p.ids[m], len(names))
				}
				want[s] = p.ids[m]
				names = append(names, s)
			}
			if dst.len() != len(names) {
				t.Fatalf("after addPlanned: %d strings, want %d", dst.len(), len(names))
			}
			onePlace(t, "merged", &dst, want)
			for id, s := range names {
				if got := dst.name(int32(id)); got != s {
					t.Fatalf("name(%d) = %q, want %q", id, got, s)
				}
				if got, ok := dst.lookup(s); !ok || got != int32(id) {
					t.Fatalf("lookup(%q) = %d, %v; want %d", s, got, ok, id)
				}
			}
			// The merged strtab goes on as any other.
			for range 20_000 {
				addID(t, &dst, want, &names, gd.id(), " after the merge")
			}
			onePlace(t, "after", &dst, want)
		})
	}
}

// TestLocatePageSplitsAlike checks what locatePage relies on: the first
// ID of a page's range, its prefix followed by the range's first number,
// splits into that prefix and number, whatever the ID the page was made
// for.
func TestLocatePageSplitsAlike(t *testing.T) {
	g := &strtabGen{rng: rand.New(rand.NewPCG(3, 3))}
	ids := ledgertest.EdgeIDs()
	for range 20_000 {
		ids = append(ids, g.id())
	}
	for _, s := range ids {
		prefix, num, ok := splitSeq(s)
		if !ok {
			continue
		}
		first := num >> pageBits << pageBits
		var buf []byte
		buf = strconv.AppendUint(append(buf, prefix...), first, 10)
		p, n, ok := splitSeq(string(buf))
		if !ok || p != prefix || n != first {
			t.Errorf("%q splits into %q and %d; the first ID of its range, %q, into %q, %d, %v", s, prefix, num, buf, p, n, ok)
		}
	}
}
