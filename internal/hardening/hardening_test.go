package hardening

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
)

// recorder is a testing.TB that records what Covered reports.
type recorder struct {
	testing.TB
	errors []string
}

func (*recorder) Helper()             {}
func (*recorder) Logf(string, ...any) {}
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

func TestSpoil(t *testing.T) {
	sound := []byte(`{"a":{"b":"x","m":{"k":"v"}},"l":[{"c":"y"}],"n":1}`)
	got, err := Spoil(sound, func(path string) bool { return path == "a.m" })
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, s := range got {
		if !json.Valid(s.Input) && s.Mutation != BadUTF8Text {
			t.Errorf("%s at %q: not JSON: %s", s.Mutation, s.Path, s.Input)
		}
		lines = append(lines, fmt.Sprintf("%s|%s|%d|%s", s.Mutation, s.Path, s.Depth, s.Input))
	}
	want := []string{
		`misspelt key||1|{"ax":{"b":"x","m":{"k":"v"}},"l":[{"c":"y"}],"n":1}`,
		`key in another case||1|{"A":{"b":"x","m":{"k":"v"}},"l":[{"c":"y"}],"n":1}`,
		`duplicate key||1|{"a":null,"a":{"b":"x","m":{"k":"v"}},"l":[{"c":"y"}],"n":1}`,
		`misspelt key|a|2|{"a":{"bx":"x","m":{"k":"v"}},"l":[{"c":"y"}],"n":1}`,
		`key in another case|a|2|{"a":{"B":"x","m":{"k":"v"}},"l":[{"c":"y"}],"n":1}`,
		`duplicate key|a|2|{"a":{"b":null,"b":"x","m":{"k":"v"}},"l":[{"c":"y"}],"n":1}`,
		"invalid UTF-8|a.b|2|{\"a\":{\"b\":\"\xffx\",\"m\":{\"k\":\"v\"}},\"l\":[{\"c\":\"y\"}],\"n\":1}",
		`misspelt key|a|2|{"a":{"b":"x","mx":{"k":"v"}},"l":[{"c":"y"}],"n":1}`,
		`key in another case|a|2|{"a":{"b":"x","M":{"k":"v"}},"l":[{"c":"y"}],"n":1}`,
		`duplicate key|a|2|{"a":{"m":null,"b":"x","m":{"k":"v"}},"l":[{"c":"y"}],"n":1}`,
		`duplicate key|a.m|3|{"a":{"b":"x","m":{"k":null,"k":"v"}},"l":[{"c":"y"}],"n":1}`,
		"invalid UTF-8|a.m.k|3|{\"a\":{\"b\":\"x\",\"m\":{\"k\":\"\xffv\"}},\"l\":[{\"c\":\"y\"}],\"n\":1}",
		`misspelt key||1|{"a":{"b":"x","m":{"k":"v"}},"lx":[{"c":"y"}],"n":1}`,
		`key in another case||1|{"a":{"b":"x","m":{"k":"v"}},"L":[{"c":"y"}],"n":1}`,
		`duplicate key||1|{"l":null,"a":{"b":"x","m":{"k":"v"}},"l":[{"c":"y"}],"n":1}`,
		`misspelt key|l[0]|3|{"a":{"b":"x","m":{"k":"v"}},"l":[{"cx":"y"}],"n":1}`,
		`key in another case|l[0]|3|{"a":{"b":"x","m":{"k":"v"}},"l":[{"C":"y"}],"n":1}`,
		`duplicate key|l[0]|3|{"a":{"b":"x","m":{"k":"v"}},"l":[{"c":null,"c":"y"}],"n":1}`,
		"invalid UTF-8|l[0].c|3|{\"a\":{\"b\":\"x\",\"m\":{\"k\":\"v\"}},\"l\":[{\"c\":\"\xffy\"}],\"n\":1}",
		`misspelt key||1|{"a":{"b":"x","m":{"k":"v"}},"l":[{"c":"y"}],"nx":1}`,
		`key in another case||1|{"a":{"b":"x","m":{"k":"v"}},"l":[{"c":"y"}],"N":1}`,
		`duplicate key||1|{"n":null,"a":{"b":"x","m":{"k":"v"}},"l":[{"c":"y"}],"n":1}`,
	}
	if !slices.Equal(lines, want) {
		t.Errorf("Spoil mismatch:\n got %q\nwant %q", lines, want)
	}
}

func TestMethod(t *testing.T) {
	var got []int
	r := Method("pkg.Type.Len", []string{"", "ab", Huge}, func(s string) { got = append(got, len(s)) })
	if r.Name != "pkg.Type.Len" {
		t.Errorf("Name = %q", r.Name)
	}
	Run(t, []Row{r})
	t.Cleanup(func() {
		if want := []int{0, 2, len(Huge)}; !slices.Equal(got, want) {
			t.Errorf("calls %v, want %v", got, want)
		}
	})
	defer func() {
		if p := recover(); p == nil || !strings.Contains(fmt.Sprint(p), "pkg.Type.Method") {
			t.Errorf("Method with a function's name: recovered %v, want a panic", p)
		}
	}()
	Method("pkg.F", []int{1}, func(int) {})
}

func TestSetDecimals(t *testing.T) {
	p, q, z := decimal.DivisionPrecision, decimal.MarshalJSONWithoutQuotes, decimal.TrimTrailingZeros
	t.Run("set", func(t *testing.T) {
		SetDecimals(t, 3, !q, !z)
		SetDecimals(t, 5, !q, !z)
		if decimal.DivisionPrecision != 5 || decimal.MarshalJSONWithoutQuotes == q || decimal.TrimTrailingZeros == z {
			t.Errorf("SetDecimals set %d, %t, %t", decimal.DivisionPrecision, decimal.MarshalJSONWithoutQuotes, decimal.TrimTrailingZeros)
		}
		WhateverDecimals(t, func() string { return decimal.RequireFromString("1.50").StringFixed(2) }) // String would depend on TrimTrailingZeros
	})
	if decimal.DivisionPrecision != p || decimal.MarshalJSONWithoutQuotes != q || decimal.TrimTrailingZeros != z {
		t.Errorf("after the test: %d, %t, %t; want %d, %t, %t", decimal.DivisionPrecision, decimal.MarshalJSONWithoutQuotes, decimal.TrimTrailingZeros, p, q, z)
	}
}

// TestPanicOf: what f panicked with, and nil for an f that returned.
func TestPanicOf(t *testing.T) {
	if got := PanicOf(func() { panic("pkg: nil *T") }); got != "pkg: nil *T" {
		t.Errorf("PanicOf(panic) = %v, want %q", got, "pkg: nil *T")
	}
	if got := PanicOf(func() {}); got != nil {
		t.Errorf("PanicOf(return) = %v, want nil", got)
	}
}
