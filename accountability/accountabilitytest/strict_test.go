package accountabilitytest

import (
	"bytes"
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/qingdan/qingdan/accountability"
	"github.com/qingdan/qingdan/internal/hardening"
)

// TestReadCasesStrict: ReadCases refuses a misspelt key, a key in another
// case, a key given twice and text that is not UTF-8, at every place of a
// sound file, in a case's register and findings too.
func TestReadCasesStrict(t *testing.T) {
	sound, err := os.ReadFile("testdata/name.json")
	if err != nil {
		t.Fatal(err)
	}
	hardening.Strict(t, sound, hardening.StrictOptions{}, accountability.ErrInvalid, func(b []byte) error {
		_, err := ReadCases(bytes.NewReader(b))
		return err
	})
	_, err = ReadCases(strings.NewReader(`[{"register":{"powers":[{"code":"A","nmae":"x"}]}}]`))
	if !errors.Is(err, accountability.ErrInvalid) || !strings.Contains(err.Error(), `unknown field "nmae" at [0].register.powers[0]`) {
		t.Errorf("ReadCases = %v", err)
	}
}
