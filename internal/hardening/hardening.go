// Package hardening is what the library's hardening tests share: hostile
// values, a [Caller] that turns a panic or an unsound result into a test
// failure, generic rows for enums, errors and JSON, [Covered], which fails
// when an exported function of a package has no row, and [Concurrently],
// which runs a function from several goroutines at once.
//
// Each package's hardening_test.go holds its own rows and runs them with
// [Test]. This package is for tests only, and imports none of the library's
// packages but internal/cputime, the CPU clock of [Took].
package hardening

import (
	"encoding/json"
	"fmt"
	"math"
	"runtime/debug"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"
)

// Hostile values. Rows read them and must not modify them.
var (
	// Huge is a 224 KiB string.
	Huge = strings.Repeat("清单x", 1<<15)
	// BadUTF8 is a string that is not valid UTF-8.
	BadUTF8 = "bad \xff\xfe utf-8"
	// Strings are the empty string, a space, an unknown name, BadUTF8 and Huge.
	Strings = []string{"", " ", "没有这个", BadUTF8, Huge}
	// Ints are zero, ±1 and the limits of int32 and int.
	Ints = []int{0, -1, 1, math.MaxInt32, math.MinInt32, math.MaxInt, math.MinInt}
	// Durations are zero, negative durations and the limits of time.Duration.
	Durations = []time.Duration{0, -1, -time.Hour, math.MinInt64, math.MaxInt64}
	// CST is China Standard Time as a fixed zone, UTC+8.
	CST = time.FixedZone("CST", 8*3600)
	// Times are the zero time, an ordinary instant, instants before year 1
	// and at the end of year 9999, and instants far beyond both.
	Times = []time.Time{{}, time.Date(2020, 6, 1, 9, 0, 0, 0, CST), time.Date(-5000, 1, 1, 0, 0, 0, 0, time.UTC),
		time.Date(9999, 12, 31, 23, 59, 59, 999999999, time.UTC), time.Unix(1<<40, 0), time.Unix(-1<<40, 0)}
	// Decimals are the zero value, -1, numbers with huge positive and
	// negative exponents, and a number with 39 digits.
	Decimals = []decimal.Decimal{{}, decimal.New(-1, 0), decimal.New(1, 1000), decimal.New(-7, -1000),
		decimal.RequireFromString("123456789012345678901234567890.123456789")}
	// JSONInputs are inputs a JSON decoder must survive: nothing, every kind
	// of JSON value, truncated and deeply nested JSON, numbers, durations and
	// dates out of range, and a huge string.
	JSONInputs = [][]byte{
		nil, []byte(""), []byte("null"), []byte("{}"), []byte("[]"), []byte("0"), []byte(`"x"`), []byte("true"),
		[]byte(`{"a":`), []byte(`{"` + BadUTF8 + `":1}`), []byte(strings.Repeat("[", 100000)),
		[]byte(`{"points":"1e999999999","weight":"-1e-999999999","limit":"-9223372036854775808ns","at":"0000-00-00"}`),
		[]byte(`"` + Huge + `"`),
	}
)

// A Row makes the calls for one exported function or method.
type Row struct {
	// Name is "package.Function" or "package.Type.Method", the name
	// [Covered] looks for.
	Name string
	// Run makes the calls through c.
	Run func(c *Caller)
}

// Test is a package's hardening test: it checks that the rows cover every
// exported function and method of the package being tested, whose
// directory go test runs it in ([Covered]), and runs them ([Run]).
func Test(t *testing.T, rows []Row) {
	t.Helper()
	Covered(t, ".", rows)
	Run(t, rows)
}

// Run runs each row as a parallel subtest named after it. Two rows with
// the same name are an error.
func Run(t *testing.T, rows []Row) {
	t.Helper()
	seen := map[string]bool{}
	for _, r := range rows {
		if seen[r.Name] {
			t.Errorf("two rows for %s", r.Name)
		}
		seen[r.Name] = true
		t.Run(r.Name, func(t *testing.T) {
			t.Parallel()
			r.Run(&Caller{t: t, name: r.Name})
		})
	}
}

// A Caller makes the calls of one row and fails the test, naming the row
// and the call, on a panic or an unsound result.
type Caller struct {
	t    *testing.T
	name string
}

// Call runs f, which makes one call described by desc, and reports a panic
// with the library's frames of its stack.
func (c *Caller) Call(desc string, f func()) {
	c.t.Helper()
	defer func() {
		if r := recover(); r != nil {
			c.t.Errorf("%s panicked on %s: %v\n%s", c.name, Clip(desc), r, Frames(debug.Stack()))
		}
	}()
	f()
}

// Fail reports an unsound result of the call described by desc.
func (c *Caller) Fail(desc, format string, args ...any) {
	c.t.Helper()
	c.t.Errorf("%s on %s: %s", c.name, Clip(desc), fmt.Sprintf(format, args...))
}

// WantErr reports a call that accepted what it must refuse: err is nil.
func (c *Caller) WantErr(desc string, err error) {
	c.t.Helper()
	if err == nil {
		c.Fail(desc, "no error")
	}
}

// JSONSound reports marshalled output that is neither an error nor JSON.
func (c *Caller) JSONSound(desc string, b []byte, err error) {
	c.t.Helper()
	if err == nil && !json.Valid(b) {
		c.Fail(desc, "MarshalJSON returned invalid JSON %q", Clip(string(b)))
	}
}

// Clip shortens s to 120 bytes, noting its length, for a test message.
func Clip(s string) string {
	if len(s) > 120 {
		return s[:120] + fmt.Sprintf("…(%d bytes)", len(s))
	}
	return s
}

// Frames keeps the lines of a stack from debug.Stack that point into the
// library's code: not its tests, and not this package.
func Frames(stack []byte) string {
	var out []string
	lines := strings.Split(string(stack), "\n")
	for i := 1; i < len(lines); i++ {
		fn, at := lines[i-1], lines[i]
		if strings.HasPrefix(fn, "github.com/qingdan/qingdan/") && !strings.HasPrefix(fn, "github.com/qingdan/qingdan/internal/hardening.") &&
			strings.HasPrefix(at, "\t") && !strings.Contains(at, "_test.go") {
			out = append(out, "\t"+strings.TrimSpace(fn)+" at "+strings.TrimSpace(at))
		}
	}
	return strings.Join(out, "\n")
}

// PanicOf calls f and returns what it panicked with, or nil if it
// returned: the check that a programmer's misuse (a nil receiver, a nil
// argument) panics with the message the package documents.
func PanicOf(f func()) (v any) {
	defer func() { v = recover() }()
	f()
	return nil
}
