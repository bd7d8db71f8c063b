package names

import (
	"testing"
	"unicode"
	"unicode/utf8"
)

func TestClean(t *testing.T) {
	for _, tt := range []struct {
		name string
		want bool
	}{
		{"", true},
		{"赭山街道", true},
		{"Zheshan Subdistrict", true},
		{"中南街道（弋江区）", true},
		{"城管局·二中队", true},
		{"赭山街道 ", false},
		{" 赭山街道", false},
		{"赭山街道　", false}, // an ideographic space
		{"赭山\u200b街道", false},
		{"赭山街道\t", false},
		{"赭山\x00街道", false},
		{"\ufeff赭山街道", false},
		{"S1\u200b", false},
		{"a\u2060b", false}, // a word joiner, just below the CJK range skipped
		{"a\u00adb", false}, // a soft hyphen
		{"a\x7fb", false},
		{"a\u0085b", false}, // a C1 control
	} {
		if got := Clean(tt.name); got != tt.want {
			t.Errorf("Clean(%q) = %v, want %v", tt.name, got, tt.want)
		}
	}
}

// TestCleanEveryRune holds Clean, with its shortcuts over ASCII and the
// CJK range, to the rule as Unicode states it, for every rune inside a
// name, at its start, at its end, and alone.
func TestCleanEveryRune(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if !utf8.ValidRune(r) {
			continue
		}
		inside := !unicode.IsControl(r) && !unicode.Is(unicode.Cf, r)
		atAnEnd := inside && !unicode.IsSpace(r)
		for _, c := range []struct {
			s    string
			want bool
		}{
			{"a" + string(r) + "b", inside},
			{"街" + string(r) + "道", inside},
			{string(r) + "b", atAnEnd},
			{"a" + string(r), atAnEnd},
			{string(r), atAnEnd},
		} {
			if got := Clean(c.s); got != c.want {
				t.Fatalf("Clean(%q) = %v, want %v", c.s, got, c.want)
			}
			if got := ValidClean(c.s); got != c.want {
				t.Fatalf("ValidClean(%q) = %v, want %v", c.s, got, c.want)
			}
		}
	}
}

// FuzzClean holds Clean to the rule read rune by rune, on any bytes (a
// byte that is no UTF-8 read as U+FFFD, as ranging over a string reads it).
func FuzzClean(f *testing.F) {
	for _, s := range []string{"赭山街道", " 赭山街道", "赭山\u200b街道", "S1", "\xe3\x00\x80", "\xff", "街\u3000", "a\u00a0",
		"a\xed\xa0\x80b", "街\xe8\xa1", "a\ufffdb", "\xf0\x9f\x98\x80"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		rs := []rune(s)
		want := true
		for i, r := range rs {
			if unicode.IsControl(r) || unicode.Is(unicode.Cf, r) || (i == 0 || i == len(rs)-1) && unicode.IsSpace(r) {
				want = false
			}
		}
		if got := Clean(s); got != want {
			t.Errorf("Clean(%q) = %v, want %v", s, got, want)
		}
		if got, want := ValidClean(s), want && utf8.ValidString(s); got != want {
			t.Errorf("ValidClean(%q) = %v, want %v", s, got, want)
		}
	})
}
