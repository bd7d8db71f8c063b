package reason_test

import (
	"encoding"
	"errors"
	"testing"

	"github.com/qingdan/qingdan/scoring/reason"
)

// TestEnumZeroText: the zero Lang is English, written as the empty text
// and read from it; the zero Of and Op are "not set", which is never
// written nor read as text, and an error leaves the value alone. A
// database column still holds NULL or the empty text for them.
func TestEnumZeroText(t *testing.T) {
	for _, tt := range []struct {
		zero    encoding.TextMarshaler
		into    encoding.TextUnmarshaler
		err     string // MarshalText's error for the zero value; "" writes ""
		reading string // what into holds after reading the empty text
	}{
		{reason.English, ptr(reason.Chinese), "", "en"},
		{reason.Of(0), ptr(reason.Quality), "reason: invalid: figure not set", "quality"},
		{reason.Op(0), ptr(reason.AtLeast), "reason: invalid: comparison not set", "atLeast"},
	} {
		b, err := tt.zero.MarshalText()
		switch {
		case tt.err == "" && (err != nil || len(b) != 0):
			t.Errorf("%T(0).MarshalText() = %q, %v; want the empty text", tt.zero, b, err)
		case tt.err != "" && (err == nil || err.Error() != tt.err || !errors.Is(err, reason.ErrInvalid)):
			t.Errorf("%T(0).MarshalText() error = %v; want %q wrapping ErrInvalid", tt.zero, err, tt.err)
		}
		err = tt.into.UnmarshalText(nil)
		if got := tt.into.(interface{ String() string }).String(); got != tt.reading || (tt.err != "") != errors.Is(err, reason.ErrInvalid) {
			t.Errorf("%T.UnmarshalText(empty) = %s, %v; want %s, error %t", tt.into, got, err, tt.reading, tt.err != "")
		}
	}
	var o reason.Of = reason.Quality
	if err := o.Scan(""); err != nil || o != 0 {
		t.Errorf("Of.Scan(\"\") = %v, %v; want the zero Of", o, err)
	}
}

func ptr[T any](v T) *T { return &v }
