package matters

import (
	"encoding/json"
	"fmt"
	"time"
)

// duration is a time.Duration that marshals as a Go duration string such as
// "4h0m0s"; it is used only inside the JSON forms of the package's types,
// whose fields stay time.Duration.
type duration time.Duration

func (d duration) MarshalText() ([]byte, error) { return []byte(time.Duration(d).String()), nil }

func (d *duration) UnmarshalJSON(b []byte) error {
	if string(b) == "null" {
		return nil
	}
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return fmt.Errorf("matters: duration %s is not a string such as \"4h0m0s\": %w", b, ErrInvalid)
	}
	v, err := time.ParseDuration(s)
	if err != nil {
		return fmt.Errorf("matters: duration %q: %v: %w", s, err, ErrInvalid)
	}
	*d = duration(v)
	return nil
}
