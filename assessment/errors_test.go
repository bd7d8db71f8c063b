package assessment_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// checkErr checks the error of a call: none when want is nil; otherwise
// one wrapping sentinel whose lines are want, one problem a line.
func checkErr(t *testing.T, call string, err, sentinel error, want []string) {
	t.Helper()
	if want == nil {
		if err != nil {
			t.Fatalf("%s = %v", call, err)
		}
		return
	}
	if !errors.Is(err, sentinel) {
		t.Fatalf("%s = %v, want %v", call, err, sentinel)
	}
	if diff := cmp.Diff(want, strings.Split(err.Error(), "\n")); diff != "" {
		t.Errorf("%s error mismatch (-want +got):\n%s", call, diff)
	}
}
