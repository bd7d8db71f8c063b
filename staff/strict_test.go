package staff_test

import (
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/qingdan/qingdan/internal/hardening"
	"github.com/qingdan/qingdan/staff"
)

// TestStrictJSON: the package's types refuse a misspelt key, a key in
// another case, a key given twice and text that is not UTF-8, at every
// place, a Candidate inside a Placement too.
func TestStrictJSON(t *testing.T) {
	free := func(path string) bool { return path == "scores" }
	for _, c := range []struct {
		file string
		into func() any
	}{
		{"testdata/placement.golden", func() any { return new(staff.Placement) }},
		{"testdata/appraised.golden", func() any { return new(staff.Appraised) }},
	} {
		t.Run(c.file, func(t *testing.T) {
			sound, err := os.ReadFile(c.file)
			if err != nil {
				t.Fatal(err)
			}
			flat := strings.Contains(c.file, "appraised") // its one object inside is a map
			hardening.Strict(t, []byte(strings.TrimSpace(string(sound))), hardening.StrictOptions{Free: free, Flat: flat}, staff.ErrInvalid,
				func(b []byte) error { return json.Unmarshal(b, c.into()) })
		})
	}
	hardening.Strict(t, []byte(`{"person":"p","category":"c","scores":{"a":"1"}}`), hardening.StrictOptions{Free: free, Flat: true}, staff.ErrInvalid,
		func(b []byte) error { return json.Unmarshal(b, new(staff.Score)) })
	weights := func(path string) bool { return strings.HasSuffix(path, "weights") }
	hardening.Strict(t, []byte(`{"categories":[{"code":"grid","name":"网格员","weights":{"patrol":"0.6","cases":"0.4"}}],"scale":[{"code":"优秀","points":"90"},{"code":"称职","points":"75"}]}`),
		hardening.StrictOptions{Free: weights}, staff.ErrInvalid, func(b []byte) error { return json.Unmarshal(b, new(staff.Appraisal)) })
	hardening.Strict(t, []byte(`{"code":"grid","name":"网格员","weights":{"patrol":"0.6","cases":"0.4"}}`),
		hardening.StrictOptions{Free: weights, Flat: true}, staff.ErrInvalid, func(b []byte) error { return json.Unmarshal(b, new(staff.PostCategory)) })
}
