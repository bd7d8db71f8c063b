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

// TestCleanEveryRune holds Clean, with its shortcut over the CJK range, to
// the rule as Unicode states it, for every rune inside a name.
func TestCleanEveryRune(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if !utf8.ValidRune(r) {
			continue
		}
		s := "a" + string(r) + "b"
		want := !unicode.IsControl(r) && !unicode.Is(unicode.Cf, r)
		if got := Clean(s); got != want {
			t.Fatalf("Clean(%q) = %v, want %v", s, got, want)
		}
	}
}
