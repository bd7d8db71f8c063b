package accountability

import (
	"errors"
	"fmt"
	"io"

	"github.com/qingdan/qingdan/internal/jsonx"
)

// MaxRegisterBytes is the most [LoadRegister] reads: 64 MiB, some twenty
// times the JSON of a district's 10,000-item power list.
const MaxRegisterBytes = 64 << 20

// LoadRegister reads a register's JSON (as encoding/json writes a
// [Register]) from r, strictly: a field the register does not have, a
// misspelt enum code, anything after the JSON value and an input longer
// than [MaxRegisterBytes] are errors. Every error, a failure to read
// included, wraps [ErrInvalid]. It does not validate the register; run
// [Register.Validate] for that.
func LoadRegister(r io.Reader) (*Register, error) {
	var reg Register
	if err := jsonx.Read(r, MaxRegisterBytes, &reg); err != nil {
		if errors.Is(err, ErrInvalid) {
			return nil, fmt.Errorf("accountability: loading register: %w", err)
		}
		return nil, fmt.Errorf("accountability: loading register: %w: %w", ErrInvalid, err)
	}
	return &reg, nil
}
