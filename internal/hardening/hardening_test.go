package hardening

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// recorder is a testing.TB that records what Covered reports.
type recorder struct {
	testing.TB
	errors []string
}

func (*recorder) Helper() {}
func (r *recorder) Errorf(format string, args ...any) {
	r.errors = append(r.errors, fmt.Sprintf(format, args...))
}
func (r *recorder) Fatal(args ...any) { r.errors = append(r.errors, fmt.Sprint(args...)) }
func (r *recorder) Fatalf(format string, args ...any) {
	r.errors = append(r.errors, fmt.Sprintf(format, args...))
}

func TestCovered(t *testing.T) {
	r := &recorder{}
	Covered(r, "testdata/sample", []Row{{Name: "sample.F"}, {Name: "sample.G.M"}})
	want := []string{"sample.T.M (testdata/sample/sample.go) has no hardening row", "sample.T.P (testdata/sample/sample.go) has no hardening row"}
	if !slices.Equal(r.errors, want) {
		t.Errorf("Covered reported %q, want %q", r.errors, want)
	}
	r = &recorder{}
	Covered(r, "testdata", nil)
	if len(r.errors) != 1 || !strings.Contains(r.errors[0], "no Go files") {
		t.Errorf("Covered on a folder without Go files reported %q", r.errors)
	}
}

func TestFrames(t *testing.T) {
	stack := strings.Join([]string{
		"goroutine 7 [running]:",
		"runtime/debug.Stack()", "\t/usr/local/go/src/runtime/debug/stack.go:26 +0x5e",
		"github.com/qingdan/qingdan/internal/hardening.(*Caller).Call.func1()", "\t/r/internal/hardening/hardening.go:90 +0x4f",
		"github.com/qingdan/qingdan/scoring.(*Book).Record(...)", "\t/r/scoring/book.go:120 +0x1c",
		"github.com/qingdan/qingdan/scoring_test.hardeningRows.func1()", "\t/r/scoring/hardening_test.go:40 +0x2a",
	}, "\n")
	want := "\tgithub.com/qingdan/qingdan/scoring.(*Book).Record(...) at /r/scoring/book.go:120 +0x1c"
	if got := Frames([]byte(stack)); got != want {
		t.Errorf("Frames = %q, want %q", got, want)
	}
}

func TestClip(t *testing.T) {
	if got := Clip("short"); got != "short" {
		t.Errorf("Clip(short) = %q", got)
	}
	if got := Clip(Huge); !strings.HasSuffix(got, "…(229376 bytes)") || len(got) > 140 {
		t.Errorf("Clip(Huge) = %q", got)
	}
}
