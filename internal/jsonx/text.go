package jsonx

import "unicode/utf8"

// TextFits reports whether encoding/json writes s and [Decode] reads it
// back as it was: whether s is valid UTF-8 (encoding/json writes each
// invalid byte as U+FFFD, so that two texts may read back as one) of at
// most [MaxString] bytes. A text that does not fit is refused where it
// would be kept, as a time [TimeFits] refuses.
func TextFits(s string) bool { return len(s) <= MaxString && utf8.ValidString(s) }
