package matters

import "github.com/qingdan/qingdan/internal/jsonx"

// The JSON forms of the types that decode themselves, registered so that
// jsonx.Decode checks them, inside whatever holds them, in its first pass
// over the input: every key, with its path from the input's start.
var (
	_ = jsonx.Wire[Route, routeJSON]()
	_ = jsonx.Wire[Clock, clockJSON]()
	_ = jsonx.Wire[Deadlines, deadlinesJSON]()
	_ = jsonx.Wire[Summary, summaryJSON]()
	_ = jsonx.Wire[Matter, matterFields]()
)

// unmarshal is the UnmarshalJSON of the type T whose JSON form is J, named
// what in errors: it decodes b strictly into a J and sets *v to what that
// decodes to; null leaves *v alone. A T with a check method must pass it.
// A decoding or checking error wraps [ErrInvalid] once.
func unmarshal[J interface{ decoded() T }, T any](what string, b []byte, v *T) error {
	if string(b) == "null" {
		return nil
	}
	var j J
	if err := invalid(jsonx.Decode(b, &j), what); err != nil {
		return err
	}
	got := j.decoded()
	if c, ok := any(got).(interface{ check() error }); ok {
		if err := invalid(c.check(), what); err != nil {
			return err
		}
	}
	*v = got
	return nil
}

// invalid returns err, an error reading a what, naming the what and
// wrapping [ErrInvalid] once; nil for a nil err.
func invalid(err error, what string) error { return jsonx.Wrap(err, "matters: "+what, ErrInvalid) }
