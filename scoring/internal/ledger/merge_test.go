package ledger

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"runtime"
	"slices"
	"testing"
	"time"
	"unsafe"

	"github.com/google/go-cmp/cmp"
	"github.com/qingdan/qingdan/scoring/reason"
	"github.com/shopspring/decimal"
)

// randomEntries returns n entries of distinct keys and some amendments
// of them, with every kind of figure a ledger keeps: points that fit and
// that do not, times in and out of the nanosecond range, no reasons, the
// same reasons in runs and reasons of their own; matter IDs numbered and
// not; with few, most matters have many entries (see findKey), of many
// stages.
func randomEntries(rng *rand.Rand, n int) ([]Entry, []Amendment) {
	return randomEntriesOf(rng, n, n)
}

// randomEntriesOf is randomEntries of matters numbered below matters.
func randomEntriesOf(rng *rand.Rand, n, matters int) ([]Entry, []Amendment) {
	stages := 3
	if matters < n {
		stages = n
	}
	june := time.Date(2020, 6, 15, 10, 0, 0, 0, time.UTC)
	points := []string{"85", "70.5", "0", "-3", "1e-9", "123456789012345678901234567890"}
	ats := []time.Time{june, june.AddDate(0, 1, 0), time.Date(1700, 1, 1, 0, 0, 0, 1, time.UTC), time.Date(2200, 1, 1, 0, 0, 0, 0, time.UTC)}
	var es []Entry
	seen := map[Key]bool{}
	for len(es) < n {
		var matter string
		switch rng.IntN(3) {
		case 0:
			matter = fmt.Sprintf("2020-%d", rng.IntN(matters))
		case 1:
			matter = fmt.Sprintf("WH%07d", rng.IntN(matters))
		default:
			matter = fmt.Sprintf("m-%x-z", rng.IntN(matters))
		}
		k := Key{Matter: matter, Subject: fmt.Sprintf("D%d", rng.IntN(5)), Evaluator: fmt.Sprintf("S%d", rng.IntN(3)), Stage: int32(rng.IntN(stages))}
		if seen[k] {
			continue
		}
		seen[k] = true
		e := Entry{Key: k, At: ats[rng.IntN(len(ats))], Grade: []string{"good", "fair", "poor"}[rng.IntN(3)],
			Policy: []string{"p1", "p2"}[rng.IntN(2)], Points: decimal.RequireFromString(points[rng.IntN(len(points))])}
		switch rng.IntN(4) {
		case 0:
		case 1:
			e.Reasons = reason.Texts("run", "of reasons")
		default:
			e.Reasons = reason.Texts(fmt.Sprintf("own %d", rng.IntN(1000)))
		}
		es = append(es, e)
	}
	var as []Amendment
	for range n / 4 {
		e := es[rng.IntN(len(es))]
		e.At = e.At.Add(time.Duration(rng.IntN(3)) * time.Hour)
		e.Points = decimal.RequireFromString(points[rng.IntN(len(points))])
		e.Reasons = reason.Texts(fmt.Sprintf("fix %d", rng.IntN(4)))
		as = append(as, Amendment{Entry: e, Author: fmt.Sprintf("A%d", rng.IntN(2)), Reason: "r"})
	}
	return es, as
}

// amendmentsOf returns the amendments of the entries.
func amendmentsOf(es []Entry, as []Amendment) []Amendment {
	keys := map[Key]bool{}
	for _, e := range es {
		keys[e.Key] = true
	}
	var out []Amendment
	for _, a := range as {
		if keys[a.Key] {
			out = append(out, a)
		}
	}
	return out
}

// contents is what a ledger reports, to compare ledgers by.
type contents struct {
	Entries    []Entry
	Amendments []Amendment
	Tallies    [][]string
}

func contentsOf(l *Ledger) contents {
	c := contents{Entries: l.Entries(), Amendments: l.Amendments()}
	june := time.Date(2020, 6, 1, 0, 0, 0, 0, time.UTC)
	for _, p := range [][2]time.Time{{june, june.AddDate(0, 1, 0)}, {time.Time{}, june.AddDate(500, 0, 0)}} {
		var ts []string
		for _, t := range l.Tally(p[0], p[1]) {
			ts = append(ts, fmt.Sprint(t.Subject, " ", t.Matters, " ", t.Entries, " ", t.Mean.RatString(), " ", t.Grades))
		}
		slices.Sort(ts)
		c.Tallies = append(c.Tallies, ts)
	}
	return c
}

// contentsDiff is cmp.Diff of what two ledgers report, which
// reflect.DeepEqual checks first: on tens of thousands of entries cmp is
// slow.
func contentsDiff(want, got *Ledger) string {
	w, g := contentsOf(want), contentsOf(got)
	if reflect.DeepEqual(w, g) {
		return ""
	}
	return cmp.Diff(w, g)
}

// fill adds entries and amendments to a ledger and fails on any outcome
// but Added (amendments equal to one there already are skipped).
func fill(t *testing.T, l *Ledger, es []Entry, as []Amendment) {
	t.Helper()
	for i := range es {
		if out := l.Add(&es[i]); out != Added {
			t.Fatalf("Add(%v) = %v", es[i].Key, out)
		}
	}
	for i := range as {
		if out := l.Amend(&as[i]); out != Added && out != Duplicate {
			t.Fatalf("Amend(%v) = %v", as[i].Key, out)
		}
	}
}

// TestMergeMatchesAdd splits entries and amendments over ledgers — by
// matter, or not — merges them in random order, from views and from
// snapshots, and checks that the merged ledger reports what one ledger
// given everything reports; and that it then takes more entries and
// amendments, refusing duplicates of merged ones, as that one does. From
// seed 16 on, the entries are of a few matters, many of each.
func TestMergeMatchesAdd(t *testing.T) {
	for seed := range uint64(24) {
		t.Run(fmt.Sprint(seed), func(t *testing.T) {
			rng := rand.New(rand.NewPCG(seed, 3))
			n := 200 + rng.IntN(2000)
			matters := n
			if seed >= 16 {
				matters = 1 + rng.IntN(4)
			}
			es, as := randomEntriesOf(rng, n, matters)
			later := len(es) * 4 / 5 // added after the merges
			as = amendmentsOf(es[:later], as)
			var want Ledger
			fill(t, &want, es[:later], as)

			parts := make([]Ledger, 1+rng.IntN(4))
			byMatter := seed%2 == 0
			where := map[Key]int{}
			for i := range es[:later] {
				k := rng.IntN(len(parts))
				if byMatter {
					k = int(uint(len(es[i].Matter)*31+int(es[i].Matter[len(es[i].Matter)-1])) % uint(len(parts)))
				}
				where[es[i].Key] = k
				fill(t, &parts[k], es[i:i+1], nil)
			}
			for i := range as {
				fill(t, &parts[where[as[i].Key]], nil, as[i:i+1])
			}
			var got Ledger
			for _, k := range rng.Perm(len(parts)) {
				s := parts[k].View()
				if rng.IntN(2) == 0 {
					s = parts[k].Snapshot()
				}
				sp := splitting{parallelMin, runtime.GOMAXPROCS(0)}
				if rng.IntN(2) == 0 {
					sp = splitting{1, 3} // every run of records split
				}
				if out, keys := got.merge(s, 10, sp); out != Added {
					t.Fatalf("Merge of part %d split %v = %v, %v", k, sp, out, keys)
				}
			}
			if diff := cmp.Diff(contentsOf(&want), contentsOf(&got)); diff != "" {
				t.Fatalf("merged mismatch (-want +got):\n%s", diff)
			}
			checkLong(t, "the merged ledger", &got)
			for k := range parts {
				if out, _ := got.Merge(parts[k].View(), 1); out != Duplicate {
					t.Fatalf("Merge of part %d again = %v, want Duplicate", k, out)
				}
			}
			for i := range es[:later] {
				if out := got.Add(&es[i]); out != Duplicate {
					t.Fatalf("Add of merged %v = %v, want Duplicate", es[i].Key, out)
				}
			}
			for i := range as {
				if out := got.Amend(&as[i]); out != Duplicate {
					t.Fatalf("Amend of merged %v = %v, want Duplicate", as[i].Key, out)
				}
			}
			more := []Amendment{{Entry: es[0], Author: "late", Reason: "r"}}
			more[0].At = more[0].At.Add(time.Minute)
			fill(t, &want, es[later:], more)
			fill(t, &got, es[later:], more)
			if diff := cmp.Diff(contentsOf(&want), contentsOf(&got)); diff != "" {
				t.Fatalf("after more entries, mismatch (-want +got):\n%s", diff)
			}
			checkLong(t, "the ledger given everything", &want)
			checkLong(t, "the merged ledger, given more", &got)
		})
	}
}

// checkLong checks that l.long holds the records of every matter of
// more than longList records, by their keys, and no others.
func checkLong(t *testing.T, what string, l *Ledger) {
	t.Helper()
	want := map[keyIDs]int32{}
	for m := range int32(l.matters.len()) {
		var recs []int32
		for i := l.matters.loc(m).head; i != 0; i = l.recs.at(i - 1).prev {
			recs = append(recs, i-1)
		}
		if len(recs) > longList {
			for _, i := range recs {
				want[l.keyOf(m, i)] = i
			}
		}
	}
	got := l.long
	if got == nil {
		got = map[keyIDs]int32{}
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("%s: the records of long matters by key mismatch (-want +got):\n%s", what, diff)
	}
}

// TestMergeSplitsCopying merges a ledger of 40,000 entries and some
// amendments into one of 1,000, some of the same matters, copying the
// records on three goroutines from the middle of a chunk on; then both go
// on adding. (TestMergeMatchesAdd splits copies from snapshots too.) Each reports what a ledger given its own entries reports.
func TestMergeSplitsCopying(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 11))
	es, as := randomEntries(rng, 34_200)
	mine, theirs, later := es[:1000], es[1000:34_000], es[34_000:]
	mineAs, theirAs := amendmentsOf(mine, as), amendmentsOf(theirs, as)
	var src Ledger
	fill(t, &src, theirs, theirAs)
	if 1000&(1<<chunkBits-1) == 0 || src.Len()-(1<<chunkBits-1000) < 1<<chunkBits {
		t.Fatalf("ledgers of 1000 and %d entries: the test means to copy from the middle of a chunk, and more than a chunk after it", src.Len())
	}
	var want Ledger
	fill(t, &want, es[:34_000], slices.Concat(mineAs, theirAs))
	var dst Ledger
	fill(t, &dst, mine, mineAs)
	if out, keys := dst.merge(src.View(), 10, splitting{1, 3}); out != Added {
		t.Fatalf("Merge = %v, %v", out, keys)
	}
	if diff := contentsDiff(&want, &dst); diff != "" {
		t.Fatalf("merged mismatch (-want +got):\n%s", diff)
	}
	fill(t, &dst, later[:100], nil)
	fill(t, &src, later[100:], nil)
	for _, c := range []struct {
		name string
		l    *Ledger
		es   []Entry
		as   []Amendment
	}{
		{"merged", &dst, slices.Concat(mine, theirs, later[:100]), slices.Concat(mineAs, theirAs)},
		{"other", &src, slices.Concat(theirs, later[100:]), theirAs},
	} {
		var want Ledger
		fill(t, &want, c.es, c.as)
		if diff := contentsDiff(&want, c.l); diff != "" {
			t.Fatalf("after more entries, the %s ledger mismatch (-want +got):\n%s", c.name, diff)
		}
	}
}

// TestMergeOverlap merges ledgers that share keys — some, or all — and
// checks that Merge refuses, names the first shared keys in the order the
// other ledger added them, and leaves the ledger as it was.
func TestMergeOverlap(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 5))
	es, as := randomEntries(rng, 500)
	var l, o Ledger
	fill(t, &l, es[:300], amendmentsOf(es[:300], as))
	// o: entries of its own, then, every seventh, one of l's, in order.
	var shared []Key
	for i := 250; i < len(es); i++ {
		fill(t, &o, es[i:i+1], nil)
		if i%7 == 0 && i-250 < 50 {
			fill(t, &o, es[i-250:i-249], nil)
			shared = append(shared, es[i-250].Key)
		}
	}
	for i := 250; i < 300; i++ {
		shared = append(shared, es[i].Key)
	}
	// The order o added them in.
	var wantKeys []Key
	for i := range o.recs.len() {
		r := o.recs.at(int32(i))
		for _, k := range shared {
			if k.Stage == r.stage && o.find(&k) == i {
				wantKeys = append(wantKeys, k)
			}
		}
	}
	before := contentsOf(&l)
	n := l.Len()
	for _, limit := range []int{0, 1, 10, 1000} {
		for _, s := range []*Snapshot{o.View(), o.Snapshot()} {
			out, keys := l.Merge(s, limit)
			if out != Duplicate {
				t.Fatalf("Merge of an overlapping ledger = %v", out)
			}
			want := wantKeys[:min(limit, len(wantKeys))]
			if diff := cmp.Diff(want, keys, cmp.Comparer(func(x, y []Key) bool { return slices.Equal(x, y) })); diff != "" && !(len(want) == 0 && len(keys) == 0) {
				t.Fatalf("limit %d: keys mismatch (-want +got):\n%s", limit, diff)
			}
		}
	}
	if l.Len() != n {
		t.Fatalf("a refused merge changed Len: %d, was %d", l.Len(), n)
	}
	if diff := cmp.Diff(before, contentsOf(&l)); diff != "" {
		t.Fatalf("a refused merge changed the ledger (-want +got):\n%s", diff)
	}
	// The ledger goes on as before: it takes o's entries one by one.
	for i := 300; i < len(es); i++ {
		if out := l.Add(&es[i]); out != Added {
			t.Fatalf("Add after a refused merge = %v", out)
		}
	}
}

// TestMergeSharesNames merges ledgers whose new matters' names run to more
// than shareMin bytes, which the merged ledger shares rather than copies —
// into an empty ledger from a view, and into one with matters of its own
// from a snapshot — and then adds matters to both: each reports what a
// ledger given its own entries reports, and neither writes into the
// other's names.
func TestMergeSharesNames(t *testing.T) {
	june := time.Date(2020, 6, 15, 10, 0, 0, 0, time.UTC)
	entries := func(format string, from, to int) []Entry {
		var es []Entry
		for i := from; i < to; i++ {
			es = append(es, entry(fmt.Sprintf(format, i), fmt.Sprint("D", i%7), 0, june, "85"))
		}
		return es
	}
	// Names of 15 and 60 bytes, 300,000 in all: more than shareMin.
	theirs := append(entries("WH-%012d", 0, 4000), entries("case %08d of the Wuhu 12345 hotline, opened by a citizen", 0, 4000)...)
	theirsLater := entries("WH-%012d", 4000, 6000)
	for _, tc := range []struct {
		own      int
		snapshot bool
	}{{0, false}, {1000, true}} {
		mine, mineLater := entries("CH-%06d", 0, tc.own), entries("case %08d of Chaohu", 0, 4000)
		var src, dst Ledger
		fill(t, &src, theirs, nil)
		fill(t, &dst, mine, nil)
		s := src.View()
		if tc.snapshot {
			s = src.Snapshot()
		}
		if out, keys := dst.Merge(s, 10); out != Added {
			t.Fatalf("Merge = %v, %v", out, keys)
		}
		if !sharesBytes(&dst.matters.arena, &src.matters.arena) {
			t.Errorf("%d matters of its own, snapshot %v: the merged ledger copied the names", tc.own, tc.snapshot)
		}
		fill(t, &src, theirsLater, nil)
		fill(t, &dst, mineLater, nil)
		for _, c := range []struct {
			name     string
			l        *Ledger
			es, more []Entry
		}{{"merged", &dst, append(slices.Clone(mine), theirs...), mineLater}, {"other", &src, theirs, theirsLater}} {
			var want Ledger
			fill(t, &want, c.es, nil)
			fill(t, &want, c.more, nil)
			if diff := cmp.Diff(keysOf(&want), keysOf(c.l)); diff != "" {
				t.Fatalf("%d matters of its own, snapshot %v: the %s ledger's keys mismatch (-want +got):\n%s", tc.own, tc.snapshot, c.name, diff)
			}
		}
	}
}

// keysOf returns the keys of a ledger's entries, in order.
func keysOf(l *Ledger) []Key {
	var ks []Key
	for _, e := range l.Entries() {
		ks = append(ks, e.Key)
	}
	return ks
}

// sharesBytes reports whether a chunk of a holds bytes of a chunk of b.
func sharesBytes(a, b *arena) bool {
	for _, x := range a.chunks {
		for _, y := range b.chunks {
			if len(x) > 0 && len(y) > 0 {
				start := uintptr(unsafe.Pointer(unsafe.SliceData(y)))
				if p := uintptr(unsafe.Pointer(&x[0])); p >= start && p < start+uintptr(cap(y)) {
					return true
				}
			}
		}
	}
	return false
}
