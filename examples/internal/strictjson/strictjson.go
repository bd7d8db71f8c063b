// Package strictjson decodes the examples' data files strictly, so that a
// misspelt key or a stray value in hand-edited data cannot pass unnoticed.
package strictjson

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
)

// Decode decodes the one JSON value in b into v. An unknown field, or
// anything but white space after the value, is an error.
func Decode(b []byte, v any) error {
	d := json.NewDecoder(bytes.NewReader(b))
	d.DisallowUnknownFields()
	if err := d.Decode(v); err != nil {
		return err
	}
	if _, err := d.Token(); err != io.EOF {
		return errors.New("trailing data after the JSON value")
	}
	return nil
}
