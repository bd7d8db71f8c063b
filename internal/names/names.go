// Package names holds the one rule every package applies to the name of
// a body or a matter: written one way, with nothing at its ends or inside
// it that a reader cannot see.
package names

import (
	"unicode"
	"unicode/utf8"
)

// Unclean says, after a name, why Clean refuses it and what to do: the
// words every package's error gives, so that a host meets one sentence
// for one rule.
const Unclean = "has white space at an end, or a control or invisible character: write each name one way"

// Clean reports whether a name has no white space at either end and no
// control or invisible formatting character (Unicode's Cc and Cf: a zero
// width space, a byte-order mark), so that one body is written one way:
// "赭山街道 " and "赭山\u200b街道" would grade, press or be graded as
// bodies apart from 赭山街道. The empty name is clean: callers report a
// missing name on their own.
func Clean(s string) bool { return clean(s, false) }

// ValidClean reports whether s is valid UTF-8 and Clean, in one pass over
// it: the check of a name that is to be kept as JSON text.
func ValidClean(s string) bool { return clean(s, true) }

// clean is Clean, and when valid is set, also utf8.ValidString.
func clean(s string, valid bool) bool {
	if s == "" {
		return true // an empty name is reported as missing
	}
	if c := s[0]; c == ' ' || c >= utf8.RuneSelf && space(utf8.DecodeRuneInString(s)) {
		return false // a tab or a newline is a control character, below
	}
	if c := s[len(s)-1]; c == ' ' || c >= utf8.RuneSelf && space(utf8.DecodeLastRuneInString(s)) {
		return false
	}
	for i := 0; i < len(s); {
		switch c := s[i]; {
		case c < utf8.RuneSelf:
			if c < 0x20 || c == 0x7f {
				return false
			}
			i++
		case c >= 0xe3 && c <= 0xee && c != 0xed && i+2 < len(s) && s[i+1]&0xc0 == 0x80 && s[i+2]&0xc0 == 0x80:
			// U+3000 to U+EFFF but the surrogates' U+D000 to U+DFFF, valid
			// UTF-8 whatever the continuation bytes: CJK and the rest, no
			// control or formatting character lies there.
			i += 3
		default:
			r, size := utf8.DecodeRuneInString(s[i:])
			if valid && r == utf8.RuneError && size == 1 || unicode.IsControl(r) || unicode.Is(unicode.Cf, r) {
				return false
			}
			i += size
		}
	}
	return true
}

// space reports whether r, of a rune and its size as utf8 decodes them, is
// white space; no rune above U+3000, the ideographic space, is.
func space(r rune, _ int) bool { return r <= '\u3000' && unicode.IsSpace(r) }
