// Package errtext formats the text of error messages: hostile input, so
// that an error names what was wrong without repeating megabytes of it,
// and counts of things, so that one is not said in the plural.
package errtext

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// MaxQuoted is how many bytes of an input Quote repeats.
const MaxQuoted = 64

// Cut returns s, cut to its first MaxQuoted bytes (at a rune boundary)
// with its whole length noted when it is longer: for a message that names
// an input without quotes, such as a path routes[违法建设]. A control
// character, a line or paragraph separator, a format character (a bidi
// override, a zero-width space) and a byte that is not UTF-8 are escaped
// as strconv.Quote escapes them ("\n", "\u2028", "\u202e", "\xff"), so
// that the name stays on its line and reads as it is.
func Cut(s string) string {
	if len(s) <= MaxQuoted {
		return escape(s)
	}
	cut := MaxQuoted
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return escape(s[:cut]) + "… (" + strconv.Itoa(len(s)) + " bytes)"
}

// escape returns s with its control characters, line and paragraph
// separators and bytes that are not UTF-8 escaped as strconv.Quote
// escapes them; s itself when it has none.
func escape(s string) string {
	if strings.IndexFunc(s, breaks) < 0 && utf8.ValidString(s) {
		return s
	}
	var b strings.Builder
	for len(s) > 0 {
		r, size := utf8.DecodeRuneInString(s)
		switch {
		case r == utf8.RuneError && size == 1:
			b.WriteString(`\x`)
			b.WriteByte("0123456789abcdef"[s[0]>>4])
			b.WriteByte("0123456789abcdef"[s[0]&0xF])
		case breaks(r):
			q := strconv.QuoteRune(r)
			b.WriteString(q[1 : len(q)-1])
		default:
			b.WriteString(s[:size])
		}
		s = s[size:]
	}
	return b.String()
}

// breaks reports whether r could break a line of a message, or hide or
// disguise what follows it: a control character, a line or paragraph
// separator, or a format character (a bidi override that shows the rest
// reversed, a zero-width space, a BOM).
func breaks(r rune) bool {
	return unicode.IsControl(r) || r == '\u2028' || r == '\u2029' || unicode.Is(unicode.Cf, r)
}

// Quote returns s quoted as strconv.Quote does, cut to its first MaxQuoted
// bytes (at a rune boundary) with its whole length noted when it is longer.
func Quote(s string) string {
	if len(s) <= MaxQuoted {
		return strconv.Quote(s)
	}
	cut := MaxQuoted
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return strconv.Quote(s[:cut]) + "… (" + strconv.Itoa(len(s)) + " bytes)"
}

// Named names a list by its version, which may be empty: what and the
// version quoted ("governance matter list \"2020\""), or what and "(no
// version)" for an empty one, which a quoted "" would only hide.
func Named(what, name string) string {
	if name == "" {
		return what + " (no version)"
	}
	return what + " " + Quote(name)
}

// Aside returns a name to set beside a code in a message: " (name)" in
// English, "（name）" in Chinese when zh is true, and nothing for an empty
// name, which empty parentheses would only clutter ("admission item \"Z-1\"
// ()").
func Aside(name string, zh bool) string {
	switch {
	case name == "":
		return ""
	case zh:
		return "（" + name + "）"
	}
	return " (" + name + ")"
}

// Count says how many of a thing there are, in English, with the noun in
// the singular for one and in the plural, noun with an s, otherwise: "1
// working day", "0 working days", "3 working days". A count of one in
// the plural ("1 working days") reads as a slip.
func Count[N ~int | ~int64 | ~uint64](n N, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprint(n) + " " + noun + "s"
}
