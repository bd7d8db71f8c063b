// Package names holds the one rule every package applies to the name of
// a body or a matter: written one way, with nothing at its ends or inside
// it that a reader cannot see.
package names

import (
	"unicode"
	"unicode/utf8"
)

// Clean reports whether a name has no white space at either end and no
// control or invisible formatting character (Unicode's Cc and Cf: a zero
// width space, a byte-order mark), so that one body is written one way:
// "赭山街道 " and "赭山\u200b街道" would grade, press or be graded as
// bodies apart from 赭山街道. The empty name is clean: callers report a
// missing name on their own.
func Clean(s string) bool {
	if s == "" {
		return true // an empty name is reported as missing
	}
	if r, _ := utf8.DecodeRuneInString(s); unicode.IsSpace(r) {
		return false
	}
	if r, _ := utf8.DecodeLastRuneInString(s); unicode.IsSpace(r) {
		return false
	}
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c < 0x20 || c == 0x7f:
			return false
		case c >= utf8.RuneSelf:
			for _, r := range s[i:] {
				if r >= 0x2070 && r < 0xfeff {
					continue // CJK and the rest: no control or formatting character lies between
				}
				if unicode.IsControl(r) || unicode.Is(unicode.Cf, r) {
					return false
				}
			}
			return true
		}
	}
	return true
}
