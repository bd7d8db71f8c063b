package errtext_test

import (
	"strings"
	"testing"

	"github.com/qingdan/qingdan/internal/errtext"
)

// TestCut: a name is repeated as it is, cut to MaxQuoted bytes; a control
// character (a line feed, say), a line or paragraph separator and a byte
// that is not UTF-8 are escaped as strconv.Quote escapes them, so that a
// name cannot start a line of its own in a message that lists problems
// one a line.
func TestCut(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"违法建设", "违法建设"},
		{`a "b" \c`, `a "b" \c`},
		{"", ""},
		{"a\nmatters: invalid: forged", `a\nmatters: invalid: forged`},
		{"a\rb\tc\x00d\x7fe", `a\rb\tc\x00d\x7fe`},
		{"a\u2028b\u2029c\u0085d", `a\u2028b\u2029c\u0085d`},
		{"bad \xff\xfe utf-8", `bad \xff\xfe utf-8`},
		{"城管局\u202e局管城", `城管局\u202e局管城`},                     // a bidi override would show what follows reversed
		{"a\u200bb\u2066c\ufeffd", `a\u200bb\u2066c\ufeffd`}, // zero width, isolates, a BOM: invisible
		{"\uFFFD", "\uFFFD"},
		{strings.Repeat("\n", 100), strings.Repeat(`\n`, 64) + "… (100 bytes)"},
		{strings.Repeat("清", 30), strings.Repeat("清", 21) + "… (90 bytes)"},
	} {
		if got := errtext.Cut(c.in); got != c.want {
			t.Errorf("Cut(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// TestNamed: a name is quoted as Quote quotes it; an empty one is said to
// be missing, not shown as "".
func TestNamed(t *testing.T) {
	for _, c := range []struct{ what, name, want string }{
		{"governance matter list", "2020", `governance matter list "2020"`},
		{"governance matter list", "", "governance matter list (no version)"},
		{"list", "a\nb", `list "a\nb"`},
	} {
		if got := errtext.Named(c.what, c.name); got != c.want {
			t.Errorf("Named(%q, %q) = %q, want %q", c.what, c.name, got, c.want)
		}
	}
}
