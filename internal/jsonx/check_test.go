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
	"github.com/shopspring/decimal"
)

type inner struct {
	CreditCode string `json:"creditCode"`
	Kind       string `json:"kind,omitempty"`
}

type Embedded struct {
	Version string `json:"version"`
}

type outer struct {
	Embedded
	Units []inner             `json:"units"`
	ByID  map[string]*inner   `json:"byID"`
	Score Decimal             `json:"score"`
	Plain decimal.Decimal     `json:"plain"`
	Ptr   *Decimal            `json:"ptr"`
	Raw   json.RawMessage     `json:"raw"`
	Any   any                 `json:"any"`
	Text  string              `json:"text"`
	Free  map[string][]string `json:"free"`
	Pairs [][2]string         `json:"pairs"`
	Go    string
	N     *int         `json:"n"`
	Small int8         `json:"small"`
	U     uint16       `json:"u"`
	B     bool         `json:"b"`
	F     float32      `json:"f"`
	Q     int          `json:"q,omitempty,string"`
	Num   json.Number  `json:"num"`
	Bytes []byte       `json:"bytes"`
	Short *shorthand   `json:"short"`
	At    time.Time    `json:"at"`
	When  []*time.Time `json:"when"`
	Code  code         `json:"code"`
	Codes []*code      `json:"codes"`
}

// code reads itself from text, as the library's enums do, and refuses
// any other text with an error wrapping errCode, as they wrap their
// package's sentinel.
type code int

var errCode = errors.New("bad code")

func (c *code) UnmarshalText(b []byte) error {
	if string(b) == "z" { // refused with the values it takes in Chinese, as an enum refuses a text
		return fmt.Errorf("unknown code %q: %w", b, codeError{})
	}
	if string(b) != "a" && string(b) != "b" {
		return fmt.Errorf("unknown code %q: %w", b, errCode)
	}
	*c = code(b[0] - 'a' + 1)
	return nil
}

// codeError is errCode with the values a code takes said in Chinese.
type codeError struct{}

func (codeError) Error() string   { return errCode.Error() }
func (codeError) Unwrap() error   { return errCode }
func (codeError) Chinese() string { return "应为甲、乙之一（或其英文代码）" }

// shorthand decodes itself through its wire form, or from a string alone,
// as package reason's Reason does.
type shorthand struct{ Text string }

type shorthandJSON struct {
	Text string `json:"text"`
}

var _ = Wire[shorthand, shorthandJSON]()

func (s *shorthand) UnmarshalJSON(b []byte) error {
	if len(b) > 0 && b[0] == '"' {
		return json.Unmarshal(b, &s.Text)
	}
	var w shorthandJSON
	if err := Decode(b, &w); err != nil {
		return err
	}
	s.Text = w.Text
	return nil
}

// TestDecodeExactCase: a key in another case than the field's is refused
// at any depth, in slices and maps, through embedded structs, and not in
// a type that decodes itself.
func TestDecodeExactCase(t *testing.T) {
	for in, want := range map[string]string{
		`{"version":"1","units":[{"creditCode":"x"}],"byID":{"a":{"creditCode":"y"}},"raw":{"ANY":1},"Go":"p"}`: "",
		`{"Version":"1"}`:                   `field "Version" is spelt "version" here`,
		`{"units":[{"creditcode":"x"}]}`:    `field "creditcode" is spelt "creditCode" here`,
		`{"byID":{"a":{"CREDITCODE":"y"}}}`: `field "CREDITCODE" is spelt "creditCode" here`,
		`{"go":"p"}`:                        `field "go" is spelt "Go" here`,
	} {
		var got outer
		err := Decode([]byte(in), &got)
		if want == "" && err != nil || want != "" && (err == nil || !strings.Contains(err.Error(), want)) {
			t.Errorf("Decode(%s) = %v, want %q", in, err, want)
		}
	}
}

// TestCheck: what Decode refuses that encoding/json takes, and where.
func TestCheck(t *testing.T) {
	nest := func(n int) string { return strings.Repeat("[", n) + strings.Repeat("]", n) }
	many := func(dup bool) string {
		var b strings.Builder
		for i := range 20 {
			fmt.Fprintf(&b, `"k%d":null,`, i)
		}
		if dup {
			b.WriteString(`"k13":null,`)
		}
		return `{"byID":{` + b.String() + `"z":null}}`
	}
	// n is an int, of 64 or 32 bits by the platform; underInt is one under
	// its range, math.MinInt - 1.
	underInt := "-" + strconv.FormatUint(uint64(math.MaxInt)+2, 10)
	for _, c := range []struct {
		name, in, err string
	}{
		{"sound", `{"version":"1","units":[{"creditCode":"x"}],"byID":{"a":{"creditCode":"y"}},"score":"1.5","plain":-2,"raw":{"ANY":1},"any":[{"x":1}],"text":"\ud83d\ude00 é","Go":"g"}`, ""},
		{"null everywhere", `{"version":null,"units":null,"byID":{"a":null},"score":null,"plain":null,"ptr":null,"raw":null,"any":null}`, ""},

		{"unknown field", `{"vresion":"1"}`, `json: unknown field "vresion"`},
		{"unknown field in a slice", `{"units":[{},{"creditcod":"x"}]}`, `json: unknown field "creditcod" at units[1]`},
		{"unknown field in a map", `{"byID":{"a b":{"x":1}}}`, `json: unknown field "x" at byID["a b"]`},
		{"unknown field under a key with a separator", `{"byID":{"a\u2028b":{"x":1}}}`, `json: unknown field "x" at byID["a\u2028b"]`},
		{"unknown field under a key with a C1 control", `{"byID":{"a\u0085b":{"x":1}}}`, `json: unknown field "x" at byID["a\u0085b"]`},
		{"case variant", `{"Version":"1"}`, `json: field "Version" is spelt "version" here (field names are case-sensitive)`},
		{"case variant, nested", `{"units":[{"CREDITCODE":"x"}]}`, `field "CREDITCODE" is spelt "creditCode" here (field names are case-sensitive) at units[0]`},
		{"Go name in another case", `{"go":"g"}`, `field "go" is spelt "Go" here`},
		{"Kelvin sign for k", `{"units":[{"\u212aind":"x"}]}`, "field \"\u212aind\" is spelt \"kind\" here"},

		{"duplicate key", `{"text":"a","text":"b"}`, `json: duplicate key "text" (a repeated key would silently take the last value)`},
		{"duplicate key spelt with an escape", `{"text":"a","t\u0065xt":"b"}`, `duplicate key "text"`},
		{"duplicate key, nested", `{"units":[{},{"creditCode":"a","creditCode":"b"}]}`, `duplicate key "creditCode" (a repeated key would silently take the last value) at units[1]`},
		{"duplicate map key", `{"byID":{"a":{},"a":{}}}`, `duplicate key "a" (a repeated key would silently take the last value) at byID`},
		{"duplicate map key past eight", many(true), `duplicate key "k13"`},
		{"many map keys", many(false), ""},
		{"duplicate key in raw JSON", `{"raw":{"x":1,"x":2}}`, `duplicate key "x" (a repeated key would silently take the last value) at raw`},
		{"duplicate key in any", `{"any":[{"x":1,"x":1}]}`, `duplicate key "x" (a repeated key would silently take the last value) at any[0]`},

		{"invalid UTF-8", "{\"text\":\"a\xffb\"}", `json: string is not valid UTF-8 at text`},
		{"invalid UTF-8 in a key", "{\"free\":{\"\xc3\":[]}}", `json: key is not valid UTF-8 at free`},
		{"invalid UTF-8, nested", "{\"free\":{\"a\":[\"ok\",\"\xed\xa0\x80\"]}}", `json: string is not valid UTF-8 at free.a[1]`},
		{"lone high surrogate", `{"text":"\ud800"}`, `string is not valid UTF-8 at text`},
		{"lone low surrogate", `{"text":"\udc00"}`, `string is not valid UTF-8 at text`},
		{"high surrogate and a letter", `{"text":"\ud800\u0041"}`, `string is not valid UTF-8 at text`},
		{"surrogate in a key", `{"any":{"\udfff":1}}`, `key is not valid UTF-8 at any`},

		{"string at the limit", `{"text":"` + strings.Repeat("x", MaxString) + `"}`, ""},
		{"string over the limit", `{"text":"` + strings.Repeat("x", MaxString+1) + `"}`, fmt.Sprintf("json: string longer than %d bytes (the most a string may hold) at text", MaxString)},
		{"escapes count as what they read", `{"text":"` + strings.Repeat(`\u00e9`, MaxString/2) + `x"}`, "string longer than"},
		{"key over the limit", `{"free":{"` + strings.Repeat("清", MaxString/3+1) + `":[]}}`, "key longer than"},
		{"number at the limit", `{"any":` + strings.Repeat("9", MaxNumber) + `}`, ""},
		{"number over the limit", `{"any":-` + strings.Repeat("9", MaxNumber) + `}`, fmt.Sprintf(`longer than %d characters at any`, MaxNumber)},
		{"exponent over the limit", `{"any":1e` + strings.Repeat("9", MaxNumber) + `}`, `longer than 64 characters at any`},
		{"nesting at the limit", `{"any":` + nest(MaxDepth-1) + `}`, ""},
		{"nesting over the limit", `{"any":` + nest(MaxDepth) + `}`, fmt.Sprintf("arrays and objects nested deeper than %d at any", MaxDepth)},

		{"decimal with an exponent", `{"score":"1e3"}`, `json: decimal "1e3": want a plain decimal such as "-12.5" at score`},
		{"bare decimal with an exponent", `{"plain":1e3}`, `decimal "1e3": want a plain decimal such as "-12.5", of at most 64 characters at plain`},
		{"decimal.Decimal over the limit", `{"plain":"` + strings.Repeat("1", MaxDecimalLen+1) + `"}`, `longer than 64 characters at plain`},
		{"decimal pointer over the limit", `{"ptr":"` + strings.Repeat("1", 10000) + `"}`, `json: decimal "1111111111111111111111111111111111111111111111111111111111111111"… longer than 64 characters at ptr`},
		{"decimal that is no number", `{"score":"1.2.3"}`, `decimal "1.2.3": want a plain decimal`},
		{"decimal spelt with an escape", `{"score":"\u0031","ptr":"1\u002e5"}`, ""},
		{"decimal.Decimal spelt with an escape", `{"plain":"\u0031"}`, `json: decimal "\\u0031": want a plain decimal without escapes at plain`},
		{"decimal.Decimal with an escaped point", `{"any":1,"free":{},"units":[],"plain":"1\u002e5"}`, `json: decimal "1\\u002e5": want a plain decimal without escapes at plain`},
		{"decimal as an object", `{"score":{}}`, `json: an object where a decimal is wanted at score`},
		{"decimal as true", `{"plain":true}`, `json: true where a decimal is wanted at plain`},

		{"scalars of their kinds", `{"n":` + strconv.Itoa(math.MinInt) + `,"small":-128,"u":65535,"b":false,"f":3.4e38,"q":"12","num":"1.5e3","bytes":"AAE=","text":null,"Go":"x"}`, ""},
		{"null for every kind", `{"n":null,"small":null,"u":null,"b":null,"f":null,"q":null,"num":null,"bytes":null,"units":null,"byID":null,"pairs":null}`, ""},
		{"a string for an integer", `{"units":[{},{}],"n":"5"}`, `json: a string where an integer is wanted at n`},
		{"a number for a string", `{"units":[{},{"kind":5}]}`, `json: a number where a string is wanted at units[1].kind`},
		{"a string for a bool", `{"b":"true"}`, `json: a string where true or false is wanted at b`},
		{"true for a string", `{"text":true}`, `json: true where a string is wanted at text`},
		{"false for an integer", `{"u":false}`, `json: false where an integer of at least 0 is wanted at u`},
		{"an object for an array", `{"units":{}}`, `json: an object where an array is wanted at units`},
		{"an array for an object", `{"units":[[]]}`, `json: an array where an object is wanted at units[0]`},
		{"a string for a map", `{"byID":"a"}`, `json: a string where an object is wanted at byID`},
		{"a string in an array of strings", `{"free":{"a":["b",1]}}`, `json: a number where a string is wanted at free.a[1]`},
		{"an integer over its range", `{"small":128}`, `json: integer 128 out of range (-128 to 127) at small`},
		{"an integer under its range", `{"n":` + underInt + `}`, fmt.Sprintf(`json: integer %s out of range (%d to %d) at n`, underInt, math.MinInt, math.MaxInt)},
		{"an unsigned integer over its range", `{"u":65536}`, `json: integer 65536 out of range (0 to 65535) at u`},
		{"minus zero for an integer", `{"small":-0}`, ""},
		{"minus zero for an unsigned integer", `{"u":-0}`, `json: number -0 where an integer of at least 0 is wanted at u`},
		{"a negative unsigned integer", `{"u":-1}`, `json: number -1 where an integer of at least 0 is wanted at u`},
		{"a fraction for an integer", `{"small":1.5}`, `json: number 1.5 where an integer is wanted at small`},
		{"an exponent for an integer", `{"n":1e2}`, `json: number 1e2 where an integer is wanted at n`},
		{"a float over its range", `{"f":3.5e38}`, `json: number 3.5e38 out of range at f`},
		{"a number for bytes", `{"bytes":1}`, `cannot unmarshal number`},
		{"times", `{"at":"2024-03-04T08:40:00+08:00","when":[null,"2024-03-04T00:40:00.5Z"]}`, ""},
		{"a time not in RFC 3339", `{"when":["2024-03-04T08:40:00Z","2024-03-04 08:40"]}`, `json: time "2024-03-04 08:40": want RFC 3339, such as "2024-03-04T08:40:00+08:00" at when[1]`},
		{"a time out of range", `{"at":"2024-13-04T08:40:00Z"}`, `json: time "2024-13-04T08:40:00Z": want RFC 3339, such as "2024-03-04T08:40:00+08:00" at at`},
		{"a time spelt with an escape", `{"at":"\u0032024-03-04T08:40:00Z"}`, `json: time "\\u0032024-03-04T08:40:00Z": want RFC 3339 without escapes at at`},
		{"codes", `{"code":"a","codes":[null,"b"]}`, ""},
		{"a number for a code", `{"codes":["a",2]}`, `json: a number where a string is wanted at codes[1]`},
		{"true for a code", `{"code":true}`, `json: true where a string is wanted at code`},
		{"an unknown code", `{"code":"c"}`, `json: unknown code "c": bad code at code`},
		{"an unknown code, nested", `{"codes":["a",null,"c"]}`, `json: unknown code "c": bad code at codes[2]`},
		{"an unknown code, escaped", `{"codes":["\u0063"]}`, `json: unknown code "c": bad code at codes[0]`},
		{"an unknown code beside a sound one", `{"code":"b","units":[{"creditCode":"x"}],"codes":["a","d"]}`, `json: unknown code "d": bad code at codes[1]`},
		{"a number for a time", `{"at":1709512800}`, `json: a number where a time is wanted at at`},
		{"a type that decodes itself, in its wire form", `{"short":{"text":"x"}}`, ""},
		{"a type that decodes itself, in a form of its own", `{"short":"x"}`, ""},
		{"a type that decodes itself, its wire form checked", `{"short":{"text":1}}`, `json: a number where a string is wanted at short.text`},

		{"arrays of their length", `{"pairs":[["a","b"],["c",null]]}`, ""},
		{"array too long", `{"pairs":[["a","b"],["c","d","e"]]}`, `json: array of 3 elements where 2 are wanted at pairs[1]`},
		{"array too short", `{"pairs":[["a"]]}`, `json: array of 1 element where 2 are wanted at pairs[0]`},
		{"empty array", `{"pairs":[[]]}`, `json: array of 0 elements where 2 are wanted at pairs[0]`},

		{"trailing data", `{} {}`, "trailing data after the JSON value"},
		{"not JSON", `{"text":`, "unexpected EOF"},
		{"not JSON either", `{"text" "x"}`, "invalid character"},
	} {
		t.Run(c.name, func(t *testing.T) { decodeWant(t, c.in, new(outer), c.err) })
	}
}

// decodeWant decodes in into v and returns Decode's error, having failed
// t if it is not the error want names: none, where want is empty, or one
// with want in its text.
func decodeWant(t *testing.T, in string, v any, want string) error {
	t.Helper()
	err := Decode([]byte(in), v)
	switch {
	case want == "" && err != nil:
		t.Fatalf("Decode: %v", err)
	case want != "" && (err == nil || !strings.Contains(err.Error(), want)):
		t.Fatalf("Decode = %v, want an error with %q", err, want)
	}
	return err
}

// decodeBoth decodes in into got with Decode and into want, made alike,
// with encoding/json refusing unknown fields, and returns encoding/json's
// error and whether Decode refused in with an error holding wantErr. It
// fails t unless both take in alike, where wantErr is empty, or Decode
// refuses it so.
func decodeBoth(t *testing.T, in string, got, want any, wantErr string) (stdErr error, refused bool) {
	t.Helper()
	err := Decode([]byte(in), got)
	d := json.NewDecoder(strings.NewReader(in))
	d.DisallowUnknownFields()
	stdErr = d.Decode(want)
	switch {
	case wantErr == "" && (err != nil || stdErr != nil):
		t.Fatalf("Decode = %v, encoding/json: %v; want both to take it", err, stdErr)
	case wantErr == "":
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("mismatch (-want +got):\n%s", diff)
		}
	case err == nil || !strings.Contains(err.Error(), wantErr):
		t.Errorf("Decode = %v, want an error with %s", err, wantErr)
	default:
		return stdErr, true
	}
	return stdErr, false
}

// TestCheckStopsEarly: an input over a bound is refused having read no
// more than the bound past the start of the value at fault.
func TestCheckStopsEarly(t *testing.T) {
	huge := 16 << 20
	for _, c := range []struct {
		name   string
		prefix string
		fill   string
		typ    reflect.Type
		within int // how far past the prefix the checker may read
	}{
		{"string", `{"text":"`, "x", reflect.TypeFor[outer](), MaxString + 1},
		{"string of Chinese", `{"text":"`, "清", reflect.TypeFor[outer](), MaxString + 3},
		{"key", `{"free":{"`, "k", reflect.TypeFor[outer](), MaxString + 1},
		{"number", `{"any":`, "9", reflect.TypeFor[outer](), MaxNumber + 1},
		{"fraction", `{"any":0.`, "9", reflect.TypeFor[outer](), MaxNumber + 1},
		{"decimal string", `{"score":"`, "9", reflect.TypeFor[outer](), MaxDecimalLen + 1},
		{"decimal number", `{"plain":`, "9", reflect.TypeFor[outer](), MaxNumber + 1},
		{"nesting", `{"any":`, "[", reflect.TypeFor[outer](), MaxDepth},
		{"nesting of anything", ``, "[", nil, MaxDepth + 1},
	} {
		t.Run(c.name, func(t *testing.T) {
			data := []byte(c.prefix + strings.Repeat(c.fill, huge/len(c.fill)))
			ch := checker{data: data}
			err := ch.check(planOf(c.typ))
			if _, ok := err.(*checkError); !ok {
				t.Fatalf("check = %v, want a bound's error", err)
			}
			if ch.i > len(c.prefix)+c.within {
				t.Errorf("read %d bytes past the prefix before refusing (%v), want at most %d", ch.i-len(c.prefix), err, c.within)
			}
		})
	}
}

// TestPlanRecursive: a recursive type has a plan, and is checked to any
// depth the bound allows.
func TestPlanRecursive(t *testing.T) {
	type node struct {
		Name string  `json:"name"`
		Kids []*node `json:"kids"`
	}
	var n node
	if err := Decode([]byte(`{"name":"a","kids":[{"name":"b","kids":[{"name":"c"}]}]}`), &n); err != nil || n.Kids[0].Kids[0].Name != "c" {
		t.Errorf("Decode: %v, %+v", err, n)
	}
	err := Decode([]byte(`{"kids":[{"kids":[{"nmae":"c"}]}]}`), &n)
	if err == nil || err.Error() != `json: unknown field "nmae" at kids[0].kids[0]` {
		t.Errorf("Decode = %v", err)
	}
}

// FuzzDecode: the checker's work is linear in its input (each byte
// counted at most twice), it takes nothing that is not JSON, and what
// Decode takes encoding/json takes too; a value of the wrong kind, out of
// range, or written with an escape that its type does not read, which
// Decode refuses, encoding/json refuses too.
func FuzzDecode(f *testing.F) {
	for _, s := range []string{`{}`, `{"units":[{"creditCode":"x"}]}`, `{"byID":{"a":{"kind":"k"}}}`, `{"score":"1.5","plain":2}`,
		`{"raw":{"x":[1,2,{"y":null}]},"any":"\u00e9\ud83d\ude00"}`, `{"text":"a","text":"b"}`, "{\"text\":\"\xff\"}", `[1,2]`, `"x"`, `{"a":`, `{"free":{"a":["b"]}}`, `{"n":1,"small":-1,"u":2,"b":true,"f":1.5,"q":"3","num":"4","bytes":""}`, `{"n":"1"}`, `{"u":-0}`, `{"plain":"\u0031","score":"\u0032"}`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		c := checker{data: data}
		err := c.check(planOf(reflect.TypeFor[*outer]()))
		if c.steps > 2*len(data)+1 {
			t.Fatalf("%d steps for %d bytes", c.steps, len(data))
		}
		if err == nil && !json.Valid(data) {
			t.Fatalf("the checker takes %q, which is not JSON", data)
		}
		var v outer
		if derr := Decode(data, &v); derr == nil {
			if err != nil {
				t.Fatalf("Decode took what the checker refused: %v", err)
			}
			if uerr := json.Unmarshal(data, new(outer)); uerr != nil {
				t.Fatalf("Decode took what encoding/json refuses: %v", uerr)
			}
		} else if msg := derr.Error(); strings.Contains(msg, " is wanted at ") || strings.Contains(msg, " out of range") || strings.Contains(msg, " without escapes") {
			if json.Unmarshal(data, new(outer)) == nil {
				t.Fatalf("Decode refused the kind of a value encoding/json takes: %v", derr)
			}
		}
	})
}

// TestCheckDurationAllocates: checking a duration, or a time, allocates
// nothing more than checking null: a book reads hundreds of thousands.
func TestCheckDurationAllocates(t *testing.T) {
	type doc struct {
		Limit Duration  `json:"limit"`
		At    time.Time `json:"at"`
	}
	p := planOf(reflect.TypeFor[doc]())
	allocs := func(in string) float64 {
		b := []byte(in)
		return testing.AllocsPerRun(100, func() {
			if err := check(b, p); err != nil {
				t.Fatal(err)
			}
		})
	}
	if null, some := allocs(`{"limit":null,"at":null}`), allocs(`{"limit":"4h0m0s","at":"2024-03-04T08:40:00+08:00"}`); some > null {
		t.Errorf("a duration and a time cost %v allocations, null %v", some, null)
	}
}

// TestDecodeTextRefusal: the refusal of a type that reads itself from
// text, named by its path, still wraps that type's error, so that a
// package's loader tests its enums' sentinel with errors.Is; and sound
// text decodes as before.
func TestDecodeTextRefusal(t *testing.T) {
	var v outer
	err := Decode([]byte(`{"code":"a","codes":["b","z"]}`), &v)
	if !errors.Is(err, errCode) || !strings.HasSuffix(err.Error(), " at codes[1]") {
		t.Errorf("Decode = %v, want an error wrapping %v at codes[1]", err, errCode)
	}
	v = outer{}
	if err := Decode([]byte(`{"code":"b","codes":["a",null]}`), &v); err != nil || v.Code != 2 || *v.Codes[0] != 1 || v.Codes[1] != nil {
		t.Errorf("Decode = %v, %v %v", err, v.Code, v.Codes)
	}
}

// TestDecodeKeepsFirstRefusal: where encoding/json stopped at a value
// other than a refused text (a scalar written in a string, a type that
// decodes itself), a text refused after it is not the error: Decode
// returns encoding/json's, not one about a later value with another
// sentinel; a refusal met inside a type that decodes itself through
// Decode is still named by its whole path.
func TestDecodeKeepsFirstRefusal(t *testing.T) {
	var v outer
	err := Decode([]byte(`{"q":"x","code":"c"}`), &v)
	if err == nil || errors.Is(err, errCode) || !strings.Contains(err.Error(), ",string") {
		t.Errorf(`Decode({"q":"x","code":"c"}) = %v, want encoding/json's refusal of "x" for q`, err)
	}
	var n nested
	err = Decode([]byte(`{"inner":{"codes":["a","z"]}}`), &n)
	if !errors.Is(err, errCode) || !strings.HasSuffix(err.Error(), " at inner.codes[1]") {
		t.Errorf("Decode(nested) = %v, want an error wrapping %v at inner.codes[1]", err, errCode)
	}
}

// nested holds a type that decodes itself through Decode, with a code in
// it.
type nested struct {
	Inner *ownCodes `json:"inner"`
}

type ownCodes struct{ Codes []code }

type ownCodesJSON struct {
	Codes []code `json:"codes"`
}

var _ = Wire[ownCodes, ownCodesJSON]()

func (o *ownCodes) UnmarshalJSON(b []byte) error {
	var w ownCodesJSON
	if err := Decode(b, &w); err != nil {
		return fmt.Errorf("own codes: %w", err)
	}
	o.Codes = w.Codes
	return nil
}

// TestTextRefusedAtTop: a string refused by a type that reads itself from
// text, where it is the whole input or a key of the map that is, is an
// error naming no path, as the checker's own errors there name none.
func TestTextRefusedAtTop(t *testing.T) {
	for _, c := range []struct {
		name, in string
		v        any
	}{
		{"a value", `"c"`, new(code)},
		{"a key", `{"a":1,"c":2}`, new(map[code]int)},
	} {
		t.Run(c.name, func(t *testing.T) {
			err := Decode([]byte(c.in), c.v)
			if want := `json: unknown code "c": bad code`; err == nil || err.Error() != want || !errors.Is(err, errCode) {
				t.Fatalf("Decode = %v, want %s, wrapping %v", err, want, errCode)
			}
			if zh, ok := Chinese([]byte(c.in), err); zh != `取值 "c" 无效` || !ok {
				t.Errorf("Chinese = %q, %v", zh, ok)
			}
		})
	}
}
