package canon

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/qingdan/qingdan/internal/jsonx"
	"github.com/shopspring/decimal"
)

// Encoder writes payloads (its methods AppendEvent, AppendEvaluation and
// AppendAmendment), member by member. It remembers the date of the last
// time it wrote, so that the times of a journal, day after day, cost
// less; otherwise it keeps nothing between payloads. The zero Encoder is
// ready to use. An Encoder is not safe for concurrent use.
type Encoder struct {
	b     []byte
	why   error    // the first member with no canonical form, and why
	day   int64    // the day of date, counted from 1970-01-01
	date  [11]byte // `YYYY-MM-DDT` of that day, if dated
	dated bool
}

func (enc *Encoder) start(b []byte) { enc.b, enc.why = b, nil }

// end closes the payload with c and returns it, or the first error.
func (enc *Encoder) end(c byte) ([]byte, error) {
	enc.b = append(enc.b, c)
	return enc.b, enc.why
}

// fail notes that the member of key has no canonical form, naming it
// ("result.points" for the key `,"result":{"points":`).
func (enc *Encoder) fail(key, why string) {
	if enc.why == nil {
		enc.why = fmt.Errorf("%s: %s: %w", strings.ReplaceAll(strings.Trim(key, `{,":`), `":{"`, "."), why, errNoForm)
	}
}

func (enc *Encoder) str(key, s string) {
	var ok bool
	if enc.b, ok = appendString(append(enc.b, key...), s); !ok {
		enc.fail(key, "text is not valid UTF-8")
	}
	if len(s) > jsonx.MaxString {
		enc.fail(key, fmt.Sprintf("text of %d bytes, over %d", len(s), jsonx.MaxString))
	}
}

// named writes a string that must not be empty: an amendment's author or
// reason, which a journal never holds empty.
func (enc *Encoder) named(key, s string) {
	if s == "" {
		enc.fail(key, "empty text")
	}
	enc.str(key, s)
}

func (enc *Encoder) strs(key string, xs []string) {
	enc.b = append(append(enc.b, key...), '[')
	for i, x := range xs {
		if i > 0 {
			enc.b = append(enc.b, ',')
		}
		var ok bool
		if enc.b, ok = appendString(enc.b, x); !ok {
			enc.fail(key, fmt.Sprintf("[%d]: text is not valid UTF-8", i))
		}
		if len(x) > jsonx.MaxString {
			enc.fail(key, fmt.Sprintf("[%d]: text of %d bytes, over %d", i, len(x), jsonx.MaxString))
		}
	}
	enc.b = append(enc.b, ']')
}

func (enc *Encoder) int(key string, v int) {
	enc.b = strconv.AppendInt(append(enc.b, key...), int64(v), 10)
}

func (enc *Encoder) bool(key string, v bool) {
	enc.b = strconv.AppendBool(append(enc.b, key...), v)
}

// code writes the code of value v of an enumeration whose codes are
// codes, by value - 1.
func (enc *Encoder) code(key string, codes []string, v int) {
	if v < 1 || v > len(codes) {
		enc.fail(key, fmt.Sprintf("%d is not a value with a code", v))
		return
	}
	enc.b = append(append(append(append(enc.b, key...), '"'), codes[v-1]...), '"')
}

func (enc *Encoder) decimal(key string, d decimal.Decimal) {
	var err error
	if enc.b, err = appendDecimal(append(enc.b, key...), d); err != nil {
		enc.fail(key, err.Error())
	}
}

// at writes a time in UTC, as appendTime describes; a day it wrote last
// is copied, not computed again.
func (enc *Encoder) at(key string, t time.Time) {
	enc.b = append(enc.b, key...)
	sec, nsec := t.Unix(), t.Nanosecond()
	days, clock := sec/86400, sec%86400
	if clock < 0 {
		days, clock = days-1, clock+86400
	}
	if !enc.dated || enc.day != days {
		y, m, d := civil(days)
		if y < 0 || y > 9999 {
			enc.fail(key, fmt.Sprintf("year %d is outside 0000 to 9999", y))
			return
		}
		enc.date = [11]byte{pairs[2*(y/100)], pairs[2*(y/100)+1], pairs[2*(y%100)], pairs[2*(y%100)+1], '-',
			pairs[2*m], pairs[2*m+1], '-', pairs[2*d], pairs[2*d+1], 'T'}
		enc.day, enc.dated = days, true
	}
	enc.b = append(append(enc.b, '"'), enc.date[:]...)
	enc.b = appendClock(enc.b, int(clock), nsec)
}
