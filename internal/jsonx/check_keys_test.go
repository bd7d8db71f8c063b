package jsonx

import (
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"strconv"
	"testing"

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
