package matters_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/qingdan/qingdan/internal/hardening"
	"github.com/qingdan/qingdan/matters"
)

// FuzzLoadLists: no input makes LoadDirectory or LoadAdmission panic; each
// takes time linear in the input and refuses with an error wrapping
// ErrInvalid; what one loads validates without panicking (nil or an error
// wrapping ErrInvalid), the same again, and writes JSON that loads back to
// the same list, which validates the same.
// (FuzzDirectoryJSON and FuzzAdmissionJSON fuzz encoding/json's reading of
// the same types, which is not strict; FuzzLoadCatalog reads them inside a
// catalog.)
func FuzzLoadLists(f *testing.F) {
	seedGolden(f, "directory.golden", `{"version":"v","routes":[{"type":"a","lead":"b","support":["c","c"],"respond":"-1h","resolveDays":-1},{"type":"a"}]}`,
		`{"routes":[{"type":"a","lead":"b","Respond":"1h"}]}`, `{"routes":[{"type":"a","type":"b"}]}`)
	seedGolden(f, "admission.golden", `{"items":[{"code":"","name":"","list":"other"}],"excluded":[{"name":""}]}`,
		`{"items":[{"code":"c","name":"n","list":"duties","unit":"u"},{"code":"c","name":"n","list":"services"}]}`)
	hardening.AddJSONSeeds(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		loadsBack(t, "LoadDirectory", data, matters.LoadDirectory, (*matters.Directory).Validate)
		loadsBack(t, "LoadAdmission", data, matters.LoadAdmission, (*matters.Admission).Validate)
	})
}

// loadsBack loads data with load, named name, for FuzzLoadLists: a refusal
// wraps ErrInvalid; what it loads validates to nil or an error wrapping
// ErrInvalid, and its JSON loads back equal.
func loadsBack[T any](t *testing.T, name string, data []byte, load func(io.Reader) (*T, error), validate func(*T) error) {
	t.Helper()
	var v *T
	if !hardening.Accepts(t, data, matters.ErrInvalid, func() (err error) { v, err = load(bytes.NewReader(data)); return err }) {
		return
	}
	verr := validate(v)
	if verr != nil && !errors.Is(verr, matters.ErrInvalid) {
		t.Fatalf("%s(%s), then Validate: %v does not wrap ErrInvalid", name, hardening.Clip(string(data)), verr)
	}
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatalf("%s(%s) loads a list that does not write: %v", name, hardening.Clip(string(data)), err)
	}
	again, err := load(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("%s(its own JSON %s): %v", name, hardening.Clip(string(b)), err)
	}
	if diff := cmp.Diff(v, again, cmpopts.EquateEmpty()); diff != "" {
		t.Fatalf("%s of %s, written and loaded again, mismatch (-want +got):\n%s", name, hardening.Clip(string(data)), diff)
	}
	sameFindings(t, name+" of "+hardening.Clip(string(data)), verr, validate(v), validate(again))
}

// sameFindings fails the test unless Validate, which found want at first
// (what is named what), finds the same again on the same value (again) and
// on the value written and loaded back (back), as fmt prints them (an
// error, or the findings of a catalog).
func sameFindings(t *testing.T, what string, want, again, back any) {
	t.Helper()
	if fmt.Sprint(again) != fmt.Sprint(want) || fmt.Sprint(back) != fmt.Sprint(want) {
		t.Fatalf("%s: Validate = %v; again %v; written and loaded back %v", what, want, again, back)
	}
}
