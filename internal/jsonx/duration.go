package jsonx

import (
	"encoding/json"
	"fmt"
	"time"

	"github.com/qingdan/qingdan/internal/errtext"
)

// Duration is a time.Duration on the wire: a Go duration string such as
// "4h0m0s". Only strings are read; null leaves the value unchanged.
type Duration time.Duration

// MarshalText writes the duration string.
func (d Duration) MarshalText() ([]byte, error) { return []byte(time.Duration(d).String()), nil }

// maxDurationLen bounds a duration string: the longest a time.Duration
// prints is "-2562047h47m16.854775808s", 25 characters.
const maxDurationLen = 64

// UnmarshalJSON reads a duration string of at most 64 characters.
func (d *Duration) UnmarshalJSON(b []byte) error {
	if string(b) == "null" {
		return nil
	}
	if overLong(b, maxDurationLen) {
		return fmt.Errorf("duration %s: longer than %d characters", errtext.Quote(string(b)), maxDurationLen)
	}
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return fmt.Errorf("duration %s is not a string such as \"4h0m0s\"", errtext.Quote(string(b)))
	}
	if len(s) > maxDurationLen { // written with escapes
		return fmt.Errorf("duration %s: longer than %d characters", errtext.Quote(s), maxDurationLen)
	}
	v, err := time.ParseDuration(s)
	if err != nil {
		return fmt.Errorf("duration %s: not a duration such as \"4h0m0s\"", errtext.Quote(s))
	}
	*d = Duration(v)
	return nil
}
