package jsonx

import (
	"bytes"
	"encoding"
	"encoding/json"
	"fmt"
	"reflect"
	"strings"

	"github.com/qingdan/qingdan/internal/errtext"
)

var (
	unmarshalerType     = reflect.TypeFor[json.Unmarshaler]()
	textUnmarshalerType = reflect.TypeFor[encoding.TextUnmarshaler]()
)

// exactKeys checks what encoding/json does not: that every key of every
// JSON object in data names a field of the Go type it decodes into with
// the same case. encoding/json matches keys case-insensitively, so a
// misspelt "creditcode" would fill CreditCode; a strict decoder refuses it.
// A type that decodes itself (json.Unmarshaler) is left to its own
// decoder, which in this library is Decode again.
func exactKeys(data []byte, t reflect.Type) error {
	d := json.NewDecoder(bytes.NewReader(data))
	d.UseNumber()
	var v any
	if err := d.Decode(&v); err != nil {
		return nil // Decode has reported it already
	}
	fields := make(map[reflect.Type]map[string]reflect.Type)
	return walkKeys(v, t, fields)
}

func walkKeys(v any, t reflect.Type, fields map[reflect.Type]map[string]reflect.Type) error {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if reflect.PointerTo(t).Implements(unmarshalerType) || reflect.PointerTo(t).Implements(textUnmarshalerType) {
		return nil
	}
	switch t.Kind() {
	case reflect.Struct:
		obj, ok := v.(map[string]any)
		if !ok {
			return nil
		}
		fs, ok := fields[t]
		if !ok {
			fs = make(map[string]reflect.Type)
			collectFields(t, fs)
			fields[t] = fs
		}
		for k, x := range obj {
			ft, ok := fs[k]
			if !ok {
				for name := range fs {
					if strings.EqualFold(name, k) {
						return fmt.Errorf("json: field %s is spelt %q here (field names are case-sensitive)", errtext.Quote(k), name)
					}
				}
				continue // an unknown field: DisallowUnknownFields reports it
			}
			if err := walkKeys(x, ft, fields); err != nil {
				return err
			}
		}
	case reflect.Map:
		if obj, ok := v.(map[string]any); ok {
			for _, x := range obj {
				if err := walkKeys(x, t.Elem(), fields); err != nil {
					return err
				}
			}
		}
	case reflect.Slice, reflect.Array:
		if arr, ok := v.([]any); ok {
			for _, x := range arr {
				if err := walkKeys(x, t.Elem(), fields); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// collectFields adds the JSON names of struct type t's fields to fs, with
// their types, as encoding/json names them: the tag's name or the Go name,
// embedded untagged structs contributing their own fields.
func collectFields(t reflect.Type, fs map[string]reflect.Type) {
	for i := 0; i < t.NumField(); i++ {
		sf := t.Field(i)
		tag := sf.Tag.Get("json")
		if tag == "-" {
			continue
		}
		name, _, _ := strings.Cut(tag, ",")
		ft := sf.Type
		if sf.Anonymous && name == "" {
			et := ft
			if et.Kind() == reflect.Pointer {
				et = et.Elem()
			}
			if et.Kind() == reflect.Struct {
				collectFields(et, fs)
				continue
			}
		}
		if !sf.IsExported() {
			continue
		}
		if name == "" {
			name = sf.Name
		}
		if _, dup := fs[name]; !dup { // the outer field shadows a promoted one
			fs[name] = ft
		}
	}
}
