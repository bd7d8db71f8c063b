package accountabilitytest

import "reflect"

// deepCopy returns a copy of v that shares nothing a rule could modify
// through v: each slice, map and pointer in it, reached through exported
// fields, is copied in turn, nil staying nil and empty staying empty, so
// that reflect.DeepEqual of the copy and v, after a rule has run over v,
// says whether the rule modified it. Unlike a copy through JSON, it cannot
// fail: a register holding values encoding/json cannot write (a category
// out of range, a time after the year 9999) is copied as any other. A
// struct's unexported fields, which a rule in another package cannot set,
// are copied as they are (a time.Time's *time.Location, which nothing
// modifies, stays shared). v must be a tree, as a Register is: a value
// that holds itself would be copied without end.
func deepCopy(v reflect.Value) reflect.Value {
	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() {
			return v
		}
		c := reflect.New(v.Type().Elem())
		c.Elem().Set(deepCopy(v.Elem()))
		return c
	case reflect.Slice:
		if v.IsNil() {
			return v
		}
		c := reflect.MakeSlice(v.Type(), v.Len(), v.Len())
		for i := range v.Len() {
			c.Index(i).Set(deepCopy(v.Index(i)))
		}
		return c
	case reflect.Array:
		c := reflect.New(v.Type()).Elem()
		for i := range v.Len() {
			c.Index(i).Set(deepCopy(v.Index(i)))
		}
		return c
	case reflect.Map:
		if v.IsNil() {
			return v
		}
		c := reflect.MakeMapWithSize(v.Type(), v.Len())
		for it := v.MapRange(); it.Next(); {
			c.SetMapIndex(deepCopy(it.Key()), deepCopy(it.Value()))
		}
		return c
	case reflect.Interface:
		if v.IsNil() {
			return v
		}
		c := reflect.New(v.Type()).Elem()
		c.Set(deepCopy(v.Elem()))
		return c
	case reflect.Struct:
		c := reflect.New(v.Type()).Elem()
		c.Set(v) // the unexported fields, as they are
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				c.Field(i).Set(deepCopy(v.Field(i)))
			}
		}
		return c
	}
	return v
}
