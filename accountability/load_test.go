package accountability

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func TestLoadRegister(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("testdata", "register.golden"))
	if err != nil {
		t.Fatal(err)
	}
	r, err := LoadRegister(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("LoadRegister(register.golden) error = %v", err)
	}
	if r.Version != "2020-1" || r.Status != Published || r.ApprovedBy != "巢湖市委编办" || len(r.Powers) != 2 {
		t.Errorf("LoadRegister(register.golden) = %+v", r)
	}
	tests := []struct {
		name string
		in   io.Reader
		want string
	}{
		{"unknown field", strings.NewReader(`{"org":"x","orgs":"y"}`), `unknown field "orgs"`},
		{"misspelt field", strings.NewReader(`{"units":[{"id":"S","kind":"subdistrict","creditcode":"1"}]}`), `field "creditcode" is spelt "creditCode" here`},
		{"misspelt status", strings.NewReader(`{"status":"publish"}`), `unknown revision status "publish" (want one of draft, approved, published, or a Chinese label): invalid at status`},
		{"misspelt category", strings.NewReader(`{"powers":[{"code":"A","name":"x","category":"licence"}]}`), `unknown category "licence" (want one of licensing, penalty, coercion, levy, payment, inspection, confirmation, reward, adjudication, other, service, forwarding, internal, or a Chinese label): invalid at powers[0].category`},
		{"trailing data", strings.NewReader(`{} {}`), "trailing data"},
		// A separation pairs two steps: encoding/json would drop a third
		// and leave a missing second empty.
		{"three separated steps", strings.NewReader(`{"separations":[{"flow":"F","steps":["a","b","c"]}]}`), "array of 3 elements where 2 are wanted at separations[0].steps"},
		{"one separated step", strings.NewReader(`{"separations":[{"flow":"F","steps":["a"]}]}`), "array of 1 element where 2 are wanted at separations[0].steps"},
		{"not JSON", strings.NewReader(`units: []`), "invalid character"},
		{"too long", io.MultiReader(strings.NewReader(`{"org":"`), strings.NewReader(strings.Repeat("x", MaxRegisterBytes))), "longer than 67108864 bytes"},
		{"failing reader", io.MultiReader(strings.NewReader(`{"org":`), errReader{}), "disk on fire"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := LoadRegister(tt.in)
			if r != nil || !errors.Is(err, ErrInvalid) || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("LoadRegister = %v, %v; want nil and an error wrapping ErrInvalid that says %s", r, err, tt.want)
			}
		})
	}
}

// TestLoadRegisterNullSteps: null is read as a member left out, so a
// separation's null steps load as empty steps, which Validate reports
// (rule sod.step), as LoadRegister's doc says.
func TestLoadRegisterNullSteps(t *testing.T) {
	for _, in := range []string{
		`{"flows":[{"id":"F"}],"separations":[{"flow":"F","steps":null}]}`,
		`{"flows":[{"id":"F"}],"separations":[{"flow":"F"}]}`,
		`{"flows":[{"id":"F"}],"separations":[{"flow":"F","steps":[null,null]}]}`,
	} {
		r, err := LoadRegister(strings.NewReader(in))
		if err != nil {
			t.Fatalf("LoadRegister(%s) error = %v", in, err)
		}
		if diff := cmp.Diff([]Separation{{Flow: "F"}}, r.Separations); diff != "" {
			t.Errorf("LoadRegister(%s) separations mismatch (-want +got):\n%s", in, diff)
		}
		var got []string
		for _, f := range r.Validate() {
			if f.Rule == "sod.step" {
				got = append(got, f.Path)
			}
		}
		if diff := cmp.Diff([]string{"separations[F:,]"}, got); diff != "" {
			t.Errorf("Validate(%s) sod.step findings mismatch (-want +got):\n%s", in, diff)
		}
	}
}

type errReader struct{}

func (errReader) Read([]byte) (int, error) { return 0, errors.New("disk on fire") }

func TestAdoptionInForce(t *testing.T) {
	mar1 := time.Date(2020, 3, 1, 0, 0, 0, 0, time.FixedZone("CST", 8*3600))
	tests := []struct {
		name string
		a    Adoption
		at   time.Time
		want bool
	}{
		{"published, on the day", Adoption{Effective: mar1, Status: Published}, mar1, true},
		{"published, later", Adoption{Effective: mar1, Status: Published}, mar1.AddDate(1, 0, 0), true},
		{"published, a nanosecond before", Adoption{Effective: mar1, Status: Published}, mar1.Add(-1), false},
		{"approved, not published", Adoption{Effective: mar1, Status: Approved, ApprovedBy: "x", ApprovedAt: mar1}, mar1, false},
		{"draft", Adoption{Effective: mar1, Status: Draft}, mar1, false},
		{"published with no date", Adoption{Status: Published}, mar1, false},
		{"zero", Adoption{}, mar1, false},
		{"same instant in UTC", Adoption{Effective: mar1, Status: Published}, mar1.UTC(), true},
	}
	for _, tt := range tests {
		if got := tt.a.InForce(tt.at); got != tt.want {
			t.Errorf("%s: InForce = %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestDiffEntries(t *testing.T) {
	old := []Unit{{ID: "A", Name: "甲"}, {ID: "B", Name: "乙"}, {ID: "B", Name: "乙二"}}
	new := []Unit{{ID: "B", Name: "乙", Kind: Office}, {ID: "C"}, {ID: "A", Name: "甲"}}
	got := DiffEntries("units", old, new, func(u Unit) string { return u.ID })
	want := Changes{
		{Kind: Changed, List: "units", Key: "B", Path: "units[B]", Fields: []string{"kind"}},
		{Kind: Added, List: "units", Key: "C", Path: "units[C]"},
		{Kind: Removed, List: "units", Key: "B", Path: "units[B]"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("DiffEntries mismatch (-want +got):\n%s", diff)
	}
	if got := DiffEntries[Unit]("units", nil, nil, func(u Unit) string { return u.ID }); len(got) != 0 {
		t.Errorf("DiffEntries(nil, nil) = %v", got)
	}
}
