package accountability

import (
	"io"

	"github.com/qingdan/qingdan/internal/jsonx"
)

// MaxRegisterBytes is the most [LoadRegister] reads: 64 MiB, some twenty
// times the JSON of a district's 10,000-item power list.
const MaxRegisterBytes = 64 << 20

// LoadRegister reads a register's JSON (as encoding/json writes a
// [Register]) from r, strictly and within bounds: a field the register
// does not have, or spelt in another case ("creditcode"), a key given
// twice in one object, text that is not valid UTF-8, a string longer than
// 4 MiB, a number longer than 64 characters, nesting deeper than 64, a
// misspelt enum code, a separation whose steps are an array of other than
// two, anything after the JSON value and an input longer than
// [MaxRegisterBytes] are errors, each naming where it is (such as
// powers[3]). The bounds are checked in one pass over the input before
// anything is decoded. Every error, a failure to read included, wraps
// [ErrInvalid].
//
// As everywhere in this library's JSON, null is read as a member left
// out: it leaves the value zero. So a separation with "steps": null, or
// with no steps, or with a null step, loads with those steps empty; it
// is [Register.Validate] that reports them (rule sod.step), as it does
// every other empty ID. LoadRegister does not validate the register; run
// [Register.Validate] for that.
func LoadRegister(r io.Reader) (*Register, error) {
	mustReader(r, "LoadRegister")
	var reg Register
	if err := jsonx.Wrap(jsonx.Read(r, MaxRegisterBytes, &reg), "accountability: loading register", ErrInvalid); err != nil {
		return nil, err
	}
	return &reg, nil
}

// mustReader panics on a nil reader, naming the function it was given to:
// a list that is not there is a programmer's error, not an empty list.
func mustReader(r io.Reader, fn string) {
	if r == nil {
		panic("accountability: " + fn + ": nil io.Reader")
	}
}

// mustWriter panics on a nil writer, naming the function it was given to.
func mustWriter(w io.Writer, fn string) {
	if w == nil {
		panic("accountability: " + fn + ": nil io.Writer")
	}
}
