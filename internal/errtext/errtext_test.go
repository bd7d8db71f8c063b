package errtext_test

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

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

// TestAside: a name beside a code in parentheses of the message's
// language, and nothing, not empty parentheses, for no name.
func TestAside(t *testing.T) {
	for _, c := range []struct {
		name string
		zh   bool
		want string
	}{
		{"文明城市创建", false, " (文明城市创建)"},
		{"文明城市创建", true, "（文明城市创建）"},
		{"", false, ""},
		{"", true, ""},
	} {
		if got := errtext.Aside(c.name, c.zh); got != c.want {
			t.Errorf("Aside(%q, %v) = %q, want %q", c.name, c.zh, got, c.want)
		}
	}
}

// TestCount: one of a thing in the singular, any other number in the
// plural, whatever the integer type.
func TestCount(t *testing.T) {
	for _, c := range []struct{ got, want string }{
		{errtext.Count(1, "working day"), "1 working day"},
		{errtext.Count(0, "working day"), "0 working days"},
		{errtext.Count(2, "matter"), "2 matters"},
		{errtext.Count(-1, "time"), "-1 times"},
		{errtext.Count(int64(1), "time"), "1 time"},
		{errtext.Count(uint64(1<<63), "working day"), "9223372036854775808 working days"},
	} {
		if c.got != c.want {
			t.Errorf("Count = %q, want %q", c.got, c.want)
		}
	}
}

// FuzzCut: whatever a name holds, Cut and Quote give one line of valid
// UTF-8 that nothing in it can break, hide or reverse, of bounded length
// (at most MaxQuoted bytes of the input, each escaped in at most 6
// bytes, "\u202e"), and Cut repeats a short name of plain text as it is.
func FuzzCut(f *testing.F) {
	for _, s := range []string{"违法建设", "a\nb", "\u202e", "\xff", "a\u2028b", strings.Repeat("清", 30), "\u200b\ufeff\u0085"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		const most = 6*errtext.MaxQuoted + len(`""… (18446744073709551615 bytes)`)
		for _, got := range []string{errtext.Cut(s), errtext.Quote(s)} {
			if !utf8.ValidString(got) || len(got) > most {
				t.Fatalf("%q gives %q: not UTF-8, or over %d bytes", s, got, most)
			}
			for _, r := range got {
				if unicode.IsControl(r) || unicode.Is(unicode.Cf, r) || r == '\u2028' || r == '\u2029' {
					t.Fatalf("%q gives %q, which holds %U", s, got, r)
				}
			}
		}
		plain := len(s) <= errtext.MaxQuoted && utf8.ValidString(s) && !strings.ContainsFunc(s, func(r rune) bool {
			return unicode.IsControl(r) || unicode.Is(unicode.Cf, r) || r == '\u2028' || r == '\u2029'
		})
		if got := errtext.Cut(s); plain && got != s {
			t.Fatalf("Cut(%q) = %q; want it as it is", s, got)
		}
	})
}
