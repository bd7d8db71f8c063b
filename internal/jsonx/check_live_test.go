package jsonx

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// holder holds interfaces, which encoding/json decodes into what they
// point to, where they hold a pointer, and otherwise fills as it likes.
type holder struct {
	V    any            `json:"v"`
	List []any          `json:"list"`
	Arr  [2]any         `json:"arr"`
	Ptr  *holder        `json:"ptr"`
	Map  map[string]any `json:"map"`
	S    fmt.Stringer   `json:"s"`
	*Embedded
}

// named is a Stringer with a field, to fill a non-empty interface.
type named struct {
	Name string `json:"name"`
}

func (n *named) String() string { return n.Name }

// TestDecodeFilledInterface: an interface that holds a pointer when
// Decode is called is decoded into what the pointer points to, as
// encoding/json decodes it, and so is checked as that: strictly. An
// interface that holds no pointer, or that encoding/json fills anew (in
// a map, past a slice's capacity, under a nil pointer), takes any JSON.
func TestDecodeFilledInterface(t *testing.T) {
	short := []any{&inner{}, &inner{}}[:0] // a slice whose capacity holds pointers past its length
	for _, c := range []struct {
		name string
		v    func() *holder
		in   string
		err  string
	}{
		{"sound", func() *holder { return &holder{V: &inner{}} }, `{"v":{"creditCode":"x","kind":"k"}}`, ""},
		{"an unknown field", func() *holder { return &holder{V: &inner{}} }, `{"v":{"creditCode":"x","nmae":"y"}}`, `json: unknown field "nmae" at v`},
		{"a field in another case", func() *holder { return &holder{V: &inner{}} }, `{"v":{"creditcode":"x"}}`, `json: field "creditcode" is spelt "creditCode" here (field names are case-sensitive) at v`},
		{"a value of another kind", func() *holder { return &holder{V: &inner{}} }, `{"v":{"kind":5}}`, `json: a number where a string is wanted at v.kind`},
		{"a key twice", func() *holder { return &holder{V: &inner{}} }, `{"v":{"kind":"a","kind":"b"}}`, `json: duplicate key "kind" (a repeated key would silently take the last value) at v`},
		{"an array for a struct", func() *holder { return &holder{V: &inner{}} }, `{"v":[1]}`, `json: an array where an object is wanted at v`},
		{"in a slice", func() *holder { return &holder{List: []any{&inner{}}} }, `{"list":[{"nmae":"y"}]}`, `json: unknown field "nmae" at list[0]`},
		{"past a slice's length", func() *holder { return &holder{List: []any{&inner{}}} }, `{"list":[{"kind":"k"},{"nmae":"y"}]}`, ""},
		{"within a slice's capacity", func() *holder { return &holder{List: short} }, `{"list":[{"nmae":"y"}]}`, `json: unknown field "nmae" at list[0]`},
		{"in an array", func() *holder { return &holder{Arr: [2]any{nil, &inner{}}} }, `{"arr":[{"x":1},{"nmae":"y"}]}`, `json: unknown field "nmae" at arr[1]`},
		{"under a pointer", func() *holder { return &holder{Ptr: &holder{V: &inner{}}} }, `{"ptr":{"v":{"nmae":"y"}}}`, `json: unknown field "nmae" at ptr.v`},
		{"in an interface", func() *holder { return &holder{V: &holder{V: &inner{}}} }, `{"v":{"v":{"nmae":"y"}}}`, `json: unknown field "nmae" at v.v`},
		{"a pointer to a filled interface", func() *holder { var i any = &inner{}; return &holder{V: &i} }, `{"v":{"nmae":"y"}}`, `json: unknown field "nmae" at v`},
		{"a non-empty interface", func() *holder { return &holder{S: &named{}} }, `{"s":{"name":"a","nmae":"y"}}`, `json: unknown field "nmae" at s`},
		{"a sound non-empty interface", func() *holder { return &holder{S: &named{}} }, `{"s":{"name":"a"}}`, ""},
		{"null for a filled interface", func() *holder { return &holder{V: &inner{}} }, `{"v":null}`, ""},
		{"nil", func() *holder { return &holder{} }, `{"v":{"nmae":"y"},"list":[{"x":1}],"arr":[{"x":1},null]}`, ""},
		{"a struct, not a pointer", func() *holder { return &holder{V: inner{}} }, `{"v":{"nmae":"y"}}`, ""},
		{"a nil pointer", func() *holder { return &holder{V: (*inner)(nil)} }, `{"v":{"nmae":"y"}}`, ""},
		{"in a map", func() *holder { return &holder{Map: map[string]any{"a": &inner{}}} }, `{"map":{"a":{"nmae":"y"}}}`, ""},
		{"under a nil pointer", func() *holder { return &holder{} }, `{"ptr":{"v":{"nmae":"y"}}}`, ""},
		{"an embedded pointer", func() *holder { return &holder{Embedded: &Embedded{}} }, `{"version":"1"}`, ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := c.v()
			if decodeWant(t, c.in, got, c.err) != nil {
				return
			}
			want := c.v()
			d := json.NewDecoder(bytes.NewReader([]byte(c.in)))
			d.DisallowUnknownFields()
			if err := d.Decode(want); err != nil {
				t.Fatalf("encoding/json: %v", err)
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// TestDecodeFilledTop: Decode into an interface that holds a pointer
// decodes into what it points to, strictly; an interface that holds a
// pointer to itself takes any JSON, as in encoding/json, and does not
// loop.
func TestDecodeFilledTop(t *testing.T) {
	var v any = &inner{}
	if err := Decode([]byte(`{"creditCode":"x","nmae":"y"}`), &v); err == nil || err.Error() != `json: unknown field "nmae"` {
		t.Errorf("Decode = %v, want the unknown field", err)
	}
	if err := Decode([]byte(`{"creditCode":"x"}`), &v); err != nil || v.(*inner).CreditCode != "x" {
		t.Errorf("Decode = %v, %+v", err, v)
	}
	var self, std any
	self, std = &self, &std
	if err := Decode([]byte(`{"nmae":"y"}`), &self); err != nil {
		t.Errorf("Decode into an interface holding itself: %v", err)
	}
	if err := json.Unmarshal([]byte(`{"nmae":"y"}`), &std); err != nil {
		t.Fatalf("encoding/json: %v", err)
	}
	if diff := cmp.Diff(std, self); diff != "" {
		t.Errorf("Decode into an interface holding itself mismatch (-want +got):\n%s", diff)
	}
}

// loop returns an interface that holds a pointer to another, n of them
// in a ring (n ≥ 2), so that following them never ends, and a pointer to
// the first.
func loop(n int) *any {
	ring := make([]any, n)
	for i := range ring {
		ring[i] = &ring[(i+1)%n]
	}
	return &ring[0]
}

// TestDecodeFilledLoop: interfaces that hold pointers to one another in a
// ring, which encoding/json would follow forever to decode a value into,
// are refused naming the value (not followed forever); null, which
// encoding/json stores without following them, is taken as it takes it.
func TestDecodeFilledLoop(t *testing.T) {
	const msg = "json: the value decoded into loops: interfaces in it point to one another in a ring"
	twice := func() any { var a any; p := &a; a = &p; return &a } // an interface holding a pointer to a pointer to it
	for _, c := range []struct {
		name string
		v    func() any
		in   string
		err  string
	}{
		{"two", func() any { return loop(2) }, `{"x":1}`, msg},
		{"three", func() any { return loop(3) }, `"s"`, msg},
		{"through a pointer to a pointer", twice, `[1]`, msg},
		{"in a field", func() any { return &holder{V: *loop(2)} }, `{"v":{"x":1}}`, msg + " at v"},
		{"in a slice", func() any { return &holder{List: []any{nil, *loop(5)}} }, `{"list":[1,2]}`, msg + " at list[1]"},
		{"null", func() any { return loop(2) }, `null`, ""},
		{"null in a field", func() any { return &holder{V: *loop(3)} }, `{"v":null}`, ""},
		{"not reached", func() any { return &holder{V: *loop(2)} }, `{"list":[]}`, ""},
		{"in a map", func() any { return &holder{Map: map[string]any{"a": *loop(2)}} }, `{"map":{"a":{"x":1}}}`, ""},
		{"an interface holding a pointer to itself, reached through another", func() any { var a, b any; b = &b; a = &b; return &a }, `{"x":1}`, ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := c.v()
			done := make(chan error, 1)
			go func() { done <- Decode([]byte(c.in), got) }()
			var err error
			select {
			case err = <-done:
			case <-time.After(10 * time.Second):
				t.Fatal("Decode did not return")
			}
			if c.err != "" {
				if err == nil || err.Error() != c.err {
					t.Fatalf("Decode = %v, want %s", err, c.err)
				}
				if _, ok := Chinese([]byte(c.in), err); !ok {
					t.Errorf("Chinese(%v) says nothing", err)
				}
				return
			}
			if err != nil {
				t.Fatalf("Decode: %v", err)
			}
			want := c.v()
			if err := json.Unmarshal([]byte(c.in), want); err != nil {
				t.Fatalf("encoding/json: %v", err)
			}
			if !reflect.DeepEqual(want, got) {
				t.Errorf("Decode read %s as %#v, encoding/json as %#v", c.in, got, want)
			}
		})
	}
}

// Anything is an exported empty interface, to embed.
type Anything interface{}

// valueName is a Stringer by a method of its value, to fill a non-empty
// interface with a value that is no pointer.
type valueName struct {
	Name string `json:"name"`
}

func (v valueName) String() string { return v.Name }

// filledKinds holds interfaces in each place a value decoded into may
// hold one, for TestDecodeFilledAsEncodingJSON.
type filledKinds struct {
	fmt.Stringer
	Anything
	V       any       `json:"v"`
	Holders []holder  `json:"holders"`
	Grid    [1][1]any `json:"grid"`
	List    *[]any    `json:"list"`
	Code    any       `json:"code"`
	//lint:ignore SA5008 encoding/json ignores ",string" on an interface, on purpose
	Quoted any          `json:"quoted,string"`
	Short  any          `json:"short"`
	ByKey  *map[int]any `json:"byKey"`
}

// TestDecodeFilledAsEncodingJSON: an interface filled before Decode, in
// each place and with each kind of value, is decoded as encoding/json
// decodes it, or refused naming its path where encoding/json refuses it.
func TestDecodeFilledAsEncodingJSON(t *testing.T) {
	for _, c := range []struct {
		name string
		v    func() *filledKinds
		in   string
		err  string
	}{
		{"an embedded non-empty interface", func() *filledKinds { return &filledKinds{Stringer: &named{}} }, `{"Stringer":{"name":"a","nmae":1}}`, `json: unknown field "nmae" at Stringer`},
		{"an embedded non-empty interface, sound", func() *filledKinds { return &filledKinds{Stringer: &named{}} }, `{"Stringer":{"name":"a"}}`, ""},
		{"an embedded empty interface", func() *filledKinds { return &filledKinds{Anything: &inner{}} }, `{"Anything":{"Kind":"a"}}`, `json: field "Kind" is spelt "kind" here (field names are case-sensitive) at Anything`},
		{"an embedded empty interface holding a value", func() *filledKinds { return &filledKinds{Anything: inner{}} }, `{"Anything":{"Kind":"a"}}`, ""},
		{"a non-empty interface holding a value", func() *filledKinds { return &filledKinds{Stringer: valueName{}} }, `{"Stringer":{"name":"a"}}`, `cannot unmarshal object`},
		{"a non-empty interface holding a nil pointer", func() *filledKinds { return &filledKinds{Stringer: (*named)(nil)} }, `{"Stringer":{"name":"a"}}`, `cannot unmarshal object`},
		{"a non-empty interface, null", func() *filledKinds { return &filledKinds{Stringer: &named{}} }, `{"Stringer":null}`, ""},
		{"a pointer to a pointer", func() *filledKinds { p := &inner{}; return &filledKinds{V: &p} }, `{"v":{"nmae":1}}`, `json: unknown field "nmae" at v`},
		{"a pointer to a nil pointer", func() *filledKinds { var p *inner; return &filledKinds{V: &p} }, `{"v":{"nmae":1}}`, `json: unknown field "nmae" at v`},
		{"a pointer to a pointer, null", func() *filledKinds { p := &inner{}; return &filledKinds{V: &p} }, `{"v":null}`, ""},
		{"a pointer to an interface holding a value", func() *filledKinds { var i any = inner{}; return &filledKinds{V: &i} }, `{"v":{"nmae":1}}`, ""},
		{"a pointer to a slice", func() *filledKinds { return &filledKinds{V: &[]any{nil, &inner{}}} }, `{"v":[{"x":1},{"nmae":1}]}`, `json: unknown field "nmae" at v[1]`},
		{"a pointer to an array", func() *filledKinds { return &filledKinds{V: &[1]any{&inner{}}} }, `{"v":[{"nmae":1}]}`, `json: unknown field "nmae" at v[0]`},
		{"a pointer to a map", func() *filledKinds { return &filledKinds{V: &map[string]any{"a": &inner{}}} }, `{"v":{"a":{"nmae":1}}}`, ""},
		{"a pointer to a map keyed by integers", func() *filledKinds { return &filledKinds{V: &map[int]any{}} }, `{"v":{"1":1,"01":2}}`, `json: duplicate key "01"`},
		{"under a pointer to a map", func() *filledKinds { return &filledKinds{ByKey: &map[int]any{1: &inner{}}} }, `{"byKey":{"1":{"nmae":1}}}`, ""},
		{"a pointer to an integer", func() *filledKinds { n := 0; return &filledKinds{V: &n} }, `{"v":"5"}`, `json: a string where an integer is wanted at v`},
		{"a pointer to a small integer", func() *filledKinds { var n int8; return &filledKinds{V: &n} }, `{"v":300}`, `json: integer 300 out of range (-128 to 127) at v`},
		{"a pointer to an integer, quoted", func() *filledKinds { n := 0; return &filledKinds{Quoted: &n} }, `{"quoted":"5"}`, `json: a string where an integer is wanted at quoted`},
		{"a quoted interface holding nothing", func() *filledKinds { return &filledKinds{} }, `{"quoted":"5"}`, ""},
		{"a pointer to a code", func() *filledKinds { var k code; return &filledKinds{Code: &k} }, `{"code":"c"}`, `json: unknown code "c": bad code at code`},
		{"a pointer to a code, sound", func() *filledKinds { var k code; return &filledKinds{Code: &k} }, `{"code":"b"}`, ""},
		{"a pointer to a type that decodes itself", func() *filledKinds { return &filledKinds{Short: &shorthand{}} }, `{"short":{"text":"a","x":1}}`, `json: unknown field "x" at short`},
		{"a pointer to a type that decodes itself, its own form", func() *filledKinds { return &filledKinds{Short: &shorthand{}} }, `{"short":"a"}`, ""},
		{"structs within a slice's capacity", func() *filledKinds { return &filledKinds{Holders: []holder{{V: &inner{}}}[:0]} }, `{"holders":[{"v":{"nmae":1}}]}`, `json: unknown field "nmae" at holders[0].v`},
		{"structs past a slice's capacity", func() *filledKinds { return &filledKinds{Holders: []holder{{V: &inner{}}}} }, `{"holders":[{},{"v":{"nmae":1}}]}`, ""},
		{"arrays of arrays", func() *filledKinds { return &filledKinds{Grid: [1][1]any{{&inner{}}}} }, `{"grid":[[{"nmae":1}]]}`, `json: unknown field "nmae" at grid[0][0]`},
		{"a pointer to a slice field", func() *filledKinds { return &filledKinds{List: &[]any{&inner{}}} }, `{"list":[{"nmae":1}]}`, `json: unknown field "nmae" at list[0]`},
		{"a nil pointer to a slice field", func() *filledKinds { return &filledKinds{} }, `{"list":[{"nmae":1}]}`, ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			stdErr, refused := decodeBoth(t, c.in, c.v(), c.v(), c.err)
			if refused && stdErr == nil && !strings.Contains(c.err, "duplicate key") && !strings.Contains(c.err, "case-sensitive") {
				// Only a key given twice, or in another case than its
				// field's, is refused though encoding/json takes it.
				t.Errorf("encoding/json takes %s, which Decode refuses", c.in)
			}
		})
	}
}
