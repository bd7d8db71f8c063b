package jsonx

import (
	"bytes"
	"encoding/json"
	"reflect"
	"strings"
	"testing"
)

// A fields' test of embedding, shadowing and conflicts, as encoding/json
// resolves them.
type (
	fa struct {
		X int
		Y int `json:"y"`
	}
	fb struct {
		X int
		Z int
	}
	fTagged struct {
		V int `json:"v"`
	}
	fUntagged struct{ V int }
	fConflict struct {
		fa
		fb
	}
	fShadow struct {
		fa
		X string `json:"X"`
	}
	fNamed struct {
		fa `json:"a"`
	}
	FA struct {
		X int
		Y int `json:"y"`
	}
	fPointer struct {
		*FA
		fb `json:"-"`
		u  int //lint:ignore U1000 an unexported field, which is no key
	}
	fTaggedWins struct {
		fTagged
		fUntagged
	}
	fDeep struct {
		fConflict
		Z string `json:"Z,omitempty"`
	}
	// fTwice embeds fb twice at one depth, through fa2 and fb2: each of
	// its fields conflicts with itself, and encoding/json drops it.
	fa2    struct{ fb }
	fb2    struct{ fb }
	fTwice struct {
		fa2
		fb2
		W int
	}
	// fBadTag's tag names are not valid (a quote, a backslash):
	// encoding/json names the fields by their Go names, and promotes the
	// fields of the struct embedded with one.
	fBadTag struct {
		//lint:ignore SA5008 a tag name encoding/json does not take, on purpose
		V int `json:"a'b"`
		//lint:ignore SA5008 a tag name encoding/json does not take, on purpose
		fa `json:"a\\b"`
	}
)

// TestFieldsAsEncodingJSON: a key is a field for the checker exactly when
// encoding/json, refusing unknown fields, takes it.
func TestFieldsAsEncodingJSON(t *testing.T) {
	keys := []string{"X", "x", "Y", "y", "Z", "z", "V", "v", "W", "a", "fa", "fb", "u", "-", "fTagged", "a'b", "fa2"}
	for _, v := range []any{new(fConflict), new(fShadow), new(fNamed), new(fPointer), new(fTaggedWins), new(fDeep), new(fTwice), new(fBadTag)} {
		typ := reflect.TypeOf(v)
		p := planOf(typ)
		for _, k := range keys {
			in := []byte(`{"` + k + `":null}`)
			d := json.NewDecoder(bytes.NewReader(in))
			d.DisallowUnknownFields()
			std := d.Decode(reflect.New(typ.Elem()).Interface()) == nil
			_, ours := p.fields[k]
			if std && !ours {
				// encoding/json matches case-insensitively: ours must
				// name the field in another case.
				found := false
				for _, n := range p.names {
					found = found || strings.EqualFold(n, k)
				}
				if !found {
					t.Errorf("%T: encoding/json takes %q, the checker does not know it", v, k)
				}
				continue
			}
			if ours && !std {
				t.Errorf("%T: the checker takes %q, encoding/json does not", v, k)
			}
		}
	}
}

// fAll holds each shape of fields above, to fuzz them at once.
type fAll struct {
	C fConflict   `json:"c"`
	S fShadow     `json:"s"`
	N fNamed      `json:"n"`
	P fPointer    `json:"p"`
	T fTaggedWins `json:"t"`
	D fDeep       `json:"d"`
	W fTwice      `json:"w"`
	B fBadTag     `json:"b"`
	// Maps whose keys are not strings, which encoding/json reads as
	// their types read them: two spellings may be one key.
	I map[int8]int    `json:"i"`
	U map[uint8]int   `json:"u"`
	L map[letter]int  `json:"l"`
	J map[jsonKey]int `json:"j"`
	Q map[uint64]int  `json:"q"`
	// Interfaces that the fuzz target fills with pointers before it
	// decodes, which encoding/json decodes into.
	F any   `json:"f"`
	G []any `json:"g"`
	// An interface holding a ring of interfaces, which encoding/json
	// would follow forever but for null; a map's values, which
	// encoding/json makes anew; structs within a slice's capacity.
	H any            `json:"h"`
	M map[string]any `json:"m"`
	E []fHolds       `json:"e"`
}

// fHolds holds an interface.
type fHolds struct {
	X any `json:"x"`
}

// filledAll returns an fAll whose interfaces hold pointers.
func filledAll() fAll {
	return fAll{F: &fShadow{}, G: []any{&fTagged{}, nil}[:1], H: *loop(2), M: map[string]any{"a": &fTagged{}},
		E: []fHolds{{X: &fTagged{}}}[:0]}
}

// fAllKeys holds fAll's maps with their keys as written.
type fAllKeys struct {
	I map[string]json.RawMessage `json:"i"`
	U map[string]json.RawMessage `json:"u"`
	L map[string]json.RawMessage `json:"l"`
	J map[string]json.RawMessage `json:"j"`
	Q map[string]json.RawMessage `json:"q"`
}

// FuzzFields: what Decode takes, encoding/json refusing unknown fields
// takes too, and reads as the same value: no key is dropped, and each key
// of a map fills a key of its own.
func FuzzFields(f *testing.F) {
	for _, s := range []string{`{"c":{"X":1},"s":{"X":"a","y":2},"n":{"a":{"X":1}},"p":{"X":1,"y":2}}`,
		`{"t":{"v":1},"d":{"Z":"z","y":1}}`, `{"w":{"W":1,"X":2}}`, `{"b":{"V":1,"X":2,"y":3,"a'b":4}}`,
		`{"c":{"x":1}}`, `{"s":{"X":1}}`, `{"d":{"z":"a"}}`,
		`{"f":{"X":"a","y":1}}`, `{"f":{"x":"a"}}`, `{"g":[{"v":1},{"any":2}]}`, `{"g":[{"V":1}]}`,
		`{"h":null}`, `{"h":{}}`, `{"m":{"a":{"x":1}}}`, `{"e":[{"x":{"v":1}},{"x":{"y":2}}]}`, `{"e":[{"x":{"V":1}}]}`,
		`{"i":{"1":1,"01":2,"-0":3}}`, `{"u":{"+1":1,"\u0031":2,"255":3}}`, `{"l":{"a":1,"A":2,"b":3}}`,
		`{"j":{"a":1,"A":2,"\u0062":3}}`, `{"q":{"18446744073709551615":1,"+0":2,"-0":3}}`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		ours := filledAll()
		if Decode(data, &ours) != nil {
			return
		}
		d := json.NewDecoder(bytes.NewReader(data))
		d.DisallowUnknownFields()
		std := filledAll()
		if err := d.Decode(&std); err != nil {
			t.Fatalf("Decode took %q, which encoding/json refuses: %v", data, err)
		}
		if !reflect.DeepEqual(ours, std) {
			t.Fatalf("Decode read %q as %+v, encoding/json as %+v", data, ours, std)
		}
		var keys fAllKeys
		if err := json.Unmarshal(data, &keys); err != nil {
			t.Fatalf("encoding/json refuses %q as keys: %v", data, err)
		}
		if len(keys.I) != len(ours.I) || len(keys.U) != len(ours.U) || len(keys.L) != len(ours.L) || len(keys.J) != len(ours.J) || len(keys.Q) != len(ours.Q) {
			t.Fatalf("Decode read %q, whose maps have %d, %d, %d, %d and %d keys, as %v, %v, %v, %v and %v", data,
				len(keys.I), len(keys.U), len(keys.L), len(keys.J), len(keys.Q), ours.I, ours.U, ours.L, ours.J, ours.Q)
		}
	})
}
