package staff_test

import (
	"testing"

	"github.com/qingdan/qingdan/internal/hardening"
	"github.com/qingdan/qingdan/staff"
)

// FuzzJSON decodes arbitrary input as each of the package's types: no
// panic, time linear in the input, and either an error wrapping
// ErrInvalid or a value that writes and reads back equal.
func FuzzJSON(f *testing.F) {
	hardening.AddJSONSeeds(f)
	f.Add([]byte(`{"person":"张三","category":"grid","scores":{"patrol":"95","cases":90}}`))
	f.Add([]byte(`{"person":"张三","category":"grid","scores":{"patrol":"95"},"total":"90.5","grade":"优秀","rank":1}`))
	f.Add([]byte(`{"id":"C1","name":"甲","post":"城管","competition":"85","years":["70","80.5",90]}`))
	f.Add([]byte(`{"candidate":{"id":"C1","post":"城管","competition":"85","years":null},"total":"83.5","rank":1,"selected":true}`))
	f.Add([]byte(`{"categories":[{"code":"grid","weights":{"patrol":"0.6","cases":0.4}}],"scale":[{"code":"优秀","points":"90"}]}`))
	f.Add([]byte(`{"code":"grid","name":"网格员","weights":{"patrol":"1"}}`))
	// Scores on no 0–100 scale read back as they are: no range is enforced.
	f.Add([]byte(`{"person":"张三","category":"grid","scores":{"patrol":"105","cases":-5}}`))
	f.Add([]byte(`{"id":"C1","post":"城管","competition":"132","years":["-10","100"]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		hardening.RoundTrips[staff.Score](t, data, staff.ErrInvalid)
		hardening.RoundTrips[staff.Appraised](t, data, staff.ErrInvalid)
		hardening.RoundTrips[staff.Candidate](t, data, staff.ErrInvalid)
		hardening.RoundTrips[staff.Placement](t, data, staff.ErrInvalid)
		hardening.RoundTrips[staff.Appraisal](t, data, staff.ErrInvalid)
		hardening.RoundTrips[staff.PostCategory](t, data, staff.ErrInvalid)
	})
}
