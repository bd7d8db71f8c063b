package jsonx

import (
	"bytes"
	"unicode/utf8"
)

// TextFits reports whether encoding/json writes s and [Decode] reads it
// back as it was: whether s is valid UTF-8 (encoding/json writes each
// invalid byte as U+FFFD, so that two texts may read back as one) of at
// most [MaxString] bytes. A text that does not fit is refused where it
// would be kept, as a time [TimeFits] refuses.
func TextFits(s string) bool { return len(s) <= MaxString && utf8.ValidString(s) }

// overLong reports whether b, the JSON of a string or a number, holds more
// than limit bytes of text: it is longer than limit and its quotes, and
// is no string with an escape (which may read as fewer bytes than it is
// written in, down to one byte for six: \u0031), or longer than any
// such string. It looks at no more than 6·limit+2 bytes of b.
func overLong(b []byte, limit int) bool {
	switch {
	case len(b) <= limit+2:
		return false
	case len(b) > 6*limit+2 || b[0] != '"':
		return true
	}
	return bytes.IndexByte(b, '\\') < 0
}
