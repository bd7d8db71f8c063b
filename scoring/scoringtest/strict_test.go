package scoringtest

import (
	"bytes"
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/qingdan/qingdan/internal/hardening"
	"github.com/qingdan/qingdan/scoring"
)

// TestReadCasesStrict: ReadCases refuses a misspelt key (the "qualty"
// issue 14 found dropped), a key in another case, a key given twice and
// text that is not UTF-8, at every place of a sound file, in the facts
// and the result of a case too, and more than 16 MiB.
func TestReadCasesStrict(t *testing.T) {
	sound, err := os.ReadFile("testdata/speed.json")
	if err != nil {
		t.Fatal(err)
	}
	hardening.Strict(t, sound, hardening.StrictOptions{}, scoring.ErrInvalid, func(b []byte) error {
		_, err := ReadCases(bytes.NewReader(b))
		return err
	})
	_, err = ReadCases(strings.NewReader(`[{"facts":{"responded":true,"qualty":5},"want":{"grade":"excellent","points":"100"}}]`))
	if !errors.Is(err, scoring.ErrInvalid) || !strings.Contains(err.Error(), `unknown field "qualty" at [0].facts`) {
		t.Errorf("ReadCases(qualty) = %v", err)
	}
	_, err = ReadCases(strings.NewReader(`[{"name":"` + strings.Repeat("x", 16<<20) + `"}]`))
	if !errors.Is(err, scoring.ErrInvalid) || !strings.Contains(err.Error(), "longer than 16777216 bytes") {
		t.Errorf("ReadCases(17 MiB) = %.300v", err)
	}
}
