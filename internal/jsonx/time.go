package jsonx

import "time"

// TimeFits reports whether encoding/json writes t and reads it back in
// its own zone, in UTC (as a journal writes it) and in China Standard
// Time, UTC+8 (as a book gives it back): whether its year is 1 to 9999 in
// all three, and its zone's offset a whole number of minutes under 24
// hours (RFC 3339 writes no more: encoding/json refuses a larger offset,
// and writes one with seconds, such as Shanghai's local mean time before
// 1901, +08:05:43, as +08:05, which reads back as another instant). A
// time that does not fit is refused where it would be kept, rather than
// kept and then impossible to write or read back.
func TimeFits(t time.Time) bool {
	const (
		first = -62135596800 // 0001-01-01T00:00:00Z in Unix seconds
		end   = 253402300800 // 10000-01-01T00:00:00Z
		cst   = 8 * 3600
	)
	u := t.Unix()
	_, off := t.Zone()
	return u >= first && u+cst < end && u+int64(off) >= first && u+int64(off) < end &&
		off%60 == 0 && off > -24*3600 && off < 24*3600
}
