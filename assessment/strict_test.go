package assessment_test

import (
	"encoding/json"
	"errors"
	"math"
	"os"
	"strings"
	"testing"

	"github.com/qingdan/qingdan/assessment"
	"github.com/qingdan/qingdan/internal/hardening"
	"github.com/shopspring/decimal"
)

// TestStrictJSON: an Annual, and the Weights inside it, refuse a misspelt
// key, a key in another case, a key given twice and text that is not
// UTF-8, and a weight of more than 64 characters, whatever decimal's
// MaxDecodeExponent is.
func TestStrictJSON(t *testing.T) {
	sound, err := os.ReadFile("testdata/annual.golden")
	if err != nil {
		t.Fatal(err)
	}
	free := func(path string) bool { return path == "weights" || path == "parts" }
	hardening.Strict(t, []byte(strings.TrimSpace(string(sound))), hardening.StrictOptions{Free: free, Flat: true}, assessment.ErrWeights, // its objects inside are maps
		func(b []byte) error { return json.Unmarshal(b, new(assessment.Annual)) })
	defer func(m int) { decimal.MaxDecodeExponent = m }(decimal.MaxDecodeExponent)
	for _, m := range []int{1, math.MaxInt32} {
		decimal.MaxDecodeExponent = m
		var w assessment.Weights
		if err := json.Unmarshal([]byte(`{"a":"0.`+strings.Repeat("0", 60)+`1","b":"0.3"}`), &w); err != nil || w["a"].Exponent() != -61 {
			t.Errorf("MaxDecodeExponent %d: %v, %v", m, w, err)
		}
		err := json.Unmarshal([]byte(`{"a":"1`+strings.Repeat("0", 4_000_000)+`"}`), &w)
		if !errors.Is(err, assessment.ErrWeights) || !strings.Contains(err.Error(), "longer than 64 characters at a") {
			t.Errorf("MaxDecodeExponent %d: a weight of 4,000,001 digits: %.300v", m, err)
		}
	}
}
