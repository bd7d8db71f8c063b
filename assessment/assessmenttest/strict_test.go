package assessmenttest

import (
	"bytes"
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/qingdan/qingdan/assessment"
	"github.com/qingdan/qingdan/internal/hardening"
)

// TestReadCasesStrict: ReadCases refuses a misspelt key, a key in another
// case, a key given twice and text that is not UTF-8, at every place of a
// sound file, in the facts and the result of a case too (but for the
// names of counts and rates, which are data), and more than 16 MiB.
func TestReadCasesStrict(t *testing.T) {
	sound, err := os.ReadFile("testdata/cases.json")
	if err != nil {
		t.Fatal(err)
	}
	free := func(path string) bool { return strings.HasSuffix(path, ".counts") || strings.HasSuffix(path, ".rates") }
	hardening.Strict(t, sound, hardening.StrictOptions{Free: free}, assessment.ErrFacts, func(b []byte) error {
		_, err := ReadCases(bytes.NewReader(b))
		return err
	})
	_, err = ReadCases(strings.NewReader(`[{"facts":{"unit":"u","cuonts":{"督办":1}},"want":{"points":"1"}}]`))
	if !errors.Is(err, assessment.ErrFacts) || !strings.Contains(err.Error(), `unknown field "cuonts" at [0].facts`) {
		t.Errorf("ReadCases(cuonts) = %v", err)
	}
	_, err = ReadCases(strings.NewReader(`[{"name":"` + strings.Repeat("x", 16<<20) + `"}]`))
	if !errors.Is(err, assessment.ErrFacts) || !strings.Contains(err.Error(), "longer than 16777216 bytes") {
		t.Errorf("ReadCases(17 MiB) = %.300v", err)
	}
}
