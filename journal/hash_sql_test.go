package journal_test

import (
	"database/sql/driver"
	"errors"
	"strings"
	"testing"

	"github.com/qingdan/qingdan/journal"
)

func TestHashValueScan(t *testing.T) {
	h := journal.Hash{0xab, 0x01}
	text := h.String()
	for _, tc := range []struct {
		name string
		src  any
		want journal.Hash
		err  bool
	}{
		{"text", text, h, false},
		{"bytes", []byte(text), h, false},
		{"upper case", strings.ToUpper(text), h, false},
		{"the zero hash", strings.Repeat("0", 64), journal.Hash{}, false},
		{"NULL", nil, journal.Hash{9}, true},
		{"32 raw bytes", make([]byte, 32), journal.Hash{9}, true},
		{"too short", text[:63], journal.Hash{9}, true},
		{"not hexadecimal", strings.Repeat("g", 64), journal.Hash{9}, true},
		{"a number", int64(1), journal.Hash{9}, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := journal.Hash{9} // left alone on an error
			err := got.Scan(tc.src)
			if tc.err != (err != nil) || tc.err && !errors.Is(err, journal.ErrInvalid) {
				t.Fatalf("Scan error %v; want one wrapping ErrInvalid: %v", err, tc.err)
			}
			if got != tc.want {
				t.Errorf("Scan = %s; want %s", got, tc.want)
			}
		})
	}
	for _, h := range []journal.Hash{{}, h} {
		v, err := h.Value()
		if err != nil || v != driver.Value(h.String()) {
			t.Errorf("Hash(%s).Value() = %v, %v; want its text", h, v, err)
		}
	}
}
