package ledger

import (
	"fmt"
	"math"
	"math/big"
	"reflect"
	"testing"
	"time"
	"unsafe"

	"github.com/google/go-cmp/cmp"
	"github.com/qingdan/qingdan/scoring/reason"
	"github.com/shopspring/decimal"
)

// These tests check the ledger through its own API and the layout its
// speed depends on; package scoring tests it through Book.

// TestRecordLayout keeps a record at 32 bytes without pointers, which is
// what lets a ledger hold 10^8 of them without the collector scanning
// them.
func TestRecordLayout(t *testing.T) {
	if n := unsafe.Sizeof(record{}); n != 32 {
		t.Errorf("a record takes %d bytes, want 32", n)
	}
	rt := reflect.TypeFor[record]()
	for i := range rt.NumField() {
		switch f := rt.Field(i); f.Type.Kind() {
		case reflect.Int32, reflect.Int64, reflect.Uint32:
		default:
			t.Errorf("record.%s is a %s: a record holds integers only", f.Name, f.Type)
		}
	}
}

func TestToFixed(t *testing.T) {
	for _, c := range []struct {
		in   string
		want int64
		ok   bool
	}{
		{"0", 0, true},
		{"85", 85_000_000, true},
		{"-0.5", -500_000, true},
		{"0.000001", 1, true},
		{"0.0000001", 0, false},                             // not whole millionths
		{"1.0000000000", 1_000_000, true},                   // trailing zeros
		{"999999999999.999999", 999999999999999999, true},   // 18 digits
		{"-999999999999.999999", -999999999999999999, true}, // 18 digits
		{"9223372036854.775807", 0, false},                  // 19 digits, though it fits
		{"9e12", 9e18, true},                                // few digits, many millionths
		{"1e13", 0, false},                                  // 10^19 millionths do not fit
		{"1e30", 0, false},
		{"1e-30", 0, false},
		{"123456789012345678901234567890", 0, false}, // too many digits
	} {
		v, ok := toFixed(decimal.RequireFromString(c.in))
		if v != c.want || ok != c.ok {
			t.Errorf("toFixed(%s) = %d, %v; want %d, %v", c.in, v, ok, c.want, c.ok)
		}
	}
}

// TestInt128 sums values far beyond an int64 and back, against big.Int.
func TestInt128(t *testing.T) {
	var a int128
	want := new(big.Int)
	for i, x := range []int64{math.MaxInt64, math.MaxInt64, math.MaxInt64, -1, math.MinInt64, 7, math.MinInt64, math.MinInt64, math.MinInt64, math.MinInt64} {
		a.add(x)
		want.Add(want, big.NewInt(x))
		if got := a.big(); got.Cmp(want) != 0 {
			t.Fatalf("after %d additions: %s, want %s", i+1, got, want)
		}
	}
	var b int128
	b.addWide(a)
	b.addWide(a)
	if got := b.big(); got.Cmp(new(big.Int).Lsh(want, 1)) != 0 {
		t.Errorf("addWide: %s, want %s", got, new(big.Int).Lsh(want, 1))
	}
}

func entry(matter, subject string, stage int32, at time.Time, points string) Entry {
	return Entry{Key: Key{Matter: matter, Subject: subject, Evaluator: "S", Stage: stage}, At: at,
		Grade: "good", Policy: "p", Points: decimal.RequireFromString(points), Reasons: reason.Texts("r")}
}

// TestLedger adds, amends, tallies, snapshots and merges a small ledger,
// and checks each outcome.
func TestLedger(t *testing.T) {
	june := time.Date(2020, 6, 15, 10, 0, 0, 0, time.UTC)
	var l Ledger
	es := []Entry{entry("2020-2", "D1", 0, june, "85"), entry("2020-1", "D1", 1, june, "70"),
		entry("2020-1", "D1", 2, june, "100"), entry("M-x", "D2", 0, june, "1e-9")}
	for _, e := range es {
		if out := l.Add(&e); out != Added {
			t.Fatalf("Add(%v) = %v", e.Key, out)
		}
	}
	bad := entry("x\xff", "D1", 0, june, "1")
	tooLong := entry("2020-3", "D1", 0, june, "1")
	tooLong.Reasons = reason.Texts(string(make([]byte, maxReasons)))
	for _, c := range []struct {
		e    Entry
		want Outcome
	}{{es[0], Duplicate}, {bad, Invalid}, {tooLong, Invalid}} {
		if out := l.Add(&c.e); out != c.want {
			t.Errorf("Add(%q) = %v, want %v", c.e.Matter, out, c.want)
		}
	}
	if l.Len() != len(es) {
		t.Fatalf("Len() = %d, want %d", l.Len(), len(es))
	}
	want := []Entry{es[1], es[2], es[0], es[3]} // by key
	if diff := cmp.Diff(want, l.Entries()); diff != "" {
		t.Errorf("Entries() mismatch (-want +got):\n%s", diff)
	}

	a := Amendment{Entry: entry("2020-2", "D1", 0, june.Add(time.Hour), "40"), Author: "A", Reason: "R"}
	other := Amendment{Entry: entry("2020-9", "D1", 0, june, "40"), Author: "A", Reason: "R"}
	for _, c := range []struct {
		a    Amendment
		want Outcome
	}{{a, Added}, {a, Duplicate}, {other, NotFound}} {
		if out := l.Amend(&c.a); out != c.want {
			t.Errorf("Amend(%v) = %v, want %v", c.a.Key, out, c.want)
		}
	}

	// Lookup gives the entry as added, not as amended; nothing for a key
	// the ledger lacks.
	if got, ok := l.Lookup(&es[0].Key); !ok || !cmp.Equal(es[0], got) {
		t.Errorf("Lookup(%v) = %v, %v; want the entry as added", es[0].Key, got, ok)
	}
	if _, ok := l.Lookup(&other.Key); ok {
		t.Errorf("Lookup(%v) found an entry", other.Key)
	}

	// D1: 2020-2 amended to 40, 2020-1 the mean of 70 and 100: (40 + 85) / 2.
	check := func(what string, l *Ledger) {
		t.Helper()
		got := map[string]string{}
		for _, tt := range l.Tally(june, june.Add(1)) {
			got[tt.Subject] = fmt.Sprint(tt.Matters, " ", tt.Entries, " ", tt.Mean.RatString(), " ", tt.Grades)
		}
		want := map[string]string{"D1": "2 3 125/2 map[good:3]", "D2": "1 1 1/1000000000 map[good:1]"}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("%s: Tally mismatch (-want +got):\n%s", what, diff)
		}
		if got := l.Tally(june.Add(1), june.Add(2)); len(got) != 0 {
			t.Errorf("%s: Tally of a period after the entries = %v", what, got)
		}
	}
	check("the ledger", &l)

	s := l.Snapshot()
	late := entry("2020-4", "D3", 0, june, "1")
	if out := l.Add(&late); out != Added {
		t.Fatalf("Add after the snapshot = %v", out)
	}
	var m Ledger
	if out, keys := m.Merge(s, 10); out != Added || len(keys) != 0 {
		t.Fatalf("Merge = %v, %v", out, keys)
	}
	check("the merged snapshot", &m)
	if diff := cmp.Diff(l.Amendments(), m.Amendments()); diff != "" {
		t.Errorf("merged Amendments() mismatch (-want +got):\n%s", diff)
	}
	if out, keys := m.Merge(l.Snapshot(), 2); out != Duplicate || len(keys) != 2 || keys[0].Matter != "2020-2" {
		t.Errorf("Merge of overlapping = %v, %v, want Duplicate and the first two keys of the snapshot's", out, keys)
	}
}
