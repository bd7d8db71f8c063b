package scoring

import (
	"errors"
	"fmt"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"
)

// This file checks the matter index at the edges of its rules — the shapes
// of ID that split or do not, the cap on prefixes, spilled ranges, resizes
// with slot writes pending — by where each ID is kept as well as by what a
// lookup finds, and a book merged while it is recorded into.

// reviewEdgeIDs are IDs at the edges of splitSeq and of the sequence
// index's rules, some of which split alike but for a zero.
func reviewEdgeIDs() []string {
	x24, x25 := strings.Repeat("x", 24), strings.Repeat("x", 25)
	z24, z25 := strings.Repeat("0", 24), strings.Repeat("0", 25)
	return []string{
		"", "0", "00", "000", "1", "01", "001", "10", "010", "0010",
		"a", "a0", "a00", "a1", "a01", "a001", "a10",
		"999999999999999999", "0999999999999999999", "1000000000000000000",
		"18446744073709551615", "18446744073709551616", "99999999999999999999",
		"x999999999999999999", "x1000000000000000000",
		x24 + "7", x24 + "07", x25 + "7", x24, z24 + "1", z25 + "1", z24 + "0", z24, z25,
		strings.Repeat("y", 20) + "0000" + "5", strings.Repeat("y", 20) + "00000" + "5",
		"\xff1", "\x801", "\xff", "\xc3", "a\xff\xfe0", "\xff\xff00", "事项12", "事项012", "٣", "事项٣",
		"M-255", "M-256", "M-257", "M-0255", // either side of a page's end
	}
}

// reviewHashNames returns the strings in the hash table, read slot by slot
// (pending writes included), and fails when one is there twice.
func reviewHashNames(t *testing.T, tab *strtab) map[string]int32 {
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

// reviewOnePlace checks the index's invariant: every string added is in
// exactly one place, the one locate says, and under its id.
func reviewOnePlace(t *testing.T, step string, tab *strtab, want map[string]int32) {
	t.Helper()
	hashed := reviewHashNames(t, tab)
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
	edges := reviewEdgeIDs()
	var tab strtab
	want := map[string]int32{}
	var names []string
	add := func(s string) {
		id := tab.id(s)
		if old, ok := want[s]; ok {
			if id != old {
				t.Fatalf("id(%q) = %d again, was %d", s, id, old)
			}
			return
		}
		if id != int32(len(names)) {
			t.Fatalf("id(%q) = %d for a new string, want %d", s, id, len(names))
		}
		want[s] = id
		names = append(names, s)
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
	reviewOnePlace(t, "first edges", &tab, want)
	for i := range 200 { // a sparse prefix: a page each, spilled past minPages
		add("S" + strconv.Itoa(3*i*pageSize+7))
	}
	reviewOnePlace(t, "sparse", &tab, want)
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
	reviewOnePlace(t, "dense", &tab, want)
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
	reviewOnePlace(t, "full", &tab, want)
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
	reviewOnePlace(t, "late", &tab, want)
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
	reviewOnePlace(t, "end", &tab, want)
}

// TestRecordEdgeMatters records one evaluation of each edge ID, then each
// again: a valid ID is recorded once and found a duplicate the second
// time, whichever other IDs split like it but for a zero; an ID that is not
// valid UTF-8 (or empty) is refused as invalid. The book then merges and
// round-trips through JSON with every matter intact.
func TestRecordEdgeMatters(t *testing.T) {
	var ids []string
	for i := range maxPrefixes + 10 {
		ids = append(ids, fmt.Sprintf("q%d-1", i)) // fill the prefixes on the way
		if i%400 == 0 {
			ids = append(ids, reviewEdgeIDs()...)
		}
	}
	ev := func(m string) Evaluation { return eval(m, "D1", 0, june, "good", "85") }
	b := NewBook()
	wantMatters := map[string]bool{}
	for _, m := range ids {
		err := b.Record(ev(m))
		first := !wantMatters[m]
		valid := m != "" && validText(m)
		switch {
		case !valid:
			if !errors.Is(err, ErrInvalid) {
				t.Fatalf("Record(matter %q) = %v, want ErrInvalid", m, err)
			}
		case first:
			if err != nil {
				t.Fatalf("Record(matter %q) = %v, want nil", m, err)
			}
			wantMatters[m] = true
		default:
			if !errors.Is(err, ErrDuplicate) {
				t.Fatalf("Record(matter %q) again = %v, want ErrDuplicate", m, err)
			}
		}
		if valid {
			if err := b.RecordAll([]Evaluation{ev(m)}); !errors.Is(err, ErrDuplicate) {
				t.Fatalf("RecordAll(matter %q) again = %v, want ErrDuplicate", m, err)
			}
		}
	}
	gotMatters := func(what string, b *Book) {
		t.Helper()
		got := map[string]bool{}
		for _, e := range b.Evaluations() {
			if got[e.Matter] {
				t.Fatalf("%s: matter %q twice", what, e.Matter)
			}
			got[e.Matter] = true
		}
		if diff := cmp.Diff(wantMatters, got); diff != "" {
			t.Fatalf("%s: matters mismatch (-want +got):\n%s", what, diff)
		}
	}
	gotMatters("recorded", b)
	m := NewBook()
	if err := m.Merge(b); err != nil {
		t.Fatalf("Merge = %v", err)
	}
	gotMatters("merged", m)
	if err := m.Merge(b); !errors.Is(err, ErrDuplicate) {
		t.Fatalf("Merge again = %v, want ErrDuplicate", err)
	}
	data, err := b.MarshalJSON()
	if err != nil {
		t.Fatal(err)
	}
	var back Book
	if err := back.UnmarshalJSON(data); err != nil {
		t.Fatalf("UnmarshalJSON = %v", err)
	}
	gotMatters("round trip", &back)
}

// TestMergeWhileRecording merges a book that one goroutine is recording
// into — with IDs for the hash table and for pages, reasons, amendments,
// far times and wide points — into fresh books: each merge takes a state
// the book was in, the evaluations recorded so far, whole.
func TestMergeWhileRecording(t *testing.T) {
	const n = 600
	es := make([]Evaluation, n)
	for i := range es {
		m := fmt.Sprintf("case-%d-%c", i, 'a'+i%26) // hash table
		if i%2 == 0 {
			m = fmt.Sprintf("2020-%07d", i) // pages
		}
		at := june
		if i%5 == 0 {
			at = time.Date(1700, 1, 1, 0, 0, 0, i, cst) // far
		}
		points := decimal.New(int64(i), -2)
		if i%7 == 0 {
			points = decimal.New(int64(i)+1, -9) // wide
		}
		es[i] = Evaluation{Matter: m, Subject: fmt.Sprint("D", i%3), Evaluator: "S", Stage: i % 2, At: at,
			Result: Result{Grade: "good", Points: points, Policy: "p", Reasons: []string{fmt.Sprint("r", i%4)}}}
	}
	b := NewBook()
	done, merging := make(chan struct{}), make(chan struct{}, 2)
	go func() {
		defer close(done)
		<-merging // the merges are under way
		for i := 0; i < n; i += 10 {
			runtime.Gosched()
			var errs []error
			if i%20 == 0 {
				errs = append(errs, b.RecordAll(es[i:i+10]))
			} else {
				for _, e := range es[i : i+10] {
					errs = append(errs, b.Record(e))
				}
			}
			a := Amendment{Evaluation: es[i], Author: "A", Reason: "fix"}
			a.Result.Grade, a.Result.Points = "poor", decimal.New(int64(i), -10)
			if err := errors.Join(append(errs, b.Amend(a))...); err != nil {
				t.Errorf("recording evaluations %d–%d: %v", i, i+9, err)
			}
		}
	}()
	var mu sync.Mutex
	var merged []*Book
	var wg sync.WaitGroup
	for range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			merging <- struct{}{}
			for k := 0; k < 40; k++ { // until the recording ends, or 40 times
				select {
				case <-done:
					k = 40
				default:
				}
				c := NewBook()
				if err := c.Merge(b); err != nil {
					t.Errorf("Merge = %v", err)
					return
				}
				mu.Lock()
				merged = append(merged, c)
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	<-done
	want := map[string]Evaluation{}
	for _, e := range b.Evaluations() {
		want[e.Matter] = e
	}
	for _, c := range merged {
		got := c.Evaluations()
		seen := map[string]bool{}
		for _, e := range got {
			seen[e.Matter] = true
			if diff := cmp.Diff(want[e.Matter], e); diff != "" {
				t.Fatalf("merged evaluation of %q mismatch (-want +got):\n%s", e.Matter, diff)
			}
		}
		// Recorded in order: the merged ones are the first len(got).
		for _, e := range es[:len(got)] {
			if !seen[e.Matter] {
				t.Fatalf("a merge of %d evaluations lacks %q, recorded before some it has", len(got), e.Matter)
			}
		}
	}
	final := NewBook()
	if err := final.Merge(b); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(b.Amendments(), final.Amendments()); diff != "" {
		t.Errorf("merged amendments mismatch (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(b.Scores(Year(2020)), final.Scores(Year(2020))); diff != "" {
		t.Errorf("merged scores mismatch (-want +got):\n%s", diff)
	}
}
