package jsonx

import (
	"encoding"
	"encoding/json"
	"reflect"
	"slices"
	"strings"
	"sync"
	"time"
	"unicode"

	"github.com/shopspring/decimal"
)

// A plan is what the checker knows of the Go type a JSON value decodes
// into: enough to check every key of an object against the fields of a
// struct, and to bound a decimal before anything parses it.
type plan struct {
	kind   planKind
	elem   *plan            // the elements of a slice, an array or a map
	key    *plan            // the keys of a map, if not strings (see keyPlan)
	length int              // the length of a Go array; -1 for a slice, whose length is free
	bits   int              // the size of an integer or a float, in bits
	own    bool             // a type that decodes itself: its decoder says which kinds of value it takes
	raw    bool             // a decimal.Decimal, which reads its string's bytes as they are: no escape
	fields map[string]field // a struct's fields by their exact JSON name
	names  []string         // the same names, in field order, for messages
	text   reflect.Type     // a type that reads itself from text: the type, which reads the text again to name a refusal's path
	iface  bool             // an interface, which encoding/json decodes into what it points to, if it holds a pointer (see filled)
	live   bool             // an interface, or a struct, slice or array that holds one: the value decoded into matters (see filled)
}

type planKind uint8

const (
	anyValue      planKind = iota // a value checked only as JSON: scalars, interfaces, types that decode themselves
	structValue                   // an object whose keys are fields
	mapValue                      // an object whose keys are free
	listValue                     // an array
	decimalValue                  // a decimal: null, or a number or string in ParseDecimal's form
	durationValue                 // a Duration: null, or a string of at most maxDurationLen characters
	boolValue                     // a bool: null, true or false
	stringValue                   // a string: null or a string
	intValue                      // a signed integer of bits bits: null or a number in its range
	uintValue                     // an unsigned integer of bits bits: null or a number in its range
	floatValue                    // a float of bits bits: null or a number in its range
	timeValue                     // a time.Time: null or a string in RFC 3339
	textValue                     // a type that reads itself from text (encoding.TextUnmarshaler), such as an enum: null or a string
)

type field struct {
	index int   // the field's bit in an object's set of keys seen
	path  []int // the field's index in its Go struct, through the structs embedded (reflect's FieldByIndex)
	plan  *plan
}

var (
	unmarshalerType     = reflect.TypeFor[json.Unmarshaler]()
	textUnmarshalerType = reflect.TypeFor[encoding.TextUnmarshaler]()
	rawDecimalType      = reflect.TypeFor[decimal.Decimal]()
	decimalTypes        = map[reflect.Type]bool{rawDecimalType: true, reflect.TypeFor[Decimal](): true}
	durationType        = reflect.TypeFor[Duration]()
	timeType            = reflect.TypeFor[time.Time]()
	numberType          = reflect.TypeFor[json.Number]() // a number, or a string that holds one
	anyPlan             = &plan{}
)

// wires holds the wire form of each type registered with Wire.
var wires sync.Map // reflect.Type → reflect.Type

// Wire records that a T decodes itself, in its UnmarshalJSON, by [Decode]
// into a W, its wire form (a struct that embeds T's fields and shadows
// those with a form of their own, say). [Decode] then checks the JSON of
// a T found inside another value as a W — every key, and the bounds of
// W's decimals and durations — in its first pass over the whole input,
// naming the path from the input's start, and before encoding/json reads
// any of it. A package registers each such type once, at initialisation,
// in a package-level declaration:
//
//	var _ = jsonx.Wire[Grade, gradeJSON]()
//
// The registry is written only then; what it holds follows from the types
// alone. A second registration of T changes nothing.
func Wire[T, W any]() struct{} {
	wires.LoadOrStore(reflect.TypeFor[T](), reflect.TypeFor[W]())
	return struct{}{}
}

// plans caches the plan of each type. A plan is derived from its type
// alone and never changes once stored, so the cache holds no state a
// caller could observe (encoding/json caches its field lists the same way).
var plans sync.Map // reflect.Type → *plan

// planOf returns the plan of values of type t.
func planOf(t reflect.Type) *plan {
	if t == nil {
		return anyPlan
	}
	if p, ok := plans.Load(t); ok {
		return p.(*plan)
	}
	building := map[reflect.Type]*plan{}
	p := build(t, building)
	markLive(building)
	for bt, bp := range building {
		plans.LoadOrStore(bt, bp)
	}
	return p
}

// build makes the plan of t, and of the types inside it, into building;
// a type met again while it is being built (a recursive type) gets the
// plan already begun.
func build(t reflect.Type, building map[reflect.Type]*plan) *plan {
	// A pointer decodes as what it points to: encoding/json allocates it
	// and uses the same methods.
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch {
	case decimalTypes[t]:
		return &plan{kind: decimalValue, raw: t == rawDecimalType}
	case t == durationType:
		return &plan{kind: durationValue}
	case t == timeType:
		return &plan{kind: timeValue}
	}
	if p, ok := plans.Load(t); ok {
		return p.(*plan)
	}
	if p, ok := building[t]; ok {
		return p
	}
	if w, ok := wires.Load(t); ok {
		p := &plan{}
		building[t] = p
		*p = *build(w.(reflect.Type), building)
		p.own = true
		return p
	}
	switch pt := reflect.PointerTo(t); {
	case pt.Implements(unmarshalerType):
		return anyPlan
	case pt.Implements(textUnmarshalerType):
		return &plan{kind: textValue, text: t} // encoding/json hands it a string, and refuses any other value
	}
	p := &plan{}
	building[t] = p
	switch t.Kind() {
	case reflect.Struct:
		p.kind = structValue
		p.fields = map[string]field{}
		for _, f := range jsonFields(t) {
			fp := build(f.typ, building)
			if f.quoted && fp.kind >= boolValue {
				fp = anyPlan // a scalar written inside a string: encoding/json checks it
			}
			p.fields[f.name] = field{index: len(p.names), path: f.index, plan: fp}
			p.names = append(p.names, f.name)
		}
	case reflect.Interface:
		p.iface = true
	case reflect.Map:
		p.kind, p.elem, p.key = mapValue, build(t.Elem(), building), keyPlan(t.Key())
	case reflect.Bool:
		p.kind = boolValue
	case reflect.String:
		if t != numberType {
			p.kind = stringValue
		}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		p.kind, p.bits = intValue, t.Bits()
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		p.kind, p.bits = uintValue, t.Bits()
	case reflect.Float32, reflect.Float64:
		p.kind, p.bits = floatValue, t.Bits()
	case reflect.Slice, reflect.Array:
		if t.Elem().Kind() == reflect.Uint8 && t.Kind() == reflect.Slice {
			break // []byte is a base64 string
		}
		p.kind, p.elem, p.length = listValue, build(t.Elem(), building), -1
		if t.Kind() == reflect.Array {
			p.length = t.Len()
		}
	}
	return p
}

// A jsonField is a field as encoding/json names it.
type jsonField struct {
	name   string
	typ    reflect.Type
	index  []int // in the struct, through the structs embedded
	depth  int
	tagged bool
	quoted bool // the tag's ",string" option
}

// jsonFields returns the fields of struct type t that encoding/json
// decodes, with the names it gives them: a field's tag name, if valid, or
// its Go name; the fields of an untagged embedded struct promoted, a
// shallower field hiding a deeper one of the same name, and of two at the
// same depth (a struct embedded twice at one depth gives each of its
// fields twice) the tagged one, or neither.
func jsonFields(t reflect.Type) []jsonField {
	type level struct {
		typ   reflect.Type
		index []int // of the struct embedded, in t
		depth int
	}
	var all []jsonField
	visited := map[reflect.Type]bool{}
	next := []level{{t, nil, 0}}
	var count, nextCount map[reflect.Type]int // how often each struct of a level is embedded in it
	for len(next) > 0 {
		cur := next
		next = nil
		count, nextCount = nextCount, map[reflect.Type]int{}
		for _, l := range cur {
			if visited[l.typ] {
				continue
			}
			visited[l.typ] = true
			for i := 0; i < l.typ.NumField(); i++ {
				sf := l.typ.Field(i)
				index := append(l.index[:len(l.index):len(l.index)], i)
				tag := sf.Tag.Get("json")
				if tag == "-" {
					continue
				}
				name, opts, _ := strings.Cut(tag, ",")
				if !validTag(name) {
					name = ""
				}
				ft := sf.Type
				if sf.Anonymous {
					et := ft
					if et.Kind() == reflect.Pointer {
						et = et.Elem()
					}
					if !sf.IsExported() && et.Kind() != reflect.Struct {
						continue
					}
					if name == "" && et.Kind() == reflect.Struct {
						if nextCount[et]++; nextCount[et] == 1 {
							next = append(next, level{et, index, l.depth + 1})
						}
						continue
					}
				} else if !sf.IsExported() {
					continue
				}
				tagged := name != ""
				if !tagged {
					name = sf.Name
				}
				quoted := slices.Contains(strings.Split(opts, ","), "string")
				all = append(all, jsonField{name: name, typ: ft, index: index, depth: l.depth, tagged: tagged, quoted: quoted})
				if count[l.typ] > 1 {
					all = append(all, all[len(all)-1]) // a conflict with itself
				}
			}
		}
	}
	// Keep, for each name, the one field encoding/json would use.
	byName := map[string][]int{}
	var order []string
	for i, f := range all {
		if _, ok := byName[f.name]; !ok {
			order = append(order, f.name)
		}
		byName[f.name] = append(byName[f.name], i)
	}
	var out []jsonField
	for _, name := range order {
		idx := byName[name]
		best, n, tagged := -1, 0, 0
		for _, i := range idx {
			switch {
			case best < 0 || all[i].depth < all[best].depth:
				best, n, tagged = i, 1, 0
				if all[i].tagged {
					tagged = 1
				}
			case all[i].depth == all[best].depth:
				n++
				if all[i].tagged {
					if tagged == 0 {
						best = i
					}
					tagged++
				}
			}
		}
		if n == 1 || tagged == 1 {
			out = append(out, all[best])
		}
	}
	return out
}

// validTag reports whether encoding/json takes name, from a tag, as a
// field's name: letters, digits and punctuation other than a quote, a
// backslash or a comma. It names a field with an invalid one by its Go
// name.
func validTag(name string) bool {
	if name == "" {
		return false
	}
	for _, r := range name {
		if !strings.ContainsRune("!#$%&()*+-./:;<=>?@[]^_{|}~ ", r) && !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			return false
		}
	}
	return true
}
