package scoring

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"

	"github.com/qingdan/qingdan/internal/jsonx"
	"github.com/shopspring/decimal"
)

// ruleFields has the fields of a TableRule and none of its methods.
type ruleFields TableRule

// MarshalJSON writes the ratio thresholds as JSON strings in their shortest
// exact form, whatever decimal's package settings are.
func (r TableRule) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		ruleFields
		ResponseAtMost   *jsonx.Decimal `json:"responseAtMost,omitempty"`
		ResponseOver     *jsonx.Decimal `json:"responseOver,omitempty"`
		ResolutionAtMost *jsonx.Decimal `json:"resolutionAtMost,omitempty"`
		ResolutionOver   *jsonx.Decimal `json:"resolutionOver,omitempty"`
	}{ruleFields(r), jsonx.Ptr(r.ResponseAtMost), jsonx.Ptr(r.ResponseOver),
		jsonx.Ptr(r.ResolutionAtMost), jsonx.Ptr(r.ResolutionOver)})
}

// UnmarshalJSON reads a rule, rejecting unknown fields: a misspelt condition
// must not silently become "no condition". It is read within the bounds of
// the library's decoders: a string longer than 4 MiB, a number longer than
// 64 characters and nesting deeper than 64 are errors. Errors wrap
// [ErrInvalid].
func (r *TableRule) UnmarshalJSON(b []byte) error {
	*r = TableRule{}
	w := ruleJSON{ruleFields: (*ruleFields)(r)}
	if err := jsonx.Decode(b, &w); err != nil {
		if errors.Is(err, ErrInvalid) {
			return err
		}
		return fmt.Errorf("%w: table rule: %w", ErrInvalid, err)
	}
	r.ResponseAtMost, r.ResponseOver = (*decimal.Decimal)(w.ResponseAtMost), (*decimal.Decimal)(w.ResponseOver)
	r.ResolutionAtMost, r.ResolutionOver = (*decimal.Decimal)(w.ResolutionAtMost), (*decimal.Decimal)(w.ResolutionOver)
	return nil
}

// tableFields has the fields of a Table and none of its methods.
type tableFields Table

// UnmarshalJSON reads a table, rejecting unknown fields and trailing data,
// and validates it: a table that does not pass [Table.Validate] is an error
// (t then holds the table as read, for inspection). It is read within the
// bounds of the library's decoders: a string longer than 4 MiB, a number
// longer than 64 characters and nesting deeper than 64 are errors. Every
// error wraps [ErrInvalid].
func (t *Table) UnmarshalJSON(b []byte) error {
	*t = Table{}
	if err := jsonx.Decode(b, (*tableFields)(t)); err != nil {
		if errors.Is(err, ErrInvalid) {
			return err
		}
		return fmt.Errorf("%w: decision table: %w", ErrInvalid, err)
	}
	return t.Validate()
}

// maxTableBytes bounds what LoadTable reads: a decision table is a few
// kilobytes, and a hostile or mistaken input must not take unbounded memory.
const maxTableBytes = 16 << 20

// LoadTable reads one table as JSON from r and validates it. Every error
// wraps [ErrInvalid]: a read error, input longer than 16 MiB, JSON that is
// malformed, has unknown fields, a field spelt in another case
// ("QUALITYMIN"), a key given twice in one object, text that is not valid
// UTF-8, a decimal not in plain form or longer than 64 characters ("1e3",
// a point of a million digits), a string longer than 4 MiB, or trailing
// data — each found in one pass over the input before anything is
// decoded, and named by its path (such as rules[3].grade) — and every
// problem [Table.Validate] finds.
func LoadTable(r io.Reader) (*Table, error) {
	if r == nil {
		panic("scoring: LoadTable: nil io.Reader")
	}
	t := new(Table)
	if err := jsonx.Read(r, maxTableBytes, t); err != nil {
		if errors.Is(err, ErrInvalid) {
			return nil, err
		}
		return nil, fmt.Errorf("%w: decision table: %w", ErrInvalid, err)
	}
	return t, nil
}
