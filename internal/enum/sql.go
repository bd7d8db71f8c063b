package enum

import (
	"database/sql/driver"
	"fmt"
)

// Value returns what an enum's Value method (database/sql/driver.Valuer)
// writes to a column: the code of a named value as a string, and NULL
// (nil) for the zero value when zero is not named (a named zero, unlike
// MarshalText's empty text, writes its code); any other value is an error,
// as MarshalText's. An enum's Value method is
// "return codec.Value(v)".
func (c *Codec[E]) Value(v E) (driver.Value, error) {
	switch {
	case c.Named(v):
		return c.codes[v], nil
	case v == 0:
		return nil, nil
	}
	_, err := c.MarshalText(v)
	return nil, err
}

// Scan sets *v from a column's value, as an enum's Scan method
// (database/sql.Scanner) does: a string or []byte is read as
// UnmarshalText reads it (a code, a label or an alias; the empty text is
// the zero value, even when the spec says Required), and NULL (nil) is the
// zero value. Any other type of value, such as a number, is an error
// wrapping the sentinel; on an error *v is left alone. An enum's Scan method is "return codec.Scan(src, v)".
func (c *Codec[E]) Scan(src any, v *E) error {
	var b []byte
	switch s := src.(type) {
	case nil:
	case string:
		b = []byte(s)
	case []byte:
		b = s
	default:
		return c.fail(fmt.Sprintf("%s: cannot scan %T into %s: want its code as text", c.pkg, src, c.what))
	}
	if len(b) == 0 { // NULL or the empty text, even for a Required enum
		*v = 0
		return nil
	}
	return c.Unmarshal(b, v)
}
