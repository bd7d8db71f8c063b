package ledger

import (
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// These tests check how the sequence index splits IDs into a prefix and
// a number, and when it gives a sparse prefix's ranges to the hash table.

func TestSplitSeq(t *testing.T) {
	type split struct {
		Prefix string
		Num    uint64
		OK     bool
	}
	for _, c := range []struct {
		in   string
		want split
	}{
		{"2020-0001234", split{"2020-000", 1234, true}},
		{"WH20200615000123", split{"WH", 20200615000123, true}},
		{"12345", split{"", 12345, true}},
		{"0", split{"", 0, true}},
		{"00", split{"0", 0, true}},
		{"007", split{"00", 7, true}},
		{"M-0", split{"M-", 0, true}},
		{"M-000", split{"M-00", 0, true}},
		{"M-10", split{"M-", 10, true}},
		{"999999999999999999", split{"", 999999999999999999, true}},              // 18 digits
		{"x0000999999999999999999", split{"x0000", 999999999999999999, true}},    // zeros do not count
		{"1000000000000000000", split{}},                                         // 19 digits
		{"", split{}},                                                            // nothing
		{"M-", split{}},                                                          // no number
		{"12a", split{}},                                                         // ends in a letter
		{"٣", split{}},                                                           // not an ASCII digit
		{"事项12", split{"事项", 12, true}},                                          // UTF-8 prefix
		{"a\xff9", split{"a\xff", 9, true}},                                      // bytes, not runes
		{strings.Repeat("0", 24) + "1", split{strings.Repeat("0", 24), 1, true}}, // a prefix of 24 bytes
		{strings.Repeat("0", 25) + "1", split{}},                                 // 25
		{"6ba7b810-9dad-41d1-80b4-00c04fd430c8", split{}},                        // a UUID
		{"6ba7b810-9dad-41d1-80b4-004030201008", split{}},                        // a UUID ending in 12 digits
	} {
		p, n, ok := splitSeq(c.in)
		if diff := cmp.Diff(c.want, split{p, n, ok}); diff != "" {
			t.Errorf("splitSeq(%q) mismatch (-want +got):\n%s", c.in, diff)
		}
		if ok && p+strconv.FormatUint(n, 10) != c.in {
			t.Errorf("splitSeq(%q) = %q, %d: they do not make the string again", c.in, p, n)
		}
	}
}

// FuzzSplitSeq checks that a split makes its string again, so that no two
// strings split alike, and that a string is split exactly when it ends in
// a number of at most maxDigits digits after a prefix of at most
// maxPrefixLen bytes.
func FuzzSplitSeq(f *testing.F) {
	for _, s := range []string{"", "0", "00", "2020-0001234", "12a", "1000000000000000000", "x01"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p, n, ok := splitSeq(s)
		if !ok {
			if p != "" || n != 0 {
				t.Fatalf("splitSeq(%q) = %q, %d, false", s, p, n)
			}
			digits := strings.TrimLeft(s[len(strings.TrimRight(s, "0123456789")):], "0")
			if digits == "" && strings.HasSuffix(s, "0") {
				digits = "0"
			}
			if digits != "" && len(digits) <= maxDigits && len(s)-len(digits) <= maxPrefixLen {
				t.Fatalf("splitSeq(%q) is not ok, though it is a prefix of %d bytes and a number of %d digits", s, len(s)-len(digits), len(digits))
			}
			return
		}
		if p+strconv.FormatUint(n, 10) != s {
			t.Fatalf("splitSeq(%q) = %q, %d: they do not make the string again", s, p, n)
		}
	})
}

// TestSeqIndexSparse gives one prefix sparse numbers: after minPages pages
// its new ranges spill to the hash table, and those strings are still
// found, as are the ones in pages.
func TestSeqIndexSparse(t *testing.T) {
	var tab strtab
	var all []string
	for i := range 1000 {
		s := "N" + strconv.Itoa(i*pageSize*3) // a page each
		all = append(all, s)
		tab.id(s)
	}
	c := tab.seq.counts[0]
	if c.pages != minPages || c.keys != minPages {
		t.Errorf("pages %d, keys in them %d; want %d of each", c.pages, c.keys, minPages)
	}
	if len(tab.seq.spilled) != 1000-minPages || tab.hashed != 1000-minPages {
		t.Errorf("spilled ranges %d, in the hash table %d; want %d", len(tab.seq.spilled), tab.hashed, 1000-minPages)
	}
	// Numbers next to the sparse ones: the same ranges, so the same place.
	for i, s := range all {
		n := i*pageSize*3 + 1
		next := "N" + strconv.Itoa(n)
		if _, ok := tab.lookup(next); ok {
			t.Fatalf("lookup(%q) found a string never added", next)
		}
		tab.id(next)
		if id, ok := tab.lookup(s); !ok || tab.name(id) != s {
			t.Fatalf("lookup(%q) = %d, %v after adding %q", s, id, ok, next)
		}
	}
	if c := tab.seq.counts[0]; c.pages != minPages || c.keys != 2*minPages {
		t.Errorf("after the neighbours: pages %d, keys in them %d; want %d, %d", c.pages, c.keys, minPages, 2*minPages)
	}
}
