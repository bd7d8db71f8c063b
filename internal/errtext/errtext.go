// Package errtext formats hostile input for error messages, so that an
// error names what was wrong without repeating megabytes of it.
package errtext

import (
	"strconv"
	"unicode/utf8"
)

// MaxQuoted is how many bytes of an input Quote repeats.
const MaxQuoted = 64

// Cut returns s, cut to its first MaxQuoted bytes (at a rune boundary)
// with its whole length noted when it is longer: for a message that names
// an input without quotes, such as a path routes[违法建设].
func Cut(s string) string {
	if len(s) <= MaxQuoted {
		return s
	}
	cut := MaxQuoted
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "… (" + strconv.Itoa(len(s)) + " bytes)"
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
