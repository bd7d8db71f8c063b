package jsonx

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// letter reads itself from text, one ASCII letter in either case, as
// the same letter: "a" and "A" are two spellings of one letter.
type letter byte

func (l *letter) UnmarshalText(b []byte) error {
	if len(b) != 1 || (b[0]|0x20) < 'a' || (b[0]|0x20) > 'z' {
		return fmt.Errorf("not a letter %q: %w", b, errCode)
	}
	*l = letter(b[0] | 0x20)
	return nil
}

// keyed holds maps whose keys are not strings: encoding/json reads an
// integer key with strconv ("01", "+1" and "1" are the key 1), and a key
// of a type that reads itself from text by that type.
type keyed struct {
	Int    map[int8]string   `json:"int"`
	Uint   map[uint16]string `json:"uint"`
	Letter map[letter]string `json:"letter"`
	Str    map[string]string `json:"str"`
}

// TestCheckMapKeys: two spellings of one key of a map whose keys are not
// strings are a key given twice, which encoding/json would take silently
// keeping the last; a key its type does not read is refused naming the
// map; sound keys decode as encoding/json decodes them.
func TestCheckMapKeys(t *testing.T) {
	ten := `{"int":{"0":"","1":"","2":"","3":"","4":"","5":"","6":"","7":"","8":"","9":"",`
	for _, c := range []struct{ name, in, err, zh string }{
		{"integer keys", `{"int":{"1":"a","-128":"b","127":"c","+2":"d"},"uint":{"0":"x","65535":"y"}}`, "", ""},
		{"two spellings of an integer", `{"int":{"1":"a","01":"b"}}`, `json: duplicate key "01" (read as the key "1" before it: a repeated key would silently take the last value) at int`, `int：字段 "01" 与前面的 "1" 是同一个键，出现了两次`},
		{"a sign", `{"int":{"+1":"a","1":"b"}}`, `json: duplicate key "1" (read as the key "+1" before it: a repeated key would silently take the last value) at int`, ""},
		{"minus zero", `{"int":{"0":"a","-0":"b"}}`, `json: duplicate key "-0" (read as the key "0" before it`, ""},
		{"an escape", `{"uint":{"\u0031":"a","1":"b"}}`, `json: duplicate key "1" (a repeated key would silently take the last value) at uint`, ""},
		{"one spelling twice", `{"int":{"01":"a","01":"b"}}`, `json: duplicate key "01" (a repeated key would silently take the last value) at int`, ""},
		{"past eight keys", ten + `"09":""}}`, `json: duplicate key "09" (read as the key "9" before it`, ""},
		{"ten keys", ten + `"10":""}}`, "", ""},
		{"an integer over its range", `{"int":{"128":"a"}}`, `json: key "128" is not an integer from -128 to 127 at int`, `int：字段名 "128" 应为 -128 到 127 的整数`},
		{"not an integer", `{"int":{"1.0":"a"}}`, `json: key "1.0" is not an integer from -128 to 127 at int`, ""},
		{"a negative unsigned integer", `{"uint":{"-1":"a"}}`, `json: key "-1" is not an integer from 0 to 65535 at uint`, ""},
		{"letters", `{"letter":{"a":"x","B":"y"}}`, "", ""},
		{"two spellings of a letter", `{"letter":{"a":"x","A":"y"}}`, `json: duplicate key "A" (read as the key "a" before it: a repeated key would silently take the last value) at letter`, ""},
		{"not a letter", `{"letter":{"a":"x","ab":"y"}}`, `json: not a letter "ab": bad code at letter`, `letter：取值 "ab" 无效`},
		{"string keys are as they are", `{"str":{"1":"a","01":"b","A":"c","a":"d"}}`, "", ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			var got keyed
			if err := decodeWant(t, c.in, &got, c.err); err != nil {
				if zh, ok := Chinese([]byte(c.in), err); !ok || c.zh != "" && zh != c.zh {
					t.Errorf("Chinese(%v) = %q, %v, want %q", err, zh, ok, c.zh)
				}
				return
			}
			var want keyed
			if err := json.Unmarshal([]byte(c.in), &want); err != nil {
				t.Fatalf("encoding/json: %v", err)
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("mismatch (-want +got):\n%s", diff)
			}
		})
	}
	var v keyed
	if err := Decode([]byte(`{"letter":{"1":"x"}}`), &v); !errors.Is(err, errCode) {
		t.Errorf("Decode = %v, want an error wrapping %v", err, errCode)
	}
}

// TestKeyPlan: the plan of a map's keys follows encoding/json's reading
// of them: a type that reads itself from text by its text, before its
// kind; an integer by strconv; anything else as it is.
func TestKeyPlan(t *testing.T) {
	for _, c := range []struct {
		typ  reflect.Type
		want *plan
	}{
		{reflect.TypeFor[string](), nil},
		{reflect.TypeFor[int8](), &plan{kind: intValue, bits: 8}},
		{reflect.TypeFor[uintptr](), &plan{kind: uintValue, bits: strconv.IntSize}}, // int's 64 or 32 bits on every Go platform
		{reflect.TypeFor[code](), &plan{kind: textValue, text: reflect.TypeFor[code]()}},
		{reflect.TypeFor[letter](), &plan{kind: textValue, text: reflect.TypeFor[letter]()}},
	} {
		got := planOf(reflect.MapOf(c.typ, reflect.TypeFor[string]())).key
		if diff := cmp.Diff(c.want, got, cmp.AllowUnexported(plan{}), cmp.Comparer(func(a, b reflect.Type) bool { return a == b })); diff != "" {
			t.Errorf("%v: mismatch (-want +got):\n%s", c.typ, diff)
		}
	}
}

// Key types of every kind encoding/json reads a map's keys by, for
// TestMapKeysAsEncodingJSON.
type (
	// hexKey is an integer that reads itself from text, in hexadecimal:
	// its text, not strconv, reads it ("0x10" is 16; "16" is refused).
	hexKey int
	// lowerKey is a string that reads itself from text, in lower case:
	// its text, not the key as it is, is the key ("A" is "a").
	lowerKey string
	// jsonKey reads itself from JSON, in upper case, and from text as it
	// is: encoding/json reads a key by UnmarshalJSON ("a" is "A").
	jsonKey string
	// checkedKey checks its text with a method of a value, which sets
	// nothing: every key it takes is the empty key.
	checkedKey string
	// plainJSONKey reads itself from JSON but not from text: a key of it
	// is the key as it is, as of a string.
	plainJSONKey string
	// plainJSONInt reads itself from JSON but not from text: a key of it
	// is read by strconv, as of an integer.
	plainJSONInt int
)

func (h *hexKey) UnmarshalText(b []byte) error {
	n, err := strconv.ParseInt(strings.TrimPrefix(string(b), "0x"), 16, 64)
	if err != nil || !strings.HasPrefix(string(b), "0x") {
		return fmt.Errorf("not hexadecimal %q: %w", b, errCode)
	}
	*h = hexKey(n)
	return nil
}

func (k *lowerKey) UnmarshalText(b []byte) error {
	*k = lowerKey(strings.ToLower(string(b)))
	return nil
}

func (k *jsonKey) UnmarshalText(b []byte) error { *k = jsonKey(b); return nil }

func (k *jsonKey) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return err
	}
	*k = jsonKey(strings.ToUpper(s))
	return nil
}

func (checkedKey) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		return fmt.Errorf("an empty key: %w", errCode)
	}
	return nil
}

func (k *plainJSONKey) UnmarshalJSON([]byte) error { *k = "json"; return nil }

func (k *plainJSONInt) UnmarshalJSON([]byte) error { *k = 7; return nil }

// TestMapKeysAsEncodingJSON: a map's keys of each kind encoding/json
// takes (strings, integers of every size, types that read themselves from
// text, by its precedence: a type's text before its kind, its JSON before
// its text) decode as encoding/json decodes them; what the checker
// refuses, encoding/json refuses too, but for two spellings of one key,
// of which encoding/json silently keeps the last.
func TestMapKeysAsEncodingJSON(t *testing.T) {
	const dup = "json: duplicate key "
	// int and uint have 32 bits on 386 and 32-bit ARM, 64 elsewhere.
	uintOver := "18446744073709551616"
	if strconv.IntSize == 32 {
		uintOver = "4294967296"
	}
	for _, c := range []struct {
		name string
		v    func() any
		in   string
		err  string // the start of the checker's error; none: both take in alike
		std  bool   // encoding/json takes in, though the checker refuses it
	}{
		{"int", func() any { return new(map[int]int) }, fmt.Sprintf(`{"%d":1,"%d":2,"+3":3,"04":4}`, math.MinInt, math.MaxInt), "", false},
		{"int over", func() any { return new(map[int]int) }, fmt.Sprintf(`{"%d":1}`, uint64(math.MaxInt)+1), fmt.Sprintf(`json: key "%d" is not an integer from %d to %d`, uint64(math.MaxInt)+1, math.MinInt, math.MaxInt), false},
		{"int, spaced", func() any { return new(map[int]int) }, `{" 1":1}`, `json: key " 1" is not an integer`, false},
		{"int, underscored", func() any { return new(map[int]int) }, `{"1_0":1}`, `json: key "1_0" is not an integer`, false},
		{"int, hexadecimal", func() any { return new(map[int]int) }, `{"0x1":1}`, `json: key "0x1" is not an integer`, false},
		{"int, empty", func() any { return new(map[int]int) }, `{"":1}`, `json: key "" is not an integer`, false},
		{"int, twice", func() any { return new(map[int]int) }, `{"1":1,"+1":2}`, dup, true},
		{"int16", func() any { return new(map[int16]int) }, `{"-32768":1,"32767":2}`, "", false},
		{"int16 over", func() any { return new(map[int16]int) }, `{"32768":1}`, `json: key "32768" is not an integer from -32768 to 32767`, false},
		{"int32 under", func() any { return new(map[int32]int) }, `{"-2147483649":1}`, `json: key "-2147483649" is not an integer from -2147483648 to 2147483647`, false},
		{"int64, minus zero twice", func() any { return new(map[int64]int) }, `{"-0":1,"00":2}`, dup, true},
		{"uint", func() any { return new(map[uint]int) }, fmt.Sprintf(`{"0":1,"%d":2}`, uint(math.MaxUint)), "", false},
		{"uint over", func() any { return new(map[uint]int) }, `{"` + uintOver + `":1}`, fmt.Sprintf(`json: key "%s" is not an integer from 0 to %d`, uintOver, uint(math.MaxUint)), false},
		{"uint, minus zero", func() any { return new(map[uint]int) }, `{"-0":1}`, `json: key "-0" is not an integer from 0 to`, false},
		{"uint8 over", func() any { return new(map[uint8]int) }, `{"256":1}`, `json: key "256" is not an integer from 0 to 255`, false},
		{"uint32 over", func() any { return new(map[uint32]int) }, `{"4294967296":1}`, `json: key "4294967296" is not an integer from 0 to 4294967295`, false},
		{"uint64", func() any { return new(map[uint64]int) }, `{"18446744073709551615":1}`, "", false},
		{"uintptr, twice", func() any { return new(map[uintptr]int) }, `{"1":1,"01":2}`, dup, true},
		{"a named string", func() any { return new(map[json.Number]int) }, `{"1":1,"01":2,"1.0":3}`, "", false},
		{"an integer read from text", func() any { return new(map[hexKey]int) }, `{"0x10":1,"0x11":2}`, "", false},
		{"an integer read from text, not by strconv", func() any { return new(map[hexKey]int) }, `{"16":1}`, `json: not hexadecimal "16": bad code`, false},
		{"an integer read from text, twice", func() any { return new(map[hexKey]int) }, `{"0x10":1,"0x010":2}`, dup + `"0x010" (read as the key "0x10" before it`, true},
		{"a string read from text", func() any { return new(map[lowerKey]int) }, `{"a":1,"b":2}`, "", false},
		{"a string read from text, twice", func() any { return new(map[lowerKey]int) }, `{"a":1,"A":2}`, dup + `"A" (read as the key "a" before it`, true},
		{"read from JSON before text", func() any { return new(map[jsonKey]int) }, `{"a":1,"b\u0063":2}`, "", false},
		{"read from JSON before text, twice", func() any { return new(map[jsonKey]int) }, `{"a":1,"A":2}`, dup + `"A" (read as the key "a" before it`, true},
		{"checked by a method of a value", func() any { return new(map[checkedKey]int) }, `{"a":1}`, "", false},
		{"checked by a method of a value, twice", func() any { return new(map[checkedKey]int) }, `{"a":1,"b":2}`, dup + `"b" (read as the key "a" before it`, true},
		{"checked by a method of a value, refused", func() any { return new(map[checkedKey]int) }, `{"":1}`, `json: an empty key: bad code`, false},
		{"a string that reads itself from JSON only", func() any { return new(map[plainJSONKey]int) }, `{"a":1,"b":2}`, "", false},
		{"an integer that reads itself from JSON only", func() any { return new(map[plainJSONInt]int) }, `{"1":1,"01":2}`, dup, true},
		{"times", func() any { return new(map[time.Time]int) }, `{"2024-01-01T00:00:00Z":1,"2024-01-01T08:00:00+08:00":2}`, "", false},
		{"times, twice", func() any { return new(map[time.Time]int) }, `{"2024-01-01T00:00:00Z":1,"2024-01-01T00:00:00.0Z":2}`, dup, true},
		{"a pointer", func() any { return new(map[*lowerKey]int) }, `{}`, `json: cannot unmarshal object into Go value of type map[*jsonx.lowerKey]int`, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			want := c.v()
			stdErr, refused := decodeBoth(t, c.in, c.v(), want, c.err)
			switch {
			case !refused:
			case (stdErr == nil) != c.std:
				t.Errorf("encoding/json: %v; want it to take the input: %v", stdErr, c.std)
			case c.std:
				// Two spellings of one key: encoding/json kept fewer keys
				// than were written.
				var spelt map[string]json.RawMessage
				if err := json.Unmarshal([]byte(c.in), &spelt); err != nil || reflect.ValueOf(want).Elem().Len() >= len(spelt) {
					t.Errorf("encoding/json read %d keys as %v (%v): no key was lost", len(spelt), reflect.ValueOf(want).Elem(), err)
				}
			}
		})
	}
}
