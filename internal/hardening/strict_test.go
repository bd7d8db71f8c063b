package hardening

import (
	"errors"
	"runtime"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// stopper is a recorder that, as testing does, stops the goroutine at
// Fatal and Fatalf.
type stopper struct{ recorder }

func (s *stopper) Fatal(args ...any) {
	s.recorder.Fatal(args...)
	runtime.Goexit()
}
func (s *stopper) Fatalf(format string, args ...any) {
	s.recorder.Fatalf(format, args...)
	runtime.Goexit()
}

// reportsOf runs f with a stopper on a goroutine of its own, as testing
// runs a test, and gives what f returned (nil if it was stopped) and the
// first line of each report.
func reportsOf(f func(t testing.TB) []byte) (b []byte, reports []string) {
	s := &stopper{}
	done := make(chan struct{})
	go func() {
		defer close(done)
		b = f(s)
	}()
	<-done
	for _, e := range s.errors {
		first, _, _ := strings.Cut(e, "\n")
		reports = append(reports, first)
	}
	return b, reports
}

// refused is a value whose own JSON does not read back.
type refused struct{ N int }

func (*refused) UnmarshalJSON([]byte) error { return errors.New("refused") }

func TestJSONRoundTrip(t *testing.T) {
	type hidden struct {
		A int
		B int `json:"-"`
	}
	type sparse struct {
		M map[string]int `json:",omitempty"`
	}
	for _, tt := range []struct {
		name    string
		run     func(t testing.TB) []byte
		json    string // what JSONRoundTrip returns; "" when it stops
		reports []string
	}{
		{"reads back equal", func(t testing.TB) []byte {
			return JSONRoundTrip(t, map[string][]int{"a": {1, 2}})
		}, `{"a":[1,2]}`, nil},
		{"a field its JSON leaves out", func(t testing.TB) []byte {
			return JSONRoundTrip(t, hidden{A: 1, B: 2})
		}, `{"A":1}`, []string{`round trip of {"A":1} mismatch (-want +got):`}},
		{"an empty map read back as none", func(t testing.TB) []byte {
			return JSONRoundTrip(t, sparse{M: map[string]int{}})
		}, `{}`, []string{`round trip of {} mismatch (-want +got):`}},
		{"an empty map as none, by the options", func(t testing.TB) []byte {
			return JSONRoundTrip(t, sparse{M: map[string]int{}}, cmpopts.EquateEmpty())
		}, `{}`, nil},
		{"a value that cannot be written", func(t testing.TB) []byte {
			return JSONRoundTrip(t, func() {})
		}, "", []string{"json: unsupported type: func()"}},
		{"JSON that does not read back", func(t testing.TB) []byte {
			return JSONRoundTrip(t, refused{N: 1})
		}, "", []string{`Unmarshal({"N":1}), its own JSON: refused`}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			b, reports := reportsOf(tt.run)
			if got := string(b); got != tt.json {
				t.Errorf("JSONRoundTrip returned %s, want %s", got, tt.json)
			}
			if diff := cmp.Diff(tt.reports, reports); diff != "" {
				t.Errorf("reports mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// TestStrictTriesSomething: a Strict check that spoils nothing, its Only
// taking no path of the input, fails rather than passing without a check.
func TestStrictTriesSomething(t *testing.T) {
	decode := func(b []byte) error { return nil }
	_, reports := reportsOf(func(t testing.TB) []byte {
		Strict(t, []byte(`{"a":{"b":"c"}}`), StrictOptions{Only: func(string) bool { return false }, Flat: true}, nil, decode)
		return nil
	})
	if diff := cmp.Diff([]string{"no spoilt input tried: StrictOptions.Only takes none of the 7 spoilt inputs"}, reports); diff != "" {
		t.Errorf("reports mismatch (-want +got):\n%s", diff)
	}
}
