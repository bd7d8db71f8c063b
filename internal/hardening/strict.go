package hardening

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// A Mutation is one way [Strict] spoils a sound JSON input.
type Mutation int

// The mutations, each applied at every place of the input it can be.
const (
	// Misspelt appends "x" to a key: an unknown field.
	Misspelt Mutation = iota
	// CaseVariant writes a key in upper case (a field encoding/json would
	// match case-insensitively).
	CaseVariant
	// Duplicate gives a key twice in its object.
	Duplicate
	// BadUTF8Text puts an invalid UTF-8 byte into a string.
	BadUTF8Text
)

func (m Mutation) String() string {
	return [...]string{"misspelt key", "key in another case", "duplicate key", "invalid UTF-8"}[m]
}

// A Spoilt input is a sound input with one mutation, at Path.
type Spoilt struct {
	Mutation Mutation
	Path     string // such as routes[2].respond
	Depth    int    // 1 for a key of the outermost object
	Input    []byte
}

// Spoil returns every mutation of sound, a JSON value, at every place:
// each key misspelt, in upper case and given twice, and each string made
// invalid UTF-8. A key inside an object for which free(path) is true (a
// map, whose keys are data) is given twice but neither misspelt nor
// changed in case.
func Spoil(sound []byte, free func(path string) bool) ([]Spoilt, error) {
	type frame struct {
		object bool
		start  int64 // offset just past the { or [
		key    string
		index  int
		path   string
	}
	d := json.NewDecoder(bytes.NewReader(sound))
	var (
		out   []Spoilt
		stack []frame
	)
	child := func() string { // the path of the value about to be read
		if len(stack) == 0 {
			return ""
		}
		f := stack[len(stack)-1]
		if f.object {
			if f.path == "" {
				return f.key
			}
			return f.path + "." + f.key
		}
		return f.path + "[" + strconv.Itoa(f.index) + "]"
	}
	splice := func(at int64, insert string) []byte {
		b := make([]byte, 0, len(sound)+len(insert))
		b = append(b, sound[:at]...)
		b = append(b, insert...)
		return append(b, sound[at:]...)
	}
	afterValue := func() {
		if n := len(stack); n > 0 {
			if stack[n-1].object {
				stack[n-1].key = ""
			} else {
				stack[n-1].index++
			}
		}
	}
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		end := d.InputOffset()
		switch tok := tok.(type) {
		case json.Delim:
			switch tok {
			case '{', '[':
				p := child()
				stack = append(stack, frame{object: tok == '{', start: end, path: p})
			default:
				stack = stack[:len(stack)-1]
				afterValue()
			}
			continue
		case string:
			f := &stack[max(len(stack)-1, 0)]
			if len(stack) > 0 && f.object && f.key == "" {
				// A key: its quotes end at end.
				f.key = tok
				start := int64(bytes.LastIndex(sound[:end-1], []byte(`"`)))
				depth := len(stack)
				if free == nil || !free(f.path) {
					out = append(out, Spoilt{Misspelt, f.path, depth, splice(end-1, "x")})
					if up := strings.ToUpper(tok); up != tok {
						b := bytes.Clone(sound)
						copy(b[start+1:end-1], up)
						if len(up) == len(tok) {
							out = append(out, Spoilt{CaseVariant, f.path, depth, b})
						}
					}
				}
				out = append(out, Spoilt{Duplicate, f.path, depth, splice(f.start, strconv.Quote(tok)+":null,")})
				continue
			}
			// A string value: spoil its first byte.
			start := int64(bytes.LastIndex(sound[:end-1], []byte(`"`)))
			if tok != "" {
				out = append(out, Spoilt{BadUTF8Text, child(), len(stack), splice(start+1, "\xff")})
			}
		}
		afterValue()
	}
	return out, nil
}

// StrictOptions say where [Strict] spoils an input.
type StrictOptions struct {
	// Free, if set, reports the paths of objects whose keys are data (a
	// map): [Spoil] neither misspells their keys nor changes their case.
	Free func(path string) bool
	// Only, if set, reports the paths Strict spoils: those a decoder
	// under test reads itself, such as the routes of a Directory that
	// encoding/json decodes with Route's UnmarshalJSON. A path is the
	// object holding a key, or the string spoilt.
	Only func(path string) bool
	// Flat says that the decoder reads no object inside its own: Strict
	// then does not want each mutation tried in a nested object too.
	Flat bool
}

// Strict checks that decode, a strict decoder, takes sound and refuses
// every input [Spoil] makes of it (within opts.Only), with an error
// wrapping sentinel (any error when sentinel is nil), and that it tried
// each mutation inside a nested object too. It logs how many it tried,
// and fails when it tried none.
func Strict(t testing.TB, sound []byte, opts StrictOptions, sentinel error, decode func([]byte) error) {
	t.Helper()
	if err := decode(sound); err != nil {
		t.Fatalf("the sound input is refused: %v", err)
	}
	spoilt, err := Spoil(sound, opts.Free)
	if err != nil {
		t.Fatalf("the sound input is not JSON: %v", err)
	}
	nested := map[Mutation]bool{}
	tried := 0
	for _, s := range spoilt {
		if opts.Only != nil && !opts.Only(s.Path) {
			continue
		}
		tried++
		err := decode(s.Input)
		switch {
		case err == nil:
			t.Errorf("%s at %q: taken:\n%s", s.Mutation, s.Path, Clip(string(s.Input)))
		case sentinel != nil && !errors.Is(err, sentinel):
			t.Errorf("%s at %q: error %v does not wrap %v", s.Mutation, s.Path, err, sentinel)
		}
		if s.Depth > 1 {
			nested[s.Mutation] = true
		}
	}
	if tried == 0 {
		t.Errorf("no spoilt input tried: StrictOptions.Only takes none of the %d spoilt inputs", len(spoilt))
	}
	for m := Misspelt; m <= BadUTF8Text && !opts.Flat; m++ {
		if !nested[m] {
			t.Errorf("the sound input has no nested place for a %s: give one with nested objects and strings", m)
		}
	}
	t.Logf("%d spoilt inputs tried", tried)
}

// Budget returns d, or ten times d under the race detector, which slows
// code by about as much: the guard, on the time [Took] measures, of a
// test that wants an input refused at once (in milliseconds, where issue
// 14 found minutes), generous so that a loaded machine does not fail it.
func Budget(d time.Duration) time.Duration {
	if raceEnabled {
		return 10 * d
	}
	return d
}

// Linear runs f, which reads an input of n bytes, and fails when it takes
// longer than a generous budget linear in n: 250 ms and 5 µs a byte, ten
// times as much under the race detector. It catches work that grows
// faster than the input (a quadratic step, a number parsed digit by digit
// against a growing total) in fuzz targets, which run it on every input.
func Linear(t testing.TB, n int, f func()) {
	t.Helper()
	budget := 250*time.Millisecond + time.Duration(n)*5*time.Microsecond
	if raceEnabled {
		budget *= 10
	}
	if took := Took(f); took > budget {
		t.Errorf("%s for %d bytes, over the budget of %s: the work is not linear in the input", took, n, budget)
	}
}

// MustJSON is the JSON of v, the sound input of a [Strict] check; an
// error fails the test at once.
func MustJSON(t testing.TB, v any) []byte {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// JSONRoundTrip writes v as JSON and reads it back into a new T, and
// reports a mismatch (-want +got) when what it reads differs from v (by
// cmp, with opts); an error writing or reading fails the test at once.
// It returns the JSON, for the checks a test makes of it.
func JSONRoundTrip[T any](t testing.TB, v T, opts ...cmp.Option) []byte {
	t.Helper()
	b := MustJSON(t, v)
	var back T
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatalf("Unmarshal(%s), its own JSON: %v", Clip(string(b)), err)
	}
	if diff := cmp.Diff(v, back, opts...); diff != "" {
		t.Errorf("round trip of %s mismatch (-want +got):\n%s", Clip(string(b)), diff)
	}
	return b
}

// Accepts reports whether decode, which reads data, accepts it: it runs
// decode in time linear in the length of data ([Linear]), and fails the
// test at once on a refusal that does not wrap sentinel.
func Accepts(t testing.TB, data []byte, sentinel error, decode func() error) bool {
	t.Helper()
	var err error
	Linear(t, len(data), func() { err = decode() })
	if err != nil && !errors.Is(err, sentinel) {
		t.Fatalf("decoding %s: error %v does not wrap %v", Clip(string(data)), err, sentinel)
	}
	return err == nil
}

// RoundTrips decodes data into a T with its UnmarshalJSON, as [Accepts]
// does, and, when it accepts, fails the test unless the value writes and
// reads back equal ([JSONRoundTrip], an empty map or list as none, which
// omitempty leaves out). It reports whether data was accepted.
func RoundTrips[T any, P interface {
	*T
	json.Unmarshaler
}](t testing.TB, data []byte, sentinel error) bool {
	t.Helper()
	var v T
	if !Accepts(t, data, sentinel, func() error { return P(&v).UnmarshalJSON(data) }) {
		return false
	}
	JSONRoundTrip(t, v, cmpopts.EquateEmpty())
	return true
}
