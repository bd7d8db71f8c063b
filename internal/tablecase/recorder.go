package tablecase

import (
	"fmt"
	"runtime"
	"strings"
	"testing"
)

// A Recorder is a fake T with Errorf alone: it records what a helper
// reports, as analysistest_test.go's errorfunc does.
type Recorder struct {
	Reports []string
}

// Errorf records the message.
func (r *Recorder) Errorf(format string, args ...any) {
	r.Reports = append(r.Reports, fmt.Sprintf(format, args...))
}

// Check reports through t, naming the call, a record that is not one
// message for each of want, each beginning with its want.
func (r *Recorder) Check(t *testing.T, call string, want []string) {
	t.Helper()
	if len(r.Reports) != len(want) {
		t.Fatalf("%s reported %d messages, want %d:\n%s", call, len(r.Reports), len(want), strings.Join(r.Reports, "\n"))
	}
	for i, w := range want {
		if !strings.HasPrefix(r.Reports[i], w) {
			t.Errorf("%s: message %d = %q, want it to begin %q", call, i, r.Reports[i], w)
		}
	}
}

// A HelperRecorder is a [Recorder] with a Helper method, which counts the
// helper's calls of it and records, in Callers, the name of the function
// that made each: testing marks that function, and no other, as a helper.
type HelperRecorder struct {
	Recorder
	Helpers int
	Callers []string
}

// Helper counts the call and records its caller's name, short: the
// package's last element and the function, without type arguments
// ("tablecase.Load").
func (h *HelperRecorder) Helper() {
	h.Helpers++
	name := "?"
	if pc, _, _, ok := runtime.Caller(1); ok {
		if f := runtime.FuncForPC(pc); f != nil {
			name = f.Name()
			name = strings.TrimSuffix(name[strings.LastIndex(name, "/")+1:], "[...]")
		}
	}
	h.Callers = append(h.Callers, name)
}
